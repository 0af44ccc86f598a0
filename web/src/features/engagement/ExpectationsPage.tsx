import { ActionIcon, Anchor, Badge, Button, Group, Modal, Paper, SegmentedControl, Input, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { getHotkeyHandler, useId } from '@mantine/hooks';
import { IconArrowLeft, IconArrowRight, IconFilterOff, IconHeartHandshake, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EmptyState } from '../../components/EmptyState';
import { notifyError, notifySuccess } from '../../components/notify';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { compact, oneOf, useUrlFilters } from '../../components/urlState';
import { useProblemForm } from '../../components/useProblemForm';
import { t } from '../../messages';
import { directionLabel, expectationStatusColor, expectationStatusLabel, parseId } from './labels';
import { DueBadge } from './parts';
import { PersonSelect, StakeholderSelect } from './pickers';
import { deleteExpectation, saveExpectation, useExpectationList, useInvalidateEngagement } from './queries';
import {
  EXPECTATION_DIRECTIONS,
  EXPECTATION_STATUSES,
  type Expectation,
  type ExpectationDirection,
  type ExpectationStatus,
} from './types';

const FILTERS = ['stakeholder_id', 'status'] as const;
const statusOptions = EXPECTATION_STATUSES.map((v) => ({ value: v, label: expectationStatusLabel(v) }));

interface Values extends Record<string, unknown> {
  stakeholder_id: string;
  direction: ExpectationDirection;
  description: string;
  due_on: string;
  status: ExpectationStatus;
  owner_id: string;
}

function ExpectationForm({ existing, stakeholderId, onClose }: { existing: Expectation | null; stakeholderId: string; onClose: () => void }) {
  const invalidate = useInvalidateEngagement();
  const directionId = useId();
  const form = useProblemForm<Values>(
    existing
      ? {
          stakeholder_id: String(existing.stakeholder.id),
          direction: existing.direction,
          description: existing.description,
          due_on: existing.due_on ?? '',
          status: existing.status,
          owner_id: existing.owner ? String(existing.owner.id) : '',
        }
      : { stakeholder_id: stakeholderId, direction: 'they_expect', description: '', due_on: '', status: 'open', owner_id: '' },
  );
  const save = useMutation({
    mutationFn: () => {
      const v = form.values;
      return saveExpectation(existing?.id, {
        ...(existing ? {} : { stakeholder_id: Number(v.stakeholder_id) }),
        direction: v.direction,
        description: v.description.trim(),
        due_on: v.due_on || null,
        status: v.status,
        owner_id: parseId(v.owner_id) ?? null,
      });
    },
    onSuccess: async () => {
      await invalidate();
      notifySuccess(existing ? t('engagement.expectation.saved') : t('engagement.expectation.created'));
      onClose();
    },
    onError: form.fail,
  });
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (save.isPending) return;
    const errors: Record<string, string> = {};
    if (!existing && !form.values.stakeholder_id) errors.stakeholder_id = t('form.required');
    if (!form.values.description.trim()) errors.description = t('form.required');
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
        />
        <Input.Wrapper label={t('engagement.expectation.direction')} labelElement="div" id={directionId} error={form.errors.direction}>
          <SegmentedControl
            fullWidth
            aria-labelledby={`${directionId}-label`}
            data={EXPECTATION_DIRECTIONS.map((v) => ({ value: v, label: directionLabel(v) }))}
            value={form.values.direction}
            onChange={(v) => form.setValue('direction', v as ExpectationDirection)}
          />
        </Input.Wrapper>
        <Textarea
          label={t('engagement.expectation.description')}
          required
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
          data-autofocus
          {...form.text('description')}
        />
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <TextInput label={t('engagement.expectation.due')} type="date" {...form.text('due_on')} />
          <Select
            label={t('engagement.status')}
            data={statusOptions}
            value={form.values.status}
            onChange={(v) => v && form.setValue('status', v as ExpectationStatus)}
            allowDeselect={false}
            error={form.errors.status}
          />
          <PersonSelect
            label={t('engagement.owner')}
            placeholder={t('engagement.nobody')}
            value={form.values.owner_id}
            onChange={(v) => form.setValue('owner_id', v)}
            error={form.errors.owner_id}
            clearable
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {existing ? t('common.saveChanges') : t('engagement.expectation.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** /engagement/expectations — what we promised and what they expect of us, and whether it was met. */
export default function ExpectationsPage() {
  const { values, setFilter } = useUrlFilters(FILTERS);
  const [editing, setEditing] = useState<Expectation | 'new' | null>(null);
  const invalidate = useInvalidateEngagement();
  const query = compact({ stakeholder_id: parseId(values.stakeholder_id), status: oneOf(EXPECTATION_STATUSES, values.status) });
  const list = useExpectationList(query);
  const filtered = FILTERS.some((f) => values[f]);
  const add = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      {t('engagement.expectation.add')}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={t('engagement.tab.expectations')}
        crumbs={[{ label: t('engagement.title'), to: '/engagement' }]}
        description={t('engagement.expectations.description')}
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
        title={editing === 'new' ? t('engagement.expectation.newTitle') : t('engagement.expectation.editTitle')}
        size="lg"
      >
        {editing !== null && (
          <ExpectationForm existing={editing === 'new' ? null : editing} stakeholderId={values.stakeholder_id} onClose={() => setEditing(null)} />
        )}
      </Modal>
      <Paper withBorder radius="md" p="md" mb="md" component="section" aria-label={t('common.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <StakeholderSelect
            label={t('engagement.stakeholder')}
            placeholder={t('common.all')}
            value={values.stakeholder_id}
            onChange={(v) => setFilter('stakeholder_id', v)}
            clearable
          />
          <Select
            label={t('engagement.status')}
            placeholder={t('common.all')}
            data={statusOptions}
            value={values.status || null}
            onChange={(v) => setFilter('status', v ?? '')}
            clearable
          />
        </SimpleGrid>
      </Paper>
      <PagedTable
        list={list}
        label={t('engagement.tab.expectations')}
        minWidth={860}
        headers={[
          t('engagement.stakeholder'),
          t('engagement.expectation.direction'),
          t('engagement.expectation.description'),
          t('engagement.expectation.due'),
          t('engagement.status'),
          t('engagement.owner'),
          <span key="a">{t('common.actions')}</span>,
        ]}
        empty={
          <EmptyState
            icon={<IconHeartHandshake size={24} />}
            title={filtered ? t('common.noMatchesTitle') : t('engagement.expectations.emptyTitle')}
            action={!filtered && add}
          >
            {filtered ? t('common.noMatchesBody') : t('engagement.expectations.emptyBody')}
          </EmptyState>
        }
        row={(x) => (
          <Table.Tr key={x.id}>
            <Table.Td>
              <Anchor component={Link} to={`/stakeholders/${x.stakeholder.id}`} fz="sm" fw={500}>
                {x.stakeholder.name}
              </Anchor>
            </Table.Td>
            <Table.Td fz="sm">
              <Group gap={4} wrap="nowrap">
                {x.direction === 'we_promised' ? <IconArrowRight size={14} aria-hidden /> : <IconArrowLeft size={14} aria-hidden />}
                <span>{directionLabel(x.direction)}</span>
              </Group>
            </Table.Td>
            <Table.Td>
              <Text fz="sm" lineClamp={3}>
                {x.description}
              </Text>
            </Table.Td>
            <Table.Td>{x.due_on ? <DueBadge dueOn={x.due_on} open={x.status === 'open'} /> : '—'}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={expectationStatusColor[x.status]} style={{ textTransform: 'none' }}>
                {expectationStatusLabel(x.status)}
              </Badge>
            </Table.Td>
            <Table.Td fz="sm">{x.owner?.display_name ?? '—'}</Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Tooltip label={t('common.edit')} withArrow>
                  <ActionIcon variant="subtle" color="gray" onClick={() => setEditing(x)} aria-label={t('engagement.editLabel', { name: x.description.slice(0, 60) })}>
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
                <ConfirmButton
                  size="compact-sm"
                  variant="subtle"
                  color="red"
                  question={t('engagement.expectation.deleteQuestion')}
                  detail={x.description}
                  confirmLabel={t('engagement.delete')}
                  aria-label={t('engagement.deleteLabel', { name: x.description.slice(0, 60) })}
                  onConfirm={async () => {
                    try {
                      await deleteExpectation(x.id);
                      await invalidate();
                      notifySuccess(t('engagement.expectation.deleted'));
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
