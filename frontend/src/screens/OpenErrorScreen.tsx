import { Alert, Box, Button, Center, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconDatabaseOff } from '@tabler/icons-react';
import { normalizeError, type ErrorCode } from '../api';
import { Logo } from '../components/Logo';

function advice(code: ErrorCode, message: string): string[] {
  const m = message.toLowerCase();
  if (code === 'conflict' || m.includes('already open')) {
    return [
      'Close the other Shopclerk window (or wait for the command that uses this shop to finish), then start Shopclerk again.',
      'To work on a different shop at the same time, start Shopclerk with --db and another file.',
    ];
  }
  if (m.includes('read-only')) {
    return [
      'Copy the file to a folder you can write to, or change its permissions.',
      'Then start Shopclerk with --db and the path of the copy.',
    ];
  }
  if (m.includes('newer')) {
    return [
      'This shop was last opened by a newer Shopclerk. Install that version to open it.',
      'Or choose another file with --db PATH. The file was left untouched.',
    ];
  }
  return [
    'Choose another file: start Shopclerk with --db PATH (for example shopclerk --db ~/shop.db).',
    'Your file was left untouched. If it came from a backup, make sure it is a Shopclerk shop database.',
  ];
}

/** The shop database could not be opened: say why and what to do, no stack trace. */
export function OpenErrorScreen({ openError, path }: { openError: string; path: string }) {
  const err = normalizeError(openError);
  return (
    <Center mih="100vh" p="xl" data-testid="open-error">
      <Paper withBorder radius="md" p="xl" maw={640} w="100%">
        <Stack gap="md">
          <Group gap="sm">
            <Logo size={28} />
            <Title order={3}>Shopclerk could not open your shop</Title>
          </Group>
          <Alert color="red" variant="light" icon={<IconDatabaseOff size={20} />}>
            <Text size="sm" data-testid="open-error-message">
              {err.message}
            </Text>
          </Alert>
          <Box>
            <Text size="sm" fw={500} mb={4}>
              Shop file
            </Text>
            <Code block data-testid="open-error-path">
              {path || '(no path)'}
            </Code>
          </Box>
          <Box>
            <Text size="sm" fw={500} mb={4}>
              What you can do
            </Text>
            <List size="sm" spacing={4}>
              {advice(err.code, err.message).map((a) => (
                <List.Item key={a}>{a}</List.Item>
              ))}
            </List>
          </Box>
        </Stack>
      </Paper>
    </Center>
  );
}

/** Status() itself failed (for example: the page is not inside the app window). */
export function StatusErrorScreen({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const err = normalizeError(error);
  return (
    <Center mih="100vh" p="xl" data-testid="status-error">
      <Paper withBorder radius="md" p="xl" maw={560} w="100%">
        <Stack gap="md">
          <Group gap="sm">
            <Logo size={28} />
            <Title order={3}>Shopclerk is not ready</Title>
          </Group>
          <Alert color={err.code === 'unavailable' ? 'yellow' : 'red'} variant="light" icon={<IconAlertTriangle size={20} />}>
            <Text size="sm">{err.message}</Text>
          </Alert>
          <Group>
            <Button variant="light" onClick={onRetry}>
              Try again
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
