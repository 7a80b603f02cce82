import { Group, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useFocusOnArrival } from '../lib/focus';

/**
 * A screen's title: its one h1 (drawn at h3 size), which takes focus when
 * the seller arrives from a nav link so Tab goes on from the screen's top.
 */
export function PageTitle({ children }: { children: ReactNode }) {
  const ref = useFocusOnArrival<HTMLHeadingElement>();
  return (
    <Title order={1} size="h3" ref={ref} tabIndex={-1} data-page-title>
      {children}
    </Title>
  );
}

export function PageHeader({ title, description, right }: { title: string; description?: ReactNode; right?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-end" mb="sm" wrap="nowrap">
      <div style={{ minWidth: 0 }}>
        <PageTitle>{title}</PageTitle>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </div>
      {/* the actions keep their width; the description wraps instead */}
      {right && <div style={{ flexShrink: 0 }}>{right}</div>}
    </Group>
  );
}

/** A page whose body (a table) fills the window's height. */
export function FullHeightPage({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId} style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      {children}
    </div>
  );
}
