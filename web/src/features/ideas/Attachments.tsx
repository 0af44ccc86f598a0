// An idea's attachments: images and PDFs, listed with their size; its authors and moderators
// upload (the file itself as the request body) and remove them.
import { ActionIcon, Anchor, Button, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { IconFileTypePdf, IconPaperclip, IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { ApiError } from '../../api/problem';
import { notifyError, notifySuccess } from '../../components/notify';
import { t } from '../../messages';
import { ATTACHMENT_TYPES, formatBytes, MAX_ATTACHMENT_BYTES } from './labels';
import { Muted, Section } from './parts';
import { deleteAttachment, uploadAttachment } from './queries';
import type { Attachment, Idea } from './types';

/** The API's refusals in words the uploader can act on. */
function uploadProblem(error: unknown): string | unknown {
  if (error instanceof ApiError && error.status === 413) return t('ideas.attachments.tooLarge');
  if (error instanceof ApiError && error.status === 415) return t('ideas.attachments.wrongType');
  return error;
}

function AttachmentItem({ a, canChange, onChanged }: { a: Attachment; canChange: boolean; onChanged: () => void }) {
  const remove = useMutation({
    mutationFn: () => deleteAttachment(a.id),
    onSuccess: () => {
      notifySuccess(t('ideas.attachments.removed', { name: a.filename }));
      onChanged();
    },
    onError: (e) => notifyError(e),
  });
  const Icon = a.content_type === 'application/pdf' ? IconFileTypePdf : IconPhoto;
  return (
    <List.Item icon={<Icon size={16} aria-hidden />}>
      <Group gap="xs" wrap="nowrap">
        {/* A plain link: the server sends the file with its own safe headers (PDFs download). */}
        <Anchor href={a.url} fz="sm" target={a.content_type === 'application/pdf' ? undefined : '_blank'} rel="noopener">
          {a.filename}
        </Anchor>
        <Text fz="xs" c="dimmed">
          {formatBytes(a.size)}
        </Text>
        {canChange && (
          <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('ideas.attachments.remove', { name: a.filename })} loading={remove.isPending} onClick={() => remove.mutate()}>
            <IconTrash size={14} aria-hidden />
          </ActionIcon>
        )}
      </Group>
    </List.Item>
  );
}

export function Attachments({ idea, canChange, onChanged }: { idea: Idea; canChange: boolean; onChanged: () => void }) {
  const upload = useMutation({
    mutationFn: (file: File) => uploadAttachment(idea.id, file),
    onSuccess: (a) => {
      notifySuccess(t('ideas.attachments.added', { name: a.filename }));
      onChanged();
    },
    onError: (e) => notifyError(uploadProblem(e)),
  });
  const pick = (file: File | null) => {
    if (!file) return;
    // The server checks again (by content); these spare a long upload that would be refused.
    if (file.size > MAX_ATTACHMENT_BYTES) notifyError(t('ideas.attachments.tooLarge'));
    else if (file.size === 0) notifyError(t('ideas.attachments.empty'));
    else upload.mutate(file);
  };
  const full = idea.attachments.length >= 10;
  return (
    <Section
      id="attachments-heading"
      title={t('ideas.attachments.title')}
      action={
        canChange && !full ? (
          <FileButton onChange={pick} accept={ATTACHMENT_TYPES.join(',')}>
            {(props) => (
              <Button {...props} size="xs" variant="light" leftSection={<IconUpload size={14} aria-hidden />} loading={upload.isPending}>
                {t('ideas.attachments.add')}
              </Button>
            )}
          </FileButton>
        ) : undefined
      }
    >
      <Stack gap="xs">
        {idea.attachments.length === 0 ? (
          <Group gap="xs" wrap="nowrap">
            <IconPaperclip size={16} aria-hidden />
            <Muted>{canChange ? t('ideas.attachments.emptyAuthor') : t('ideas.attachments.none')}</Muted>
          </Group>
        ) : (
          <List spacing={4} aria-labelledby="attachments-heading">
            {idea.attachments.map((a) => (
              <AttachmentItem key={a.id} a={a} canChange={canChange} onChanged={onChanged} />
            ))}
          </List>
        )}
        {canChange && (
          <Text fz="xs" c="dimmed">
            {full ? t('ideas.attachments.full') : t('ideas.attachments.rules')}
          </Text>
        )}
      </Stack>
    </Section>
  );
}
