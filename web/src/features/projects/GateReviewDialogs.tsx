// The gate review dialogs: requesting a review (criteria with evidence, KPI values, decision
// makers) and deciding one (go, kill, hold, pivot). A review is the only way to change phase.
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconAlertTriangle, IconLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, mapProblem } from '../../api/problem';
import { notifyError, notifySuccess } from '../../components/notify';
import { QueryError } from '../../components/QueryError';
import { CardSkeleton } from '../../components/Skeletons';
import { t } from '../../messages';
import { PeopleMultiSelect } from '../engagement/pickers';
import { gatekeeperLabel } from '../stakeholders/labels';
import { pt } from './i18n';
import { decisionLabel, fieldErrorsByPath } from './labels';
import { decideGateReview, requestGateReview, useFrameworkVersion, useInvalidateProjects, useProject, useSetProject } from './queries';
import { DECISIONS, type CriterionState, type Decision, type GateReview, type Phase, type Project } from './types';

const MAX_TEXT = 4000;

/** The current phase's exit criteria with their state (the project's, or the framework's, all open). */
export function currentCriteria(project: Project, phase: Phase | undefined): CriterionState[] {
  if (project.exit_criteria) return project.exit_criteria;
  return (phase?.exit_criteria ?? []).map((c) => ({ ...c, met: false, evidence_url: null }));
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

// ---- request ---------------------------------------------------------------------------

interface CriterionRow {
  key: string;
  text: string;
  evidence_required: boolean;
  met: boolean;
  evidence_url: string;
}

function RequestForm({ project, phase, onClose }: { project: Project; phase: Phase | undefined; onClose: () => void }) {
  const invalidate = useInvalidateProjects();
  const [criteria, setCriteria] = useState<CriterionRow[]>(() =>
    currentCriteria(project, phase).map((c) => ({ ...c, evidence_url: c.evidence_url ?? '' })),
  );
  const kpiKeys = phase?.kpi_keys ?? [];
  const [kpis, setKpis] = useState<Record<string, number | string>>({});
  const [makers, setMakers] = useState<string[]>([]);
  const [present, setPresent] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = useMutation({
    mutationFn: () =>
      requestGateReview(project.id, {
        criteria: criteria.map((c) => ({ key: c.key, met: c.met, ...(c.evidence_url.trim() ? { evidence_url: c.evidence_url.trim() } : {}) })),
        kpi_values: Object.entries(kpis)
          .filter(([, v]) => v !== '' && Number.isFinite(Number(v)))
          .map(([kpi_key, v]) => ({ kpi_key, value: Number(v) })),
        decision_maker_ids: makers.map(Number),
        gatekeepers_present: present.map(Number),
      }),
    onSuccess: async () => {
      await invalidate();
      notifySuccess(pt('projects.review.requested', { title: project.title }));
      onClose();
    },
    onError: (error) => {
      if (isConflict(error)) return; // shown in the dialog
      const byPath = error instanceof ApiError ? fieldErrorsByPath(error.problem.errors, t('problem.field_invalid')) : {};
      if (error instanceof ApiError && error.problem.field && error.problem.detail) byPath[error.problem.field] ??= error.problem.detail;
      setErrors(byPath);
      const { message } = mapProblem(error, ['criteria', 'kpi_values', 'decision_maker_ids', 'gatekeepers_present']);
      if (message) notifyError(message);
    },
  });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (save.isPending) return;
    const next: Record<string, string> = {};
    if (makers.length === 0) next.decision_maker_ids = pt('projects.review.needMaker');
    criteria.forEach((c, i) => {
      if (c.evidence_url.trim() && !/^https?:\/\/\S+$/i.test(c.evidence_url.trim())) next[`criteria[${i}].evidence_url`] = pt('projects.review.badUrl');
    });
    setErrors(next);
    if (Object.keys(next).length === 0) save.mutate();
  };

  const gatekeeperOptions = project.stakeholders.map((s) => ({ value: String(s.stakeholder_id), label: s.name }));
  return (
    <form onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}>
      <Stack gap="md">
        {isConflict(save.error) && (
          <ConflictAlert title={pt('projects.review.conflictOpenTitle')}>
            <Text fz="sm">{pt('projects.review.conflictOpen')}</Text>
            <Anchor component={Link} to={`/projects/${project.id}#reviews-heading`} fz="sm" onClick={onClose}>
              {pt('projects.review.openProject')}
            </Anchor>
          </ConflictAlert>
        )}
        <Text fz="sm">{pt('projects.review.requestIntro', { phase: project.phase.name })}</Text>
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={600} fz="sm" mb={4}>
            {pt('projects.criteria.title')}
          </Text>
          {criteria.length === 0 && <Text fz="sm" c="dimmed">{pt('projects.criteria.none')}</Text>}
          {criteria.map((c, i) => (
            <SimpleGrid key={c.key} cols={{ base: 1, sm: 2 }} spacing="xs" verticalSpacing={4}>
              <Checkbox
                label={c.text}
                description={c.evidence_required ? pt('projects.criteria.evidenceRequired') : undefined}
                checked={c.met}
                onChange={(e) => {
                  const met = e.currentTarget.checked;
                  setCriteria((rows) => rows.map((r, j) => (j === i ? { ...r, met } : r)));
                }}
                error={errors[`criteria[${i}]`] ?? errors[`criteria[${i}].met`]}
              />
              <TextInput
                size="xs"
                type="url"
                label={pt('projects.criteria.evidenceFor', { text: c.text })}
                placeholder="https://"
                value={c.evidence_url}
                onChange={(e) => {
                  const evidence_url = e.currentTarget.value;
                  setCriteria((rows) => rows.map((r, j) => (j === i ? { ...r, evidence_url } : r)));
                }}
                error={errors[`criteria[${i}].evidence_url`]}
              />
            </SimpleGrid>
          ))}
        </Stack>
        {kpiKeys.length > 0 && (
          <Stack gap="xs">
            <Text fw={600} fz="sm">
              {pt('projects.review.kpiValues')}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
              {kpiKeys.map((key, i) => (
                <NumberInput
                  key={key}
                  size="xs"
                  label={key}
                  value={kpis[key] ?? ''}
                  onChange={(v) => setKpis((m) => ({ ...m, [key]: v }))}
                  error={errors[`kpi_values[${i}].value`]}
                />
              ))}
            </SimpleGrid>
          </Stack>
        )}
        <PeopleMultiSelect
          label={pt('projects.review.decisionMakers')}
          value={makers}
          onChange={(v) => {
            setMakers(v);
            setErrors((e) => ({ ...e, decision_maker_ids: '' }));
          }}
          error={errors.decision_maker_ids || undefined}
        />
        {phase && phase.gatekeepers.length > 0 && (
          <MultiSelect
            label={pt('projects.review.gatekeepersPresent')}
            description={pt('projects.review.gatekeepersNeeded', { areas: phase.gatekeepers.map(gatekeeperLabel).join(', ') })}
            data={gatekeeperOptions}
            value={present}
            onChange={setPresent}
            error={errors.gatekeepers_present ?? errors.gatekeepers}
            searchable
          />
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {pt('projects.review.request')}
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
    <Modal opened={opened} onClose={onClose} title={pt('projects.review.requestTitle', { title: project.data?.title ?? '' })} size="lg">
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
  if (!v.decision) e.decision = pt('projects.decision.choose');
  if (!v.rationale.trim()) e.rationale = required;
  else if (v.rationale.length > MAX_TEXT) e.rationale = pt('projects.textTooLong', { max: MAX_TEXT });
  if (v.decision === 'kill') {
    if (!v.learned.trim()) e['learnings.learned'] = required;
    if (!v.do_differently.trim()) e['learnings.do_differently'] = required;
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
        ...(decision === 'kill' ? { learnings: { learned: v.learned.trim(), do_differently: v.do_differently.trim() } } : {}),
        ...(decision === 'pivot' ? { pivot_to_phase: v.pivot_to_phase, new_hypothesis: v.new_hypothesis.trim() } : {}),
      });
    },
    onSuccess: async (answer) => {
      if (answer?.project) await setProject(answer.project);
      else await invalidate();
      notifySuccess(pt('projects.decision.saved', { decision: decisionLabel(v.decision as Decision) }));
      onClose();
    },
    onError: (error) => {
      if (isConflict(error)) return;
      const byPath = error instanceof ApiError ? fieldErrorsByPath(error.problem.errors, t('problem.field_invalid')) : {};
      if (error instanceof ApiError && error.problem.field) byPath[error.problem.field] ??= error.problem.detail ?? t('problem.field_invalid');
      const known = ['decision', 'rationale', 'learnings.learned', 'learnings.do_differently', 'pivot_to_phase', 'new_hypothesis'];
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
    <Modal opened={opened} onClose={onClose} title={pt('projects.decision.title', { title: project.title })} size="lg">
      <form onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}>
        <Stack gap="md">
          {isConflict(save.error) && (
            <ConflictAlert title={pt('projects.decision.conflictTitle')}>
              <Text fz="sm" mb="xs">
                {pt('projects.decision.conflict')}
              </Text>
              <Button
                size="xs"
                variant="light"
                onClick={async () => {
                  await invalidate();
                  onClose();
                }}
              >
                {pt('projects.decision.showLatest')}
              </Button>
            </ConflictAlert>
          )}
          {errors._blocked && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} title={pt('projects.decision.blockedTitle')} role="alert">
              {errors._blocked}
            </Alert>
          )}
          <Radio.Group
            label={pt('projects.decision.label')}
            value={v.decision}
            onChange={(d) => set('decision', d as Decision)}
            error={errors.decision || undefined}
            required
          >
            <Stack gap={6} mt={6}>
              {DECISIONS.map((d) => (
                <Radio key={d} value={d} label={decisionLabel(d)} description={pt(decisionHintKeys[d])} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={pt('projects.decision.rationale')}
            required
            autosize
            minRows={3}
            maxRows={8}
            maxLength={MAX_TEXT}
            value={v.rationale}
            onChange={(e) => set('rationale', e.currentTarget.value)}
            error={errors.rationale || undefined}
          />
          {v.decision === 'kill' && (
            <Stack gap="sm">
              <Text fz="sm" c="dimmed">
                {pt('projects.decision.killNote')}
              </Text>
              <Textarea
                label={pt('projects.learnings.learned')}
                required
                autosize
                minRows={2}
                maxLength={MAX_TEXT}
                value={v.learned}
                onChange={(e) => set('learned', e.currentTarget.value)}
                error={errors['learnings.learned'] || undefined}
              />
              <Textarea
                label={pt('projects.learnings.doDifferently')}
                required
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
                label={pt('projects.decision.pivotTo')}
                description={pt('projects.decision.pivotToHint')}
                required
                data={pivotOptions}
                value={v.pivot_to_phase || null}
                onChange={(p) => set('pivot_to_phase', p ?? '')}
                error={errors.pivot_to_phase || undefined}
              />
              <Textarea
                label={pt('projects.decision.newHypothesis')}
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
              {pt('projects.form.submitHint')}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {pt('projects.decision.submit')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
