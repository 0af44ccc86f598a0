import { Anchor, Badge, Button, Group, Modal, Select, Stack, Switch, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconLayoutGrid, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { SPACE_KINDS, type SpaceKind } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { PagedTable } from '../../components/PagedTable';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { DateTime } from '../../components/Time';
import { compact, oneOf, useDebouncedUrlText, useUrlFilters } from '../../components/urlState';
import { useProblemForm } from '../../components/useProblemForm';
import { meKey } from '../../lib/queryClient';
import { t, tp } from '../../messages';
import { spaceKindLabel } from '../spaces/spaceLabels';
import { usePagedList } from './queries';

export const spaceKindOptions = SPACE_KINDS.map((k) => ({ value: k, label: spaceKindLabel(k) }));

function CreateSpaceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const initial = { name: '', description: '', kind: 'community' as SpaceKind, external_allowed: false, experimental: false };
  const form = useProblemForm(initial);
  const create = useMutation({
    mutationFn: () => call(api.POST('/api/v1/spaces', { body: { ...form.values, name: form.values.name.trim() } })),
    onSuccess: async (space) => {
      await Promise.all([client.invalidateQueries({ queryKey: ['spaces'] }), client.invalidateQueries({ queryKey: meKey })]);
      notifySuccess(t('spaces.created', { name: space.name }));
      form.reset(initial);
      onClose();
      navigate(`/admin/spaces/${space.id}`);
    },
    onError: form.fail,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.name.trim()) return form.setErrors({ name: t('form.required') });
    create.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('spaces.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label={t('spaces.name')} required data-autofocus {...form.text('name')} />
          <Textarea label={t('spaces.descriptionLabel')} autosize minRows={3} maxRows={8} {...form.text('description')} />
          <Select
            label={t('spaces.kind')}
            data={spaceKindOptions}
            value={form.values.kind}
            onChange={(v) => v && form.setValue('kind', v as SpaceKind)}
            error={form.errors.kind}
            allowDeselect={false}
            required
          />
          <Switch
            label={t('spaces.externalAllowed')}
            description={t('spaces.externalAllowedHint')}
            checked={form.values.external_allowed}
            onChange={(e) => form.setValue('external_allowed', e.currentTarget.checked)}
            error={form.errors.external_allowed}
          />
          <Switch
            label={t('spaces.experimental')}
            description={t('spaces.experimentalHint')}
            checked={form.values.experimental}
            onChange={(e) => form.setValue('experimental', e.currentTarget.checked)}
            error={form.errors.experimental}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('spaces.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** /admin/spaces — communities, project rooms and challenge areas. `?create=1` opens the form. */
export default function SpacesAdminPage() {
  const { values, setFilter } = useUrlFilters(['q', 'kind', 'archived', 'create'] as const);
  const [, setParams] = useSearchParams();
  const search = useDebouncedUrlText(values.q, (v) => setFilter('q', v));
  const opened = values.create === '1';
  const open = () => setFilter('create', '1');
  const close = () =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        n.delete('create');
        return n;
      },
      { replace: true },
    );
  const archived = values.archived === 'yes' ? true : values.archived === 'all' ? undefined : false;
  const query = compact({ q: values.q, kind: oneOf(SPACE_KINDS, values.kind), archived });
  const list = usePagedList(['spaces', 'list', query], (after) =>
    call(api.GET('/api/v1/spaces', { params: { query: { ...query, limit: 50, ...(after ? { after } : {}) } } })),
  );
  const filtered = Boolean(values.q || values.kind || values.archived);
  const createButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={open}>
      {t('spaces.create')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('spaces.title')}
        crumbs={[{ label: t('nav.admin'), to: '/admin' }]}
        description={t('spaces.description')}
        actions={createButton}
      />
      <CreateSpaceModal opened={opened} onClose={close} />
      <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('spaces.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search.text}
          onChange={(e) => search.onChange(e.currentTarget.value)}
          w={{ base: '100%', sm: 280 }}
        />
        <Select
          label={t('spaces.kind')}
          placeholder={t('common.all')}
          data={spaceKindOptions}
          value={values.kind || null}
          onChange={(v) => setFilter('kind', v ?? '')}
          clearable
          w={{ base: '100%', sm: 200 }}
        />
        <Select
          label={t('spaces.show')}
          data={[
            { value: 'active', label: t('spaces.showActive') },
            { value: 'yes', label: t('spaces.showArchived') },
            { value: 'all', label: t('spaces.showAll') },
          ]}
          value={values.archived || 'active'}
          onChange={(v) => setFilter('archived', v === 'active' || !v ? '' : v)}
          allowDeselect={false}
          w={{ base: '100%', sm: 180 }}
        />
      </Group>
      <PagedTable
        list={list}
        label={t('spaces.title')}
        minWidth={720}
        headers={[
          t('spaces.name'),
          t('spaces.kind'),
          t('spaces.access'),
          t('spaces.members'),
          t('common.created'),
        ]}
        empty={
          <EmptyState
            icon={<IconLayoutGrid size={24} />}
            title={filtered ? t('common.noMatchesTitle') : t('spaces.emptyTitle')}
            action={!filtered && createButton}
          >
            {filtered ? t('common.noMatchesBody') : t('spaces.emptyBody')}
          </EmptyState>
        }
        row={(s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              <Anchor component={Link} to={`/admin/spaces/${s.id}`} fz="sm" fw={500}>
                {s.name}
              </Anchor>
              {s.description && (
                <Text fz="xs" c="dimmed" lineClamp={1} maw={360}>
                  {s.description}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color="gray">
                {spaceKindLabel(s.kind)}
              </Badge>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {s.external_allowed ? (
                  <Badge variant="outline" color="teal" size="sm">
                    {t('spaces.externalsWelcome')}
                  </Badge>
                ) : (
                  <Badge variant="outline" color="gray" size="sm">
                    {t('spaces.internalOnly')}
                  </Badge>
                )}
                {s.experimental && (
                  <Badge variant="outline" color="grape" size="sm">
                    {t('space.experimental')}
                  </Badge>
                )}
                {s.archived && (
                  <Badge variant="filled" color="gray" size="sm">
                    {t('space.archived')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td fz="sm">{tp('space.memberCount', s.member_count)}</Table.Td>
            <Table.Td fz="sm">
              <DateTime iso={s.created_at} />
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
