// The Tasks screen (issue 13): the to-do list the automations and the inbox
// fill (a reply to read or a draft to approve, an order to review, a stuck
// shipment), with Done and Snooze; and the orders a flow held for review,
// each with Release: its confirmation and rewards go out on the next
// automation run (and, where a store writes holds, it is released there).
import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconClockPause, IconLockOpen } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { notifyError, notifySuccess } from '../../api';
import {
  TASK_KIND_LABELS,
  TASK_KINDS,
  taskKeys,
  tasksApi,
  type HeldOrder,
  type Task,
  type TaskFilter,
  type TaskKind,
  type TaskState,
} from '../../api/tasks';
import { Money } from '../../components/Money';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../lib/format';
import { countOf } from '../../lib/plural';

const SNOOZES = [
  { hours: 24, label: 'For a day' },
  { hours: 72, label: 'For 3 days' },
  { hours: 168, label: 'For a week' },
];

const KIND_COLORS: Record<string, string> = { reply: 'blue', review: 'red', shipment: 'orange', flow: 'grape', yours: 'gray' };

export default function TasksPage() {
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') as TaskState) || 'open';
  const kind = (params.get('kind') as TaskKind) || '';
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  };
  const filter: TaskFilter = { state, kind, limit: 500 };
  const list = useQuery({ queryKey: taskKeys.list(filter), queryFn: () => tasksApi.list(filter) });
  const counts = useQuery({ queryKey: taskKeys.counts, queryFn: tasksApi.counts });
  const held = useQuery({ queryKey: taskKeys.held, queryFn: tasksApi.held });
  const c = counts.data;

  return (
    <Stack gap="md" data-testid="tasks-page">
      <PageHeader
        title="Tasks"
        description="What the automations and the inbox ask of you: replies to read, drafts to approve, orders to review, parcels that stopped moving."
      />
      <HeldOrders rows={held.data ?? []} />
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            To do
          </Title>
          <Group gap="sm">
            <SegmentedControl
              size="xs"
              aria-label="Which tasks"
              value={state}
              onChange={(v) => set('state', v === 'open' ? '' : v)}
              data={[
                { value: 'open', label: `Open${c ? ` (${c.open})` : ''}` },
                { value: 'snoozed', label: `Snoozed${c ? ` (${c.snoozed})` : ''}` },
                { value: 'done', label: `Done${c ? ` (${c.done})` : ''}` },
                { value: 'all', label: 'All' },
              ]}
              data-testid="tasks-state"
            />
            <Select
              size="xs"
              w={170}
              aria-label="Kind of task"
              placeholder="Any kind"
              clearable
              value={kind || null}
              onChange={(v) => set('kind', v ?? '')}
              data={TASK_KINDS.map((k) => ({ value: k, label: TASK_KIND_LABELS[k] }))}
              data-testid="tasks-kind"
            />
          </Group>
        </Group>
        {list.isError ? (
          <Text c="red" size="sm">
            Could not load the tasks.
          </Text>
        ) : (list.data ?? []).length === 0 ? (
          <Text size="sm" c="dimmed" py="md" data-testid="tasks-empty">
            {state === 'open' ? 'Nothing to do right now.' : 'No tasks here.'}
          </Text>
        ) : (
          <TaskTable rows={list.data ?? []} />
        )}
      </Paper>
    </Stack>
  );
}

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: taskKeys.all });
}

function HeldOrders({ rows }: { rows: HeldOrder[] }) {
  const refresh = useRefresh();
  const release = useMutation({
    mutationFn: (h: HeldOrder) => tasksApi.release(h.orderId),
    onSuccess: (h) => {
      notifySuccess(`Order ${h.orderName} released: its confirmation goes out on the next automation run.`);
      refresh();
    },
    onError: (e) => notifyError(e, 'Could not release the order'),
  });
  if (rows.length === 0) return null;
  const heldNow = rows.filter((h) => !h.releasedAt).length;
  return (
    <Paper withBorder radius="md" p="md" data-testid="held-orders">
      <Title order={2} size="h4" mb={4}>
        Held for review
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {heldNow === 0
          ? 'No order is held now. Released this week:'
          : `${countOf(heldNow, 'order')} held: no confirmation, coupon or reward goes out for them until you release them.`}
      </Text>
      <Table fz="sm" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Order</Table.Th>
            <Table.Th>Customer</Table.Th>
            <Table.Th ta="right">Total</Table.Th>
            <Table.Th>Why</Table.Th>
            <Table.Th>Held</Table.Th>
            <Table.Th>
              <VisuallyHidden>Action</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((h) => (
            <Table.Tr key={h.orderId} data-testid="held-row" data-order={h.orderName}>
              <Table.Td>
                <Anchor component={Link} to={`/orders/${h.orderId}`}>
                  {h.orderName}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {h.customerId ? (
                  <Anchor component={Link} to={`/customers/${h.customerId}`}>
                    {customerLabel(h.email, h.customerId)}
                  </Anchor>
                ) : (
                  h.email
                )}
              </Table.Td>
              <Table.Td ta="right">
                <Money amount={h.total} currency={h.currency} size="sm" />
              </Table.Td>
              <Table.Td>{h.reason || (h.riskLevel ? `risk ${h.riskLevel}` : '')}</Table.Td>
              <Table.Td>{formatDateTime(h.heldAt)}</Table.Td>
              <Table.Td ta="right">
                {h.releasedAt ? (
                  <Badge color="teal" variant="light" data-testid="held-released">
                    Released {formatDateTime(h.releasedAt)}
                  </Badge>
                ) : (
                  <Button
                    size="xs"
                    leftSection={<IconLockOpen size={14} />}
                    loading={release.isPending && release.variables?.orderId === h.orderId}
                    onClick={() => release.mutate(h)}
                    aria-label={`Release order ${h.orderName}`}
                    data-testid="held-release"
                  >
                    Release
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function TaskTable({ rows }: { rows: Task[] }) {
  const refresh = useRefresh();
  const done = useMutation({
    mutationFn: (v: { id: number; done: boolean }) => tasksApi.setDone(v.id, v.done),
    onSuccess: refresh,
    onError: (e) => notifyError(e, 'Could not change the task'),
  });
  const snooze = useMutation({
    mutationFn: (v: { id: number; hours: number }) => tasksApi.snooze(v.id, v.hours),
    onSuccess: refresh,
    onError: (e) => notifyError(e, 'Could not snooze the task'),
  });
  const release = useMutation({
    mutationFn: (orderId: number) => tasksApi.release(orderId),
    onSuccess: (h) => {
      notifySuccess(`Order ${h.orderName} released: its confirmation goes out on the next automation run.`);
      refresh();
    },
    onError: (e) => notifyError(e, 'Could not release the order'),
  });
  return (
    <Table fz="sm" verticalSpacing={6} data-testid="tasks-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Kind</Table.Th>
          <Table.Th>Task</Table.Th>
          <Table.Th>About</Table.Th>
          <Table.Th>Since</Table.Th>
          <Table.Th>
            <VisuallyHidden>Actions</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((t) => (
          <Table.Tr key={t.id} data-testid="task-row" data-kind={t.kind} data-state={t.state}>
            <Table.Td>
              <Badge variant="light" color={KIND_COLORS[t.kind] ?? 'gray'} styles={{ root: { minWidth: 'max-content' } }}>
                {TASK_KIND_LABELS[t.kind as TaskKind] ?? t.kind}
              </Badge>
            </Table.Td>
            <Table.Td maw={420}>
              <Text size="sm" fw={500} data-testid="task-title">
                {t.title}
              </Text>
              {t.detail && (
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {t.detail}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Stack gap={0}>
                {t.customerId ? (
                  <Anchor component={Link} to={`/customers/${t.customerId}`} size="sm">
                    {customerLabel(t.email, t.customerId)}
                  </Anchor>
                ) : null}
                {t.orderId && t.orderName ? (
                  <Anchor component={Link} to={`/orders/${t.orderId}`} size="sm">
                    Order {t.orderName}
                    {t.orderHeld ? ' (held)' : ''}
                  </Anchor>
                ) : null}
              </Stack>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDateTime(t.createdAt)}</Text>
              {t.state === 'snoozed' && t.snoozedUntil && (
                <Text size="xs" c="dimmed">
                  snoozed until {formatDateTime(t.snoozedUntil)}
                </Text>
              )}
              {t.state === 'done' && t.doneAt && (
                <Text size="xs" c="dimmed">
                  done {formatDateTime(t.doneAt)}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Group gap={6} justify="flex-end" wrap="nowrap">
                {t.orderHeld && t.orderId && t.state !== 'done' && (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconLockOpen size={14} />}
                    onClick={() => release.mutate(t.orderId!)}
                    aria-label={`Release order ${t.orderName}`}
                    data-testid="task-release"
                  >
                    Release
                  </Button>
                )}
                {t.state === 'done' ? (
                  <Button size="xs" variant="default" onClick={() => done.mutate({ id: t.id, done: false })} data-testid="task-undo">
                    Not done
                  </Button>
                ) : (
                  <>
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconCheck size={14} />}
                      onClick={() => done.mutate({ id: t.id, done: true })}
                      aria-label={`Done: ${t.title}`}
                      data-testid="task-done"
                    >
                      Done
                    </Button>
                    <Select
                      size="xs"
                      w={130}
                      aria-label={`Snooze: ${t.title}`}
                      placeholder={t.state === 'snoozed' ? 'Snoozed' : 'Snooze…'}
                      leftSection={<IconClockPause size={14} />}
                      value={null}
                      onChange={(v) => v !== null && snooze.mutate({ id: t.id, hours: Number(v) })}
                      data={[
                        ...SNOOZES.map((x) => ({ value: String(x.hours), label: x.label })),
                        ...(t.state === 'snoozed' ? [{ value: '0', label: 'Wake it now' }] : []),
                      ]}
                      comboboxProps={{ withinPortal: true, position: 'bottom-end', width: 160 }}
                      data-testid="task-snooze"
                    />
                  </>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A customer link's words: the email, or (a buyer a store gave no email, as Etsy) "Customer 426". */
function customerLabel(email: string, id: number): string {
  return email || `Customer ${id}`;
}
