import { AppShell, Avatar, Box, Burger, Group, Menu, NavLink, ScrollArea, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAddressBook,
  IconBulb,
  IconChevronDown,
  IconHome,
  IconMessages,
  IconLayoutKanban,
  IconLogout,
  IconSearch,
  IconSettings,
  IconUserCircle,
} from '@tabler/icons-react';
import { Suspense, useEffect, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { canAdminister, isInternal, useSignOut, useSignedIn } from '../features/auth/session';
import { QuickCapture } from '../features/engagement/QuickCapture';
import { t } from '../messages';
import { Logo } from './Logo';
import { PageSkeleton } from './Skeletons';
import { ThemeToggle } from './ThemeToggle';
import classes from './AppLayout.module.css';

interface RailItem {
  to: string;
  label: string;
  icon: ReactNode;
  /** Whether the current path belongs to this item. */
  matches: (path: string) => boolean;
}

function railItems(role: Parameters<typeof isInternal>[0]): RailItem[] {
  const items: RailItem[] = [
    {
      to: '/',
      label: isInternal(role) ? t('nav.home') : t('nav.mySpaces'),
      icon: <IconHome size={18} stroke={1.7} />,
      matches: (p) => p === '/' || p.startsWith('/spaces/'),
    },
  ];
  // Modules add their entries here, in the order of UI.md.
  if (isInternal(role)) {
    items.push(
      {
        to: '/stakeholders',
        label: t('nav.stakeholders'),
        icon: <IconAddressBook size={18} stroke={1.7} />,
        matches: (p) => p.startsWith('/stakeholders'),
      },
      {
        to: '/engagement',
        label: t('nav.engagement'),
        icon: <IconMessages size={18} stroke={1.7} />,
        matches: (p) => p.startsWith('/engagement'),
      },
      {
        to: '/projects',
        label: t('nav.projects'),
        icon: <IconLayoutKanban size={18} stroke={1.7} />,
        matches: (p) => p === '/projects' || p.startsWith('/projects/'),
      },
    );
  }
  // Ideas is for external participants too.
  items.push({
    to: '/ideas',
    label: t('nav.ideas'),
    icon: <IconBulb size={18} stroke={1.7} />,
    matches: (p) => p === '/ideas' || p.startsWith('/ideas/'),
  });
  if (canAdminister(role)) {
    items.push({
      to: '/admin',
      label: t('nav.admin'),
      icon: <IconSettings size={18} stroke={1.7} />,
      matches: (p) => p.startsWith('/admin'),
    });
  }
  return items;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

function UserMenu() {
  const { user } = useSignedIn();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        <UnstyledButton className={classes.userButton} aria-label={t('shell.accountMenu', { name: user.display_name })}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} radius="xl" color="brand" variant="filled" aria-hidden>
              {initials(user.display_name)}
            </Avatar>
            <Text fz="sm" fw={500} visibleFrom="sm" maw={160} truncate>
              {user.display_name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text fz="xs" truncate>
            {user.email}
          </Text>
        </Menu.Label>
        <Menu.Item component={Link} to="/me" leftSection={<IconUserCircle size={16} />}>
          {t('shell.profile')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          onClick={async () => {
            await signOut().catch(() => undefined);
            navigate('/sign-in', { replace: true });
          }}
        >
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

/** The signed-in frame: top bar, left navigation rail (a burger drawer on phones), main area. */
export function AppLayout() {
  const { user } = useSignedIn();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  useEffect(close, [pathname, close]);
  const items = railItems(user.role);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'lg' }}
    >
      <a href="#main" className={classes.skipLink}>
        {t('shell.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? t('shell.closeNavigation') : t('shell.openNavigation')}
              aria-expanded={opened}
              aria-controls="main-navigation"
            />
            <UnstyledButton component={Link} to="/" aria-label={t('shell.homeLink')} className={classes.logoLink}>
              <Logo />
            </UnstyledButton>
          </Group>
          {isInternal(user.role) && (
            <Box className={classes.search} visibleFrom="xs">
              <TextInput
                disabled
                aria-label={t('shell.search')}
                placeholder={t('shell.searchPlaceholder')}
                leftSection={<IconSearch size={16} aria-hidden />}
                radius="md"
              />
            </Box>
          )}
          <Group gap="sm" wrap="nowrap">
            {isInternal(user.role) && <QuickCapture />}
            <ThemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" id="main-navigation" component="nav" aria-label={t('shell.mainNavigation')}>
        <ScrollArea type="never">
          {items.map((item) => {
            const active = item.matches(pathname);
            return (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={item.label}
                leftSection={item.icon}
                active={active}
                aria-current={active ? 'page' : undefined}
                className={classes.railLink}
                variant="light"
              />
            );
          })}
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <Box maw={1200} mx="auto">
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
