// What the flows earned, counted from the orders' discount codes and the
// customers' own orders (backend/coupons): sent, redeemed, revenue from the
// redeeming orders, carts recovered, per week; on a flow's page also per
// email step. Shown on the dashboard (every flow) and beside each flow.
import { BarChart } from '@mantine/charts';
import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { couponKeys, coupons, normalizeError, type Attribution, type AttributionFilter } from '../api';
import { formatDay, formatMoney, formatNumber } from '../lib/format';
import { countOf } from '../lib/plural';
import { HeadRow, NumCells, numeric } from './HeadRow';

function revenueIn(a: Attribution, list: { amount: number; currency: string }[] | null | undefined): string {
  const all = list ?? [];
  if (all.length === 0) return formatMoney(0, a.currency || 'EUR');
  return all.map((m) => formatMoney(m.amount, m.currency)).join(' + ');
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} className="tabular">
        {value}
      </Text>
    </div>
  );
}

/**
 * flowId set: one flow, with its email steps; otherwise every flow, with the
 * flows that earned something listed.
 */
export function AttributionCard({ flowId = 0, weeks = 12 }: { flowId?: number; weeks?: number }) {
  const f: AttributionFilter = { flowId, campaignId: 0, weeks };
  const q = useQuery({ queryKey: couponKeys.attribution(f), queryFn: () => coupons.attribution(f), refetchOnMount: 'always' });
  const a = q.data;
  const title = flowId ? 'What this flow earned' : 'What your flows earned';
  return (
    <Paper withBorder radius="md" p="md" data-testid="attribution-card">
      <Stack gap="xs">
        <Group justify="space-between" align="baseline">
          <Text fw={600} component="h2" size="md" m={0}>
            {title}
          </Text>
          <Text size="xs" c="dimmed">
            last {weeks} weeks
          </Text>
        </Group>
        <Text size="xs" c="dimmed" data-testid="attribution-honest">
          Counted from your orders' discount codes, no tracking pixel.
          {a ? ` A cart counts as recovered when its customer orders within ${countOf(a.recoveryDays, 'day')} of a reminder; a code someone else used counts as shared, not as the flow's.` : ''}
        </Text>
        {q.isError && (
          <Text size="sm" c="red.8">
            {normalizeError(q.error).message}
          </Text>
        )}
        {a && <AttributionBody a={a} perStep={flowId > 0} />}
      </Stack>
    </Paper>
  );
}

function AttributionBody({ a, perStep }: { a: Attribution; perStep: boolean }) {
  const t = a.totals;
  const weeks = (a.weeks ?? []).map((w) => ({ week: formatDay(w.week), Redeemed: w.redeemed, 'Carts recovered': w.cartsRecovered, Shared: w.shared }));
  const earning = (a.sources ?? []).filter((s) => s.redeemed + s.cartsRecovered + s.shared > 0);
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: perStep ? 2 : 5 }} spacing="xs">
        <Figure label="Emails sent" value={formatNumber(t.sent)} testId="attribution-sent" />
        <Figure label="Coupons redeemed" value={formatNumber(t.redeemed)} testId="attribution-redeemed" />
        <Figure label="Revenue from them" value={revenueIn(a, t.revenue)} testId="attribution-revenue" />
        <Figure label="Carts recovered" value={formatNumber(t.cartsRecovered)} testId="attribution-carts" />
        <Figure label="Shared codes" value={formatNumber(t.shared)} testId="attribution-shared" />
      </SimpleGrid>
      <div data-testid="attribution-chart">
        <BarChart
          h={perStep ? 160 : 200}
          data={weeks}
          dataKey="week"
          type="stacked"
          series={[
            { name: 'Redeemed', color: 'teal.7' },
            { name: 'Carts recovered', color: 'blue.7' },
            { name: 'Shared', color: 'gray.6' },
          ]}
          gridAxis="y"
          tickLine="none"
          withLegend
          yAxisProps={{ width: 28, allowDecimals: false }}
          valueFormatter={(v) => formatNumber(v)}
        />
      </div>
      {perStep ? <StepTable a={a} /> : <SourceTable a={a} rows={earning} />}
    </>
  );
}

function StepTable({ a }: { a: Attribution }) {
  const steps = a.sources?.[0]?.steps ?? [];
  if (steps.length === 0) return null;
  // Carts only where the flow recovered some: the column is for cart flows.
  const carts = a.totals.cartsRecovered > 0;
  return (
    // A narrow column scrolls sideways; the region takes focus so a keyboard can scroll it.
    <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label="What each email earned">
      <Table fz="xs" verticalSpacing={4} horizontalSpacing={6} data-testid="attribution-steps" aria-label="Per email step">
        <HeadRow columns={['Email', ...numeric('Sent', 'Redeemed', 'Revenue', ...(carts ? ['Carts'] : []))]} />
        <Table.Tbody>
          {steps.map((s) => (
            <Table.Tr key={s.step} data-testid="attribution-step">
              <Table.Td>{s.label}</Table.Td>
              <NumCells values={[s.sent, s.redeemed, revenueIn(a, s.revenue), ...(carts ? [s.cartsRecovered] : [])]} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** Where a row's name leads: a flow to its page, a campaign to the campaigns. */
function sourceLink(s: NonNullable<Attribution['sources']>[number]): string {
  return s.flowId ? `/automations/flow/${s.flowId}` : '/campaigns';
}

function SourceTable({ a, rows }: { a: Attribution; rows: Attribution['sources'] }) {
  if (!rows || rows.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="attribution-none">
        No order has used a coupon from your flows yet.{' '}
        <Anchor component={Link} to="/coupons" underline="always">
          See the coupons
        </Anchor>
      </Text>
    );
  return (
    <Table fz="sm" verticalSpacing={4} data-testid="attribution-sources" aria-label="Per flow or campaign">
      <HeadRow columns={['Flow or campaign', ...numeric('Sent', 'Redeemed', 'Revenue', 'Carts recovered', 'Shared')]} />
      <Table.Tbody>
        {rows.map((s) => (
          <Table.Tr key={`${s.flowId}-${s.campaignId}`} data-testid="attribution-source">
            <Table.Td>
              <Anchor component={Link} to={sourceLink(s)} size="sm">
                {s.name}
              </Anchor>
            </Table.Td>
            <NumCells values={[s.sent, s.redeemed, revenueIn(a, s.revenue), s.cartsRecovered, s.shared]} />
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
