import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCalendarDue, IconClock, IconPlayerPause } from '@tabler/icons-react';
import { formatDate } from '../../lib/format';
import { t } from '../../messages';
import { dueColor, dueState } from './labels';

/** YYYY-MM-DD as a local date label, without shifting it across midnight. */
export function dayLabel(day: string | null | undefined): string {
  if (!day) return '';
  return formatDate(`${day}T12:00:00`);
}

/**
 * A due date with its state in words, an icon and a colour ("Overdue by 3 days"), so colour is
 * never the only signal.
 */
export function DueBadge({ dueOn, open, overdue }: { dueOn: string; open: boolean; overdue?: boolean }) {
  const state = dueState(dueOn, open, undefined, overdue);
  const date = <time dateTime={dueOn}>{dayLabel(dueOn)}</time>;
  if (state.tone === 'closed')
    return (
      <Text fz="sm" c="dimmed">
        {date}
      </Text>
    );
  const Icon = state.tone === 'overdue' ? IconAlertTriangle : state.tone === 'later' ? IconCalendarDue : IconClock;
  return (
    <Group gap={6} wrap="nowrap">
      <Badge
        variant={state.tone === 'overdue' ? 'filled' : 'light'}
        // White on the default filled red (shade 7) is 3.8:1; shade 9 passes WCAG AA (5.4:1).
        color={state.tone === 'overdue' ? `${dueColor.overdue}.9` : dueColor[state.tone]}
        leftSection={<Icon size={12} aria-hidden />}
        style={{ textTransform: 'none' }}
      >
        {state.label}
      </Badge>
      <Text fz="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {date}
      </Text>
    </Group>
  );
}

export function PausedBadge() {
  return (
    <Tooltip label={t('engagement.cadence.pausedHint')} withArrow>
      <Badge variant="outline" color="gray" leftSection={<IconPlayerPause size={12} aria-hidden />} style={{ textTransform: 'none' }}>
        {t('engagement.cadence.paused')}
      </Badge>
    </Tooltip>
  );
}

/** Adds `days` to today (local calendar) and returns YYYY-MM-DD, for date input defaults. */
export function localDayPlus(days: number, now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
