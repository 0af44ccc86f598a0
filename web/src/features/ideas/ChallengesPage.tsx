import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconBulb, IconPlus, IconSearch, IconTarget } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { PagedTable } from '../../components/PagedTable';
import { compact, oneOf, useDebouncedUrlText, useUrlFilters } from '../../components/urlState';
import { formatNumber } from '../../lib/format';
import { t } from '../../messages';
import { useSpaceOptions } from '../admin/queries';
import { useSignedIn } from '../auth/session';
import { canCreateChallenges, formatDay, parseId, phaseDateLine, phaseLabel } from './labels';
import { PhaseBadge } from './parts';
import { useChallengeList } from './queries';
import { CHALLENGE_PHASES, type Challenge } from './types';

/** /ideas — the challenges of the reader's spaces, newest first, filtered by space, phase and text. */
export default function ChallengesPage() {
  const me = useSignedIn();
  const { values, setFilter } = useUrlFilters(['space', 'phase', 'q'] as const);
  const search = useDebouncedUrlText(values.q, (v) => setFilter('q', v));
  const spaces = useSpaceOptions();
  const spaceNames = new Map((spaces.data ?? []).map((s) => [Number(s.value), s.label]));
  const spaceId = parseId(values.space);
  const phase = oneOf(CHALLENGE_PHASES, values.phase);
  const list = useChallengeList(compact({ space_id: spaceId, phase, q: values.q }));
  const filtered = Boolean(spaceId || phase || values.q);
  const mayCreate = canCreateChallenges(me);
  const newChallenge = `/ideas/challenges/new${spaceId ? `?space=${spaceId}` : ''}`;
  const newIdea = `/ideas/new${spaceId ? `?space=${spaceId}` : ''}`;

  const empty = filtered ? (
    <EmptyState
      icon={<IconSearch size={24} />}
      title={t('common.noMatchesTitle')}
      action={
        <Button variant="light" component={Link} to="/ideas">
          {t('common.clearFilters')}
        </Button>
      }
    >
      {t('common.noMatchesBody')}
    </EmptyState>
  ) : (
    <EmptyState
      icon={<IconTarget size={24} />}
      title={t('ideas.challenges.emptyTitle')}
      action={
        mayCreate ? (
          <Button component={Link} to={newChallenge} leftSection={<IconPlus size={16} aria-hidden />}>
            {t('ideas.challenges.createFirst')}
          </Button>
        ) : (
          <Button variant="light" component={Link} to={newIdea} leftSection={<IconBulb size={16} aria-hidden />}>
            {t('ideas.shareIdea')}
          </Button>
        )
      }
    >
      {mayCreate ? t('ideas.challenges.emptyBodyManager') : t('ideas.challenges.emptyBody')}
    </EmptyState>
  );

  return (
    <>
      <PageHeader
        title={t('ideas.challenges.title')}
        description={t('ideas.challenges.description')}
        actions={
          <>
            <Button variant="default" component={Link} to={newIdea} leftSection={<IconBulb size={16} aria-hidden />}>
              {t('ideas.shareIdea')}
            </Button>
            {mayCreate && (
              <Button component={Link} to={newChallenge} leftSection={<IconPlus size={16} aria-hidden />}>
                {t('ideas.challenges.new')}
              </Button>
            )}
          </>
        }
      />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap" role="search" aria-label={t('common.filters')}>
        <TextInput
          label={t('common.search')}
          placeholder={t('ideas.challenges.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search.text}
          onChange={(e) => search.onChange(e.currentTarget.value)}
          w={{ base: '100%', xs: 260 }}
          size="sm"
        />
        <Select
          label={t('ideas.space')}
          placeholder={t('common.all')}
          data={spaces.data ?? []}
          value={spaceId ? String(spaceId) : null}
          onChange={(v) => setFilter('space', v ?? '')}
          clearable
          searchable
          w={{ base: '100%', xs: 220 }}
          size="sm"
        />
        <Select
          label={t('ideas.phase')}
          placeholder={t('common.all')}
          data={CHALLENGE_PHASES.map((p) => ({ value: p, label: phaseLabel(p) }))}
          value={phase ?? null}
          onChange={(v) => setFilter('phase', v ?? '')}
          clearable
          w={{ base: '100%', xs: 180 }}
          size="sm"
        />
      </Group>
      <PagedTable<Challenge>
        list={list}
        label={t('ideas.challenges.title')}
        minWidth={720}
        headers={[t('ideas.challenge'), t('ideas.space'), t('ideas.phase'), t('ideas.challenges.dates'), t('ideas.challenges.ideas')]}
        empty={empty}
        row={(c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Stack gap={2}>
                <Anchor component={Link} to={`/ideas/challenges/${c.id}`} fw={500} fz="sm">
                  {c.title}
                </Anchor>
                {c.goals[0] && (
                  <Text fz="xs" c="dimmed" lineClamp={1}>
                    {c.goals[0]}
                  </Text>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Text fz="sm">{spaceNames.get(c.space_id) ?? `#${c.space_id}`}</Text>
            </Table.Td>
            <Table.Td>
              <PhaseBadge phase={c.phase} />
            </Table.Td>
            <Table.Td>
              <Text fz="sm">{phaseDateLine(c.phases, c.phase)}</Text>
              <Text fz="xs" c="dimmed">
                {t('ideas.challenges.range', { from: formatDay(c.phases.submission_opens), to: formatDay(c.phases.closes) })}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text fz="sm">{formatNumber(c.idea_count)}</Text>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </>
  );
}
