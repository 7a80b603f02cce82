// The Segments screen: the ready-made RFM segments with their counts now and
// at last month's snapshot, a chart and a list of how customers moved, the
// window the scores are computed over, and the seller's own segments with
// their builder.
import { BarChart } from '@mantine/charts';
import { ActionIcon, Alert, Badge, Button, Code, Group, NumberInput, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight, IconPencil, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { normalizeError, notifyError, notifySuccess } from '../../api';
import { customerKeys, customersApi, type RFMCount, type SegmentDef, type SegmentsOverview } from '../../api/customers';
import { HeadRow, numeric } from '../../components/HeadRow';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, formatNumber } from '../../lib/format';
import { countOf } from '../../lib/plural';
import { SegmentBuilder } from './SegmentBuilder';

function Change({ now, before, hasBefore }: { now: number; before: number | null | undefined; hasBefore: boolean }) {
  if (!hasBefore || before === null || before === undefined) return null;
  const d = now - before;
  if (d === 0)
    return (
      <Text span size="xs" c="dimmed">
        no change since last month
      </Text>
    );
  const Icon = d > 0 ? IconArrowUpRight : IconArrowDownRight;
  return (
    <Group gap={2} component="span" wrap="nowrap">
      <Icon size={14} aria-hidden />
      <Text span size="xs">
        {d > 0 ? '+' : '−'}
        {formatNumber(Math.abs(d))} since last month
      </Text>
    </Group>
  );
}

function RFMCard({ c, hasBefore }: { c: RFMCount; hasBefore: boolean }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={`rfm-${c.segment}`}>
      <Text size="sm" fw={600}>
        {c.label}
      </Text>
      <Text size="xl" fw={700} className="tabular" data-testid={`rfm-count-${c.segment}`}>
        {formatNumber(c.count)}
      </Text>
      <Change now={c.count} before={c.lastMonth} hasBefore={hasBefore} />
      <Text size="xs" c="dimmed" mt={4}>
        {c.description}
      </Text>
    </Paper>
  );
}

function Movement({ o }: { o: SegmentsOverview }) {
  const data = (o.rfm ?? []).map((c) => ({ segment: c.label, 'Last month': c.lastMonth, Now: c.count }));
  return (
    <Paper withBorder p="md" radius="md" data-testid="segments-movement">
      <Title order={2} size="h5" mb="xs">
        How customers moved since last month
      </Title>
      {!o.lastMonth ? (
        <Text size="sm" c="dimmed">
          There is no snapshot from last month yet; movement shows from next month.
        </Text>
      ) : (
        <>
          <div role="img" aria-label={`Customers per segment at the end of ${o.lastMonth} and now`}>
            <BarChart
              h={220}
              data={data}
              dataKey="segment"
              series={[
                { name: 'Last month', color: 'gray.5' },
                { name: 'Now', color: 'indigo.6' },
              ]}
              withLegend
              gridAxis="y"
              tickLine="none"
              yAxisProps={{ width: 48, allowDecimals: false }}
              valueFormatter={(v) => formatNumber(v)}
            />
          </div>
          {(o.moves?.length ?? 0) === 0 ? (
            <Text size="sm" c="dimmed" mt="xs">
              Nobody changed segment since {o.lastMonth}.
            </Text>
          ) : (
            <Table fz="sm" mt="sm" verticalSpacing={4} data-testid="segments-moves">
              <HeadRow columns={['From', 'To', ...numeric('Customers')]} />
              <Table.Tbody>
                {o.moves.map((m) => (
                  <Table.Tr key={`${m.from}-${m.to}`}>
                    <Table.Td>{m.fromLabel || 'Not scored (new buyer)'}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <IconArrowRight size={14} aria-hidden />
                        {m.toLabel || 'Not scored'}
                      </Group>
                    </Table.Td>
                    <Table.Td ta="right" className="tabular">
                      {formatNumber(m.count)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Paper>
  );
}

function WindowControl({ days, onSaved }: { days: number; onSaved: () => void }) {
  const [value, setValue] = useState<number | string>(days);
  const [busy, setBusy] = useState(false);
  const apply = async (d: number) => {
    setBusy(true);
    try {
      const res = await customersApi.setWindow(d);
      notifySuccess(`${countOf(res.scored, 'customer')} scored over the last ${res.windowDays} days.`, 'Segments updated');
      onSaved();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <NumberInput
        size="xs"
        w={140}
        label="Window (days)"
        min={30}
        max={3650}
        value={value}
        onChange={setValue}
        data-testid="segments-window"
      />
      <Tooltip label="Score every customer again over this window">
        <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} loading={busy} onClick={() => apply(Number(value) || days)} data-testid="segments-rescore">
          Score again
        </Button>
      </Tooltip>
    </Group>
  );
}

function YourSegments({ segments, onEdit, onDelete }: { segments: SegmentDef[]; onEdit: (s: SegmentDef) => void; onDelete: (s: SegmentDef) => void }) {
  if (segments.length === 0)
    return (
      <Text size="sm" c="dimmed">
        None yet. A segment is a condition over your customers, like “spent over 500 and lives in Germany”; it is counted after every import.
      </Text>
    );
  return (
    <Table fz="sm" verticalSpacing={6} data-testid="segments-yours">
      <HeadRow columns={['Name', 'Condition', ...numeric('Customers'), 'Since last month', 'Actions']} />
      <Table.Tbody>
        {segments.map((s) => (
          <Table.Tr key={s.id} data-testid="segment-row">
            <Table.Td fw={500}>{s.name}</Table.Td>
            <Table.Td>
              <Code style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{s.condition}</Code>
            </Table.Td>
            <Table.Td ta="right" className="tabular" data-testid="segment-members">
              {formatNumber(s.members)}
            </Table.Td>
            <Table.Td>
              <Change now={s.members} before={s.lastMonth} hasBefore={s.lastMonth !== null && s.lastMonth !== undefined} />
            </Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap" justify="flex-end">
                <ActionIcon variant="subtle" color="gray" onClick={() => onEdit(s)} aria-label={`Edit ${s.name}`}>
                  <IconPencil size={16} />
                </ActionIcon>
                <ActionIcon variant="subtle" color="gray" onClick={() => onDelete(s)} aria-label={`Delete ${s.name}`}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export default function SegmentsPage() {
  const qc = useQueryClient();
  const overview = useQuery({ queryKey: customerKeys.segments, queryFn: customersApi.segments });
  const [editing, setEditing] = useState<SegmentDef | 'new' | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: customerKeys.all });
  const remove = async (s: SegmentDef) => {
    try {
      await customersApi.deleteSegment(s.id);
      notifySuccess(`“${s.name}” was deleted.`);
      refresh();
    } catch (e) {
      notifyError(e);
    }
  };
  const o = overview.data;
  return (
    <Stack gap="md" data-testid="segments-page">
      <PageHeader
        title="Segments"
        description="Your customers grouped by how recently, how often and how much they buy (RFM), scored after every import; and the groups you define."
        right={o && <WindowControl key={o.windowDays} days={o.windowDays} onSaved={refresh} />}
      />
      {overview.isLoading && <Skeleton h={300} />}
      {overview.error && (
        <Alert color="red" variant="light" title="The segments cannot be shown">
          {normalizeError(overview.error).message}
        </Alert>
      )}
      {o && (
        <>
          <Group gap="xs">
            <Badge variant="light" color="gray" styles={{ root: { textTransform: 'none' } }}>
              {countOf(o.customers, 'customer')}, {formatNumber(o.unscored)} without an order
            </Badge>
            <Text size="xs" c="dimmed">
              Scored {formatDateTime(o.scoredAt)} over the last {o.windowDays} days.
            </Text>
          </Group>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" data-testid="segments-rfm">
            {(o.rfm ?? []).map((c) => (
              <RFMCard key={c.segment} c={c} hasBefore={!!o.lastMonth} />
            ))}
          </SimpleGrid>
          <Movement o={o} />
          <Paper withBorder p="md" radius="md">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h5">
                Your segments
              </Title>
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="segment-new">
                New segment
              </Button>
            </Group>
            <YourSegments segments={o.custom ?? []} onEdit={(s) => setEditing(s)} onDelete={remove} />
          </Paper>
        </>
      )}
      {editing && (
        <SegmentBuilder
          initial={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(s, chk) => {
            setEditing(null);
            notifySuccess(
              `“${s.name}” has ${countOf(s.members, 'customer')}.${chk.warning ? ` ${chk.warning}` : ''}`,
              'Segment saved',
            );
            refresh();
          }}
        />
      )}
    </Stack>
  );
}
