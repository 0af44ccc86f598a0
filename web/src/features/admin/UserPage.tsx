import { Badge, Button, Checkbox, Grid, Group, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { api, call } from '../../api/client';
import { CAPABILITIES, ROLES, type Capability, type Role, type User } from '../../api/types';
import { NotFound } from '../../components/NotFound';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { PageSkeleton } from '../../components/Skeletons';
import { DateTime } from '../../components/Time';
import { useProblemForm } from '../../components/useProblemForm';
import { meKey } from '../../lib/queryClient';
import { t } from '../../messages';
import { useSignedIn } from '../auth/session';
import { capabilityLabel, roleLabel } from './labels';
import { useOrganisationOptions } from './queries';

function valuesOf(user: User) {
  return {
    display_name: user.display_name,
    role: user.role as Role,
    capabilities: user.capabilities as Capability[],
    organisation_id: user.organisation_id ? String(user.organisation_id) : '',
    disabled: user.disabled,
  };
}

function UserForm({ user }: { user: User }) {
  const client = useQueryClient();
  const me = useSignedIn();
  const orgs = useOrganisationOptions();
  const form = useProblemForm(valuesOf(user));
  const { reset } = form;
  useEffect(() => reset(valuesOf(user)), [user, reset]);
  const isSelf = me.user.id === user.id;
  const save = useMutation({
    mutationFn: () => {
      const v = form.values;
      return call(
        api.PATCH('/api/v1/users/{id}', {
          params: { path: { id: user.id } },
          body: {
            display_name: v.display_name.trim(),
            role: v.role,
            capabilities: v.role === 'external' ? [] : v.capabilities,
            organisation_id: v.organisation_id ? Number(v.organisation_id) : null,
            disabled: v.disabled,
          },
        }),
      );
    },
    onSuccess: async (saved) => {
      client.setQueryData(['users', user.id], saved);
      await client.invalidateQueries({ queryKey: ['users', 'list'] });
      if (isSelf) await client.invalidateQueries({ queryKey: meKey });
      notifySuccess(t('users.saved'));
    },
    onError: form.fail,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.display_name.trim()) return form.setErrors({ display_name: t('form.required') });
    save.mutate();
  };
  return (
    <Paper withBorder radius="md" p="lg" component="form" onSubmit={submit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('users.displayName')} required {...form.text('display_name')} />
          <TextInput label={t('auth.email')} value={user.email} readOnly />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('users.role')}
            data={ROLES.map((r) => ({ value: r, label: roleLabel(r) }))}
            value={form.values.role}
            onChange={(v) => v && form.setValue('role', v as Role)}
            error={form.errors.role}
            allowDeselect={false}
            disabled={isSelf}
            description={isSelf ? t('users.cannotChangeOwnRole') : undefined}
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
        <Switch
          label={t('users.disableAccount')}
          description={t('users.disableHint')}
          checked={form.values.disabled}
          onChange={(e) => form.setValue('disabled', e.currentTarget.checked)}
          error={form.errors.disabled}
          disabled={isSelf}
          color="red"
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('common.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** /admin/users/:id — role, capabilities, organisation, disable. */
export default function UserPage() {
  const id = Number(useParams().id);
  const user = useQuery({
    queryKey: ['users', id],
    queryFn: () => call(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
    enabled: Number.isInteger(id),
  });
  if (!Number.isInteger(id)) return <NotFound />;
  if (user.isPending) return <PageSkeleton />;
  if (user.isError) return <QueryError error={user.error} retry={() => user.refetch()} />;
  const u = user.data;
  return (
    <>
      <PageHeader
        title={u.display_name}
        crumbs={[
          { label: t('nav.admin'), to: '/admin' },
          { label: t('users.title'), to: '/admin/users' },
        ]}
        actions={u.disabled ? <Badge color="gray" variant="filled" size="lg">{t('users.disabled')}</Badge> : undefined}
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <UserForm user={u} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
        <Paper withBorder radius="md" p="lg">
          <Title order={2} fz="md" mb="sm">
            {t('users.account')}
          </Title>
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fz="sm" c="dimmed">
                {t('users.createdAt')}
              </Text>
              <Text fz="sm">
                <DateTime iso={u.created_at} />
              </Text>
            </Group>
            <Group justify="space-between">
              <Text fz="sm" c="dimmed">
                {t('users.lastSignIn')}
              </Text>
              <Text fz="sm">
                <DateTime iso={u.last_sign_in_at} fallback={t('users.never')} />
              </Text>
            </Group>
          </Stack>
        </Paper>
        </Grid.Col>
      </Grid>
    </>
  );
}
