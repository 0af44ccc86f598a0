import { Button, Group, Select } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { useUrlFilters } from '../../components/urlState';
import { t } from '../../messages';
import { useSpaceOptions } from '../admin/queries';
import { isInternal, useSignedIn } from '../auth/session';
import { IdeaList } from './IdeaList';
import { parseId } from './labels';

/** /ideas/all — every idea the reader sees (stand-alone ones and those answering challenges), by space. */
export default function IdeasPage() {
  const me = useSignedIn();
  const { values, setFilter } = useUrlFilters(['space'] as const);
  const spaces = useSpaceOptions();
  const spaceId = parseId(values.space);
  const newIdea = `/ideas/new${spaceId ? `?space=${spaceId}` : ''}`;
  return (
    <>
      <PageHeader
        title={t('ideas.all.title')}
        description={t('ideas.all.description')}
        actions={
          <Button component={Link} to={newIdea} leftSection={<IconBulb size={16} aria-hidden />}>
            {t('ideas.shareIdea')}
          </Button>
        }
      />
      <Group mb="sm">
        <Select
          label={t('ideas.space')}
          placeholder={t('common.all')}
          data={spaces.data ?? []}
          value={spaceId ? String(spaceId) : null}
          onChange={(v) => setFilter('space', v ?? '')}
          clearable
          searchable
          w={{ base: '100%', xs: 240 }}
          size="sm"
        />
      </Group>
      <IdeaList
        spaceId={spaceId}
        internal={isInternal(me.user.role)}
        label={t('ideas.all.title')}
        empty={
          <EmptyState
            icon={<IconBulb size={24} />}
            title={t('ideas.all.emptyTitle')}
            action={
              <Button component={Link} to={newIdea} variant="light">
                {t('ideas.shareIdea')}
              </Button>
            }
          >
            {t('ideas.all.emptyBody')}
          </EmptyState>
        }
      />
    </>
  );
}
