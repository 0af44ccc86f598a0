// The gate review dialogs: requesting a review (it records the exit criteria as checked on the
// project and the latest KPI values; the request names the decision makers and the gatekeepers
// present) and deciding one (go, kill, hold, pivot). A review is the only way to change phase.
import { Alert, Anchor, Button, Group, List, Modal, MultiSelect, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconCircleDashed, IconLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, mapProblem } from '../../api/problem';
import { notifyError, notifySuccess } from '../../components/notify';
import { QueryError } from '../../components/QueryError';
import { CardSkeleton } from '../../components/Skeletons';
import { t, tp } from '../../messages';
import { PeopleMultiSelect } from '../engagement/pickers';
import { gatekeeperLabel } from '../stakeholders/labels';
import { decisionLabel, fieldErrorsByPath } from './labels';
import { decideGateReview, requestGateReview, useFrameworkVersion, useInvalidateProjects, useProject, useSetProject } from './queries';
import { DECISIONS, type CriterionState, type Decision, type GateReview, type Phase, type Project } from './types';

const MAX_TEXT = 4000;

/** The current phase's exit criteria as checked on the project. */
export function currentCriteria(project: Project): CriterionState[] {
  return project.criteria;
}

/** Whether the server said 409 (another review is open / already decided). */
function isConflict(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409;
}

function ConflictAlert({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Alert color="orange" variant="light" icon={<IconLock size={18} aria-hidden />} title={title} role="alert">
      {children}
    </Alert>
  );
}

/** Gatekeeper stakeholders of the project, who can be named as present. */
export function gatekeeperOptions(project: Project): { value: string; label: string }[] {
  return project.stakeholders
    .filter((s) => s.role === 'gatekeeper' || s.kind === 'internal_gatekeeper')
    .map((s) => ({ value: String(s.stakeholder_id), label: s.name }));
}

// ---- request ---------------------------------------------------------------------------

/** The criteria as the review will record them: checked on the project page, shown here read-only. */
function CriteriaSnapshot({ criteria }: { criteria: CriterionState[] }) {
  if (criteria.length === 0) return <Text fz="sm" c="dimmed">{t('projects.criteria.none')}</Text>;
  return (
    <List spacing={4} size="sm" listStyleType="none" pl={0} aria-labelledby="review-criteria-heading">
      {criteria.map((c) => (
        <List.Item key={c.key}>
          <Group gap={6} wrap="nowrap" align="flex-start">
            {c.met ? (
              <IconCircleCheck size={16} aria-hidden color="var(--mantine-color-teal-filled)" style={{ flexShrink: 0, marginTop: 2 }} />
            ) : (
              <IconCircleDashed size={16} aria-hidden color="var(--mantine-color-dimmed)" style={{ flexShrink: 0, marginTop: 2 }} />
            )}
            <Text fz="sm">
              <Text span fz="sm" fw={600}>
                {c.met ? t('projects.review.criterionMet') : t('projects.review.criterionOpen')}:
              </Text>{' '}
              {c.text}
              {c.evidence_required && !c.met && (
                <Text span fz="xs" c="dimmed">
                  {' '}
                  ({t('projects.criteria.evidenceRequired')})
                </Text>
              )}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

function RequestForm({ project, phase, onClose }: { project: Project; phase: Phase | undefined; onClose: () => void }) {
  const invalidate = useInvalidateProjects();
  const criteria = currentCriteria(project);
  const [makers, setMakers] = useState<string[]>([]);
  const [present, setPresent] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: () =>
      requestGateReview(project.id, {
        decision_maker_ids: makers.map(Number),
        gatekeepers_present: present.map(Number),
      }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(t('projects.review.requested', { title: project.title }));
      onClose();
    },
    onError: (error) => {
      if (isConflict(error)) return; // shown in the dialog
      const { fieldErrors, message } = mapProblem(error, ['decision_maker_ids', 'gatekeepers_present']);
      setErrors(fieldErrors);
      if (message) notifyError(message);
    },
  });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (save.isPending) return;
    setErrors({});
    save.mutate();
  };

  const gatekeepers = gatekeeperOptions(project);
  const openRequired = criteria.filter((c) => c.evidence_required && !c.met).length;
  return (
    <form onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}>
      <Stack gap="md">
        {isConflict(save.error) && (
          <ConflictAlert title={t('projects.review.conflictOpenTitle')}>
            <Text fz="sm">{t('projects.review.conflictOpen')}</Text>
            <Anchor component={Link} to={`/projects/${project.id}#reviews-heading`} fz="sm" onClick={onClose}>
              {t('projects.review.openProject')}
            </Anchor>
          </ConflictAlert>
        )}
        <Text fz="sm">{t('projects.review.requestIntro', { phase: project.phase.name })}</Text>
        <Stack gap={4}>
          <Text fw={600} fz="sm" id="review-criteria-heading">
            {t('projects.criteria.title')} · {t('projects.criteria.progress', { met: criteria.filter((c) => c.met).length, total: criteria.length })}
          </Text>
          <CriteriaSnapshot criteria={criteria} />
          {openRequired > 0 && (
            <Text fz="xs" c="dimmed">
              {tp('projects.review.openRequired', openRequired)}
            </Text>
          )}
        </Stack>
        <PeopleMultiSelect
          label={t('projects.review.decisionMakers')}
          description={t('projects.review.decisionMakersHint')}
          value={makers}
          onChange={(v) => {
            setMakers(v);
            setErrors((e) => ({ ...e, decision_maker_ids: '' }));
          }}
          error={errors.decision_maker_ids || undefined}
        />
        {phase && phase.gatekeepers.length > 0 && (
          <MultiSelect
            label={t('projects.review.gatekeepersPresent')}
            description={t('projects.review.gatekeepersNeeded', { areas: phase.gatekeepers.map(gatekeeperLabel).join(', ') })}
            data={gatekeepers}
            value={present}
            onChange={setPresent}
            error={errors.gatekeepers_present || undefined}
            nothingFoundMessage={t('projects.review.noGatekeepers')}
            searchable
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('projects.review.request')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Request a gate review of a project (from the board or the project page). */
export function RequestReviewDialog({ projectId, opened, onClose }: { projectId: number | undefined; opened: boolean; onClose: () => void }) {
  const project = useProject(opened ? projectId : undefined);
  const version = useFrameworkVersion(project.data?.framework.id, project.data?.framework.version);
  const phase = version.data?.phases.find((p) => p.key === project.data?.phase.key);
  return (
    <Modal opened={opened} onClose={onClose} title={t('projects.review.requestTitle', { title: project.data?.title ?? '' })} size="lg">
      {project.isError ? (
        <QueryError error={project.error} retry={() => project.refetch()} />
      ) : !project.data || version.isPending ? (
        <CardSkeleton lines={5} />
      ) : (
        <RequestForm key={project.data.id} project={project.data} phase={phase} onClose={onClose} />
      )}
    </Modal>
  );
}

// ---- decide ----------------------------------------------------------------------------

interface DecideValues {
  decision: Decision | '';
  rationale: string;
  learned: string;
  do_differently: string;
  pivot_to_phase: string;
  new_hypothesis: string;
}

const decisionHintKeys = {
  go: 'projects.decision.goHint',
  kill: 'projects.decision.killHint',
  hold: 'projects.decision.holdHint',
  pivot: 'projects.decision.pivotHint',
} as const;

/** The client-side checks of a decision (the server checks them again). */
export function decisionErrors(v: DecideValues): Record<string, string> {
  const e: Record<string, string> = {};
  const required = t('form.required');
  if (!v.decision) e.decision = t('projects.decision.choose');
  if (!v.rationale.trim()) e.rationale = required;
  else if (v.rationale.length > MAX_TEXT) e.rationale = t('projects.textTooLong', { max: MAX_TEXT });
  if (v.decision === 'kill') {
    if (!v.learned.trim()) e['learnings.learned'] = required;
  }
  if (v.decision === 'pivot') {
    if (!v.pivot_to_phase) e.pivot_to_phase = required;
    if (!v.new_hypothesis.trim()) e.new_hypothesis = required;
  }
  return e;
}

export function DecideDialog({
  review,
  project,
  phases,
  opened,
  onClose,
}: {
  review: GateReview;
  project: Project;
  phases: Phase[];
  opened: boolean;
  onClose: () => void;
}) {
  const setProject = useSetProject();
  const invalidate = useInvalidateProjects();
  const [v, setV] = useState<DecideValues>({ decision: '', rationale: '', learned: '', do_differently: '', pivot_to_phase: '', new_hypothesis: '' });
  const [present, setPresent] = useState<string[]>(() => review.gatekeepers_present.map(String));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof DecideValues>(key: K, value: DecideValues[K]) => {
    setV((old) => ({ ...old, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '', ...(key === 'learned' || key === 'do_differently' ? { [`learnings.${key}`]: '' } : {}) }));
  };
  const currentIndex = phases.findIndex((p) => p.key === project.phase.key);
  const pivotOptions = phases.slice(0, currentIndex + 1).map((p) => ({ value: p.key, label: p.name }));

  const save = useMutation({
    mutationFn: () => {
      const decision = v.decision as Decision;
      return decideGateReview(review.id, {
        decision,
        rationale: v.rationale.trim(),
        ...(review.gatekeepers_required.length > 0 ? { gatekeepers_present: present.map(Number) } : {}),
        ...(decision === 'kill' ? { learnings: { learned: v.learned.trim(), do_differently: v.do_differently.trim() } } : {}),
        ...(decision === 'pivot' ? { pivot_to_phase: v.pivot_to_phase, new_hypothesis: v.new_hypothesis.trim() } : {}),
      });
    },
    onSuccess: async (answer) => {
      if (answer?.project) await setProject(answer.project);
      else await invalidate();
      notifySuccess(t('projects.decision.saved', { decision: decisionLabel(v.decision as Decision) }));
      onClose();
    },
    onError: (error) => {
      if (isConflict(error)) return;
      const byPath = error instanceof ApiError ? fieldErrorsByPath(error.problem.errors, t('problem.field_invalid')) : {};
      if (error instanceof ApiError && error.problem.field) byPath[error.problem.field] ??= error.problem.detail ?? t('problem.field_invalid');
      const known = ['decision', 'rationale', 'learnings.learned', 'learnings.do_differently', 'pivot_to_phase', 'new_hypothesis', 'gatekeepers_present'];
      const mine = Object.fromEntries(Object.entries(byPath).filter(([k]) => known.includes(k) || k === 'learnings'));
      if (mine.learnings) mine['learnings.learned'] ??= mine.learnings;
      setErrors(mine);
      // What the form has no field for (a missing criterion, a missing gatekeeper) is said in the dialog.
      const rest = Object.entries(byPath).filter(([k]) => !(k in mine));
      if (rest.length > 0) setErrors((e) => ({ ...e, _blocked: rest.map(([, d]) => d).join(' ') }));
      else if (Object.keys(mine).length === 0) notifyError(error);
    },
  });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (save.isPending) return;
    const next = decisionErrors(v);
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('projects.decision.title', { title: project.title })} size="lg">
      <form onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}>
        <Stack gap="md">
          {isConflict(save.error) && (
            <ConflictAlert title={t('projects.decision.conflictTitle')}>
              <Text fz="sm" mb="xs">
                {t('projects.decision.conflict')}
              </Text>
              <Button
                size="xs"
                variant="light"
                onClick={async () => {
                  await invalidate();
                  onClose();
                }}
              >
                {t('projects.decision.showLatest')}
              </Button>
            </ConflictAlert>
          )}
          {errors._blocked && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={t('projects.decision.blockedTitle')} role="alert">
              {errors._blocked}
            </Alert>
          )}
          <Text fz="sm" c="dimmed">
            {t('projects.review.summary', {
              phase: phases.find((p) => p.key === review.from_phase)?.name ?? review.from_phase,
              met: review.criteria.filter((c) => c.met).length,
              total: review.criteria.length,
            })}
          </Text>
          <Radio.Group
            label={t('projects.decision.label')}
            value={v.decision}
            onChange={(d) => set('decision', d as Decision)}
            error={errors.decision || undefined}
            required
          >
            <Stack gap={6} mt={6}>
              {DECISIONS.map((d) => (
                <Radio key={d} value={d} label={decisionLabel(d)} description={t(decisionHintKeys[d])} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('projects.decision.rationale')}
            required
            autosize
            minRows={3}
            maxRows={8}
            maxLength={MAX_TEXT}
            value={v.rationale}
            onChange={(e) => set('rationale', e.currentTarget.value)}
            error={errors.rationale || undefined}
          />
          {review.gatekeepers_required.length > 0 && (
            <MultiSelect
              label={t('projects.review.gatekeepersPresent')}
              description={t('projects.review.gatekeepersNeeded', { areas: review.gatekeepers_required.map(gatekeeperLabel).join(', ') })}
              data={gatekeeperOptions(project)}
              value={present}
              onChange={setPresent}
              error={errors.gatekeepers_present || undefined}
              nothingFoundMessage={t('projects.review.noGatekeepers')}
              searchable
            />
          )}
          {v.decision === 'kill' && (
            <Stack gap="sm">
              <Text fz="sm" c="dimmed">
                {t('projects.decision.killNote')}
              </Text>
              <Textarea
                label={t('projects.learnings.learned')}
                required
                autosize
                minRows={2}
                maxLength={MAX_TEXT}
                value={v.learned}
                onChange={(e) => set('learned', e.currentTarget.value)}
                error={errors['learnings.learned'] || undefined}
              />
              <Textarea
                label={t('projects.learnings.doDifferently')}
                autosize
                minRows={2}
                maxLength={MAX_TEXT}
                value={v.do_differently}
                onChange={(e) => set('do_differently', e.currentTarget.value)}
                error={errors['learnings.do_differently'] || undefined}
              />
            </Stack>
          )}
          {v.decision === 'pivot' && (
            <Stack gap="sm">
              <Select
                label={t('projects.decision.pivotTo')}
                description={t('projects.decision.pivotToHint')}
                required
                data={pivotOptions}
                value={v.pivot_to_phase || null}
                onChange={(p) => set('pivot_to_phase', p ?? '')}
                error={errors.pivot_to_phase || undefined}
              />
              <Textarea
                label={t('projects.decision.newHypothesis')}
                required
                autosize
                minRows={2}
                maxLength={MAX_TEXT}
                value={v.new_hypothesis}
                onChange={(e) => set('new_hypothesis', e.currentTarget.value)}
                error={errors.new_hypothesis || undefined}
              />
            </Stack>
          )}
          <Group justify="space-between" gap="sm">
            <Text fz="xs" c="dimmed">
              {t('projects.form.submitHint')}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('projects.decision.submit')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
