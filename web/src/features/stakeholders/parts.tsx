// Small pieces shared by the stakeholder pages.
import { Badge, Group, Select, Text, VisuallyHidden, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding, IconMoodEmpty, IconMoodHappy, IconMoodNeutral, IconMoodSad, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { t } from '../../messages';
import { emotionColor, emotionWord, levelColor, levelLabel, levelStep, typeLabel } from './labels';
import { useStakeholderOptions } from './queries';
import { LEVELS, type EmotionState, type Level, type StakeholderListItem, type StakeholderType } from './types';

/** The level as a badge: its colour, its words and its step on the ladder ("3/6"). */
export function LevelBadge({ level, size = 'sm' }: { level: Level; size?: 'xs' | 'sm' | 'md' }) {
  return (
    <Badge
      variant="light"
      color={levelColor[level]}
      size={size}
      radius="sm"
      leftSection={
        <Text span fz="inherit" fw={700} aria-hidden>
          {levelStep(level)}/{LEVELS.length}
        </Text>
      }
    >
      {levelLabel(level)}
      <VisuallyHidden>{t('stakeholders.levelStepTitle', { step: levelStep(level), total: LEVELS.length })}</VisuallyHidden>
    </Badge>
  );
}

const emotionIcons: Record<EmotionState, typeof IconMoodHappy> = {
  indifferent: IconMoodEmpty,
  negative: IconMoodSad,
  neutral: IconMoodNeutral,
  positive: IconMoodHappy,
};

/** An emotion as an icon and its words (colour is never the only signal). */
export function EmotionLabel({
  emotion,
  fallback = '—',
}: {
  emotion: { valence: number; intensity: number; state: EmotionState } | null | undefined;
  fallback?: string;
}) {
  if (!emotion) return <Text span fz="sm" c="dimmed">{fallback}</Text>;
  const Icon = emotionIcons[emotion.state];
  return (
    <Group gap={4} wrap="nowrap" component="span">
      <Icon size={16} color={`var(--mantine-color-${emotionColor[emotion.state]}-filled)`} aria-hidden />
      <Text span fz="sm">
        {emotionWord(emotion.valence, emotion.intensity)}
      </Text>
    </Group>
  );
}

/** A small icon for organisation or person, with the type spelled out for screen readers. */
export function TypeIcon({ type, size = 16, decorative = false }: { type: StakeholderType; size?: number; decorative?: boolean }) {
  const Icon = type === 'organisation' ? IconBuilding : IconUser;
  if (decorative) return <Icon size={size} aria-hidden />;
  return <Icon size={size} aria-label={typeLabel(type)} role="img" style={{ flexShrink: 0 }} />;
}

interface StakeholderPickerProps extends Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'> {
  /** Only stakeholders of this type. */
  type?: StakeholderType;
  /** Ids already chosen (left out of the options). */
  exclude?: number[];
  onPick: (s: StakeholderListItem) => void;
}

/** A search box that finds stakeholders on the server and hands the chosen one to `onPick`. */
export function StakeholderPicker({ type, exclude = [], onPick, ...props }: StakeholderPickerProps) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const found = useStakeholderOptions(type, q);
  const items = (found.data ?? []).filter((s) => !exclude.includes(s.id));
  return (
    <Select
      {...props}
      searchable
      value={null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('stakeholders.picker.none')}
      data={items.map((s) => ({ value: String(s.id), label: s.name }))}
      onChange={(v) => {
        const chosen = items.find((s) => String(s.id) === v);
        if (chosen) {
          onPick(chosen);
          setSearch('');
        }
      }}
    />
  );
}
