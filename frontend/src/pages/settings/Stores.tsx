// Settings > Stores: the seller's Shopify and WooCommerce stores. Connect
// one (tested before it is saved), test it again, remove it; sync one or
// all of them as a job with a progress bar and cancel; how often they sync
// while the app is open; and the sync history (when, what came in, errors).
import { Alert, Badge, Button, Group, Paper, Popover, Progress, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { notifyError, notifySuccess, useJob } from '../../api';
import { onStoresSynced, storeKeys, stores, type StoreAdded, type StoreView, type SyncResult } from '../../api/stores';
import { HeadRow, numeric } from '../../components/HeadRow';
import { formatDateTime, formatNumber } from '../../lib/format';
import { countOf } from '../../lib/plural';
import { StoreForm } from './StoreForm';
import { WriteHistory, WriteSwitches } from './StoreWrites';
import { freshness, isStale, KIND_LABEL, runCounts, SCHEDULES } from './storeWords';

// The sync job under way outlives the screen: leaving Settings and coming
// back shows its progress again.
let running: { id: string; label: string } | null = null;
const listeners = new Set<() => void>();
function setRunning(r: typeof running) {
  running = r;
  listeners.forEach((l) => l());
}
function useRunningSync() {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => running,
  );
}

export function StoresSettings() {
  const qc = useQueryClient();
  // Always fresh on arrival (syncs and writes happen while the seller is
  // elsewhere) and every minute while here, so "synced 5 minutes ago" ages.
  const list = useQuery({ queryKey: storeKeys.list, queryFn: stores.list, refetchOnMount: 'always', refetchInterval: 60_000 });
  const [adding, setAdding] = useState(false);
  const [tested, setTested] = useState<StoreAdded | null>(null);
  const refresh = useCallback(() => {
    void qc.invalidateQueries({ queryKey: storeKeys.all });
    void qc.invalidateQueries({ queryKey: ['shop'] });
    void qc.invalidateQueries({ queryKey: ['coupons'] }); // orders' discount codes redeem coupons
    void qc.invalidateQueries({ queryKey: ['inventory'] });
  }, [qc]);
  useEffect(() => onStoresSynced(refresh), [refresh]);
  const cur = useRunningSync();
  const startSync = (ids: number[], label: string) => {
    stores.sync(ids).then((id) => setRunning({ id, label }), (e) => notifyError(e, 'Could not start the sync'));
  };
  const all = list.data?.stores ?? [];
  const now = list.data?.now ?? new Date().toISOString();
  return (
    <Stack gap="md" maw={980} data-testid="settings-stores">
      <Text size="sm" c="dimmed">
        Connect your Shopify, WooCommerce or Etsy store and Shopclerk brings in its orders (with tracking), customers and their consent,
        products, stock and abandoned carts with their recovery links, by itself while the app is open. Spreadsheet imports
        still work and meet the same records.
      </Text>
      <Group justify="space-between" align="flex-end">
        <Group>
          <Button onClick={() => setAdding(true)} disabled={adding} data-testid="store-add">
            Add a store
          </Button>
          <Button variant="default" onClick={() => startSync([], 'every store')} disabled={!!cur || all.length === 0} data-testid="store-sync-all">
            Sync all
          </Button>
        </Group>
        <ScheduleSelect />
      </Group>
      {cur && <SyncProgress key={cur.id} id={cur.id} label={cur.label} onDone={refresh} />}
      {adding && (
        <StoreForm
          onCancel={() => setAdding(false)}
          onAdded={(a) => {
            setAdding(false);
            setTested(a);
            refresh();
            notifySuccess(`${a.store.name} is connected`);
          }}
        />
      )}
      {tested && <TestResult r={tested} onClose={() => setTested(null)} />}
      {list.error && <Alert color="red">{(list.error as Error).message}</Alert>}
      {list.isSuccess && all.length === 0 && !adding && (
        <Text size="sm" data-testid="stores-empty">
          No store is connected yet.
        </Text>
      )}
      {all.map((s) => (
        <StoreCard key={s.id} s={s} now={now} busy={!!cur} onSync={() => startSync([s.id], s.name)} onTested={setTested} onRemoved={refresh} />
      ))}
      {all.length > 0 && <SyncHistory />}
      {all.length > 0 && <WriteHistory />}
    </Stack>
  );
}

function ScheduleSelect() {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: storeKeys.schedule, queryFn: stores.schedule });
  const data = SCHEDULES.some((s) => s.value === q.data) || !q.data ? SCHEDULES : [...SCHEDULES, { value: q.data, label: q.data }];
  return (
    <Select
      label="Sync by itself"
      data={data}
      value={q.data ?? null}
      allowDeselect={false}
      onChange={(v) =>
        v &&
        stores.setSchedule(v).then(
          () => void qc.invalidateQueries({ queryKey: storeKeys.schedule }),
          (e) => notifyError(e, 'Schedule not saved'),
        )
      }
      w={240}
      data-testid="store-schedule"
    />
  );
}

function SyncProgress({ id, label, onDone }: { id: string; label: string; onDone: () => void }) {
  const job = useJob<SyncResult[]>(id);
  useEffect(() => {
    if (!job.done) return;
    setRunning(null);
    onDone();
    if (job.error) {
      notifyError(job.error, 'Sync stopped');
      return;
    }
    const res = job.result ?? [];
    const failed = res.filter((r) => r.error);
    if (failed.length) notifyError(new Error(failed.map((r) => `${r.store}: ${r.error}`).join('\n')), 'Sync failed');
    else notifySuccess(res.map((r) => `${r.store}: ${runCounts(r)}`).join('\n'), 'Synced');
  }, [job.done, job.error, job.result, onDone]);
  const fraction = job.fraction ?? 0;
  return (
    <Paper withBorder p="sm" radius="md" data-testid="store-sync-progress">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text size="sm" fw={500} aria-live="polite">
            {job.progress?.message || `Syncing ${label}…`}
          </Text>
          <Button size="xs" variant="default" onClick={() => void job.cancel()} data-testid="store-sync-cancel">
            Cancel
          </Button>
        </Group>
        <Progress value={Math.max(4, fraction * 100)} animated size="lg" aria-label={`Syncing ${label}`} />
      </Stack>
    </Paper>
  );
}

function TestResult({ r, onClose }: { r: StoreAdded; onClose: () => void }) {
  const missing = r.shop.missing ?? [];
  return (
    <Alert
      color={missing.length ? 'orange' : 'green'}
      variant="light"
      withCloseButton
      closeButtonLabel="Close"
      onClose={onClose}
      title={missing.length ? `${r.store.name} answered, but permissions are missing` : `${r.store.name} answered`}
      data-testid="store-test-result"
    >
      <Stack gap={4}>
        <Text size="sm">
          Connected to “{r.shop.name}” ({r.shop.domain}), selling in {r.shop.currency || 'an unknown currency'}, time zone{' '}
          {r.shop.timeZone || 'unknown'}.
        </Text>
        {missing.map((m) => (
          <Text size="sm" key={m} data-testid="store-test-missing">
            Missing: {m}
          </Text>
        ))}
        {(r.shop.notes ?? []).map((n) => (
          <Text size="sm" key={n}>
            {n}
          </Text>
        ))}
        {r.secretsInFile && (
          <Text size="sm">No system keychain was found: the secret is kept in a file only you can read, next to the shop.</Text>
        )}
      </Stack>
    </Alert>
  );
}

function StoreCard({
  s,
  now,
  busy,
  onSync,
  onTested,
  onRemoved,
}: {
  s: StoreView;
  now: string;
  busy: boolean;
  onSync: () => void;
  onTested: (a: StoreAdded) => void;
  onRemoved: () => void;
}) {
  const [testing, setTesting] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const run = s.lastRun;
  const test = () => {
    setTesting(true);
    stores.test(s.id).then(
      (a) => {
        setTesting(false);
        onTested(a);
      },
      (e) => {
        setTesting(false);
        notifyError(e, `${s.name} did not answer`);
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" data-testid="store-card" data-store={s.name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} component="h3" size="md" m={0}>
              {s.name}
            </Text>
            <Badge variant="light">{KIND_LABEL[s.kind as keyof typeof KIND_LABEL] ?? s.kind}</Badge>
            {s.currency && <Badge variant="outline" color="gray">{s.currency}</Badge>}
          </Group>
          <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {s.url}
          </Text>
          <Text size="sm" c={isStale(s, now) ? 'orange.9' : undefined} data-testid="store-freshness">
            {s.syncing ? 'Syncing now…' : freshness(s, now)}
          </Text>
          {run && run.status === 'failed' && (
            <Text size="sm" c="red.9" data-testid="store-last-error">
              Last sync failed: {run.message}
            </Text>
          )}
          {run && run.status === 'done' && (
            <Text size="xs" c="dimmed">
              Last sync: {runCounts(run)}
            </Text>
          )}
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" onClick={onSync} disabled={busy} data-testid="store-sync">
            Sync
          </Button>
          <Button size="xs" variant="default" onClick={test} loading={testing} data-testid="store-test">
            Test connection
          </Button>
          <Popover opened={confirm} onChange={setConfirm} withArrow position="bottom-end" trapFocus returnFocus>
            <Popover.Target>
              <Button size="xs" variant="subtle" color="red" onClick={() => setConfirm((o) => !o)} data-testid="store-remove">
                Remove
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <Stack gap="xs" maw={280}>
                <Text size="sm">
                  Disconnect {s.name}? Its orders, customers and products stay in the shop; its secret leaves the keychain.
                </Text>
                <Group gap="xs">
                  <Button
                    size="xs"
                    color="red"
                    data-testid="store-remove-confirm"
                    onClick={() => {
                      setConfirm(false);
                      stores.remove(s.id).then(() => {
                        notifySuccess(`${s.name} is disconnected`);
                        onRemoved();
                      }, notifyError);
                    }}
                  >
                    Disconnect
                  </Button>
                  <Button size="xs" variant="default" onClick={() => setConfirm(false)}>
                    Keep it
                  </Button>
                </Group>
              </Stack>
            </Popover.Dropdown>
          </Popover>
        </Group>
      </Group>
      <WriteSwitches s={s} />
    </Paper>
  );
}

const STATUS_COLOR: Record<string, string> = { done: 'green', failed: 'red', running: 'blue' };

function SyncHistory() {
  const h = useQuery({ queryKey: storeKeys.history(0), queryFn: () => stores.history(0, 50), refetchOnMount: 'always' });
  const rows = h.data ?? [];
  return (
    <Stack gap="xs" data-testid="store-history">
      <Text fw={600} size="sm" component="h3" m={0}>
        Sync history
      </Text>
      {h.isSuccess && rows.length === 0 && (
        <Text size="sm" c="dimmed">
          No sync yet.
        </Text>
      )}
      {rows.length > 0 && (
        <Table withTableBorder fz="sm" verticalSpacing={6}>
          <HeadRow columns={['When', 'Store', 'What', ...numeric('Created', 'Updated', 'Unchanged', 'Deleted'), 'Result']} />
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.id} data-testid="store-history-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.startedAt)}</Table.Td>
                <Table.Td>{r.storeName}</Table.Td>
                <Table.Td>{r.full ? 'Everything' : 'What changed'}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.counts.created)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.counts.updated)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.counts.unchanged)}</Table.Td>
                <Table.Td ta="right">{formatNumber(r.deleted)}</Table.Td>
                <Table.Td maw={360}>
                  <Badge size="sm" variant="light" color={STATUS_COLOR[r.status] ?? 'gray'}>
                    {r.status === 'done' ? 'done' : r.status}
                  </Badge>
                  {r.message && (
                    <Text size="xs" c={r.status === 'failed' ? 'red.9' : 'dimmed'} lineClamp={3}>
                      {r.message}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {rows.length >= 50 && <Text size="xs" c="dimmed">The newest {countOf(50, 'sync')}.</Text>}
    </Stack>
  );
}
