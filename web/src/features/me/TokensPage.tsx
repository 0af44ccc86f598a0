import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { TOKEN_SCOPES, type CreatedApiToken, type TokenScope } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyField } from '../../components/CopyField';
import { EmptyState } from '../../components/EmptyState';
import { NotFound } from '../../components/NotFound';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/Skeletons';
import { DateTime, RelativeTime } from '../../components/Time';
import { useProblemForm } from '../../components/useProblemForm';
import { t } from '../../messages';
import { isInternal, useSignedIn } from '../auth/session';

const tokensKey = ['me', 'tokens'] as const;

function scopeLabel(scope: TokenScope): string {
  return scope === 'read' ? t('tokens.scope.read') : t('tokens.scope.write');
}

function CreateTokenModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const initial = { name: '', scopes: ['read'] as TokenScope[], expires_in_days: 90 as number | '' };
  const form = useProblemForm(initial);
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const create = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/me/tokens', {
          body: {
            name: form.values.name.trim(),
            scopes: form.values.scopes,
            ...(form.values.expires_in_days === '' ? {} : { expires_in_days: form.values.expires_in_days }),
          },
        }),
      ),
    onSuccess: async (token) => {
      setCreated(token);
      await client.invalidateQueries({ queryKey: tokensKey });
    },
    onError: form.fail,
  });
  const close = () => {
    setCreated(null);
    form.reset(initial);
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!form.values.name.trim()) errors.name = t('form.required');
    if (form.values.scopes.length === 0) errors.scopes = t('tokens.scopeRequired');
    form.setErrors(errors);
    if (Object.keys(errors).length === 0) create.mutate();
  };
  return (
    <Modal opened={opened} onClose={close} title={created ? t('tokens.createdTitle') : t('tokens.createTitle')} size="lg">
      {created ? (
        <Stack gap="md">
          <Alert color="orange" variant="light" role="status">
            {t('tokens.showOnce')}
          </Alert>
          <CopyField label={t('tokens.tokenLabel', { name: created.name })} value={created.token} />
          <Group justify="flex-end">
            <Button onClick={close}>{t('common.done')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label={t('tokens.name')}
              description={t('tokens.nameHint')}
              required
              data-autofocus
              {...form.text('name')}
            />
            <Checkbox.Group
              label={t('tokens.scopes')}
              value={form.values.scopes}
              onChange={(v) => form.setValue('scopes', v as TokenScope[])}
              error={form.errors.scopes}
              required
            >
              <Group mt={6}>
                {TOKEN_SCOPES.map((s) => (
                  <Checkbox key={s} value={s} label={scopeLabel(s)} />
                ))}
              </Group>
            </Checkbox.Group>
            <NumberInput
              label={t('tokens.expiresInDays')}
              description={t('tokens.expiresHint')}
              min={1}
              max={365}
              value={form.values.expires_in_days}
              onChange={(v) => form.setValue('expires_in_days', typeof v === 'number' ? v : '')}
              error={form.errors.expires_in_days}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending}>
                {t('tokens.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** /me/tokens — personal API tokens: create with scopes (shown once), revoke. Internal users only. */
export default function TokensPage() {
  const { user } = useSignedIn();
  const client = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const tokens = useQuery({
    queryKey: tokensKey,
    queryFn: () => call(api.GET('/api/v1/me/tokens', { params: { query: { limit: 200 } } })),
    enabled: isInternal(user.role),
  });
  const revoke = useMutation({
    mutationFn: (id: number) => call(api.DELETE('/api/v1/me/tokens/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: tokensKey });
      notifySuccess(t('tokens.revoked'));
    },
    onError: notifyError,
  });
  if (!isInternal(user.role)) return <NotFound />;
  const createButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={open}>
      {t('tokens.create')}
    </Button>
  );

  return (
    <>
      <PageHeader title={t('tokens.title')} description={t('tokens.description')} actions={createButton} />
      <CreateTokenModal opened={opened} onClose={close} />
      {tokens.isPending ? (
        <TableSkeleton rows={3} />
      ) : tokens.isError ? (
        <QueryError error={tokens.error} retry={() => tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <EmptyState icon={<IconKey size={24} />} title={t('tokens.emptyTitle')}>
          {t('tokens.emptyBody')}
        </EmptyState>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label={t('tokens.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tokens.name')}</Table.Th>
                  <Table.Th>{t('tokens.scopes')}</Table.Th>
                  <Table.Th>{t('tokens.created')}</Table.Th>
                  <Table.Th>{t('tokens.expires')}</Table.Th>
                  <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.items.map((tok) => (
                  <Table.Tr key={tok.id}>
                    <Table.Td>
                      <Text fz="sm" fw={500}>
                        {tok.name}
                      </Text>
                      <Text fz="xs" c="dimmed" className="mono">
                        {tok.prefix}…
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {tok.scopes.map((s) => (
                          <Badge key={s} variant="light" color={s === 'write' ? 'orange' : 'gray'} size="sm">
                            {scopeLabel(s)}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td fz="sm">
                      <DateTime iso={tok.created_at} />
                    </Table.Td>
                    <Table.Td fz="sm">
                      <DateTime iso={tok.expires_at} fallback={t('tokens.never')} />
                    </Table.Td>
                    <Table.Td fz="sm">
                      <RelativeTime iso={tok.last_used_at} fallback={t('tokens.neverUsed')} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <ConfirmButton
                        size="xs"
                        variant="light"
                        color="red"
                        question={t('tokens.revokeQuestion', { name: tok.name })}
                        detail={t('tokens.revokeDetail')}
                        confirmLabel={t('tokens.revoke')}
                        onConfirm={() => revoke.mutateAsync(tok.id)}
                        aria-label={t('tokens.revokeLabel', { name: tok.name })}
                      >
                        {t('tokens.revoke')}
                      </ConfirmButton>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
