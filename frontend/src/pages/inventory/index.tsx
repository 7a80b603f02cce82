// The Inventory screen: what to reorder and why (per SKU: stock, forecast,
// reorder point with its one-line explanation, flags), a forecast chart per
// SKU, "Reorder now", purchase orders (edit, send, receive) and suppliers;
// the low-stock digest (preview, then send) from the header.
// Stock per location stays on the shell's StockTable in the last tab.
import { Badge, Button, Group, Stack, Table, Tabs, Text, Tooltip } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../api';
import { FullHeightPage, PageHeader } from '../../components/PageHeader';
import { SkuText } from '../../components/SkuText';
import { activatableRow } from '../../components/activatableRow';
import { formatNumber } from '../../lib/format';
import { StockPage } from '../StockPage';
import { inventory, inventoryKeys, type SKUPlan } from '../../api/inventory';
import { DigestButton } from './DigestPanel';
import { ForecastDrawer } from './ForecastDrawer';
import { PurchaseOrders } from './PurchaseOrders';
import { Suppliers } from './Suppliers';
import { countOf } from '../../lib/plural';

export default function InventoryPage() {
  const [tab, setTab] = useState<string | null>('reorder');
  return (
    <FullHeightPage testId="inventory-page">
      <PageHeader
        title="Inventory"
        description="What to order, from whom and when: forecasts from your sales, reorder points, purchase orders."
        right={<DigestButton />}
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="reorder" data-testid="inventory-tab-reorder">Reorder</Tabs.Tab>
          <Tabs.Tab value="orders" data-testid="inventory-tab-orders">Purchase orders</Tabs.Tab>
          <Tabs.Tab value="suppliers" data-testid="inventory-tab-suppliers">Suppliers</Tabs.Tab>
          <Tabs.Tab value="stock" data-testid="inventory-tab-stock">Stock by location</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="reorder">
          <ReorderPanel onDrafted={() => setTab('orders')} />
        </Tabs.Panel>
        <Tabs.Panel value="orders">
          <PurchaseOrders />
        </Tabs.Panel>
        <Tabs.Panel value="suppliers">
          <Suppliers />
        </Tabs.Panel>
        <Tabs.Panel value="stock">
          <StockPage embedded />
        </Tabs.Panel>
      </Tabs>
    </FullHeightPage>
  );
}

function cover(p: SKUPlan): string {
  const d = p.decision?.daysOfCover;
  if (d === undefined || d === null) return '–';
  if (d < 0) return '∞';
  return `${formatNumber(Math.round(d))} d`;
}

function ReorderPanel({ onDrafted }: { onDrafted: () => void }) {
  const qc = useQueryClient();
  const plan = useQuery({ queryKey: inventoryKeys.plan, queryFn: inventory.plan });
  const [sku, setSku] = useState<string | null>(null);
  const reorder = useMutation({
    mutationFn: () => inventory.reorderNow(false),
    onSuccess: (drafts) => {
      qc.invalidateQueries({ queryKey: ['inventory'] });
      if (drafts.length === 0) {
        notifySuccess('Nothing is at its reorder point.');
        return;
      }
      notifySuccess(`${countOf(drafts.length, 'draft purchase order')} ready to check and send.`);
      onDrafted();
    },
    onError: (e) => notifyError(e),
  });

  if (plan.isPending) return <Text c="dimmed">Forecasting…</Text>;
  if (plan.isError) return <Text c="red">{plan.error.message}</Text>;
  const p = plan.data;
  const rows = [...p.items].sort((a, b) => Number(b.suggest > 0) - Number(a.suggest > 0) || a.sku.localeCompare(b.sku));
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {countOf(p.due, 'SKU')} to reorder, {formatNumber(p.atRisk)} at risk of selling out before the next delivery. Service level{' '}
          {Math.round(p.policy.serviceLevel * 1000) / 10} %, an order every {countOf(p.policy.reviewDays, 'day')}; days in {p.timeZone}.
        </Text>
        <Button data-testid="reorder-now" loading={reorder.isPending} onClick={() => reorder.mutate()} disabled={p.due === 0}>
          Reorder now
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={1080} type="native">
      <Table striped highlightOnHover data-testid="reorder-table" stickyHeader style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>SKU</Table.Th>
            <Table.Th>Item</Table.Th>
            <Table.Th ta="right">Available</Table.Th>
            <Table.Th ta="right">Incoming</Table.Th>
            <Table.Th ta="right">Per day</Table.Th>
            <Table.Th ta="right">Cover</Table.Th>
            <Table.Th ta="right">Reorder at</Table.Th>
            <Table.Th ta="right">Order</Table.Th>
            <Table.Th>Supplier</Table.Th>
            <Table.Th>Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.sku} data-testid={`reorder-row-${r.sku}`} {...activatableRow(() => setSku(r.sku))}>
              <Table.Td>
                <SkuText sku={r.sku} generated={r.skuGenerated} />
              </Table.Td>
              <Table.Td maw={220} style={{ overflow: 'hidden', textOverflow: 'ellipsis' }} title={r.title}>
                {r.title}
              </Table.Td>
              <Table.Td ta="right" c={r.available < 0 ? 'red' : undefined}>{formatNumber(r.available)}</Table.Td>
              <Table.Td ta="right">{formatNumber(r.incoming)}</Table.Td>
              <Table.Td ta="right">{r.forecast.perDay.toFixed(1)}</Table.Td>
              <Table.Td ta="right" miw={76} style={{ whiteSpace: 'nowrap' }}>
                {cover(r)}
                {r.decision?.atRisk && (
                  <>
                    <br />
                    <Badge color="red" size="xs" style={{ flexShrink: 0, maxWidth: 'none' }}>
                      at risk
                    </Badge>
                  </>
                )}
              </Table.Td>
              <Table.Td ta="right">{r.decision ? formatNumber(r.decision.reorderPoint) : '–'}</Table.Td>
              <Table.Td ta="right">
                {r.suggest > 0 ? <b>{formatNumber(r.suggest)}</b> : r.onDraft ? <Badge size="xs">on draft</Badge> : ''}
              </Table.Td>
              <Table.Td>{r.supplierName}</Table.Td>
              <Table.Td miw={280} style={{ whiteSpace: 'normal' }}>
                <Text size="xs">{r.decision?.explanation}</Text>
                {r.flags.map((f) => (
                  <Tooltip key={f.code} label={f.message} multiline w={320}>
                    <Badge color="orange" size="xs" mr={4} data-testid={`flag-${r.sku}-${f.code}`}>
                      {f.code.replaceAll('_', ' ')}
                    </Badge>
                  </Tooltip>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      </Table.ScrollContainer>
      {rows.length === 0 && <Text c="dimmed">No products yet: import your products and orders first.</Text>}
      <ForecastDrawer sku={sku} onClose={() => setSku(null)} />
    </Stack>
  );
}
