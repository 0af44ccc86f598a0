import {
  ActionIcon,
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
import { getHotkeyHandler, useDisclosure } from '@mantine/hooks';
import { IconExternalLink, IconGavel, IconLink, IconMessagePlus, IconNotes, IconShare } from '@tabler/icons-react';
import { useMutation, useQueries } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { ApiError, mapProblem } from '../../api/problem';
import { NotFound } from '../../components/NotFound';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { PageSkeleton } from '../../components/Skeletons';
import { DateTime, RelativeTime } from '../../components/Time';
import { formatNumber } from '../../lib/format';
import { t, tp } from '../../messages';
import { useSpaceOptions } from '../admin/queries';
import { StakeholderSelect } from '../engagement/pickers';
import { canAdminister, useSignedIn } from '../auth/session';
import { gatekeeperLabel, kindLabel } from '../stakeholders/labels';
import { LevelBadge } from '../stakeholders/parts';
import { currentCriteria, DecideDialog, RequestReviewDialog } from './GateReviewDialogs';
import { KpiSection } from './KpiSection';
import { daysSince, decisionLabel, formatLabel, healthParts, parseId, phaseProgress, severityLabel, stakeholderRoleLabel } from './labels';
import { AskFirstBadge, FitBadge, HealthBadge, LearningsBlock, Muted, Section, SeverityIcon, StatusBadge } from './parts';
import {
  setCriterion,
  setKillCriterion,
  shareProject,
  unshareProject,
  updateProject,
  useFrameworkVersion,
  useGateReviews,
  useInvalidateProjects,
  useProject,
  useSetProject,
} from './queries';
import { STAKEHOLDER_ROLES, type CriterionPut, type CriterionState, type GateReview, type KpiDefinition, type Phase, type Project, type ProjectStakeholderRole } from './types';
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
    <ol className={classes.phases} aria-label={t('projects.phases')}>
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
  // A stopped or completed project is past asking: the health stays for the record.
  const closed = project.status === 'stopped' || project.status === 'completed';
  const askFirst = health.ask_first && !closed;
  return (
    <Section
      id="health-heading"
      title={t('projects.healthTitle')}
      action={
        <Group gap={4}>
          {askFirst && <AskFirstBadge />}
          <HealthBadge level={health.level} score={health.score} />
        </Group>
      }
    >
      {askFirst && (
        <Text fz="sm" fw={500} mb="xs">
          {t('projects.health.askFirstQuestion')}
        </Text>
      )}
      {closed && (
        <Text fz="sm" c="dimmed" mb="xs">
          {t('projects.health.closed')}
        </Text>
      )}
      <Text fz="sm" fw={600} id="health-why">
        {t('projects.health.why', { score: health.score })}
      </Text>
      {parts.length === 0 ? (
        <Muted>{t('projects.health.noSignals')}</Muted>
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
                    {s.cost > 0 ? t('projects.health.cost', { points: s.cost }) : t('projects.health.noCost')}
                  </Text>
                </div>
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      <Text fz="xs" c="dimmed" mt="xs">
        {t('projects.health.rule')} · {t('projects.health.computed')} <RelativeTime iso={health.computed_at} />
      </Text>
    </Section>
  );
}

function GuidancePanel({ phase }: { phase: Phase | undefined }) {
  if (!phase)
    return (
      <Section id="guidance-heading" title={t('projects.guidance')}>
        <Muted>{t('common.loading')}</Muted>
      </Section>
    );
  return (
    <Section id="guidance-heading" title={t('projects.guidanceFor', { phase: phase.name })}>
      <Stack gap="sm">
        {phase.guidelines_html ? (
          <Typography fz="sm">
            {/* Rendered and sanitized by the server (as notes and summaries elsewhere). */}
            <div dangerouslySetInnerHTML={{ __html: phase.guidelines_html }} />
          </Typography>
        ) : (
          <Muted>{t('projects.noGuidelines')}</Muted>
        )}
        <Group gap="xs" align="center">
          <Text fz="xs" c="dimmed">
            {t('projects.recommendedFormats')}
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
            {t('projects.expectedLevel')}
          </Text>
          {phase.expected_level ? <LevelBadge level={phase.expected_level} /> : <Text fz="xs">—</Text>}
        </Group>
        {phase.gatekeepers.length > 0 && (
          <Text fz="xs" c="dimmed">
            {t('projects.gatekeepersNeeded', { areas: phase.gatekeepers.map(gatekeeperLabel).join(', ') })}
          </Text>
        )}
      </Stack>
    </Section>
  );
}

const isHttpUrl = (v: string) => /^https?:\/\/\S+$/i.test(v);

function CriterionRow({ project, c, canEdit }: { project: Project; c: CriterionState; canEdit: boolean }) {
  const setProject = useSetProject();
  const [url, setUrl] = useState(c.evidence_url ?? '');
  const [error, setError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: (body: CriterionPut) => setCriterion(project.id, c.key, body),
    onSuccess: (p) => setProject(p),
    onError: (e) => {
      const { fieldErrors, message } = mapProblem(e, ['evidence_url', 'met']);
      setError(fieldErrors.evidence_url);
      if (message) notifyError(message);
    },
  });
  const saveUrl = () => {
    const next = url.trim();
    if ((c.evidence_url ?? '') === next) return;
    if (next && !isHttpUrl(next)) return setError(t('projects.review.badUrl'));
    setError(undefined);
    // An emptied field removes the link (null); leaving it out would keep the old one.
    save.mutate({ met: c.met, evidence_url: next || null });
  };
  return (
    <li>
      <Stack gap={4}>
        <Checkbox
          label={c.text}
          description={c.evidence_required ? t('projects.criteria.evidenceRequired') : undefined}
          // Shows the change at once; the server's answer (or an error) settles it.
          checked={save.isPending && save.variables ? save.variables.met : c.met}
          disabled={!canEdit || save.isPending}
          onChange={(e) => {
            const next = url.trim();
            // A link typed but not yet saved goes along; otherwise the stored one is kept.
            const withUrl = next && next !== (c.evidence_url ?? '') && isHttpUrl(next);
            save.mutate({ met: e.currentTarget.checked, ...(withUrl ? { evidence_url: next } : {}) });
          }}
        />
        {canEdit ? (
          <TextInput
            size="xs"
            type="url"
            ml={30}
            maw={520}
            label={t('projects.criteria.evidenceFor', { text: c.text })}
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
                <Anchor href={c.evidence_url} target="_blank" rel="noreferrer" aria-label={t('projects.criteria.openEvidence', { text: c.text })}>
                  <IconExternalLink size={14} aria-hidden />
                </Anchor>
              ) : undefined
            }
          />
        ) : (
          c.evidence_url && (
            <Anchor href={c.evidence_url} target="_blank" rel="noreferrer" fz="xs" ml={30}>
              {t('projects.criteria.evidence')}
            </Anchor>
          )
        )}
      </Stack>
    </li>
  );
}

function CriteriaPanel({ project, canEdit }: { project: Project; canEdit: boolean }) {
  const criteria = currentCriteria(project);
  const met = criteria.filter((c) => c.met).length;
  return (
    <Section id="criteria-heading" title={t('projects.criteria.title')} action={<Text fz="xs" c="dimmed">{t('projects.criteria.progress', { met, total: criteria.length })}</Text>}>
      {criteria.length === 0 ? (
        <Muted>{t('projects.criteria.none')}</Muted>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
          {criteria.map((c) => (
            <CriterionRow key={`${project.phase.key}-${c.key}`} project={project} c={c} canEdit={canEdit} />
          ))}
        </Stack>
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
    <Section id="kill-heading" title={t('projects.killCriteria')}>
      {project.kill_criteria.length === 0 ? (
        <Muted>{t('projects.kill.none')}</Muted>
      ) : (
        <Stack gap="xs">
          {project.kill_criteria.map((k) => (
            <Checkbox
              key={k.key}
              label={k.text}
              description={k.met ? t('projects.kill.metHint') : undefined}
              checked={save.isPending && save.variables?.key === k.key ? save.variables.met : k.met}
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

function ReviewItem({
  review,
  phases,
  kpis,
  onDecide,
  canDecide,
}: {
  review: GateReview;
  phases: Phase[];
  kpis: KpiDefinition[];
  onDecide: () => void;
  canDecide: boolean;
}) {
  const kpiName = (key: string) => kpis.find((k) => k.key === key)?.name ?? key;
  const phaseName = (key: string | null) => phases.find((p) => p.key === key)?.name ?? key ?? '';
  return (
    <List.Item>
      <Stack gap={2}>
        <Group gap="xs" wrap="wrap">
          <Text fz="sm" fw={600}>
            {t('projects.review.from', { phase: phaseName(review.from_phase) })}
          </Text>
          {review.decision ? (
            <Badge variant="light" radius="sm" size="sm" style={{ textTransform: 'none' }} leftSection={<IconGavel size={12} aria-hidden />}>
              {decisionLabel(review.decision)}
            </Badge>
          ) : (
            <Badge variant="outline" radius="sm" size="sm" color="orange" style={{ textTransform: 'none' }}>
              {t('projects.review.open')}
            </Badge>
          )}
        </Group>
        <Text fz="xs" c="dimmed">
          {t('projects.review.requestedBy', { name: review.requested_by.display_name })} <DateTime iso={review.requested_at} />
          {review.decision_makers.length > 0 && ` · ${t('projects.review.makers', { names: review.decision_makers.map((u) => u.display_name).join(', ') })}`}
        </Text>
        <Text fz="xs" c="dimmed">
          {t('projects.review.criteriaMet', { met: review.criteria.filter((c) => c.met).length, total: review.criteria.length })}
          {review.kpi_values.length > 0 && ` · ${review.kpi_values.map((k) => `${kpiName(k.kpi_key)}: ${formatNumber(k.value)}`).join(', ')}`}
        </Text>
        {review.decision && (
          <>
            {review.rationale && <Text fz="sm">{review.rationale}</Text>}
            {review.decision === 'pivot' && (
              <Text fz="sm">
                {t('projects.review.pivotedTo', { phase: phaseName(review.pivot_to_phase) })} {review.new_hypothesis}
              </Text>
            )}
            {review.learnings && (
              <Text fz="sm">
                {t('projects.learnings.learned')}: {review.learnings.learned}
              </Text>
            )}
            {review.decided_by && (
              <Text fz="xs" c="dimmed">
                {t('projects.review.decidedBy', { name: review.decided_by.display_name })} <DateTime iso={review.decided_at} />
              </Text>
            )}
          </>
        )}
        {!review.decision && canDecide && (
          <Button size="compact-sm" variant="light" onClick={onDecide} style={{ alignSelf: 'flex-start' }} leftSection={<IconGavel size={14} aria-hidden />}>
            {t('projects.decision.open')}
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
      notifySuccess(t('projects.share.saved'));
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
      notifySuccess(t('projects.share.stopped'));
      onClose();
    },
    onError: (e) => notifyError(e),
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('projects.share.title')}>
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
            {t('projects.share.intro')}
          </Text>
          <Select label={t('projects.share.space')} data={spaces.data ?? []} value={spaceId || null} onChange={(v) => setSpaceId(v ?? '')} searchable required error={errors.space_id} />
          <Textarea label={t('projects.share.summary')} autosize minRows={4} maxLength={2000} required value={summary} onChange={(e) => setSummary(e.currentTarget.value)} error={errors.summary} />
          <Group justify="space-between">
            {project.share ? (
              <Button variant="subtle" color="red" onClick={() => stop.mutate()} loading={stop.isPending}>
                {t('projects.share.stop')}
              </Button>
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('projects.share.submit')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const roleOptions = STAKEHOLDER_ROLES.map((r) => ({ value: r, label: stakeholderRoleLabel(r) }));

/** Adds a stakeholder to the project (PATCH with the whole list, and the version last read). */
function LinkStakeholderDialog({ project, opened, onClose }: { project: Project; opened: boolean; onClose: () => void }) {
  const setProject = useSetProject();
  const invalidate = useInvalidateProjects();
  const [stakeholderId, setStakeholderId] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<ProjectStakeholderRole>('customer');
  const [commitment, setCommitment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      updateProject(project.id, {
        version: project.version,
        stakeholders: [
          ...project.stakeholders.map((s) => ({ stakeholder_id: s.stakeholder_id, role: s.role, commitment: s.commitment })),
          { stakeholder_id: Number(stakeholderId), role, commitment: commitment.trim() },
        ],
      }),
    onSuccess: async (p) => {
      await setProject(p);
      notifySuccess(t('projects.link.saved', { name }));
      onClose();
    },
    onError: async (e) => {
      if (e instanceof ApiError && e.status === 409) {
        // The project changed since it was read: show the latest, keep what was chosen here.
        await invalidate();
        return notifyError(t('projects.link.conflict'));
      }
      const { fieldErrors, message } = mapProblem(e, ['stakeholders']);
      setErrors(fieldErrors);
      if (message) notifyError(message);
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('projects.link.title', { title: project.title })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!stakeholderId) return setErrors({ stakeholders: t('form.required') });
          save.mutate();
        }}
        onKeyDown={getHotkeyHandler([['mod+Enter', () => stakeholderId && save.mutate()]])}
      >
        <Stack gap="sm">
          <StakeholderSelect
            label={t('projects.link.stakeholder')}
            required
            data-autofocus
            value={stakeholderId}
            exclude={project.stakeholders.map((s) => s.stakeholder_id)}
            onChange={(id, item) => {
              setStakeholderId(id);
              setName(item?.name ?? '');
              if (item?.kind === 'internal_gatekeeper') setRole('gatekeeper');
              setErrors({});
            }}
            error={errors.stakeholders}
          />
          <Select label={t('projects.link.role')} data={roleOptions} value={role} allowDeselect={false} onChange={(v) => setRole((v ?? 'customer') as ProjectStakeholderRole)} />
          <TextInput
            label={t('projects.link.commitment')}
            placeholder={t('projects.field.commitmentPlaceholder')}
            maxLength={500}
            value={commitment}
            onChange={(e) => setCommitment(e.currentTarget.value)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('projects.link.submit')}
            </Button>
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
  const [linkOpened, link] = useDisclosure(false);
  const [deciding, setDeciding] = useState<GateReview | null>(null);
  const phases = version.data?.phases ?? [];
  const phase = phases.find((p) => p.key === project.phase.key);
  const progress = phaseProgress(
    phases.map((p) => p.key),
    project.phase.key,
  );
  const manager = canAdminister(user.role);
  // Who may do what (api/openapi.yaml): lead, team and managers work on the project (criteria,
  // KPI values, reviews); the sponsor may also change it; only the lead and managers share it.
  const isLead = project.lead.id === user.id;
  const canWork = manager || isLead || project.team.some((m) => m.user_id === user.id);
  const canUpdate = canWork || project.sponsor?.id === user.id;
  const canShare = manager || isLead;
  const open = (reviews.data ?? []).find((r) => r.status === 'requested');
  const closed = project.status === 'stopped' || project.status === 'completed';
  const days = daysSince(project.phase.entered_at);

  return (
    <>
      <PageHeader
        title={project.title}
        crumbs={[{ label: t('projects.title'), to: '/projects' }]}
        actions={
          <>
            {canShare && (
              <Button variant="default" leftSection={<IconShare size={16} aria-hidden />} onClick={share.open}>
                {project.share ? t('projects.share.edit') : t('projects.share.open')}
              </Button>
            )}
            {canWork && !closed && !open && (
              <Button leftSection={<IconGavel size={16} aria-hidden />} onClick={request.open}>
                {t('projects.review.requestShort')}
              </Button>
            )}
            {open && (manager || open.decision_makers.some((u) => u.id === user.id)) && (
              <Button leftSection={<IconGavel size={16} aria-hidden />} onClick={() => setDeciding(open)}>
                {t('projects.decision.open')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <Stack gap="xs">
          <Group gap="xs">
            <StatusBadge status={project.status} />
            {project.health.ask_first && !closed && <AskFirstBadge />}
            <HealthBadge level={project.health.level} score={project.health.score} />
            {open && (
              <Badge variant="outline" color="orange" radius="sm" style={{ textTransform: 'none' }}>
                {t('projects.review.openBadge')}
              </Badge>
            )}
          </Group>
          <Group gap="sm" wrap="nowrap" align="center">
            <Text fz="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
              {progress.total > 0 ? t('projects.phaseStep', { step: progress.step, total: progress.total, phase: project.phase.name }) : project.phase.name}
            </Text>
            <Progress value={progress.percent} size="sm" style={{ flex: 1 }} aria-label={t('projects.phaseProgress')} maw={320} />
          </Group>
          {phases.length > 0 && <PhaseTrail phases={phases} current={project.phase.key} />}
          <Group component="dl" gap="xl" m={0} wrap="wrap">
            <Fact label={t('projects.lead')}>{project.lead.display_name}</Fact>
            <Fact label={t('projects.sponsor')}>{project.sponsor?.display_name ?? t('projects.noSponsor')}</Fact>
            <Fact label={t('projects.inPhase')}>
              {project.phase.max_days > 0 ? t('projects.daysOfMax', { days, max: project.phase.max_days }) : tp('projects.board.daysInPhase', days)}
            </Fact>
            <Fact label={t('projects.framework')}>{t('projects.frameworkVersion', { name: project.framework.name, version: project.framework.version })}</Fact>
            {project.budget && (
              <Fact label={t('projects.field.budget')}>
                {new Intl.NumberFormat(undefined, { style: 'currency', currency: project.budget.currency || 'EUR', maximumFractionDigits: 0 }).format(project.budget.amount)}
              </Fact>
            )}
            {project.effort_days !== null && <Fact label={t('projects.field.effort')}>{tp('projects.days', project.effort_days)}</Fact>}
          </Group>
        </Stack>

        {project.status === 'stopped' && project.learnings && (
          <Alert color="gray" variant="light" icon={<IconNotes size={18} aria-hidden />} title={t('projects.stopped.bannerTitle')}>
            <Text fz="sm" mb="xs">
              {t('projects.stopped.respect')}
            </Text>
            <LearningsBlock learnings={project.learnings} />
          </Alert>
        )}

        <Grid gutter="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="md">
              <HealthPanel project={project} />
              <GuidancePanel phase={phase} />
              <CriteriaPanel project={project} canEdit={canWork && !closed} />
              <KpiSection project={project} version={version.data} canEdit={canWork && project.status !== 'stopped'} />
              <Section id="reviews-heading" title={t('projects.reviews')}>
                {reviews.isPending ? (
                  <Muted>{t('common.loading')}</Muted>
                ) : reviews.isError ? (
                  <QueryError error={reviews.error} retry={() => reviews.refetch()} />
                ) : reviews.data.length === 0 ? (
                  <Muted>{t('projects.review.none')}</Muted>
                ) : (
                  <List spacing="md" listStyleType="none" pl={0}>
                    {reviews.data.map((r) => (
                      <ReviewItem
                        key={r.id}
                        review={r}
                        phases={phases}
                        kpis={version.data?.kpis ?? []}
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
              <Section id="problem-heading" title={t('projects.problemAndHypothesis')}>
                <Stack gap="xs">
                  <Text fz="xs" c="dimmed">
                    {t('projects.field.problem')}
                  </Text>
                  <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {project.problem_statement}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {t('projects.field.hypothesis')}
                  </Text>
                  <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {project.hypothesis}
                  </Text>
                </Stack>
              </Section>
              <KillPanel project={project} canEdit={canWork && !closed} />
              <Section id="fit-heading" title={t('projects.fit.title')} action={<FitBadge recommendation={project.fit.recommendation} score={project.fit.score} />}>
                {project.fit.flagged && (
                  <Text fz="sm" fw={500} mb={4}>
                    {t('projects.fit.flaggedProject')}
                  </Text>
                )}
                {project.fit.reasons.length === 0 ? (
                  <Muted>{t('projects.fit.noReasons')}</Muted>
                ) : (
                  <List size="sm" spacing={2}>
                    {project.fit.reasons.map((r) => (
                      <List.Item key={r}>{r}</List.Item>
                    ))}
                  </List>
                )}
              </Section>
              <Section id="team-heading" title={t('projects.team')}>
                {project.team.length === 0 ? (
                  <Muted>{t('projects.teamEmpty')}</Muted>
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
              <Section
                id="stakeholders-heading"
                title={t('projects.stakeholders')}
                action={
                  canUpdate && !closed ? (
                    <Button size="compact-sm" variant="light" leftSection={<IconLink size={14} aria-hidden />} onClick={link.open}>
                      {t('projects.link.open')}
                    </Button>
                  ) : undefined
                }
              >
                {project.stakeholders.length === 0 ? (
                  <Muted>{t('projects.field.stakeholdersEmpty')}</Muted>
                ) : (
                  <List size="sm" spacing={6} listStyleType="none" pl={0}>
                    {project.stakeholders.map((s) => (
                      <List.Item key={s.stakeholder_id}>
                        <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                          <div>
                            <Anchor component={Link} to={`/stakeholders/${s.stakeholder_id}`} fz="sm">
                              {s.name}
                            </Anchor>
                            <Text fz="xs" c="dimmed">
                              {/* The kind only when it says more than the role ("Customer · Customer" says nothing). */}
                              {[...new Set([stakeholderRoleLabel(s.role), kindLabel(s.kind)]), s.commitment].filter(Boolean).join(' · ')}
                            </Text>
                          </div>
                          <ActionIcon
                            component={Link}
                            to={`/engagement/interactions/new?stakeholder_id=${s.stakeholder_id}`}
                            variant="subtle"
                            color="gray"
                            aria-label={t('projects.logInteraction', { name: s.name })}
                            title={t('projects.logInteraction', { name: s.name })}
                          >
                            <IconMessagePlus size={16} aria-hidden />
                          </ActionIcon>
                        </Group>
                      </List.Item>
                    ))}
                  </List>
                )}
                <Text fz="xs" c="dimmed" mt="xs">
                  {tp('projects.interactions', project.interaction_ids.length)}
                </Text>
              </Section>
              <IdeasPanel ideaIds={project.idea_ids} />
              <Section id="share-heading" title={t('projects.share.heading')}>
                {project.share ? (
                  <Stack gap={4}>
                    <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {project.share.summary}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {t('projects.share.sharedAt')} <RelativeTime iso={project.share.shared_at} />
                    </Text>
                  </Stack>
                ) : (
                  <Muted>{t('projects.share.notShared')}</Muted>
                )}
              </Section>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
      <RequestReviewDialog projectId={project.id} opened={requestOpened} onClose={request.close} />
      {shareOpened && <ShareDialog project={project} opened={shareOpened} onClose={share.close} />}
      {linkOpened && <LinkStakeholderDialog project={project} opened={linkOpened} onClose={link.close} />}
      {deciding && <DecideDialog review={deciding} project={project} phases={phases} opened onClose={() => setDeciding(null)} />}
    </>
  );
}

/** The ideas the project came from (promoted, or linked at intake), each linking back to its page. */
function IdeasPanel({ ideaIds }: { ideaIds: number[] }) {
  const ideas = useQueries({
    queries: ideaIds.map((id) => ({
      queryKey: ['ideas', 'idea', id],
      queryFn: () => call(api.GET('/api/v1/ideas/{id}', { params: { path: { id } } })),
    })),
  });
  if (ideaIds.length === 0) return null;
  return (
    <Section id="ideas-heading" title={t('projects.ideas')}>
      <List size="sm" spacing={6} listStyleType="none" pl={0}>
        {ideaIds.map((id, i) => {
          const idea = ideas[i];
          return (
            <List.Item key={id}>
              <Anchor component={Link} to={`/ideas/${id}`} fz="sm">
                {idea?.data?.title ?? t('projects.ideaNumber', { id })}
              </Anchor>
            </List.Item>
          );
        })}
      </List>
    </Section>
  );
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

