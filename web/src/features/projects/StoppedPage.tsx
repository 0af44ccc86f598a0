import { Anchor, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArchive, IconSearch } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { TableSkeleton } from '../../components/Skeletons';
import { RelativeTime } from '../../components/Time';
import { useDebouncedUrlText, useUrlFilters } from '../../components/urlState';
import { t } from '../../messages';
import { LearningsBlock } from './parts';
import { useProjectList } from './queries';

/** /projects/stopped — stopped projects and what they taught us. */
export default function StoppedPage() {
  const { values, setFilter } = useUrlFilters(['q'] as const);
  const search = useDebouncedUrlText(values.q, (v) => setFilter('q', v));
  const list = useProjectList({ status: 'stopped', ...(values.q ? { q: values.q } : {}) });

  let body;
  if (list.isPending) body = <TableSkeleton />;
  else if (list.isError) body = <QueryError error={list.error} retry={() => list.refetch()} />;
  else if (list.items.length === 0)
    body = (
      <EmptyState icon={<IconArchive size={24} />} title={values.q ? t('common.noMatchesTitle') : t('projects.stopped.emptyTitle')}>
        {values.q ? t('common.noMatchesBody') : t('projects.stopped.emptyBody')}
      </EmptyState>
    );
  else
    body = (
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {list.items.map((p) => (
          <Paper key={p.id} component="li" withBorder radius="md" p="md" aria-labelledby={`stopped-${p.id}`}>
            <Group justify="space-between" gap="xs" mb={6} wrap="wrap">
              <Title order={2} fz="md" fw={600} id={`stopped-${p.id}`}>
                <Anchor component={Link} to={`/projects/${p.id}`} inherit>
                  {p.title}
                </Anchor>
              </Title>
              <Text fz="xs" c="dimmed">
                {t('projects.stopped.meta', { phase: p.phase.name, lead: p.lead.display_name })} · <RelativeTime iso={p.updated_at} />
              </Text>
            </Group>
            <Text fz="sm" c="dimmed" mb="xs" lineClamp={2}>
              {p.hypothesis}
            </Text>
            {p.learnings ? <LearningsBlock learnings={p.learnings} /> : <Text fz="sm" c="dimmed">{t('projects.stopped.noLearnings')}</Text>}
          </Paper>
        ))}
      </Stack>
    );

  return (
    <>
      <PageHeader title={t('projects.stopped.title')} crumbs={[{ label: t('projects.title'), to: '/projects' }]} description={t('projects.stopped.respect')} />
      <TextInput
        label={t('common.search')}
        placeholder={t('projects.stopped.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search.text}
        onChange={(e) => search.onChange(e.currentTarget.value)}
        mb="md"
        maw={360}
      />
      {body}
      <LoadMore hasMore={list.hasNextPage} loading={list.isFetchingNextPage} onLoad={() => list.fetchNextPage()} />
    </>
  );
}
