import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { isNotFound, problemMessage } from '../api/problem';
import { t } from '../messages';
import { NotFound } from './NotFound';

/** A list or page that failed to load: what happened, and a way to try again. 404 shows not-found. */
export function QueryError({ error, retry }: { error: unknown; retry?: () => void }) {
  if (isNotFound(error)) return <NotFound />;
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('common.loadFailed')} role="alert">
      <Group justify="space-between" align="center">
        <Text fz="sm">{problemMessage(error)}</Text>
        {retry && (
          <Button size="xs" variant="white" color="red" onClick={retry}>
            {t('common.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
