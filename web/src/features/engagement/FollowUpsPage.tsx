import { Anchor, Button, Checkbox, Paper, Select, SimpleGrid, Table, Text } from '@mantine/core';
import { IconChecklist, IconFilterOff, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { compact, oneOf, useUrlFilters } from '../../components/urlState';
import { t } from '../../messages';
import { followUpStatusLabel, parseId, userIdOrMe } from './labels';
import { DueBadge } from './parts';
import { PersonSelect, StakeholderSelect } from './pickers';
import { DoneToggle } from './DoneToggle';
import { useFollowUpList } from './queries';
import { FOLLOW_UP_STATUSES } from './types';

const FILTERS = ['owner', 'status', 'overdue', 'stakeholder_id'] as const;

/** The list query for the URL's filters: by default my open follow-ups ("owner=any", "status=any" widen it). */
export function followUpQuery(values: Record<(typeof FILTERS)[number], string>) {
  const owner = values.owner || 'me';
  const status = values.status || 'open';
  return compact({
    owner_id: owner === 'any' ? undefined : userIdOrMe(owner),
    status: status === 'any' ? undefined : oneOf(FOLLOW_UP_STATUSES, status),
    overdue: values.overdue === '1' ? true : undefined,
    stakeholder_id: parseId(values.stakeholder_id),
  });
}

/** /engagement/follow-ups — my open follow-ups by default, soonest due first; done in one click. */
export default function FollowUpsPage() {
  const { values, setFilter } = useUrlFilters(FILTERS);
  const query = followUpQuery(values);
  const list = useFollowUpList(query);
  const filtered = FILTERS.some((f) => values[f]);
  const newLink = values.stakeholder_id ? `/engagement/follow-ups/new?stakeholder_id=${values.stakeholder_id}` : '/engagement/follow-ups/new';
  const mine = !values.owner || values.owner === 'me';

  return (
    <>
      <PageHeader
        title={mine ? t('engagement.followUps.mine') : t('engagement.tab.followUps')}
        crumbs={[{ label: t('engagement.title'), to: '/engagement' }]}
        description={t('engagement.followUps.description')}
        actions={
          <>
            {filtered && (
              <Button variant="default" leftSection={<IconFilterOff size={16} />} onClick={() => FILTERS.forEach((f) => setFilter(f, ''))}>
                {t('engagement.followUps.resetFilters')}
              </Button>
            )}
            <Button component={Link} to={newLink} leftSection={<IconPlus size={16} />}>
              {t('engagement.followUp.add')}
            </Button>
          </>
        }
      />
      <Paper withBorder radius="md" p="md" mb="md" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" style={{ alignItems: 'end' }}>
          <PersonSelect
            label={t('engagement.owner')}
            value={values.owner || 'me'}
            onChange={(v) => setFilter('owner', v === 'me' ? '' : v || 'any')}
            meAsKeyword
            anyLabel={t('common.anyone')}
            allowDeselect={false}
          />
          <Select
            label={t('engagement.status')}
            data={[
              ...FOLLOW_UP_STATUSES.map((v) => ({ value: v, label: followUpStatusLabel(v) })),
              { value: 'any', label: t('common.all') },
            ]}
            value={values.status || 'open'}
            onChange={(v) => setFilter('status', !v || v === 'open' ? '' : v)}
            allowDeselect={false}
          />
          <StakeholderSelect
            label={t('engagement.stakeholder')}
            placeholder={t('common.all')}
            value={values.stakeholder_id}
            onChange={(v) => setFilter('stakeholder_id', v)}
            clearable
          />
          <Checkbox
            label={t('engagement.followUps.overdueOnly')}
            checked={values.overdue === '1'}
            onChange={(e) => setFilter('overdue', e.currentTarget.checked ? '1' : '')}
            mb={8}
          />
        </SimpleGrid>
      </Paper>
      <PagedTable
        list={list}
        label={t('engagement.tab.followUps')}
        minWidth={820}
        headers={[
          t('engagement.followUp.due'),
          t('engagement.followUp.titleLabel'),
          t('engagement.stakeholder'),
          t('engagement.owner'),
          t('engagement.status'),
          <span key="a">{t('common.actions')}</span>,
        ]}
        empty={
          <EmptyState
            icon={<IconChecklist size={24} />}
            title={filtered ? t('common.noMatchesTitle') : t('engagement.followUps.emptyTitle')}
            action={
              <Button component={Link} to={newLink} leftSection={<IconPlus size={16} />}>
                {t('engagement.followUp.add')}
              </Button>
            }
          >
            {filtered ? t('common.noMatchesBody') : t('engagement.followUps.emptyBody')}
          </EmptyState>
        }
        row={(f) => (
          <Table.Tr key={f.id} bg={f.overdue ? 'var(--mantine-color-red-light)' : undefined}>
            <Table.Td>
              <DueBadge dueOn={f.due_on} open={f.status === 'open'} overdue={f.overdue} />
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/engagement/follow-ups/${f.id}/edit`} fz="sm" fw={500} td={f.status === 'done' ? 'line-through' : undefined}>
                {f.title}
              </Anchor>
              {f.interaction_id && (
                <Text fz="xs">
                  <Anchor component={Link} to={`/engagement/interactions/${f.interaction_id}`} fz="xs" c="dimmed">
                    {t('engagement.followUp.fromInteraction')}
                  </Anchor>
                </Text>
              )}
            </Table.Td>
            <Table.Td fz="sm">
              {f.stakeholder ? (
                <Anchor component={Link} to={`/stakeholders/${f.stakeholder.id}`} fz="sm">
                  {f.stakeholder.name}
                </Anchor>
              ) : (
                '—'
              )}
            </Table.Td>
            <Table.Td fz="sm">{f.owner.display_name}</Table.Td>
            <Table.Td fz="sm">{followUpStatusLabel(f.status)}</Table.Td>
            <Table.Td>{f.status !== 'cancelled' && <DoneToggle item={f} />}</Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
