// The engagement panels of the home page ("My week").
import { Anchor, Button, Group, Text } from '@mantine/core';
import { IconCalendarRepeat, IconChecklist, IconMoodEmpty, IconPhoneCall, IconPlus, IconZzz } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PanelHeader, PanelRow, PanelRows } from '../../components/HomePanel';
import { QueryError } from '../../components/QueryError';
import { CardSkeleton } from '../../components/Skeletons';
import { RelativeTime } from '../../components/Time';
import { t } from '../../messages';
import { DoneToggle } from './DoneToggle';
import { DueBadge } from './parts';
import { useAttention, useMyOpenFollowUps } from './queries';
import type { Attention } from './types';

/** "Follow-ups due and overdue": my open follow-ups, soonest first, done in one click. */
export function FollowUpsPanel() {
  const list = useMyOpenFollowUps(10);
  return (
    <section aria-labelledby="home-follow-ups">
      <PanelHeader id="home-follow-ups" title={t('engagement.home.followUps')} link="/engagement/follow-ups" linkLabel={t('engagement.home.allFollowUps')} />
      {list.isPending ? (
        <CardSkeleton lines={4} />
      ) : list.isError ? (
        <QueryError error={list.error} retry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState
          icon={<IconChecklist size={24} />}
          title={t('engagement.home.noFollowUpsTitle')}
          action={
            <Button component={Link} to="/engagement/follow-ups/new" leftSection={<IconPlus size={16} />} variant="light">
              {t('engagement.followUp.add')}
            </Button>
          }
        >
          {t('engagement.home.noFollowUpsBody')}
        </EmptyState>
      ) : (
        <PanelRows>
            {list.data.items.map((f) => (
              <PanelRow key={f.id}>
                <div>
                  <Anchor component={Link} to={`/engagement/follow-ups/${f.id}/edit`} fz="sm" fw={500}>
                    {f.title}
                  </Anchor>
                  <Group gap={6} mt={2}>
                    <DueBadge dueOn={f.due_on} open overdue={f.overdue} />
                    {f.stakeholder && (
                      <Anchor component={Link} to={`/stakeholders/${f.stakeholder.id}`} fz="xs" c="dimmed">
                        {f.stakeholder.name}
                      </Anchor>
                    )}
                  </Group>
                </div>
                <DoneToggle item={f} />
              </PanelRow>
            ))}
        </PanelRows>
      )}
    </section>
  );
}

interface AttentionItem {
  key: string;
  stakeholder: { id: number; name: string };
  icon: ReactNode;
  reason: ReactNode;
}

/** Missed cadences, then indifferent, then quiet stakeholders, at most `limit` in all. */
export function attentionItems(a: Attention, limit: number): AttentionItem[] {
  const items: AttentionItem[] = [
    ...a.missed_cadences.map((c) => ({
      key: `c${c.id}`,
      stakeholder: c.stakeholder,
      icon: <IconCalendarRepeat size={14} aria-hidden />,
      reason: t('engagement.home.cadenceMissed', { label: c.label }),
    })),
    ...a.indifferent.map((s) => ({
      key: `i${s.id}`,
      stakeholder: s,
      icon: <IconMoodEmpty size={14} aria-hidden />,
      reason: t('engagement.home.indifferent'),
    })),
    ...a.quiet.map((s) => ({
      key: `q${s.id}`,
      stakeholder: s,
      icon: <IconZzz size={14} aria-hidden />,
      reason: s.last_contact_at ? (
        <>
          {t('engagement.attention.lastContact')} <RelativeTime iso={s.last_contact_at} />
        </>
      ) : (
        t('engagement.attention.neverContacted')
      ),
    })),
  ];
  return items.slice(0, limit);
}

/** "Stakeholders that need attention": cadence missed, indifferent, gone quiet (mine). */
export function AttentionPanel() {
  const attention = useAttention('mine', 30, 5);
  const items = attention.data ? attentionItems(attention.data, 5) : [];
  return (
    <section aria-labelledby="home-attention">
      <PanelHeader id="home-attention" title={t('engagement.home.attention')} link="/engagement" linkLabel={t('engagement.home.allAttention')} />
      {attention.isPending ? (
        <CardSkeleton lines={4} />
      ) : attention.isError ? (
        <QueryError error={attention.error} retry={() => attention.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconCalendarRepeat size={24} />}
          title={t('engagement.home.noAttentionTitle')}
          action={
            <Button component={Link} to="/engagement/cadences" leftSection={<IconPlus size={16} />} variant="light">
              {t('engagement.home.setCadence')}
            </Button>
          }
        >
          {t('engagement.home.noAttentionBody')}
        </EmptyState>
      ) : (
        <PanelRows>
            {items.map((item) => (
              <PanelRow key={item.key}>
                <div>
                  <Anchor component={Link} to={`/stakeholders/${item.stakeholder.id}`} fz="sm" fw={500}>
                    {item.stakeholder.name}
                  </Anchor>
                  <Group gap={4} mt={2} wrap="nowrap">
                    {item.icon}
                    <Text fz="xs" c="dimmed" component="span">
                      {item.reason}
                    </Text>
                  </Group>
                </div>
                <Button
                  component={Link}
                  to={`/engagement/interactions/new?stakeholder_id=${item.stakeholder.id}`}
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconPhoneCall size={14} aria-hidden />}
                  aria-label={t('engagement.attention.logWith', { name: item.stakeholder.name })}
                >
                  {t('engagement.attention.log')}
                </Button>
              </PanelRow>
            ))}
        </PanelRows>
      )}
    </section>
  );
}
