// Purchase orders: drafts are edited line by line and sent (xlsx + PDF to the
// supplier through the outbox); sent orders are confirmed, received (stock
// goes up, the real lead time is learnt) or cancelled. Goods arrive line by
// line and in parts: the seller enters per line what came, the order stays
// partly received until everything is in or the seller closes it short, and
// its history lists every booking-in.
import { Badge, Button, Card, Group, NumberInput, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../api';
import { formatMoney } from '../../lib/format';
import { countOf } from '../../lib/plural';
import { HeadRow, numeric } from '../../components/HeadRow';
import { inventory, inventoryKeys, type POLine, type POStatus, type PurchaseOrder } from '../../api/inventory';
import { POHistory, stillOpen } from './POHistory';

const statusColor: Record<POStatus, string> = {
  draft: 'gray',
  sent: 'blue',
  confirmed: 'indigo',
  partly_received: 'yellow',
  received: 'teal',
  closed_short: 'orange',
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

/** What the seller typed as arrived for a line: '' is nothing yet. */
type Arrived = Record<string, number | ''>;

/**
 * The per-line quantities to book in, and what is wrong with them: a negative
 * number is refused; more than is still open is allowed (the supplier sent
 * extra) but warned about.
 */
export function checkArrivals(lines: POLine[], arrived: Arrived) {
  const receipts = lines
    .map((l) => ({ sku: l.sku, quantity: Number(arrived[l.sku] || 0) }))
    .filter((r) => r.quantity !== 0);
  const negative = new Set(receipts.filter((r) => r.quantity < 0).map((r) => r.sku));
  const over = new Set(
    lines.filter((l) => Number(arrived[l.sku] || 0) > stillOpen(l)).map((l) => l.sku),
  );
  return { receipts, negative, over, ok: receipts.length > 0 && negative.size === 0 };
}

function OrderCard({ po }: { po: PurchaseOrder }) {
  const qc = useQueryClient();
  const [arrived, setArrived] = useState<Arrived>({});
  const [closing, setClosing] = useState(false);
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
  const check = checkArrivals(po.lines, arrived);
  const units = check.receipts.reduce((n, r) => n + r.quantity, 0);
  const bookIn = useMutation({
    mutationFn: () => inventory.receive(po.id, '', check.receipts),
    onSuccess: (got) => {
      setArrived({});
      done(`${countOf(units, 'unit')} booked in on ${po.number}${got.status === 'received' ? ': everything has arrived' : ''}.`)();
    },
    ...opts,
  });
  const receiveAll = useMutation({ mutationFn: () => inventory.receive(po.id, '', []), onSuccess: done(`${po.number} received.`), ...opts });
  const status = useMutation({
    mutationFn: (s: 'confirmed' | 'cancelled' | 'closed_short') => inventory.setStatus(po.id, s),
    onSuccess: (got) => {
      setClosing(false);
      done(got.status === 'closed_short' ? `${po.number} is closed short.` : undefined)();
    },
    ...opts,
  });
  const exportAs = useMutation({
    mutationFn: (f: 'xlsx' | 'pdf' | 'csv') => inventory.exportPO(po.id, f),
    onSuccess: (path) => path && notifySuccess(`Saved ${path}`),
    ...opts,
  });
  const draft = po.status === 'draft';
  const receivable = po.status === 'sent' || po.status === 'confirmed' || po.status === 'partly_received';
  const short = po.lines.filter((l) => stillOpen(l) > 0);
  const shortWords = short.map((l) => `${stillOpen(l)} × ${l.sku}`).join(', ');
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
            <Button
              size="xs"
              variant="light"
              color="teal"
              data-testid={`po-receive-all-${po.number}`}
              loading={receiveAll.isPending}
              onClick={() => receiveAll.mutate()}
            >
              Receive all
            </Button>
          )}
          {po.status === 'partly_received' && !closing && (
            <Button size="xs" variant="subtle" color="orange" data-testid={`po-close-short-${po.number}`} onClick={() => setClosing(true)}>
              Close short
            </Button>
          )}
          {(draft || po.status === 'sent' || po.status === 'confirmed') && (
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
      {closing && (
        <Group justify="space-between" mb="xs" p="xs" bg="var(--mantine-color-default-hover)" data-testid={`po-close-confirm-${po.number}`}>
          <Text size="sm">
            {shortWords} will not come: close {po.number} short? What is still open stops counting as incoming stock.
          </Text>
          <Group gap="xs">
            <Button size="xs" color="orange" loading={status.isPending} data-testid={`po-close-short-yes-${po.number}`} onClick={() => status.mutate('closed_short')}>
              Close short
            </Button>
            <Button size="xs" variant="default" onClick={() => setClosing(false)}>
              Keep it open
            </Button>
          </Group>
        </Group>
      )}
      <Table>
        <HeadRow
          columns={[
            'SKU',
            'Supplier SKU',
            'Item',
            ...numeric('Ordered', 'Received', ...(receivable ? ['Arrived now'] : []), 'Unit cost', 'Line total'),
          ]}
        />
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
              <Table.Td ta="right" data-testid={`po-received-${po.number}-${l.sku}`}>
                {l.receivedQty}
                {po.status === 'closed_short' && stillOpen(l) > 0 && (
                  <Text span size="xs" c="orange">
                    {' '}
                    ({stillOpen(l)} short)
                  </Text>
                )}
              </Table.Td>
              {receivable && (
                <Table.Td ta="right">
                  <NumberInput
                    data-testid={`po-arrived-${po.number}-${l.sku}`}
                    aria-label={`Arrived now of ${l.sku}`}
                    placeholder={stillOpen(l) > 0 ? `of ${stillOpen(l)}` : '0'}
                    size="xs"
                    w={120}
                    ml="auto"
                    allowDecimal={false}
                    value={arrived[l.sku] ?? ''}
                    onChange={(v) => setArrived((a) => ({ ...a, [l.sku]: v === '' ? '' : Number(v) }))}
                    error={check.negative.has(l.sku) ? 'Cannot be negative' : undefined}
                    description={
                      check.over.has(l.sku) && !check.negative.has(l.sku) ? (
                        <Text span size="xs" c="orange" data-testid={`po-arrived-warn-${po.number}-${l.sku}`}>
                          More than the {stillOpen(l)} still open
                        </Text>
                      ) : undefined
                    }
                    inputWrapperOrder={['label', 'input', 'description', 'error']}
                  />
                </Table.Td>
              )}
              <Table.Td ta="right">{formatMoney(l.unitCost, po.currency)}</Table.Td>
              <Table.Td ta="right">{formatMoney(l.unitCost * l.quantity, po.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {receivable && (
        <Group justify="flex-end" mt="xs" gap="xs">
          <Text size="sm" c="dimmed">
            Enter what arrived per line; lines left empty stay open.
          </Text>
          <Button
            size="xs"
            color="teal"
            data-testid={`po-book-in-${po.number}`}
            disabled={!check.ok}
            loading={bookIn.isPending}
            onClick={() => bookIn.mutate()}
          >
            {check.ok ? `Book in ${countOf(units, 'unit')}` : 'Book in'}
          </Button>
        </Group>
      )}
      <Group justify="space-between" mt="xs" align="flex-start">
        <POHistory po={po} />
        <Text fw={600} data-testid={`po-total-${po.number}`}>
          {formatMoney(po.total, po.currency)}
        </Text>
      </Group>
    </Card>
  );
}
