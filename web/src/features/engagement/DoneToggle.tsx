import { Button } from '@mantine/core';
import { IconArrowBackUp, IconCheck } from '@tabler/icons-react';
import { notifyError, notifySuccess } from '../../components/notify';
import { t } from '../../messages';
import { useSetFollowUpStatus } from './queries';
import type { FollowUp } from './types';

/** Marks a follow-up done in one click (or opens a done one again). */
export function DoneToggle({ item }: { item: Pick<FollowUp, 'id' | 'title' | 'status'> }) {
  const setStatus = useSetFollowUpStatus();
  const open = item.status === 'open';
  const run = () =>
    setStatus.mutate(
      { id: item.id, status: open ? 'done' : 'open' },
      {
        onSuccess: () => notifySuccess(open ? t('engagement.followUp.markedDone', { title: item.title }) : t('engagement.followUp.reopened')),
        onError: notifyError,
      },
    );
  return (
    <Button
      size="compact-sm"
      variant={open ? 'light' : 'subtle'}
      color={open ? 'teal' : 'gray'}
      leftSection={open ? <IconCheck size={14} aria-hidden /> : <IconArrowBackUp size={14} aria-hidden />}
      loading={setStatus.isPending}
      onClick={run}
      aria-label={open ? t('engagement.followUp.markDoneLabel', { title: item.title }) : t('engagement.followUp.reopenLabel', { title: item.title })}
    >
      {open ? t('engagement.followUp.markDone') : t('engagement.followUp.reopen')}
    </Button>
  );
}
