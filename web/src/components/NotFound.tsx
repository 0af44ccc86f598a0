import { Button } from '@mantine/core';
import { IconCompass } from '@tabler/icons-react';
import { Link } from 'react-router';
import { t } from '../messages';
import { EmptyState } from './EmptyState';
import { PageHeader } from './PageHeader';

/** What a missing page, or one the reader may not see, looks like (the two are not told apart). */
export function NotFound() {
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <EmptyState
        icon={<IconCompass size={24} />}
        title={t('notFound.heading')}
        action={
          <Button component={Link} to="/" variant="light">
            {t('notFound.home')}
          </Button>
        }
      >
        {t('notFound.body')}
      </EmptyState>
    </>
  );
}
