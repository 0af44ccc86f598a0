import { Anchor, Box, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import { t } from '../messages';

export interface Crumb {
  label: string;
  to?: string;
}

interface PageHeaderProps {
  title: string;
  /** Trail above the title; the current page is added last automatically. */
  crumbs?: Crumb[];
  description?: ReactNode;
  actions?: ReactNode;
}

/** Breadcrumbs, the page title (also the document title) and the page's primary actions. */
export function PageHeader({ title, crumbs = [], description, actions }: PageHeaderProps) {
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [title]);
  return (
    <Stack gap={6} mb="lg">
      {crumbs.length > 0 && (
        <Box component="nav" aria-label={t('shell.breadcrumbs')}>
          <Breadcrumbs separator="›" separatorMargin={6} fz="sm">
            {crumbs.map((c) =>
              c.to ? (
                <Anchor component={Link} to={c.to} key={c.label} fz="sm">
                  {c.label}
                </Anchor>
              ) : (
                <Text key={c.label} fz="sm" c="dimmed">
                  {c.label}
                </Text>
              ),
            )}
            <Text fz="sm" aria-current="page">
              {title}
            </Text>
          </Breadcrumbs>
        </Box>
      )}
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Box>
          <Title order={1} fz={{ base: 24, sm: 28 }} fw={650} lh={1.2}>
            {title}
          </Title>
          {description && (
            <Text c="dimmed" mt={4} maw={720}>
              {description}
            </Text>
          )}
        </Box>
        {actions && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}
