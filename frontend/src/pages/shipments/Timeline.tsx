import { Anchor, Drawer, Group, Skeleton, Stack, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { openExternal, shipping, shippingKeys, type ShipmentRow } from '../../api';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime } from '../../lib/format';

/** A shipment's events, newest first, in a drawer. */
export function TimelineDrawer({ shipment, onClose }: { shipment: ShipmentRow | null; onClose: () => void }) {
  const q = useQuery({
    queryKey: shippingKeys.timeline(shipment?.id ?? 0),
    queryFn: () => shipping.timeline(shipment!.id),
    enabled: shipment !== null,
  });
  return (
    <Drawer
      opened={shipment !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={shipment ? `${shipment.orderName}: ${shipment.trackingNumber}` : ''}
      closeButtonProps={{ 'aria-label': 'Close the timeline' }}
      data-testid="shipment-timeline-drawer"
    >
      {shipment && (
        <Stack gap="md">
          <Group gap="xs">
            <Text size="sm">{shipment.carrier || 'Unknown carrier'}</Text>
            <StatusBadge kind="shipment" status={shipment.status} />
            {shipment.trackingUrl && (
              <Anchor component="button" type="button" size="sm" onClick={() => openExternal(shipment.trackingUrl)}>
                Open the carrier's tracking page
              </Anchor>
            )}
          </Group>
          {q.isLoading ? (
            <Skeleton h={120} />
          ) : (
            <Timeline active={0} bulletSize={14} lineWidth={2} data-testid="shipment-events">
              {(q.data ?? []).map((e, i) => (
                <Timeline.Item key={i} title={<StatusBadge kind="shipment" status={e.status || 'in_transit'} />}>
                  <Text size="sm">{e.text}</Text>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(e.at)}
                    {e.location ? ` · ${e.location}` : ''}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
