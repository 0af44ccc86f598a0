import { Badge, Button, Group, Paper, PasswordInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../components/notify';
import { useProblemForm } from '../../components/useProblemForm';
import { meKey } from '../../lib/queryClient';
import { t } from '../../messages';
import { roleLabel } from '../admin/labels';
import { useSignedIn } from '../auth/session';

function ProfileForm() {
  const { user } = useSignedIn();
  const client = useQueryClient();
  const form = useProblemForm({ display_name: user.display_name });
  const save = useMutation({
    mutationFn: () => call(api.PATCH('/api/v1/me', { body: { display_name: form.values.display_name.trim() } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: meKey });
      notifySuccess(t('me.profileSaved'));
    },
    onError: form.fail,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.display_name.trim()) return form.setErrors({ display_name: t('form.required') });
    save.mutate();
  };
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="profile-heading">
      <Title order={2} fz="lg" mb="md" id="profile-heading">
        {t('me.profileHeading')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label={t('me.displayName')} autoComplete="name" required {...form.text('display_name')} />
          <TextInput label={t('auth.email')} value={user.email} readOnly description={t('me.emailHint')} />
          <Group gap="xs">
            <Text fz="sm" c="dimmed">
              {t('me.role')}
            </Text>
            <Badge variant="light">{roleLabel(user.role)}</Badge>
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function PasswordForm() {
  const client = useQueryClient();
  const form = useProblemForm({ current_password: '', new_password: '', confirm: '' });
  const change = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/me/password', {
          body: { current_password: form.values.current_password, new_password: form.values.new_password },
        }),
      ),
    onSuccess: async () => {
      form.reset({ current_password: '', new_password: '', confirm: '' });
      await client.invalidateQueries({ queryKey: ['me', 'sessions'] });
      notifySuccess(t('me.passwordChanged'));
    },
    onError: form.fail,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!form.values.current_password) errors.current_password = t('form.required');
    if (!form.values.new_password) errors.new_password = t('form.required');
    if (form.values.new_password !== form.values.confirm) errors.confirm = t('form.passwordsDiffer');
    form.setErrors(errors);
    if (Object.keys(errors).length === 0) change.mutate();
  };
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="password-heading">
      <Title order={2} fz="lg" mb={4} id="password-heading">
        {t('me.passwordHeading')}
      </Title>
      <Text fz="sm" c="dimmed" mb="md">
        {t('me.passwordBody')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PasswordInput label={t('me.currentPassword')} autoComplete="current-password" required {...form.text('current_password')} />
          <PasswordInput
            label={t('me.newPassword')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            required
            {...form.text('new_password')}
          />
          <PasswordInput label={t('auth.confirmPassword')} autoComplete="new-password" required {...form.text('confirm')} />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t('me.changePassword')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** /me — display name and password. */
export default function ProfilePage() {
  return (
    <>
      <PageHeader title={t('me.profileTitle')} description={t('me.profileDescription')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ProfileForm />
        <PasswordForm />
      </SimpleGrid>
    </>
  );
}
