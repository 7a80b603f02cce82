// Every run, newest first: when, what it did per flow and per kind of action,
// what was left for later and what failed.
import { Alert, Badge, Button, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { errorTitle, normalizeError } from '../../api';
import { automationKeys, automations, type RunRecord } from '../../api/automations';
import { formatDateTime } from '../../lib/format';
import { actionCounts } from './describe';

export function HistoryPanel() {
  const [limit, setLimit] = useState(50);
  const history = useQuery({ queryKey: automationKeys.history(limit), queryFn: () => automations.history(limit) });

  if (history.isPending) {
    return (
      <Stack gap={6} data-testid="history-loading">
        {[0, 1, 2, 3, 4].map((i) => (
          <Skeleton key={i} h={34} />
        ))}
      </Stack>
    );
  }
  if (history.isError) {
    const e = normalizeError(history.error);
    return (
      <Alert color="red" title={errorTitle(e.code)} data-testid="history-error">
        {e.message}
      </Alert>
    );
  }
  const rows = history.data;
  if (rows.length === 0) {
    return (
      <Paper withBorder radius="md" p="xl" data-testid="history-empty">
        <Text fw={500}>No runs yet</Text>
        <Text size="sm" c="dimmed">
          Runs appear here when you run approved items from the preview, when a switched-on flow runs on its schedule, or when `shopclerk run` runs from the command line.
        </Text>
      </Paper>
    );
  }
  return (
    <Stack gap="xs">
      <Table striped highlightOnHover data-testid="history-table" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={190}>When</Table.Th>
            <Table.Th w={90} ta="right">
              Done
            </Table.Th>
            <Table.Th>What it did</Table.Th>
            <Table.Th>Left for later</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <HistoryRow key={r.id} r={r} />
          ))}
        </Table.Tbody>
      </Table>
      {rows.length >= limit && (
        <Button variant="subtle" size="xs" onClick={() => setLimit((n) => n + 100)} data-testid="history-more">
          Older runs
        </Button>
      )}
    </Stack>
  );
}

function HistoryRow({ r }: { r: RunRecord }) {
  const res = r.result;
  const flows = Object.entries(res?.byFlow ?? {});
  const failed = res?.failed ?? [];
  return (
    <Table.Tr data-testid="history-row" data-run={r.id}>
      <Table.Td>
        <Text size="sm">{formatDateTime(r.startedAt)}</Text>
        {r.dryRun && (
          <Badge size="xs" variant="light" color="gray">
            dry run
          </Badge>
        )}
        {res?.cancelled && (
          <Badge size="xs" variant="light" color="orange">
            stopped
          </Badge>
        )}
        {!r.finishedAt && (
          <Badge size="xs" variant="light" color="yellow">
            did not finish
          </Badge>
        )}
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" fw={600} data-testid="history-done">
          {res?.done ?? 0}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{actionCounts(res?.byAction) || (r.dryRun ? 'nothing (dry run)' : 'nothing')}</Text>
        {flows.length > 0 && (
          <Text size="xs" c="dimmed">
            {flows.map(([name, n]) => `${name}: ${n}`).join(' · ')}
          </Text>
        )}
        {failed.map((x) => (
          <Text size="xs" c="red" key={x.key}>
            Failed: {x.summary}: {x.message}
          </Text>
        ))}
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {[
            res?.notApproved ? `${res.notApproved} not approved` : '',
            res?.waiting ? `${res.waiting} waiting` : '',
            res?.alreadyDone ? `${res.alreadyDone} already done` : '',
          ]
            .filter(Boolean)
            .join(', ') || '—'}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
