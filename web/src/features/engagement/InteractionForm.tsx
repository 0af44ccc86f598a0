import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Input,
} from '@mantine/core';
import { getHotkeyHandler, useId } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/problem';
import { notifySuccess } from '../../components/notify';
import { useProblemForm } from '../../components/useProblemForm';
import { t } from '../../messages';
import { useSignedIn } from '../auth/session';
import {
  fromLocalInput,
  interactionModeLabel,
  interactionStatusLabel,
  interactionTypeLabel,
  intensityLabel,
  interestLabel,
  nestedFieldErrors,
  toLocalInput,
  valenceLabel,
} from './labels';
import { PeopleMultiSelect, StakeholderSelect } from './pickers';
import { saveInteraction, useInvalidateEngagement, useStakeholderName } from './queries';
import {
  INTENSITIES,
  INTERACTION_MODES,
  INTERACTION_STATUSES,
  INTERACTION_TYPES,
  INTERESTS,
  VALENCES,
  type Interaction,
  type InteractionMode,
  type InteractionStatus,
  type InteractionType,
  type InteractionWrite,
  type Interest,
} from './types';

export interface StakeholderRow {
  stakeholder_id: number;
  name: string;
  interest: Interest | '';
  interest_topic: string;
  /** '' when no emotion is recorded; valence and intensity come together. */
  valence: string;
  intensity: string;
}

export interface InteractionValues extends Record<string, unknown> {
  title: string;
  type: InteractionType;
  mode: InteractionMode;
  status: InteractionStatus;
  occurred_at: string;
  duration_minutes: number | string;
  participant_ids: string[];
  stakeholders: StakeholderRow[];
  summary: string;
  outcome: string;
}

/** Form values for a new interaction (now, held, remote call, me taking part) or for editing one. */
export function interactionValues(meId: number, existing?: Interaction, now: Date = new Date()): InteractionValues {
  if (!existing)
    return {
      title: '',
      type: 'call',
      mode: 'remote',
      status: 'held',
      occurred_at: toLocalInput(now.toISOString()),
      duration_minutes: 30,
      participant_ids: [String(meId)],
      stakeholders: [],
      summary: '',
      outcome: '',
    };
  return {
    title: existing.title,
    type: existing.type,
    mode: existing.mode,
    status: existing.status,
    occurred_at: toLocalInput(existing.occurred_at),
    duration_minutes: existing.duration_minutes,
    participant_ids: existing.participants.map((p) => String(p.id)),
    stakeholders: existing.stakeholders.map((s) => ({
      stakeholder_id: s.stakeholder_id,
      name: s.name,
      interest: s.interest ?? '',
      interest_topic: s.interest_topic ?? '',
      valence: s.valence == null ? '' : String(s.valence),
      intensity: s.intensity == null ? '' : String(s.intensity),
    })),
    summary: existing.summary ?? '',
    outcome: existing.outcome ?? '',
  };
}

/** The request body for the form's values. */
export function interactionBody(v: InteractionValues): InteractionWrite {
  return {
    title: v.title.trim(),
    type: v.type,
    mode: v.mode,
    status: v.status,
    occurred_at: fromLocalInput(v.occurred_at) ?? v.occurred_at,
    duration_minutes: typeof v.duration_minutes === 'number' ? v.duration_minutes : Number(v.duration_minutes) || 0,
    summary: v.summary,
    outcome: v.outcome,
    participant_ids: v.participant_ids.map(Number),
    stakeholders: v.stakeholders.map((s) => ({
      stakeholder_id: s.stakeholder_id,
      interest: s.interest || null,
      interest_topic: s.interest_topic.trim() || null,
      valence: s.valence === '' ? null : Number(s.valence),
      intensity: s.intensity === '' ? null : Number(s.intensity),
    })),
  };
}

/** Checks that need no server: required fields, and emotion parts given together. */
export function validateInteraction(v: InteractionValues): { errors: Record<string, string>; nested: Record<string, string> } {
  const errors: Record<string, string> = {};
  const nested: Record<string, string> = {};
  if (!v.title.trim()) errors.title = t('form.required');
  if (!fromLocalInput(v.occurred_at)) errors.occurred_at = t('form.required');
  if (v.stakeholders.length === 0) errors.stakeholders = t('engagement.interaction.needStakeholder');
  v.stakeholders.forEach((s, i) => {
    if (s.valence !== '' && s.intensity === '') nested[`stakeholders[${i}].intensity`] = t('engagement.emotion.bothNeeded');
    if (s.intensity !== '' && s.valence === '') nested[`stakeholders[${i}].valence`] = t('engagement.emotion.bothNeeded');
  });
  return { errors, nested };
}

const typeOptions = INTERACTION_TYPES.map((v) => ({ value: v, label: interactionTypeLabel(v) }));
const statusOptions = INTERACTION_STATUSES.map((v) => ({ value: v, label: interactionStatusLabel(v) }));
const modeOptions = INTERACTION_MODES.map((v) => ({ value: v, label: interactionModeLabel(v) }));
const interestOptions = INTERESTS.map((v) => ({ value: v, label: interestLabel(v) }));
const valenceOptions = VALENCES.map((v) => ({
  value: String(v),
  label: t('engagement.emotion.scaleOption', { n: v > 0 ? `+${v}` : v < 0 ? `−${-v}` : '0', word: valenceLabel(v) }),
}));
const intensityOptions = INTENSITIES.map((v) => ({
  value: String(v),
  label: t('engagement.emotion.scaleOption', { n: String(v), word: intensityLabel(v) }),
}));

function problemEntries(error: unknown): { field: string; detail: string }[] {
  if (!(error instanceof ApiError)) return [];
  const list = [...(error.problem.errors ?? [])];
  if (error.problem.field) list.push({ field: error.problem.field, detail: error.problem.detail ?? '' });
  return list;
}

function StakeholderRowEditor({
  row,
  index,
  errors,
  onChange,
  onRemove,
}: {
  row: StakeholderRow;
  index: number;
  errors: Record<string, string>;
  onChange: (patch: Partial<StakeholderRow>) => void;
  onRemove: () => void;
}) {
  const err = (name: string) => errors[`stakeholders[${index}].${name}`];
  const headingId = useId();
  return (
    <Paper withBorder radius="md" p="sm" role="group" aria-labelledby={headingId}>
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Text fw={600} fz="sm" id={headingId}>
          {row.name}
        </Text>
        <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label={t('engagement.interaction.removeStakeholder', { name: row.name })}>
          <IconTrash size={16} />
        </ActionIcon>
      </Group>
      {err('stakeholder_id') && (
        <Text c="red" fz="xs" mb="xs" role="alert">
          {err('stakeholder_id')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Select
          label={t('engagement.interest')}
          placeholder={t('engagement.notRecorded')}
          data={interestOptions}
          value={row.interest || null}
          onChange={(v) => onChange({ interest: (v ?? '') as Interest | '' })}
          clearable
          error={err('interest')}
        />
        <TextInput
          label={t('engagement.interestTopic')}
          value={row.interest_topic}
          onChange={(e) => onChange({ interest_topic: e.currentTarget.value })}
          maxLength={200}
          error={err('interest_topic')}
        />
        <Select
          label={t('engagement.valence')}
          placeholder={t('engagement.notRecorded')}
          data={valenceOptions}
          value={row.valence || null}
          onChange={(v) => onChange({ valence: v ?? '' })}
          clearable
          error={err('valence')}
        />
        <Select
          label={t('engagement.intensity')}
          placeholder={t('engagement.notRecorded')}
          data={intensityOptions}
          value={row.intensity || null}
          onChange={(v) => onChange({ intensity: v ?? '' })}
          clearable
          error={err('intensity')}
        />
      </SimpleGrid>
    </Paper>
  );
}

interface InteractionFormProps {
  existing?: Interaction;
  /** Starts with this stakeholder chosen (from ?stakeholder_id=). */
  prefillStakeholderId?: number | undefined;
  onSaved: (interaction: Interaction) => void;
  onCancel: () => void;
  /** Quick capture: the less common fields start folded away. */
  quick?: boolean;
}

/** Log or edit an interaction. Server errors appear at the field they name; Ctrl/Cmd+Enter submits. */
export function InteractionForm({ existing, prefillStakeholderId, onSaved, onCancel, quick = false }: InteractionFormProps) {
  const { user } = useSignedIn();
  const form = useProblemForm<InteractionValues>(interactionValues(user.id, existing));
  const [nested, setNested] = useState<Record<string, string>>({});
  const [more, setMore] = useState(!quick);
  const formRef = useRef<HTMLFormElement>(null);
  const invalidate = useInvalidateEngagement();

  // ?stakeholder_id= starts the form with that stakeholder (once its name is known).
  const prefill = useStakeholderName(existing ? undefined : prefillStakeholderId);
  const prefilled = useRef(false);
  useEffect(() => {
    if (prefilled.current || !prefill.data) return;
    prefilled.current = true;
    const s = prefill.data;
    // Only into a form that has no stakeholders yet: never change a draft behind someone's back.
    if (form.values.stakeholders.length === 0) {
      form.setValue('stakeholders', [
        ...form.values.stakeholders,
        { stakeholder_id: s.id, name: s.name, interest: '', interest_topic: '', valence: '', intensity: '' },
      ]);
    }
  }, [prefill.data, form]);

  const focusFirstError = () =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const save = useMutation({
    mutationFn: () => saveInteraction(existing?.id, interactionBody(form.values)),
    onSuccess: async (saved) => {
      await invalidate();
      notifySuccess(existing ? t('engagement.interaction.saved') : t('engagement.interaction.logged', { title: saved.title }));
      onSaved(saved);
    },
    onError: (error) => {
      form.fail(error);
      setNested(nestedFieldErrors(problemEntries(error), 'stakeholders'));
      setMore(true);
      focusFirstError();
    },
  });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (save.isPending) return;
    const { errors, nested: rowErrors } = validateInteraction(form.values);
    form.setErrors(errors);
    setNested(rowErrors);
    if (Object.keys(errors).length === 0 && Object.keys(rowErrors).length === 0) save.mutate();
    else focusFirstError();
  };

  const rows = form.values.stakeholders;
  const setRows = (next: StakeholderRow[]) => {
    form.setValue('stakeholders', next);
    setNested({});
  };
  const modeLabelId = useId();
  // A row's own messages replace the general one the server sent for the list.
  const stakeholdersError = Object.keys(nested).length > 0 ? undefined : form.errors.stakeholders;

  return (
    <form ref={formRef} onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}>
      <Stack gap="md">
        <TextInput
          label={t('engagement.interaction.titleLabel')}
          placeholder={t('engagement.interaction.titlePlaceholder')}
          required
          data-autofocus
          maxLength={200}
          {...form.text('title')}
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Select
            label={t('engagement.interaction.type')}
            data={typeOptions}
            value={form.values.type}
            onChange={(v) => v && form.setValue('type', v as InteractionType)}
            allowDeselect={false}
            error={form.errors.type}
            required
          />
          <TextInput
            label={t('engagement.interaction.when')}
            type="datetime-local"
            required
            {...form.text('occurred_at')}
          />
          <Select
            label={t('engagement.interaction.status')}
            data={statusOptions}
            value={form.values.status}
            onChange={(v) => v && form.setValue('status', v as InteractionStatus)}
            allowDeselect={false}
            error={form.errors.status}
          />
        </SimpleGrid>
        <Stack gap="xs">
          <StakeholderSelect
            label={t('engagement.interaction.stakeholders')}
            description={t('engagement.interaction.stakeholdersHint')}
            placeholder={t('engagement.interaction.addStakeholder')}
            required
            value=""
            exclude={rows.map((r) => r.stakeholder_id)}
            error={stakeholdersError}
            onChange={(id, item) => {
              if (!id) return;
              setRows([
                ...rows,
                {
                  stakeholder_id: Number(id),
                  name: item?.name ?? `#${id}`,
                  interest: '',
                  interest_topic: '',
                  valence: '',
                  intensity: '',
                },
              ]);
            }}
          />
          {rows.map((row, i) => (
            <StakeholderRowEditor
              key={row.stakeholder_id}
              row={row}
              index={i}
              errors={nested}
              onChange={(patch) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)))}
              onRemove={() => setRows(rows.filter((_, j) => j !== i))}
            />
          ))}
        </Stack>
        <Textarea
          label={t('engagement.interaction.summary')}
          description={t('engagement.interaction.summaryHint')}
          autosize
          minRows={quick ? 3 : 5}
          maxRows={16}
          maxLength={20000}
          {...form.text('summary')}
        />
        {!more ? (
          <Button variant="subtle" size="compact-sm" onClick={() => setMore(true)} style={{ alignSelf: 'flex-start' }}>
            {t('engagement.interaction.moreDetails')}
          </Button>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <Input.Wrapper label={t('engagement.interaction.mode')} labelElement="div" id={modeLabelId} error={form.errors.mode}>
                <SegmentedControl
                  fullWidth
                  aria-labelledby={`${modeLabelId}-label`}
                  data={modeOptions}
                  value={form.values.mode}
                  onChange={(v) => form.setValue('mode', v as InteractionMode)}
                />
              </Input.Wrapper>
              <NumberInput
                label={t('engagement.interaction.duration')}
                min={0}
                max={1440}
                step={15}
                value={form.values.duration_minutes}
                onChange={(v) => form.setValue('duration_minutes', v)}
                error={form.errors.duration_minutes}
                suffix={t('engagement.interaction.minutesSuffix')}
              />
            </SimpleGrid>
            <PeopleMultiSelect
              label={t('engagement.interaction.participants')}
              value={form.values.participant_ids}
              onChange={(v) => form.setValue('participant_ids', v)}
              error={form.errors.participant_ids}
            />
            <Textarea
              label={t('engagement.interaction.outcome')}
              description={t('engagement.interaction.outcomeHint')}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={2000}
              {...form.text('outcome')}
            />
          </>
        )}
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Text fz="xs" c="dimmed">
            {t('engagement.form.submitHint')}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {existing ? t('common.saveChanges') : t('engagement.interaction.log')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
