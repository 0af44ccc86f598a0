import { ActionIcon, Alert, Autocomplete, Badge, Button, Group, Modal, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconPencil } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/Skeletons';
import { useUrlFilters } from '../../components/urlState';
import { useProblemForm } from '../../components/useProblemForm';
import { t } from '../../messages';
import { canAdminister, useSignedIn } from '../auth/session';
import { CapacityChart } from './CapacityChart';
import { overCapacity, peopleBars, teamBars } from './capacityChart';
import { hoursLabel } from './labels';
import { dayLabel } from './parts';
import { setCapacity, useCapacity, useInvalidateEngagement } from './queries';
import type { CapacityPerson } from './types';

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

interface Values extends Record<string, unknown> {
  hours_per_week: number | string;
  team: string;
}

/** Sets one person's weekly hours and team (PUT /capacity/{user_id}). */
function CapacityForm({ person, userId, teams, onDone }: { person: CapacityPerson | undefined; userId: number; teams: string[]; onDone?: () => void }) {
  const invalidate = useInvalidateEngagement();
  const form = useProblemForm<Values>({ hours_per_week: person?.hours_per_week ?? 0, team: person?.team ?? '' });
  const save = useMutation({
    mutationFn: () =>
      setCapacity(userId, {
        hours_per_week: typeof form.values.hours_per_week === 'number' ? form.values.hours_per_week : Number(form.values.hours_per_week) || 0,
        team: form.values.team.trim() || null,
      }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('engagement.capacity.saved'));
      onDone?.();
    },
    onError: form.fail,
  });
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!save.isPending) save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <NumberInput
          label={t('engagement.capacity.hoursPerWeek')}
          description={t('engagement.capacity.hoursHint')}
          min={0}
          max={60}
          step={1}
          value={form.values.hours_per_week}
          onChange={(v) => form.setValue('hours_per_week', v)}
          error={form.errors.hours_per_week}
          w={{ base: '100%', xs: 200 }}
          data-autofocus
        />
        <Autocomplete
          label={t('engagement.capacity.team')}
          description={t('engagement.capacity.teamHint')}
          data={teams}
          value={form.values.team}
          onChange={(v) => form.setValue('team', v)}
          error={form.errors.team}
          maxLength={100}
          w={{ base: '100%', xs: 240 }}
        />
        <Button type="submit" loading={save.isPending} mt={{ base: 0, xs: 46 }}>
          {t('common.save')}
        </Button>
      </Group>
    </form>
  );
}

function Utilisation({ value, over }: { value: number | null; over: boolean }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Text fz="sm">{value == null ? '—' : percent.format(value)}</Text>
      {over && (
        <Badge color="red" variant="filled" leftSection={<IconAlertTriangle size={12} aria-hidden />} style={{ textTransform: 'none' }}>
          {t('engagement.capacity.over')}
        </Badge>
      )}
    </Group>
  );
}

/** /engagement/capacity — planned load against available hours, per person and team. */
export default function CapacityPage() {
  const { user } = useSignedIn();
  const { values, setFilter } = useUrlFilters(['view'] as const);
  const view = values.view === 'teams' ? 'teams' : 'people';
  const capacity = useCapacity();
  const [editing, setEditing] = useState<CapacityPerson | null>(null);
  const mayEditOthers = canAdminister(user.role);
  const data = capacity.data;
  const noTeam = t('engagement.capacity.noTeam');
  const bars = useMemo(() => (data ? (view === 'teams' ? teamBars(data.teams, noTeam) : peopleBars(data.people)) : null), [data, view, noTeam]);
  const labels = useMemo(
    () => ({ load: t('engagement.capacity.load'), hours: t('engagement.capacity.hoursPerWeek'), axis: t('engagement.capacity.hoursAxis') }),
    [],
  );
  const teams = useMemo(() => [...new Set((data?.people ?? []).map((p) => p.team).filter((x): x is string => Boolean(x)))].sort(), [data]);
  const me = data?.people.find((p) => p.user_id === user.id);
  const over = data ? overCapacity(data) : { people: [], teams: [] };

  return (
    <>
      <PageHeader
        title={t('engagement.tab.capacity')}
        crumbs={[{ label: t('engagement.title'), to: '/engagement' }]}
        description={
          data ? t('engagement.capacity.descriptionWindow', { from: dayLabel(data.window.from.slice(0, 10)), to: dayLabel(data.window.to.slice(0, 10)) }) : t('engagement.capacity.description')
        }
      />
      {capacity.isPending ? (
        <TableSkeleton rows={6} />
      ) : capacity.isError || !data ? (
        <QueryError error={capacity.error} retry={() => capacity.refetch()} />
      ) : (
        <Stack gap="lg">
          {over.people.length > 0 || over.teams.length > 0 ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('engagement.capacity.overTitle')}>
              <Stack gap={4}>
                {over.people.length > 0 && (
                  <Text fz="sm">
                    {t('engagement.capacity.overPeople', {
                      names: over.people.map((p) => `${p.display_name} (${hoursLabel(p.load_hours)} / ${hoursLabel(p.hours_per_week)})`).join(', '),
                    })}
                  </Text>
                )}
                {over.teams.length > 0 && (
                  <Text fz="sm">{t('engagement.capacity.overTeams', { names: over.teams.map((x) => x.team || noTeam).join(', ') })}</Text>
                )}
              </Stack>
            </Alert>
          ) : (
            <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} title={t('engagement.capacity.allWithin')} />
          )}

          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="my-capacity">
            <Title order={2} fz="lg" mb="sm" id="my-capacity">
              {t('engagement.capacity.setMine')}
            </Title>
            <CapacityForm key={me ? `${me.hours_per_week}/${me.team}` : 'none'} person={me} userId={user.id} teams={teams} />
          </Paper>

          <section aria-labelledby="capacity-chart">
            <Group justify="space-between" mb="sm" wrap="wrap">
              <Title order={2} fz="lg" id="capacity-chart">
                {t('engagement.capacity.chartTitle')}
              </Title>
              <SegmentedControl
                aria-label={t('engagement.capacity.groupBy')}
                data={[
                  { value: 'people', label: t('engagement.capacity.perPerson') },
                  { value: 'teams', label: t('engagement.capacity.perTeam') },
                ]}
                value={view}
                onChange={(v) => setFilter('view', v === 'teams' ? 'teams' : '')}
              />
            </Group>
            <Paper withBorder radius="md" p="md">
              {bars && bars.categories.length > 0 ? (
                <CapacityChart data={bars} labels={labels} summary={t('engagement.capacity.chartSummary')} />
              ) : (
                <Text c="dimmed" fz="sm">
                  {t('engagement.capacity.nobody')}
                </Text>
              )}
            </Paper>
          </section>

          <SimpleGrid cols={1}>
            <section aria-labelledby="capacity-table">
              <Title order={2} fz="lg" mb="sm" id="capacity-table">
                {view === 'teams' ? t('engagement.capacity.teamsTable') : t('engagement.capacity.peopleTable')}
              </Title>
              <Paper withBorder radius="md">
                <Table.ScrollContainer minWidth={680}>
                  {view === 'teams' ? (
                    <Table aria-labelledby="capacity-table">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('engagement.capacity.team')}</Table.Th>
                          <Table.Th>{t('engagement.capacity.load')}</Table.Th>
                          <Table.Th>{t('engagement.capacity.hoursPerWeek')}</Table.Th>
                          <Table.Th>{t('engagement.capacity.utilisation')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {data.teams.map((x) => (
                          <Table.Tr key={x.team ?? ''}>
                            <Table.Td fz="sm">{x.team || noTeam}</Table.Td>
                            <Table.Td fz="sm">{hoursLabel(x.load_hours)}</Table.Td>
                            <Table.Td fz="sm">{hoursLabel(x.hours_per_week)}</Table.Td>
                            <Table.Td>
                              <Utilisation value={x.utilisation} over={x.over_capacity} />
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  ) : (
                    <Table aria-labelledby="capacity-table">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('engagement.capacity.person')}</Table.Th>
                          <Table.Th>{t('engagement.capacity.team')}</Table.Th>
                          <Table.Th>{t('engagement.capacity.scheduled')}</Table.Th>
                          <Table.Th>{t('engagement.capacity.followUps')}</Table.Th>
                          <Table.Th>{t('engagement.capacity.load')}</Table.Th>
                          <Table.Th>{t('engagement.capacity.hoursPerWeek')}</Table.Th>
                          <Table.Th>{t('engagement.capacity.utilisation')}</Table.Th>
                          {mayEditOthers && <Table.Th>{t('common.actions')}</Table.Th>}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {data.people.map((p) => (
                          <Table.Tr key={p.user_id}>
                            <Table.Td fz="sm" fw={500}>
                              {p.display_name}
                            </Table.Td>
                            <Table.Td fz="sm">{p.team || '—'}</Table.Td>
                            <Table.Td fz="sm">{hoursLabel(p.scheduled_hours)}</Table.Td>
                            <Table.Td fz="sm">{hoursLabel(p.follow_up_hours)}</Table.Td>
                            <Table.Td fz="sm">{hoursLabel(p.load_hours)}</Table.Td>
                            <Table.Td fz="sm">{hoursLabel(p.hours_per_week)}</Table.Td>
                            <Table.Td>
                              <Utilisation value={p.utilisation} over={p.over_capacity} />
                            </Table.Td>
                            {mayEditOthers && (
                              <Table.Td>
                                <Tooltip label={t('engagement.capacity.setFor', { name: p.display_name })} withArrow>
                                  <ActionIcon
                                    variant="subtle"
                                    color="gray"
                                    onClick={() => setEditing(p)}
                                    aria-label={t('engagement.capacity.setFor', { name: p.display_name })}
                                  >
                                    <IconPencil size={16} />
                                  </ActionIcon>
                                </Tooltip>
                              </Table.Td>
                            )}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  )}
                </Table.ScrollContainer>
              </Paper>
            </section>
          </SimpleGrid>
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('engagement.capacity.setFor', { name: editing.display_name }) : ''}
      >
        {editing && <CapacityForm person={editing} userId={editing.user_id} teams={teams} onDone={() => setEditing(null)} />}
      </Modal>
    </>
  );
}
