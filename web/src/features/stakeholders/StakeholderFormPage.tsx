import {
  ActionIcon,
  Alert,
  Anchor,
  Box,
  Button,
  Group,
  Input,
  MultiSelect,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Slider,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { getHotkeyHandler, useDebouncedValue, useId } from '@mantine/hooks';
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/problem';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { PageSkeleton } from '../../components/Skeletons';
import { useProblemForm } from '../../components/useProblemForm';
import { t, type MessageKey } from '../../messages';
import { useSpaceOptions, useUserOptions } from '../admin/queries';
import { canAdminister, isAdmin, useSignedIn } from '../auth/session';
import { emptyValues, localErrors, toCreateBody, toUpdateBody, valuesFromStakeholder, type FormValues } from './form';
import {
  driverLabel,
  gatekeeperLabel,
  kindLabel,
  levelLabel,
  options,
  relationLabel,
  resourceLabel,
  sizeLabel,
  typeLabel,
  valueChainLabel,
} from './labels';
import { StakeholderPicker, TypeIcon } from './parts';
import { createStakeholder, fetchStakeholder, stakeholderKeys, updateStakeholder, useStakeholder, useStakeholderSaved } from './queries';
import {
  DRIVERS,
  GATEKEEPER_AREAS,
  KINDS,
  LEVELS,
  RELATION_KINDS,
  RESOURCE_KINDS,
  SIZES,
  STAKEHOLDER_TYPES,
  VALUE_CHAIN,
  type Driver,
  type GatekeeperArea,
  type Kind,
  type Level,
  type RelationKind,
  type ResourceKind,
  type Size,
  type Stakeholder,
  type StakeholderType,
  type ValueChainStep,
} from './types';

const localMessages: Record<'required' | 'url' | 'role' | 'linkLabel', MessageKey> = {
  required: 'form.required',
  url: 'stakeholders.form.linkUrlInvalid',
  role: 'stakeholders.form.teamRoleRequired',
  linkLabel: 'stakeholders.form.linkLabelRequired',
};

function Section({ title, children, description }: { title: string; description?: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Title order={2} fz="md" fw={600} id={id}>
        {title}
      </Title>
      {description && (
        <Text fz="sm" c="dimmed" mt={2}>
          {description}
        </Text>
      )}
      <Stack gap="md" mt="md">
        {children}
      </Stack>
    </Paper>
  );
}

/** A labelled group of rows (links, drivers, …) with its error under it. */
function Rows({ label, error, children, empty }: { label: string; error?: string; empty: string; children: ReactNode[] }) {
  const id = useId();
  return (
    <Box role="group" aria-labelledby={id}>
      <Text id={id} fz="sm" fw={500} mb={6}>
        {label}
      </Text>
      {children.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Stack gap="xs">{children}</Stack>
      )}
      {error && <Input.Error mt={6}>{error}</Input.Error>}
    </Box>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="gray" onClick={onClick} aria-label={label} size="lg">
      <IconTrash size={16} />
    </ActionIcon>
  );
}

/** Owner: administrators search every user; others choose between nobody, themselves and the current owner. */
function OwnerSelect({
  value,
  onChange,
  error,
  current,
  disabled,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
  current: { id: number; display_name: string } | null;
  disabled: boolean;
}) {
  const me = useSignedIn();
  const admin = isAdmin(me.user.role);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const users = useUserOptions(q, admin && !disabled);
  const data: { value: string; label: string }[] = [{ value: String(me.user.id), label: t('stakeholders.form.ownerMe', { name: me.user.display_name }) }];
  if (current && current.id !== me.user.id) data.push({ value: String(current.id), label: current.display_name });
  for (const u of users.data ?? []) {
    if (u.user.role !== 'external' && !u.user.disabled && !data.some((d) => d.value === u.value)) data.push({ value: u.value, label: u.label });
  }
  return (
    <Select
      label={t('stakeholders.owner')}
      description={disabled ? t('stakeholders.form.ownerLocked') : admin ? undefined : t('stakeholders.form.ownerHint')}
      placeholder={t('stakeholders.form.noOwner')}
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      searchable={admin}
      searchValue={admin ? search : undefined}
      onSearchChange={admin ? setSearch : undefined}
      filter={admin ? ({ options: o }) => o : undefined}
      clearable
      disabled={disabled}
      error={error}
    />
  );
}

/** Adds a team member: administrators pick any internal user; others may add themselves. */
function TeamAdder({ exclude, onAdd }: { exclude: number[]; onAdd: (m: { user_id: number; display_name: string }) => void }) {
  const me = useSignedIn();
  const admin = isAdmin(me.user.role);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const users = useUserOptions(q, admin);
  if (!admin) {
    if (exclude.includes(me.user.id)) return null;
    return (
      <Button variant="light" size="xs" leftSection={<IconPlus size={14} />} onClick={() => onAdd({ user_id: me.user.id, display_name: me.user.display_name })} w="fit-content">
        {t('stakeholders.form.teamAddMe')}
      </Button>
    );
  }
  const data = (users.data ?? []).filter((u) => u.user.role !== 'external' && !u.user.disabled && !exclude.includes(u.user.id));
  return (
    <Select
      label={t('stakeholders.form.teamAdd')}
      placeholder={t('stakeholders.form.searchPeople')}
      data={data.map((u) => ({ value: u.value, label: u.label }))}
      value={null}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={t('stakeholders.picker.none')}
      onChange={(v) => {
        const u = data.find((d) => d.value === v);
        if (u) {
          onAdd({ user_id: u.user.id, display_name: u.user.display_name });
          setSearch('');
        }
      }}
      maw={360}
    />
  );
}

function StakeholderForm({ existing }: { existing?: Stakeholder }) {
  const me = useSignedIn();
  const navigate = useNavigate();
  const client = useQueryClient();
  const saved = useStakeholderSaved();
  const spaces = useSpaceOptions();
  const form = useProblemForm<FormValues>(existing ? valuesFromStakeholder(existing) : emptyValues(me.user.id));
  const { values, setValue, errors } = form;
  const [conflict, setConflict] = useState(false);
  // The version this form started from: a refetch in the background must not move it, or a save
  // would silently overwrite someone else's change instead of answering 409.
  const [base] = useState(existing);
  const person = values.type === 'person';
  const otherType: StakeholderType = person ? 'organisation' : 'person';
  const mayChangeOwner = !existing || canAdminister(me.user.role) || existing.owner?.id === me.user.id;

  const save = useMutation({
    mutationFn: (target: Stakeholder | undefined) => {
      return target ? updateStakeholder(target.id, toUpdateBody(values, target)) : createStakeholder(toCreateBody(values));
    },
    onSuccess: async (s) => {
      setConflict(false);
      await saved(s);
      notifySuccess(existing ? t('stakeholders.form.saved') : t('stakeholders.form.created', { name: s.name }));
      navigate(`/stakeholders/${s.id}`);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) setConflict(true);
      else form.fail(error);
    },
  });

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (save.isPending) return;
    const local = localErrors(values);
    const mapped = Object.fromEntries(Object.entries(local).map(([k, v]) => [k, t(localMessages[v])]));
    form.setErrors(mapped);
    if (Object.keys(mapped).length === 0) save.mutate(base);
  };

  /** After a conflict: save on top of the version stored now (what was typed stays). */
  const overwrite = async () => {
    if (!base) return;
    try {
      const latest = await fetchStakeholder(base.id);
      client.setQueryData(stakeholderKeys.detail(base.id), latest);
      save.mutate(latest);
    } catch (error) {
      form.fail(error);
    }
  };

  const update = <K extends keyof FormValues>(key: K, index: number, patch: Partial<FormValues[K] extends (infer R)[] ? R : never>) => {
    const list = values[key] as unknown[];
    setValue(key, list.map((row, i) => (i === index ? { ...(row as object), ...patch } : row)) as FormValues[K]);
  };
  const remove = <K extends keyof FormValues>(key: K, index: number) => {
    setValue(key, (values[key] as unknown[]).filter((_, i) => i !== index) as FormValues[K]);
  };
  const unusedDrivers = DRIVERS.filter((d) => !values.value_drivers.some((v) => v.driver === d));

  return (
    <form onSubmit={submit} noValidate onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])} aria-describedby="stakeholder-form-hint">
      <Stack gap="md">
        {conflict && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('stakeholders.form.conflictTitle')} role="alert">
            <Text fz="sm" mb="sm">
              {t('stakeholders.form.conflictBody')}
            </Text>
            <Group gap="sm">
              <Button size="xs" color="orange" onClick={overwrite} loading={save.isPending}>
                {t('stakeholders.form.overwrite')}
              </Button>
              {existing && (
                <Anchor component={Link} to={`/stakeholders/${existing.id}`} target="_blank" fz="sm">
                  {t('stakeholders.form.openLatest')}
                </Anchor>
              )}
            </Group>
          </Alert>
        )}
        <Section title={t('stakeholders.form.basics')}>
          {!existing && (
            <Input.Wrapper label={t('stakeholders.type')} labelElement="div" id="stakeholder-type">
              <SegmentedControl
                aria-labelledby="stakeholder-type-label"
                data={STAKEHOLDER_TYPES.map((v) => ({
                  value: v,
                  label: (
                    <Group gap={6} wrap="nowrap" justify="center">
                      <TypeIcon type={v} size={14} decorative />
                      <span>{typeLabel(v)}</span>
                    </Group>
                  ),
                }))}
                value={values.type}
                onChange={(v) => {
                  setValue('type', v as StakeholderType);
                  // The other side of an affiliation must be of the other type.
                  if (values.affiliations.length) setValue('affiliations', []);
                }}
                display="flex"
                w={{ base: '100%', xs: 'fit-content' }}
              />
            </Input.Wrapper>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('stakeholders.name')} required data-autofocus autoFocus={!existing} maxLength={200} {...form.text('name')} />
            <Select
              label={t('stakeholders.kind')}
              data={options(KINDS, kindLabel)}
              value={values.kind}
              onChange={(v) => v && setValue('kind', v as Kind)}
              error={errors.kind}
              allowDeselect={false}
              required
            />
            {values.kind === 'internal_gatekeeper' && (
              <Select
                label={t('stakeholders.gatekeeperArea')}
                data={options(GATEKEEPER_AREAS, gatekeeperLabel)}
                value={values.gatekeeper_area || null}
                onChange={(v) => setValue('gatekeeper_area', (v ?? '') as GatekeeperArea | '')}
                error={errors.gatekeeper_area}
                clearable
              />
            )}
            {person ? (
              <TextInput label={t('stakeholders.email')} type="email" autoComplete="off" {...form.text('email')} />
            ) : (
              <TextInput label={t('stakeholders.domain')} description={t('stakeholders.form.domainHint')} placeholder="example.com" {...form.text('domain')} />
            )}
            <TextInput label={t('stakeholders.industry')} maxLength={100} {...form.text('industry')} />
            <TextInput label={t('stakeholders.region')} maxLength={100} {...form.text('region')} />
            <Select
              label={t('stakeholders.size')}
              data={options(SIZES, sizeLabel)}
              value={values.size || null}
              onChange={(v) => setValue('size', (v ?? '') as Size | '')}
              error={errors.size}
              clearable
            />
            {!existing && (
              <Select
                label={t('stakeholders.form.initialLevel')}
                data={options(LEVELS, levelLabel)}
                value={values.level}
                onChange={(v) => v && setValue('level', v as Level)}
                error={errors.level}
                allowDeselect={false}
              />
            )}
          </SimpleGrid>
          <Switch
            label={t('stakeholders.internal')}
            description={t('stakeholders.form.internalHint')}
            checked={values.internal}
            onChange={(e) => setValue('internal', e.currentTarget.checked)}
            error={errors.internal}
          />
        </Section>

        <Section title={t('stakeholders.form.tagsAndLinks')}>
          <TagsInput
            label={t('stakeholders.tags')}
            description={t('stakeholders.form.tagsHint')}
            value={values.tags}
            onChange={(v) => setValue('tags', v)}
            error={errors.tags}
            maxTags={20}
            splitChars={[',', ';']}
            clearable
          />
          <Rows label={t('stakeholders.links')} error={errors.links} empty={t('stakeholders.form.noLinks')}>
            {values.links.map((l, i) => (
              <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
                <TextInput
                  label={t('stakeholders.form.linkLabel')}
                  value={l.label}
                  onChange={(e) => update('links', i, { label: e.currentTarget.value })}
                  maxLength={100}
                  w="35%"
                />
                <TextInput
                  label={t('stakeholders.form.linkUrl')}
                  placeholder="https://"
                  type="url"
                  value={l.url}
                  onChange={(e) => update('links', i, { url: e.currentTarget.value })}
                  style={{ flex: 1 }}
                />
                <RemoveButton label={t('stakeholders.form.removeLink', { n: i + 1 })} onClick={() => remove('links', i)} />
              </Group>
            ))}
          </Rows>
          {values.links.length < 10 && (
            <Button
              variant="light"
              size="xs"
              w="fit-content"
              leftSection={<IconPlus size={14} />}
              onClick={() => setValue('links', [...values.links, { label: '', url: '' }])}
            >
              {t('stakeholders.form.addLink')}
            </Button>
          )}
        </Section>

        <Section title={t('stakeholders.form.value')} description={t('stakeholders.form.valueHint')}>
          <MultiSelect
            label={t('stakeholders.valueChain')}
            data={options(VALUE_CHAIN, valueChainLabel)}
            value={values.value_chain}
            onChange={(v) => setValue('value_chain', v as ValueChainStep[])}
            error={errors.value_chain}
            clearable
          />
          <Rows label={t('stakeholders.valueDrivers')} error={errors.value_drivers} empty={t('stakeholders.form.noDrivers')}>
            {values.value_drivers.map((d, i) => (
              <Paper key={d.driver} withBorder radius="sm" p="sm">
                <Group justify="space-between" wrap="nowrap" mb={4}>
                  <Text fz="sm" fw={500} id={`driver-${d.driver}`}>
                    {driverLabel(d.driver)}
                  </Text>
                  <RemoveButton label={t('stakeholders.form.removeDriver', { driver: driverLabel(d.driver) })} onClick={() => remove('value_drivers', i)} />
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <Box>
                    <Text fz="xs" c="dimmed" mb={4} aria-hidden>
                      {t('stakeholders.form.weightValue', { weight: d.weight })}
                    </Text>
                    <Slider
                      min={0}
                      max={100}
                      step={5}
                      value={d.weight}
                      onChange={(w) => update('value_drivers', i, { weight: w })}
                      thumbLabel={t('stakeholders.form.weightOf', { driver: driverLabel(d.driver) })}
                      label={(w) => w}
                      mb="xs"
                    />
                  </Box>
                  <TextInput
                    aria-label={t('stakeholders.form.driverNoteOf', { driver: driverLabel(d.driver) })}
                    placeholder={t('stakeholders.form.note')}
                    value={d.note}
                    onChange={(e) => update('value_drivers', i, { note: e.currentTarget.value })}
                    size="xs"
                  />
                </SimpleGrid>
              </Paper>
            ))}
          </Rows>
          {unusedDrivers.length > 0 && (
            <Select
              label={t('stakeholders.form.addDriver')}
              placeholder={t('stakeholders.form.chooseDriver')}
              data={options(unusedDrivers, driverLabel)}
              value={null}
              onChange={(v) => v && setValue('value_drivers', [...values.value_drivers, { driver: v as Driver, weight: 50, note: '' }])}
              maw={280}
            />
          )}
          <Rows label={t('stakeholders.resources')} error={errors.resources} empty={t('stakeholders.form.noResources')}>
            {values.resources.map((r, i) => (
              <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
                <Select
                  label={t('stakeholders.form.resourceKind')}
                  data={options(RESOURCE_KINDS, resourceLabel)}
                  value={r.kind}
                  onChange={(v) => v && update('resources', i, { kind: v as ResourceKind })}
                  allowDeselect={false}
                  w="40%"
                />
                <TextInput
                  label={t('stakeholders.form.note')}
                  value={r.note}
                  onChange={(e) => update('resources', i, { note: e.currentTarget.value })}
                  style={{ flex: 1 }}
                />
                <RemoveButton label={t('stakeholders.form.removeResource', { n: i + 1 })} onClick={() => remove('resources', i)} />
              </Group>
            ))}
          </Rows>
          {values.resources.length < 16 && (
            <Button
              variant="light"
              size="xs"
              w="fit-content"
              leftSection={<IconPlus size={14} />}
              onClick={() => setValue('resources', [...values.resources, { kind: 'expertise', note: '' }])}
            >
              {t('stakeholders.form.addResource')}
            </Button>
          )}
        </Section>

        <Section title={t('stakeholders.form.people')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <OwnerSelect
              value={values.owner_id}
              onChange={(v) => setValue('owner_id', v)}
              error={errors.owner_id}
              current={existing?.owner ?? null}
              disabled={!mayChangeOwner}
            />
          </SimpleGrid>
          <Rows label={t('stakeholders.team')} error={errors.team} empty={t('stakeholders.form.noTeam')}>
            {values.team.map((m, i) => (
              <Group key={m.user_id} gap="xs" align="flex-end" wrap="nowrap">
                <Text fz="sm" w="35%" pb={8} truncate>
                  {m.display_name}
                </Text>
                <TextInput
                  label={t('stakeholders.form.teamRole')}
                  placeholder={t('stakeholders.form.teamRolePlaceholder')}
                  value={m.role}
                  onChange={(e) => update('team', i, { role: e.currentTarget.value })}
                  maxLength={60}
                  style={{ flex: 1 }}
                  aria-label={t('stakeholders.form.teamRoleOf', { name: m.display_name })}
                />
                <RemoveButton label={t('stakeholders.form.removeTeam', { name: m.display_name })} onClick={() => remove('team', i)} />
              </Group>
            ))}
          </Rows>
          {values.team.length < 20 && (
            <TeamAdder
              exclude={values.team.map((m) => m.user_id)}
              onAdd={(m) => setValue('team', [...values.team, { ...m, role: '' }])}
            />
          )}
          <Rows
            label={person ? t('stakeholders.form.organisationsOf') : t('stakeholders.form.peopleOf')}
            error={errors.affiliations}
            empty={person ? t('stakeholders.form.noOrganisations') : t('stakeholders.form.noPeople')}
          >
            {values.affiliations.map((a, i) => (
              <Group key={a.id} gap="xs" align="flex-end" wrap="wrap">
                <Group gap={6} wrap="nowrap" w={{ base: '100%', sm: '30%' }} pb={8}>
                  <TypeIcon type={otherType} size={14} />
                  <Text fz="sm" truncate>
                    {a.name}
                  </Text>
                </Group>
                <TextInput
                  label={t('stakeholders.form.affiliationTitle')}
                  aria-label={t('stakeholders.form.affiliationTitleOf', { name: a.name })}
                  value={a.title}
                  onChange={(e) => update('affiliations', i, { title: e.currentTarget.value })}
                  style={{ flex: 1 }}
                />
                <TextInput
                  label={t('stakeholders.form.affiliationRole')}
                  aria-label={t('stakeholders.form.affiliationRoleOf', { name: a.name })}
                  value={a.role}
                  onChange={(e) => update('affiliations', i, { role: e.currentTarget.value })}
                  style={{ flex: 1 }}
                />
                <RemoveButton label={t('stakeholders.form.removeAffiliation', { name: a.name })} onClick={() => remove('affiliations', i)} />
              </Group>
            ))}
          </Rows>
          {values.affiliations.length < 50 && (
            <StakeholderPicker
              type={otherType}
              exclude={[...values.affiliations.map((a) => a.id), ...(existing ? [existing.id] : [])]}
              label={person ? t('stakeholders.form.addOrganisation') : t('stakeholders.form.addPerson')}
              placeholder={t('stakeholders.form.searchByName')}
              onPick={(s) => setValue('affiliations', [...values.affiliations, { id: s.id, name: s.name, title: '', role: '' }])}
              maw={360}
            />
          )}
          <Rows label={t('stakeholders.relations')} error={errors.relations} empty={t('stakeholders.form.noRelations')}>
            {values.relations.map((r, i) => (
              <Group key={`${r.to_id}-${i}`} gap="xs" align="flex-end" wrap="nowrap">
                <Select
                  label={t('stakeholders.form.relationKind')}
                  aria-label={t('stakeholders.form.relationKindTo', { name: r.to_name })}
                  data={options(RELATION_KINDS, relationLabel)}
                  value={r.kind}
                  onChange={(v) => v && update('relations', i, { kind: v as RelationKind })}
                  allowDeselect={false}
                  w="45%"
                />
                <Text fz="sm" pb={8} style={{ flex: 1 }} truncate>
                  {r.to_name}
                </Text>
                <RemoveButton label={t('stakeholders.form.removeRelation', { name: r.to_name })} onClick={() => remove('relations', i)} />
              </Group>
            ))}
          </Rows>
          {values.relations.length < 50 && (
            <StakeholderPicker
              exclude={existing ? [existing.id] : []}
              label={t('stakeholders.form.addRelation')}
              placeholder={t('stakeholders.form.searchByName')}
              onPick={(s) => setValue('relations', [...values.relations, { to_id: s.id, to_name: s.name, kind: 'partners_with' }])}
              maw={360}
            />
          )}
        </Section>

        <Section title={t('stakeholders.form.sharing')} description={t('stakeholders.form.sharingHint')}>
          <MultiSelect
            label={t('stakeholders.spaces')}
            data={spaces.data ?? []}
            value={values.space_ids}
            onChange={(v) => setValue('space_ids', v)}
            error={errors.space_ids}
            placeholder={values.space_ids.length ? undefined : t('stakeholders.form.notShared')}
            searchable
            clearable
            maxValues={20}
          />
        </Section>

        <Section title={t('stakeholders.notes')}>
          <Textarea
            label={t('stakeholders.notes')}
            description={t('stakeholders.form.notesHint')}
            autosize
            minRows={5}
            maxRows={20}
            maxLength={20000}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            {...form.text('notes')}
          />
        </Section>

        <Group justify="space-between" wrap="wrap">
          <Text fz="xs" c="dimmed" id="stakeholder-form-hint">
            {t('stakeholders.form.keyboardHint')}
          </Text>
          <Group gap="sm">
            <Button variant="default" component={Link} to={existing ? `/stakeholders/${existing.id}` : '/stakeholders'}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {existing ? t('common.saveChanges') : t('stakeholders.form.create')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** /stakeholders/new and /stakeholders/:id/edit. */
export default function StakeholderFormPage() {
  const { id } = useParams();
  const numericId = Number(id);
  const editing = id !== undefined;
  const stakeholder = useStakeholder(editing ? numericId : 0);
  const crumbs = [{ label: t('stakeholders.title'), to: '/stakeholders' }];
  if (!editing)
    return (
      <>
        <PageHeader title={t('stakeholders.form.newTitle')} crumbs={crumbs} />
        <StakeholderForm />
      </>
    );
  if (stakeholder.isPending) return <PageSkeleton />;
  if (stakeholder.isError) return <QueryError error={stakeholder.error} retry={() => stakeholder.refetch()} />;
  const s = stakeholder.data;
  return (
    <>
      <PageHeader
        title={t('stakeholders.form.editTitle', { name: s.name })}
        crumbs={[...crumbs, { label: s.name, to: `/stakeholders/${s.id}` }]}
      />
      <StakeholderForm key={s.id} existing={s} />
    </>
  );
}
