import { Group, Select } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { api, call } from '../../api/client';
import { INVITATION_STATUSES, type InvitationStatus } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/Skeletons';
import { useUrlFilters } from '../../components/urlState';
import { t } from '../../messages';
import { InvitationTable } from './invitations';
import { invitationStatusLabel } from './labels';
import { usePagedList } from './queries';

/** /admin/invitations — every invitation; pending ones by default. */
export default function InvitationsPage() {
  const { values, setFilter } = useUrlFilters(['status'] as const);
  // No parameter means "pending"; "all" lists every status.
  const status = (values.status || 'pending') as InvitationStatus | 'all';
  const list = usePagedList(['invitations', 'list', status], (after) =>
    call(
      api.GET('/api/v1/invitations', {
        params: { query: { ...(status === 'all' ? {} : { status }), limit: 50, ...(after ? { after } : {}) } },
      }),
    ),
  );
  return (
    <>
      <PageHeader title={t('invitations.title')} crumbs={[{ label: t('nav.admin'), to: '/admin' }]} description={t('invitations.description')} />
      <Group mb="md">
        <Select
          label={t('invitations.status')}
          data={[
            ...INVITATION_STATUSES.map((s) => ({ value: s, label: invitationStatusLabel(s) })),
            { value: 'all', label: t('common.all') },
          ]}
          value={status}
          onChange={(v) => setFilter('status', !v || v === 'pending' ? '' : v)}
          allowDeselect={false}
          w={{ base: '100%', sm: 200 }}
        />
      </Group>
      {list.isPending ? (
        <TableSkeleton />
      ) : list.isError ? (
        <QueryError error={list.error} retry={() => list.refetch()} />
      ) : list.items.length === 0 ? (
        <EmptyState icon={<IconMailForward size={24} />} title={t('invitations.emptyTitle')}>
          {t('invitations.emptyBody')}
        </EmptyState>
      ) : (
        <InvitationTable items={list.items} showSpace />
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => list.fetchNextPage()} />
    </>
  );
}
