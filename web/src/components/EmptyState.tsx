import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  /** The first thing to do here (a button or link). */
  action?: ReactNode;
}

/** Says what a page or list is for when it has nothing yet, and offers the first action. */
export function EmptyState({ icon, title, children, action }: EmptyStateProps) {
  return (
    <Paper withBorder radius="md" p="xl" data-testid="empty-state">
      <Stack align="center" gap="xs" ta="center" maw={520} mx="auto">
        {icon && (
          <ThemeIcon variant="light" size={44} radius="xl" aria-hidden>
            {icon}
          </ThemeIcon>
        )}
        <Title order={2} fz="lg" fw={600}>
          {title}
        </Title>
        {children && (
          <Text c="dimmed" fz="sm">
            {children}
          </Text>
        )}
        {action}
      </Stack>
    </Paper>
  );
}
