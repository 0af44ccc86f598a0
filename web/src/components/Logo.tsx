import { Group, Text } from '@mantine/core';
import { t } from '../messages';

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" fill="#1c5d99" />
        <circle cx="12.5" cy="16" r="6.5" fill="none" stroke="#fff" strokeWidth="2.6" />
        <circle cx="19.5" cy="16" r="6.5" fill="none" stroke="#9fd3ff" strokeWidth="2.6" />
      </svg>
      <Text fw={700} fz="lg" lts={-0.3}>
        {t('app.name')}
      </Text>
    </Group>
  );
}
