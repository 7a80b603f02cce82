import { Text } from '@mantine/core';
import { createColumnHelper } from '@tanstack/react-table';
import { shop, shopKeys, type CartRow } from '../api';
import { DataTable, type FilterOption } from '../components/DataTable';
import { Money } from '../components/Money';
import { FullHeightPage, PageHeader } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';
import { formatDate, formatDateTime, formatNumber } from '../lib/format';

const col = createColumnHelper<CartRow>();

// Sort and filter keys: backend/store/list.go cartTable.
export const cartColumns = [
  col.accessor('externalId', {
    header: 'Checkout',
    meta: { width: 140 },
    cell: (c) => (
      <Text span size="sm" ff="monospace">
        {c.getValue()}
      </Text>
    ),
  }),
  col.accessor('email', { header: 'Email', meta: { sortKey: 'email' } }),
  col.accessor('items', { header: 'Items', meta: { align: 'right', width: 70 }, cell: (c) => formatNumber(c.getValue()) }),
  col.accessor('total', {
    header: 'Value',
    meta: { sortKey: 'total', align: 'right', width: 120 },
    cell: (c) => <Money amount={c.getValue().amount} currency={c.getValue().currency} fw={500} />,
  }),
  col.accessor('createdAt', {
    header: 'Started',
    meta: { sortKey: 'createdAt', width: 190 },
    cell: (c) => formatDateTime(c.getValue()),
  }),
  col.accessor('updatedAt', {
    header: 'Last activity',
    meta: { sortKey: 'updatedAt', width: 190 },
    cell: (c) => formatDateTime(c.getValue()),
  }),
  col.accessor('recoveredAt', {
    header: 'Status',
    meta: { width: 180 },
    cell: (c) =>
      c.getValue() ? (
        <span title={`Recovered ${formatDateTime(c.getValue())}`}>
          <StatusBadge kind="cart" status="recovered" />{' '}
          <Text span size="xs" c="dimmed">
            {formatDate(c.getValue())}
          </Text>
        </span>
      ) : (
        <StatusBadge kind="cart" status="open" />
      ),
  }),
];

export const cartFilters: FilterOption[] = [
  { value: 'open', label: 'Open' },
  { value: 'recovered', label: 'Recovered' },
];

export function CartsPage() {
  return (
    <FullHeightPage testId="carts-page">
      <PageHeader
        title="Abandoned carts"
        description="Checkouts that were started but not paid. A cart is recovered when its customer buys after all."
      />
      <DataTable<CartRow>
        id="carts"
        rowTestId="cart-row"
        queryKey={shopKeys.carts}
        fetchPage={shop.listCarts}
        columns={cartColumns}
        defaultSort={{ key: 'updatedAt', desc: true }}
        filters={cartFilters}
        searchPlaceholder="Email or checkout id"
        noun={{ one: 'cart', many: 'carts' }}
        getRowId={(r) => String(r.id)}
      />
    </FullHeightPage>
  );
}
