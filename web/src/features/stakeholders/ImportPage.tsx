import {
  Alert,
  Anchor,
  Badge,
  Button,
  FileInput,
  Group,
  Loader,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconFileTypeCsv } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError, problemMessage } from '../../api/problem';
import { NotFound } from '../../components/NotFound';
import { PageHeader } from '../../components/PageHeader';
import { formatNumber } from '../../lib/format';
import { t, tp, type MessageKey } from '../../messages';
import { canAdminister, useSignedIn } from '../auth/session';
import { MAX_CSV_BYTES, mappingForRequest, rowErrorsFromProblem, sampleCells, sharedColumns } from './importMapping';
import { commitImport, previewImport } from './queries';
import { IMPORT_FIELDS, type ImportField, type ImportMapping, type ImportPreview, type ImportResult, type OnDuplicate, type RowError } from './types';

const fieldKeys: Record<ImportField, MessageKey> = {
  name: 'stakeholders.name',
  type: 'stakeholders.type',
  kind: 'stakeholders.kind',
  email: 'stakeholders.email',
  domain: 'stakeholders.domain',
  industry: 'stakeholders.industry',
  region: 'stakeholders.region',
  size: 'stakeholders.size',
  tags: 'stakeholders.tags',
  internal: 'stakeholders.internal',
  level: 'stakeholders.level',
  organisation: 'stakeholders.import.field.organisation',
  title: 'stakeholders.import.field.title',
  notes: 'stakeholders.notes',
};
const fieldLabel = (f: ImportField) => t(fieldKeys[f]);
const matchKeys: Record<string, MessageKey> = {
  email: 'stakeholders.email',
  domain: 'stakeholders.domain',
  name: 'stakeholders.name',
};

function Busy({ children }: { children: ReactNode }) {
  return (
    <Group gap="xs" role="status" py="sm">
      <Loader size="sm" />
      <Text fz="sm">{children}</Text>
    </Group>
  );
}

/**
 * A table that may scroll must be reachable by keyboard (these hold no links to tab to): its
 * viewport takes focus, named after the table.
 */
const focusableScroll = (label: string) => ({ viewportProps: { tabIndex: 0, role: 'region', 'aria-label': label } });

function ErrorsTable({ errors, caption }: { errors: RowError[]; caption: string }) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={480} mah={360} scrollAreaProps={focusableScroll(caption)}>
        <Table stickyHeader>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{t('stakeholders.import.line')}</Table.Th>
              <Table.Th w={160}>{t('stakeholders.import.field')}</Table.Th>
              <Table.Th>{t('stakeholders.import.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {errors.map((e, i) => (
              <Table.Tr key={i}>
                <Table.Td fz="sm">{e.line > 0 ? formatNumber(e.line) : '—'}</Table.Td>
                <Table.Td fz="sm">
                  <code>{e.field || '—'}</code>
                </Table.Td>
                <Table.Td fz="sm">{e.detail}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** Step 1: the CSV, from a file or pasted. */
function ChooseStep({
  csv,
  fileName,
  onCsv,
  onNext,
  busy,
  error,
}: {
  csv: string;
  fileName: string | null;
  onCsv: (csv: string, fileName: string | null) => void;
  onNext: () => void;
  busy: boolean;
  error: string | null;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const choose = async (f: File | null) => {
    setFile(f);
    setReadError(null);
    if (!f) return onCsv('', null);
    if (f.size > MAX_CSV_BYTES) return setReadError(t('stakeholders.import.tooLarge'));
    try {
      onCsv(await f.text(), f.name);
    } catch {
      setReadError(t('stakeholders.import.readFailed'));
    }
  };
  const tooLarge = new Blob([csv]).size > MAX_CSV_BYTES;
  return (
    <Stack gap="md">
      <Text fz="sm" c="dimmed">
        {t('stakeholders.import.chooseIntro')}
      </Text>
      <FileInput
        label={t('stakeholders.import.file')}
        placeholder={fileName ?? t('stakeholders.import.filePlaceholder')}
        accept=".csv,text/csv"
        leftSection={<IconFileTypeCsv size={16} aria-hidden />}
        value={file}
        onChange={choose}
        error={readError}
        clearable
        maw={420}
        // The placeholder is real text in a button here; Mantine's placeholder grey is 2:1 on white.
        styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
      />
      <Textarea
        label={t('stakeholders.import.paste')}
        description={t('stakeholders.import.pasteHint')}
        value={csv}
        onChange={(e) => onCsv(e.currentTarget.value, null)}
        autosize
        minRows={6}
        maxRows={16}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
        error={tooLarge ? t('stakeholders.import.tooLarge') : undefined}
      />
      {error && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
          {error}
        </Alert>
      )}
      {busy ? (
        <Busy>{t('stakeholders.import.previewing')}</Busy>
      ) : (
        <Group justify="flex-end">
          <Button onClick={onNext} disabled={!csv.trim() || tooLarge}>
            {t('stakeholders.import.toMapping')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** Step 2: which column feeds which field, what the server thinks of the rows, and duplicates. */
function MapStep({
  preview,
  mapping,
  onMapping,
  onDuplicate,
  setOnDuplicate,
  busy,
  error,
  onBack,
  onImport,
}: {
  preview: ImportPreview;
  mapping: ImportMapping;
  onMapping: (m: ImportMapping) => void;
  onDuplicate: OnDuplicate;
  setOnDuplicate: (v: OnDuplicate) => void;
  busy: 'preview' | 'import' | null;
  error: string | null;
  onBack: () => void;
  onImport: () => void;
}) {
  const columns = preview.columns.map((c) => ({ value: c, label: c }));
  const shared = sharedColumns(mapping);
  const invalid = preview.total_rows - preview.valid_rows;
  const importable = preview.valid_rows - (onDuplicate === 'skip' ? new Set(preview.duplicates.map((d) => d.line)).size : 0);
  return (
    <Stack gap="lg">
      <section aria-labelledby="import-mapping-heading">
        <Title order={2} fz="md" fw={600} id="import-mapping-heading">
          {t('stakeholders.import.mappingTitle')}
        </Title>
        <Text fz="sm" c="dimmed" mb="sm">
          {t('stakeholders.import.mappingHint', { columns: preview.columns.join(', ') })}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          {IMPORT_FIELDS.map((field) => {
            const column = mapping[field] ?? null;
            return (
              <Select
                key={field}
                label={fieldLabel(field)}
                placeholder={t('stakeholders.import.notImported')}
                data={columns}
                value={column}
                onChange={(v) => onMapping({ ...mapping, [field]: v })}
                clearable
                size="xs"
                error={column && shared.has(column) ? t('stakeholders.import.sharedColumn') : undefined}
              />
            );
          })}
        </SimpleGrid>
        {!mapping.name && (
          <Text fz="sm" c="orange.8" mt="xs" role="note">
            {t('stakeholders.import.nameUnmapped')}
          </Text>
        )}
      </section>

      <section aria-labelledby="import-check-heading" aria-busy={busy === 'preview'}>
        <Title order={2} fz="md" fw={600} id="import-check-heading" mb="xs">
          {t('stakeholders.import.checkTitle')}
        </Title>
        {busy === 'preview' ? (
          <Busy>{t('stakeholders.import.previewing')}</Busy>
        ) : (
          <Group gap="xs" mb="sm" aria-live="polite">
            <Badge variant="light" color="gray" size="lg" tt="none">
              {tp('stakeholders.import.rows', preview.total_rows)}
            </Badge>
            <Badge variant="light" color="teal" size="lg" tt="none" leftSection={<IconCheck size={14} aria-hidden />}>
              {tp('stakeholders.import.validRows', preview.valid_rows)}
            </Badge>
            {invalid > 0 && (
              <Badge variant="light" color="red" size="lg" tt="none" leftSection={<IconAlertTriangle size={14} aria-hidden />}>
                {tp('stakeholders.import.invalidRows', invalid)}
              </Badge>
            )}
          </Group>
        )}
        {preview.errors.length > 0 && <ErrorsTable errors={preview.errors} caption={t('stakeholders.import.errorsCaption')} />}
        {preview.sample.length > 0 && (
          <Paper withBorder radius="md" mt="sm">
            <Table.ScrollContainer
              minWidth={Math.max(480, preview.columns.length * 120)}
              mah={260}
              scrollAreaProps={focusableScroll(t('stakeholders.import.sampleCaption', { count: preview.sample.length }))}
            >
              <Table fz="xs" stickyHeader>
                <Table.Caption>{t('stakeholders.import.sampleCaption', { count: preview.sample.length })}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('stakeholders.import.line')}</Table.Th>
                    {preview.columns.map((c) => (
                      <Table.Th key={c}>{c}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.sample.map((row) => (
                    <Table.Tr key={row.line}>
                      <Table.Td>{row.line}</Table.Td>
                      {sampleCells(row.values, preview.columns).map((v, i) => (
                        <Table.Td key={i}>{v}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </section>

      {preview.duplicates.length > 0 && (
        <section aria-labelledby="import-duplicates-heading">
          <Title order={2} fz="md" fw={600} id="import-duplicates-heading" mb="xs">
            {t('stakeholders.import.duplicatesTitle')}
          </Title>
          <Paper withBorder radius="md" mb="sm">
            <Table.ScrollContainer minWidth={480} mah={300} scrollAreaProps={focusableScroll(tp('stakeholders.import.duplicatesCaption', preview.duplicates.length))}>
              <Table stickyHeader>
                <Table.Caption>{tp('stakeholders.import.duplicatesCaption', preview.duplicates.length)}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={80}>{t('stakeholders.import.line')}</Table.Th>
                    <Table.Th w={140}>{t('stakeholders.import.matchedBy')}</Table.Th>
                    <Table.Th>{t('stakeholders.import.existing')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.duplicates.map((d) => (
                    <Table.Tr key={`${d.line}-${d.existing_id}`}>
                      <Table.Td fz="sm">{formatNumber(d.line)}</Table.Td>
                      <Table.Td fz="sm">{matchKeys[d.match] ? t(matchKeys[d.match] as MessageKey) : d.match}</Table.Td>
                      <Table.Td fz="sm">
                        <Anchor component={Link} to={`/stakeholders/${d.existing_id}`} target="_blank" fz="sm">
                          {d.existing_name}
                        </Anchor>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Radio.Group label={t('stakeholders.import.onDuplicate')} value={onDuplicate} onChange={(v) => setOnDuplicate(v as OnDuplicate)}>
            <Stack gap={6} mt={6}>
              <Radio value="skip" label={t('stakeholders.import.skip')} />
              <Radio value="create" label={t('stakeholders.import.create')} />
            </Stack>
          </Radio.Group>
        </section>
      )}

      {error && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} role="alert">
          {error}
        </Alert>
      )}
      {busy === 'import' ? (
        <Busy>{t('stakeholders.import.importing')}</Busy>
      ) : (
        <Group justify="space-between">
          <Button variant="default" onClick={onBack}>
            {t('stakeholders.import.back')}
          </Button>
          <Button onClick={onImport} disabled={busy !== null || preview.valid_rows === 0 || invalid > 0}>
            {tp('stakeholders.import.importRows', Math.max(0, importable))}
          </Button>
        </Group>
      )}
      {invalid > 0 && busy === null && (
        <Text fz="sm" c="dimmed" ta="right">
          {t('stakeholders.import.fixFirst')}
        </Text>
      )}
    </Stack>
  );
}

/** /stakeholders/import — CSV import in three steps. Admins and innovation managers only. */
export default function ImportPage() {
  const me = useSignedIn();
  const client = useQueryClient();
  const [active, setActive] = useState(0);
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [onDuplicate, setOnDuplicate] = useState<OnDuplicate>('skip');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [rowErrors, setRowErrors] = useState<RowError[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const check = useMutation({
    mutationFn: (m: ImportMapping | undefined) => previewImport({ csv, on_duplicate: onDuplicate, ...(m ? { mapping: m } : {}) }),
    onSuccess: (p, m) => {
      setPreview(p);
      // The first preview proposes a mapping; later ones keep what the user chose.
      if (!m) setMapping(p.mapping);
      setError(null);
      setActive(1);
    },
    onError: (e) => setError(problemMessage(e)),
  });
  const commit = useMutation({
    mutationFn: () => commitImport({ csv, mapping: mappingForRequest(mapping, preview?.columns ?? []), on_duplicate: onDuplicate }),
    onSuccess: async (r) => {
      setResult(r);
      setRowErrors(null);
      setError(null);
      setActive(2);
      await client.invalidateQueries({ queryKey: ['stakeholders'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 422 && e.problem.errors?.length) {
        setRowErrors(rowErrorsFromProblem(e.problem));
        setResult(null);
        setActive(2);
      } else setError(problemMessage(e));
    },
  });

  if (!canAdminister(me.user.role)) return <NotFound />;

  const changeMapping = (m: ImportMapping) => {
    setMapping(m);
    if (preview) check.mutate(mappingForRequest(m, preview.columns));
  };
  const restart = () => {
    setActive(0);
    setCsv('');
    setFileName(null);
    setPreview(null);
    setMapping({});
    setResult(null);
    setRowErrors(null);
    setError(null);
  };

  return (
    <>
      <PageHeader
        title={t('stakeholders.import.title')}
        crumbs={[{ label: t('stakeholders.title'), to: '/stakeholders' }]}
        description={t('stakeholders.import.description')}
      />
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Stepper active={active} size="sm" allowNextStepsSelect={false} onStepClick={(s) => s < active && !result && setActive(s)}>
          <Stepper.Step label={t('stakeholders.import.step1')} description={fileName ?? undefined}>
            <ChooseStep
              csv={csv}
              fileName={fileName}
              onCsv={(text, name) => {
                setCsv(text);
                setFileName(name);
                setPreview(null);
              }}
              onNext={() => check.mutate(undefined)}
              busy={check.isPending}
              error={error}
            />
          </Stepper.Step>
          <Stepper.Step label={t('stakeholders.import.step2')}>
            {preview && (
              <MapStep
                preview={preview}
                mapping={mapping}
                onMapping={changeMapping}
                onDuplicate={onDuplicate}
                setOnDuplicate={setOnDuplicate}
                busy={check.isPending ? 'preview' : commit.isPending ? 'import' : null}
                error={error}
                onBack={() => setActive(0)}
                onImport={() => commit.mutate()}
              />
            )}
          </Stepper.Step>
          <Stepper.Step label={t('stakeholders.import.step3')}>
            {result && (
              <Stack gap="md" role="status">
                <Alert color="teal" icon={<IconCheck size={18} />} title={t('stakeholders.import.doneTitle')}>
                  <Stack gap={2}>
                    <Text fz="sm">{tp('stakeholders.import.created', result.created)}</Text>
                    <Text fz="sm">{tp('stakeholders.import.skipped', result.skipped)}</Text>
                    <Text fz="sm">{tp('stakeholders.import.affiliations', result.affiliations)}</Text>
                  </Stack>
                </Alert>
                <Group>
                  <Button component={Link} to="/stakeholders?sort=-updated">
                    {t('stakeholders.import.toList')}
                  </Button>
                  <Button variant="default" onClick={restart}>
                    {t('stakeholders.import.another')}
                  </Button>
                </Group>
              </Stack>
            )}
            {rowErrors && (
              <Stack gap="md">
                <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('stakeholders.import.failedTitle')} role="alert">
                  {tp('stakeholders.import.failedBody', rowErrors.length)}
                </Alert>
                <ErrorsTable errors={rowErrors} caption={t('stakeholders.import.errorsCaption')} />
                <Group>
                  <Button variant="default" onClick={() => setActive(1)}>
                    {t('stakeholders.import.backToMapping')}
                  </Button>
                  <Button variant="subtle" onClick={restart}>
                    {t('stakeholders.import.another')}
                  </Button>
                </Group>
              </Stack>
            )}
          </Stepper.Step>
        </Stepper>
      </Paper>
    </>
  );
}
