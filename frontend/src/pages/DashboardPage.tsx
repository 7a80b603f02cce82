import { AreaChart, BarChart } from '@mantine/charts';
import { AttributionCard } from '../components/AttributionCard';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  ThemeIcon,
  UnstyledButton,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconBox,
  IconCash,
  IconMail,
  IconReceipt,
  IconShoppingCartExclamation,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { normalizeError, SHIPMENT_STATUSES, shop, shopKeys, type Dashboard } from '../api';
import { PageTitle } from '../components/PageHeader';
import { StatusBadge } from '../components/StatusBadge';
import { isLow } from '../components/StockTable';
import { formatDay, formatLongDay, formatMoney, formatMajorCompact, formatNumber, humanize, toMajor } from '../lib/format';
import classes from './DashboardPage.module.css';
import { countOf } from '../lib/plural';
import { inventory, inventoryKeys } from '../api/inventory';
import { StoreFreshness } from './settings/StoreFreshness';
import { TasksCard } from './tasks/DashboardCard';

// The order a parcel usually meets its statuses (domain.ShipmentStatuses).
const SHIPMENT_ORDER: readonly string[] = SHIPMENT_STATUSES;
const SHIPMENT_COLORS: Record<string, string> = {
  label_created: 'gray.5',
  in_transit: 'blue.6',
  out_for_delivery: 'cyan.6',
  available_for_pickup: 'indigo.6',
  delivered: 'teal.6',
  failed_attempt: 'orange.6',
  exception: 'red.6',
  returned: 'grape.6',
  expired: 'gray.6',
};

function StatCard({
  testId,
  label,
  value,
  hint,
  icon: I,
  color,
  to,
}: {
  testId: string;
  label: string;
  value: ReactNode;
  hint?: ReactNode;
  icon: Icon;
  color: string;
  to?: string;
}) {
  const navigate = useNavigate();
  const body = (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      <div style={{ minWidth: 0 }}>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.03em' }}>
          {label}
        </Text>
        <Text fz={26} fw={700} lh={1.25} className="tabular" data-testid={`${testId}-value`} style={{ overflowWrap: 'anywhere' }}>
          {value}
        </Text>
        {hint && (
          <Text size="xs" c="dimmed" mt={2} data-testid={`${testId}-hint`}>
            {hint}
          </Text>
        )}
      </div>
      <ThemeIcon variant="light" color={color} size={36} radius="md">
        <I size={20} stroke={1.6} />
      </ThemeIcon>
    </Group>
  );
  return (
    <Paper withBorder radius="md" p="md" data-testid={testId} className={to ? classes.linkCard : undefined}>
      {to ? (
        <UnstyledButton w="100%" onClick={() => navigate(to)}>
          {body}
        </UnstyledButton>
      ) : (
        body
      )}
    </Paper>
  );
}

function Card({ title, right, children, testId }: { title: string; right?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="md" h="100%" data-testid={testId}>
      <Group justify="space-between" mb="sm">
        <Text fw={600} size="sm">
          {title}
        </Text>
        {right}
      </Group>
      {children}
    </Paper>
  );
}

function DashboardSkeleton() {
  return (
    <Stack data-testid="dashboard-loading">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} h={96} radius="md" />
        ))}
      </SimpleGrid>
      <Skeleton h={280} radius="md" />
      <SimpleGrid cols={2}>
        <Skeleton h={220} radius="md" />
        <Skeleton h={220} radius="md" />
      </SimpleGrid>
    </Stack>
  );
}

function todayLabel(now: string): string {
  const d = new Date(now);
  if (Number.isNaN(d.getTime())) return 'Today';
  return `Today, ${formatLongDay(d)}`;
}

export function DashboardView({ d, now }: { d: Dashboard; now: string }) {
  const cur = d.currency; // '' for a shop with no currency yet: amounts show without one, never as USD
  const days = (d.last30Days ?? []).map((p) => ({
    day: formatDay(p.day),
    Revenue: toMajor(p.revenue, cur),
    Orders: p.orders,
  }));
  const revenue30 = (d.last30Days ?? []).reduce((s, p) => s + p.revenue, 0);
  const orders30 = (d.last30Days ?? []).reduce((s, p) => s + p.orders, 0);
  const shipments = Object.entries(d.shipmentsByStatus ?? {})
    .sort(([a], [b]) => {
      const ia = SHIPMENT_ORDER.indexOf(a);
      const ib = SHIPMENT_ORDER.indexOf(b);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    })
    .map(([status, count]) => ({ status, label: humanize(status), count }));
  const shipTotal = shipments.reduce((s, x) => s + x.count, 0);

  return (
    <Stack gap="md" data-testid="dashboard">
      <Group justify="space-between" align="flex-end">
        <div>
          <PageTitle>Dashboard</PageTitle>
          <Text size="sm" c="dimmed" data-testid="dash-today-label">
            {todayLabel(now)}
          </Text>
        </div>
        <StoreFreshness />
      </Group>

      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <StatCard
          testId="dash-today-revenue"
          label="Revenue today"
          value={formatMoney(d.todayRevenue, cur)}
          hint={`${formatMoney(revenue30, cur)} in the last 30 days`}
          icon={IconCash}
          color="teal"
        />
        <StatCard
          testId="dash-today-orders"
          label="Orders today"
          value={formatNumber(d.todayOrders)}
          hint={`${formatNumber(orders30)} in the last 30 days`}
          icon={IconReceipt}
          color="blue"
          to="/orders"
        />
        <StatCard
          testId="dash-abandoned-carts"
          label="Abandoned carts"
          value={formatNumber(d.abandonedCarts)}
          hint={`${formatMoney(d.abandonedValue, cur)} left in carts`}
          icon={IconShoppingCartExclamation}
          color="orange"
          to="/carts"
        />
        <StatCard
          testId="dash-outbox-waiting"
          label="Outbox waiting"
          value={formatNumber(d.outboxWaiting)}
          hint={d.outboxWaiting === 0 ? 'Nothing waiting to be sent' : 'Emails waiting to be sent'}
          icon={IconMail}
          color="grape"
          to="/outbox"
        />
      </SimpleGrid>

      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card
            title="Revenue, last 30 days"
            testId="dash-revenue-chart"
            right={
              <Text size="sm" fw={600} className="tabular">
                {formatMoney(revenue30, cur)}
              </Text>
            }
          >
            {days.length === 0 ? (
              <Text size="sm" c="dimmed" py="xl" ta="center">
                No orders in the last 30 days.
              </Text>
            ) : (
              <AreaChart
                h={220}
                data={days}
                dataKey="day"
                series={[{ name: 'Revenue', color: 'teal.6' }]}
                curveType="monotone"
                withDots={false}
                gridAxis="y"
                tickLine="none"
                valueFormatter={(v) => formatMajorCompact(v, cur)}
                yAxisProps={{ width: 70 }}
                fillOpacity={0.25}
              />
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Card
            title="Orders per day"
            testId="dash-orders-chart"
            right={
              <Text size="sm" fw={600} className="tabular">
                {formatNumber(orders30)}
              </Text>
            }
          >
            {days.length === 0 ? (
              <Text size="sm" c="dimmed" py="xl" ta="center">
                No orders in the last 30 days.
              </Text>
            ) : (
              <BarChart
                h={220}
                data={days}
                dataKey="day"
                series={[{ name: 'Orders', color: 'blue.6' }]}
                gridAxis="y"
                tickLine="none"
                yAxisProps={{ width: 32, allowDecimals: false }}
                valueFormatter={(v) => formatNumber(v)}
              />
            )}
          </Card>
        </Grid.Col>

        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Card
            title="Low stock"
            testId="dash-low-stock"
            right={
              <Group gap="xs">
                <Badge variant="light" color={d.lowStockCount > 0 ? 'orange' : 'teal'} data-testid="dash-low-stock-count">
                  {countOf(d.lowStockCount, 'SKU')}
                </Badge>
                <Anchor component={Link} to="/inventory" size="xs">
                  Inventory
                </Anchor>
              </Group>
            }
          >
            {(d.lowStock ?? []).length === 0 ? (
              <Group gap="xs" py="md" justify="center">
                <ThemeIcon variant="light" color="teal" size="sm" radius="xl">
                  <IconBox size={12} />
                </ThemeIcon>
                <Text size="sm" c="dimmed">
                  Every stocked SKU is above its reorder point.
                </Text>
              </Group>
            ) : (
              <LowStockTable rows={d.lowStock} />
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md" h="100%">
            <Card title="Shipments by status" testId="dash-shipments">
              {shipments.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No shipments yet.
                </Text>
              ) : (
                <Stack gap={6}>
                  <div className={classes.stackBar}>
                    {shipments.map((s) => (
                      <div
                        key={s.status}
                        title={`${s.label}: ${s.count}`}
                        style={{
                          flex: s.count,
                          background: `var(--mantine-color-${(SHIPMENT_COLORS[s.status] ?? 'gray.5').replace('.', '-')})`,
                        }}
                      />
                    ))}
                  </div>
                  {shipments.map((s) => (
                    <Group key={s.status} justify="space-between" data-testid={`dash-shipments-${s.status}`}>
                      <Anchor
                        component={Link}
                        to={`/shipments?status=${s.status}`}
                        aria-label={`${countOf(s.count, 'shipment')} ${s.label.toLowerCase()}: show them`}
                        data-testid={`dash-shipments-link-${s.status}`}
                      >
                        <StatusBadge kind="shipment" status={s.status} />
                      </Anchor>
                      <Text size="sm" className="tabular">
                        {formatNumber(s.count)}
                        <Text span size="xs" c="dimmed" ml={6}>
                          {shipTotal ? Math.round((s.count / shipTotal) * 100) : 0}%
                        </Text>
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </Card>
            <TasksCard />
            <Card title="Shop totals" testId="dash-totals">
              <SimpleGrid cols={2}>
                <div data-testid="dash-total-orders">
                  <Group gap={6}>
                    <IconReceipt size={14} stroke={1.6} />
                    <Text size="xs" c="dimmed">
                      Orders
                    </Text>
                  </Group>
                  <Text fw={700} size="lg" className="tabular" data-testid="dash-total-orders-value">
                    {formatNumber(d.totalOrders)}
                  </Text>
                </div>
                <div data-testid="dash-total-customers">
                  <Group gap={6}>
                    <IconUsers size={14} stroke={1.6} />
                    <Text size="xs" c="dimmed">
                      Customers
                    </Text>
                  </Group>
                  <Text fw={700} size="lg" className="tabular" data-testid="dash-total-customers-value">
                    {formatNumber(d.totalCustomers)}
                  </Text>
                </div>
              </SimpleGrid>
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      <AttributionCard />
    </Stack>
  );
}

/**
 * The low-stock rows. "Reorder at" is the point the Inventory screen shows:
 * the inventory plan's decision for the SKU (the same cached query), not the
 * stored override, which most SKUs do not have.
 */
function LowStockTable({ rows }: { rows: Dashboard['lowStock'] }) {
  const plan = useQuery({ queryKey: inventoryKeys.plan, queryFn: inventory.plan });
  const points = new Map<string, number | null>();
  for (const it of plan.data?.items ?? []) points.set(it.sku, it.decision ? it.decision.reorderPoint : null);
  const reorderAt = (sku: string) => {
    if (plan.isPending) return '…';
    const p = points.get(sku);
    return p === undefined || p === null ? '—' : formatNumber(p);
  };
  return (
    // Auto layout: SKU, location and numbers take the width they need and
    // never cut; the product name takes what is left and ellipsises, whole
    // in its tooltip.
    <Table fz="sm" verticalSpacing={5} horizontalSpacing="xs" highlightOnHover className={classes.lowStock} data-testid="low-stock-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>SKU</Table.Th>
          <Table.Th>Product</Table.Th>
          <Table.Th>Location</Table.Th>
          <Table.Th ta="right">Available</Table.Th>
          <Table.Th ta="right">Reorder at</Table.Th>
          <Table.Th ta="right">Incoming</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={`${r.sku}@${r.location}`} data-testid="low-stock-row">
            <Table.Td ff="monospace">{r.sku}</Table.Td>
            <Table.Td title={r.title} className={classes.fill} data-testid="low-stock-title">{r.title}</Table.Td>
            <Table.Td>{r.location}</Table.Td>
            <Table.Td ta="right" className="tabular">
              <Text span size="sm" fw={600} c={r.available <= 0 ? 'red' : isLow(r) ? 'orange' : undefined}>
                {formatNumber(r.available)}
              </Text>
            </Table.Td>
            <Table.Td ta="right" className="tabular" data-testid="low-stock-reorder-at">
              {reorderAt(r.sku)}
            </Table.Td>
            <Table.Td ta="right" className="tabular">
              {formatNumber(r.incoming)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function DashboardPage({ now }: { now: string }) {
  const q = useQuery({ queryKey: shopKeys.dashboard, queryFn: shop.dashboard });
  if (q.isPending) return <DashboardSkeleton />;
  if (q.isError)
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="Could not load the dashboard" data-testid="dashboard-error">
        <Text size="sm" mb="xs">
          {normalizeError(q.error).message}
        </Text>
        <Button size="xs" variant="light" color="red" onClick={() => q.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  return <DashboardView d={q.data} now={now} />;
}
