import { Button, Center } from '@mantine/core';
import { t } from '../messages';

/** The "next page" control of a cursor-paged list. */
export function LoadMore({ hasMore, loading, onLoad }: { hasMore: boolean; loading: boolean; onLoad: () => void }) {
  if (!hasMore) return null;
  return (
    <Center mt="md">
      <Button variant="default" loading={loading} onClick={onLoad}>
        {t('common.loadMore')}
      </Button>
    </Center>
  );
}
