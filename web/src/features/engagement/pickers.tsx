import { MultiSelect, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { t } from '../../messages';
import { useSignedIn } from '../auth/session';
import { parseId } from './labels';
import { usePeopleOptions, useStakeholderName, useStakeholderSearch } from './queries';
import type { StakeholderItem } from './types';

interface StakeholderSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  value: string;
  onChange: (id: string, item: StakeholderItem | undefined) => void;
  /** Ids not to offer (already chosen). */
  exclude?: readonly number[];
}

/** Picks a stakeholder by searching the registry (GET /stakeholders?q=). */
export function StakeholderSelect({ value, onChange, exclude = [], ...props }: StakeholderSelectProps) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 200);
  const [focused, setFocused] = useState(false);
  const results = useStakeholderSearch(q, focused || Boolean(q));
  const current = useStakeholderName(parseId(value));
  const items = (results.data ?? []).filter((s) => !exclude.includes(s.id));
  const data = items.map((s) => ({ value: String(s.id), label: s.name }));
  if (value && !data.some((o) => o.value === value)) {
    data.unshift({ value, label: current.data?.name ?? `#${value}` });
  }
  return (
    <Select
      placeholder={t('engagement.stakeholder.search')}
      leftSection={<IconSearch size={16} aria-hidden />}
      {...props}
      data={data}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      onFocus={() => setFocused(true)}
      filter={({ options }) => options}
      value={value || null}
      onChange={(v) => onChange(v ?? '', items.find((s) => String(s.id) === v))}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('engagement.stakeholder.noneFound')}
    />
  );
}

/** People options with the reader first, labelled "Me". `withMe` adds the value "me" instead of the id. */
export function usePeople(enabled = true) {
  const { user } = useSignedIn();
  const people = usePeopleOptions(enabled);
  const others = (people.data ?? []).filter((p) => p.value !== String(user.id));
  const meOption = { value: String(user.id), label: t('engagement.me', { name: user.display_name }) };
  return { options: [meOption, ...others], isPending: people.isPending, me: user };
}

interface PersonSelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: string;
  onChange: (value: string) => void;
  /** For filters: offer "Me" as the value "me" (the API accepts owner_id=me). */
  meAsKeyword?: boolean;
  /** For filters: an "anyone" choice with the value "any". */
  anyLabel?: string;
}

/** Picks an internal person. */
export function PersonSelect({ value, onChange, meAsKeyword = false, anyLabel, ...props }: PersonSelectProps) {
  const people = usePeople();
  const options = meAsKeyword
    ? people.options.map((o, i) => (i === 0 ? { value: 'me', label: t('engagement.meShort') } : o))
    : [...people.options];
  if (anyLabel) options.unshift({ value: 'any', label: anyLabel });
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: `#${value}` });
  return <Select {...props} data={options} searchable value={value || null} onChange={(v) => onChange(v ?? '')} />;
}

/** Picks several internal people (interaction participants). */
export function PeopleMultiSelect({
  value,
  onChange,
  label,
  description,
  error,
}: {
  value: string[];
  onChange: (value: string[]) => void;
  label: string;
  description?: string | undefined;
  error?: string | undefined;
}) {
  const people = usePeople();
  const options = [...people.options];
  for (const v of value) if (!options.some((o) => o.value === v)) options.push({ value: v, label: `#${v}` });
  return (
    <MultiSelect
      label={label}
      description={description}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      hidePickedOptions
      error={error}
      nothingFoundMessage={t('engagement.nobodyFound')}
    />
  );
}
