import { Anchor, Badge, Button, Code, Paper, Select, SimpleGrid, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import type { AuditEvent } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/Skeletons';
import { DateTime } from '../../components/Time';
import { compact, useDebouncedUrlText, useUrlFilters } from '../../components/urlState';
import { localDayEndUtc, localDayStartUtc } from '../../lib/format';
import { t } from '../../messages';
import { usePagedList, useSpaceOptions, useUserOptions } from './queries';

const FILTERS = ['verb', 'object_type', 'actor_id', 'space_id', 'since', 'until'] as const;

function payloadSummary(payload: AuditEvent['payload']): string {
  const entries = Object.entries(payload ?? {});
  if (entries.length === 0) return '';
  const text = entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');
  return text.length > 140 ? `${text.slice(0, 137)}…` : text;
}

function objectLink(e: AuditEvent): string | null {
  if (e.object_id == null) return null;
  switch (e.object_type) {
    case 'user':
      return `/admin/users/${e.object_id}`;
    case 'space':
      return `/admin/spaces/${e.object_id}`;
    default:
      return null;
  }
}

/** /admin/audit — the audit trail: every write, filterable, newest first, cursor-paged. */
export default function AuditPage() {
  const { values, setFilter } = useUrlFilters(FILTERS);
  const verb = useDebouncedUrlText(values.verb, (v) => setFilter('verb', v.trim()));
  const objectType = useDebouncedUrlText(values.object_type, (v) => setFilter('object_type', v.trim()));
  const [actorSearch, setActorSearch] = useState('');
  const [actorQ] = useDebouncedValue(actorSearch, 250);
  const actors = useUserOptions(actorQ);
  const spaces = useSpaceOptions();
  const spaceNames = new Map((spaces.data ?? []).map((o) => [o.value, o.label]));

  const query = compact({
    verb: values.verb,
    object_type: values.object_type,
    actor_id: values.actor_id ? Number(values.actor_id) : undefined,
    space_id: values.space_id ? Number(values.space_id) : undefined,
    since: values.since ? localDayStartUtc(values.since) : undefined,
    until: values.until ? localDayEndUtc(values.until) : undefined,
  });
  const list = usePagedList(['events', query], (after) =>
    call(api.GET('/api/v1/events', { params: { query: { ...query, limit: 50, ...(after ? { after } : {}) } } })),
  );
  const filtered = FILTERS.some((f) => values[f]);
  const actorOptions = actors.data?.map(({ value, label }) => ({ value, label })) ?? [];
  if (values.actor_id && !actorOptions.some((o) => o.value === values.actor_id)) {
    actorOptions.unshift({ value: values.actor_id, label: `#${values.actor_id}` });
  }

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        crumbs={[{ label: t('nav.admin'), to: '/admin' }]}
        description={t('audit.description')}
        actions={
          filtered ? (
            <Button
              variant="default"
              leftSection={<IconFilterOff size={16} />}
              onClick={() => FILTERS.forEach((f) => setFilter(f, ''))}
            >
              {t('common.clearFilters')}
            </Button>
          ) : undefined
        }
      />
      <Paper withBorder radius="md" p="md" mb="md" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 6 }} spacing="sm">
          <TextInput label={t('audit.verb')} placeholder="space.create" value={verb.text} onChange={(e) => verb.onChange(e.currentTarget.value)} />
          <TextInput
            label={t('audit.objectType')}
            placeholder="space"
            value={objectType.text}
            onChange={(e) => objectType.onChange(e.currentTarget.value)}
          />
          <Select
            label={t('audit.actor')}
            placeholder={t('common.anyone')}
            data={actorOptions}
            searchable
            searchValue={actorSearch}
            onSearchChange={setActorSearch}
            filter={({ options }) => options}
            value={values.actor_id || null}
            onChange={(v) => setFilter('actor_id', v ?? '')}
            clearable
            nothingFoundMessage={t('members.nobodyFound')}
          />
          <Select
            label={t('audit.space')}
            placeholder={t('common.all')}
            data={spaces.data ?? []}
            searchable
            value={values.space_id || null}
            onChange={(v) => setFilter('space_id', v ?? '')}
            clearable
          />
          <TextInput label={t('audit.since')} type="date" value={values.since} onChange={(e) => setFilter('since', e.currentTarget.value)} />
          <TextInput label={t('audit.until')} type="date" value={values.until} onChange={(e) => setFilter('until', e.currentTarget.value)} />
        </SimpleGrid>
      </Paper>
      {list.isPending ? (
        <TableSkeleton rows={8} />
      ) : list.isError ? (
        <QueryError error={list.error} retry={() => list.refetch()} />
      ) : list.items.length === 0 ? (
        <EmptyState icon={<IconHistory size={24} />} title={filtered ? t('common.noMatchesTitle') : t('audit.emptyTitle')}>
          {filtered ? t('common.noMatchesBody') : t('audit.emptyBody')}
        </EmptyState>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label={t('audit.title')} data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('audit.when')}</Table.Th>
                  <Table.Th>{t('audit.actor')}</Table.Th>
                  <Table.Th>{t('audit.verb')}</Table.Th>
                  <Table.Th>{t('audit.object')}</Table.Th>
                  <Table.Th>{t('audit.space')}</Table.Th>
                  <Table.Th>{t('audit.details')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((e) => {
                  const link = objectLink(e);
                  // The server sends no id for some events (a failed sign-in of an unknown account).
                  const object = e.object_id == null ? e.object_type : `${e.object_type} #${e.object_id}`;
                  return (
                    <Table.Tr key={e.id}>
                      <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                        <DateTime iso={e.at} />
                      </Table.Td>
                      <Table.Td fz="sm">{e.actor ? e.actor.display_name : <Text fz="sm" c="dimmed">{t('audit.system')}</Text>}</Table.Td>
                      <Table.Td>
                        <Code>{e.verb}</Code>
                      </Table.Td>
                      <Table.Td fz="sm">
                        {link ? (
                          <Anchor component={Link} to={link} fz="sm">
                            {object}
                          </Anchor>
                        ) : (
                          object
                        )}
                        {e.visibility === 'internal' && (
                          <Badge size="xs" variant="outline" color="gray" ml={6}>
                            {t('audit.internal')}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td fz="sm">{e.space_id ? (spaceNames.get(String(e.space_id)) ?? `#${e.space_id}`) : '—'}</Table.Td>
                      <Table.Td fz="xs" c="dimmed" maw={320}>
                        <Text fz="xs" c="dimmed" lineClamp={2} style={{ wordBreak: 'break-word' }}>
                          {payloadSummary(e.payload)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => list.fetchNextPage()} />
    </>
  );
}
