import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { t } from '../messages';
import { Logo } from './Logo';
import { ThemeToggle } from './ThemeToggle';
import classes from './AuthLayout.module.css';

interface AuthLayoutProps {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}

/** The frame of the pages seen before signing in: a centred card. */
export function AuthLayout({ title, subtitle, children }: AuthLayoutProps) {
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [title]);
  return (
    <Box className={classes.page}>
      <Group justify="space-between" p="md" component="header">
        <Logo />
        <ThemeToggle />
      </Group>
      <Center component="main" id="main" px="md" pb="xl" className={classes.main}>
        <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }} w="100%" maw={440}>
          <Stack gap={4} mb="lg">
            <Title order={1} fz={26} fw={650}>
              {title}
            </Title>
            {subtitle && (
              <Text c="dimmed" fz="sm">
                {subtitle}
              </Text>
            )}
          </Stack>
          {children}
        </Paper>
      </Center>
    </Box>
  );
}
