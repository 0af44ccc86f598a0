import { Accordion, Alert, Badge, Button, Grid, Group, List, Modal, Stack, Text, Textarea, VisuallyHidden } from '@mantine/core';
import { getHotkeyHandler, useDisclosure } from '@mantine/hooks';
import { IconBulb, IconInfoCircle, IconPencil, IconTrophy } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { mapProblem } from '../../api/problem';
import { NotFound } from '../../components/NotFound';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { PageSkeleton } from '../../components/Skeletons';
import { DateTime } from '../../components/Time';
import { formatNumber } from '../../lib/format';
import { t, tp } from '../../messages';
import { useSpaceOptions } from '../admin/queries';
import { isInternal, useSignedIn } from '../auth/session';
import { FitBadge } from '../projects/parts';
import { IdeaList } from './IdeaList';
import {
  audienceLabel,
  badgeLabel,
  canManageChallenges,
  canModerate,
  canParticipate,
  formatDay,
  opensOn,
  parseId,
  phaseAllows,
  phaseDateLine,
  phaseHint,
  phaseLabel,
  phaseTimeline,
  votesLeft,
} from './labels';
import { Muted, PhaseBadge, Section, ServerHtml } from './parts';
import { amendProtocol, useChallenge, useInvalidateIdeas, useLeaderboard, useProtocolVersions } from './queries';
import type { Challenge } from './types';
import classes from './ideas.module.css';

function PhaseTimeline({ challenge }: { challenge: Challenge }) {
  const steps = phaseTimeline(challenge.phases, challenge.phase);
  const stateWord = { done: t('ideas.timeline.done'), current: t('ideas.timeline.current'), next: t('ideas.timeline.next') };
  return (
    <Section id="timeline-heading" title={t('ideas.timeline.title')}>
      <Stack gap="sm">
        <Group gap="xs">
          <PhaseBadge phase={challenge.phase} size="md" />
          <Text fz="sm">{phaseHint(challenge.phase)}</Text>
        </Group>
        <ol className={classes.timeline} aria-labelledby="timeline-heading">
          {steps.map((s) => (
            <li key={s.phase} className={classes.step} data-state={s.state} aria-current={s.state === 'current' ? 'step' : undefined}>
              <Text fz="sm" fw={s.state === 'current' ? 700 : 500}>
                {phaseLabel(s.phase)}
              </Text>
              <Text fz="xs" c="dimmed">
                {s.until ? t('ideas.timeline.range', { from: formatDay(s.from), until: formatDay(s.until) }) : t('ideas.timeline.from', { from: formatDay(s.from) })}
              </Text>
              <Text fz="xs" fw={s.state === 'current' ? 600 : 400} c={s.state === 'current' ? undefined : 'dimmed'}>
                {stateWord[s.state]}
              </Text>
            </li>
          ))}
        </ol>
      </Stack>
    </Section>
  );
}

function AmendProtocol({ challenge, onClose }: { challenge: Challenge; onClose: () => void }) {
  const invalidate = useInvalidateIdeas();
  const [text, setText] = useState(challenge.protocol.text);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => amendProtocol(challenge.id, { text: text.trim(), note: note.trim() }),
    onSuccess: async (v) => {
      await invalidate();
      notifySuccess(t('ideas.protocol.amended', { version: v.version }));
      onClose();
    },
    onError: (error) => {
      const { fieldErrors, message } = mapProblem(error, ['text', 'note']);
      setErrors(fieldErrors);
      if (message) notifyError(message);
    },
  });
  const submit = () => {
    const next: Record<string, string> = {};
    if (!text.trim()) next.text = t('form.required');
    if (!note.trim()) next.note = t('form.required');
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate();
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={getHotkeyHandler([['mod+Enter', submit]])}
      noValidate
    >
      <Stack gap="sm">
        <Text fz="sm">{t('ideas.protocol.amendHint', { version: challenge.protocol.version + 1 })}</Text>
        <Textarea
          label={t('ideas.protocol.text')}
          description={t('ideas.markdownHint')}
          required
          autosize
          minRows={6}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setErrors((x) => ({ ...x, text: '' }));
          }}
          error={errors.text || undefined}
        />
        <Textarea
          label={t('ideas.protocol.note')}
          description={t('ideas.protocol.noteHint')}
          required
          autosize
          minRows={2}
          maxLength={500}
          data-autofocus
          value={note}
          onChange={(e) => {
            setNote(e.currentTarget.value);
            setErrors((x) => ({ ...x, note: '' }));
          }}
          error={errors.note || undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('ideas.protocol.publish', { version: challenge.protocol.version + 1 })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ProtocolSection({ challenge, manage }: { challenge: Challenge; manage: boolean }) {
  const [showHistory, setShowHistory] = useState(false);
  const [amending, { open, close }] = useDisclosure(false);
  const history = useProtocolVersions(challenge.id, showHistory);
  const p = challenge.protocol;
  const earlier = (history.data ?? []).filter((v) => v.version !== p.version);
  return (
    <Section
      id="protocol-heading"
      title={t('ideas.protocol.title')}
      action={
        manage && challenge.phase !== 'closed' ? (
          <Button size="xs" variant="light" leftSection={<IconPencil size={14} aria-hidden />} onClick={open}>
            {t('ideas.protocol.amend')}
          </Button>
        ) : undefined
      }
    >
      <Stack gap="sm">
        <Text fz="xs" c="dimmed">
          {t('ideas.protocol.version', { version: p.version })} · <DateTime iso={p.changed_at} />
          {p.changed_by ? ` · ${p.changed_by.display_name}` : ''}
          {p.note ? ` · ${p.note}` : ''}
        </Text>
        {p.text_html ? <ServerHtml html={p.text_html} /> : <Muted>{t('ideas.protocol.empty')}</Muted>}
        {p.version > 1 && (
          <>
            <Button size="compact-sm" variant="subtle" onClick={() => setShowHistory((s) => !s)} aria-expanded={showHistory} style={{ alignSelf: 'flex-start' }}>
              {showHistory ? t('ideas.protocol.hideHistory') : tp('ideas.protocol.showHistory', p.version - 1)}
            </Button>
            {showHistory &&
              (history.isPending ? (
                <Muted>{t('common.loading')}</Muted>
              ) : history.isError ? (
                <QueryError error={history.error} retry={() => history.refetch()} />
              ) : (
                <Accordion variant="separated" radius="sm">
                  {earlier.map((v) => (
                    <Accordion.Item key={v.version} value={String(v.version)}>
                      <Accordion.Control>
                        <Text fz="sm" fw={500}>
                          {t('ideas.protocol.version', { version: v.version })} · {formatDay(v.changed_at.slice(0, 10))}
                        </Text>
                        <Text fz="xs" c="dimmed">
                          {v.note || t('ideas.protocol.firstVersion')}
                          {v.changed_by ? ` · ${v.changed_by.display_name}` : ''}
                        </Text>
                      </Accordion.Control>
                      <Accordion.Panel>{v.text_html ? <ServerHtml html={v.text_html} /> : <Muted>{t('ideas.protocol.empty')}</Muted>}</Accordion.Panel>
                    </Accordion.Item>
                  ))}
                </Accordion>
              ))}
          </>
        )}
      </Stack>
      <Modal opened={amending} onClose={close} title={t('ideas.protocol.amendTitle', { title: challenge.title })} size="lg">
        <AmendProtocol challenge={challenge} onClose={close} />
      </Modal>
    </Section>
  );
}

function LeaderboardPanel({ challenge, moderator }: { challenge: Challenge; moderator: boolean }) {
  const board = useLeaderboard(challenge.id, challenge.leaderboard || moderator);
  if (!challenge.leaderboard && !moderator) return null;
  if (board.isPending) return null;
  if (board.isError) return <QueryError error={board.error} retry={() => board.refetch()} />;
  if (!board.data) return null;
  return (
    <Section id="leaderboard-heading" title={t('ideas.leaderboard.title')}>
      <Stack gap="xs">
        {!board.data.enabled && (
          <Alert color="gray" variant="light" icon={<IconInfoCircle size={16} aria-hidden />} p="xs">
            <Text fz="xs">{t('ideas.leaderboard.offPreview')}</Text>
          </Alert>
        )}
        {board.data.items.length === 0 ? (
          <Muted>{t('ideas.leaderboard.empty')}</Muted>
        ) : (
          <List type="ordered" listStyleType="none" spacing={6} aria-labelledby="leaderboard-heading">
            {board.data.items.map((e) => (
              <List.Item key={e.user.id}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                    <Text fz="sm" fw={700} w={24} ta="right" aria-hidden>
                      {e.rank}
                    </Text>
                    <VisuallyHidden>{t('ideas.leaderboard.rank', { rank: e.rank })}</VisuallyHidden>
                    <Text fz="sm" truncate>
                      {e.user.display_name}
                    </Text>
                  </Group>
                  <Text fz="sm" fw={600} style={{ flexShrink: 0 }}>
                    {tp('ideas.pointsCount', e.points)}
                  </Text>
                </Group>
                {e.badges.length > 0 && (
                  <Group gap={4} ml={32} mt={2}>
                    {e.badges.map((b) => (
                      <Badge key={b} size="xs" variant="light" color="yellow" radius="sm" style={{ textTransform: 'none' }}>
                        {badgeLabel(b)}
                      </Badge>
                    ))}
                  </Group>
                )}
              </List.Item>
            ))}
          </List>
        )}
        <Text fz="xs" c="dimmed">
          {t('ideas.leaderboard.rule')}
        </Text>
      </Stack>
    </Section>
  );
}

function Facts({ challenge, spaceName }: { challenge: Challenge; spaceName: string }) {
  const left = votesLeft(challenge);
  const fit = 'fit' in challenge ? challenge.fit : null;
  return (
    <Section id="facts-heading" title={t('ideas.challenge.facts')}>
      <Stack gap="xs">
        <div>
          <Text fz="xs" c="dimmed">
            {t('ideas.sponsor')}
          </Text>
          <Text fz="sm">{challenge.sponsor?.display_name ?? t('ideas.noSponsor')}</Text>
        </div>
        <div>
          <Text fz="xs" c="dimmed">
            {t('ideas.space')}
          </Text>
          <Text fz="sm">{spaceName}</Text>
        </div>
        <div>
          <Text fz="xs" c="dimmed">
            {t('ideas.audienceLabel')}
          </Text>
          <Text fz="sm">{audienceLabel(challenge.audience)}</Text>
        </div>
        <div>
          <Text fz="xs" c="dimmed">
            {t('ideas.challenge.votes')}
          </Text>
          <Text fz="sm">{tp('ideas.challenge.votesPerPerson', challenge.votes_per_person)}</Text>
          <Text fz="sm" fw={600}>
            {tp('ideas.votesLeft', left)}
          </Text>
        </div>
        <div>
          <Text fz="xs" c="dimmed">
            {t('ideas.challenges.ideas')}
          </Text>
          <Text fz="sm">{formatNumber(challenge.idea_count)}</Text>
        </div>
        {fit && (
          <div>
            <Text fz="xs" c="dimmed" mb={4}>
              {t('ideas.challenge.fit')}
            </Text>
            <FitBadge recommendation={fit.recommendation} score={fit.score} />
            {fit.reasons.length > 0 && (
              <List size="xs" mt={4} spacing={2}>
                {fit.reasons.map((r) => (
                  <List.Item key={r}>{r}</List.Item>
                ))}
              </List>
            )}
          </div>
        )}
      </Stack>
    </Section>
  );
}

/** /ideas/challenges/:id — the challenge, its rules and phases, its ideas and leaderboard. */
export default function ChallengePage() {
  const me = useSignedIn();
  const id = parseId(useParams().id);
  const challenge = useChallenge(id);
  const spaces = useSpaceOptions();
  if (id === undefined) return <NotFound />;
  if (challenge.isPending) return <PageSkeleton />;
  if (challenge.isError) return <QueryError error={challenge.error} retry={() => challenge.refetch()} />;
  const c = challenge.data;
  const spaceName = spaces.data?.find((s) => s.value === String(c.space_id))?.label ?? `#${c.space_id}`;
  const manage = canManageChallenges(me, c.space_id);
  const moderator = canModerate(me, c.space_id);
  const mayTakePart = canParticipate(me, c.space_id);
  const open = phaseAllows(c.phase, 'submit');
  const submitOpens = opensOn(c.phases, c.phase, 'submit');
  const submitLink = `/ideas/new?challenge=${c.id}`;

  return (
    <>
      <PageHeader
        title={c.title}
        crumbs={[{ label: t('ideas.challenges.title'), to: '/ideas' }]}
        description={[phaseLabel(c.phase), phaseDateLine(c.phases, c.phase)].filter(Boolean).join(' · ')}
        actions={
          <>
            {manage && (
              <Button variant="default" component={Link} to={`/ideas/challenges/${c.id}/edit`} leftSection={<IconPencil size={16} aria-hidden />}>
                {t('common.edit')}
              </Button>
            )}
            {mayTakePart && open && (
              <Button component={Link} to={submitLink} leftSection={<IconBulb size={16} aria-hidden />}>
                {t('ideas.submit.action')}
              </Button>
            )}
          </>
        }
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Section id="problem-heading" title={t('ideas.challenge.problem')}>
              <ServerHtml html={c.problem_html} />
            </Section>
            <Section id="goals-heading" title={t('ideas.challenge.goals')}>
              {c.goals.length === 0 ? (
                <Muted>{t('ideas.challenge.noGoals')}</Muted>
              ) : (
                <List spacing={4} size="sm" aria-labelledby="goals-heading">
                  {c.goals.map((g) => (
                    <List.Item key={g}>{g}</List.Item>
                  ))}
                </List>
              )}
            </Section>
            <PhaseTimeline challenge={c} />
            <ProtocolSection challenge={c} manage={manage} />
            <Section id="criteria-heading" title={t('ideas.challenge.criteria')}>
              {c.criteria.length === 0 ? (
                <Muted>{t('ideas.challenge.noCriteria')}</Muted>
              ) : (
                <List spacing={4} size="sm" aria-labelledby="criteria-heading">
                  {c.criteria.map((cr) => (
                    <List.Item key={cr.key}>
                      {cr.text}{' '}
                      <Text span fz="xs" c="dimmed">
                        {t('ideas.challenge.weight', { weight: cr.weight })}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              )}
            </Section>
            <Section id="ideas-heading" title={tp('ideas.challenge.ideasTitle', c.idea_count)}>
              <IdeaList
                challengeId={c.id}
                internal={isInternal(me.user.role)}
                label={t('ideas.challenge.ideasOf', { title: c.title })}
                empty={
                  <Stack align="center" gap="xs" py="md" ta="center">
                    <Text fw={600}>{t('ideas.challenge.noIdeasTitle')}</Text>
                    <Text fz="sm" c="dimmed" maw={460}>
                      {open
                        ? t('ideas.challenge.noIdeasOpen')
                        : submitOpens
                          ? t('ideas.challenge.noIdeasUpcoming', { date: formatDay(submitOpens) })
                          : t('ideas.challenge.noIdeasClosed')}
                    </Text>
                    {mayTakePart && open && (
                      <Button component={Link} to={submitLink} variant="light" leftSection={<IconBulb size={16} aria-hidden />}>
                        {t('ideas.submit.first')}
                      </Button>
                    )}
                  </Stack>
                }
              />
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Facts challenge={c} spaceName={spaceName} />
            {(c.leaderboard || moderator) && <LeaderboardPanel challenge={c} moderator={moderator} />}
            {!c.leaderboard && !moderator && (
              <Section id="leaderboard-heading" title={t('ideas.leaderboard.title')}>
                <Group gap="xs" wrap="nowrap">
                  <IconTrophy size={16} aria-hidden />
                  <Muted>{t('ideas.leaderboard.off')}</Muted>
                </Group>
              </Section>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
