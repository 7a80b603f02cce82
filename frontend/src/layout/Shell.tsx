import {
  ActionIcon,
  AppShell,
  Center,
  Group,
  Loader,
  NavLink,
  ScrollArea,
  Text,
  Tooltip,
  useComputedColorScheme,
  useMantineColorScheme,
} from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';
import { Suspense } from 'react';
import { Link, useLocation } from 'react-router';
import type { ShopStatus } from '../api';
import { ScreenErrorBoundary } from '../components/ErrorBoundary';
import { Logo } from '../components/Logo';
import { NAV } from './nav';
import { MAIN_ID, SkipLink } from './SkipLink';
import { AppRoutes } from './routes';
import classes from './Shell.module.css';

function ThemeToggle() {
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const next = computed === 'dark' ? 'light' : 'dark';
  return (
    <Tooltip label={next === 'dark' ? 'Dark theme' : 'Light theme'} openDelay={300}>
      <ActionIcon
        variant="default"
        size="md"
        aria-label={`Switch to ${next} theme`}
        onClick={() => setColorScheme(next)}
        data-testid="theme-toggle"
        data-scheme={computed}
      >
        {computed === 'dark' ? <IconSun size={16} /> : <IconMoon size={16} />}
      </ActionIcon>
    </Tooltip>
  );
}

function isActive(pathname: string, path: string): boolean {
  return path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(path + '/');
}

export function Shell({ status }: { status: ShopStatus }) {
  const { pathname } = useLocation();
  return (
    <AppShell header={{ height: 48 }} navbar={{ width: 208, breakpoint: 0 }} padding="md">
      <SkipLink />
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap={8} wrap="nowrap">
            <Logo size={24} />
            <Text fw={700} size="md" data-testid="app-name">
              Shopclerk
            </Text>
          </Group>
          <ThemeToggle />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" className={classes.navbar}>
        <AppShell.Section grow component={ScrollArea}>
          {NAV.map((item) => (
            <NavLink
              key={item.key}
              component={Link}
              to={item.path}
              label={item.label}
              leftSection={<item.icon size={17} stroke={1.6} />}
              rightSection={item.badge ? <item.badge /> : undefined}
              active={isActive(pathname, item.path)}
              className={classes.link}
              data-testid={`nav-${item.key}`}
            />
          ))}
        </AppShell.Section>
        <AppShell.Section>
          <Tooltip label={status.path} openDelay={300} multiline maw={420}>
            <Text size="xs" c="dimmed" truncate="end" px={6} py={4} data-testid="shop-path" data-path={status.path}>
              Shop file: {status.path.split(/[\\/]/).pop() || status.path}
            </Text>
          </Tooltip>
        </AppShell.Section>
      </AppShell.Navbar>
      {/* tabIndex -1: the skip link focuses it; Tab then goes on inside the screen */}
      <AppShell.Main className={classes.main} id={MAIN_ID} tabIndex={-1}>
        <ScreenErrorBoundary resetKey={pathname}>
        <Suspense
          fallback={
            <Center h="50vh">
              <Loader size="sm" />
            </Center>
          }
        >
          <AppRoutes now={status.now} />
        </Suspense>
        </ScreenErrorBoundary>
      </AppShell.Main>
    </AppShell>
  );
}
