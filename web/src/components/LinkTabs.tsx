import { Box, Group, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import classes from './LinkTabs.module.css';

export interface LinkTab {
  to: string;
  label: string;
  icon?: ReactNode;
  active: boolean;
}

/** Section navigation that looks like tabs but is made of links (each section has its own URL). */
export function LinkTabs({ label, tabs }: { label: string; tabs: LinkTab[] }) {
  return (
    <Box component="nav" aria-label={label} className={classes.bar} mb="lg">
      <Group gap={4} wrap="nowrap" className={classes.list}>
        {tabs.map((tab) => (
          <UnstyledButton
            key={tab.to}
            component={Link}
            to={tab.to}
            className={classes.tab}
            data-active={tab.active || undefined}
            aria-current={tab.active ? 'page' : undefined}
          >
            <Group gap={6} wrap="nowrap">
              {tab.icon}
              <span>{tab.label}</span>
            </Group>
          </UnstyledButton>
        ))}
      </Group>
    </Box>
  );
}
