import { Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconChartFunnel } from '@tabler/icons-react';
import { useCallback } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { CardSkeleton } from '../../components/Skeletons';
import { useUrlFilters } from '../../components/urlState';
import { formatNumber } from '../../lib/format';
import { Chart } from './Chart';
import { FUNNEL_OUTCOMES, funnelOption, type ChartColors, type FunnelOutcome } from './charts';
import { parseId } from './labels';
import { useFrameworks, useFunnel } from './queries';
import type { FunnelRow } from './types';
import { t, tp, type MessageKey } from '../../messages';

const COLUMNS = ['entered', 'advanced', 'killed', 'held', 'pivoted_back', 'completed', 'current'] as const;
const columnKeys: Record<(typeof COLUMNS)[number], MessageKey> = {
  entered: 'projects.funnel.entered',
  advanced: 'projects.funnel.advanced',
  killed: 'projects.funnel.killed',
  held: 'projects.funnel.held',
  pivoted_back: 'projects.funnel.pivoted_back',
  completed: 'projects.funnel.completed',
  current: 'projects.funnel.current',
};

function FunnelChart({ rows }: { rows: FunnelRow[] }) {
  const build = useCallback(
    (colors: ChartColors) =>
      funnelOption(rows, Object.fromEntries(FUNNEL_OUTCOMES.map((o) => [o, t(columnKeys[o])])) as Record<FunnelOutcome, string>, colors),
    [rows],
  );
  const first = rows[0];
  const summary = tp('projects.funnel.summary', first?.entered ?? 0, { phases: rows.length });
  return <Chart build={build} height={Math.max(200, rows.length * 48 + 70)} summary={summary} />;
}

/** /projects/funnel — what became of the projects in each phase, from the gate review history. */
export default function FunnelPage() {
  const { values, setFilter } = useUrlFilters(['framework', 'since'] as const);
  const frameworks = useFrameworks();
  // The funnel counts one framework: the one in the URL, else the first by name.
  const frameworkId = parseId(values.framework) ?? frameworks.data?.items[0]?.id;
  const since = /^\d{4}-\d{2}-\d{2}$/.test(values.since) ? values.since : undefined;
  const funnel = useFunnel({ framework_id: frameworkId, ...(since ? { since } : {}) });
  const rows = funnel.data?.phases ?? [];

  let body;
  if (frameworks.isError) body = <QueryError error={frameworks.error} retry={() => frameworks.refetch()} />;
  else if (frameworks.data && frameworks.data.items.length === 0)
    body = (
      <EmptyState icon={<IconChartFunnel size={24} />} title={t('projects.board.noFrameworkTitle')}>
        {t('projects.board.noFrameworkBody')}
      </EmptyState>
    );
  else if (funnel.isPending) body = <CardSkeleton lines={6} />;
  else if (funnel.isError) body = <QueryError error={funnel.error} retry={() => funnel.refetch()} />;
  else if (rows.every((r) => r.entered === 0))
    body = (
      <EmptyState icon={<IconChartFunnel size={24} />} title={t('projects.funnel.emptyTitle')}>
        {t('projects.funnel.emptyBody')}
      </EmptyState>
    );
  else
    body = (
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <FunnelChart rows={rows} />
          <Text fz="xs" c="dimmed" mt="xs">
            {t('projects.funnel.note')}
          </Text>
        </Paper>
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={t('projects.funnel.tableLabel')} striped={false} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('projects.phase')}</Table.Th>
                  {COLUMNS.map((c) => (
                    <Table.Th key={c} scope="col" ta="right">
                      {t(columnKeys[c])}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Th scope="row" fw={500}>
                      {r.name}
                    </Table.Th>
                    {COLUMNS.map((c) => (
                      <Table.Td key={c} ta="right">
                        {formatNumber(r[c])}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </Stack>
    );

  return (
    <>
      <PageHeader title={t('projects.funnel.title')} crumbs={[{ label: t('projects.title'), to: '/projects' }]} description={t('projects.funnel.description')} />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <Select
          label={t('projects.framework')}
          data={(frameworks.data?.items ?? []).map((f) => ({ value: String(f.id), label: f.name }))}
          value={frameworkId ? String(frameworkId) : null}
          onChange={(v) => setFilter('framework', v ?? '')}
          allowDeselect={false}
          w={{ base: '100%', xs: 240 }}
          size="sm"
        />
        <TextInput label={t('projects.funnel.since')} type="date" value={values.since} onChange={(e) => setFilter('since', e.currentTarget.value)} w={{ base: '100%', xs: 180 }} size="sm" />
      </Group>
      {body}
    </>
  );
}
