import { Anchor, Badge, Button, Group, NumberInput, Paper, SegmentedControl, Input, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDebouncedCallback, useId } from '@mantine/hooks';
import { IconMoodEmpty, IconMoodSmile, IconPhoneCall } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/Skeletons';
import { RelativeTime } from '../../components/Time';
import { useUrlFilters } from '../../components/urlState';
import { t } from '../../messages';
import { DoneToggle } from './DoneToggle';
import { intervalLabel } from './labels';
import { DueBadge } from './parts';
import { useAttention } from './queries';
import type { Attention, StakeholderItem } from './types';
import classes from './lists.module.css';

/** Quiet days from the URL: 1..365, default 30. */
export function quietDaysFrom(value: string): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 365 ? n : 30;
}

/** Whether nothing needs attention. */
export function allWell(a: Attention): boolean {
  const c = a.counts;
  return c.overdue_follow_ups + c.missed_cadences + c.indifferent + c.quiet === 0;
}

function Section({ id, title, count, limit, shown, more, children }: { id: string; title: string; count: number; limit: number; shown: number; more?: ReactNode; children: ReactNode }) {
  // The server counts up to `limit`: at the limit there may be more.
  const counted = count >= limit ? t('engagement.attention.countAtLeast', { count: limit }) : String(count);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm" wrap="nowrap" align="baseline">
        <Title order={2} fz="md" id={id}>
          {t('engagement.attention.sectionTitle', { title, count: counted })}
        </Title>
        {count > shown && more}
      </Group>
      {count === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('engagement.attention.sectionEmpty')}
        </Text>
      ) : (
        <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {children}
        </Stack>
      )}
    </Paper>
  );
}

function Row({ children }: { children: ReactNode }) {
  return (
    <Group component="li" justify="space-between" gap="xs" py={8} wrap="wrap" className={classes.row}>
      {children}
    </Group>
  );
}

function LogButton({ stakeholder }: { stakeholder: { id: number; name: string } }) {
  return (
    <Button
      component={Link}
      to={`/engagement/interactions/new?stakeholder_id=${stakeholder.id}`}
      size="compact-sm"
      variant="light"
      leftSection={<IconPhoneCall size={14} aria-hidden />}
      aria-label={t('engagement.attention.logWith', { name: stakeholder.name })}
    >
      {t('engagement.attention.log')}
    </Button>
  );
}

function StakeholderRow({ s, detail }: { s: StakeholderItem; detail: ReactNode }) {
  return (
    <Row>
      <div>
        <Anchor component={Link} to={`/stakeholders/${s.id}`} fz="sm" fw={500}>
          {s.name}
        </Anchor>
        <Text fz="xs" c="dimmed">
          {detail}
        </Text>
      </div>
      <LogButton stakeholder={s} />
    </Row>
  );
}

/** The four lists of what needs attention; shared by the overview and usable elsewhere. */
export function AttentionSections({ data, scope }: { data: Attention; scope: 'mine' | 'all' }) {
  const owner = scope === 'mine' ? '' : '&owner=any';
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Section
        id="attention-follow-ups"
        title={t('engagement.attention.overdueFollowUps')}
        count={data.counts.overdue_follow_ups}
        limit={data.count_limit}
        shown={data.overdue_follow_ups.length}
        more={
          <Anchor component={Link} to={`/engagement/follow-ups?overdue=1${owner}`} fz="sm">
            {t('engagement.attention.seeAll')}
          </Anchor>
        }
      >
        {data.overdue_follow_ups.map((f) => (
          <Row key={f.id}>
            <div>
              <Anchor component={Link} to={`/engagement/follow-ups/${f.id}/edit`} fz="sm" fw={500}>
                {f.title}
              </Anchor>
              <Group gap={6} mt={2}>
                <DueBadge dueOn={f.due_on} open overdue />
                {f.stakeholder && (
                  <Anchor component={Link} to={`/stakeholders/${f.stakeholder.id}`} fz="xs" c="dimmed">
                    {f.stakeholder.name}
                  </Anchor>
                )}
                {scope === 'all' && (
                  <Text fz="xs" c="dimmed">
                    {f.owner.display_name}
                  </Text>
                )}
              </Group>
            </div>
            <DoneToggle item={f} />
          </Row>
        ))}
      </Section>
      <Section
        id="attention-cadences"
        title={t('engagement.attention.missedCadences')}
        count={data.counts.missed_cadences}
        limit={data.count_limit}
        shown={data.missed_cadences.length}
        more={
          <Anchor component={Link} to="/engagement/cadences?overdue=1" fz="sm">
            {t('engagement.attention.seeAll')}
          </Anchor>
        }
      >
        {data.missed_cadences.map((c) => (
          <Row key={c.id}>
            <div>
              <Anchor component={Link} to={`/stakeholders/${c.stakeholder.id}`} fz="sm" fw={500}>
                {c.stakeholder.name}
              </Anchor>
              <Group gap={6} mt={2}>
                <Text fz="xs" c="dimmed">
                  {c.label} · {intervalLabel(c.interval, c.every_days)}
                </Text>
                <DueBadge dueOn={c.next_due_on} open overdue />
              </Group>
            </div>
            <LogButton stakeholder={c.stakeholder} />
          </Row>
        ))}
      </Section>
      <Section id="attention-indifferent" title={t('engagement.attention.indifferent')} count={data.counts.indifferent} limit={data.count_limit} shown={data.indifferent.length}>
        {data.indifferent.map((s) => (
          <StakeholderRow
            key={s.id}
            s={s}
            detail={
              <Group gap={4} component="span">
                <IconMoodEmpty size={12} aria-hidden />
                {t('engagement.attention.indifferentSince')} <RelativeTime iso={s.emotion?.observed_at} />
              </Group>
            }
          />
        ))}
      </Section>
      <Section id="attention-quiet" title={t('engagement.attention.quiet')} count={data.counts.quiet} limit={data.count_limit} shown={data.quiet.length}>
        {data.quiet.map((s) => (
          <StakeholderRow
            key={s.id}
            s={s}
            detail={
              s.last_contact_at ? (
                <>
                  {t('engagement.attention.lastContact')} <RelativeTime iso={s.last_contact_at} />
                </>
              ) : (
                t('engagement.attention.neverContacted')
              )
            }
          />
        ))}
      </Section>
    </SimpleGrid>
  );
}

/** /engagement — what needs attention: overdue follow-ups, missed cadences, indifferent and quiet stakeholders. */
export default function AttentionPage() {
  const { values, setFilter } = useUrlFilters(['scope', 'quiet_days'] as const);
  const scope = values.scope === 'all' ? 'all' : 'mine';
  const quietDays = quietDaysFrom(values.quiet_days);
  const [quietText, setQuietText] = useState<number | string>(quietDays);
  useEffect(() => setQuietText(quietDays), [quietDays]);
  const writeQuiet = useDebouncedCallback((v: number | string) => {
    const n = Number(v);
    setFilter('quiet_days', Number.isInteger(n) && n >= 1 && n <= 365 && n !== 30 ? String(n) : '');
  }, 400);
  const attention = useAttention(scope, quietDays);
  const scopeId = useId();

  return (
    <>
      <PageHeader title={t('engagement.attention.title')} description={t('engagement.attention.description')} />
      <Group mb="md" gap="md" align="flex-end" wrap="wrap">
        <Input.Wrapper label={t('engagement.attention.scope')} labelElement="div" id={scopeId}>
          <div>
            <SegmentedControl
              aria-labelledby={`${scopeId}-label`}
              data={[
                { value: 'mine', label: t('engagement.attention.scopeMine') },
                { value: 'all', label: t('engagement.attention.scopeAll') },
              ]}
              value={scope}
              onChange={(v) => setFilter('scope', v === 'all' ? 'all' : '')}
            />
          </div>
        </Input.Wrapper>
        <NumberInput
          label={t('engagement.attention.quietDays')}
          min={1}
          max={365}
          value={quietText}
          onChange={(v) => {
            setQuietText(v);
            writeQuiet(v);
          }}
          w={180}
          suffix={` ${t('engagement.attention.daysSuffix')}`}
        />
      </Group>
      {attention.isPending ? (
        <TableSkeleton rows={6} />
      ) : attention.isError ? (
        <QueryError error={attention.error} retry={() => attention.refetch()} />
      ) : allWell(attention.data) ? (
        <EmptyState
          icon={<IconMoodSmile size={24} />}
          title={t('engagement.attention.allWellTitle')}
          action={
            <Badge variant="light" color="teal" size="lg" style={{ textTransform: 'none' }}>
              {scope === 'mine' ? t('engagement.attention.allWellMine') : t('engagement.attention.allWellAll')}
            </Badge>
          }
        >
          {t('engagement.attention.allWellBody', { days: quietDays })}
        </EmptyState>
      ) : (
        <AttentionSections data={attention.data} scope={scope} />
      )}
    </>
  );
}
