import {
  Alert,
  Anchor,
  Badge,
  Divider,
  Drawer,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconExternalLink, IconTruckDelivery } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { normalizeError, openExternal, shop, shopKeys, type Address, type OrderDetail, type Shipment } from '../api';
import { Money } from '../components/Money';
import { CancelledBadge, StatusBadge } from '../components/StatusBadge';
import { formatDate, formatDateTime, formatMoney, formatNumber, humanize } from '../lib/format';
import { countOf } from '../lib/plural';
import { HoldBanner } from './tasks/HoldBanner';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={6} data-testid={testId}>
      <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.03em' }}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

function AddressBlock({ a }: { a: Address | undefined }) {
  const lines = a
    ? [a.name, a.company, a.address1, a.address2, [a.zip, a.city].filter(Boolean).join(' '), a.province, a.country, a.phone].filter(
        (l) => l && l.trim(),
      )
    : [];
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed">
        None given
      </Text>
    );
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
      {lines.join('\n')}
    </Text>
  );
}

function ShipmentItem({ s }: { s: Shipment }) {
  return (
    <Paper withBorder radius="sm" p="xs" data-testid="shipment">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap">
          <IconTruckDelivery size={18} stroke={1.5} />
          <div>
            <Text size="sm" fw={500}>
              {s.carrier || 'Carrier unknown'}
            </Text>
            {s.trackingNumber ? (
              s.trackingUrl ? (
                <Anchor
                  size="xs"
                  href={s.trackingUrl}
                  onClick={(e) => {
                    e.preventDefault();
                    openExternal(s.trackingUrl);
                  }}
                  data-testid="tracking-link"
                >
                  {s.trackingNumber} <IconExternalLink size={11} style={{ verticalAlign: 'middle' }} />
                </Anchor>
              ) : (
                <Text size="xs" ff="monospace">
                  {s.trackingNumber}
                </Text>
              )
            ) : (
              <Text size="xs" c="dimmed">
                No tracking number
              </Text>
            )}
          </div>
        </Group>
        <Stack gap={2} align="flex-end">
          <StatusBadge kind="shipment" status={s.status} testId="shipment-status" />
          <Text size="xs" c="dimmed">
            {s.deliveredAt ? `Delivered ${formatDate(s.deliveredAt)}` : `Shipped ${formatDate(s.shippedAt)}`}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}

function TotalsRow({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <Group justify="space-between" gap="xs">
      <Text size="sm" c={strong ? undefined : 'dimmed'} fw={strong ? 600 : undefined}>
        {label}
      </Text>
      <Text size="sm" fw={strong ? 600 : undefined} className="tabular">
        {value}
      </Text>
    </Group>
  );
}

export function OrderDetailView({ detail }: { detail: OrderDetail }) {
  const o = detail.order;
  const c = detail.customer;
  const cur = o.currency;
  const shipments = detail.shipments ?? [];
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <StatusBadge kind="financial" status={o.financialStatus} testId="order-financial-status" />
        {o.cancelledAt ? <CancelledBadge /> : <StatusBadge kind="fulfillment" status={o.fulfillmentStatus} testId="order-fulfillment-status" />}
        {o.riskLevel && o.riskLevel.toLowerCase() !== 'low' && (
          <Badge size="sm" variant="outline" color="orange" styles={{ root: { textTransform: 'none' } }}>
            Risk: {o.riskLevel}
          </Badge>
        )}
        {o.tags?.map((t) => (
          <Badge key={t} size="sm" variant="default" styles={{ root: { textTransform: 'none' } }}>
            {t}
          </Badge>
        ))}
      </Group>
      <Text size="sm" c="dimmed">
        Placed {formatDateTime(o.createdAt)}
        {o.paidAt ? ` · paid ${formatDateTime(o.paidAt)}` : ''}
        {o.fulfilledAt ? ` · fulfilled ${formatDateTime(o.fulfilledAt)}` : ''}
        {o.cancelledAt ? ` · cancelled ${formatDateTime(o.cancelledAt)}` : ''}
        {o.source ? ` · from ${humanize(o.source)}` : ''}
      </Text>

      <Section title="Items" testId="order-lines">
        <Table fz="sm" verticalSpacing={6} horizontalSpacing="xs" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Item</Table.Th>
              <Table.Th ta="right" w={60}>
                Qty
              </Table.Th>
              <Table.Th ta="right" w={100}>
                Price
              </Table.Th>
              <Table.Th ta="right" w={110}>
                Total
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(o.lines ?? []).map((l) => (
              <Table.Tr key={l.position} data-testid="order-line">
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {l.name}
                  </Text>
                  <Text size="xs" c="dimmed" ff="monospace">
                    {l.sku || 'no SKU'}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {formatNumber(l.quantity)}
                </Table.Td>
                <Table.Td ta="right">
                  <Money amount={l.price} currency={cur} />
                </Table.Td>
                <Table.Td ta="right">
                  <Money amount={l.price * l.quantity - l.discount} currency={cur} />
                  {l.discount > 0 && (
                    <Text size="xs" c="dimmed">
                      −{formatMoney(l.discount, cur)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Stack gap={2} ml="auto" w={260} data-testid="order-totals">
          <TotalsRow label="Subtotal" value={formatMoney(o.subtotal, cur)} />
          {o.discount > 0 && (
            <TotalsRow label={o.discountCode ? `Discount (${o.discountCode})` : 'Discount'} value={`−${formatMoney(o.discount, cur)}`} />
          )}
          <TotalsRow label={o.shippingMethod ? `Shipping (${o.shippingMethod})` : 'Shipping'} value={formatMoney(o.shipping, cur)} />
          <TotalsRow label="Taxes" value={formatMoney(o.taxes, cur)} />
          <Divider my={2} />
          <TotalsRow label="Total" value={formatMoney(o.total, cur)} strong />
          {o.refunded > 0 && <TotalsRow label="Refunded" value={`−${formatMoney(o.refunded, cur)}`} />}
          {o.paymentMethod && (
            <Text size="xs" c="dimmed" ta="right">
              Paid with {o.paymentMethod}
            </Text>
          )}
        </Stack>
      </Section>

      <Section title="Customer" testId="order-customer">
        {c ? (
          <Paper withBorder radius="sm" p="xs">
            <Group justify="space-between" wrap="nowrap">
              <div>
                <Text size="sm" fw={500}>
                  {[c.firstName, c.lastName].filter(Boolean).join(' ') || c.email}
                </Text>
                <Text size="xs" c="dimmed">
                  {c.email}
                  {c.phone ? ` · ${c.phone}` : ''}
                </Text>
              </div>
              <Stack gap={2} align="flex-end">
                <Text size="xs" className="tabular">
                  {countOf(c.ordersCount, 'order')} · {formatMoney(c.totalSpent.amount, c.totalSpent.currency)}
                </Text>
                <Badge size="xs" variant="light" color={c.acceptsMarketing ? 'teal' : 'gray'} styles={{ root: { textTransform: 'none' } }}>
                  {c.acceptsMarketing ? 'Accepts marketing' : 'No marketing consent'}
                </Badge>
              </Stack>
            </Group>
          </Paper>
        ) : (
          <Text size="sm">
            {o.email || 'Guest checkout'}{' '}
            <Text span size="xs" c="dimmed">
              (no customer record)
            </Text>
          </Text>
        )}
      </Section>

      <SimpleGrid cols={2} spacing="md">
        <Section title="Shipping address">
          <AddressBlock a={o.shippingAddress} />
        </Section>
        <Section title="Billing address">
          <AddressBlock a={o.billing} />
        </Section>
      </SimpleGrid>

      <Section title="Shipments" testId="order-shipments">
        {shipments.length === 0 ? (
          <Text size="sm" c="dimmed">
            Not shipped yet.
          </Text>
        ) : (
          shipments.map((s) => <ShipmentItem key={s.id} s={s} />)
        )}
      </Section>

      {o.note && (
        <Section title="Note">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {o.note}
          </Text>
        </Section>
      )}
    </Stack>
  );
}

/** /orders/:id as a drawer over the orders table, which keeps its page. */
export function OrderDetailDrawer() {
  const { id } = useParams();
  const navigate = useNavigate();
  const orderId = Number(id);
  const valid = Number.isInteger(orderId) && orderId > 0;
  const q = useQuery({ queryKey: shopKeys.order(orderId), queryFn: () => shop.getOrder(orderId), enabled: valid });
  const title = q.data ? (
    <Group gap="xs">
      <Title order={4} data-testid="order-detail-name">
        Order {q.data.order.name}
      </Title>
      <Money amount={q.data.order.total} currency={q.data.order.currency} c="dimmed" size="sm" />
    </Group>
  ) : (
    <Title order={4}>Order</Title>
  );
  return (
    <Drawer
      opened
      onClose={() => navigate('/orders')}
      position="right"
      size={600}
      title={title}
      overlayProps={{ backgroundOpacity: 0.15 }}
      data-testid="order-detail-drawer"
    >
      <div data-testid="order-detail" data-order-id={orderId}>
        {!valid && <Alert color="red">This is not an order number.</Alert>}
        {q.isPending && valid && (
          <Stack gap="sm">
            <Skeleton h={20} w="40%" />
            <Skeleton h={14} w="70%" />
            <Skeleton h={120} />
            <Skeleton h={60} />
            <Skeleton h={80} />
          </Stack>
        )}
        {q.isError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Could not load this order">
            {normalizeError(q.error).message}
          </Alert>
        )}
        {valid && <HoldBanner orderId={orderId} />}
        {q.data && <OrderDetailView detail={q.data} />}
      </div>
    </Drawer>
  );
}
