import { Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { IconBuilding, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ORGANISATION_KINDS, type Organisation, type OrganisationKind } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { PagedTable } from '../../components/PagedTable';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { DateTime } from '../../components/Time';
import { compact, oneOf, useDebouncedUrlText, useUrlFilters } from '../../components/urlState';
import { useProblemForm } from '../../components/useProblemForm';
import { t } from '../../messages';
import { organisationKindLabel } from './labels';
import { usePagedList } from './queries';

const kindOptions = ORGANISATION_KINDS.map((k) => ({ value: k, label: organisationKindLabel(k) }));

/** Create (no `organisation`) or edit an organisation. */
function OrganisationModal({ organisation, opened, onClose }: { organisation: Organisation | null; opened: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const form = useProblemForm({
    name: organisation?.name ?? '',
    kind: (organisation?.kind ?? 'customer') as OrganisationKind,
    domain: organisation?.domain ?? '',
  });
  const save = useMutation({
    mutationFn: () => {
      const body = { name: form.values.name.trim(), kind: form.values.kind, domain: form.values.domain.trim() || null };
      return organisation
        ? call(api.PATCH('/api/v1/organisations/{id}', { params: { path: { id: organisation.id } }, body }))
        : call(api.POST('/api/v1/organisations', { body }));
    },
    onSuccess: async (saved) => {
      await client.invalidateQueries({ queryKey: ['organisations'] });
      notifySuccess(organisation ? t('organisations.saved') : t('organisations.created', { name: saved.name }));
      onClose();
    },
    onError: form.fail,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.name.trim()) return form.setErrors({ name: t('form.required') });
    save.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={organisation ? t('organisations.editTitle') : t('organisations.createTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label={t('organisations.name')} required data-autofocus {...form.text('name')} />
          <Select
            label={t('organisations.kind')}
            data={kindOptions}
            value={form.values.kind}
            onChange={(v) => v && form.setValue('kind', v as OrganisationKind)}
            error={form.errors.kind}
            allowDeselect={false}
            required
          />
          <TextInput label={t('organisations.domain')} description={t('organisations.domainHint')} placeholder="example.com" {...form.text('domain')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {organisation ? t('common.saveChanges') : t('organisations.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** /admin/organisations — companies and bodies people belong to. */
export default function OrganisationsPage() {
  const { values, setFilter } = useUrlFilters(['q', 'kind'] as const);
  const search = useDebouncedUrlText(values.q, (v) => setFilter('q', v));
  // `null` closed, 'new' creating, or the organisation being edited.
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const query = compact({ q: values.q, kind: oneOf(ORGANISATION_KINDS, values.kind) });
  const list = usePagedList(['organisations', 'list', query], (after) =>
    call(api.GET('/api/v1/organisations', { params: { query: { ...query, limit: 50, ...(after ? { after } : {}) } } })),
  );
  const filtered = Boolean(values.q || values.kind);
  const createButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      {t('organisations.create')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('organisations.title')}
        crumbs={[{ label: t('nav.admin'), to: '/admin' }]}
        description={t('organisations.description')}
        actions={createButton}
      />
      {editing !== null && (
        <OrganisationModal
          key={editing === 'new' ? 'new' : editing.id}
          organisation={editing === 'new' ? null : editing}
          opened
          onClose={() => setEditing(null)}
        />
      )}
      <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('organisations.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search.text}
          onChange={(e) => search.onChange(e.currentTarget.value)}
          w={{ base: '100%', sm: 280 }}
        />
        <Select
          label={t('organisations.kind')}
          placeholder={t('common.all')}
          data={kindOptions}
          value={values.kind || null}
          onChange={(v) => setFilter('kind', v ?? '')}
          clearable
          w={{ base: '100%', sm: 200 }}
        />
      </Group>
      <PagedTable
        list={list}
        label={t('organisations.title')}
        minWidth={640}
        headers={[
          t('organisations.name'),
          t('organisations.kind'),
          t('organisations.domain'),
          t('common.created'),
          <VisuallyHidden>{t('common.actions')}</VisuallyHidden>,
        ]}
        empty={
          <EmptyState
            icon={<IconBuilding size={24} />}
            title={filtered ? t('common.noMatchesTitle') : t('organisations.emptyTitle')}
            action={!filtered && createButton}
          >
            {filtered ? t('common.noMatchesBody') : t('organisations.emptyBody')}
          </EmptyState>
        }
        row={(o) => (
          <Table.Tr key={o.id}>
            <Table.Td>
              <Text fz="sm" fw={500}>
                {o.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Badge variant="light" color={o.kind === 'own' ? 'brand' : 'gray'}>
                {organisationKindLabel(o.kind)}
              </Badge>
            </Table.Td>
            <Table.Td fz="sm">{o.domain ?? '—'}</Table.Td>
            <Table.Td fz="sm">
              <DateTime iso={o.created_at} />
            </Table.Td>
            <Table.Td ta="right">
              <Button size="xs" variant="default" onClick={() => setEditing(o)} aria-label={t('organisations.editLabel', { name: o.name })}>
                {t('common.edit')}
              </Button>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
