import { Alert, Box, Button, Stack, Text } from '@mantine/core';
import { useRouteError } from 'react-router';
import { t } from '../messages';

/** Shown when a page throws while rendering (a bug, or a chunk that failed to load after a deploy). */
export function RouteError() {
  const error = useRouteError();
  if (error) console.error(error);
  return (
    <Box p="xl" component="main">
      <Alert color="red" title={t('routeError.title')} role="alert">
        <Stack gap="sm" align="flex-start">
          <Text fz="sm">{t('routeError.body')}</Text>
          <Button size="xs" onClick={() => window.location.reload()}>
            {t('routeError.reload')}
          </Button>
        </Stack>
      </Alert>
    </Box>
  );
}
