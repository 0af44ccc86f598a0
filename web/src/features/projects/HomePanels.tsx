// The projects panels of the home page ("My week"): the projects I lead with their health, and
// the gate reviews waiting for my decision. Internal users only, like the rest of the module.
import { Anchor, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconGavel, IconPlus, IconRocket } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PanelHeader, PanelRow, PanelRows } from '../../components/HomePanel';
import { QueryError } from '../../components/QueryError';
import { CardSkeleton } from '../../components/Skeletons';
import { RelativeTime } from '../../components/Time';
import { t } from '../../messages';
import { useSignedIn } from '../auth/session';
import { AskFirstBadge, HealthBadge, SeverityIcon, StatusBadge } from './parts';
import { useGateReviewsAwaitingMe, useLedProjects, useProjectsById } from './queries';
import type { GateReview, Project } from './types';

const PROJECT_LIMIT = 6;
const REVIEW_LIMIT = 10;

/** One project I lead: phase, health (with ask first), and the most serious signal in words. */
function ProjectRow({ project }: { project: Project }) {
  const { health } = project;
  const signal = health.signals[0];
  return (
    <PanelRow>
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Anchor component={Link} to={`/projects/${project.id}`} fz="sm" fw={500}>
          {project.title}
        </Anchor>
        <Group gap={6} wrap="wrap">
          {health.ask_first && <AskFirstBadge size="xs" />}
          <HealthBadge level={health.level} score={health.score} size="xs" />
          {project.status !== 'active' && <StatusBadge status={project.status} size="xs" />}
          <Text fz="xs" c="dimmed" component="span">
            {project.phase.name}
          </Text>
        </Group>
        {signal ? (
          <Group gap={4} wrap="nowrap" align="flex-start">
            <SeverityIcon severity={signal.severity} />
            <Text fz="xs" c="dimmed" component="span">
              {signal.text}
            </Text>
          </Group>
        ) : (
          <Text fz="xs" c="dimmed">
            {t('projects.health.noSignals')}
          </Text>
        )}
      </Stack>
    </PanelRow>
  );
}

/** "My projects": the open projects I lead, the ones to ask about first at the top. */
export function MyProjectsPanel() {
  const { user } = useSignedIn();
  const projects = useLedProjects(user.id, PROJECT_LIMIT);
  return (
    <section aria-labelledby="home-projects">
      <PanelHeader id="home-projects" title={t('projects.home.myProjects')} link="/projects" linkLabel={t('projects.home.allProjects')} />
      {projects.isPending ? (
        <CardSkeleton lines={4} />
      ) : projects.isError ? (
        <QueryError error={projects.error} retry={() => projects.refetch()} />
      ) : projects.data.length === 0 ? (
        <EmptyState
          icon={<IconRocket size={24} />}
          title={t('projects.home.noProjectsTitle')}
          action={
            <Button component={Link} to="/projects/new" leftSection={<IconPlus size={16} />} variant="light">
              {t('projects.propose')}
            </Button>
          }
        >
          {t('projects.home.noProjectsBody')}
        </EmptyState>
      ) : (
        <PanelRows>
          {projects.data.map((p) => (
            <ProjectRow key={p.id} project={p} />
          ))}
        </PanelRows>
      )}
    </section>
  );
}

/** One review waiting for my decision, named by its project (fetched on its own: the review holds only the ID). */
function ReviewRow({ review, project }: { review: GateReview; project: { data?: Project; isPending: boolean } }) {
  const to = `/projects/${review.project_id}`;
  const title = project.data?.title ?? t('projects.home.projectUnavailable', { id: review.project_id });
  // A requested review is of the project's current phase; the key stands in until the project loads.
  const phase = project.data?.phase.key === review.from_phase ? project.data.phase.name : review.from_phase;
  return (
    <PanelRow>
      <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
        {project.isPending ? (
          <Skeleton height={14} width="60%" my={3} />
        ) : (
          <Anchor component={Link} to={to} fz="sm" fw={500}>
            {title}
          </Anchor>
        )}
        <Text fz="xs" c="dimmed">
          {t('projects.home.reviewOf', { phase, name: review.requested_by.display_name })} · <RelativeTime iso={review.requested_at} />
        </Text>
      </Stack>
      <Button
        component={Link}
        to={to}
        size="compact-sm"
        variant="light"
        leftSection={<IconGavel size={14} aria-hidden />}
        aria-label={t('projects.home.decideLabel', { title })}
      >
        {t('projects.home.decide')}
      </Button>
    </PanelRow>
  );
}

/** "Gate reviews waiting for me": requested reviews naming me as a decision maker, newest first. */
export function GateReviewsPanel() {
  const reviews = useGateReviewsAwaitingMe(REVIEW_LIMIT);
  const items = reviews.data?.items ?? [];
  const ids = [...new Set(items.map((r) => r.project_id))];
  const projects = useProjectsById(ids);
  const projectFor = (id: number) => projects[ids.indexOf(id)] ?? { isPending: true };
  return (
    <section aria-labelledby="home-gate-reviews">
      <PanelHeader id="home-gate-reviews" title={t('projects.home.gateReviews')} link="/projects" linkLabel={t('projects.home.allReviews')} />
      {reviews.isPending ? (
        <CardSkeleton lines={4} />
      ) : reviews.isError ? (
        <QueryError error={reviews.error} retry={() => reviews.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState icon={<IconGavel size={24} />} title={t('projects.home.noReviewsTitle')}>
          {t('projects.home.noReviewsBody')}
        </EmptyState>
      ) : (
        <PanelRows>
          {items.map((r) => (
            <ReviewRow key={r.id} review={r} project={projectFor(r.project_id)} />
          ))}
        </PanelRows>
      )}
    </section>
  );
}
