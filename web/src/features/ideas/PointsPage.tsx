import { Badge, Button, Grid, Group, List, Paper, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAward, IconTrophy } from '@tabler/icons-react';
import { useCallback } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { CardSkeleton } from '../../components/Skeletons';
import { formatNumber } from '../../lib/format';
import { t, tp } from '../../messages';
import { Chart } from '../projects/Chart';
import type { ChartColors } from '../projects/charts';
import { pointsOption } from './charts';
import { badgeHow, badgeLabel, pointsReasonLabel } from './labels';
import { useMyPoints } from './queries';
import { BADGES, type PointsByReason } from './types';

function PointsChart({ rows, total }: { rows: PointsByReason[]; total: number }) {
  const build = useCallback((colors: ChartColors) => pointsOption(rows, (r) => pointsReasonLabel(r.reason), t('ideas.points.title'), colors), [rows]);
  const summary = t('ideas.points.chartSummary', {
    total: formatNumber(total),
    parts: rows.map((r) => `${pointsReasonLabel(r.reason)}: ${formatNumber(r.points)}`).join(', '),
  });
  return <Chart build={build} height={Math.max(160, rows.length * 44 + 30)} summary={summary} />;
}

/** /ideas/points — the reader's points, what they came from, and badges earned and still to earn. */
export default function PointsPage() {
  const points = useMyPoints();
  let body;
  if (points.isPending) body = <CardSkeleton lines={5} />;
  else if (points.isError) body = <QueryError error={points.error} retry={() => points.refetch()} />;
  else if (points.data.total === 0 && points.data.badges.length === 0)
    body = (
      <EmptyState
        icon={<IconTrophy size={24} />}
        title={t('ideas.points.emptyTitle')}
        action={
          <Button component={Link} to="/ideas" variant="light">
            {t('ideas.points.emptyAction')}
          </Button>
        }
      >
        {t('ideas.points.emptyBody')}
      </EmptyState>
    );
  else {
    const { total, by_reason: rows, badges } = points.data;
    const earned = new Set(badges);
    body = (
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="total-heading">
              <Title order={2} fz="md" fw={600} id="total-heading">
                {t('ideas.points.total')}
              </Title>
              <Text fz={40} fw={700} lh={1.2}>
                {formatNumber(total)}
              </Text>
              <Text fz="xs" c="dimmed">
                {t('ideas.points.rule')}
              </Text>
            </Paper>
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="reasons-heading">
              <Title order={2} fz="md" fw={600} id="reasons-heading" mb="sm">
                {t('ideas.points.byReason')}
              </Title>
              {rows.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t('ideas.points.noReasons')}
                </Text>
              ) : (
                <>
                  <PointsChart rows={rows} total={total} />
                  <Table mt="sm" aria-labelledby="reasons-heading">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('ideas.points.reason')}</Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('ideas.points.count')}
                        </Table.Th>
                        <Table.Th scope="col" ta="right">
                          {t('ideas.points.title')}
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((r) => (
                        <Table.Tr key={r.reason}>
                          <Table.Th scope="row" fw={500}>
                            {pointsReasonLabel(r.reason)}
                          </Table.Th>
                          <Table.Td ta="right">{formatNumber(r.count)}</Table.Td>
                          <Table.Td ta="right">{formatNumber(r.points)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </>
              )}
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="badges-heading">
            <Title order={2} fz="md" fw={600} id="badges-heading" mb="sm">
              {tp('ideas.points.badges', badges.length)}
            </Title>
            <List spacing="sm" listStyleType="none" aria-labelledby="badges-heading">
              {BADGES.map((b) => (
                <List.Item key={b}>
                  <Group gap="sm" wrap="nowrap" align="flex-start">
                    <ThemeIcon variant={earned.has(b) ? 'filled' : 'default'} color="yellow" radius="xl" size={30} aria-hidden>
                      <IconAward size={16} />
                    </ThemeIcon>
                    <div>
                      <Group gap={6}>
                        <Text fz="sm" fw={600}>
                          {badgeLabel(b)}
                        </Text>
                        <Badge size="xs" variant={earned.has(b) ? 'light' : 'outline'} color={earned.has(b) ? 'teal' : 'gray'} style={{ textTransform: 'none' }}>
                          {earned.has(b) ? t('ideas.points.earned') : t('ideas.points.notYet')}
                        </Badge>
                      </Group>
                      <Text fz="xs" c="dimmed">
                        {badgeHow(b)}
                      </Text>
                    </div>
                  </Group>
                </List.Item>
              ))}
            </List>
          </Paper>
        </Grid.Col>
      </Grid>
    );
  }
  return (
    <>
      <PageHeader title={t('ideas.points.pageTitle')} crumbs={[{ label: t('ideas.challenges.title'), to: '/ideas' }]} description={t('ideas.points.description')} />
      {body}
    </>
  );
}
