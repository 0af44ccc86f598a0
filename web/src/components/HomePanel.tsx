// The pieces every "My week" panel is built from: a heading with a link to the full page, and
// a card of rows with a rule between them.
import { Anchor, Group, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import classes from './HomePanel.module.css';

/** The panel's heading (`id` labels its section) and a link to where everything is. */
export function PanelHeader({ id, title, link, linkLabel }: { id: string; title: string; link: string; linkLabel: string }) {
  return (
    <Group justify="space-between" mb="sm" align="baseline" wrap="nowrap">
      <Title order={2} fz="lg" id={id}>
        {title}
      </Title>
      <Anchor component={Link} to={link} fz="sm">
        {linkLabel}
      </Anchor>
    </Group>
  );
}

/** A card holding a list of PanelRow. */
export function PanelRows({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder radius="md" px="md" py={4}>
      <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {children}
      </Stack>
    </Paper>
  );
}

/** One list item of a panel. */
export function PanelRow({ children }: { children: ReactNode }) {
  return (
    <Group component="li" justify="space-between" gap="xs" py={8} wrap="wrap" className={classes.row}>
      {children}
    </Group>
  );
}
