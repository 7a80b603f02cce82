// The Tasks navigation entry's count: open tasks plus orders held for
// review, refreshed with the Tasks screen's queries.
import { Badge, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { taskKeys, tasksApi } from '../../api/tasks';

export function TasksNavCount() {
  const counts = useQuery({ queryKey: taskKeys.counts, queryFn: tasksApi.counts, refetchInterval: 60_000 });
  const n = (counts.data?.open ?? 0) + (counts.data?.held ?? 0);
  if (n === 0) return null;
  return (
    <Badge size="sm" variant="filled" color="red" circle={n < 10} data-testid="nav-tasks-count">
      {n}
      <VisuallyHidden> to do</VisuallyHidden>
    </Badge>
  );
}
