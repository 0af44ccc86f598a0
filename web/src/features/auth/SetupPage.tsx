import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { AuthLayout } from '../../components/AuthLayout';
import { notifySuccess } from '../../components/notify';
import { PageSkeleton } from '../../components/Skeletons';
import { useProblemForm } from '../../components/useProblemForm';
import { t } from '../../messages';
import { refreshMe, useSetup } from './session';

/** First run: creates the first administrator and signs them in. */
export default function SetupPage() {
  const setup = useSetup();
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useProblemForm({ display_name: '', email: '', password: '', confirm: '' });

  const create = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/setup', {
          body: { email: form.values.email, display_name: form.values.display_name, password: form.values.password },
        }),
      ),
    onSuccess: async () => {
      client.setQueryData(['setup'], { needed: false });
      await refreshMe(client);
      notifySuccess(t('setup.done'));
      navigate('/', { replace: true });
    },
    onError: form.fail,
  });

  if (setup.isPending) return <PageSkeleton />;
  // Only when the form was never sent here: after our own setup we navigate home ourselves.
  if (setup.data && !setup.data.needed && create.isIdle) return <Navigate to="/sign-in" replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!form.values.display_name.trim()) errors.display_name = t('form.required');
    if (!form.values.email.trim()) errors.email = t('form.required');
    if (!form.values.password) errors.password = t('form.required');
    if (form.values.password !== form.values.confirm) errors.confirm = t('form.passwordsDiffer');
    form.setErrors(errors);
    if (Object.keys(errors).length === 0) create.mutate();
  };

  return (
    <AuthLayout title={t('setup.title')} subtitle={t('setup.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput label={t('setup.displayName')} autoComplete="name" required autoFocus {...form.text('display_name')} />
          <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.text('email')} />
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            required
            {...form.text('password')}
          />
          <PasswordInput label={t('auth.confirmPassword')} autoComplete="new-password" required {...form.text('confirm')} />
          <Button type="submit" loading={create.isPending} fullWidth mt="xs">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
