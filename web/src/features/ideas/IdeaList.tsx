// The list of ideas of a challenge or a space: sortable by votes, interest (internal users only:
// the API refuses that order to external participants) or newest, filtered by tag, status and
// text, all kept in the URL.
import { Anchor, Autocomplete, Badge, Box, Button, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconEyeOff, IconMessageCircle, IconRocket, IconSearch, IconTag, IconThumbUp } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/Skeletons';
import { compact, oneOf, useDebouncedUrlText, useUrlFilters } from '../../components/urlState';
import { t, tp } from '../../messages';
import { sortLabel, statusLabel } from './labels';
import { InterestBadge, StatusBadge } from './parts';
import { useIdeaList } from './queries';
import { IDEA_SORTS, IDEA_STATUSES, type IdeaSummary } from './types';
import classes from './ideas.module.css';

interface IdeaListProps {
  challengeId?: number | undefined;
  spaceId?: number | undefined;
  internal: boolean;
  /** What the list is for and the first thing to do, when it has no ideas yet. */
  empty: ReactNode;
  /** Name of the list for assistive tech. */
  label: string;
}

/** The customer interest an internal reader sees on a list item ("3 stakeholders · score 6"). */
function InternalInterest({ idea }: { idea: IdeaSummary }) {
  if (idea.interest_score === undefined || idea.interest_count === undefined) return <InterestBadge level={idea.interest_level} />;
  if (idea.interest_count === 0) return null;
  return (
    <Badge variant="outline" radius="sm" size="sm" color="orange" style={{ textTransform: 'none' }}>
      {tp('ideas.list.interest', idea.interest_count, { score: idea.interest_score })}
    </Badge>
  );
}

function IdeaRow({ idea, internal, onTag }: { idea: IdeaSummary; internal: boolean; onTag: (tag: string) => void }) {
  return (
    <Paper component="li" withBorder radius="md" p="sm" className={classes.ideaRow}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group gap="xs" wrap="wrap">
            <Anchor component={Link} to={`/ideas/${idea.id}`} fw={600} fz="sm">
              {idea.title}
            </Anchor>
            <StatusBadge status={idea.status} />
            {idea.hidden && (
              <Badge variant="outline" color="gray" radius="sm" size="sm" leftSection={<IconEyeOff size={12} aria-hidden />} style={{ textTransform: 'none' }}>
                {t('ideas.hidden')}
              </Badge>
            )}
          </Group>
          {idea.excerpt && (
            <Text fz="sm" c="dimmed" lineClamp={2}>
              {idea.excerpt}
            </Text>
          )}
          <Group gap={6} wrap="wrap">
            {idea.tags.map((tag) => (
              <UnstyledButton key={tag} onClick={() => onTag(tag)} className={classes.tag} aria-label={t('ideas.list.filterTag', { tag })}>
                #{tag}
              </UnstyledButton>
            ))}
            <Text fz="xs" c="dimmed">
              {t('ideas.list.by', { names: idea.authors.map((a) => a.display_name).join(', ') })}
            </Text>
            {idea.project && (
              <Badge variant="light" color="green" radius="sm" size="sm" leftSection={<IconRocket size={12} aria-hidden />} style={{ textTransform: 'none' }}>
                {t('ideas.inProject', { title: idea.project.title })}
              </Badge>
            )}
          </Group>
        </Stack>
        <Stack gap={6} align="flex-end" style={{ flexShrink: 0 }}>
          <Group gap={12} wrap="nowrap">
            <Group gap={4} wrap="nowrap">
              <IconThumbUp size={16} aria-hidden color={idea.my_vote ? 'var(--mantine-primary-color-filled)' : undefined} />
              <Text fz="sm" fw={600} aria-hidden>
                {idea.vote_count}
              </Text>
              <VisuallyHidden>
                {tp('ideas.votes', idea.vote_count)}
                {idea.my_vote ? `, ${t('ideas.list.myVote')}` : ''}
              </VisuallyHidden>
            </Group>
            <Group gap={4} wrap="nowrap">
              <IconMessageCircle size={16} aria-hidden />
              <Text fz="sm" aria-hidden>
                {idea.comment_count}
              </Text>
              <VisuallyHidden>{tp('ideas.comments', idea.comment_count)}</VisuallyHidden>
            </Group>
          </Group>
          {internal ? <InternalInterest idea={idea} /> : idea.interest_level !== 'none' && <InterestBadge level={idea.interest_level} />}
        </Stack>
      </Group>
    </Paper>
  );
}

export function IdeaList({ challengeId, spaceId, internal, empty, label }: IdeaListProps) {
  const { values, setFilter } = useUrlFilters(['sort', 'tag', 'q', 'status'] as const);
  const search = useDebouncedUrlText(values.q, (v) => setFilter('q', v));
  const tagText = useDebouncedUrlText(values.tag, (v) => setFilter('tag', v.trim().toLowerCase()));
  const sorts = internal ? IDEA_SORTS : IDEA_SORTS.filter((s) => s !== '-interest');
  const sort = oneOf(sorts, values.sort) ?? '-created';
  const status = oneOf(IDEA_STATUSES, values.status);
  const list = useIdeaList(
    compact({ challenge_id: challengeId, space_id: spaceId, sort, tag: values.tag.trim().toLowerCase(), q: values.q, status }),
  );
  const knownTags = [...new Set(list.items.flatMap((i) => i.tags))].sort();
  const filtered = Boolean(values.tag || values.q || status);

  let body: ReactNode;
  if (list.isPending) body = <TableSkeleton rows={4} />;
  else if (list.isError) body = <QueryError error={list.error} retry={() => list.refetch()} />;
  else if (list.items.length === 0)
    body = filtered ? (
      <EmptyState
        icon={<IconSearch size={24} />}
        title={t('common.noMatchesTitle')}
        action={
          <Button
            variant="light"
            onClick={() => {
              setFilter('q', '');
              setFilter('tag', '');
              setFilter('status', '');
            }}
          >
            {t('common.clearFilters')}
          </Button>
        }
      >
        {t('common.noMatchesBody')}
      </EmptyState>
    ) : (
      empty
    );
  else
    body = (
      <Box component="ul" aria-label={label} className={classes.plainList}>
        {list.items.map((idea) => (
          <IdeaRow key={idea.id} idea={idea} internal={internal} onTag={(tag) => setFilter('tag', tag)} />
        ))}
      </Box>
    );

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text fz="sm" fw={500} id="idea-sort-label">
            {t('ideas.sort.label')}
          </Text>
          <SegmentedControl
            size="sm"
            aria-labelledby="idea-sort-label"
            data={sorts.map((s) => ({ value: s, label: sortLabel(s) }))}
            value={sort}
            onChange={(v) => setFilter('sort', v === '-created' ? '' : v)}
          />
        </Stack>
        <TextInput
          label={t('common.search')}
          placeholder={t('ideas.list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search.text}
          onChange={(e) => search.onChange(e.currentTarget.value)}
          w={{ base: '100%', xs: 220 }}
          size="sm"
        />
        <Autocomplete
          label={t('ideas.tag')}
          placeholder={t('ideas.list.tagPlaceholder')}
          leftSection={<IconTag size={16} aria-hidden />}
          data={knownTags}
          value={tagText.text}
          onChange={tagText.onChange}
          onOptionSubmit={(v) => setFilter('tag', v)}
          w={{ base: '100%', xs: 180 }}
          size="sm"
        />
        <Select
          label={t('ideas.statusLabel')}
          placeholder={t('common.all')}
          data={IDEA_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
          value={status ?? null}
          onChange={(v) => setFilter('status', v ?? '')}
          clearable
          w={{ base: '100%', xs: 170 }}
          size="sm"
        />
      </Group>
      {body}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => list.fetchNextPage()} />
    </Stack>
  );
}
