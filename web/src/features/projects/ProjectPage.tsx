import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  List,
  Modal,
  Progress,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Typography,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconExternalLink, IconGavel, IconNotes, IconShare } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { mapProblem } from '../../api/problem';
import { NotFound } from '../../components/NotFound';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { PageSkeleton } from '../../components/Skeletons';
import { DateTime, RelativeTime } from '../../components/Time';
import { formatNumber } from '../../lib/format';
import { t } from '../../messages';
import { useSpaceOptions } from '../admin/queries';
import { canAdminister, useSignedIn } from '../auth/session';
import { gatekeeperLabel, kindLabel } from '../stakeholders/labels';
import { LevelBadge } from '../stakeholders/parts';
import type { Kind } from '../stakeholders/types';
import { currentCriteria, DecideDialog, RequestReviewDialog } from './GateReviewDialogs';
import { pt, ptp } from './i18n';
import { KpiSection } from './KpiSection';
import { daysSince, decisionLabel, formatLabel, healthParts, parseId, phaseProgress, severityLabel, stakeholderRoleLabel } from './labels';
import { AskFirstBadge, FitBadge, HealthBadge, LearningsBlock, Muted, Section, SeverityIcon, StatusBadge } from './parts';
import {
  setCriterion,
  setKillCriterion,
  shareProject,
  unshareProject,
  useFrameworkVersion,
  useGateReviews,
  useProject,
  useSetProject,
} from './queries';
import type { CriterionState, GateReview, Phase, Project } from './types';
import classes from './projects.module.css';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" fz="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" fz="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

function PhaseTrail({ phases, current }: { phases: Phase[]; current: string }) {
  const index = phases.findIndex((p) => p.key === current);
  return (
    <ol className={classes.phases} aria-label={pt('projects.phases')}>
      {phases.map((p, i) => (
        <li key={p.key} className={classes.phase} data-done={i < index || undefined} aria-current={i === index ? 'step' : undefined}>
          {i + 1}. {p.name}
        </li>
      ))}
    </ol>
  );
}

function HealthPanel({ project }: { project: Project }) {
  const { health } = project;
  const parts = healthParts(health.signals);
  return (
    <Section
      id="health-heading"
      title={pt('projects.healthTitle')}
      action={
        <Group gap={4}>
          {health.ask_first && <AskFirstBadge />}
          <HealthBadge level={health.level} score={health.score} />
        </Group>
      }
    >
      {health.ask_first && (
        <Text fz="sm" fw={500} mb="xs">
          {pt('projects.health.askFirstQuestion')}
        </Text>
      )}
      <Text fz="sm" fw={600} id="health-why">
        {pt('projects.health.why', { score: health.score })}
      </Text>
      {parts.length === 0 ? (
        <Muted>{pt('projects.health.noSignals')}</Muted>
      ) : (
        <List spacing={6} size="sm" mt={4} listStyleType="none" pl={0} aria-labelledby="health-why">
          {parts.map((s) => (
            <List.Item key={s.key}>
              <Group gap={8} wrap="nowrap" align="flex-start">
                <SeverityIcon severity={s.severity} />
                <div>
                  <Text fz="sm">
                    <Text span fz="sm" fw={600}>
                      {severityLabel(s.severity)}:
                    </Text>{' '}
                    {s.text}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {s.cost > 0 ? pt('projects.health.cost', { points: s.cost }) : pt('projects.health.noCost')}
                  </Text>
                </div>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <Text fz="xs" c="dimmed" mt="xs">
        {pt('projects.health.rule')} · {pt('projects.health.computed')} <RelativeTime iso={health.computed_at} />
      </Text>
    </Section>
  );
}

function GuidancePanel({ phase }: { phase: Phase | undefined }) {
  if (!phase)
    return (
      <Section id="guidance-heading" title={pt('projects.guidance')}>
        <Muted>{t('common.loading')}</Muted>
      </Section>
    );
  return (
    <Section id="guidance-heading" title={pt('projects.guidanceFor', { phase: phase.name })}>
      <Stack gap="sm">
        {phase.guidelines_html ? (
          <Typography fz="sm">
            {/* Rendered and sanitized by the server (as notes and summaries elsewhere). */}
            <div dangerouslySetInnerHTML={{ __html: phase.guidelines_html }} />
          </Typography>
        ) : (
          <Muted>{pt('projects.noGuidelines')}</Muted>
        )}
        <Group gap="xs" align="center">
          <Text fz="xs" c="dimmed">
            {pt('projects.recommendedFormats')}
          </Text>
          {phase.recommended_formats.length === 0 ? (
            <Text fz="xs">—</Text>
          ) : (
            phase.recommended_formats.map((f) => (
              <Badge key={f} variant="default" radius="sm" size="sm" style={{ textTransform: 'none' }}>
                {formatLabel(f)}
              </Badge>
            ))
          )}
        </Group>
        <Group gap="xs" align="center">
          <Text fz="xs" c="dimmed">
            {pt('projects.expectedLevel')}
          </Text>
          <LevelBadge level={phase.expected_level} />
        </Group>
        {phase.gatekeepers.length > 0 && (
          <Text fz="xs" c="dimmed">
            {pt('projects.gatekeepersNeeded', { areas: phase.gatekeepers.map(gatekeeperLabel).join(', ') })}
          </Text>
        )}
      </Stack>
    </Section>
  );
}

function CriterionRow({ project, c, canEdit }: { project: Project; c: CriterionState; canEdit: boolean }) {
  const setProject = useSetProject();
  const [url, setUrl] = useState(c.evidence_url ?? '');
  const [error, setError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (body: { met: boolean; evidence_url?: string }) => setCriterion(project.id, c.key, body),
    onSuccess: (p) => setProject(p),
    onError: (e) => {
      const { fieldErrors, message } = mapProblem(e, ['evidence_url', 'met']);
      setError(fieldErrors.evidence_url);
      if (message) notifyError(message);
    },
  });
  const saveUrl = () => {
    if ((c.evidence_url ?? '') === url.trim()) return;
    if (url.trim() && !/^https?:\/\/\S+$/i.test(url.trim())) return setError(pt('projects.review.badUrl'));
    setError(undefined);
    save.mutate({ met: c.met, evidence_url: url.trim() });
  };
  return (
    <List.Item>
      <Stack gap={4}>
        <Checkbox
          label={c.text}
          description={c.evidence_required ? pt('projects.criteria.evidenceRequired') : undefined}
          checked={c.met}
          disabled={!canEdit || save.isPending}
          onChange={(e) => save.mutate({ met: e.currentTarget.checked, ...(url.trim() ? { evidence_url: url.trim() } : {}) })}
        />
        {canEdit ? (
          <TextInput
            size="xs"
            type="url"
            ml={30}
            label={pt('projects.criteria.evidenceFor', { text: c.text })}
            placeholder="https://"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            onBlur={saveUrl}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                saveUrl();
              }
            }}
            error={error}
            rightSection={
              c.evidence_url ? (
                <Anchor href={c.evidence_url} target="_blank" rel="noreferrer" aria-label={pt('projects.criteria.openEvidence', { text: c.text })}>
                  <IconExternalLink size={14} aria-hidden />
                </Anchor>
              ) : undefined
            }
          />
        ) : (
          c.evidence_url && (
            <Anchor href={c.evidence_url} target="_blank" rel="noreferrer" fz="xs" ml={30}>
              {pt('projects.criteria.evidence')}
            </Anchor>
          )
        )}
      </Stack>
    </List.Item>
  );
}

function CriteriaPanel({ project, phase, canEdit }: { project: Project; phase: Phase | undefined; canEdit: boolean }) {
  const criteria = currentCriteria(project, phase);
  const met = criteria.filter((c) => c.met).length;
  return (
    <Section id="criteria-heading" title={pt('projects.criteria.title')} action={<Text fz="xs" c="dimmed">{pt('projects.criteria.progress', { met, total: criteria.length })}</Text>}>
      {criteria.length === 0 ? (
        <Muted>{pt('projects.criteria.none')}</Muted>
      ) : (
        <List spacing="sm" listStyleType="none" pl={0}>
          {criteria.map((c) => (
            <CriterionRow key={`${project.phase.key}-${c.key}`} project={project} c={c} canEdit={canEdit} />
          ))}
        </List>
      )}
    </Section>
  );
}

function KillPanel({ project, canEdit }: { project: Project; canEdit: boolean }) {
  const setProject = useSetProject();
  const save = useMutation({
    mutationFn: ({ key, met }: { key: string; met: boolean }) => setKillCriterion(project.id, key, met),
    onSuccess: (p) => setProject(p),
    onError: (e) => notifyError(e),
  });
  return (
    <Section id="kill-heading" title={pt('projects.killCriteria')}>
      {project.kill_criteria.length === 0 ? (
        <Muted>{pt('projects.kill.none')}</Muted>
      ) : (
        <Stack gap="xs">
          {project.kill_criteria.map((k) => (
            <Checkbox
              key={k.key}
              label={k.text}
              description={k.met ? pt('projects.kill.metHint') : undefined}
              checked={k.met}
              color="red"
              disabled={!canEdit || save.isPending}
              onChange={(e) => save.mutate({ key: k.key, met: e.currentTarget.checked })}
            />
          ))}
        </Stack>
      )}
    </Section>
  );
}

function ReviewItem({ review, phases, onDecide, canDecide }: { review: GateReview; phases: Phase[]; onDecide: () => void; canDecide: boolean }) {
  const phaseName = (key: string | null) => phases.find((p) => p.key === key)?.name ?? key ?? '';
  return (
    <List.Item>
      <Stack gap={2}>
        <Group gap="xs" wrap="wrap">
          <Text fz="sm" fw={600}>
            {pt('projects.review.from', { phase: phaseName(review.from_phase) })}
          </Text>
          {review.decision ? (
            <Badge variant="light" radius="sm" size="sm" style={{ textTransform: 'none' }} leftSection={<IconGavel size={12} aria-hidden />}>
              {decisionLabel(review.decision)}
            </Badge>
          ) : (
            <Badge variant="outline" radius="sm" size="sm" color="orange" style={{ textTransform: 'none' }}>
              {pt('projects.review.open')}
            </Badge>
          )}
        </Group>
        <Text fz="xs" c="dimmed">
          {pt('projects.review.requestedBy', { name: review.requested_by.display_name })} <DateTime iso={review.requested_at} />
          {review.decision_makers.length > 0 && ` · ${pt('projects.review.makers', { names: review.decision_makers.map((u) => u.display_name).join(', ') })}`}
        </Text>
        <Text fz="xs" c="dimmed">
          {pt('projects.review.criteriaMet', { met: review.criteria.filter((c) => c.met).length, total: review.criteria.length })}
          {review.kpi_values.length > 0 && ` · ${review.kpi_values.map((k) => `${k.kpi_key}: ${formatNumber(k.value)}`).join(', ')}`}
        </Text>
        {review.decision && (
          <>
            {review.rationale && <Text fz="sm">{review.rationale}</Text>}
            {review.decision === 'pivot' && (
              <Text fz="sm">
                {pt('projects.review.pivotedTo', { phase: phaseName(review.pivot_to_phase) })} {review.new_hypothesis}
              </Text>
            )}
            {review.learnings && (
              <Text fz="sm">
                {pt('projects.learnings.learned')}: {review.learnings.learned}
              </Text>
            )}
            {review.decided_by && (
              <Text fz="xs" c="dimmed">
                {pt('projects.review.decidedBy', { name: review.decided_by.display_name })} <DateTime iso={review.decided_at} />
              </Text>
            )}
          </>
        )}
        {!review.decision && canDecide && (
          <Button size="compact-sm" variant="light" onClick={onDecide} style={{ alignSelf: 'flex-start' }} leftSection={<IconGavel size={14} aria-hidden />}>
            {pt('projects.decision.open')}
          </Button>
        )}
      </Stack>
    </List.Item>
  );
}

function ShareDialog({ project, opened, onClose }: { project: Project; opened: boolean; onClose: () => void }) {
  const setProject = useSetProject();
  const spaces = useSpaceOptions(opened);
  const [spaceId, setSpaceId] = useState(project.share ? String(project.share.space_id) : '');
  const [summary, setSummary] = useState(project.share?.summary ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => shareProject(project.id, { space_id: Number(spaceId), summary: summary.trim() }),
    onSuccess: async (p) => {
      await setProject(p);
      notifySuccess(pt('projects.share.saved'));
      onClose();
    },
    onError: (e) => {
      const { fieldErrors, message } = mapProblem(e, ['space_id', 'summary']);
      setErrors(fieldErrors);
      if (message) notifyError(message);
    },
  });
  const stop = useMutation({
    mutationFn: () => unshareProject(project.id),
    onSuccess: async () => {
      await setProject({ ...project, share: null });
      notifySuccess(pt('projects.share.stopped'));
      onClose();
    },
    onError: (e) => notifyError(e),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={pt('projects.share.title')}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const next: Record<string, string> = {};
          if (!spaceId) next.space_id = t('form.required');
          if (!summary.trim()) next.summary = t('form.required');
          setErrors(next);
          if (Object.keys(next).length === 0) save.mutate();
        }}
      >
        <Stack gap="sm">
          <Text fz="sm" c="dimmed">
            {pt('projects.share.intro')}
          </Text>
          <Select label={pt('projects.share.space')} data={spaces.data ?? []} value={spaceId || null} onChange={(v) => setSpaceId(v ?? '')} searchable required error={errors.space_id} />
          <Textarea label={pt('projects.share.summary')} autosize minRows={4} maxLength={4000} required value={summary} onChange={(e) => setSummary(e.currentTarget.value)} error={errors.summary} />
          <Group justify="space-between">
            {project.share ? (
              <Button variant="subtle" color="red" onClick={() => stop.mutate()} loading={stop.isPending}>
                {pt('projects.share.stop')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {pt('projects.share.submit')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ProjectView({ project }: { project: Project }) {
  const { user } = useSignedIn();
  const version = useFrameworkVersion(project.framework.id, project.framework.version);
  const reviews = useGateReviews(project.id);
  const [requestOpened, request] = useDisclosure(false);
  const [shareOpened, share] = useDisclosure(false);
  const [deciding, setDeciding] = useState<GateReview | null>(null);
  const phases = version.data?.phases ?? [];
  const phase = phases.find((p) => p.key === project.phase.key);
  const progress = phaseProgress(
    phases.map((p) => p.key),
    project.phase.key,
  );
  const manager = canAdminister(user.role);
  const canEdit =
    manager || project.lead.id === user.id || project.sponsor?.id === user.id || project.team.some((m) => m.user_id === user.id);
  const open = (reviews.data ?? []).find((r) => r.status === 'requested');
  const closed = project.status === 'stopped' || project.status === 'completed';
  const days = daysSince(project.phase.entered_at);

  return (
    <>
      <PageHeader
        title={project.title}
        crumbs={[{ label: pt('projects.title'), to: '/projects' }]}
        actions={
          <>
            {canEdit && (
              <Button variant="default" leftSection={<IconShare size={16} aria-hidden />} onClick={share.open}>
                {project.share ? pt('projects.share.edit') : pt('projects.share.open')}
              </Button>
            )}
            {canEdit && !closed && !open && (
              <Button leftSection={<IconGavel size={16} aria-hidden />} onClick={request.open}>
                {pt('projects.review.requestShort')}
              </Button>
            )}
            {open && (manager || open.decision_makers.some((u) => u.id === user.id)) && (
              <Button leftSection={<IconGavel size={16} aria-hidden />} onClick={() => setDeciding(open)}>
                {pt('projects.decision.open')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <Stack gap="xs">
          <Group gap="xs">
            <StatusBadge status={project.status} />
            {project.health.ask_first && <AskFirstBadge />}
            <HealthBadge level={project.health.level} score={project.health.score} />
            {open && (
              <Badge variant="outline" color="orange" radius="sm" style={{ textTransform: 'none' }}>
                {pt('projects.review.openBadge')}
              </Badge>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap" align="center">
            <Text fz="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {progress.total > 0 ? pt('projects.phaseStep', { step: progress.step, total: progress.total, phase: project.phase.name }) : project.phase.name}
            </Text>
            <Progress value={progress.percent} size="sm" style={{ flex: 1 }} aria-label={pt('projects.phaseProgress')} maw={320} />
          </Group>
          {phases.length > 0 && <PhaseTrail phases={phases} current={project.phase.key} />}
          <Group component="dl" gap="xl" m={0} wrap="wrap">
            <Fact label={pt('projects.lead')}>{project.lead.display_name}</Fact>
            <Fact label={pt('projects.sponsor')}>{project.sponsor?.display_name ?? pt('projects.noSponsor')}</Fact>
            <Fact label={pt('projects.inPhase')}>
              {project.phase.max_days > 0 ? pt('projects.daysOfMax', { days, max: project.phase.max_days }) : ptp('projects.board.daysInPhase', days)}
            </Fact>
            <Fact label={pt('projects.framework')}>{pt('projects.frameworkVersion', { name: project.framework.name, version: project.framework.version })}</Fact>
            {project.budget && (
              <Fact label={pt('projects.field.budget')}>
                {new Intl.NumberFormat(undefined, { style: 'currency', currency: project.budget.currency || 'EUR', maximumFractionDigits: 0 }).format(project.budget.amount)}
              </Fact>
            )}
            {project.effort_days !== null && <Fact label={pt('projects.field.effort')}>{ptp('projects.days', project.effort_days)}</Fact>}
          </Group>
        </Stack>

        {project.status === 'stopped' && project.learnings && (
          <Alert color="gray" variant="light" icon={<IconNotes size={18} aria-hidden />} title={pt('projects.stopped.bannerTitle')}>
            <Text fz="sm" mb="xs">
              {pt('projects.stopped.respect')}
            </Text>
            <LearningsBlock learnings={project.learnings} />
          </Alert>
        )}

        <Grid gutter="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">
              <HealthPanel project={project} />
              <GuidancePanel phase={phase} />
              <CriteriaPanel project={project} phase={phase} canEdit={canEdit && !closed} />
              <KpiSection project={project} version={version.data} canEdit={canEdit} />
              <Section id="reviews-heading" title={pt('projects.reviews')}>
                {reviews.isPending ? (
                  <Muted>{t('common.loading')}</Muted>
                ) : reviews.isError ? (
                  <QueryError error={reviews.error} retry={() => reviews.refetch()} />
                ) : reviews.data.length === 0 ? (
                  <Muted>{pt('projects.review.none')}</Muted>
                ) : (
                  <List spacing="md" listStyleType="none" pl={0}>
                    {reviews.data.map((r) => (
                      <ReviewItem
                        key={r.id}
                        review={r}
                        phases={phases}
                        canDecide={manager || r.decision_makers.some((u) => u.id === user.id)}
                        onDecide={() => setDeciding(r)}
                      />
                    ))}
                  </List>
                )}
              </Section>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              <Section id="problem-heading" title={pt('projects.problemAndHypothesis')}>
                <Stack gap="xs">
                  <Text fz="xs" c="dimmed">
                    {pt('projects.field.problem')}
                  </Text>
                  <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {project.problem_statement}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {pt('projects.field.hypothesis')}
                  </Text>
                  <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {project.hypothesis}
                  </Text>
                </Stack>
              </Section>
              <KillPanel project={project} canEdit={canEdit && !closed} />
              <Section id="fit-heading" title={pt('projects.fit.title')} action={<FitBadge recommendation={project.fit.recommendation} score={project.fit.score} />}>
                {project.fit.reasons.length === 0 ? (
                  <Muted>{pt('projects.fit.noReasons')}</Muted>
                ) : (
                  <List size="sm" spacing={2}>
                    {project.fit.reasons.map((r) => (
                      <List.Item key={r}>{r}</List.Item>
                    ))}
                  </List>
                )}
              </Section>
              <Section id="team-heading" title={pt('projects.team')}>
                {project.team.length === 0 ? (
                  <Muted>{pt('projects.field.teamEmpty')}</Muted>
                ) : (
                  <List size="sm" spacing={2} listStyleType="none" pl={0}>
                    {project.team.map((m) => (
                      <List.Item key={m.user_id}>
                        {m.display_name}
                        {m.role && <Text span c="dimmed" fz="sm">{` · ${m.role}`}</Text>}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Section>
              <Section id="stakeholders-heading" title={pt('projects.stakeholders')}>
                {project.stakeholders.length === 0 ? (
                  <Muted>{pt('projects.field.stakeholdersEmpty')}</Muted>
                ) : (
                  <List size="sm" spacing={6} listStyleType="none" pl={0}>
                    {project.stakeholders.map((s) => (
                      <List.Item key={s.stakeholder_id}>
                        <Anchor component={Link} to={`/stakeholders/${s.stakeholder_id}`} fz="sm">
                          {s.name}
                        </Anchor>
                        <Text fz="xs" c="dimmed">
                          {[stakeholderRoleLabel(s.role), kindLabelSafe(s.kind), s.commitment].filter(Boolean).join(' · ')}
                        </Text>
                      </List.Item>
                    ))}
                  </List>
                )}
              </Section>
              <Section id="share-heading" title={pt('projects.share.heading')}>
                {project.share ? (
                  <Stack gap={4}>
                    <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {project.share.summary}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {pt('projects.share.sharedAt')} <RelativeTime iso={project.share.shared_at} />
                    </Text>
                  </Stack>
                ) : (
                  <Muted>{pt('projects.share.notShared')}</Muted>
                )}
              </Section>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
      <RequestReviewDialog projectId={project.id} opened={requestOpened} onClose={request.close} />
      {shareOpened && <ShareDialog project={project} opened={shareOpened} onClose={share.close} />}
      {deciding && <DecideDialog review={deciding} project={project} phases={phases} opened onClose={() => setDeciding(null)} />}
    </>
  );
}

/** The stakeholder kind in words; a kind this version does not know is shown as sent. */
function kindLabelSafe(kind: string): string {
  return (kindLabel(kind as Kind) as string | undefined) || kind;
}

/** /projects/:id — the project with its health, phase guidance, criteria, KPIs and gate reviews. */
export default function ProjectPage() {
  const { id } = useParams();
  const projectId = parseId(id);
  const project = useProject(projectId);
  if (projectId === undefined) return <NotFound />;
  if (project.isPending) return <PageSkeleton />;
  if (project.isError) return <QueryError error={project.error} retry={() => project.refetch()} />;
  return <ProjectView project={project.data} />;
}

