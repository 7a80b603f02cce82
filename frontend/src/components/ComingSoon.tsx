import { Center, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** An honest empty state for a screen that a later release fills. */
export function ComingSoon({ icon: I, title, children, testId }: { icon: Icon; title: string; children: ReactNode; testId: string }) {
  return (
    <Center py={80} data-testid={testId}>
      <Paper withBorder radius="md" p="xl" maw={520}>
        <Stack align="center" gap="sm" ta="center">
          <ThemeIcon size={48} radius="xl" variant="light" color="gray">
            <I size={26} stroke={1.5} />
          </ThemeIcon>
          <Title order={3}>{title}</Title>
          <Text size="sm" c="dimmed">
            {children}
          </Text>
        </Stack>
      </Paper>
    </Center>
  );
}
