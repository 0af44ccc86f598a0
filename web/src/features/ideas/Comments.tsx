// Comments of an idea: threads, mentions, "helpful" marks, reports, moderation, and the
// constructive-feedback prompt when the server finds a comment's tone hostile.
import { Alert, Avatar, Badge, Box, Button, Group, MultiSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowBackUp, IconEyeOff, IconHeart, IconMessageCircle, IconMoodSmile, IconPencil, IconEye } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { mapProblem } from '../../api/problem';
import { notifyError } from '../../components/notify';
import { QueryError } from '../../components/QueryError';
import { CardSkeleton } from '../../components/Skeletons';
import { RelativeTime } from '../../components/Time';
import { t, tp } from '../../messages';
import { ModerationDialog, ReportButton, type ModerationTarget } from './IdeaDialogs';
import { buildThreads, type Thread } from './labels';
import { Muted, ServerHtml } from './parts';
import { HostileToneError, ideasKey, markHelpful, postComment, useComments, useSpaceMembers } from './queries';
import type { Comment, Idea, ModerationAction } from './types';
import classes from './ideas.module.css';

interface CommentsProps {
  idea: Idea;
  meId: number;
  /** Comments, replies and helpful marks are possible in this phase and for this reader. */
  canComment: boolean;
  /** Why not, when `canComment` is false. */
  closedReason: string;
  moderator: boolean;
  internal: boolean;
}

/** People who may be mentioned: members of the space, the idea's authors and whoever commented. */
function useMentionOptions(idea: Idea, comments: readonly Comment[], meId: number) {
  const members = useSpaceMembers(idea.space_id);
  const people = new Map<number, string>();
  for (const m of members.data ?? []) if (m.space_role !== 'guest') people.set(m.user.id, m.user.display_name);
  for (const a of idea.authors) people.set(a.id, a.display_name);
  for (const c of comments) if (c.author) people.set(c.author.id, c.author.display_name);
  people.delete(meId);
  return [...people].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => ({ value: String(id), label: name }));
}

/**
 * Writes a comment (or a reply). A hostile-sounding text is not posted at first: the author sees
 * a prompt and either rephrases it (the text stays) or posts it anyway (`confirm_tone`).
 */
function Composer({
  idea,
  parentId,
  mentionOptions,
  onPosted,
  onCancel,
  label,
}: {
  idea: Idea;
  parentId: number | null;
  mentionOptions: { value: string; label: string }[];
  onPosted: () => void;
  onCancel?: () => void;
  label: string;
}) {
  const [body, setBody] = useState('');
  const [mentions, setMentions] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  // How many times the server found the tone hostile since the prompt was last closed (0: no prompt).
  const [toneAsked, setToneAsked] = useState(0);
  const tonePrompt = toneAsked > 0;
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const promptRef = useRef<HTMLDivElement>(null);
  const id = parentId === null ? 'new-comment' : `reply-${parentId}`;

  // Focus moves to the prompt once it is on the page, and again each time the server asks anew.
  // (An animation frame after the answer is not enough: it may come before React has rendered it.)
  useEffect(() => {
    if (toneAsked > 0) promptRef.current?.focus();
  }, [toneAsked]);

  const post = useMutation({
    mutationFn: (confirmTone: boolean) =>
      postComment(idea.id, {
        body: body.trim(),
        ...(parentId !== null ? { parent_id: parentId } : {}),
        ...(mentions.length ? { mention_ids: mentions.map(Number) } : {}),
        confirm_tone: confirmTone,
      }),
    onSuccess: () => {
      setBody('');
      setMentions([]);
      setToneAsked(0);
      onPosted();
    },
    onError: (e) => {
      if (e instanceof HostileToneError) {
        setToneAsked((n) => n + 1);
        return;
      }
      const { fieldErrors, message } = mapProblem(e, ['body', 'mention_ids', 'parent_id']);
      setError(fieldErrors.body ?? fieldErrors.mention_ids ?? fieldErrors.parent_id);
      if (message) notifyError(message);
    },
  });

  const submit = () => {
    if (post.isPending) return;
    if (!body.trim()) {
      setError(t('form.required'));
      return;
    }
    post.mutate(false);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      noValidate
      aria-label={label}
    >
      <Stack gap="xs">
        <Textarea
          ref={bodyRef}
          id={`${id}-body`}
          label={label}
          description={t('ideas.comments.hint')}
          autosize
          minRows={parentId === null ? 3 : 2}
          maxLength={10000}
          value={body}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            setError(undefined);
          }}
          onKeyDown={getHotkeyHandler([['mod+Enter', submit]])}
          error={error}
          // A reply box opens on request: typing can start at once.
          autoFocus={parentId !== null}
        />
        {tonePrompt && (
          <Alert
            ref={promptRef}
            tabIndex={-1}
            color="yellow"
            variant="light"
            icon={<IconMoodSmile size={18} aria-hidden />}
            title={t('ideas.tone.title')}
            // Focus moves here: the author decides before anything is posted.
            role="alertdialog"
          >
            <Text fz="sm">{t('ideas.tone.body')}</Text>
            <Text fz="xs" c="dimmed" mt={4}>
              {t('ideas.tone.tips')}
            </Text>
            <Group gap="xs" mt="sm">
              <Button
                size="xs"
                variant="filled"
                onClick={() => {
                  setToneAsked(0);
                  bodyRef.current?.focus();
                }}
              >
                {t('ideas.tone.rephrase')}
              </Button>
              <Button size="xs" variant="default" loading={post.isPending} onClick={() => post.mutate(true)}>
                {t('ideas.tone.postAnyway')}
              </Button>
            </Group>
          </Alert>
        )}
        <Group justify="space-between" align="flex-end" gap="xs" wrap="wrap">
          <MultiSelect
            label={t('ideas.comments.mention')}
            placeholder={mentions.length ? undefined : t('ideas.comments.mentionPlaceholder')}
            data={mentionOptions}
            value={mentions}
            onChange={setMentions}
            searchable
            hidePickedOptions
            maxValues={20}
            size="xs"
            w={{ base: '100%', xs: 280 }}
            nothingFoundMessage={t('ideas.comments.nobody')}
          />
          <Group gap="xs">
            {onCancel && (
              <Button size="xs" variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            )}
            <Button size="xs" type="submit" loading={post.isPending && !tonePrompt}>
              {parentId === null ? t('ideas.comments.post') : t('ideas.comments.reply')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

interface ItemProps {
  thread: Thread;
  props: CommentsProps;
  mentionOptions: { value: string; label: string }[];
  onChanged: () => void;
  onModerate: (target: ModerationTarget, action: ModerationAction) => void;
}

function CommentItem({ thread, props, mentionOptions, onChanged, onModerate }: ItemProps) {
  const { comment: c, replies } = thread;
  const { idea, meId, canComment, moderator, internal } = props;
  const [replying, setReplying] = useState(false);
  const mine = c.author?.id === meId;
  const author = c.author?.display_name ?? t('ideas.comments.formerUser');
  const helpful = useMutation({
    mutationFn: () => markHelpful(c.id, !c.marked_helpful),
    onSuccess: onChanged,
    onError: (e) => notifyError(e),
  });
  return (
    <li id={`comment-${c.id}`}>
      <Paper withBorder radius="md" p="sm" component="article" aria-label={t('ideas.comments.by', { name: author })} bg={c.hidden ? 'var(--mantine-color-default-hover)' : undefined}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Group gap="xs" wrap="nowrap">
            <Avatar size={26} radius="xl" aria-hidden>
              {author.slice(0, 1).toUpperCase()}
            </Avatar>
            <div>
              <Text fz="sm" fw={600}>
                {author}
              </Text>
              <Text fz="xs" c="dimmed">
                <RelativeTime iso={c.created_at} />
                {c.edited_at && ` · ${t('ideas.comments.edited')}`}
              </Text>
            </div>
          </Group>
          <Group gap={4}>
            {c.hidden && (
              <Badge size="sm" variant="outline" color="gray" leftSection={<IconEyeOff size={12} aria-hidden />} style={{ textTransform: 'none' }}>
                {t('ideas.hidden')}
              </Badge>
            )}
            {internal && c.hostile === true && (
              <Badge size="sm" variant="light" color="red" leftSection={<IconAlertTriangle size={12} aria-hidden />} style={{ textTransform: 'none' }}>
                {t('ideas.comments.hostile')}
              </Badge>
            )}
          </Group>
        </Group>
        <Box mt="xs">
          <ServerHtml html={c.body_html} />
        </Box>
        {c.mentions.length > 0 && (
          <Text fz="xs" c="dimmed" mt={4}>
            {t('ideas.comments.mentions', { names: c.mentions.map((m) => m.display_name).join(', ') })}
          </Text>
        )}
        {c.moderation_note && (
          <Text fz="xs" c="dimmed" fs="italic" mt={4}>
            {t(c.hidden ? 'ideas.moderationNoteHidden' : 'ideas.moderationNote', { note: c.moderation_note })}
            {c.moderated_by ? ` (${c.moderated_by.display_name})` : ''}
          </Text>
        )}
        <Group gap={4} mt="xs" wrap="wrap">
          {canComment && !mine ? (
            <Button
              size="compact-xs"
              variant={c.marked_helpful ? 'light' : 'subtle'}
              leftSection={<IconHeart size={12} aria-hidden />}
              aria-pressed={c.marked_helpful}
              loading={helpful.isPending}
              onClick={() => helpful.mutate()}
            >
              {tp('ideas.comments.helpful', c.helpful_count)}
            </Button>
          ) : (
            <Text fz="xs" c="dimmed" px={6}>
              {tp('ideas.comments.helpful', c.helpful_count)}
            </Text>
          )}
          {canComment && (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconArrowBackUp size={12} aria-hidden />}
              onClick={() => setReplying((r) => !r)}
              aria-expanded={replying}
              aria-label={t('ideas.comments.replyTo', { name: author })}
            >
              {t('ideas.comments.reply')}
            </Button>
          )}
          {!mine && <ReportButton objectType="comment" objectId={c.id} label={t('ideas.report.commentBy', { name: author })} />}
          {moderator && (
            <>
              {c.hidden ? (
                <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconEye size={12} aria-hidden />} onClick={() => onModerate({ type: 'comment', id: c.id, body: c.body }, 'restore')}>
                  {t('ideas.moderate.restore')}
                </Button>
              ) : (
                <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconEyeOff size={12} aria-hidden />} onClick={() => onModerate({ type: 'comment', id: c.id, body: c.body }, 'hide')}>
                  {t('ideas.moderate.hide')}
                </Button>
              )}
              <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconPencil size={12} aria-hidden />} onClick={() => onModerate({ type: 'comment', id: c.id, body: c.body }, 'edit')}>
                {t('ideas.moderate.edit')}
              </Button>
            </>
          )}
        </Group>
        {replying && (
          <Box mt="sm">
            <Composer
              idea={idea}
              parentId={c.id}
              mentionOptions={mentionOptions}
              label={t('ideas.comments.replyTo', { name: author })}
              onPosted={() => {
                setReplying(false);
                onChanged();
              }}
              onCancel={() => setReplying(false)}
            />
          </Box>
        )}
      </Paper>
      {replies.length > 0 && (
        <ul className={classes.replies} aria-label={tp('ideas.comments.replies', replies.length, { name: author })}>
          {replies.map((r) => (
            <CommentItem key={r.comment.id} thread={r} props={props} mentionOptions={mentionOptions} onChanged={onChanged} onModerate={onModerate} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function Comments(props: CommentsProps) {
  const { idea, meId, canComment, closedReason } = props;
  const comments = useComments(idea.id);
  const client = useQueryClient();
  const items = comments.data ?? [];
  const mentionOptions = useMentionOptions(idea, items, meId);
  const [moderating, setModerating] = useState<{ target: ModerationTarget; action: ModerationAction } | null>(null);
  // A new comment changes the idea's count and the reader's points too.
  const refresh = () => client.invalidateQueries({ queryKey: [...ideasKey, 'idea', idea.id] });
  const threads = buildThreads(items);

  let list;
  if (comments.isPending) list = <CardSkeleton lines={3} />;
  else if (comments.isError) list = <QueryError error={comments.error} retry={() => comments.refetch()} />;
  else if (threads.length === 0)
    list = (
      <Group gap="xs" wrap="nowrap">
        <IconMessageCircle size={18} aria-hidden />
        <Muted>{canComment ? t('ideas.comments.emptyOpen') : t('ideas.comments.empty')}</Muted>
      </Group>
    );
  else
    list = (
      <ul className={classes.thread} aria-label={t('ideas.comments.title')}>
        {threads.map((th) => (
          <CommentItem key={th.comment.id} thread={th} props={props} mentionOptions={mentionOptions} onChanged={refresh} onModerate={(target, action) => setModerating({ target, action })} />
        ))}
      </ul>
    );

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="comments-heading">
      <Stack gap="md">
        <Title order={2} fz="md" fw={600} id="comments-heading">
          {tp('ideas.comments.count', items.length)}
        </Title>
        {list}
        {canComment ? (
          <Composer idea={idea} parentId={null} mentionOptions={mentionOptions} label={t('ideas.comments.add')} onPosted={refresh} />
        ) : (
          <Muted>{closedReason}</Muted>
        )}
      </Stack>
      <ModerationDialog
        target={moderating?.target ?? null}
        action={moderating?.action ?? 'hide'}
        onClose={() => setModerating(null)}
        onDone={() => void refresh()}
      />
    </Paper>
  );
}
