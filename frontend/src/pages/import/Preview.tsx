// The first records of a file as Shopclerk will store them (not the raw
// cells): what an order, product, stock level, customer or cart becomes.
import { ScrollArea, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ImportRecord } from '../../api/imports';
import { SkuText } from '../../components/SkuText';
import { formatDateTime, formatMoney, formatNumber } from '../../lib/format';

interface Col {
  title: string;
  cell: (r: ImportRecord) => ReactNode;
}

const dash = (v: ReactNode) => (v === '' || v === null || v === undefined ? <Text span c="dimmed">—</Text> : v);
const date = (t: unknown) => (typeof t === 'string' && !t.startsWith('0001-') ? formatDateTime(t) : '');
const names = (first?: string, last?: string) => [first, last].filter(Boolean).join(' ');

const ORDER: Col[] = [
  { title: 'Order', cell: (r) => r.order?.name || r.order?.externalId },
  { title: 'Date', cell: (r) => date(r.order?.createdAt) },
  { title: 'Email', cell: (r) => r.order?.email },
  { title: 'Payment', cell: (r) => r.order?.financialStatus },
  { title: 'Fulfilment', cell: (r) => r.order?.fulfillmentStatus },
  { title: 'Items', cell: (r) => (r.order?.lines ?? []).map((l) => `${l.quantity}× ${l.sku || l.name}`).join(', ') },
  { title: 'Total', cell: (r) => (r.order ? formatMoney(r.order.total, r.order.currency) : '') },
];

const CART: Col[] = [
  { title: 'Checkout', cell: (r) => r.cart?.externalId },
  { title: 'Date', cell: (r) => date(r.cart?.createdAt) },
  { title: 'Email', cell: (r) => r.cart?.email },
  { title: 'Items', cell: (r) => (r.cart?.lines ?? []).map((l) => `${l.quantity}× ${l.sku || l.name}`).join(', ') },
  { title: 'Total', cell: (r) => (r.cart ? formatMoney(r.cart.total, r.cart.currency) : '') },
];

const PRODUCT: Col[] = [
  { title: 'SKU', cell: (r) => r.product && <SkuText sku={r.product.sku} generated={r.product.skuGenerated} /> },
  { title: 'Title', cell: (r) => [r.product?.title, r.product?.variantTitle].filter(Boolean).join(' — ') },
  { title: 'Vendor', cell: (r) => r.product?.vendor },
  { title: 'Status', cell: (r) => r.product?.status },
  { title: 'Price', cell: (r) => (r.product?.price?.currency ? formatMoney(r.product.price.amount, r.product.price.currency) : '') },
];

const STOCK: Col[] = [
  { title: 'SKU', cell: (r) => r.stock && <SkuText sku={r.stock.sku} generated={r.product?.skuGenerated} /> },
  { title: 'Location', cell: (r) => r.stock?.location },
  { title: 'Available', cell: (r) => (r.stock ? (r.stock.stocked === false ? 'not stocked' : formatNumber(r.stock.available)) : '') },
  { title: 'On hand', cell: (r) => (r.stock ? formatNumber(r.stock.onHand) : '') },
  { title: 'Committed', cell: (r) => (r.stock ? formatNumber(r.stock.committed) : '') },
  { title: 'Incoming', cell: (r) => (r.stock ? formatNumber(r.stock.incoming) : '') },
];

const CUSTOMER: Col[] = [
  { title: 'Email', cell: (r) => r.customer?.email },
  { title: 'Name', cell: (r) => names(r.customer?.firstName, r.customer?.lastName) },
  { title: 'Country', cell: (r) => r.customer?.country },
  { title: 'Marketing', cell: (r) => (r.customer ? (r.customer.acceptsMarketing ? 'yes' : 'no') : '') },
  { title: 'Tags', cell: (r) => (r.customer?.tags ?? []).join(', ') },
];

const TRACKING: Col[] = [
  { title: 'Order', cell: (r) => r.tracking?.orderRef },
  { title: 'Carrier', cell: (r) => (r.tracking ? r.tracking.carrier || 'Unknown carrier' : '') },
  { title: 'Tracking number', cell: (r) => r.tracking?.number },
  { title: 'Link', cell: (r) => r.tracking?.url },
];

function columnsFor(kind: string, rows: ImportRecord[]): Col[] {
  switch (kind) {
    case 'orders':
      return ORDER;
    case 'carts':
      return CART;
    case 'products':
      return PRODUCT;
    case 'inventory':
      return STOCK;
    case 'customers':
      return CUSTOMER;
    case 'shipments':
      return TRACKING;
  }
  const r = rows[0];
  if (r?.order) return ORDER;
  if (r?.cart) return CART;
  if (r?.product) return PRODUCT;
  if (r?.stock) return STOCK;
  return CUSTOMER;
}

export function Preview({ kind, rows, testId }: { kind: string; rows: ImportRecord[]; testId?: string }) {
  // Orders come with the customer derived from their email; the preview
  // shows the records of the file's own kind.
  const own = rows.filter((r) => (kind === 'orders' ? !!r.order : kind === 'customers' ? !!r.customer : true));
  if (!own.length) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        No rows to preview.
      </Text>
    );
  }
  const cols = columnsFor(kind, own);
  return (
    // A wide file (79 columns) scrolls sideways: the region takes focus so
    // arrow keys scroll it without a mouse.
    <ScrollArea.Autosize
      mah={260}
      type="auto"
      data-testid={testId}
      viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': `Preview of the first ${kind} rows` }}
    >
      <Table striped withTableBorder fz="xs" verticalSpacing={4} stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>Row</Table.Th>
            {cols.map((c) => (
              <Table.Th key={c.title}>{c.title}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {own.slice(0, 10).map((r, i) => (
            <Table.Tr key={`${r.row}-${i}`} data-testid="import-preview-row">
              <Table.Td c="dimmed">{r.row}</Table.Td>
              {cols.map((c) => (
                <Table.Td key={c.title} style={{ maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  {dash(c.cell(r))}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
