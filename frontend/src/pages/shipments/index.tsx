// The Shipments screen: every shipment with its order, customer, carrier,
// tracking number and link, status, days on the way and last event;
// filters for stuck, problem and long-travelling parcels and by status; a
// timeline per shipment; the tracking numbers still waiting for their
// order. The dashboard's shipment counts link here (?status=, ?filter=).
import {
  Anchor,
  Badge,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconExternalLink, IconRefresh, IconTimeline } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { numeric } from '../../components/HeadRow';
import { PagedTable, StatusAndSearch, useParamFilter, usePagedSearch } from '../../components/PagedTable';
import { useEffect, useState } from 'react';
import {
  notifyError,
  notifySuccess,
  openExternal,
  SHIPMENT_STATUSES,
  shipping,
  shippingKeys,
  type ShipmentFilter,
  type ShipmentRow,
  type TrackReport,
  useJob,
} from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { formatDateTime, formatNumber, humanize } from '../../lib/format';
import { countOf } from '../../lib/plural';
import { HandlingTimeButton } from './HandlingTime';
import { CarrierKeysButton } from './Keys';
import { TimelineDrawer } from './Timeline';
import { UnmatchedList } from './Unmatched';

const PAGE = 50;
type View = 'all' | 'stuck' | 'problems' | 'long';

export default function ShipmentsPage() {
  const { search, setSearch, offset, setOffset } = usePagedSearch();
  const [viewParam, setView] = useParamFilter('filter', () => setOffset(0), 'all');
  const view = viewParam as View;
  const [status, setStatus] = useParamFilter('status', () => setOffset(0));
  const [days, setDays] = useState(7);
  const [open, setOpen] = useState<ShipmentRow | null>(null);
  const qc = useQueryClient();

  const filter: ShipmentFilter = {
    status,
    stuck: view === 'stuck',
    stuckDays: 0,
    problems: view === 'problems',
    inTransitOver: view === 'long' ? days : 0,
    search: search.trim(),
    limit: PAGE,
    offset,
  };
  const list = useQuery({ queryKey: shippingKeys.list(filter), queryFn: () => shipping.list(filter), placeholderData: keepPreviousData });
  const counts = useQuery({ queryKey: shippingKeys.counts, queryFn: shipping.counts });
  const [trackJob, setTrackJob] = useState<string | null>(null);
  const start = useMutation({ mutationFn: shipping.startTrack, onSuccess: setTrackJob, onError: (e) => notifyError(e, 'Tracking failed') });
  const job = useJob<TrackReport>(trackJob);
  useEffect(() => {
    if (!trackJob || !job.done) return;
    setTrackJob(null);
    qc.invalidateQueries({ queryKey: shippingKeys.all });
    if (job.error) {
      notifyError(job.error, 'Tracking failed');
      return;
    }
    const rep = job.result;
    if (!rep) return;
    if (rep.noKeys) {
      notifySuccess('Add a free DHL or USPS developer key under Carrier keys to keep statuses current.', 'No carrier API key is set');
      return;
    }
    const asked = rep.carriers.reduce((n, c) => n + c.asked, 0);
    const changed = rep.carriers.reduce((n, c) => n + c.changed, 0);
    const stopped = rep.carriers.filter((c) => c.stopped).map((c) => c.stopped);
    notifySuccess(
      `${countOf(asked, 'shipment')} checked, ${countOf(changed, 'status change', 'status changes')}.${stopped.length ? ' ' + stopped.join(' ') : ''}`,
      'Carriers asked',
    );
  }, [trackJob, job.done, job.error, job.result, qc]);


  const c = counts.data;
  const total = list.data?.total ?? 0;
  const rows = list.data?.rows ?? [];
  return (
    <Stack gap="sm" data-testid="shipments-page">
      <PageHeader
        title="Shipments"
        description="Every parcel with its carrier, tracking link and latest news. Statuses come from your store, your tracking files and, with your own carrier API keys, from the carriers."
        right={
          <Group gap="xs">
            <HandlingTimeButton />
            <CarrierKeysButton />
            {trackJob ? (
              <Button variant="light" color="gray" onClick={() => job.cancel()} data-testid="shipments-track-cancel">
                Stop asking{job.progress?.done ? ` (${formatNumber(job.progress.done)} asked)` : ''}
              </Button>
            ) : (
              <Button
                variant="light"
                leftSection={<IconRefresh size={16} />}
                loading={start.isPending}
                onClick={() => start.mutate()}
                data-testid="shipments-track-now"
              >
                Ask the carriers now
              </Button>
            )}
          </Group>
        }
      />
      {c && c.unmatched > 0 && <UnmatchedList count={c.unmatched} />}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label="Which shipments"
          value={view}
          onChange={setView}
          data={[
            { value: 'all', label: 'All' },
            { value: 'stuck', label: `Stuck${c ? ` (${formatNumber(c.stuck)})` : ''}` },
            { value: 'problems', label: `Problems${c ? ` (${formatNumber((c.byStatus['exception'] ?? 0) + (c.byStatus['failed_attempt'] ?? 0))})` : ''}` },
            { value: 'long', label: 'On the way long' },
          ]}
          data-testid="shipments-view"
        />
        {view === 'long' && (
          <NumberInput
            label="Days on the way, more than"
            value={days}
            min={1}
            max={365}
            w={190}
            onChange={(v) => {
              setDays(typeof v === 'number' ? v : 7);
              setOffset(0);
            }}
            data-testid="shipments-days"
          />
        )}
        <StatusAndSearch
          name="shipments"
          status={status}
          onStatus={setStatus}
          options={SHIPMENT_STATUSES.map((s) => ({ value: s, label: `${humanize(s)}${c ? ` (${formatNumber(c.byStatus[s] ?? 0)})` : ''}` }))}
          searchLabel="Order or tracking number"
          search={search}
          onSearch={setSearch}
          statusWidth={230}
          searchWidth={240}
        />
      </Group>
      <PagedTable
        name="shipments"
        label="Shipments"
        columns={['Order', 'Customer', 'Carrier', 'Tracking number', 'Status', ...numeric('Days'), 'Last event', { label: 'Timeline', hidden: true }]}
        rowCount={rows.length}
        loading={list.isLoading}
        empty={view === 'all' && !status && !search ? 'No shipments yet. Import a tracking file from your label tool on the Import screen.' : 'No shipment fits these filters.'}
        total={total}
        noun="shipment"
        offset={offset}
        page={PAGE}
        onOffset={setOffset}
      >
        {rows.map((r) => (
          <ShipmentLine key={r.id} r={r} onTimeline={() => setOpen(r)} />
        ))}
      </PagedTable>
      <TimelineDrawer shipment={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}

function ShipmentLine({ r, onTimeline }: { r: ShipmentRow; onTimeline: () => void }) {
  return (
    <Table.Tr data-testid="shipment-row">
      <Table.Td>{r.orderName}</Table.Td>
      <Table.Td>{r.customerName || r.email}</Table.Td>
      <Table.Td data-testid="shipment-carrier">
        {r.carrier ? (
          r.carrier
        ) : (
          <Text span size="sm" c="dimmed">
            Unknown carrier
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {r.trackingUrl ? (
          <Anchor
            component="button"
            type="button"
            ff="monospace"
            size="sm"
            onClick={() => openExternal(r.trackingUrl)}
            data-testid="shipment-link"
            data-href={r.trackingUrl}
            aria-label={`Track ${r.trackingNumber} with ${r.carrier} (opens your browser)`}
          >
            {r.trackingNumber} <IconExternalLink size={12} aria-hidden />
          </Anchor>
        ) : (
          <Text span size="sm" ff="monospace">
            {r.trackingNumber}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <StatusBadge kind="shipment" status={r.status} testId="shipment-status" />
          {r.stuck && (
            <Badge size="sm" radius="sm" variant="outline" color="orange" styles={{ root: { textTransform: 'none' } }}>
              Stuck
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td style={{ textAlign: 'right' }} className="tabular">
        {formatNumber(r.daysInTransit)}
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={1} title={r.lastEvent}>
          {r.lastEvent}
        </Text>
        {r.lastEventAt && (
          <Text size="xs" c="dimmed">
            {formatDateTime(r.lastEventAt)}
          </Text>
        )}
        {r.checkError && (
          <Text size="xs" c="red.8" data-testid="shipment-check-error">
            {r.checkError}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconTimeline size={14} aria-hidden />}
          onClick={onTimeline}
          aria-label={`Timeline of ${r.trackingNumber}`}
          data-testid="shipment-timeline"
        >
          Timeline
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

