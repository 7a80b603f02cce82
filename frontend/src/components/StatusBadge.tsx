import { Badge, type MantineColor } from '@mantine/core';
import { humanize } from '../lib/format';

const FINANCIAL: Record<string, MantineColor> = {
  paid: 'teal',
  pending: 'yellow',
  authorized: 'blue',
  partially_paid: 'yellow',
  partially_refunded: 'orange',
  refunded: 'gray',
  voided: 'gray',
  expired: 'gray',
};
const FULFILLMENT: Record<string, MantineColor> = {
  fulfilled: 'teal',
  partial: 'orange',
  unfulfilled: 'gray',
  '': 'gray',
};
const SHIPMENT: Record<string, MantineColor> = {
  label_created: 'gray',
  in_transit: 'blue',
  out_for_delivery: 'cyan',
  available_for_pickup: 'indigo',
  delivered: 'teal',
  failed_attempt: 'orange',
  exception: 'red',
  returned: 'grape',
  expired: 'gray',
};
const CART: Record<string, MantineColor> = { open: 'orange', recovered: 'teal' };
// domain.MessageStatus: an outbox message's life (queued -> sending -> sent, or
// deferred / failed / in_doubt; drafts wait for the seller's approval; a sent
// one a delivery report returned is bounced).
const OUTBOX: Record<string, MantineColor> = {
  draft: 'grape',
  queued: 'blue',
  sending: 'cyan',
  sent: 'green',
  deferred: 'yellow',
  failed: 'red',
  in_doubt: 'orange',
  cancelled: 'gray',
  bounced: 'pink',
};

const PALETTES = { financial: FINANCIAL, fulfillment: FULFILLMENT, shipment: SHIPMENT, cart: CART, outbox: OUTBOX } as const;

export type StatusKind = keyof typeof PALETTES;

export function StatusBadge({ kind, status, testId }: { kind: StatusKind; status: string; testId?: string }) {
  const color = PALETTES[kind][status] ?? 'gray';
  const label = kind === 'fulfillment' && !status ? 'Unfulfilled' : humanize(status);
  return (
    <Badge size="sm" radius="sm" variant="light" color={color} data-testid={testId} styles={{ root: { textTransform: 'none' } }}>
      {label}
    </Badge>
  );
}

export function CancelledBadge() {
  return (
    <Badge size="sm" radius="sm" variant="filled" color="red" styles={{ root: { textTransform: 'none' } }}>
      Cancelled
    </Badge>
  );
}
