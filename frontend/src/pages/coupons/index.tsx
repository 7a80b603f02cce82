// The Coupons screen: every code the flows and campaigns issued, with its
// customer, value, expiry, status (issued, created in the store, emailed,
// redeemed, expired) and the order that redeemed it (a code another
// customer used is marked shared); filtered by status, paged. Without a
// store connection, a pool of codes made in the store is imported here and
// handed out one per recipient; issued codes are exported for the store.
import { Alert, Anchor, Badge, Button, FileButton, Group, Stack, Table, Text, type MantineColor } from '@mantine/core';
import { IconAlertTriangle, IconDownload, IconUpload } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { PagedTable, StatusAndSearch, useParamFilter, usePagedSearch } from '../../components/PagedTable';
import { Link } from 'react-router';
import { COUPON_STATUSES, couponKeys, coupons, notifyError, notifySuccess, type CouponFilter, type CouponPool, type CouponRow } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatMoney, formatNumber } from '../../lib/format';
import { countOf } from '../../lib/plural';

const PAGE = 50;

const STATUS: Record<string, { label: string; color: MantineColor }> = {
  issued: { label: 'Issued', color: 'gray' },
  in_store: { label: 'Created in the store', color: 'indigo' },
  emailed: { label: 'Emailed', color: 'blue' },
  redeemed: { label: 'Redeemed', color: 'teal' },
  expired: { label: 'Expired', color: 'orange' },
};

export default function CouponsPage() {
  const { search, setSearch, offset, setOffset } = usePagedSearch();
  const [status, setStatus] = useParamFilter('status', () => setOffset(0));
  const qc = useQueryClient();
  const filter: CouponFilter = { status, flowId: 0, campaignId: 0, search: search.trim(), limit: PAGE, offset };
  const list = useQuery({ queryKey: couponKeys.list(filter), queryFn: () => coupons.list(filter), placeholderData: keepPreviousData, refetchOnMount: 'always' });
  const importPool = useMutation({
    mutationFn: coupons.importPool,
    onSuccess: (r) => {
      notifySuccess(`${countOf(r.added, 'code')} from ${r.file} added; ${formatNumber(r.free)} free in the pool.`, 'Codes imported');
      qc.invalidateQueries({ queryKey: couponKeys.all });
    },
    onError: (e) => notifyError(e, 'Codes not imported'),
  });
  const exp = useMutation({
    mutationFn: coupons.export,
    onSuccess: (path) => path && notifySuccess(`Saved as ${path}. Import it in your store (Matrixify's Discounts import takes it as is).`, 'Codes exported'),
    onError: (e) => notifyError(e, 'No export'),
  });
  const page = list.data;
  const rows = page?.rows ?? [];
  const total = page?.total ?? 0;
  const counts = page?.counts ?? {};
  return (
    <Stack gap="sm" data-testid="coupons-page">
      <PageHeader
        title="Coupons"
        description="Every code your flows and campaigns issued, and the order that used it. Redemptions come from your orders' discount codes, imported or synced."
        right={
          <Group gap="xs">
            <FileButton onChange={(f) => f && importPool.mutate(f)} accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
              {(props) => (
                <Button {...props} variant="light" leftSection={<IconUpload size={16} />} loading={importPool.isPending} data-testid="coupons-import-pool">
                  Import store codes
                </Button>
              )}
            </FileButton>
            <Button variant="default" leftSection={<IconDownload size={16} />} loading={exp.isPending} onClick={() => exp.mutate()} data-testid="coupons-export">
              Export for your store
            </Button>
          </Group>
        }
      />
      {page && <PoolNote pool={page.pool} />}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <StatusAndSearch
          name="coupons"
          status={status}
          onStatus={setStatus}
          options={COUPON_STATUSES.map((s) => ({ value: s, label: `${STATUS[s].label} (${formatNumber(counts[s] ?? 0)})` }))}
          searchLabel="Code or customer email"
          search={search}
          onSearch={setSearch}
        />
      </Group>
      <PagedTable
        name="coupons"
        label="Coupons"
        columns={['Code', 'From', 'Customer', 'Value', 'Expires', 'Status', 'Redeemed by']}
        rowCount={rows.length}
        loading={list.isLoading}
        empty={status || search ? 'No coupon fits these filters.' : 'No coupons yet. A flow with an “Issue a coupon” step issues one per customer when it runs.'}
        total={total}
        noun="coupon"
        offset={offset}
        page={PAGE}
        onOffset={setOffset}
      >
        {rows.map((r) => (
          <CouponLine key={r.id} r={r} />
        ))}
      </PagedTable>
    </Stack>
  );
}

function PoolNote({ pool }: { pool: CouponPool }) {
  if (!pool.active) return null;
  if (pool.low)
    return (
      <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="The pool of store codes is running low" data-testid="coupons-pool-low">
        <Text size="sm">
          {countOf(pool.free, 'code')} left (you are warned below {formatNumber(pool.warnBelow)}). Make more codes in your store and import them with Import store codes;
          when none are left, flows stop issuing coupons and a campaign with a coupon does not start, rather than send a code your store does not know.
        </Text>
      </Alert>
    );
  return (
    <Text size="sm" c="dimmed" data-testid="coupons-pool">
      Codes come from the pool you imported: {formatNumber(pool.free)} free, {formatNumber(pool.used)} handed out.
    </Text>
  );
}

function value(r: CouponRow): string {
  const parts: string[] = [];
  if (r.percentOff > 0) parts.push(`${r.percentOff} % off`);
  if (r.amountOff > 0) parts.push(`${formatMoney(r.amountOff, r.currency)} off`);
  if (r.freeShipping) parts.push('free shipping');
  return parts.join(' + ') || '—';
}

function CouponLine({ r }: { r: CouponRow }) {
  const st = STATUS[r.status] ?? { label: r.status, color: 'gray' as MantineColor };
  return (
    <Table.Tr data-testid="coupon-row" data-status={r.status}>
      <Table.Td ff="monospace" data-testid="coupon-code">
        {r.code}
      </Table.Td>
      <Table.Td>
        {r.campaignId ? (
          `Campaign ${r.campaignId}`
        ) : r.flowId ? (
          <Anchor component={Link} to={`/automations/flow/${r.flowId}`} size="sm">
            {r.flowName || `Flow ${r.flowId}`}
          </Anchor>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        {r.customerId ? (
          <Anchor component={Link} to={`/customers/${r.customerId}`} size="sm">
            {r.customerName || r.email || `Customer ${r.customerId}`}
          </Anchor>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>{value(r)}</Table.Td>
      <Table.Td>{r.expiresAt ? formatDate(r.expiresAt) : 'Never'}</Table.Td>
      <Table.Td>
        <Badge size="sm" radius="sm" variant="light" color={st.color} data-testid="coupon-status" styles={{ root: { textTransform: 'none' } }}>
          {st.label}
        </Badge>
      </Table.Td>
      <Table.Td data-testid="coupon-order">
        {r.orderId ? (
          <Group gap={6} wrap="nowrap">
            <Anchor component={Link} to={`/orders/${r.orderId}`} size="sm">
              {r.orderName}
            </Anchor>
            {r.redeemedAt && (
              <Text span size="xs" c="dimmed">
                {formatDate(r.redeemedAt)}
              </Text>
            )}
            {r.shared && (
              <Badge size="sm" radius="sm" variant="outline" color="grape" styles={{ root: { textTransform: 'none' } }} title="Another customer used this code: it counts as shared, not as the flow's">
                Shared
              </Badge>
            )}
          </Group>
        ) : (
          '—'
        )}
      </Table.Td>
    </Table.Tr>
  );
}
