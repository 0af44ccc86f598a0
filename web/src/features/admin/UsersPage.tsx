import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { CAPABILITIES, ROLES, type Capability, type Role } from '../../api/types';
import { EmptyState } from '../../components/EmptyState';
import { PagedTable } from '../../components/PagedTable';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { RelativeTime } from '../../components/Time';
import { compact, oneOf, useDebouncedUrlText, useUrlFilters } from '../../components/urlState';
import { useProblemForm } from '../../components/useProblemForm';
import { t } from '../../messages';
import { capabilityLabel, roleLabel } from './labels';
import { useOrganisationNames, useOrganisationOptions, usePagedList } from './queries';

const roleOptions = ROLES.map((r) => ({ value: r, label: roleLabel(r) }));

function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const orgs = useOrganisationOptions(opened);
  const initial = {
    email: '',
    display_name: '',
    password: '',
    role: 'member' as Role,
    capabilities: [] as Capability[],
    organisation_id: '',
  };
  const form = useProblemForm(initial);
  const create = useMutation({
    mutationFn: () => {
      const v = form.values;
      return call(
        api.POST('/api/v1/users', {
          body: {
            email: v.email.trim(),
            display_name: v.display_name.trim(),
            password: v.password,
            role: v.role,
            capabilities: v.role === 'external' ? [] : v.capabilities,
            organisation_id: v.organisation_id ? Number(v.organisation_id) : null,
          },
        }),
      );
    },
    onSuccess: async (user) => {
      await client.invalidateQueries({ queryKey: ['users'] });
      notifySuccess(t('users.created', { name: user.display_name }));
      form.reset(initial);
      onClose();
      navigate(`/admin/users/${user.id}`);
    },
    onError: form.fail,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!form.values.display_name.trim()) errors.display_name = t('form.required');
    if (!form.values.email.trim()) errors.email = t('form.required');
    if (!form.values.password) errors.password = t('form.required');
    form.setErrors(errors);
    if (Object.keys(errors).length === 0) create.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('users.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('users.displayName')} required data-autofocus {...form.text('display_name')} />
            <TextInput label={t('auth.email')} type="email" required {...form.text('email')} />
          </SimpleGrid>
          <PasswordInput
            label={t('users.initialPassword')}
            description={t('users.initialPasswordHint')}
            autoComplete="new-password"
            required
            {...form.text('password')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('users.role')}
              data={roleOptions}
              value={form.values.role}
              onChange={(v) => v && form.setValue('role', v as Role)}
              error={form.errors.role}
              allowDeselect={false}
              required
            />
            <Select
              label={t('users.organisation')}
              placeholder={t('users.noOrganisation')}
              data={orgs.options}
              value={form.values.organisation_id || null}
              onChange={(v) => form.setValue('organisation_id', v ?? '')}
              error={form.errors.organisation_id}
              searchable
              clearable
            />
          </SimpleGrid>
          {form.values.role !== 'external' && (
            <Checkbox.Group
              label={t('users.capabilities')}
              description={t('users.capabilitiesHint')}
              value={form.values.capabilities}
              onChange={(v) => form.setValue('capabilities', v as Capability[])}
              error={form.errors.capabilities}
            >
              <Group mt={6}>
                {CAPABILITIES.map((c) => (
                  <Checkbox key={c} value={c} label={capabilityLabel(c)} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** /admin/users — everyone with an account; search and filter live in the URL. */
export default function UsersPage() {
  const { values, setFilter } = useUrlFilters(['q', 'role', 'status'] as const);
  const search = useDebouncedUrlText(values.q, (v) => setFilter('q', v));
  const [opened, { open, close }] = useDisclosure(false);
  const orgs = useOrganisationNames();
  const query = compact({
    q: values.q,
    role: oneOf(ROLES, values.role),
    disabled: values.status === 'disabled' ? true : values.status === 'active' ? false : undefined,
  });
  const list = usePagedList(['users', 'list', query], (after) =>
    call(api.GET('/api/v1/users', { params: { query: { ...query, limit: 50, ...(after ? { after } : {}) } } })),
  );
  const filtered = Boolean(values.q || values.role || values.status);

  return (
    <>
      <PageHeader
        title={t('users.title')}
        crumbs={[{ label: t('nav.admin'), to: '/admin' }]}
        description={t('users.description')}
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={open}>
            {t('users.create')}
          </Button>
        }
      />
      <CreateUserModal opened={opened} onClose={close} />
      <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('users.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search.text}
          onChange={(e) => search.onChange(e.currentTarget.value)}
          w={{ base: '100%', sm: 280 }}
        />
        <Select
          label={t('users.role')}
          placeholder={t('common.all')}
          data={roleOptions}
          value={values.role || null}
          onChange={(v) => setFilter('role', v ?? '')}
          clearable
          w={{ base: '100%', sm: 200 }}
        />
        <Select
          label={t('users.status')}
          placeholder={t('common.all')}
          data={[
            { value: 'active', label: t('users.active') },
            { value: 'disabled', label: t('users.disabled') },
          ]}
          value={values.status || null}
          onChange={(v) => setFilter('status', v ?? '')}
          clearable
          w={{ base: '100%', sm: 160 }}
        />
      </Group>
      <PagedTable
        list={list}
        label={t('users.title')}
        minWidth={760}
        headers={[
          t('users.person'),
          t('users.role'),
          t('users.organisation'),
          t('users.lastSignIn'),
          t('users.status'),
        ]}
        empty={
          <EmptyState
            icon={<IconUsers size={24} />}
            title={filtered ? t('common.noMatchesTitle') : t('users.emptyTitle')}
            action={
              !filtered && (
                <Button onClick={open} leftSection={<IconUserPlus size={16} />}>
                  {t('users.create')}
                </Button>
              )
            }
          >
            {filtered ? t('common.noMatchesBody') : t('users.emptyBody')}
          </EmptyState>
        }
        row={(u) => (
          <Table.Tr key={u.id}>
            <Table.Td>
              <Anchor component={Link} to={`/admin/users/${u.id}`} fz="sm" fw={500}>
                {u.display_name}
              </Anchor>
              <Text fz="xs" c="dimmed">
                {u.email}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                <Badge variant="light" color={u.role === 'external' ? 'orange' : u.role === 'admin' ? 'red' : 'brand'}>
                  {roleLabel(u.role)}
                </Badge>
                {u.capabilities.map((c) => (
                  <Badge key={c} variant="outline" color="gray" size="sm">
                    {capabilityLabel(c)}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
            <Table.Td fz="sm">
              {u.organisation_id ? (orgs.data?.get(u.organisation_id)?.name ?? `#${u.organisation_id}`) : '—'}
            </Table.Td>
            <Table.Td fz="sm">
              <RelativeTime iso={u.last_sign_in_at} fallback={t('users.never')} />
            </Table.Td>
            <Table.Td>
              {u.disabled ? (
                <Badge color="gray" variant="filled">
                  {t('users.disabled')}
                </Badge>
              ) : (
                <Badge color="teal" variant="light">
                  {t('users.active')}
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
