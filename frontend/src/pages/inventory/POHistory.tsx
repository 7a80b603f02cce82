// A purchase order's history, oldest first: drafted, sent, every booking-in
// (what, how many, where), received in full or closed short with what never
// came, cancelled.
import { List, Text } from '@mantine/core';
import { formatDate, formatDateTime } from '../../lib/format';
import type { POLine, POReceipt, PurchaseOrder } from '../../api/inventory';

/** What of a line has not arrived yet. */
export function stillOpen(l: POLine): number {
  return Math.max(l.quantity - l.receivedQty, 0);
}

interface Event {
  at: string;
  text: string;
}

/** Receipts booked in one go (same time and place) read as one event. */
function bookings(receipts: POReceipt[]): Event[] {
  const groups: { at: string; location: string; parts: string[] }[] = [];
  for (const r of receipts) {
    const last = groups[groups.length - 1];
    const part = `${r.quantity} × ${r.sku}`;
    if (last && last.at === r.at && last.location === r.location) last.parts.push(part);
    else groups.push({ at: r.at, location: r.location, parts: [part] });
  }
  return groups.map((g) => ({ at: g.at, text: `Received ${g.parts.join(', ')}${g.location ? ` into ${g.location}` : ''}` }));
}

export function historyOf(po: PurchaseOrder): Event[] {
  const events: Event[] = [{ at: po.createdAt, text: 'Drafted' }];
  if (po.sentAt) {
    events.push({
      at: po.sentAt,
      text: `Sent to ${po.supplierName}${po.expectedAt ? `, expected ${formatDate(po.expectedAt)}` : ''}`,
    });
  }
  events.push(...bookings(po.receipts ?? []));
  if (po.status === 'received' && po.receivedAt) events.push({ at: po.receivedAt, text: 'Everything has arrived' });
  if (po.status === 'closed_short' && po.closedAt) {
    const short = po.lines.filter((l) => stillOpen(l) > 0).map((l) => `${stillOpen(l)} × ${l.sku}`);
    events.push({ at: po.closedAt, text: `Closed short${short.length ? `: ${short.join(', ')} never came` : ''}` });
  }
  return events;
}

export function POHistory({ po }: { po: PurchaseOrder }) {
  const events = historyOf(po);
  return (
    <List size="sm" spacing={2} listStyleType="none" data-testid={`po-history-${po.number}`} aria-label={`History of ${po.number}`}>
      {events.map((e, i) => (
        <List.Item key={i}>
          <Text span size="sm" c="dimmed">
            {formatDateTime(e.at)}
          </Text>{' '}
          <Text span size="sm">
            {e.text}
          </Text>
        </List.Item>
      ))}
      {po.status === 'cancelled' && (
        <List.Item>
          <Text span size="sm">
            Cancelled
          </Text>
        </List.Item>
      )}
    </List>
  );
}
