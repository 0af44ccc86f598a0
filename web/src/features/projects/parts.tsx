// Small pieces shared by the project pages. Colour is never the only signal: every level and
// severity also has an icon and a word.
import { Badge, Group, Paper, Stack, Text, Title, type BadgeProps } from '@mantine/core';
import {
  IconAlertOctagon,
  IconAlertTriangle,
  IconCircleCheck,
  IconCircleDashed,
  IconEye,
  IconHelpHexagon,
  IconInfoCircle,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlayerStop,
  IconThumbUp,
  IconTrophy,
  type Icon,
} from '@tabler/icons-react';
import type { CSSProperties, ReactNode } from 'react';
import { fitColor, fitLabel, healthColor, healthLabel, severityColor, severityLabel, statusColor, statusLabel } from './labels';
import type { FitRecommendation, HealthLevel, ProjectStatus, Severity } from './types';
import { t } from '../../messages';

const badgeStyle: CSSProperties = { textTransform: 'none' };
const badge: Partial<BadgeProps> = { variant: 'light', radius: 'sm', style: badgeStyle };

const healthIcons: Record<HealthLevel, Icon> = { healthy: IconCircleCheck, watch: IconEye, at_risk: IconAlertTriangle };
const severityIcons: Record<Severity, Icon> = { info: IconInfoCircle, warning: IconAlertTriangle, critical: IconAlertOctagon };
const statusIcons: Record<ProjectStatus, Icon> = { active: IconPlayerPlay, on_hold: IconPlayerPause, stopped: IconPlayerStop, completed: IconTrophy };
const fitIcons: Record<FitRecommendation, Icon> = { good_fit: IconThumbUp, sharpen_first: IconCircleDashed, poor_fit: IconAlertTriangle };

/** Health as icon + word + colour, with the score ("Watch · 70"). */
export function HealthBadge({ level, score, size = 'sm' }: { level: HealthLevel; score?: number; size?: BadgeProps['size'] }) {
  const Icon = healthIcons[level];
  return (
    <Badge {...badge} size={size} color={healthColor[level]} leftSection={<Icon size={12} aria-hidden />}>
      {score === undefined ? healthLabel(level) : t('projects.health.withScore', { level: healthLabel(level), score })}
    </Badge>
  );
}

/** "Ask first": a critical signal or a score below 50 — is this really going somewhere? */
// Dark red on light, light red on dark: the outline badge keeps AA contrast in both themes.
const askFirstColor = 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-3))';

export function AskFirstBadge({ size = 'sm' }: { size?: BadgeProps['size'] }) {
  return (
    <Badge
      {...badge}
      variant="outline"
      size={size}
      color="red.9"
      style={{ ...badgeStyle, '--badge-color': askFirstColor, '--badge-bd': `1px solid ${askFirstColor}` } as CSSProperties}
      leftSection={<IconHelpHexagon size={12} aria-hidden />}
    >
      {t('projects.health.askFirst')}
    </Badge>
  );
}

export function StatusBadge({ status, size = 'sm' }: { status: ProjectStatus; size?: BadgeProps['size'] }) {
  const Icon = statusIcons[status];
  return (
    <Badge {...badge} size={size} color={statusColor[status]} leftSection={<Icon size={12} aria-hidden />}>
      {statusLabel(status)}
    </Badge>
  );
}

export function FitBadge({ recommendation, score }: { recommendation: FitRecommendation; score: number }) {
  const Icon = fitIcons[recommendation];
  return (
    <Badge {...badge} size="md" color={fitColor[recommendation]} leftSection={<Icon size={12} aria-hidden />}>
      {t('projects.fit.badge', { fit: fitLabel(recommendation), score })}
    </Badge>
  );
}

/** A severity as its icon (coloured) with the word for screen readers and sighted readers alike. */
export function SeverityIcon({ severity }: { severity: Severity }) {
  const Icon = severityIcons[severity];
  return <Icon size={16} color={`var(--mantine-color-${severityColor[severity]}-filled)`} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />;
}

export function SeverityWord({ severity }: { severity: Severity }) {
  return (
    <Text span fz="xs" fw={600} c="dimmed" tt="uppercase">
      {severityLabel(severity)}
    </Text>
  );
}

/** A titled panel of the project page. */
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

/** Learnings of a stopped project, worded with respect: stopping was a decision, not a failure. */
export function LearningsBlock({ learnings }: { learnings: { learned: string; do_differently: string } }) {
  return (
    <Stack gap={4}>
      <Text fz="sm">
        <Text span fw={600} fz="sm">
          {t('projects.learnings.learned')}:
        </Text>{' '}
        {learnings.learned}
      </Text>
      {learnings.do_differently && (
        <Text fz="sm">
          <Text span fw={600} fz="sm">
            {t('projects.learnings.doDifferently')}:
          </Text>{' '}
          {learnings.do_differently}
        </Text>
      )}
    </Stack>
  );
}

