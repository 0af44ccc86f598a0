import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { IconArchive, IconArchiveOff, IconMailForward, IconUserPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { SPACE_ROLES, type InvitationWithLink, type Space, type SpaceRole } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EmptyState } from '../../components/EmptyState';
import { NotFound } from '../../components/NotFound';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { PageSkeleton, TableSkeleton } from '../../components/Skeletons';
import { formatDate } from '../../lib/format';
import { useProblemForm } from '../../components/useProblemForm';
import { meKey } from '../../lib/queryClient';
import { t } from '../../messages';
import { isAdmin, useSignedIn } from '../auth/session';
import { spaceKindLabel, spaceRoleLabel } from '../spaces/spaceLabels';
import { InvitationLinkModal, InvitationTable, InviteModal } from './invitations';
import { roleLabel } from './labels';
import { usePagedList, useUserOptions } from './queries';

const roleOptions = SPACE_ROLES.map((r) => ({ value: r, label: spaceRoleLabel(r) }));

function settingsOf(space: Space) {
  return {
    name: space.name,
    description: space.description,
    external_allowed: space.external_allowed,
    experimental: space.experimental,
  };
}

function useSpaceSaved(spaceId: number) {
  const client = useQueryClient();
  return async (saved: Space) => {
    client.setQueryData(['spaces', spaceId], saved);
    await Promise.all([client.invalidateQueries({ queryKey: ['spaces', 'list'] }), client.invalidateQueries({ queryKey: meKey })]);
  };
}

function SettingsForm({ space, canEdit }: { space: Space; canEdit: boolean }) {
  const form = useProblemForm(settingsOf(space));
  const { reset } = form;
  useEffect(() => reset(settingsOf(space)), [space, reset]);
  const saved = useSpaceSaved(space.id);
  const save = useMutation({
    mutationFn: () =>
      call(api.PATCH('/api/v1/spaces/{id}', { params: { path: { id: space.id } }, body: { ...form.values, name: form.values.name.trim() } })),
    onSuccess: async (s) => {
      await saved(s);
      notifySuccess(t('spaces.saved'));
    },
    onError: form.fail,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.name.trim()) return form.setErrors({ name: t('form.required') });
    save.mutate();
  };
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="settings-heading">
      <Title order={2} fz="md" mb="md" id="settings-heading">
        {t('spaces.settings')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label={t('spaces.name')} required readOnly={!canEdit} {...form.text('name')} />
          <Textarea label={t('spaces.descriptionLabel')} autosize minRows={3} maxRows={10} readOnly={!canEdit} {...form.text('description')} />
          <Switch
            label={t('spaces.externalAllowed')}
            description={t('spaces.externalAllowedHint')}
            checked={form.values.external_allowed}
            onChange={(e) => form.setValue('external_allowed', e.currentTarget.checked)}
            error={form.errors.external_allowed}
            disabled={!canEdit}
          />
          <Switch
            label={t('spaces.experimental')}
            description={t('spaces.experimentalHint')}
            checked={form.values.experimental}
            onChange={(e) => form.setValue('experimental', e.currentTarget.checked)}
            error={form.errors.experimental}
            disabled={!canEdit}
          />
          {canEdit && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('common.saveChanges')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function ArchiveButton({ space }: { space: Space }) {
  const saved = useSpaceSaved(space.id);
  const toggle = useMutation({
    mutationFn: () => call(api.PATCH('/api/v1/spaces/{id}', { params: { path: { id: space.id } }, body: { archived: !space.archived } })),
    onSuccess: async (s) => {
      await saved(s);
      notifySuccess(s.archived ? t('spaces.archivedDone') : t('spaces.unarchivedDone'));
    },
    onError: notifyError,
  });
  if (space.archived) {
    return (
      <Button variant="default" leftSection={<IconArchiveOff size={16} />} loading={toggle.isPending} onClick={() => toggle.mutate()}>
        {t('spaces.unarchive')}
      </Button>
    );
  }
  return (
    <ConfirmButton
      variant="default"
      leftSection={<IconArchive size={16} />}
      question={t('spaces.archiveQuestion', { name: space.name })}
      detail={t('spaces.archiveDetail')}
      confirmLabel={t('spaces.archive')}
      onConfirm={() => toggle.mutateAsync()}
    >
      {t('spaces.archive')}
    </ConfirmButton>
  );
}

function AddMemberModal({ spaceId, opened, onClose }: { spaceId: number; opened: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const users = useUserOptions(debounced, opened);
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<SpaceRole>('member');
  const [error, setError] = useState<string | undefined>();
  // Externals join by invitation only.
  const options = (users.data ?? []).filter((o) => o.user.role !== 'external' && !o.user.disabled);
  const add = useMutation({
    mutationFn: (id: number) =>
      call(api.PUT('/api/v1/spaces/{id}/members/{user_id}', { params: { path: { id: spaceId, user_id: id } }, body: { space_role: role } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['spaces', spaceId] });
      notifySuccess(t('members.added'));
      setUserId(null);
      setSearch('');
      onClose();
    },
    onError: (e) => notifyError(e),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!userId) return setError(t('members.pickPerson'));
    setError(undefined);
    add.mutate(Number(userId));
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('members.addTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Select
            label={t('members.person')}
            description={t('members.personHint')}
            placeholder={t('members.searchPeople')}
            data={options.map(({ value, label }) => ({ value, label }))}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: o }) => o}
            value={userId}
            onChange={setUserId}
            nothingFoundMessage={users.isFetching ? t('common.loading') : t('members.nobodyFound')}
            error={error}
            required
            data-autofocus
          />
          <Select
            label={t('members.spaceRole')}
            data={roleOptions}
            value={role}
            onChange={(v) => v && setRole(v as SpaceRole)}
            allowDeselect={false}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('members.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function MembersSection({ space, canEdit, canPick }: { space: Space; canEdit: boolean; canPick: boolean }) {
  const client = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const members = useQuery({
    queryKey: ['spaces', space.id, 'members'],
    queryFn: () => call(api.GET('/api/v1/spaces/{id}/members', { params: { path: { id: space.id }, query: { limit: 200 } } })),
  });
  const refresh = () => client.invalidateQueries({ queryKey: ['spaces', space.id] });
  const setRole = useMutation({
    mutationFn: ({ userId, role }: { userId: number; role: SpaceRole }) =>
      call(api.PUT('/api/v1/spaces/{id}/members/{user_id}', { params: { path: { id: space.id, user_id: userId } }, body: { space_role: role } })),
    onSuccess: async () => {
      await refresh();
      notifySuccess(t('members.roleChanged'));
    },
    onError: notifyError,
  });
  const remove = useMutation({
    mutationFn: (userId: number) =>
      call(api.DELETE('/api/v1/spaces/{id}/members/{user_id}', { params: { path: { id: space.id, user_id: userId } } })),
    onSuccess: async () => {
      await refresh();
      notifySuccess(t('members.removed'));
    },
    onError: notifyError,
  });

  return (
    <section aria-labelledby="members-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md" id="members-heading">
          {t('space.members')}
        </Title>
        {canEdit && canPick && (
          <Button size="xs" variant="light" leftSection={<IconUserPlus size={14} />} onClick={open}>
            {t('members.add')}
          </Button>
        )}
      </Group>
      <AddMemberModal spaceId={space.id} opened={opened} onClose={close} />
      {members.isPending ? (
        <TableSkeleton rows={3} />
      ) : members.isError ? (
        <QueryError error={members.error} retry={() => members.refetch()} />
      ) : members.data.items.length === 0 ? (
        <EmptyState title={t('space.noMembers')}>{t('members.emptyBody')}</EmptyState>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={520}>
            <Table aria-label={t('space.members')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('space.memberName')}</Table.Th>
                  <Table.Th>{t('members.spaceRole')}</Table.Th>
                  <Table.Th>{t('space.memberSince')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.items.map((m) => (
                  <Table.Tr key={m.user.id}>
                    <Table.Td>
                      <Text fz="sm" fw={500}>
                        {m.user.display_name}
                      </Text>
                      <Text fz="xs" c="dimmed">
                        {[m.user.email, m.user.role && roleLabel(m.user.role)].filter(Boolean).join(' · ')}
                      </Text>
                      {m.user.role === 'external' && (
                        <Badge variant="light" color="orange" size="xs" mt={4}>
                          {t('members.external')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {canEdit ? (
                        <Select
                          size="xs"
                          w={150}
                          data={roleOptions}
                          value={m.space_role}
                          onChange={(v) => v && v !== m.space_role && setRole.mutate({ userId: m.user.id, role: v as SpaceRole })}
                          allowDeselect={false}
                          aria-label={t('members.roleOf', { name: m.user.display_name })}
                        />
                      ) : (
                        <Text fz="sm">{spaceRoleLabel(m.space_role)}</Text>
                      )}
                    </Table.Td>
                    <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(m.added_at)}
                    </Table.Td>
                    <Table.Td ta="right">
                      {canEdit && (
                        <ConfirmButton
                          size="xs"
                          variant="subtle"
                          color="red"
                          question={t('members.removeQuestion', { name: m.user.display_name })}
                          detail={t('members.removeDetail', { space: space.name })}
                          confirmLabel={t('members.remove')}
                          onConfirm={() => remove.mutateAsync(m.user.id)}
                          aria-label={t('members.removeLabel', { name: m.user.display_name })}
                        >
                          {t('members.remove')}
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
    </section>
  );
}

function InvitationsSection({ space }: { space: Space }) {
  const [opened, { open, close }] = useDisclosure(false);
  const [link, setLink] = useState<InvitationWithLink | null>(null);
  const list = usePagedList(['invitations', 'space', space.id], (after) =>
    call(api.GET('/api/v1/spaces/{id}/invitations', { params: { path: { id: space.id }, query: { limit: 100, ...(after ? { after } : {}) } } })),
  );
  const pending = list.items.filter((i) => i.status === 'pending' || i.status === 'expired');
  return (
    <section aria-labelledby="invitations-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md" id="invitations-heading">
          {t('invitations.pendingTitle')}
        </Title>
        {!space.archived && (
          <Button size="xs" variant="light" leftSection={<IconMailForward size={14} />} onClick={open}>
            {t('invitations.create')}
          </Button>
        )}
      </Group>
      <InviteModal spaceId={space.id} opened={opened} onClose={close} onCreated={setLink} />
      <InvitationLinkModal invitation={link} onClose={() => setLink(null)} />
      {list.isPending ? (
        <TableSkeleton rows={2} />
      ) : list.isError ? (
        <QueryError error={list.error} retry={() => list.refetch()} />
      ) : pending.length === 0 ? (
        <EmptyState title={t('invitations.noPendingTitle')}>
          {space.external_allowed ? t('invitations.noPendingBody') : t('invitations.noPendingInternalOnly')}
        </EmptyState>
      ) : (
        <InvitationTable items={pending} showSpace={false} />
      )}
    </section>
  );
}

/** /admin/spaces/:id — settings, archive, members and their roles, invitations. */
export default function SpaceAdminPage() {
  const id = Number(useParams().id);
  const { user } = useSignedIn();
  const space = useQuery({
    queryKey: ['spaces', id],
    queryFn: () => call(api.GET('/api/v1/spaces/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id),
  });
  if (!Number.isInteger(id)) return <NotFound />;
  if (space.isPending) return <PageSkeleton />;
  if (space.isError) return <QueryError error={space.error} retry={() => space.refetch()} />;
  const s = space.data;
  const canEdit = isAdmin(user.role) || s.my_role === 'owner';

  return (
    <>
      <PageHeader
        title={s.name}
        crumbs={[
          { label: t('nav.admin'), to: '/admin' },
          { label: t('spaces.title'), to: '/admin/spaces' },
        ]}
        description={
          <>
            {spaceKindLabel(s.kind)}
            {s.archived ? ` · ${t('space.archived')}` : ''} ·{' '}
            <Anchor component={Link} to={`/spaces/${s.id}`}>
              {t('spaces.openSpace')}
            </Anchor>
          </>
        }
        actions={canEdit ? <ArchiveButton space={s} /> : undefined}
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <SettingsForm space={s} canEdit={canEdit} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="xl">
            <MembersSection space={s} canEdit={canEdit} canPick={isAdmin(user.role)} />
            <InvitationsSection space={s} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
