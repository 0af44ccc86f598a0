import { Avatar, Badge, Button, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconFlask, IconSettings, IconWorld } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { NotFound } from '../../components/NotFound';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { PageSkeleton, TableSkeleton } from '../../components/Skeletons';
import { DateTime } from '../../components/Time';
import { t, tp } from '../../messages';
import { isAdmin, isInternal, useSignedIn } from '../auth/session';
import { spaceKindLabel, spaceRoleLabel } from './spaceLabels';

function Members({ spaceId, internal }: { spaceId: number; internal: boolean }) {
  const members = useQuery({
    queryKey: ['spaces', spaceId, 'members'],
    queryFn: () => call(api.GET('/api/v1/spaces/{id}/members', { params: { path: { id: spaceId }, query: { limit: 200 } } })),
  });
  if (members.isPending) return <TableSkeleton rows={4} />;
  if (members.isError) return <QueryError error={members.error} retry={() => members.refetch()} />;
  const items = members.data.items;
  if (items.length === 0) return <EmptyState title={t('space.noMembers')}>{t('space.noMembersBody')}</EmptyState>;
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={420}>
        <Table aria-label={t('space.members')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('space.memberName')}</Table.Th>
              <Table.Th>{t('space.memberRole')}</Table.Th>
              {internal && <Table.Th>{t('space.memberSince')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((m) => (
              <Table.Tr key={m.user.id}>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <Avatar size={28} radius="xl" aria-hidden>
                      {m.user.display_name.slice(0, 1).toUpperCase()}
                    </Avatar>
                    <div>
                      <Text fz="sm" fw={500}>
                        {m.user.display_name}
                      </Text>
                      {internal && m.user.email && (
                        <Text fz="xs" c="dimmed">
                          {m.user.email}
                        </Text>
                      )}
                    </div>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={m.space_role === 'owner' ? 'brand' : 'gray'}>
                    {spaceRoleLabel(m.space_role)}
                  </Badge>
                </Table.Td>
                {internal && (
                  <Table.Td fz="sm">
                    <DateTime iso={m.added_at} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** /spaces/:id — what the space is and who is in it. */
export default function SpacePage() {
  const id = Number(useParams().id);
  const { user } = useSignedIn();
  const internal = isInternal(user.role);
  const space = useQuery({
    queryKey: ['spaces', id],
    queryFn: () => call(api.GET('/api/v1/spaces/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id),
  });
  if (!Number.isInteger(id)) return <NotFound />;
  if (space.isPending) return <PageSkeleton />;
  if (space.isError) return <QueryError error={space.error} retry={() => space.refetch()} />;
  const s = space.data;
  const canManage = isAdmin(user.role) || s.my_role === 'owner';
  const homeLabel = internal ? t('nav.home') : t('nav.mySpaces');

  return (
    <>
      <PageHeader
        title={s.name}
        crumbs={[{ label: homeLabel, to: '/' }]}
        actions={
          canManage && internal ? (
            <Button component={Link} to={`/admin/spaces/${s.id}`} variant="default" leftSection={<IconSettings size={16} />}>
              {t('space.manage')}
            </Button>
          ) : undefined
        }
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Paper withBorder radius="md" p="lg">
              <Title order={2} fz="md" mb="xs">
                {t('space.about')}
              </Title>
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }} c={s.description ? undefined : 'dimmed'}>
                {s.description || t('space.noDescription')}
              </Text>
            </Paper>
            <section aria-labelledby="members-heading">
              <Title order={2} fz="md" mb="sm" id="members-heading">
                {t('space.members')}
              </Title>
              <Members spaceId={s.id} internal={internal} />
            </section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper withBorder radius="md" p="lg">
              <Stack gap="sm">
                <Group justify="space-between">
                  <Text fz="sm" c="dimmed">
                    {t('space.kind')}
                  </Text>
                  <Badge variant="light">{spaceKindLabel(s.kind)}</Badge>
                </Group>
                {s.my_role && (
                  <Group justify="space-between">
                    <Text fz="sm" c="dimmed">
                      {t('space.myRole')}
                    </Text>
                    <Text fz="sm">{spaceRoleLabel(s.my_role)}</Text>
                  </Group>
                )}
                <Group justify="space-between">
                  <Text fz="sm" c="dimmed">
                    {t('space.membersLabel')}
                  </Text>
                  <Text fz="sm">{tp('space.memberCount', s.member_count)}</Text>
                </Group>
                {internal && (
                  <Group gap="xs">
                    {s.external_allowed && (
                      <Badge variant="outline" color="teal" leftSection={<IconWorld size={12} />}>
                        {t('space.externalAllowed')}
                      </Badge>
                    )}
                    {s.experimental && (
                      <Badge variant="outline" color="grape" leftSection={<IconFlask size={12} />}>
                        {t('space.experimental')}
                      </Badge>
                    )}
                    {s.archived && (
                      <Badge variant="filled" color="gray">
                        {t('space.archived')}
                      </Badge>
                    )}
                  </Group>
                )}
              </Stack>
            </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}
