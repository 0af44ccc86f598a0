import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../api/problem';
import { NotFound } from '../../components/NotFound';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { PageSkeleton } from '../../components/Skeletons';
import { t } from '../../messages';
import { canAdminister, useSignedIn } from '../auth/session';
import { INTERACTION_TYPES } from '../engagement/types';
import { gatekeeperLabel, levelLabel } from '../stakeholders/labels';
import { GATEKEEPER_AREAS, LEVELS } from '../stakeholders/types';
import { draftBody, draftFrom, emptyKpi, emptyPhase, validateDraft, type Draft, type KpiDraft, type PhaseDraft } from './frameworkDraft';
import { fieldErrorsByPath, formatLabel, kpiDirectionLabel, kpiKindLabel, parseId } from './labels';
import { publishVersion, useFramework, useInvalidateProjects } from './queries';
import { KPI_DIRECTIONS, KPI_KINDS, MULTI_STAKEHOLDER, type Framework, type FrameworkVersion, type GatekeeperArea, type KpiDirection, type KpiKind, type Level, type RecommendedFormat } from './types';
import classes from './projects.module.css';

const formatOptions = [...INTERACTION_TYPES, MULTI_STAKEHOLDER].map((f) => ({ value: f, label: formatLabel(f) }));
const levelOptions = LEVELS.map((l) => ({ value: l, label: levelLabel(l) }));
const gatekeeperOptions = GATEKEEPER_AREAS.map((g) => ({ value: g, label: gatekeeperLabel(g) }));
const directionOptions = KPI_DIRECTIONS.map((d) => ({ value: d, label: kpiDirectionLabel(d) }));
const kindOptions = KPI_KINDS.map((k) => ({ value: k, label: kpiKindLabel(k) }));

type Errors = Record<string, string>;

function PhaseEditor({
  phase,
  index,
  count,
  kpiKeys,
  errors,
  readOnly,
  onChange,
  onMove,
  onRemove,
}: {
  phase: PhaseDraft;
  index: number;
  count: number;
  kpiKeys: string[];
  errors: Errors;
  readOnly: boolean;
  onChange: (p: PhaseDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const at = `phases[${index}]`;
  const err = (f: string) => errors[`${at}.${f}`] || undefined;
  const set = <K extends keyof PhaseDraft>(key: K, value: PhaseDraft[K]) => onChange({ ...phase, [key]: value });
  const label = t('projects.editor.phaseN', { n: index + 1, name: phase.name || '…' });
  return (
    <fieldset className={classes.fieldset} disabled={readOnly}>
      <legend className={classes.legend}>{label}</legend>
      <Stack gap="sm">
        <Group justify="flex-end" gap={4}>
          <ActionIcon variant="subtle" color="gray" disabled={index === 0} onClick={() => onMove(-1)} aria-label={t('projects.editor.moveUp', { name: label })}>
            <IconArrowUp size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon variant="subtle" color="gray" disabled={index === count - 1} onClick={() => onMove(1)} aria-label={t('projects.editor.moveDown', { name: label })}>
            <IconArrowDown size={16} aria-hidden />
          </ActionIcon>
          <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('projects.editor.remove', { name: label })}>
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={t('projects.editor.key')} required value={phase.key} onChange={(e) => set('key', e.currentTarget.value)} error={err('key')} />
          <TextInput label={t('projects.editor.name')} required value={phase.name} onChange={(e) => set('name', e.currentTarget.value)} error={err('name')} />
          <NumberInput label={t('projects.editor.maxDays')} required min={1} value={phase.max_days} onChange={(v) => set('max_days', v)} error={err('max_days')} />
        </SimpleGrid>
        <Textarea
          label={t('projects.editor.guidelines')}
          description={t('projects.editor.guidelinesHint')}
          autosize
          minRows={3}
          maxRows={12}
          value={phase.guidelines}
          onChange={(e) => set('guidelines', e.currentTarget.value)}
          error={err('guidelines')}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <MultiSelect
            label={t('projects.recommendedFormats')}
            data={formatOptions}
            value={phase.recommended_formats}
            onChange={(v) => set('recommended_formats', v as RecommendedFormat[])}
            error={err('recommended_formats')}
          />
          <Select
            label={t('projects.expectedLevel')}
            data={levelOptions}
            value={phase.expected_level}
            clearable
            placeholder={t('projects.editor.noLevel')}
            onChange={(v) => set('expected_level', v as Level | null)}
            error={err('expected_level')}
          />
          <MultiSelect
            label={t('projects.editor.kpiKeys')}
            data={kpiKeys.filter(Boolean)}
            value={phase.kpi_keys}
            onChange={(v) => set('kpi_keys', v)}
            error={err('kpi_keys')}
            nothingFoundMessage={t('projects.editor.noKpis')}
          />
          <MultiSelect
            label={t('projects.editor.gatekeepers')}
            data={gatekeeperOptions}
            value={phase.gatekeepers}
            onChange={(v) => set('gatekeepers', v as GatekeeperArea[])}
            error={err('gatekeepers')}
          />
        </SimpleGrid>
        <Stack gap="xs">
          <Text fz="sm" fw={600}>
            {t('projects.criteria.title')}
          </Text>
          {phase.exit_criteria.length === 0 && <Text fz="xs" c="dimmed">{t('projects.criteria.none')}</Text>}
          {phase.exit_criteria.map((c, j) => {
            const cat = `exit_criteria[${j}]`;
            const update = (next: Partial<typeof c>) => set('exit_criteria', phase.exit_criteria.map((x, k) => (k === j ? { ...x, ...next } : x)));
            return (
              <Group key={j} gap="xs" align="flex-start" wrap="wrap">
                <TextInput
                  size="xs"
                  w={180}
                  label={t('projects.editor.criterionKey', { n: j + 1 })}
                  value={c.key}
                  onChange={(e) => update({ key: e.currentTarget.value })}
                  error={err(`${cat}.key`)}
                />
                <TextInput
                  size="xs"
                  style={{ flex: 1, minWidth: 200 }}
                  label={t('projects.editor.criterionText', { n: j + 1 })}
                  value={c.text}
                  onChange={(e) => update({ text: e.currentTarget.value })}
                  error={err(`${cat}.text`)}
                />
                <Checkbox
                  size="xs"
                  mt={28}
                  label={t('projects.editor.evidenceRequired')}
                  checked={c.evidence_required}
                  onChange={(e) => update({ evidence_required: e.currentTarget.checked })}
                />
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  mt={22}
                  aria-label={t('projects.editor.removeCriterion', { n: j + 1 })}
                  onClick={() => set('exit_criteria', phase.exit_criteria.filter((_, k) => k !== j))}
                >
                  <IconTrash size={14} aria-hidden />
                </ActionIcon>
              </Group>
            );
          })}
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconPlus size={14} aria-hidden />}
            style={{ alignSelf: 'flex-start' }}
            onClick={() => set('exit_criteria', [...phase.exit_criteria, { key: '', text: '', evidence_required: false }])}
          >
            {t('projects.editor.addCriterion')}
          </Button>
        </Stack>
      </Stack>
    </fieldset>
  );
}

function KpiEditor({
  kpi,
  index,
  phaseOptions,
  errors,
  readOnly,
  onChange,
  onRemove,
}: {
  kpi: KpiDraft;
  index: number;
  phaseOptions: { value: string; label: string }[];
  errors: Errors;
  readOnly: boolean;
  onChange: (k: KpiDraft) => void;
  onRemove: () => void;
}) {
  const at = `kpis[${index}]`;
  const err = (f: string) => errors[`${at}.${f}`] || undefined;
  const set = <K extends keyof KpiDraft>(key: K, value: KpiDraft[K]) => onChange({ ...kpi, [key]: value });
  const label = t('projects.editor.kpiN', { n: index + 1, name: kpi.name || '…' });
  return (
    <fieldset className={classes.fieldset} disabled={readOnly}>
      <legend className={classes.legend}>{label}</legend>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <TextInput size="xs" label={t('projects.editor.key')} required value={kpi.key} onChange={(e) => set('key', e.currentTarget.value)} error={err('key')} />
        <TextInput size="xs" label={t('projects.editor.name')} required value={kpi.name} onChange={(e) => set('name', e.currentTarget.value)} error={err('name')} />
        <TextInput size="xs" label={t('projects.editor.unit')} value={kpi.unit} onChange={(e) => set('unit', e.currentTarget.value)} error={err('unit')} />
        <NumberInput size="xs" label={t('projects.editor.target')} value={kpi.target} onChange={(v) => set('target', v)} error={err('target')} />
        <Select size="xs" label={t('projects.editor.direction')} data={directionOptions} value={kpi.direction} allowDeselect={false} onChange={(v) => v && set('direction', v as KpiDirection)} error={err('direction')} />
        <Select size="xs" label={t('projects.editor.kind')} data={kindOptions} value={kpi.kind} allowDeselect={false} onChange={(v) => v && set('kind', v as KpiKind)} error={err('kind')} />
        <Select
          size="xs"
          label={t('projects.editor.countsFrom')}
          description={t('projects.editor.countsFromHint')}
          data={phaseOptions}
          value={kpi.counts_from_phase}
          clearable
          onChange={(v) => set('counts_from_phase', v)}
          error={err('counts_from_phase')}
          required={kpi.kind === 'financial'}
        />
        <Group align="flex-end">
          <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={onRemove} aria-label={t('projects.editor.remove', { name: label })}>
            {t('projects.editor.removeShort')}
          </Button>
        </Group>
      </SimpleGrid>
    </fieldset>
  );
}

function Editor({ framework, version, readOnly }: { framework: Framework; version: FrameworkVersion | undefined; readOnly: boolean }) {
  const invalidate = useInvalidateProjects();
  const [draft, setDraft] = useState<Draft>(() => draftFrom(version));
  const [errors, setErrors] = useState<Errors>({});
  const summaryRef = useRef<HTMLDivElement>(null);
  const update = (next: Draft) => setDraft(next);
  const phaseKeys = draft.phases.map((p) => p.key.trim()).filter(Boolean);
  const phaseOptions = draft.phases.filter((p) => p.key.trim()).map((p) => ({ value: p.key.trim(), label: p.name || p.key }));

  const publish = useMutation({
    mutationFn: () => publishVersion(framework.id, draftBody(draft)),
    onSuccess: async (v) => {
      await invalidate();
      setErrors({});
      notifySuccess(t('projects.editor.published', { version: v?.version ?? framework.current_version + 1 }));
    },
    onError: (error) => {
      if (!(error instanceof ApiError)) return notifyError(error);
      const byPath = fieldErrorsByPath(error.problem.errors, t('problem.field_invalid'));
      if (error.problem.field) byPath[error.problem.field] ??= error.problem.detail ?? t('problem.field_invalid');
      if (Object.keys(byPath).length === 0) return notifyError(error);
      setErrors(byPath);
      requestAnimationFrame(() => summaryRef.current?.focus());
    },
  });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (readOnly || publish.isPending) return;
    const found = validateDraft(draft);
    setErrors(found);
    if (Object.keys(found).length === 0) publish.mutate();
    else requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const problems = Object.entries(errors).filter(([, v]) => v);
  return (
    <form onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}>
      <Stack gap="md">
        {problems.length > 0 && (
          <Alert
            ref={summaryRef}
            tabIndex={-1}
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} aria-hidden />}
            title={t('projects.editor.problems', { count: problems.length })}
            role="alert"
          >
            <List size="sm" spacing={2}>
              {problems.map(([field, detail]) => (
                <List.Item key={field}>
                  <Text span ff="monospace" fz="xs">
                    {field}
                  </Text>
                  : {detail}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        <section aria-labelledby="editor-phases">
          <Group justify="space-between" mb="xs">
            <Title order={2} fz="md" fw={600} id="editor-phases">
              {t('projects.phases')}
            </Title>
            <Text fz="xs" c="dimmed">
              {t('projects.editor.phaseRule')}
            </Text>
          </Group>
          {errors.phases && (
            <Text c="red" fz="sm" mb="xs">
              {errors.phases}
            </Text>
          )}
          <Stack gap="sm">
            {draft.phases.map((p, i) => (
              <PhaseEditor
                key={p.uid}
                phase={p}
                index={i}
                count={draft.phases.length}
                kpiKeys={draft.kpis.map((k) => k.key.trim())}
                errors={errors}
                readOnly={readOnly}
                onChange={(next) => update({ ...draft, phases: draft.phases.map((x, j) => (j === i ? next : x)) })}
                onMove={(delta) => {
                  const phases = [...draft.phases];
                  const [moved] = phases.splice(i, 1);
                  if (moved) phases.splice(i + delta, 0, moved);
                  update({ ...draft, phases });
                }}
                onRemove={() => update({ ...draft, phases: draft.phases.filter((_, j) => j !== i) })}
              />
            ))}
            {!readOnly && draft.phases.length < 12 && (
              <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} style={{ alignSelf: 'flex-start' }} onClick={() => update({ ...draft, phases: [...draft.phases, emptyPhase()] })}>
                {t('projects.editor.addPhase')}
              </Button>
            )}
          </Stack>
        </section>
        <section aria-labelledby="editor-kpis">
          <Title order={2} fz="md" fw={600} id="editor-kpis" mb="xs">
            {t('projects.kpis')}
          </Title>
          {errors.kpis && (
            <Text c="red" fz="sm" mb="xs">
              {errors.kpis}
            </Text>
          )}
          <Stack gap="sm">
            {draft.kpis.length === 0 && <Text fz="sm" c="dimmed">{t('projects.editor.noKpis')}</Text>}
            {draft.kpis.map((k, i) => (
              <KpiEditor
                key={k.uid}
                kpi={k}
                index={i}
                phaseOptions={phaseOptions}
                errors={errors}
                readOnly={readOnly}
                onChange={(next) => update({ ...draft, kpis: draft.kpis.map((x, j) => (j === i ? next : x)) })}
                onRemove={() => update({ ...draft, kpis: draft.kpis.filter((_, j) => j !== i) })}
              />
            ))}
            {!readOnly && (
              <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} style={{ alignSelf: 'flex-start' }} onClick={() => update({ ...draft, kpis: [...draft.kpis, emptyKpi()] })}>
                {t('projects.editor.addKpi')}
              </Button>
            )}
          </Stack>
        </section>
        {!readOnly && (
          <Paper withBorder radius="md" p="sm">
            <Group justify="space-between" gap="sm">
              <Text fz="xs" c="dimmed" maw={560}>
                {t('projects.editor.publishHint', { phases: phaseKeys.length })}
              </Text>
              <Button type="submit" loading={publish.isPending}>
                {t('projects.editor.publish', { version: framework.current_version + 1 })}
              </Button>
            </Group>
          </Paper>
        )}
      </Stack>
    </form>
  );
}

/** /projects/frameworks/:id — a framework's current version, edited and published as a new version. */
export default function FrameworkEditorPage() {
  const { id } = useParams();
  const frameworkId = parseId(id);
  const { user } = useSignedIn();
  // The framework comes with its current version, which the editor starts from.
  const framework = useFramework(frameworkId);
  if (frameworkId === undefined) return <NotFound />;
  if (framework.isPending) return <PageSkeleton />;
  if (framework.isError) return <QueryError error={framework.error} retry={() => framework.refetch()} />;
  const f = framework.data;
  const readOnly = !canAdminister(user.role);
  return (
    <>
      <PageHeader
        title={f.name}
        crumbs={[
          { label: t('projects.title'), to: '/projects' },
          { label: t('projects.frameworks.title'), to: '/projects/frameworks' },
        ]}
        description={
          readOnly
            ? t('projects.editor.readOnly')
            : f.current_version > 0
              ? t('projects.editor.descriptionVersion', { version: f.current_version })
              : t('projects.editor.descriptionNew')
        }
      />
      <Editor key={`${f.id}-${f.current_version}`} framework={f} version={f.current} readOnly={readOnly} />
    </>
  );
}
