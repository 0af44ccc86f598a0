import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { IconFilterOff, IconMessagePlus, IconMessages } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { DateTime } from '../../components/Time';
import { compact, oneOf, useUrlFilters } from '../../components/urlState';
import { localDayEndUtc, localDayStartUtc } from '../../lib/format';
import { t } from '../../messages';
import { interactionStatusColor, interactionStatusLabel, interactionTypeLabel, parseId, userIdOrMe } from './labels';
import { PersonSelect, StakeholderSelect } from './pickers';
import { useInteractionList } from './queries';
import { INTERACTION_STATUSES, INTERACTION_TYPES } from './types';

const FILTERS = ['stakeholder_id', 'participant_id', 'type', 'status', 'from', 'to'] as const;

/** /engagement/interactions — the engagement log, newest first, filters in the URL. */
export default function InteractionsPage() {
  const { values, setFilter } = useUrlFilters(FILTERS);
  const query = compact({
    stakeholder_id: parseId(values.stakeholder_id),
    participant_id: userIdOrMe(values.participant_id),
    type: oneOf(INTERACTION_TYPES, values.type),
    status: oneOf(INTERACTION_STATUSES, values.status),
    from: values.from ? localDayStartUtc(values.from) : undefined,
    to: values.to ? localDayEndUtc(values.to) : undefined,
  });
  const list = useInteractionList(query);
  const filtered = FILTERS.some((f) => values[f]);
  const newLink = values.stakeholder_id ? `/engagement/interactions/new?stakeholder_id=${values.stakeholder_id}` : '/engagement/interactions/new';

  return (
    <>
      <PageHeader
        title={t('engagement.tab.interactions')}
        crumbs={[{ label: t('engagement.title'), to: '/engagement' }]}
        description={t('engagement.interactions.description')}
        actions={
          <>
            {filtered && (
              <Button variant="default" leftSection={<IconFilterOff size={16} />} onClick={() => FILTERS.forEach((f) => setFilter(f, ''))}>
                {t('common.clearFilters')}
              </Button>
            )}
            <Button component={Link} to={newLink} leftSection={<IconMessagePlus size={16} />}>
              {t('engagement.interaction.log')}
            </Button>
          </>
        }
      />
      <Paper withBorder radius="md" p="md" mb="md" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="sm">
          <StakeholderSelect
            label={t('engagement.stakeholder')}
            placeholder={t('common.all')}
            value={values.stakeholder_id}
            onChange={(v) => setFilter('stakeholder_id', v)}
            clearable
          />
          <PersonSelect
            label={t('engagement.interactions.participant')}
            placeholder={t('common.anyone')}
            value={values.participant_id}
            onChange={(v) => setFilter('participant_id', v)}
            meAsKeyword
            clearable
          />
          <Select
            label={t('engagement.interaction.type')}
            placeholder={t('common.all')}
            data={INTERACTION_TYPES.map((v) => ({ value: v, label: interactionTypeLabel(v) }))}
            value={values.type || null}
            onChange={(v) => setFilter('type', v ?? '')}
            clearable
          />
          <Select
            label={t('engagement.interaction.status')}
            placeholder={t('common.all')}
            data={INTERACTION_STATUSES.map((v) => ({ value: v, label: interactionStatusLabel(v) }))}
            value={values.status || null}
            onChange={(v) => setFilter('status', v ?? '')}
            clearable
          />
          <TextInput label={t('engagement.from')} type="date" value={values.from} onChange={(e) => setFilter('from', e.currentTarget.value)} />
          <TextInput label={t('engagement.to')} type="date" value={values.to} onChange={(e) => setFilter('to', e.currentTarget.value)} />
        </SimpleGrid>
      </Paper>
      <PagedTable
        list={list}
        label={t('engagement.tab.interactions')}
        minWidth={820}
        headers={[
          t('engagement.interaction.when'),
          t('engagement.interaction.titleLabel'),
          t('engagement.interaction.stakeholders'),
          t('engagement.interaction.type'),
          t('engagement.interaction.status'),
          t('engagement.interaction.participants'),
        ]}
        empty={
          <EmptyState
            icon={<IconMessages size={24} />}
            title={filtered ? t('common.noMatchesTitle') : t('engagement.interactions.emptyTitle')}
            action={
              !filtered && (
                <Button component={Link} to={newLink} leftSection={<IconMessagePlus size={16} />}>
                  {t('engagement.interaction.log')}
                </Button>
              )
            }
          >
            {filtered ? t('common.noMatchesBody') : t('engagement.interactions.emptyBody')}
          </EmptyState>
        }
        row={(i) => (
          <Table.Tr key={i.id}>
            <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
              <DateTime iso={i.occurred_at} />
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={`/engagement/interactions/${i.id}`} fz="sm" fw={500}>
                {i.title}
              </Anchor>
            </Table.Td>
            <Table.Td fz="sm">
              <Group gap={4}>
                {i.stakeholders.slice(0, 3).map((s, n) => (
                  <span key={s.stakeholder_id}>
                    <Anchor component={Link} to={`/stakeholders/${s.stakeholder_id}`} fz="sm">
                      {s.name}
                    </Anchor>
                    {n < Math.min(i.stakeholders.length, 3) - 1 ? ',' : ''}
                  </span>
                ))}
                {i.stakeholders.length > 3 && (
                  <Text fz="sm" c="dimmed">
                    {t('engagement.andMore', { count: i.stakeholders.length - 3 })}
                  </Text>
                )}
              </Group>
            </Table.Td>
            <Table.Td fz="sm">{interactionTypeLabel(i.type)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={interactionStatusColor[i.status]}>
                {interactionStatusLabel(i.status)}
              </Badge>
            </Table.Td>
            <Table.Td fz="sm">{i.participants.map((p) => p.display_name).join(', ')}</Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
