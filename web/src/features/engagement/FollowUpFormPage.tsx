import { Anchor, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { NotFound } from '../../components/NotFound';
import { notifyError, notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { CardSkeleton } from '../../components/Skeletons';
import { useProblemForm } from '../../components/useProblemForm';
import { t } from '../../messages';
import { useSignedIn } from '../auth/session';
import { followUpStatusLabel, parseId } from './labels';
import { localDayPlus } from './parts';
import { PersonSelect, StakeholderSelect } from './pickers';
import { deleteFollowUp, saveFollowUp, useFollowUp, useInvalidateEngagement } from './queries';
import { FOLLOW_UP_STATUSES, type FollowUp, type FollowUpStatus } from './types';

interface Values extends Record<string, unknown> {
  title: string;
  detail: string;
  owner_id: string;
  due_on: string;
  status: FollowUpStatus;
  effort_minutes: number | string;
  stakeholder_id: string;
  interaction_id: string;
}

function initialValues(meId: number, params: URLSearchParams, existing?: FollowUp): Values {
  if (existing)
    return {
      title: existing.title,
      detail: existing.detail ?? '',
      owner_id: String(existing.owner.id),
      due_on: existing.due_on,
      status: existing.status,
      effort_minutes: existing.effort_minutes,
      stakeholder_id: existing.stakeholder ? String(existing.stakeholder.id) : '',
      interaction_id: existing.interaction_id ? String(existing.interaction_id) : '',
    };
  return {
    title: '',
    detail: '',
    owner_id: String(meId),
    due_on: localDayPlus(7),
    status: 'open',
    effort_minutes: 30,
    stakeholder_id: String(parseId(params.get('stakeholder_id')) ?? ''),
    interaction_id: String(parseId(params.get('interaction_id')) ?? ''),
  };
}

const statusOptions = FOLLOW_UP_STATUSES.map((v) => ({ value: v, label: followUpStatusLabel(v) }));

function FollowUpForm({ existing }: { existing?: FollowUp }) {
  const { user } = useSignedIn();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const invalidate = useInvalidateEngagement();
  const form = useProblemForm<Values>(initialValues(user.id, params, existing));
  const formRef = useRef<HTMLFormElement>(null);
  const done = () => (existing ? navigate(-1) : navigate('/engagement/follow-ups'));

  const save = useMutation({
    mutationFn: () => {
      const v = form.values;
      return saveFollowUp(existing?.id, {
        title: v.title.trim(),
        detail: v.detail,
        owner_id: Number(v.owner_id),
        due_on: v.due_on,
        effort_minutes: typeof v.effort_minutes === 'number' ? v.effort_minutes : Number(v.effort_minutes) || 0,
        stakeholder_id: parseId(v.stakeholder_id) ?? null,
        interaction_id: parseId(v.interaction_id) ?? null,
        ...(existing ? { status: v.status } : {}),
      });
    },
    onSuccess: async (saved) => {
      await invalidate();
      notifySuccess(existing ? t('engagement.followUp.saved') : t('engagement.followUp.created', { title: saved.title }));
      done();
    },
    onError: (error) => {
      form.fail(error);
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    },
  });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (save.isPending) return;
    const errors: Record<string, string> = {};
    if (!form.values.title.trim()) errors.title = t('form.required');
    if (!form.values.due_on) errors.due_on = t('form.required');
    if (!form.values.owner_id) errors.owner_id = t('form.required');
    form.setErrors(errors);
    if (Object.keys(errors).length === 0) save.mutate();
  };

  const interactionId = parseId(form.values.interaction_id);
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} maw={760}>
      <form ref={formRef} onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}>
        <Stack gap="md">
          <TextInput label={t('engagement.followUp.titleLabel')} placeholder={t('engagement.followUp.titlePlaceholder')} required data-autofocus maxLength={200} {...form.text('title')} />
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <TextInput label={t('engagement.followUp.due')} type="date" required {...form.text('due_on')} />
            <PersonSelect
              label={t('engagement.owner')}
              required
              value={form.values.owner_id}
              onChange={(v) => form.setValue('owner_id', v)}
              error={form.errors.owner_id}
              allowDeselect={false}
            />
            <NumberInput
              label={t('engagement.followUp.effort')}
              min={0}
              max={2400}
              step={15}
              suffix={t('engagement.interaction.minutesSuffix')}
              value={form.values.effort_minutes}
              onChange={(v) => form.setValue('effort_minutes', v)}
              error={form.errors.effort_minutes}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: existing ? 2 : 1 }} spacing="sm">
            <StakeholderSelect
              label={t('engagement.stakeholder')}
              placeholder={t('engagement.followUp.noStakeholder')}
              value={form.values.stakeholder_id}
              onChange={(v) => form.setValue('stakeholder_id', v)}
              error={form.errors.stakeholder_id}
              clearable
            />
            {existing && (
              <Select
                label={t('engagement.status')}
                data={statusOptions}
                value={form.values.status}
                onChange={(v) => v && form.setValue('status', v as FollowUpStatus)}
                allowDeselect={false}
                error={form.errors.status}
              />
            )}
          </SimpleGrid>
          {interactionId && (
            <Text fz="sm">
              <Anchor component={Link} to={`/engagement/interactions/${interactionId}`}>
                {t('engagement.followUp.fromInteraction')}
              </Anchor>
            </Text>
          )}
          {form.errors.interaction_id && (
            <Text c="red" fz="sm" role="alert">
              {form.errors.interaction_id}
            </Text>
          )}
          <Textarea label={t('engagement.followUp.detail')} autosize minRows={3} maxRows={10} maxLength={4000} {...form.text('detail')} />
          <Group justify="space-between" wrap="wrap" gap="sm">
            <Text fz="xs" c="dimmed">
              {t('engagement.form.submitHint')}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={() => navigate(-1)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {existing ? t('common.saveChanges') : t('engagement.followUp.add')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** /engagement/follow-ups/new (?stakeholder_id=, ?interaction_id=) and /engagement/follow-ups/:id/edit. */
export default function FollowUpFormPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const followUpId = parseId(id);
  const editing = id !== undefined;
  const existing = useFollowUp(followUpId);
  const invalidate = useInvalidateEngagement();
  const crumbs = [
    { label: t('engagement.title'), to: '/engagement' },
    { label: t('engagement.tab.followUps'), to: '/engagement/follow-ups' },
  ];
  if (editing) {
    if (followUpId === undefined) return <NotFound />;
    if (existing.isPending) return <CardSkeleton lines={6} />;
    if (existing.isError) return <QueryError error={existing.error} retry={() => existing.refetch()} />;
  }
  const item = existing.data;
  return (
    <>
      <PageHeader
        title={editing ? t('engagement.followUp.editTitle') : t('engagement.followUp.newTitle')}
        crumbs={crumbs}
        actions={
          item && (
            <ConfirmButton
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} />}
              question={t('engagement.followUp.deleteQuestion')}
              detail={item.title}
              confirmLabel={t('engagement.delete')}
              onConfirm={async () => {
                try {
                  await deleteFollowUp(item.id);
                  await invalidate();
                  notifySuccess(t('engagement.followUp.deleted'));
                  navigate('/engagement/follow-ups', { replace: true });
                } catch (error) {
                  notifyError(error);
                }
              }}
            >
              {t('engagement.delete')}
            </ConfirmButton>
          )
        }
      />
      <FollowUpForm existing={item} />
    </>
  );
}
