import { Badge, Group, Text } from '@mantine/core';
import { IconCircleCheckFilled } from '@tabler/icons-react';
import { createColumnHelper } from '@tanstack/react-table';
import { useNavigate } from 'react-router';
import { shop, shopKeys, type Customer } from '../api';
import { DataTable, type FilterOption } from '../components/DataTable';
import { Money } from '../components/Money';
import { FullHeightPage, PageHeader } from '../components/PageHeader';
import { formatDate, formatNumber } from '../lib/format';

const col = createColumnHelper<Customer>();

// Sort and filter keys: backend/store/list.go customerTable.
export const customerColumns = [
  col.accessor((c) => [c.firstName, c.lastName].filter(Boolean).join(' '), {
    id: 'name',
    header: 'Name',
    meta: { sortKey: 'lastName', width: 150 },
    cell: (c) =>
      // An erasure leaves an empty row behind (ids are never reused).
      c.row.original.source === 'erased' ? (
        <Text span size="sm" c="dimmed" fs="italic">
          Erased customer
        </Text>
      ) : (
        <Text span size="sm" fw={500}>
          {c.getValue() || '—'}
        </Text>
      ),
  }),
  col.accessor('email', { header: 'Email', meta: { sortKey: 'email' } }),
  col.accessor((c) => [c.city, c.country].filter(Boolean).join(', '), {
    id: 'location',
    header: 'Location',
    meta: { width: 130 },
  }),
  col.accessor('tags', {
    header: 'Tags',
    meta: { width: 110 },
    cell: (c) => (
      <Group gap={4} wrap="nowrap">
        {c.getValue()?.slice(0, 2).map((t) => (
          <Badge key={t} size="xs" variant="default" styles={{ root: { textTransform: 'none' } }}>
            {t}
          </Badge>
        ))}
        {(c.getValue()?.length ?? 0) > 2 && (
          <Text span size="xs" c="dimmed">
            +{c.getValue().length - 2}
          </Text>
        )}
      </Group>
    ),
  }),
  col.accessor('acceptsMarketing', {
    header: 'Opt-in',
    meta: { width: 70, align: 'center' },
    cell: (c) =>
      c.getValue() ? (
        <IconCircleCheckFilled size={16} color="var(--mantine-color-teal-6)" aria-label="Accepts marketing" data-testid="optin" />
      ) : (
        <Text span size="sm" c="dimmed">
          —
        </Text>
      ),
  }),
  col.accessor('ordersCount', {
    header: 'Orders',
    meta: { sortKey: 'ordersCount', align: 'right', width: 75 },
    cell: (c) => formatNumber(c.getValue()),
  }),
  col.accessor('totalSpent', {
    header: 'Spent',
    meta: { sortKey: 'totalSpent', align: 'right', width: 100 },
    cell: (c) =>
      c.getValue().amount === 0 && !c.getValue().currency ? (
        <Text span size="sm" c="dimmed">
          —
        </Text>
      ) : (
        <Money amount={c.getValue().amount} currency={c.getValue().currency} fw={500} />
      ),
  }),
  col.accessor('lastOrderAt', {
    header: 'Last order',
    meta: { sortKey: 'lastOrderAt', align: 'right', width: 120 },
    cell: (c) => formatDate(c.getValue()),
  }),
  col.accessor('createdAt', {
    header: 'Since',
    meta: { sortKey: 'createdAt', align: 'right', width: 120 },
    cell: (c) => formatDate(c.getValue()),
  }),
];

export const customerFilters: FilterOption[] = [
  { value: 'marketing', label: 'Accepts marketing' },
  { value: 'repeat', label: 'Repeat buyers' },
  { value: 'noOrders', label: 'No orders' },
];

export function CustomersPage() {
  const navigate = useNavigate();
  return (
    <FullHeightPage testId="customers-page">
      <PageHeader title="Customers" description="Everyone who bought or signed up, with what they spent. Click a customer to see their page." />
      <DataTable<Customer>
        id="customers"
        rowTestId="customer-row"
        queryKey={shopKeys.customers}
        fetchPage={shop.listCustomers}
        columns={customerColumns}
        defaultSort={{ key: 'createdAt', desc: true }}
        filters={customerFilters}
        searchPlaceholder="Email or name"
        noun={{ one: 'customer', many: 'customers' }}
        getRowId={(r) => String(r.id)}
        onRowClick={(r) => navigate(`/customers/${r.id}`)}
      />
    </FullHeightPage>
  );
}
