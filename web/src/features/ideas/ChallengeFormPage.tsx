import { ActionIcon, Alert, Button, Checkbox, Grid, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, mapProblem } from '../../api/problem';
import { NotFound } from '../../components/NotFound';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { PageSkeleton } from '../../components/Skeletons';
import { t } from '../../messages';
import { useSpaceOptions } from '../admin/queries';
import type { MeAnswer } from '../../api/types';
import { useSignedIn } from '../auth/session';
import { PersonSelect } from '../engagement/pickers';
import { FitQuestions, FitSummary } from '../projects/FitCheck';
import {
  audienceLabel,
  canCreateChallenges,
  canManageChallenges,
  fieldErrorsByPath,
  isManager,
  nextCriterionKey,
  parseId,
  phaseDateProblems,
  phaseLabel,
  PHASE_OF_DATE,
} from './labels';
import { createChallenge, updateChallenge, useChallenge, useInvalidateIdeas } from './queries';
import { AUDIENCES, PHASE_DATES, type Audience, type Challenge, type FitAnswers, type PhaseDate } from './types';
import classes from './ideas.module.css';

interface GoalRow {
  uid: number;
  text: string;
}
interface CriterionRow {
  uid: number;
  key: string;
  text: string;
  weight: number;
}

let uid = 0;
const nextUid = () => ++uid;
const FLAT_FIELDS = ['space_id', 'title', 'problem', 'goals', 'audience', 'sponsor_id', 'phases', 'votes_per_person', 'leaderboard', 'criteria', 'fit', 'protocol'];
const defaultFit = (): FitAnswers => ({ problem_defined: 3, near_term: 3, customers_can_picture: 3, customer_willing: 3, capacity_available: 3 });
const emptyDates = (): Record<PhaseDate, string> => ({ submission_opens: '', discussion_opens: '', voting_opens: '', review_opens: '', closes: '' });

/** The spaces the reader may create a challenge in: every space for managers, the spaces they own otherwise. */
function useManagedSpaces(me: MeAnswer) {
  const all = useSpaceOptions(isManager(me.user.role));
  if (isManager(me.user.role)) return all.data ?? [];
  return me.spaces.filter((s) => s.my_role === 'owner').map((s) => ({ value: String(s.id), label: s.name }));
}

function ChallengeForm({ me, existing }: { me: MeAnswer; existing: Challenge | undefined }) {
  const navigate = useNavigate();
  const invalidate = useInvalidateIdeas();
  const [params] = useSearchParams();
  const formRef = useRef<HTMLFormElement>(null);
  const spaces = useManagedSpaces(me);
  const [spaceId, setSpaceId] = useState(existing ? String(existing.space_id) : (params.get('space') ?? ''));
  const [title, setTitle] = useState(existing?.title ?? '');
  const [problem, setProblem] = useState(existing?.problem ?? '');
  const [goals, setGoals] = useState<GoalRow[]>(() =>
    existing && existing.goals.length > 0 ? existing.goals.map((text) => ({ uid: nextUid(), text })) : [{ uid: nextUid(), text: '' }],
  );
  const [audience, setAudience] = useState<Audience>(existing?.audience ?? 'both');
  const [sponsorId, setSponsorId] = useState(existing?.sponsor ? String(existing.sponsor.id) : '');
  const [dates, setDates] = useState<Record<PhaseDate, string>>(() => (existing ? { ...existing.phases } : emptyDates()));
  const [votes, setVotes] = useState<number | string>(existing?.votes_per_person ?? 5);
  const [leaderboard, setLeaderboard] = useState(existing?.leaderboard ?? true);
  const [criteria, setCriteria] = useState<CriterionRow[]>(() => (existing?.criteria ?? []).map((c) => ({ uid: nextUid(), ...c })));
  const [protocol, setProtocol] = useState('');
  const existingFit = existing && 'fit' in existing ? existing.fit : null;
  const [withFit, setWithFit] = useState(Boolean(existingFit));
  const [fit, setFit] = useState<FitAnswers>(existingFit?.answers ?? defaultFit());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const clear = (...keys: string[]) => setErrors((e) => (keys.some((k) => e[k]) ? { ...e, ...Object.fromEntries(keys.map((k) => [k, ''])) } : e));
  const err = (key: string) => errors[key] || undefined;

  const focusFirstError = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const save = useMutation({
    mutationFn: () => {
      const common = {
        title: title.trim(),
        problem: problem.trim(),
        goals: goals.map((g) => g.text.trim()).filter(Boolean),
        audience,
        sponsor_id: parseId(sponsorId) ?? null,
        phases: { ...dates },
        votes_per_person: Number(votes),
        leaderboard,
        criteria: criteria.filter((c) => c.text.trim()).map((c) => ({ key: c.key, text: c.text.trim(), weight: c.weight })),
        fit: withFit ? fit : null,
      };
      return existing
        ? updateChallenge(existing.id, { ...common, version: existing.version })
        : createChallenge({ ...common, space_id: Number(spaceId), protocol: protocol.trim() });
    },
    onSuccess: async (c) => {
      await invalidate();
      notifySuccess(existing ? t('ideas.challengeForm.saved') : t('ideas.challengeForm.created', { title: c.title }));
      navigate(`/ideas/challenges/${c.id}`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        notifyError(t('ideas.challengeForm.conflict'));
        return;
      }
      const byPath = error instanceof ApiError ? fieldErrorsByPath(error.problem.errors, t('problem.field_invalid')) : {};
      if (error instanceof ApiError && error.problem.field) byPath[error.problem.field] ??= error.problem.detail ?? t('problem.field_invalid');
      const { fieldErrors, message } = mapProblem(error, FLAT_FIELDS);
      // A nested field ("phases.voting_opens") is shown at its own input, not again for the group.
      for (const path of Object.keys(byPath)) {
        const base = path.split(/[.[]/, 1)[0] ?? path;
        if (base !== path) delete fieldErrors[base];
      }
      setErrors({ ...fieldErrors, ...byPath });
      if (message) notifyError(message);
      focusFirstError();
    },
  });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (save.isPending) return;
    const next: Record<string, string> = {};
    if (!existing && !parseId(spaceId)) next.space_id = t('form.required');
    if (title.trim().length < 3) next.title = t('ideas.form.titleLength');
    if (!problem.trim()) next.problem = t('form.required');
    for (const [date, problemKind] of Object.entries(phaseDateProblems(dates))) {
      next[`phases.${date}`] = problemKind === 'missing' ? t('form.required') : t('ideas.challengeForm.dateOrder');
    }
    const votesNumber = Number(votes);
    if (!Number.isInteger(votesNumber) || votesNumber < 1 || votesNumber > 20) next.votes_per_person = t('ideas.challengeForm.votesRange');
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate();
    else focusFirstError();
  };

  const title_ = existing ? t('ideas.challengeForm.editTitle', { title: existing.title }) : t('ideas.challengeForm.newTitle');
  return (
    <>
      <PageHeader
        title={title_}
        crumbs={[
          { label: t('ideas.challenges.title'), to: '/ideas' },
          ...(existing ? [{ label: existing.title, to: `/ideas/challenges/${existing.id}` }] : []),
        ]}
        description={t('ideas.challengeForm.description')}
      />
      <form ref={formRef} onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}>
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">
              <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
                <Stack gap="md">
                  {!existing && (
                    <Select
                      label={t('ideas.space')}
                      description={t('ideas.challengeForm.spaceHint')}
                      required
                      searchable
                      data={spaces}
                      value={spaceId || null}
                      onChange={(v) => {
                        setSpaceId(v ?? '');
                        clear('space_id');
                      }}
                      error={err('space_id')}
                    />
                  )}
                  <TextInput
                    label={t('ideas.form.title')}
                    required
                    data-autofocus
                    maxLength={200}
                    value={title}
                    onChange={(e) => {
                      setTitle(e.currentTarget.value);
                      clear('title');
                    }}
                    error={err('title')}
                  />
                  <Textarea
                    label={t('ideas.challenge.problem')}
                    description={t('ideas.markdownHint')}
                    required
                    autosize
                    minRows={4}
                    value={problem}
                    onChange={(e) => {
                      setProblem(e.currentTarget.value);
                      clear('problem');
                    }}
                    error={err('problem')}
                  />
                  <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                    <Select
                      label={t('ideas.audienceLabel')}
                      description={t('ideas.challengeForm.audienceHint')}
                      data={AUDIENCES.map((a) => ({ value: a, label: audienceLabel(a) }))}
                      value={audience}
                      allowDeselect={false}
                      onChange={(v) => setAudience((v ?? 'both') as Audience)}
                      error={err('audience')}
                    />
                    <PersonSelect
                      label={t('ideas.sponsor')}
                      description={t('ideas.challengeForm.sponsorHint')}
                      value={sponsorId}
                      onChange={(v) => {
                        setSponsorId(v);
                        clear('sponsor_id');
                      }}
                      clearable
                      error={err('sponsor_id')}
                    />
                  </SimpleGrid>
                </Stack>
              </Paper>

              <fieldset className={classes.fieldset}>
                <legend className={classes.legend}>{t('ideas.challenge.goals')}</legend>
                <Text fz="xs" c="dimmed" mb="xs">
                  {t('ideas.challengeForm.goalsHint')}
                </Text>
                <Stack gap="xs">
                  {goals.map((row, i) => (
                    <Group key={row.uid} gap="xs" align="flex-start" wrap="nowrap">
                      <TextInput
                        label={t('ideas.challengeForm.goal', { n: i + 1 })}
                        maxLength={300}
                        value={row.text}
                        onChange={(e) => {
                          const text = e.currentTarget.value;
                          setGoals((rows) => rows.map((r) => (r.uid === row.uid ? { ...r, text } : r)));
                        }}
                        error={err(`goals[${i}]`)}
                        style={{ flex: 1 }}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        mt={26}
                        aria-label={t('ideas.challengeForm.removeGoal', { n: i + 1 })}
                        onClick={() => setGoals((rows) => rows.filter((r) => r.uid !== row.uid))}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  ))}
                  {goals.length < 10 && (
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      leftSection={<IconPlus size={14} aria-hidden />}
                      onClick={() => setGoals((rows) => [...rows, { uid: nextUid(), text: '' }])}
                      style={{ alignSelf: 'flex-start' }}
                    >
                      {t('ideas.challengeForm.addGoal')}
                    </Button>
                  )}
                </Stack>
              </fieldset>

              <fieldset className={classes.fieldset}>
                <legend className={classes.legend}>{t('ideas.timeline.title')}</legend>
                <Text fz="xs" c="dimmed" mb="xs">
                  {t('ideas.challengeForm.datesHint')}
                </Text>
                <SimpleGrid cols={{ base: 1, xs: 2, sm: 3 }} spacing="sm">
                  {PHASE_DATES.map((date) => (
                    <TextInput
                      key={date}
                      type="date"
                      required
                      label={date === 'closes' ? t('ideas.challengeForm.closes') : t('ideas.challengeForm.opens', { phase: phaseLabel(PHASE_OF_DATE[date]) })}
                      value={dates[date]}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setDates((d) => ({ ...d, [date]: value }));
                        clear(`phases.${date}`, 'phases');
                      }}
                      error={err(`phases.${date}`)}
                    />
                  ))}
                </SimpleGrid>
                {err('phases') && (
                  <Text c="red" fz="sm" role="alert" mt="xs">
                    {err('phases')}
                  </Text>
                )}
              </fieldset>

              <fieldset className={classes.fieldset}>
                <legend className={classes.legend}>{t('ideas.challenge.criteria')}</legend>
                <Text fz="xs" c="dimmed" mb="xs">
                  {t('ideas.challengeForm.criteriaHint')}
                </Text>
                <Stack gap="xs">
                  {criteria.length === 0 && (
                    <Text fz="sm" c="dimmed">
                      {t('ideas.challengeForm.noCriteria')}
                    </Text>
                  )}
                  {criteria.map((row, i) => (
                    <Group key={row.uid} gap="xs" align="flex-start" wrap="nowrap">
                      <TextInput
                        label={t('ideas.challengeForm.criterion', { n: i + 1 })}
                        maxLength={500}
                        value={row.text}
                        onChange={(e) => {
                          const text = e.currentTarget.value;
                          setCriteria((rows) => rows.map((r) => (r.uid === row.uid ? { ...r, text } : r)));
                        }}
                        error={err(`criteria[${i}].text`) ?? err(`criteria[${i}].key`) ?? err(`criteria[${i}]`)}
                        style={{ flex: 1 }}
                      />
                      <NumberInput
                        label={t('ideas.challengeForm.weight', { n: i + 1 })}
                        min={1}
                        max={5}
                        clampBehavior="strict"
                        allowDecimal={false}
                        value={row.weight}
                        onChange={(v) => setCriteria((rows) => rows.map((r) => (r.uid === row.uid ? { ...r, weight: Number(v) || 1 } : r)))}
                        error={err(`criteria[${i}].weight`)}
                        w={110}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        mt={26}
                        aria-label={t('ideas.challengeForm.removeCriterion', { n: i + 1 })}
                        onClick={() => setCriteria((rows) => rows.filter((r) => r.uid !== row.uid))}
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Group>
                  ))}
                  {criteria.length < 10 && (
                    <Button
                      variant="subtle"
                      size="compact-sm"
                      leftSection={<IconPlus size={14} aria-hidden />}
                      onClick={() =>
                        setCriteria((rows) => [...rows, { uid: nextUid(), key: nextCriterionKey(rows.map((r) => r.key)), text: '', weight: 1 }])
                      }
                      style={{ alignSelf: 'flex-start' }}
                    >
                      {t('ideas.challengeForm.addCriterion')}
                    </Button>
                  )}
                </Stack>
              </fieldset>

              {!existing && (
                <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
                  <Textarea
                    label={t('ideas.protocol.title')}
                    description={t('ideas.challengeForm.protocolHint')}
                    autosize
                    minRows={4}
                    value={protocol}
                    onChange={(e) => {
                      setProtocol(e.currentTarget.value);
                      clear('protocol');
                    }}
                    error={err('protocol')}
                  />
                </Paper>
              )}
              {existing && (
                <Alert variant="light" color="gray" icon={<IconAlertTriangle size={16} aria-hidden />}>
                  <Text fz="sm">{t('ideas.challengeForm.protocolElsewhere')}</Text>
                </Alert>
              )}

              <Checkbox
                label={t('ideas.challengeForm.withFit')}
                description={t('ideas.challengeForm.withFitHint')}
                checked={withFit}
                onChange={(e) => setWithFit(e.currentTarget.checked)}
              />
              {withFit && (
                <FitQuestions
                  answers={fit}
                  errors={errors}
                  onChange={(q, value) => {
                    setFit((f) => ({ ...f, [q]: value }));
                    clear(`fit.${q}`);
                  }}
                />
              )}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md" style={{ position: 'sticky', top: 76 }}>
              <Paper withBorder radius="md" p="md">
                <Stack gap="sm">
                  <NumberInput
                    label={t('ideas.challenge.votes')}
                    description={t('ideas.challengeForm.votesHint')}
                    min={1}
                    max={20}
                    allowDecimal={false}
                    value={votes}
                    onChange={(v) => {
                      setVotes(v);
                      clear('votes_per_person');
                    }}
                    error={err('votes_per_person')}
                  />
                  <Switch
                    label={t('ideas.challengeForm.leaderboard')}
                    description={t('ideas.challengeForm.leaderboardHint')}
                    checked={leaderboard}
                    onChange={(e) => setLeaderboard(e.currentTarget.checked)}
                  />
                </Stack>
              </Paper>
              {withFit && <FitSummary answers={fit} />}
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={() => navigate(-1)}>
                  {t('common.cancel')}
                </Button>
                <Button type="submit" loading={save.isPending}>
                  {existing ? t('common.saveChanges') : t('ideas.challengeForm.create')}
                </Button>
              </Group>
              <Text fz="xs" c="dimmed" ta="right">
                {t('ideas.form.submitHint')}
              </Text>
            </Stack>
          </Grid.Col>
        </Grid>
      </form>
    </>
  );
}

/** /ideas/challenges/new and /ideas/challenges/:id/edit — for managers and the space's owners. */
export default function ChallengeFormPage() {
  const me = useSignedIn();
  const id = parseId(useParams().id);
  const editing = useParams().id !== undefined;
  const challenge = useChallenge(id);
  if (!editing) return canCreateChallenges(me) ? <ChallengeForm me={me} existing={undefined} /> : <NotFound />;
  if (id === undefined) return <NotFound />;
  if (challenge.isPending) return <PageSkeleton />;
  if (challenge.isError) return <QueryError error={challenge.error} retry={() => challenge.refetch()} />;
  if (!canManageChallenges(me, challenge.data.space_id)) return <NotFound />;
  return <ChallengeForm me={me} existing={challenge.data} />;
}
