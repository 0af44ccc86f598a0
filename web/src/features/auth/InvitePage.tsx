import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconMailOpened } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { isNotFound } from '../../api/problem';
import { AuthLayout } from '../../components/AuthLayout';
import { QueryError } from '../../components/QueryError';
import { CardSkeleton } from '../../components/Skeletons';
import { useProblemForm } from '../../components/useProblemForm';
import { formatDate } from '../../lib/format';
import { t } from '../../messages';
import { refreshMe } from './session';

/** /invite/:token — shows whom the invitation is for, then sets name and password and joins the space. */
export default function InvitePage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const lookup = useQuery({
    queryKey: ['invitation-lookup', token],
    queryFn: () => call(api.POST('/api/v1/invitations/lookup', { body: { token } })),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const form = useProblemForm({ display_name: '', password: '', confirm: '' });
  const prefilled = useRef(false);
  useEffect(() => {
    if (lookup.data && !prefilled.current) {
      prefilled.current = true;
      if (lookup.data.display_name) form.setValue('display_name', lookup.data.display_name);
    }
  }, [lookup.data, form]);

  const accept = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/invitations/accept', {
          body: { token, display_name: form.values.display_name, password: form.values.password },
        }),
      ),
    onSuccess: async (answer) => {
      client.clear();
      await refreshMe(client);
      navigate(`/spaces/${answer.space_id}`, { replace: true });
    },
    onError: form.fail,
  });

  if (lookup.isPending) {
    return (
      <AuthLayout title={t('invite.title')}>
        <CardSkeleton lines={3} />
      </AuthLayout>
    );
  }
  if (lookup.isError) {
    return (
      <AuthLayout title={t('invite.title')}>
        {isNotFound(lookup.error) ? (
          <Alert color="orange" variant="light" title={t('invite.invalidTitle')} role="alert">
            <Text fz="sm">{t('invite.invalidBody')}</Text>
            <Anchor component={Link} to="/sign-in" fz="sm" mt="xs" display="inline-block">
              {t('invite.goToSignIn')}
            </Anchor>
          </Alert>
        ) : (
          <QueryError error={lookup.error} retry={() => lookup.refetch()} />
        )}
      </AuthLayout>
    );
  }

  const invitation = lookup.data;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!form.values.display_name.trim()) errors.display_name = t('form.required');
    if (!form.values.password) errors.password = t('form.required');
    if (form.values.password !== form.values.confirm) errors.confirm = t('form.passwordsDiffer');
    form.setErrors(errors);
    if (Object.keys(errors).length === 0) accept.mutate();
  };

  return (
    <AuthLayout
      title={t('invite.joinTitle', { space: invitation.space_name })}
      subtitle={t('invite.subtitle', { date: formatDate(invitation.expires_at) })}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Alert variant="light" icon={<IconMailOpened size={18} />} data-testid="invitation-summary">
            <Text fz="sm">{t('invite.summary', { space: invitation.space_name })}</Text>
            <Text fz="sm" fw={600}>
              {invitation.email}
            </Text>
          </Alert>
          <TextInput label={t('invite.displayName')} autoComplete="name" required autoFocus {...form.text('display_name')} />
          <PasswordInput
            label={t('auth.newPassword')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            required
            {...form.text('password')}
          />
          <PasswordInput label={t('auth.confirmPassword')} autoComplete="new-password" required {...form.text('confirm')} />
          <Button type="submit" loading={accept.isPending} fullWidth mt="xs">
            {t('invite.accept')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
