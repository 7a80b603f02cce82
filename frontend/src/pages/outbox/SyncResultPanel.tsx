// What "Read new mail" found and made: the counts, then each thing it made
// with a link to where it lives (a bounced message or a reply draft opens in
// the Outbox's drawer, an address on the Do not email list in Settings).
import { Alert, Anchor, Button, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { SyncResult } from '../../api/mail';
import { madeOf, syncSummary } from './sync';

export function SyncResultPanel({ result, onOpen, onClose }: { result: SyncResult; onOpen: (messageId: number) => void; onClose: () => void }) {
  const bounces = madeOf(result, 'bounce');
  const tasks = madeOf(result, 'task');
  const suppressions = madeOf(result, 'suppression');
  const drafts = madeOf(result, 'draft');
  return (
    <Alert color="blue" title="New mail read" withCloseButton closeButtonLabel="Close the result" onClose={onClose} data-testid="inbox-result">
      <Stack gap={6}>
        <Text size="sm" data-testid="inbox-result-summary">{syncSummary(result)}</Text>
        {bounces.length > 0 && (
          <div>
            <Text size="sm" fw={600}>Bounced</Text>
            <List size="sm" spacing={2}>
              {bounces.map((m) => (
                <List.Item key={`b${m.messageId}`}>
                  <Button variant="subtle" size="compact-sm" onClick={() => onOpen(m.messageId)} data-testid={`inbox-bounce-${m.messageId}`}>
                    “{m.title}” to {m.email}
                  </Button>{' '}
                  <Text span size="xs" c="dimmed">{m.detail}</Text>
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {drafts.length > 0 && (
          <div data-testid="inbox-drafts">
            <Text size="sm" fw={600}>Reply drafts to review</Text>
            <List size="sm" spacing={2}>
              {drafts.map((m) => (
                <List.Item key={`d${m.messageId}`}>
                  <Button variant="subtle" size="compact-sm" onClick={() => onOpen(m.messageId)} data-testid={`inbox-draft-${m.messageId}`}>
                    {m.title}
                  </Button>{' '}
                  <Text span size="xs" c="dimmed">{m.detail}</Text>
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {tasks.length > 0 && (
          <div>
            <Text size="sm" fw={600}>Tasks for you</Text>
            <List size="sm" spacing={2}>
              {tasks.map((m) => (
                <List.Item key={`t${m.taskId}`} data-testid={`inbox-task-${m.taskId}`}>
                  {m.title}
                  {m.detail && <Text span size="xs" c="dimmed"> “{m.detail}”</Text>}{' '}
                  {m.messageId > 0 && (
                    <Button variant="subtle" size="compact-sm" onClick={() => onOpen(m.messageId)}>Open the message</Button>
                  )}
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {suppressions.length > 0 && (
          <div>
            <Text size="sm" fw={600}>Added to Do not email</Text>
            <Text size="sm">
              {suppressions.map((m) => m.email).join(', ')}{' '}
              <Anchor component={Link} to="/settings/suppressions" size="sm" underline="always" data-testid="inbox-suppressions-link">See the list</Anchor>
            </Text>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
