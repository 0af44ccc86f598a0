import { Tooltip } from '@mantine/core';
import { formatDateTime, formatRelative } from '../lib/format';

/** A time shown relative ("3 hours ago") with the full local date and time on hover. */
export function RelativeTime({ iso, fallback = '—' }: { iso: string | null | undefined; fallback?: string }) {
  if (!iso) return <>{fallback}</>;
  return (
    <Tooltip label={formatDateTime(iso)} withArrow openDelay={300}>
      <time dateTime={iso}>{formatRelative(iso)}</time>
    </Tooltip>
  );
}

/** A time shown as local date and time. */
export function DateTime({ iso, fallback = '—' }: { iso: string | null | undefined; fallback?: string }) {
  if (!iso) return <>{fallback}</>;
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}
