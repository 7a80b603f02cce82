import { Group, Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { Outlet, useNavigate, useParams } from 'react-router';
import { shop, shopKeys, type OrderRow } from '../api';
import { DataTable, type FilterOption } from '../components/DataTable';
import { Money } from '../components/Money';
import { FullHeightPage, PageHeader } from '../components/PageHeader';
import { CancelledBadge, StatusBadge } from '../components/StatusBadge';
import { formatDateTime, formatNumber } from '../lib/format';
import { HeldBadge } from './tasks/HeldBadge';

const col = createColumnHelper<OrderRow>();

// Sort and filter keys: backend/store/list.go orderTable.
export const orderColumns = [
  col.accessor('name', {
    header: 'Order',
    meta: { sortKey: 'name', width: 110 },
    cell: (c) => (
      <Text span fw={600} size="sm">
        {c.getValue()}
      </Text>
    ),
  }),
  col.accessor('createdAt', {
    header: 'Date',
    meta: { sortKey: 'createdAt', width: 190 },
    cell: (c) => formatDateTime(c.getValue()),
  }),
  col.accessor('customerName', {
    header: 'Customer',
    cell: (c) => c.getValue() || <Text span c="dimmed" size="sm">Guest</Text>,
  }),
  col.accessor('email', { header: 'Email', meta: { sortKey: 'email' } }),
  col.accessor('financialStatus', {
    header: 'Payment',
    meta: { width: 150 },
    cell: (c) => <StatusBadge kind="financial" status={c.getValue()} />,
  }),
  col.accessor('fulfillmentStatus', {
    header: 'Fulfilment',
    meta: { width: 130 },
    cell: (c) =>
      c.row.original.cancelled ? (
        <CancelledBadge />
      ) : c.row.original.held ? (
        <HeldBadge />
      ) : (
        <StatusBadge kind="fulfillment" status={c.getValue()} />
      ),
  }),
  col.accessor('items', {
    header: 'Items',
    meta: { align: 'right', width: 70 },
    cell: (c) => formatNumber(c.getValue()),
  }),
  col.accessor('total', {
    header: 'Total',
    meta: { sortKey: 'total', align: 'right', width: 120 },
    cell: (c) => <Money amount={c.getValue().amount} currency={c.getValue().currency} fw={500} />,
  }),
];

export const orderFilters: FilterOption[] = [
  { value: 'paid', label: 'Paid' },
  { value: 'pending', label: 'Pending' },
  { value: 'unfulfilled', label: 'Unfulfilled' },
  { value: 'refunded', label: 'Refunded' },
  { value: 'cancelled', label: 'Cancelled' },
  { value: 'held', label: 'Held for review' },
];

export function OrdersPage() {
  const navigate = useNavigate();
  const { id } = useParams();
  return (
    <FullHeightPage testId="orders-page">
      <PageHeader title="Orders" description="Every order from every source, newest first. Click an order to see it in full." />
      <DataTable<OrderRow>
        id="orders"
        rowTestId="order-row"
        queryKey={shopKeys.orders}
        fetchPage={shop.listOrders}
        columns={orderColumns}
        defaultSort={{ key: 'createdAt', desc: true }}
        filters={orderFilters}
        searchPlaceholder="Order number or email"
        noun={{ one: 'order', many: 'orders' }}
        getRowId={(r) => String(r.id)}
        onRowClick={(r) => navigate(`/orders/${r.id}`)}
        selectedRowId={id}
        emptyState={
          <Group justify="center">
            <Text c="dimmed" size="sm">
              No orders yet. Import your orders from the Import screen.
            </Text>
          </Group>
        }
      />
      <Outlet />
    </FullHeightPage>
  );
}
