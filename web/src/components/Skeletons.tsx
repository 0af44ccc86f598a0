import { Group, Paper, Skeleton, Stack } from '@mantine/core';
import { t } from '../messages';

/** Placeholder rows shaped like a table while a list loads. */
export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <Paper withBorder radius="md" p="md" aria-busy="true" aria-label={t('common.loading')} role="status">
      <Stack gap="sm">
        <Skeleton height={14} width="40%" />
        {Array.from({ length: rows }, (_, i) => (
          <Group key={i} gap="md" wrap="nowrap">
            <Skeleton height={12} width="30%" />
            <Skeleton height={12} width="20%" />
            <Skeleton height={12} width="25%" />
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

/** Placeholder for a form or a detail card. */
export function CardSkeleton({ lines = 4 }: { lines?: number }) {
  return (
    <Paper withBorder radius="md" p="lg" aria-busy="true" aria-label={t('common.loading')} role="status">
      <Stack gap="md">
        <Skeleton height={18} width="35%" />
        {Array.from({ length: lines }, (_, i) => (
          <Skeleton key={i} height={12} width={`${85 - i * 10}%`} />
        ))}
      </Stack>
    </Paper>
  );
}

/** A whole page loading: a title bar and a card. Same footprint as the page that replaces it. */
export function PageSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true" aria-label={t('common.loading')} role="status">
      <Skeleton height={12} width={160} />
      <Skeleton height={28} width={260} />
      <CardSkeleton lines={5} />
    </Stack>
  );
}
