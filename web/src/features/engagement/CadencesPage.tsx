import { ActionIcon, Anchor, Badge, Button, Checkbox, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, TextInput, Tooltip } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconCalendarRepeat, IconFilterOff, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EmptyState } from '../../components/EmptyState';
import { notifyError, notifySuccess } from '../../components/notify';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { compact, useUrlFilters } from '../../components/urlState';
import { useProblemForm } from '../../components/useProblemForm';
import { t } from '../../messages';
import { useSignedIn } from '../auth/session';
import { interactionTypeLabel, intervalLabel, parseId, userIdOrMe } from './labels';
import { DueBadge, PausedBadge, localDayPlus } from './parts';
import { PersonSelect, StakeholderSelect } from './pickers';
import { deleteCadence, saveCadence, useCadenceList, useInvalidateEngagement } from './queries';
import { CADENCE_INTERVALS, INTERACTION_TYPES, type Cadence, type CadenceInterval, type InteractionType } from './types';

const FILTERS = ['stakeholder_id', 'owner', 'overdue'] as const;

interface Values extends Record<string, unknown> {
  stakeholder_id: string;
  label: string;
  interval: CadenceInterval;
  every_days: number | string;
  format: InteractionType;
  starts_on: string;
  owner_id: string;
  paused: boolean;
}

function CadenceModal({ existing, stakeholderId, onClose }: { existing: Cadence | null; stakeholderId: string; onClose: () => void }) {
  const { user } = useSignedIn();
  const invalidate = useInvalidateEngagement();
  const form = useProblemForm<Values>(
    existing
      ? {
          stakeholder_id: String(existing.stakeholder.id),
          label: existing.label,
          interval: existing.interval,
          every_days: existing.every_days ?? 30,
          format: existing.format,
          starts_on: existing.starts_on,
          owner_id: String(existing.owner.id),
          paused: existing.paused,
        }
      : {
          stakeholder_id: stakeholderId,
          label: '',
          interval: 'monthly',
          every_days: 30,
          format: 'call',
          starts_on: localDayPlus(0),
          owner_id: String(user.id),
          paused: false,
        },
  );
  const save = useMutation({
    mutationFn: () => {
      const v = form.values;
      return saveCadence(existing?.id, {
        ...(existing ? {} : { stakeholder_id: Number(v.stakeholder_id) }),
        label: v.label.trim(),
        interval: v.interval,
        every_days: v.interval === 'custom' ? Number(v.every_days) || 0 : null,
        format: v.format,
        starts_on: v.starts_on,
        owner_id: Number(v.owner_id),
        paused: v.paused,
      });
    },
    onSuccess: async () => {
      await invalidate();
      notifySuccess(existing ? t('engagement.cadence.saved') : t('engagement.cadence.created'));
      onClose();
    },
    onError: form.fail,
  });
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (save.isPending) return;
    const errors: Record<string, string> = {};
    if (!existing && !form.values.stakeholder_id) errors.stakeholder_id = t('form.required');
    if (!form.values.label.trim()) errors.label = t('form.required');
    if (form.values.interval === 'custom' && !Number(form.values.every_days)) errors.every_days = t('form.required');
    form.setErrors(errors);
    if (Object.keys(errors).length === 0) save.mutate();
  };
  return (
    <form onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}>
      <Stack gap="md">
        <StakeholderSelect
          label={t('engagement.stakeholder')}
          required
          disabled={Boolean(existing)}
          value={form.values.stakeholder_id}
          onChange={(v) => form.setValue('stakeholder_id', v)}
          error={form.errors.stakeholder_id}
          data-autofocus={existing ? undefined : true}
        />
        <TextInput
          label={t('engagement.cadence.label')}
          placeholder={t('engagement.cadence.labelPlaceholder')}
          required
          maxLength={100}
          data-autofocus={existing ? true : undefined}
          {...form.text('label')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            label={t('engagement.cadence.interval')}
            data={CADENCE_INTERVALS.map((v) => ({ value: v, label: v === 'custom' ? t('engagement.interval.custom') : intervalLabel(v) }))}
            value={form.values.interval}
            onChange={(v) => v && form.setValue('interval', v as CadenceInterval)}
            allowDeselect={false}
            error={form.errors.interval}
            required
          />
          {form.values.interval === 'custom' ? (
            <NumberInput
              label={t('engagement.cadence.everyDays')}
              min={1}
              max={365}
              required
              value={form.values.every_days}
              onChange={(v) => form.setValue('every_days', v)}
              error={form.errors.every_days}
            />
          ) : (
            <Select
              label={t('engagement.cadence.format')}
              data={INTERACTION_TYPES.map((v) => ({ value: v, label: interactionTypeLabel(v) }))}
              value={form.values.format}
              onChange={(v) => v && form.setValue('format', v as InteractionType)}
              allowDeselect={false}
              error={form.errors.format}
            />
          )}
        </SimpleGrid>
        {form.values.interval === 'custom' && (
          <Select
            label={t('engagement.cadence.format')}
            data={INTERACTION_TYPES.map((v) => ({ value: v, label: interactionTypeLabel(v) }))}
            value={form.values.format}
            onChange={(v) => v && form.setValue('format', v as InteractionType)}
            allowDeselect={false}
            error={form.errors.format}
          />
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput label={t('engagement.cadence.startsOn')} type="date" {...form.text('starts_on')} />
          <PersonSelect
            label={t('engagement.owner')}
            value={form.values.owner_id}
            onChange={(v) => form.setValue('owner_id', v)}
            error={form.errors.owner_id}
            allowDeselect={false}
          />
        </SimpleGrid>
        <Checkbox
          label={t('engagement.cadence.pause')}
          description={t('engagement.cadence.pausedHint')}
          checked={form.values.paused}
          onChange={(e) => form.setValue('paused', e.currentTarget.checked)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {existing ? t('common.saveChanges') : t('engagement.cadence.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** /engagement/cadences — how often we mean to talk to whom, and who is due. */
export default function CadencesPage() {
  const { values, setFilter } = useUrlFilters(FILTERS);
  const [editing, setEditing] = useState<Cadence | 'new' | null>(null);
  const invalidate = useInvalidateEngagement();
  const query = compact({
    stakeholder_id: parseId(values.stakeholder_id),
    owner_id: userIdOrMe(values.owner),
    overdue: values.overdue === '1' ? true : undefined,
  });
  const list = useCadenceList(query);
  const filtered = FILTERS.some((f) => values[f]);
  const add = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      {t('engagement.cadence.add')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('engagement.tab.cadences')}
        crumbs={[{ label: t('engagement.title'), to: '/engagement' }]}
        description={t('engagement.cadences.description')}
        actions={
          <>
            {filtered && (
              <Button variant="default" leftSection={<IconFilterOff size={16} />} onClick={() => FILTERS.forEach((f) => setFilter(f, ''))}>
                {t('common.clearFilters')}
              </Button>
            )}
            {add}
          </>
        }
      />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('engagement.cadence.newTitle') : t('engagement.cadence.editTitle')}
        size="lg"
      >
        {editing !== null && (
          <CadenceModal existing={editing === 'new' ? null : editing} stakeholderId={values.stakeholder_id} onClose={() => setEditing(null)} />
        )}
      </Modal>
      <Paper withBorder radius="md" p="md" mb="md" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" style={{ alignItems: 'end' }}>
          <StakeholderSelect
            label={t('engagement.stakeholder')}
            placeholder={t('common.all')}
            value={values.stakeholder_id}
            onChange={(v) => setFilter('stakeholder_id', v)}
            clearable
          />
          <PersonSelect
            label={t('engagement.owner')}
            placeholder={t('common.anyone')}
            value={values.owner}
            onChange={(v) => setFilter('owner', v)}
            meAsKeyword
            clearable
          />
          <Checkbox
            label={t('engagement.cadences.overdueOnly')}
            checked={values.overdue === '1'}
            onChange={(e) => setFilter('overdue', e.currentTarget.checked ? '1' : '')}
            mb={8}
          />
        </SimpleGrid>
      </Paper>
      <PagedTable
        list={list}
        label={t('engagement.tab.cadences')}
        minWidth={820}
        headers={[
          t('engagement.stakeholder'),
          t('engagement.cadence.label'),
          t('engagement.cadence.interval'),
          t('engagement.cadence.nextDue'),
          t('engagement.owner'),
          <span key="a">{t('common.actions')}</span>,
        ]}
        empty={
          <EmptyState
            icon={<IconCalendarRepeat size={24} />}
            title={filtered ? t('common.noMatchesTitle') : t('engagement.cadences.emptyTitle')}
            action={!filtered && add}
          >
            {filtered ? t('common.noMatchesBody') : t('engagement.cadences.emptyBody')}
          </EmptyState>
        }
        row={(c) => (
          <Table.Tr key={c.id} bg={c.overdue && !c.paused ? 'var(--mantine-color-red-light)' : undefined}>
            <Table.Td>
              <Anchor component={Link} to={`/stakeholders/${c.stakeholder.id}`} fz="sm" fw={500}>
                {c.stakeholder.name}
              </Anchor>
            </Table.Td>
            <Table.Td fz="sm">{c.label}</Table.Td>
            <Table.Td fz="sm">
              {intervalLabel(c.interval, c.every_days)}
              <Badge variant="outline" color="gray" ml={6} size="sm" style={{ textTransform: 'none' }}>
                {interactionTypeLabel(c.format)}
              </Badge>
            </Table.Td>
            <Table.Td>{c.paused ? <PausedBadge /> : <DueBadge dueOn={c.next_due_on} open overdue={c.overdue} />}</Table.Td>
            <Table.Td fz="sm">{c.owner.display_name}</Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Button
                  component={Link}
                  to={`/engagement/interactions/new?stakeholder_id=${c.stakeholder.id}`}
                  size="compact-sm"
                  variant="light"
                >
                  {t('engagement.cadence.logContact')}
                </Button>
                <Tooltip label={t('common.edit')} withArrow>
                  <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(c)} aria-label={t('engagement.editLabel', { name: c.label })}>
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
                <ConfirmButton
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  question={t('engagement.cadence.deleteQuestion')}
                  detail={`${c.stakeholder.name}: ${c.label}`}
                  confirmLabel={t('engagement.delete')}
                  aria-label={t('engagement.deleteLabel', { name: c.label })}
                  onConfirm={async () => {
                    try {
                      await deleteCadence(c.id);
                      await invalidate();
                      notifySuccess(t('engagement.cadence.deleted'));
                    } catch (error) {
                      notifyError(error);
                    }
                  }}
                >
                  {t('engagement.delete')}
                </ConfirmButton>
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
