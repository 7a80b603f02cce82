// Purchase orders: drafts are edited line by line and sent (xlsx + PDF to the
// supplier through the outbox); sent orders are confirmed, received (stock
// goes up, the real lead time is learnt) or cancelled.
import { Badge, Button, Card, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notifyError, notifySuccess } from '../../api';
import { formatDate, formatMoney } from '../../lib/format';
import { inventory, inventoryKeys, type PurchaseOrder } from '../../api/inventory';

const statusColor: Record<PurchaseOrder['status'], string> = {
  draft: 'gray',
  sent: 'blue',
  confirmed: 'indigo',
  partly_received: 'yellow',
  received: 'teal',
  cancelled: 'red',
};

export function PurchaseOrders() {
  const orders = useQuery({ queryKey: inventoryKeys.orders(''), queryFn: () => inventory.orders('') });
  if (orders.isPending) return <Text c="dimmed">Loading…</Text>;
  if (orders.isError) return <Text c="red">{orders.error.message}</Text>;
  if (orders.data.length === 0) return <Text c="dimmed">No purchase orders yet. “Reorder now” drafts them.</Text>;
  return (
    <Stack gap="md" data-testid="purchase-orders">
      {orders.data.map((po) => (
        <OrderCard key={po.id} po={po} />
      ))}
    </Stack>
  );
}

function OrderCard({ po }: { po: PurchaseOrder }) {
  const qc = useQueryClient();
  const done = (msg?: string) => () => {
    qc.invalidateQueries({ queryKey: ['inventory'] });
    if (msg) notifySuccess(msg);
  };
  const opts = { onError: (e: unknown) => notifyError(e) };
  const setLine = useMutation({
    mutationFn: (a: { sku: string; qty: number }) => inventory.setLine(po.id, a.sku, a.qty, null),
    onSuccess: done(),
    ...opts,
  });
  const send = useMutation({ mutationFn: () => inventory.send(po.id), onSuccess: done(`${po.number} is in the outbox.`), ...opts });
  const receive = useMutation({ mutationFn: () => inventory.receive(po.id, '', []), onSuccess: done(`${po.number} received.`), ...opts });
  const status = useMutation({ mutationFn: (s: string) => inventory.setStatus(po.id, s), onSuccess: done(), ...opts });
  const exportAs = useMutation({
    mutationFn: (f: 'xlsx' | 'pdf' | 'csv') => inventory.exportPO(po.id, f),
    onSuccess: (path) => path && notifySuccess(`Saved ${path}`),
    ...opts,
  });
  const draft = po.status === 'draft';
  const receivable = po.status === 'sent' || po.status === 'confirmed' || po.status === 'partly_received';
  return (
    <Card withBorder data-testid={`po-${po.number}`}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Text fw={600}>{po.number}</Text>
          <Text>{po.supplierName}</Text>
          <Text c="dimmed" size="sm">{po.supplierEmail || 'no email address'}</Text>
          <Badge color={statusColor[po.status]} data-testid={`po-status-${po.number}`}>
            {po.status.replace('_', ' ')}
          </Badge>
        </Group>
        <Group gap="xs">
          {draft && (
            <Button size="xs" data-testid={`po-send-${po.number}`} loading={send.isPending} onClick={() => send.mutate()}>
              Send to supplier
            </Button>
          )}
          {po.status === 'sent' && (
            <Button size="xs" variant="light" onClick={() => status.mutate('confirmed')}>
              Confirmed
            </Button>
          )}
          {receivable && (
            <Button size="xs" variant="light" color="teal" loading={receive.isPending} onClick={() => receive.mutate()}>
              Receive all
            </Button>
          )}
          {(draft || receivable) && (
            <Button size="xs" variant="subtle" color="red" onClick={() => status.mutate('cancelled')}>
              Cancel
            </Button>
          )}
          <Button size="xs" variant="default" onClick={() => exportAs.mutate('xlsx')}>
            xlsx
          </Button>
          <Button size="xs" variant="default" onClick={() => exportAs.mutate('pdf')}>
            PDF
          </Button>
        </Group>
      </Group>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>SKU</Table.Th>
            <Table.Th>Supplier SKU</Table.Th>
            <Table.Th>Item</Table.Th>
            <Table.Th ta="right">Quantity</Table.Th>
            <Table.Th ta="right">Received</Table.Th>
            <Table.Th ta="right">Unit cost</Table.Th>
            <Table.Th ta="right">Line total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {po.lines.map((l) => (
            <Table.Tr key={l.sku}>
              <Table.Td>{l.sku}</Table.Td>
              <Table.Td>{l.supplierSku}</Table.Td>
              <Table.Td>{l.title}</Table.Td>
              <Table.Td ta="right">
                {draft ? (
                  <NumberInput
                    data-testid={`po-qty-${po.number}-${l.sku}`}
                    aria-label={`Quantity of ${l.sku}`}
                    size="xs"
                    w={100}
                    ml="auto"
                    min={0}
                    allowDecimal={false}
                    defaultValue={l.quantity}
                    onBlur={(e) => {
                      const q = Number(e.currentTarget.value.replaceAll(',', ''));
                      if (Number.isFinite(q) && q !== l.quantity) setLine.mutate({ sku: l.sku, qty: q });
                    }}
                  />
                ) : (
                  l.quantity
                )}
              </Table.Td>
              <Table.Td ta="right">{l.receivedQty}</Table.Td>
              <Table.Td ta="right">{formatMoney(l.unitCost, po.currency)}</Table.Td>
              <Table.Td ta="right">{formatMoney(l.unitCost * l.quantity, po.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between" mt="xs">
        <Text size="sm" c="dimmed">
          Created {formatDate(po.createdAt)}
          {po.sentAt && ` · sent ${formatDate(po.sentAt)}`}
          {po.expectedAt && ` · expected ${formatDate(po.expectedAt)}`}
          {po.receivedAt && ` · received ${formatDate(po.receivedAt)}`}
        </Text>
        <Text fw={600} data-testid={`po-total-${po.number}`}>
          {formatMoney(po.total, po.currency)}
        </Text>
      </Group>
    </Card>
  );
}
