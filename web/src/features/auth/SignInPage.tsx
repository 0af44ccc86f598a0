import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/problem';
import type { MeAnswer } from '../../api/types';
import { AuthLayout } from '../../components/AuthLayout';
import { useProblemForm } from '../../components/useProblemForm';
import { meKey } from '../../lib/queryClient';
import { t } from '../../messages';
import { safeNext } from './next';
import { refreshMe, useSetup } from './session';

export default function SignInPage() {
  // No GET /me here: for a signed-out visitor it answers 401, which browsers log as an error.
  const setup = useSetup();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useProblemForm({ email: '', password: '' });
  const [wrong, setWrong] = useState<string | null>(null);

  const signIn = useMutation({
    mutationFn: () => call(api.POST('/api/v1/auth/sign-in', { body: form.values })),
    onSuccess: async () => {
      await refreshMe(client);
      navigate(next, { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && (error.status === 401 || error.code === 'invalid_credentials')) {
        setWrong(t('auth.wrongCredentials'));
      } else if (error instanceof ApiError && error.status === 429) {
        setWrong(t('problem.resource_exhausted'));
      } else {
        setWrong(null);
        form.fail(error);
      }
    },
  });

  // The form shows at once; on a server that still needs setup, the answer redirects.
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  // Already signed in (known from this tab's cache): go on.
  if (signIn.isIdle && client.getQueryData<MeAnswer | null>(meKey)) return <Navigate to={next} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setWrong(null);
    signIn.mutate();
  };

  return (
    <AuthLayout title={t('auth.signInTitle')} subtitle={t('auth.signInSubtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {wrong && (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" data-testid="sign-in-error">
              {wrong}
            </Alert>
          )}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            autoFocus
            {...form.text('email')}
          />
          <PasswordInput label={t('auth.password')} autoComplete="current-password" required {...form.text('password')} />
          <Button type="submit" loading={signIn.isPending} fullWidth mt="xs">
            {t('auth.signIn')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
