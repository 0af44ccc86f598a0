import { ActionIcon, Alert, Anchor, Button, Grid, Group, List, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconArrowRight,
  IconEye,
  IconEyeOff,
  IconGitBranch,
  IconGitMerge,
  IconInfoCircle,
  IconPencil,
  IconRocket,
  IconThumbUp,
  IconTrash,
  IconUserPlus,
  IconCircleX,
  IconTag,
} from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { MeAnswer } from '../../api/types';
import { NotFound } from '../../components/NotFound';
import { notifyError } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { PageSkeleton } from '../../components/Skeletons';
import { RelativeTime } from '../../components/Time';
import { t, tp } from '../../messages';
import { isInternal, useSignedIn } from '../auth/session';
import { Attachments } from './Attachments';
import { Comments } from './Comments';
import {
  BuildOnDialog,
  CoAuthorDialog,
  EditIdeaDialog,
  MergeDialog,
  ModerationDialog,
  PromoteDialog,
  ReportButton,
  StatusDialog,
  type ModerationTarget,
} from './IdeaDialogs';
import { InterestPanel, ReviewPanel } from './InternalPanels';
import {
  canModerate,
  canParticipate,
  formatDay,
  isAuthorOf,
  isManager,
  opensOn,
  parseId,
  phaseAllows,
  phaseHint,
  voteState,
  type PhaseAction,
} from './labels';
import { InterestBadge, Muted, Section, ServerHtml, StatusBadge, TagBadge } from './parts';
import { removeBuildsOn, useChallenge, useIdea, useInvalidateIdeas, useSetIdea, vote, withdrawVote } from './queries';
import type { Challenge, Idea, IdeaRef, ModerationAction } from './types';

/** Why something tied to a phase cannot be done now, in words ("Voting opens on 3 Mar 2027."). */
function closedReason(challenge: Challenge | null, action: PhaseAction, what: 'comment' | 'review'): string {
  if (!challenge) return '';
  const opens = opensOn(challenge.phases, challenge.phase, action);
  if (opens) return t(what === 'comment' ? 'ideas.comments.opensOn' : 'ideas.review.opensOn', { date: formatDay(opens) });
  return t(what === 'comment' ? 'ideas.comments.closed' : 'ideas.review.closed');
}

function VotePanel({ idea, challenge, participate }: { idea: Idea; challenge: Challenge | null; participate: boolean }) {
  const setIdea = useSetIdea();
  const state = voteState(idea, challenge);
  const toggle = useMutation({
    mutationFn: () => (idea.my_vote ? withdrawVote(idea.id) : vote(idea.id)),
    onSuccess: setIdea,
    onError: (e) => notifyError(e),
  });
  let note: string | null = null;
  if (!state.can && state.why === 'phase') note = state.opens ? t('ideas.vote.opensOn', { date: formatDay(state.opens) }) : t('ideas.vote.closed');
  else if (!state.can && state.why === 'budget') note = tp('ideas.vote.noneLeft', challenge?.votes_per_person ?? 0);
  else if (state.can && state.left !== null && challenge) note = tp('ideas.vote.left', state.left, { total: challenge.votes_per_person });
  else if (state.can) note = t('ideas.vote.standalone');
  const disabled = !state.can || !participate || idea.merged_into !== null;
  return (
    <Section id="votes-heading" title={tp('ideas.votes', idea.vote_count)}>
      <Stack gap="xs">
        <Button
          leftSection={<IconThumbUp size={16} aria-hidden />}
          variant={idea.my_vote ? 'filled' : 'light'}
          aria-pressed={idea.my_vote}
          disabled={disabled}
          loading={toggle.isPending}
          onClick={() => toggle.mutate()}
          aria-describedby="vote-note"
        >
          {idea.my_vote ? t('ideas.vote.voted') : t('ideas.vote.action')}
        </Button>
        {idea.my_vote && state.can && (
          <Text fz="xs" c="dimmed">
            {t('ideas.vote.withdrawHint')}
          </Text>
        )}
        <Text fz="xs" c="dimmed" id="vote-note">
          {participate ? note : t('ideas.guestReadOnly')}
        </Text>
        <Text fz="xs" c="dimmed">
          {t('ideas.vote.noPoints')}
        </Text>
      </Stack>
    </Section>
  );
}

function LinkList({ items, empty, onRemove, removeLabel }: { items: IdeaRef[]; empty: string; onRemove?: (id: number) => void; removeLabel?: (title: string) => string }) {
  if (items.length === 0) return <Muted>{empty}</Muted>;
  return (
    <List spacing={4} size="sm" listStyleType="none">
      {items.map((i) => (
        <List.Item key={i.id} icon={<IconArrowRight size={14} aria-hidden />}>
          <Group gap={4} wrap="nowrap">
            <Anchor component={Link} to={`/ideas/${i.id}`} fz="sm">
              {i.title}
            </Anchor>
            {onRemove && removeLabel && (
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={removeLabel(i.title)} onClick={() => onRemove(i.id)}>
                <IconTrash size={14} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

function BuildsOnSection({ idea, canLink }: { idea: Idea; canLink: boolean }) {
  const setIdea = useSetIdea();
  const [adding, { open, close }] = useDisclosure(false);
  const remove = useMutation({ mutationFn: (other: number) => removeBuildsOn(idea.id, other), onSuccess: setIdea, onError: (e) => notifyError(e) });
  return (
    <Section
      id="links-heading"
      title={t('ideas.links.title')}
      action={
        canLink ? (
          <Button size="xs" variant="light" leftSection={<IconGitBranch size={14} aria-hidden />} onClick={open}>
            {t('ideas.buildOn.title')}
          </Button>
        ) : undefined
      }
    >
      <Stack gap="sm">
        <div>
          <Text fz="xs" c="dimmed" fw={600} mb={4} id="builds-on-label">
            {t('ideas.links.buildsOn')}
          </Text>
          <LinkList
            items={idea.builds_on}
            empty={t('ideas.links.buildsOnNone')}
            {...(canLink ? { onRemove: (id: number) => remove.mutate(id), removeLabel: (title: string) => t('ideas.links.remove', { title }) } : {})}
          />
        </div>
        <div>
          <Text fz="xs" c="dimmed" fw={600} mb={4}>
            {t('ideas.links.builtOnBy')}
          </Text>
          <LinkList items={idea.built_on_by} empty={t('ideas.links.builtOnByNone')} />
        </div>
        <Text fz="xs" c="dimmed">
          {t('ideas.links.rule')}
        </Text>
      </Stack>
      <BuildOnDialog idea={idea} opened={adding} onClose={close} onDone={setIdea} />
    </Section>
  );
}

function AuthorsSection({ idea, canAdd }: { idea: Idea; canAdd: boolean }) {
  const setIdea = useSetIdea();
  const [adding, { open, close }] = useDisclosure(false);
  return (
    <Section
      id="authors-heading"
      title={t('ideas.authors.title')}
      action={
        canAdd && idea.authors.length < 10 ? (
          <Button size="xs" variant="light" leftSection={<IconUserPlus size={14} aria-hidden />} onClick={open}>
            {t('ideas.coAuthor.add')}
          </Button>
        ) : undefined
      }
    >
      <List spacing={4} size="sm" listStyleType="none" aria-labelledby="authors-heading">
        {idea.authors.map((a) => (
          <List.Item key={a.id}>
            {a.display_name}{' '}
            <Text span fz="xs" c="dimmed">
              {a.role === 'author' ? t('ideas.authors.author') : t('ideas.authors.coAuthor')}
            </Text>
          </List.Item>
        ))}
      </List>
      <CoAuthorDialog idea={idea} opened={adding} onClose={close} onDone={setIdea} />
    </Section>
  );
}

function ModeratorPanel({ idea, me, onMerged }: { idea: Idea; me: MeAnswer; onMerged: (kept: Idea) => void }) {
  const setIdea = useSetIdea();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'status' | 'merge' | 'promote' | null>(null);
  const [moderation, setModeration] = useState<ModerationAction | null>(null);
  const close = () => setDialog(null);
  const target: ModerationTarget = { type: 'idea', id: idea.id, title: idea.title, description: idea.description };
  const merged = idea.merged_into !== null;
  return (
    <Section id="moderation-heading" title={t('ideas.moderation.panel')}>
      <Stack gap="xs">
        <Button size="xs" variant="default" leftSection={<IconTag size={14} aria-hidden />} onClick={() => setDialog('status')} disabled={merged || idea.status === 'in_project'}>
          {t('ideas.status.title')}
        </Button>
        {idea.hidden ? (
          <Button size="xs" variant="default" leftSection={<IconEye size={14} aria-hidden />} onClick={() => setModeration('restore')}>
            {t('ideas.moderate.restore')}
          </Button>
        ) : (
          <Button size="xs" variant="default" leftSection={<IconEyeOff size={14} aria-hidden />} onClick={() => setModeration('hide')} disabled={merged}>
            {t('ideas.moderate.hide')}
          </Button>
        )}
        <Button size="xs" variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setModeration('edit')} disabled={merged}>
          {t('ideas.moderate.editWithNote')}
        </Button>
        <Button size="xs" variant="default" leftSection={<IconGitMerge size={14} aria-hidden />} onClick={() => setDialog('merge')} disabled={merged}>
          {t('ideas.merge.open')}
        </Button>
        {isManager(me.user.role) && idea.status !== 'in_project' && !merged && (
          <Button size="xs" variant="light" leftSection={<IconRocket size={14} aria-hidden />} onClick={() => setDialog('promote')}>
            {t('ideas.promote.title')}
          </Button>
        )}
      </Stack>
      {dialog === 'status' && <StatusDialog idea={idea} opened onClose={close} onDone={setIdea} />}
      <MergeDialog idea={idea} opened={dialog === 'merge'} onClose={close} onDone={onMerged} />
      {dialog === 'promote' && <PromoteDialog idea={idea} opened onClose={close} onDone={(p) => navigate(`/projects/${p.id}`)} />}
      <ModerationDialog target={moderation ? target : null} action={moderation ?? 'hide'} onClose={() => setModeration(null)} onDone={(r) => void setIdea(r as Idea)} />
    </Section>
  );
}

function IdeaView({ idea, challenge, me }: { idea: Idea; challenge: Challenge | null; me: MeAnswer }) {
  const setIdea = useSetIdea();
  const navigate = useNavigate();
  const [editing, { open: openEdit, close: closeEdit }] = useDisclosure(false);
  const userId = me.user.id;
  const internal = isInternal(me.user.role);
  const phase = challenge?.phase ?? null;
  const author = isAuthorOf(idea, userId);
  const moderator = canModerate(me, idea.space_id);
  const participate = canParticipate(me, idea.space_id);
  const merged = idea.merged_into !== null;
  const authorMayEdit = author && phaseAllows(phase, 'submit');
  const canEdit = !merged && (authorMayEdit || moderator);
  const canLink = !merged && (author || moderator) && phaseAllows(phase, 'comment');
  const canComment = !merged && participate && phaseAllows(phase, 'comment');
  const invalidate = useInvalidateIdeas();
  const refresh = () => void invalidate();
  const crumbs = challenge
    ? [
        { label: t('ideas.challenges.title'), to: '/ideas' },
        { label: challenge.title, to: `/ideas/challenges/${challenge.id}` },
      ]
    : [{ label: t('ideas.tab.ideas'), to: '/ideas/all' }];

  return (
    <>
      <PageHeader
        title={idea.title}
        crumbs={crumbs}
        description={t('ideas.idea.byline', { names: idea.authors.map((a) => a.display_name).join(', ') })}
        actions={
          <>
            {!author && <ReportButton objectType="idea" objectId={idea.id} label={t('ideas.report.idea', { title: idea.title })} />}
            {canEdit && author && (
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={openEdit}>
                {t('ideas.edit.action')}
              </Button>
            )}
          </>
        }
      />
      {merged && (
        <Alert color="blue" variant="light" icon={<IconGitMerge size={18} aria-hidden />} mb="md" title={t('ideas.idea.mergedTitle')}>
          <Anchor component={Link} to={`/ideas/${idea.merged_into}`}>
            {t('ideas.idea.mergedLink')}
          </Anchor>
        </Alert>
      )}
      {idea.hidden && (
        <Alert color="gray" variant="light" icon={<IconEyeOff size={18} aria-hidden />} mb="md" title={t('ideas.idea.hiddenTitle')}>
          {t('ideas.idea.hiddenBody')}
        </Alert>
      )}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Section id="idea-heading" title={t('ideas.idea.description')}>
              <Stack gap="sm">
                <Group gap="xs" wrap="wrap">
                  <StatusBadge status={idea.status} size="md" />
                  {!('interest' in idea && idea.interest) && idea.interest_level !== 'none' && <InterestBadge level={idea.interest_level} />}
                  {idea.tags.map((tag) => (
                    <TagBadge key={tag} tag={tag} />
                  ))}
                  <Text fz="xs" c="dimmed">
                    {t('ideas.idea.submitted')} <RelativeTime iso={idea.created_at} />
                  </Text>
                </Group>
                {idea.status === 'declined' && idea.decline_reason && (
                  <Alert color="red" variant="light" icon={<IconCircleX size={18} aria-hidden />} title={t('ideas.idea.declinedTitle')} p="sm">
                    {idea.decline_reason}
                  </Alert>
                )}
                {idea.project && (
                  <Alert color="green" variant="light" icon={<IconRocket size={18} aria-hidden />} p="sm">
                    {internal ? (
                      <Anchor component={Link} to={`/projects/${idea.project.id}`} fz="sm">
                        {t('ideas.inProject', { title: idea.project.title })}
                      </Anchor>
                    ) : (
                      t('ideas.inProject', { title: idea.project.title })
                    )}
                  </Alert>
                )}
                <ServerHtml html={idea.description_html} fz="md" />
                {idea.moderation_note && (
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <IconInfoCircle size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                    <Text fz="xs" c="dimmed" fs="italic">
                      {t(idea.hidden ? 'ideas.moderationNoteHidden' : 'ideas.moderationNote', { note: idea.moderation_note })}
                      {'moderated_by' in idea && idea.moderated_by ? ` (${idea.moderated_by.display_name})` : ''}
                    </Text>
                  </Group>
                )}
              </Stack>
            </Section>
            <BuildsOnSection idea={idea} canLink={canLink} />
            <Attachments idea={idea} canChange={!merged && (moderator || authorMayEdit)} onChanged={refresh} />
            <Comments
              idea={idea}
              meId={userId}
              canComment={canComment}
              closedReason={merged ? t('ideas.comments.merged') : !participate ? t('ideas.guestReadOnly') : closedReason(challenge, 'comment', 'comment')}
              moderator={moderator}
              internal={internal}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <VotePanel idea={idea} challenge={challenge} participate={participate} />
            <AuthorsSection idea={idea} canAdd={!merged && authorMayEdit} />
            {challenge && (
              <Section id="challenge-heading" title={t('ideas.challenge')}>
                <Stack gap={4}>
                  <Anchor component={Link} to={`/ideas/challenges/${challenge.id}`} fz="sm" fw={500}>
                    {challenge.title}
                  </Anchor>
                  <Text fz="xs" c="dimmed">
                    {phaseHint(challenge.phase)}
                  </Text>
                </Stack>
              </Section>
            )}
            {/* Internal-only: the API sends these members to internal users only; the role check keeps it so. */}
            {internal && 'interest' in idea && idea.interest && <InterestPanel idea={idea} onChanged={refresh} />}
            {internal && 'review' in idea && idea.review && (
              <ReviewPanel
                idea={idea}
                meId={userId}
                criteria={challenge?.criteria ?? []}
                canReview={!merged && phaseAllows(phase, 'review')}
                closedReason={closedReason(challenge, 'review', 'review')}
                onChanged={refresh}
              />
            )}
            {moderator && <ModeratorPanel idea={idea} me={me} onMerged={(kept) => navigate(`/ideas/${kept.id}`)} />}
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && <EditIdeaDialog idea={idea} opened onClose={closeEdit} onDone={setIdea} />}
    </>
  );
}

/** /ideas/:id — an idea with its links, attachments, votes and comments. */
export default function IdeaPage() {
  const me = useSignedIn();
  const id = parseId(useParams().id);
  const idea = useIdea(id);
  const challengeId = idea.data?.challenge_id ?? undefined;
  const challenge = useChallenge(challengeId);
  if (id === undefined) return <NotFound />;
  if (idea.isPending || (challengeId !== undefined && challenge.isPending)) return <PageSkeleton />;
  if (idea.isError) return <QueryError error={idea.error} retry={() => idea.refetch()} />;
  if (challengeId !== undefined && challenge.isError) return <QueryError error={challenge.error} retry={() => challenge.refetch()} />;
  return <IdeaView idea={idea.data} challenge={challenge.data ?? null} me={me} />;
}
