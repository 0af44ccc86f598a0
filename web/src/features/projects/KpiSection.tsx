// The KPI charts of a project (one line per KPI, target as a line, values recorded before the KPI
// counts greyed and dashed) with a table alternative, and the "Record KPI value" form.
import { Button, Collapse, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { getHotkeyHandler, useDisclosure } from '@mantine/hooks';
import { IconTable } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { formatNumber } from '../../lib/format';
import { t, tp } from '../../messages';
import { mapProblem } from '../../api/problem';
import { notifyError, notifySuccess } from '../../components/notify';
import { dayLabel, localDayPlus } from '../engagement/parts';
import { Chart } from './Chart';
import { kpiLineOption, type ChartColors } from './charts';
import { countsIn, kpiDirectionLabel, kpiKindLabel, kpiPointStyle, meetsTarget } from './labels';
import { Muted, Section } from './parts';
import { recordKpiValue, useInvalidateProjects, useKpiValues } from './queries';
import type { FrameworkVersion, KpiDefinition, KpiValue, Project } from './types';

function KpiCard({ kpi, values, version }: { kpi: KpiDefinition; values: KpiValue[]; version: FrameworkVersion }) {
  const [tableOpen, { toggle }] = useDisclosure(false);
  const fromName = version.phases.find((p) => p.key === kpi.counts_from_phase)?.name;
  const countsLabel = t('projects.kpi.counts');
  const beforeLabel = fromName ? t('projects.kpi.beforeNamed', { phase: fromName }) : t('projects.kpi.before');
  const targetLabel = t('projects.kpi.target', { target: kpi.target ?? 0 });
  const build = useCallback(
    (colors: ChartColors) => kpiLineOption(kpi, values, { counts: countsLabel, before: beforeLabel, target: targetLabel }, colors),
    [kpi, values, countsLabel, beforeLabel, targetLabel],
  );
  const sorted = [...values].sort((a, b) => a.recorded_on.localeCompare(b.recorded_on) || a.id - b.id);
  const latest = [...sorted].reverse().find((v) => v.counts);
  const hit = latest ? meetsTarget(latest.value, kpi.target, kpi.direction) : null;
  const hasBefore = values.some((v) => !v.counts);
  const headingId = `kpi-${kpi.key}`;
  const tableId = `kpi-${kpi.key}-table`;
  const summary = latest
    ? tp('projects.kpi.summary', values.length, { name: kpi.name, value: formatNumber(latest.value), unit: kpi.unit })
    : tp('projects.kpi.summaryNone', values.length, { name: kpi.name });
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby={headingId}>
      <Stack gap={6}>
        <div>
          <Title order={3} fz="sm" fw={600} id={headingId}>
            {kpi.unit ? t('projects.kpi.nameUnit', { name: kpi.name, unit: kpi.unit }) : kpi.name}
          </Title>
          <Text fz="xs" c="dimmed">
            {[kpiKindLabel(kpi.kind), kpiDirectionLabel(kpi.direction), kpi.target !== null ? t('projects.kpi.target', { target: kpi.target }) : t('projects.kpi.noTarget')].join(' · ')}
          </Text>
          {latest && hit !== null && (
            <Text fz="xs" fw={600}>
              {hit ? t('projects.kpi.onTarget', { value: formatNumber(latest.value) }) : t('projects.kpi.offTarget', { value: formatNumber(latest.value) })}
            </Text>
          )}
        </div>
        {values.length === 0 ? (
          <Muted>{t('projects.kpi.noValues')}</Muted>
        ) : (
          <>
            <Chart build={build} height={180} summary={summary} />
            {hasBefore && (
              <Text fz="xs" c="dimmed">
                {fromName ? t('projects.kpi.beforeExplainNamed', { phase: fromName }) : t('projects.kpi.beforeExplain')}
              </Text>
            )}
            <Button
              variant="subtle"
              size="compact-xs"
              leftSection={<IconTable size={14} aria-hidden />}
              onClick={toggle}
              aria-expanded={tableOpen}
              aria-controls={tableId}
              style={{ alignSelf: 'flex-start' }}
            >
              {tableOpen ? t('projects.kpi.hideTable') : t('projects.kpi.showTable')}
            </Button>
            <Collapse in={tableOpen} id={tableId}>
              <Table fz="xs" withRowBorders aria-label={t('projects.kpi.tableLabel', { name: kpi.name })}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('projects.kpi.recordedOn')}</Table.Th>
                    <Table.Th ta="right">{t('projects.kpi.value')}</Table.Th>
                    <Table.Th>{t('projects.kpi.countsCol')}</Table.Th>
                    <Table.Th>{t('projects.kpi.note')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {sorted.map((v) => {
                    const style = kpiPointStyle(v.counts, fromName);
                    return (
                      <Table.Tr key={v.id} c={style.tone === 'muted' ? 'dimmed' : undefined}>
                        <Table.Td>
                          <time dateTime={v.recorded_on}>{dayLabel(v.recorded_on)}</time>
                        </Table.Td>
                        <Table.Td ta="right">{formatNumber(v.value)}</Table.Td>
                        <Table.Td>{style.label}</Table.Td>
                        <Table.Td>{v.note}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Collapse>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function RecordForm({ project, version }: { project: Project; version: FrameworkVersion }) {
  const invalidate = useInvalidateProjects();
  const [kpiKey, setKpiKey] = useState('');
  const [value, setValue] = useState<number | string>('');
  const [day, setDay] = useState(localDayPlus(0));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const kpi = version.kpis.find((k) => k.key === kpiKey);
  const save = useMutation({
    mutationFn: () => recordKpiValue(project.id, { kpi_key: kpiKey, value: Number(value), ...(day ? { recorded_on: day } : {}), note: note.trim() }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('projects.kpi.recorded', { name: kpi?.name ?? kpiKey }));
      setValue('');
      setNote('');
    },
    onError: (error) => {
      const { fieldErrors, message } = mapProblem(error, ['kpi_key', 'value', 'recorded_on', 'note']);
      setErrors(fieldErrors);
      if (message) notifyError(message);
    },
  });
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (save.isPending) return;
    const next: Record<string, string> = {};
    if (!kpiKey) next.kpi_key = t('form.required');
    if (value === '' || !Number.isFinite(Number(value))) next.value = t('form.required');
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate();
  };
  const notCounting = kpi && !countsIn(version, kpi, project.phase.key);
  const fromName = version.phases.find((p) => p.key === kpi?.counts_from_phase)?.name ?? '';
  return (
    <Paper withBorder radius="md" p="sm" component="form" onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])} aria-labelledby="record-kpi-heading">
      <Title order={3} fz="sm" fw={600} id="record-kpi-heading" mb="xs">
        {t('projects.kpi.record')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Select
          label={t('projects.kpi.kpi')}
          // A completed project takes only outcome KPIs (the server refuses the others).
          data={version.kpis.filter((k) => project.status !== 'completed' || k.kind === 'outcome').map((k) => ({ value: k.key, label: k.name }))}
          value={kpiKey || null}
          onChange={(v) => setKpiKey(v ?? '')}
          error={errors.kpi_key}
          required
          size="xs"
        />
        <NumberInput label={t('projects.kpi.value')} value={value} onChange={setValue} error={errors.value} required size="xs" suffix={kpi?.unit ? ` ${kpi.unit}` : undefined} />
        <TextInput label={t('projects.kpi.recordedOn')} type="date" value={day} onChange={(e) => setDay(e.currentTarget.value)} error={errors.recorded_on} size="xs" />
        <TextInput label={t('projects.kpi.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} maxLength={2000} size="xs" />
      </SimpleGrid>
      <Group justify="space-between" mt="xs" gap="xs">
        <Text fz="xs" c="dimmed">
          {notCounting ? t('projects.kpi.willNotCount', { phase: fromName }) : ''}
        </Text>
        <Button type="submit" size="xs" loading={save.isPending}>
          {t('projects.kpi.recordSubmit')}
        </Button>
      </Group>
    </Paper>
  );
}

const noValues: KpiValue[] = [];

export function KpiSection({ project, version, canEdit }: { project: Project; version: FrameworkVersion | undefined; canEdit: boolean }) {
  const values = useKpiValues(project.id);
  const byKey = useMemo(() => {
    const map = new Map<string, KpiValue[]>();
    for (const v of values.data ?? []) map.set(v.kpi_key, [...(map.get(v.kpi_key) ?? []), v]);
    return map;
  }, [values.data]);
  if (!version)
    return (
      <Section id="kpis-heading" title={t('projects.kpis')}>
        <Muted>{t('common.loading')}</Muted>
      </Section>
    );
  const phase = version.phases.find((p) => p.key === project.phase.key);
  const shown = version.kpis.filter((k) => byKey.has(k.key) || phase?.kpi_keys.includes(k.key));
  return (
    <Section id="kpis-heading" title={t('projects.kpis')} action={<Text fz="xs" c="dimmed">{tp('projects.kpi.valueCount', values.data?.length ?? 0)}</Text>}>
      <Stack gap="sm">
        {values.isError ? (
          <Muted>{t('projects.kpi.loadFailed')}</Muted>
        ) : shown.length === 0 ? (
          <Muted>{t('projects.kpi.none')}</Muted>
        ) : (
          <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="sm">
            {shown.map((k) => (
              <KpiCard key={k.key} kpi={k} values={byKey.get(k.key) ?? noValues} version={version} />
            ))}
          </SimpleGrid>
        )}
        {canEdit && version.kpis.length > 0 && <RecordForm project={project} version={version} />}
      </Stack>
    </Section>
  );
}
