// Small pieces shared by the ideas pages. Colour is never the only signal: every phase, status
// and interest level also has an icon and a word.
import { Badge, Group, Paper, Text, Title, Typography, type BadgeProps } from '@mantine/core';
import {
  IconBulb,
  IconCalendar,
  IconCheck,
  IconCircleDashed,
  IconCircleX,
  IconClock,
  IconFlame,
  IconLock,
  IconMessages,
  IconPlayerPause,
  IconRocket,
  IconScale,
  IconSpeakerphone,
  IconStar,
  IconThumbUp,
  type Icon,
} from '@tabler/icons-react';
import type { CSSProperties, ReactNode } from 'react';
import { t } from '../../messages';
import { interestAggregateLabel, phaseColor, phaseLabel, statusColor, statusLabel } from './labels';
import type { ChallengePhase, IdeaStatus, InterestAggregate } from './types';

const badgeStyle: CSSProperties = { textTransform: 'none' };
const badge: Partial<BadgeProps> = { variant: 'light', radius: 'sm', style: badgeStyle };

const phaseIcons: Record<ChallengePhase, Icon> = {
  upcoming: IconCalendar,
  submission: IconBulb,
  discussion: IconMessages,
  voting: IconThumbUp,
  review: IconScale,
  closed: IconLock,
};
const statusIcons: Record<IdeaStatus, Icon> = {
  new: IconStar,
  under_review: IconClock,
  selected: IconCheck,
  in_project: IconRocket,
  parked: IconPlayerPause,
  declined: IconCircleX,
};
const interestIcons: Record<InterestAggregate, Icon> = { none: IconCircleDashed, some: IconSpeakerphone, strong: IconFlame };
const interestColor: Record<InterestAggregate, string> = { none: 'gray', some: 'blue', strong: 'orange' };

export function PhaseBadge({ phase, size = 'sm' }: { phase: ChallengePhase; size?: BadgeProps['size'] }) {
  const Icon = phaseIcons[phase];
  return (
    <Badge {...badge} size={size} color={phaseColor[phase]} leftSection={<Icon size={12} aria-hidden />}>
      {phaseLabel(phase)}
    </Badge>
  );
}

export function StatusBadge({ status, size = 'sm' }: { status: IdeaStatus; size?: BadgeProps['size'] }) {
  const Icon = statusIcons[status];
  return (
    <Badge {...badge} size={size} color={statusColor[status]} leftSection={<Icon size={12} aria-hidden />}>
      {statusLabel(status)}
    </Badge>
  );
}

/** Customer interest as external participants may see it (none, some, strong). */
export function InterestBadge({ level }: { level: InterestAggregate }) {
  const Icon = interestIcons[level];
  return (
    <Badge {...badge} variant="outline" size="sm" color={interestColor[level]} leftSection={<Icon size={12} aria-hidden />}>
      {t('ideas.interestBadge', { level: interestAggregateLabel(level) })}
    </Badge>
  );
}

export function TagBadge({ tag }: { tag: string }) {
  return (
    <Badge variant="default" radius="sm" size="sm" style={badgeStyle}>
      #{tag}
    </Badge>
  );
}

/** A titled panel of a detail page. */
export function Section({ id, title, children, action }: { id: string; title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm" gap="xs" wrap="wrap">
        <Title order={2} fz="md" fw={600} id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return (
    <Text fz="sm" c="dimmed">
      {children}
    </Text>
  );
}

/**
 * Markdown the server rendered and sanitized (`*_html` fields). The only HTML this module ever
 * inserts: nothing typed by people is rendered as HTML on this side.
 */
export function ServerHtml({ html, fz = 'sm' }: { html: string; fz?: 'xs' | 'sm' | 'md' }) {
  return (
    <Typography fz={fz}>
      <div dangerouslySetInnerHTML={{ __html: html }} />
    </Typography>
  );
}
