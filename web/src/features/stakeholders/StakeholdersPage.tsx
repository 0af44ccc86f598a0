import { Anchor, Badge, Box, Button, Collapse, Group, Menu, Select, Table, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAddressBook,
  IconAdjustmentsHorizontal,
  IconChevronDown,
  IconDownload,
  IconFileImport,
  IconPlus,
  IconSearch,
  IconTopologyStar3,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PagedTable } from '../../components/PagedTable';
import { PageHeader } from '../../components/PageHeader';
import { RelativeTime } from '../../components/Time';
import { oneOf, useDebouncedUrlText, useUrlFilters } from '../../components/urlState';
import { localDayEndUtc, localDayStartUtc } from '../../lib/format';
import { t, tp } from '../../messages';
import { canAdminister, isAdmin, useSignedIn } from '../auth/session';
import { useUserOptions } from '../admin/queries';
import { kindLabel, levelLabel, options, sortLabel, typeLabel } from './labels';
import { EmotionLabel, LevelBadge, TypeIcon } from './parts';
import { exportUrl, useStakeholderList } from './queries';
import { KINDS, LEVELS, SORTS, STAKEHOLDER_TYPES, type StakeholderFilters } from './types';

const FILTERS = ['q', 'type', 'kind', 'tag', 'level', 'owner', 'region', 'after', 'before', 'sort'] as const;
type FilterName = (typeof FILTERS)[number];

/** The API's list filters from the URL's (a URL can hold anything: unknown values are dropped). */
export function filtersFromUrl(values: Record<FilterName, string>): StakeholderFilters {
  const owner = values.owner === 'me' || /^\d+$/.test(values.owner) ? values.owner : undefined;
  const f: StakeholderFilters = {
    q: values.q.trim() || undefined,
    type: oneOf(STAKEHOLDER_TYPES, values.type),
    kind: oneOf(KINDS, values.kind),
    tag: values.tag.trim().toLowerCase() || undefined,
    level: oneOf(LEVELS, values.level),
    owner_id: owner,
    region: values.region.trim() || undefined,
    last_contact_after: localDayStartUtc(values.after),
    last_contact_before: localDayEndUtc(values.before),
    sort: oneOf(SORTS, values.sort),
  };
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as StakeholderFilters;
}

function OwnerFilter({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const me = useSignedIn();
  const admin = isAdmin(me.user.role);
  const users = useUserOptions('', admin);
  const data = [
    { value: 'me', label: t('stakeholders.filter.ownerMe') },
    ...(users.data ?? []).filter((u) => u.user.id !== me.user.id && u.user.role !== 'external').map((u) => ({ value: u.value, label: u.user.display_name })),
  ];
  // Keep a chosen owner visible even before (or without) the user list.
  if (value && !data.some((d) => d.value === value)) data.push({ value, label: t('stakeholders.filter.ownerId', { id: value }) });
  return (
    <Select
      label={t('stakeholders.owner')}
      placeholder={t('common.anyone')}
      data={data}
      value={value || null}
      onChange={(v) => onChange(v ?? '')}
      searchable={admin}
      clearable
      w={{ base: '100%', xs: 170 }}
    />
  );
}

/** /stakeholders — the registry; every filter lives in the URL. */
export default function StakeholdersPage() {
  const { values, setFilter } = useUrlFilters(FILTERS);
  const me = useSignedIn();
  const search = useDebouncedUrlText(values.q, (v) => setFilter('q', v));
  const tag = useDebouncedUrlText(values.tag, (v) => setFilter('tag', v));
  const region = useDebouncedUrlText(values.region, (v) => setFilter('region', v));
  const moreSet = Boolean(values.tag || values.region || values.after || values.before);
  const [more, { toggle: toggleMore }] = useDisclosure(moreSet);
  const filters = filtersFromUrl(values);
  const list = useStakeholderList(filters);
  const filtered = FILTERS.some((f) => f !== 'sort' && values[f]);
  const mayImport = canAdminister(me.user.role);

  const addButton = (
    <Button component={Link} to="/stakeholders/new" leftSection={<IconPlus size={16} />}>
      {t('stakeholders.add')}
    </Button>
  );
  const importButton = mayImport && (
    <Button component={Link} to="/stakeholders/import" variant="default" leftSection={<IconFileImport size={16} />}>
      {t('stakeholders.importCsv')}
    </Button>
  );
  const clearAll = () => {
    for (const f of FILTERS) if (f !== 'sort') setFilter(f, '');
  };

  return (
    <>
      <PageHeader
        title={t('stakeholders.title')}
        description={t('stakeholders.description')}
        actions={
          <>
            {addButton}
            {importButton}
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" leftSection={<IconDownload size={16} />} rightSection={<IconChevronDown size={14} />}>
                  {t('stakeholders.export')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{filtered ? t('stakeholders.exportFiltered') : t('stakeholders.exportAll')}</Menu.Label>
                <Menu.Item component="a" href={exportUrl('csv', filters)} download>
                  {t('stakeholders.exportCsv')}
                </Menu.Item>
                <Menu.Item component="a" href={exportUrl('json', filters)} download>
                  {t('stakeholders.exportJson')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <Button component={Link} to="/stakeholders/map" variant="default" leftSection={<IconTopologyStar3 size={16} />}>
              {t('stakeholders.map')}
            </Button>
          </>
        }
      />
      <Box role="search" aria-label={t('common.filters')}>
        <Group mb="xs" gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('common.search')}
            placeholder={t('stakeholders.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search.text}
            onChange={(e) => search.onChange(e.currentTarget.value)}
            w={{ base: '100%', sm: 240 }}
          />
          <Select
            label={t('stakeholders.type')}
            placeholder={t('common.all')}
            data={options(STAKEHOLDER_TYPES, typeLabel)}
            value={values.type || null}
            onChange={(v) => setFilter('type', v ?? '')}
            clearable
            w={{ base: '100%', xs: 150 }}
          />
          <Select
            label={t('stakeholders.kind')}
            placeholder={t('common.all')}
            data={options(KINDS, kindLabel)}
            value={values.kind || null}
            onChange={(v) => setFilter('kind', v ?? '')}
            clearable
            w={{ base: '100%', xs: 180 }}
          />
          <Select
            label={t('stakeholders.level')}
            placeholder={t('common.all')}
            data={options(LEVELS, levelLabel)}
            value={values.level || null}
            onChange={(v) => setFilter('level', v ?? '')}
            clearable
            w={{ base: '100%', xs: 150 }}
          />
          <OwnerFilter value={values.owner} onChange={(v) => setFilter('owner', v)} />
          <Select
            label={t('stakeholders.sortBy')}
            data={options(SORTS, sortLabel)}
            value={oneOf(SORTS, values.sort) ?? 'name'}
            onChange={(v) => setFilter('sort', v && v !== 'name' ? v : '')}
            allowDeselect={false}
            w={{ base: '100%', xs: 170 }}
          />
          <Button
            variant="subtle"
            leftSection={<IconAdjustmentsHorizontal size={16} />}
            onClick={toggleMore}
            aria-expanded={more}
            aria-controls="stakeholders-more-filters"
          >
            {more ? t('stakeholders.filter.fewer') : t('stakeholders.filter.more')}
          </Button>
          {filtered && (
            <Button variant="subtle" color="gray" onClick={clearAll}>
              {t('common.clearFilters')}
            </Button>
          )}
        </Group>
        <Collapse in={more} id="stakeholders-more-filters">
          <Group mb="xs" gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              label={t('stakeholders.tag')}
              value={tag.text}
              onChange={(e) => tag.onChange(e.currentTarget.value)}
              w={{ base: '100%', xs: 160 }}
            />
            <TextInput
              label={t('stakeholders.region')}
              value={region.text}
              onChange={(e) => region.onChange(e.currentTarget.value)}
              w={{ base: '100%', xs: 160 }}
            />
            <TextInput
              type="date"
              label={t('stakeholders.filter.contactAfter')}
              value={values.after}
              onChange={(e) => setFilter('after', e.currentTarget.value)}
              w={{ base: '100%', xs: 170 }}
            />
            <TextInput
              type="date"
              label={t('stakeholders.filter.contactBefore')}
              value={values.before}
              onChange={(e) => setFilter('before', e.currentTarget.value)}
              w={{ base: '100%', xs: 170 }}
            />
          </Group>
        </Collapse>
      </Box>
      <Text fz="xs" c="dimmed" mb="xs" aria-live="polite">
        {list.isPending || list.items.length === 0 ? '' : tp('stakeholders.shown', list.items.length) + (list.hasNextPage ? t('stakeholders.shownMore') : '')}
      </Text>
      <PagedTable
        list={list}
        label={t('stakeholders.title')}
        minWidth={980}
        headers={[
          t('stakeholders.name'),
          t('stakeholders.type'),
          t('stakeholders.kind'),
          t('stakeholders.level'),
          t('stakeholders.emotion'),
          t('stakeholders.owner'),
          t('stakeholders.lastContact'),
          t('stakeholders.tags'),
        ]}
        empty={
          <EmptyState
            icon={<IconAddressBook size={24} />}
            title={filtered ? t('common.noMatchesTitle') : t('stakeholders.emptyTitle')}
            action={
              filtered ? (
                <Button variant="default" onClick={clearAll}>
                  {t('common.clearFilters')}
                </Button>
              ) : (
                <Group justify="center" gap="sm">
                  {addButton}
                  {importButton}
                </Group>
              )
            }
          >
            {filtered ? t('common.noMatchesBody') : t('stakeholders.emptyBody')}
          </EmptyState>
        }
        row={(s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <TypeIcon type={s.type} size={15} decorative />
                <Anchor component={Link} to={`/stakeholders/${s.id}`} fz="sm" fw={500}>
                  {s.name}
                </Anchor>
              </Group>
              {(s.email || s.domain) && (
                <Text fz="xs" c="dimmed" truncate maw={260}>
                  {s.type === 'person' ? s.email : s.domain}
                </Text>
              )}
            </Table.Td>
            <Table.Td fz="sm">{typeLabel(s.type)}</Table.Td>
            <Table.Td fz="sm">{kindLabel(s.kind)}</Table.Td>
            <Table.Td>
              <LevelBadge level={s.level} />
            </Table.Td>
            <Table.Td>
              <EmotionLabel emotion={s.emotion} />
            </Table.Td>
            <Table.Td fz="sm">{s.owner?.display_name ?? '—'}</Table.Td>
            <Table.Td fz="sm">
              <RelativeTime iso={s.last_contact_at} fallback={t('stakeholders.never')} />
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {s.tags.map((tagName) => (
                  <Badge
                    key={tagName}
                    variant="outline"
                    color="gray"
                    size="sm"
                    radius="sm"
                    tt="none"
                    component="button"
                    type="button"
                    style={{ cursor: 'pointer' }}
                    onClick={() => setFilter('tag', tagName)}
                    aria-label={t('stakeholders.filterByTag', { tag: tagName })}
                  >
                    {tagName}
                  </Badge>
                ))}
              </Group>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
