import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { SPACE_ROLES, type Invitation, type InvitationWithLink, type SpaceRole } from '../../api/types';
import { ConfirmButton } from '../../components/ConfirmButton';
import { CopyField } from '../../components/CopyField';
import { notifyError, notifySuccess } from '../../components/notify';
import { DateTime, RelativeTime } from '../../components/Time';
import { useProblemForm } from '../../components/useProblemForm';
import { t } from '../../messages';
import { spaceRoleLabel } from '../spaces/spaceLabels';
import { invitationStatusColor, invitationStatusLabel } from './labels';
import { useOrganisationOptions } from './queries';

/** The full accept link for an `accept_url` ("/invite/<token>") answered by the server. */
export function acceptLink(acceptUrl: string): string {
  return new URL(acceptUrl, window.location.origin).toString();
}

/** Shows the accept link of a new or re-sent invitation, to be copied and sent to the invitee. */
export function InvitationLinkModal({ invitation, onClose }: { invitation: InvitationWithLink | null; onClose: () => void }) {
  return (
    <Modal opened={invitation !== null} onClose={onClose} title={t('invitations.linkTitle')} size="lg">
      {invitation && (
        <Stack gap="md">
          <Text fz="sm">{t('invitations.linkBody', { email: invitation.email, space: invitation.space_name })}</Text>
          <CopyField label={t('invitations.acceptLink')} value={acceptLink(invitation.accept_url)} description={t('invitations.linkOnce')} />
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('common.done')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

/** Invites someone into a space; calls `onCreated` with the answer (which holds the link). */
export function InviteModal({
  spaceId,
  opened,
  onClose,
  onCreated,
}: {
  spaceId: number;
  opened: boolean;
  onClose: () => void;
  onCreated: (invitation: InvitationWithLink) => void;
}) {
  const client = useQueryClient();
  const orgs = useOrganisationOptions(opened);
  const initial = { email: '', display_name: '', space_role: 'member' as SpaceRole, organisation_id: '', expires_in_days: 14 as number | '' };
  const form = useProblemForm(initial);
  const create = useMutation({
    mutationFn: () => {
      const v = form.values;
      return call(
        api.POST('/api/v1/spaces/{id}/invitations', {
          params: { path: { id: spaceId } },
          body: {
            email: v.email.trim(),
            ...(v.display_name.trim() ? { display_name: v.display_name.trim() } : {}),
            space_role: v.space_role,
            organisation_id: v.organisation_id ? Number(v.organisation_id) : null,
            expires_in_days: v.expires_in_days === '' ? 14 : v.expires_in_days,
          },
        }),
      );
    },
    onSuccess: async (invitation) => {
      await client.invalidateQueries({ queryKey: ['invitations'] });
      form.reset(initial);
      onClose();
      onCreated(invitation);
    },
    onError: form.fail,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.email.trim()) return form.setErrors({ email: t('form.required') });
    create.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('invitations.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            {t('invitations.createBody')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('auth.email')} type="email" required data-autofocus {...form.text('email')} />
            <TextInput label={t('invitations.displayName')} description={t('invitations.displayNameHint')} {...form.text('display_name')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('invitations.spaceRole')}
              data={SPACE_ROLES.filter((r) => r !== 'owner').map((r) => ({ value: r, label: spaceRoleLabel(r) }))}
              value={form.values.space_role}
              onChange={(v) => v && form.setValue('space_role', v as SpaceRole)}
              error={form.errors.space_role}
              allowDeselect={false}
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
            <NumberInput
              label={t('invitations.expiresInDays')}
              min={1}
              max={30}
              value={form.values.expires_in_days}
              onChange={(v) => form.setValue('expires_in_days', typeof v === 'number' ? v : '')}
              error={form.errors.expires_in_days}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('invitations.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Invitations with revoke and resend (resend shows a fresh link). */
export function InvitationTable({ items, showSpace }: { items: Invitation[]; showSpace: boolean }) {
  const client = useQueryClient();
  const [link, setLink] = useState<InvitationWithLink | null>(null);
  const done = async () => client.invalidateQueries({ queryKey: ['invitations'] });
  const revoke = useMutation({
    mutationFn: (id: number) => call(api.POST('/api/v1/invitations/{id}/revoke', { params: { path: { id } } })),
    onSuccess: async () => {
      await done();
      notifySuccess(t('invitations.revoked'));
    },
    onError: notifyError,
  });
  const resend = useMutation({
    mutationFn: (id: number) => call(api.POST('/api/v1/invitations/{id}/resend', { params: { path: { id } } })),
    onSuccess: async (invitation) => {
      await done();
      setLink(invitation);
    },
    onError: notifyError,
  });
  return (
    <>
      <InvitationLinkModal invitation={link} onClose={() => setLink(null)} />
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={showSpace ? 900 : 760}>
          <Table aria-label={t('invitations.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invitations.invitee')}</Table.Th>
                {showSpace && <Table.Th>{t('invitations.space')}</Table.Th>}
                <Table.Th>{t('invitations.spaceRole')}</Table.Th>
                <Table.Th>{t('invitations.invitedBy')}</Table.Th>
                <Table.Th>{t('invitations.expires')}</Table.Th>
                <Table.Th>{t('invitations.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((inv) => (
                <Table.Tr key={inv.id}>
                  <Table.Td>
                    <Text fz="sm" fw={500}>
                      {inv.display_name || inv.email}
                    </Text>
                    {inv.display_name && (
                      <Text fz="xs" c="dimmed">
                        {inv.email}
                      </Text>
                    )}
                  </Table.Td>
                  {showSpace && (
                    <Table.Td fz="sm">
                      <Anchor component={Link} to={`/admin/spaces/${inv.space_id}`} fz="sm">
                        {inv.space_name}
                      </Anchor>
                    </Table.Td>
                  )}
                  <Table.Td fz="sm">{spaceRoleLabel(inv.space_role)}</Table.Td>
                  <Table.Td fz="sm">
                    {inv.invited_by.display_name}
                    <Text fz="xs" c="dimmed">
                      <RelativeTime iso={inv.created_at} />
                    </Text>
                  </Table.Td>
                  <Table.Td fz="sm">
                    <DateTime iso={inv.expires_at} />
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={invitationStatusColor[inv.status]}>
                      {invitationStatusLabel(inv.status)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {inv.status === 'pending' || inv.status === 'expired' ? (
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          loading={resend.isPending && resend.variables === inv.id}
                          onClick={() => resend.mutate(inv.id)}
                          aria-label={t('invitations.resendLabel', { email: inv.email })}
                        >
                          {t('invitations.resend')}
                        </Button>
                        {inv.status === 'pending' && (
                          <ConfirmButton
                            size="xs"
                            variant="light"
                            color="red"
                            question={t('invitations.revokeQuestion')}
                            detail={t('invitations.revokeDetail', { email: inv.email })}
                            confirmLabel={t('invitations.revoke')}
                            onConfirm={() => revoke.mutateAsync(inv.id)}
                            aria-label={t('invitations.revokeLabel', { email: inv.email })}
                          >
                            {t('invitations.revoke')}
                          </ConfirmButton>
                        )}
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </>
  );
}
