// The projects panels of the home page ("My week"): the projects I lead with their health, and
// the gate reviews waiting for my decision. Internal users only, like the rest of the module.
import { Anchor, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconGavel, IconPlus, IconRocket } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { QueryError } from '../../components/QueryError';
import { CardSkeleton } from '../../components/Skeletons';
import { RelativeTime } from '../../components/Time';
import { t } from '../../messages';
import { useSignedIn } from '../auth/session';
import { AskFirstBadge, HealthBadge, SeverityIcon, StatusBadge } from './parts';
import { useGateReviewsAwaitingMe, useLedProjects, useProjectsById } from './queries';
import type { GateReview, Project } from './types';
import classes from './projects.module.css';

const PROJECT_LIMIT = 6;
const REVIEW_LIMIT = 10;

function PanelHeader({ id, title, link, linkLabel }: { id: string; title: string; link: string; linkLabel: string }) {
  return (
    <Group justify="space-between" mb="sm" align="baseline" wrap="nowrap">
      <Title order={2} fz="lg" id={id}>
        {title}
      </Title>
      <Anchor component={Link} to={link} fz="sm">
        {linkLabel}
      </Anchor>
    </Group>
  );
}

function Rows({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder radius="md" px="md" py={4}>
      <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {children}
      </Stack>
    </Paper>
  );
}

function Row({ children }: { children: ReactNode }) {
  return (
    <Group component="li" justify="space-between" gap="xs" py={8} wrap="wrap" className={classes.homeRow}>
      {children}
    </Group>
  );
}

/** One project I lead: phase, health (with ask first), and the most serious signal in words. */
function ProjectRow({ project }: { project: Project }) {
  const { health } = project;
  const signal = health.signals[0];
  return (
    <Row>
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
    </Row>
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
        <Rows>
          {projects.data.map((p) => (
            <ProjectRow key={p.id} project={p} />
          ))}
        </Rows>
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
    <Row>
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
    </Row>
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
        <Rows>
          {items.map((r) => (
            <ReviewRow key={r.id} review={r} project={projectFor(r.project_id)} />
          ))}
        </Rows>
      )}
    </section>
  );
}
