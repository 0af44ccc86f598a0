// The ideas panels of the home page ("My week"): the challenges open to me now (everyone,
// external participants included), and for moderators the reports waiting in their queue.
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { IconBulb, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, call } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { PanelHeader, PanelRow, PanelRows } from '../../components/HomePanel';
import { QueryError } from '../../components/QueryError';
import { CardSkeleton } from '../../components/Skeletons';
import { RelativeTime } from '../../components/Time';
import { t, tp } from '../../messages';
import { useSignedIn } from '../auth/session';
import { formatDay, moderatesAnywhere } from './labels';
import { PhaseBadge } from './parts';
import { ideasKey } from './queries';
import type { Challenge, ChallengePhase } from './types';

const CHALLENGE_LIMIT = 5;
const REPORT_LIMIT = 5;
// Phases in which participants have something to do.
const ACTIVE: readonly ChallengePhase[] = ['submission', 'discussion', 'voting'];

/** The date the challenge's current phase ends (the next phase opens). */
function phaseEnds(c: Challenge): string {
  const next = { submission: c.phases.discussion_opens, discussion: c.phases.voting_opens, voting: c.phases.review_opens }[
    c.phase as 'submission' | 'discussion' | 'voting'
  ];
  return formatDay(next);
}

/** "Challenges open to you": those taking ideas, comments or votes now, the soonest to move on first. */
export function OpenChallengesPanel() {
  const challenges = useQuery({
    queryKey: [...ideasKey, 'challenges', 'home'],
    queryFn: () => call(api.GET('/api/v1/challenges', { params: { query: { limit: 50 } } })),
  });
  const open = (challenges.data?.items ?? [])
    .filter((c) => ACTIVE.includes(c.phase))
    .sort((a, b) => phaseEnds(a).localeCompare(phaseEnds(b)))
    .slice(0, CHALLENGE_LIMIT);
  return (
    <section aria-labelledby="home-challenges">
      <PanelHeader id="home-challenges" title={t('ideas.home.openChallenges')} link="/ideas" linkLabel={t('ideas.home.allChallenges')} />
      {challenges.isPending ? (
        <CardSkeleton lines={3} />
      ) : challenges.isError ? (
        <QueryError error={challenges.error} retry={() => challenges.refetch()} />
      ) : open.length === 0 ? (
        <EmptyState icon={<IconBulb size={24} />} title={t('ideas.home.noOpenTitle')}>
          {t('ideas.home.noOpenBody')}
        </EmptyState>
      ) : (
        <PanelRows>
          {open.map((c) => (
            <PanelRow key={c.id}>
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Anchor component={Link} to={`/ideas/challenges/${c.id}`} fz="sm" fw={500}>
                  {c.title}
                </Anchor>
                <Group gap={6} wrap="wrap">
                  <PhaseBadge phase={c.phase} size="xs" />
                  <Text fz="xs" c="dimmed" component="span">
                    {t('ideas.home.phaseUntil', { phase: t(`ideas.phase.${c.phase}`), date: phaseEnds(c) })} ·{' '}
                    {tp('ideas.home.ideaCount', c.idea_count)}
                  </Text>
                </Group>
              </Stack>
            </PanelRow>
          ))}
        </PanelRows>
      )}
    </section>
  );
}

/** "Reports to moderate": the oldest open reports of the spaces I moderate. Moderators only. */
export function ReportsPanel() {
  const me = useSignedIn();
  const moderator = moderatesAnywhere(me);
  const reports = useQuery({
    queryKey: [...ideasKey, 'reports', 'home'],
    queryFn: () => call(api.GET('/api/v1/reports', { params: { query: { status: 'open', limit: REPORT_LIMIT } } })),
    enabled: moderator,
  });
  if (!moderator) return null;
  const items = reports.data?.items ?? [];
  return (
    <section aria-labelledby="home-reports">
      <PanelHeader id="home-reports" title={t('ideas.home.reports')} link="/ideas/moderation" linkLabel={t('ideas.home.queue')} />
      {reports.isPending ? (
        <CardSkeleton lines={3} />
      ) : reports.isError ? (
        <QueryError error={reports.error} retry={() => reports.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<IconShieldCheck size={24} />} title={t('ideas.home.noReportsTitle')}>
          {t('ideas.home.noReportsBody')}
        </EmptyState>
      ) : (
        <PanelRows>
          {items.map((r) => (
            <PanelRow key={r.id}>
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Anchor component={Link} to={`/ideas/${r.idea_id}`} fz="sm" fw={500} lineClamp={1}>
                  {r.excerpt || `#${r.object_id}`}
                </Anchor>
                <Text fz="xs" c="dimmed">
                  {t('ideas.home.reportOn', {
                    type: r.object_type === 'idea' ? t('ideas.home.reportIdea') : t('ideas.home.reportComment'),
                    name: r.reported_by?.display_name ?? '—',
                  })}{' '}
                  · <RelativeTime iso={r.created_at} />
                </Text>
                <Text fz="xs">{r.reason}</Text>
              </Stack>
            </PanelRow>
          ))}
        </PanelRows>
      )}
    </section>
  );
}
