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
import { pt, type ProjectsKey } from './i18n';
import { parseId } from './labels';
import { useFrameworks, useFunnel } from './queries';
import type { FunnelRow } from './types';

const COLUMNS = ['entered', 'advanced', 'killed', 'held', 'pivoted_back', 'completed', 'current'] as const;
const columnKeys: Record<(typeof COLUMNS)[number], ProjectsKey> = {
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
      funnelOption(rows, Object.fromEntries(FUNNEL_OUTCOMES.map((o) => [o, pt(columnKeys[o])])) as Record<FunnelOutcome, string>, colors),
    [rows],
  );
  const first = rows[0];
  const summary = pt('projects.funnel.summary', { phases: rows.length, entered: first?.entered ?? 0 });
  return <Chart build={build} height={Math.max(200, rows.length * 48 + 70)} summary={summary} />;
}

/** /projects/funnel — what became of the projects in each phase, from the gate review history. */
export default function FunnelPage() {
  const { values, setFilter } = useUrlFilters(['framework', 'since'] as const);
  const frameworks = useFrameworks();
  const frameworkId = parseId(values.framework);
  const since = /^\d{4}-\d{2}-\d{2}$/.test(values.since) ? values.since : undefined;
  const funnel = useFunnel({ ...(frameworkId ? { framework_id: frameworkId } : {}), ...(since ? { since } : {}) });
  const rows = funnel.data?.phases ?? [];

  let body;
  if (funnel.isPending) body = <CardSkeleton lines={6} />;
  else if (funnel.isError) body = <QueryError error={funnel.error} retry={() => funnel.refetch()} />;
  else if (rows.every((r) => r.entered === 0))
    body = (
      <EmptyState icon={<IconChartFunnel size={24} />} title={pt('projects.funnel.emptyTitle')}>
        {pt('projects.funnel.emptyBody')}
      </EmptyState>
    );
  else
    body = (
      <Stack gap="md">
        <Paper withBorder radius="md" p="md">
          <FunnelChart rows={rows} />
          <Text fz="xs" c="dimmed" mt="xs">
            {pt('projects.funnel.note')}
          </Text>
        </Paper>
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={pt('projects.funnel.tableLabel')} striped={false} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{pt('projects.phase')}</Table.Th>
                  {COLUMNS.map((c) => (
                    <Table.Th key={c} scope="col" ta="right">
                      {pt(columnKeys[c])}
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
      <PageHeader title={pt('projects.funnel.title')} crumbs={[{ label: pt('projects.title'), to: '/projects' }]} description={pt('projects.funnel.description')} />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <Select
          label={pt('projects.framework')}
          data={(frameworks.data?.items ?? []).map((f) => ({ value: String(f.id), label: f.name }))}
          value={values.framework || null}
          placeholder={pt('projects.frameworkDefault')}
          onChange={(v) => setFilter('framework', v ?? '')}
          clearable
          w={{ base: '100%', xs: 240 }}
          size="sm"
        />
        <TextInput label={pt('projects.funnel.since')} type="date" value={values.since} onChange={(e) => setFilter('since', e.currentTarget.value)} w={{ base: '100%', xs: 180 }} size="sm" />
      </Group>
      {body}
    </>
  );
}
