import { Badge, Button, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDevices } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EmptyState } from '../../components/EmptyState';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/Skeletons';
import { DateTime, RelativeTime } from '../../components/Time';
import { t } from '../../messages';
import { describeUserAgent } from './userAgent';

/** /me/sessions — where I am signed in; revoke any other session. */
export default function SessionsPage() {
  const client = useQueryClient();
  const sessions = useQuery({
    queryKey: ['me', 'sessions'],
    queryFn: () => call(api.GET('/api/v1/me/sessions', { params: { query: { limit: 200 } } })),
  });
  const revoke = useMutation({
    mutationFn: (id: number) => call(api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['me', 'sessions'] });
      notifySuccess(t('sessions.revoked'));
    },
    onError: notifyError,
  });

  return (
    <>
      <PageHeader title={t('sessions.title')} description={t('sessions.description')} />
      {sessions.isPending ? (
        <TableSkeleton rows={3} />
      ) : sessions.isError ? (
        <QueryError error={sessions.error} retry={() => sessions.refetch()} />
      ) : sessions.data.items.length === 0 ? (
        <EmptyState icon={<IconDevices size={24} />} title={t('sessions.emptyTitle')}>
          {t('sessions.emptyBody')}
        </EmptyState>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label={t('sessions.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('sessions.device')}</Table.Th>
                  <Table.Th>{t('sessions.ip')}</Table.Th>
                  <Table.Th>{t('sessions.signedIn')}</Table.Th>
                  <Table.Th>{t('sessions.lastSeen')}</Table.Th>
                  <Table.Th>{t('sessions.expires')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sessions.data.items.map((s) => (
                  <Table.Tr key={s.id} data-testid={s.current ? 'current-session' : 'other-session'}>
                    <Table.Td>
                      <Text fz="sm" fw={500}>
                        {describeUserAgent(s.user_agent)}
                      </Text>
                      {s.current && (
                        <Badge color="teal" variant="light" size="sm" mt={4}>
                          {t('sessions.current')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td fz="sm" className="mono">
                      {s.ip || '—'}
                    </Table.Td>
                    <Table.Td fz="sm">
                      <DateTime iso={s.created_at} />
                    </Table.Td>
                    <Table.Td fz="sm">
                      <RelativeTime iso={s.last_seen_at} />
                    </Table.Td>
                    <Table.Td fz="sm">
                      <DateTime iso={s.expires_at} />
                    </Table.Td>
                    <Table.Td ta="right">
                      {s.current ? (
                        <Button size="xs" variant="subtle" disabled aria-label={t('sessions.cannotRevokeCurrent')}>
                          {t('sessions.thisDevice')}
                        </Button>
                      ) : (
                        <ConfirmButton
                          size="xs"
                          variant="light"
                          color="red"
                          question={t('sessions.revokeQuestion')}
                          detail={t('sessions.revokeDetail', { device: describeUserAgent(s.user_agent) })}
                          confirmLabel={t('sessions.revoke')}
                          onConfirm={() => revoke.mutateAsync(s.id)}
                          aria-label={t('sessions.revokeLabel', { device: describeUserAgent(s.user_agent) })}
                        >
                          {t('sessions.revoke')}
                        </ConfirmButton>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
