// The dashboard's Tasks card: open and snoozed tasks and orders held for
// review, each linking to the Tasks screen.
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { taskKeys, tasksApi } from '../../api/tasks';
import { formatNumber } from '../../lib/format';

export function TasksCard() {
  const counts = useQuery({ queryKey: taskKeys.counts, queryFn: tasksApi.counts });
  const c = counts.data;
  const rows = [
    { key: 'open', label: 'Tasks to do', n: c?.open ?? 0, to: '/tasks' },
    { key: 'held', label: 'Orders held for review', n: c?.held ?? 0, to: '/tasks' },
    { key: 'snoozed', label: 'Snoozed tasks', n: c?.snoozed ?? 0, to: '/tasks?state=snoozed' },
  ];
  return (
    <Paper withBorder radius="md" p="md" data-testid="dash-tasks">
      <Text fw={600} size="sm" mb="sm">
        Tasks
      </Text>
      <Stack gap={4}>
        {rows.map((r) => (
          <Group key={r.key} justify="space-between" data-testid={`dash-tasks-${r.key}`}>
            <Anchor component={Link} to={r.to} size="sm">
              {r.label}
            </Anchor>
            <Text size="sm" fw={600} className="tabular" data-testid={`dash-tasks-${r.key}-value`}>
              {formatNumber(r.n)}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
