// Everything that happened with one stakeholder, newest first.
import { Anchor, Badge, Group, Paper, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconBulb, IconChecklist, IconHeartHandshake, IconMessages, IconMoodHappy, IconStairsUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { RelativeTime } from '../../components/Time';
import { formatDate } from '../../lib/format';
import { t } from '../../messages';
import {
  directionLabel,
  emotionSourceLabel,
  emotionWord,
  interactionTypeLabel,
  interestLabel,
  levelLabel,
  needKindLabel,
  statusLabel,
} from './labels';
import { useTimeline } from './queries';
import type { TimelineItem } from './types';

interface Shown {
  icon: ReactNode;
  color: string;
  sentence: ReactNode;
  detail?: string | null;
  status?: string;
}

/** The icon, sentence and extra line of one timeline item. */
function describe(item: TimelineItem): Shown {
  switch (item.kind) {
    case 'interaction':
      return {
        icon: <IconMessages size={16} />,
        color: 'blue',
        sentence: (
          <>
            {t('stakeholders.timeline.interaction', { type: interactionTypeLabel(item.type) })}{' '}
            <Anchor component={Link} to={`/engagement/interactions/${item.id}`} fz="sm" fw={500}>
              {item.title}
            </Anchor>
          </>
        ),
        detail: item.interest
          ? t('stakeholders.timeline.interest', { interest: interestLabel(item.interest), topic: item.interest_topic ?? '' }).trim()
          : null,
        status: statusLabel(item.status),
      };
    case 'follow_up':
      return {
        icon: <IconChecklist size={16} />,
        color: 'violet',
        sentence: t('stakeholders.timeline.followUp', { title: item.title, date: formatDate(item.due_on) }),
        detail: item.owner ? t('stakeholders.timeline.owner', { name: item.owner.display_name }) : null,
        status: statusLabel(item.status),
      };
    case 'level':
      return {
        icon: <IconStairsUp size={16} />,
        color: 'teal',
        sentence: item.previous
          ? t('stakeholders.timeline.levelChanged', { from: levelLabel(item.previous), to: levelLabel(item.level) })
          : t('stakeholders.timeline.levelSet', { to: levelLabel(item.level) }),
        detail: [item.by ? t('stakeholders.timeline.by', { name: item.by.display_name }) : '', item.note ?? ''].filter(Boolean).join(' · '),
      };
    case 'emotion':
      return {
        icon: <IconMoodHappy size={16} />,
        color: 'pink',
        sentence: t('stakeholders.timeline.emotion', { emotion: emotionWord(item.valence, item.intensity) }),
        detail: [
          item.source ? emotionSourceLabel(item.source) : '',
          item.by ? t('stakeholders.timeline.by', { name: item.by.display_name }) : '',
          item.note ?? '',
        ]
          .filter(Boolean)
          .join(' · '),
      };
    case 'need':
      return {
        icon: item.need_kind === 'pain' ? <IconAlertCircle size={16} /> : <IconBulb size={16} />,
        color: item.need_kind === 'pain' ? 'orange' : 'yellow',
        sentence: t('stakeholders.timeline.need', { kind: needKindLabel(item.need_kind), title: item.title }),
        status: statusLabel(item.status),
      };
    case 'expectation':
      return {
        icon: <IconHeartHandshake size={16} />,
        color: 'grape',
        sentence: t('stakeholders.timeline.expectation', { direction: directionLabel(item.direction), description: item.description }),
        detail: item.due_on ? t('stakeholders.timeline.due', { date: formatDate(item.due_on) }) : null,
        status: statusLabel(item.status),
      };
    default:
      return { icon: null, color: 'gray', sentence: '' };
  }
}

export function Timeline({ stakeholderId }: { stakeholderId: number }) {
  const list = useTimeline(stakeholderId);
  let body: ReactNode;
  if (list.isPending)
    body = (
      <Stack gap="sm" aria-busy="true" role="status" aria-label={t('common.loading')}>
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} height={32} />
        ))}
      </Stack>
    );
  else if (list.isError) body = <QueryError error={list.error} retry={() => list.refetch()} />;
  else if (list.items.length === 0)
    body = (
      <Text fz="sm" c="dimmed">
        {t('stakeholders.timeline.empty')}
      </Text>
    );
  else
    body = (
      <Stack gap={0} component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {list.items.map((item) => {
          const shown = describe(item);
          return (
            <li key={`${item.kind}-${item.id}-${item.at}`}>
              <Group gap="sm" wrap="nowrap" align="flex-start" py={8} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
                <ThemeIcon variant="light" color={shown.color} radius="xl" size={28} aria-hidden>
                  {shown.icon}
                </ThemeIcon>
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Text fz="sm" span>
                      {shown.sentence}
                    </Text>
                    {shown.status && (
                      <Badge size="xs" variant="outline" color="gray">
                        {shown.status}
                      </Badge>
                    )}
                  </Group>
                  {shown.detail && (
                    <Text fz="xs" c="dimmed">
                      {shown.detail}
                    </Text>
                  )}
                </div>
                <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  <RelativeTime iso={item.at} />
                </Text>
              </Group>
            </li>
          );
        })}
      </Stack>
    );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="timeline-heading">
      <Title order={2} fz="md" fw={600} id="timeline-heading" mb="sm">
        {t('stakeholders.timeline.title')}
      </Title>
      {body}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => list.fetchNextPage()} />
    </Paper>
  );
}
