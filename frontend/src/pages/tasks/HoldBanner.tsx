// The order page's hold: a held order says so, why, and offers Release;
// a released one says when. Nothing shows for an order no flow held.
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconHandStop, IconLockOpen } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notifyError, notifySuccess } from '../../api';
import { taskKeys, tasksApi } from '../../api/tasks';
import { formatDateTime } from '../../lib/format';

export function HoldBanner({ orderId }: { orderId: number }) {
  const qc = useQueryClient();
  const hold = useQuery({ queryKey: taskKeys.holdOf(orderId), queryFn: () => tasksApi.holdOf(orderId) });
  const release = useMutation({
    mutationFn: () => tasksApi.release(orderId),
    onSuccess: (h) => {
      notifySuccess(`Order ${h.orderName} released: its confirmation goes out on the next automation run.`);
      qc.invalidateQueries({ queryKey: taskKeys.all });
    },
    onError: (e) => notifyError(e, 'Could not release the order'),
  });
  const h = hold.data;
  if (!h) return null;
  if (h.releasedAt) {
    return (
      <Text size="sm" c="dimmed" mb="sm" data-testid="order-hold-released">
        Held for review on {formatDateTime(h.heldAt)}, released {formatDateTime(h.releasedAt)}.
      </Text>
    );
  }
  return (
    <Alert color="orange" variant="light" icon={<IconHandStop size={18} />} title="Held for review" mb="md" data-testid="order-held">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm">
          {h.reason ? `${h.reason}. ` : ''}Its confirmation, coupons and rewards wait until you release it (held{' '}
          {formatDateTime(h.heldAt)}).
        </Text>
        <Button size="xs" leftSection={<IconLockOpen size={14} />} loading={release.isPending} onClick={() => release.mutate()} data-testid="order-release">
          Release
        </Button>
      </Group>
    </Alert>
  );
}
