import { Alert, Anchor, Badge, Button, CloseButton, Grid, Group, Paper, Select, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconAlertTriangle, IconGitBranch } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { mapProblem } from '../../api/problem';
import type { MeAnswer } from '../../api/types';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { PageSkeleton } from '../../components/Skeletons';
import { t, tp } from '../../messages';
import { useSpaceOptions } from '../admin/queries';
import { isInternal, useSignedIn } from '../auth/session';
import { canParticipate, formatDay, normaliseTags, opensOn, parseId, phaseAllows, phaseHint } from './labels';
import { addBuildsOn, createIdea, useChallenge, useInvalidateIdeas, useSimilarIdeas } from './queries';
import { focusSimilarPanel, SimilarIdeas, SIMILAR_PANEL_ID, useSimilarText } from './SimilarIdeas';
import type { Challenge } from './types';

interface Draft {
  title: string;
  description: string;
  tags: string[];
}
const emptyDraft: Draft = { title: '', description: '', tags: [] };

/** What was typed, kept for the browser tab's life, so leaving the page loses nothing. */
function useDraft(key: string) {
  const storageKey = `cocreate.ideaDraft.${key}`;
  const [draft, setDraft] = useState<Draft>(() => {
    try {
      const saved = sessionStorage.getItem(storageKey);
      return saved ? { ...emptyDraft, ...(JSON.parse(saved) as Partial<Draft>) } : emptyDraft;
    } catch {
      return emptyDraft;
    }
  });
  useEffect(() => {
    try {
      if (draft.title || draft.description || draft.tags.length) sessionStorage.setItem(storageKey, JSON.stringify(draft));
      else sessionStorage.removeItem(storageKey);
    } catch {
      // Storage may be full or off (private windows); the draft then lives only in the page.
    }
  }, [draft, storageKey]);
  const discard = () => {
    try {
      sessionStorage.removeItem(storageKey);
    } catch {
      // As above.
    }
  };
  return { draft, setDraft, discard };
}

/** Spaces the reader may submit a stand-alone idea in (not as a guest). */
function useSubmitSpaces(me: MeAnswer) {
  const internal = isInternal(me.user.role);
  const all = useSpaceOptions(internal);
  if (internal) return all.data ?? [];
  return me.spaces.filter((s) => canParticipate(me, s.id)).map((s) => ({ value: String(s.id), label: s.name }));
}

function SubmitForm({ me, challenge, initialSpace }: { me: MeAnswer; challenge: Challenge | undefined; initialSpace: string }) {
  const navigate = useNavigate();
  const invalidate = useInvalidateIdeas();
  const formRef = useRef<HTMLFormElement>(null);
  const spaces = useSubmitSpaces(me);
  const [spaceChoice, setSpaceChoice] = useState(initialSpace);
  const spaceId = challenge ? challenge.space_id : parseId(spaceChoice);
  const { draft, setDraft, discard } = useDraft(challenge ? `challenge-${challenge.id}` : `space-${spaceChoice || 'none'}`);
  const [buildOn, setBuildOn] = useState<{ id: number; title: string }[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const clear = (key: string) => setErrors((e) => (e[key] ? { ...e, [key]: '' } : e));
  const err = (key: string) => errors[key] || undefined;
  const open = challenge ? phaseAllows(challenge.phase, 'submit') : true;
  const mayTakePart = spaceId === undefined || canParticipate(me, spaceId);
  const similarQuery = useSimilarText(draft.title, draft.description);
  // The same answer the panel shows (one cached request), for the count of the "review" link.
  const similar = useSimilarIdeas({ text: similarQuery, space_id: spaceId, challenge_id: challenge?.id });
  const similarCount = similarQuery.length >= 3 ? (similar.data?.length ?? 0) : 0;

  const save = useMutation({
    mutationFn: async () => {
      const idea = await createIdea({
        ...(challenge ? { challenge_id: challenge.id } : { space_id: spaceId ?? 0 }),
        title: draft.title.trim(),
        description: draft.description.trim(),
        tags: normaliseTags(draft.tags),
      });
      // Links are best effort: the idea exists either way, and the links can be added on its page.
      const failed: string[] = [];
      for (const other of buildOn) {
        await addBuildsOn(idea.id, other.id).catch(() => failed.push(other.title));
      }
      return { idea, failed };
    },
    onSuccess: async ({ idea, failed }) => {
      discard();
      await invalidate();
      notifySuccess(t('ideas.submit.done', { title: idea.title }));
      if (failed.length > 0) notifyError(t('ideas.submit.linkFailed', { titles: failed.join(', ') }));
      navigate(`/ideas/${idea.id}`);
    },
    onError: (error) => {
      const { fieldErrors, message } = mapProblem(error, ['title', 'description', 'tags', 'space_id', 'challenge_id', 'phase']);
      setErrors(fieldErrors);
      if (message) notifyError(message);
      if (fieldErrors.phase) notifyError(fieldErrors.phase);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    },
  });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (save.isPending || !open) return;
    const next: Record<string, string> = {};
    if (spaceId === undefined) next.space_id = t('form.required');
    if (draft.title.trim().length < 3) next.title = t('ideas.form.titleLength');
    if (!draft.description.trim()) next.description = t('form.required');
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate();
    else requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };

  const toggleBuildOn = (id: number, title: string) =>
    setBuildOn((list) => (list.some((b) => b.id === id) ? list.filter((b) => b.id !== id) : [...list, { id, title }]));

  const crumbs = challenge
    ? [
        { label: t('ideas.challenges.title'), to: '/ideas' },
        { label: challenge.title, to: `/ideas/challenges/${challenge.id}` },
      ]
    : [{ label: t('ideas.tab.ideas'), to: '/ideas/all' }];
  const opens = challenge && !open ? opensOn(challenge.phases, challenge.phase, 'submit') : null;

  return (
    <>
      <PageHeader
        title={challenge ? t('ideas.submit.titleFor', { title: challenge.title }) : t('ideas.submit.title')}
        crumbs={crumbs}
        description={challenge ? t('ideas.submit.descriptionChallenge') : t('ideas.submit.description')}
      />
      {challenge && !open && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} mb="md" title={t('ideas.submit.closedTitle')}>
          {phaseHint(challenge.phase)} {opens ? t('ideas.submit.opensOn', { date: formatDay(opens) }) : ''}
        </Alert>
      )}
      {!mayTakePart && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} mb="md">
          {t('ideas.guestReadOnly')}
        </Alert>
      )}
      <form ref={formRef} onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}>
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
              <Stack gap="md">
                {!challenge && (
                  <Select
                    label={t('ideas.space')}
                    description={t('ideas.submit.spaceHint')}
                    required
                    searchable
                    data={spaces}
                    value={spaceChoice || null}
                    onChange={(v) => {
                      setSpaceChoice(v ?? '');
                      clear('space_id');
                    }}
                    error={err('space_id')}
                  />
                )}
                <TextInput
                  label={t('ideas.form.title')}
                  description={t('ideas.submit.titleHint')}
                  required
                  data-autofocus
                  maxLength={200}
                  value={draft.title}
                  onChange={(e) => {
                    const title = e.currentTarget.value;
                    setDraft((d) => ({ ...d, title }));
                    clear('title');
                  }}
                  error={err('title')}
                />
                <Textarea
                  label={t('ideas.form.description')}
                  description={t('ideas.markdownHint')}
                  required
                  autosize
                  minRows={6}
                  value={draft.description}
                  onChange={(e) => {
                    const description = e.currentTarget.value;
                    setDraft((d) => ({ ...d, description }));
                    clear('description');
                  }}
                  error={err('description')}
                />
                {similarCount > 0 && (
                  <Anchor
                    href={`#${SIMILAR_PANEL_ID}`}
                    fz="sm"
                    onClick={(e) => {
                      e.preventDefault();
                      focusSimilarPanel();
                    }}
                  >
                    {tp('ideas.similar.review', similarCount)}
                  </Anchor>
                )}
                <TagsInput
                  label={t('ideas.form.tags')}
                  description={t('ideas.form.tagsHint')}
                  maxTags={10}
                  value={draft.tags}
                  onChange={(tags) => {
                    setDraft((d) => ({ ...d, tags }));
                    clear('tags');
                  }}
                  error={err('tags')}
                  splitChars={[',', ' ']}
                />
                {buildOn.length > 0 && (
                  <Stack gap={4}>
                    <Text fz="sm" fw={500}>
                      {t('ideas.submit.buildsOn')}
                    </Text>
                    <Group gap="xs">
                      {buildOn.map((b) => (
                        <Badge
                          key={b.id}
                          variant="light"
                          radius="sm"
                          leftSection={<IconGitBranch size={12} aria-hidden />}
                          rightSection={
                            <CloseButton size="xs" aria-label={t('ideas.submit.dropBuildOn', { title: b.title })} onClick={() => toggleBuildOn(b.id, b.title)} />
                          }
                          style={{ textTransform: 'none' }}
                        >
                          {b.title}
                        </Badge>
                      ))}
                    </Group>
                  </Stack>
                )}
              </Stack>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="md" style={{ position: 'sticky', top: 76 }}>
              <SimilarIdeas
                text={similarQuery}
                spaceId={spaceId}
                challengeId={challenge?.id}
                buildOn={buildOn.map((b) => b.id)}
                onToggleBuildOn={toggleBuildOn}
              />
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => navigate(-1)}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={save.isPending} disabled={!open || !mayTakePart}>
                  {t('ideas.submit.action')}
                </Button>
              </Group>
              <Text fz="xs" c="dimmed" ta="right">
                {t('ideas.submit.draftKept')} {t('ideas.form.submitHint')}
              </Text>
            </Stack>
          </Grid.Col>
        </Grid>
      </form>
    </>
  );
}

/** /ideas/new?challenge=ID (an answer to a challenge) or ?space=ID (a stand-alone idea). */
export default function SubmitIdeaPage() {
  const me = useSignedIn();
  const [params] = useSearchParams();
  const challengeId = parseId(params.get('challenge'));
  const challenge = useChallenge(challengeId);
  if (challengeId !== undefined) {
    if (challenge.isPending) return <PageSkeleton />;
    if (challenge.isError) return <QueryError error={challenge.error} retry={() => challenge.refetch()} />;
  }
  return <SubmitForm me={me} challenge={challenge.data} initialSpace={params.get('space') ?? ''} />;
}
