// Needs & pains of one stakeholder: list, add, edit, delete.
import { ActionIcon, Badge, Button, Group, Modal, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconAlertCircle, IconBulb, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton';
import { LoadMore } from '../../components/LoadMore';
import { notifyError, notifySuccess } from '../../components/notify';
import { QueryError } from '../../components/QueryError';
import { useProblemForm } from '../../components/useProblemForm';
import { t } from '../../messages';
import { needKindLabel, needStatusLabel, options } from './labels';
import { deleteNeed, stakeholderKeys, useNeeds, useSaveNeed } from './queries';
import { NEED_KINDS, NEED_STATUSES, type Need, type NeedKind, type NeedStatus } from './types';

const statusColor: Record<NeedStatus, string> = { open: 'blue', addressed: 'teal', dropped: 'gray' };

function NeedModal({ stakeholderId, need, onClose }: { stakeholderId: number; need: Need | null; onClose: () => void }) {
  const form = useProblemForm({
    kind: (need?.kind ?? 'need') as NeedKind,
    title: need?.title ?? '',
    detail: need?.detail ?? '',
    status: (need?.status ?? 'open') as NeedStatus,
  });
  const save = useSaveNeed(stakeholderId);
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (save.isPending) return;
    if (!form.values.title.trim()) return form.setErrors({ title: t('form.required') });
    const v = form.values;
    save.mutate(
      { ...(need ? { needId: need.id } : {}), body: { kind: v.kind, title: v.title.trim(), detail: v.detail.trim(), status: v.status } },
      {
        onSuccess: () => {
          notifySuccess(need ? t('stakeholders.needs.saved') : t('stakeholders.needs.created'));
          onClose();
        },
        onError: form.fail,
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={need ? t('stakeholders.needs.editTitle') : t('stakeholders.needs.addTitle')} size="lg">
      <form onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Stack gap={4}>
              <Text fz="sm" fw={500} id="need-kind-label">
                {t('stakeholders.needs.kind')}
              </Text>
              <SegmentedControl
                aria-labelledby="need-kind-label"
                data={options(NEED_KINDS, needKindLabel)}
                value={form.values.kind}
                onChange={(v) => form.setValue('kind', v as NeedKind)}
              />
            </Stack>
            <Select
              label={t('stakeholders.needs.status')}
              data={options(NEED_STATUSES, needStatusLabel)}
              value={form.values.status}
              onChange={(v) => v && form.setValue('status', v as NeedStatus)}
              error={form.errors.status}
              allowDeselect={false}
            />
          </SimpleGrid>
          <TextInput label={t('stakeholders.needs.titleField')} required maxLength={200} data-autofocus {...form.text('title')} />
          <Textarea label={t('stakeholders.needs.detail')} autosize minRows={3} maxLength={4000} {...form.text('detail')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {need ? t('common.saveChanges') : t('stakeholders.needs.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function NeedsSection({ stakeholderId }: { stakeholderId: number }) {
  const client = useQueryClient();
  const list = useNeeds(stakeholderId);
  const [editing, setEditing] = useState<Need | 'new' | null>(null);
  const order: Record<NeedStatus, number> = { open: 0, addressed: 1, dropped: 2 };
  const items = [...list.items].sort((a, b) => order[a.status] - order[b.status]);
  const remove = async (need: Need) => {
    try {
      await deleteNeed(need.id);
      notifySuccess(t('stakeholders.needs.deleted'));
      await Promise.all([
        client.invalidateQueries({ queryKey: stakeholderKeys.needs(stakeholderId) }),
        client.invalidateQueries({ queryKey: stakeholderKeys.timeline(stakeholderId) }),
      ]);
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="needs-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md" fw={600} id="needs-heading">
          {t('stakeholders.needs.title')}
        </Title>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
          {t('stakeholders.needs.add')}
        </Button>
      </Group>
      {editing !== null && (
        <NeedModal key={editing === 'new' ? 'new' : editing.id} stakeholderId={stakeholderId} need={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {list.isPending ? (
        <Text fz="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      ) : list.isError ? (
        <QueryError error={list.error} retry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('stakeholders.needs.empty')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((n) => {
            const Icon = n.kind === 'pain' ? IconAlertCircle : IconBulb;
            return (
              <li key={n.id}>
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <Group gap="xs" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
                    <Icon size={18} color={n.kind === 'pain' ? 'var(--mantine-color-orange-filled)' : 'var(--mantine-color-yellow-filled)'} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                    <div style={{ minWidth: 0 }}>
                      <Group gap={6}>
                        <Text fz="sm" fw={500} td={n.status === 'dropped' ? 'line-through' : undefined}>
                          {n.title}
                        </Text>
                        <Badge size="xs" variant="outline" color="gray">
                          {needKindLabel(n.kind)}
                        </Badge>
                        <Badge size="xs" variant="light" color={statusColor[n.status]}>
                          {needStatusLabel(n.status)}
                        </Badge>
                      </Group>
                      {n.detail && (
                        <Text fz="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                          {n.detail}
                        </Text>
                      )}
                    </div>
                  </Group>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={t('common.edit')} withArrow>
                      <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(n)} aria-label={t('stakeholders.needs.editLabel', { title: n.title })}>
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <ConfirmButton
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      question={t('stakeholders.needs.deleteQuestion')}
                      detail={n.title}
                      confirmLabel={t('stakeholders.delete')}
                      onConfirm={() => remove(n)}
                      aria-label={t('stakeholders.needs.deleteLabel', { title: n.title })}
                    >
                      {t('stakeholders.delete')}
                    </ConfirmButton>
                  </Group>
                </Group>
              </li>
            );
          })}
        </Stack>
      )}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => list.fetchNextPage()} />
    </Paper>
  );
}
