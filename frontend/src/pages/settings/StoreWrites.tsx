// What Shopclerk may write to a store, one switch each (off until the
// seller turns them on), what waits to be written and why, and the list of
// what was written. Coupons become discount codes before their emails may
// go; stock received on a purchase order is added in the store by
// compare-and-set, so a sale in the store is never overwritten; tags
// Shopclerk sets and holds on orders held for review are set there too. A
// write the platform's API cannot make (Etsy: coupons, tags, holds) stays
// off, with the reason under it.
import { Alert, Badge, Button, Group, Stack, Switch, Table, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { normalizeError, notifyError, notifySuccess } from '../../api';
import { storeKeys, stores, type StoreView, type StoreWrites } from '../../api/stores';
import { HeadRow } from '../../components/HeadRow';
import { formatDateTime } from '../../lib/format';
import { countOf } from '../../lib/plural';

/** The write-back switches, in the order the Settings page shows them. */
const SWITCHES: [keyof StoreWrites, string][] = [
  ['coupons', 'Make every coupon Shopclerk issues a discount code in the store (its email waits until the code exists)'],
  ['stock', "Add stock received on purchase orders to the store's stock (a sale in between is never overwritten)"],
  ['tags', "Set the tags Shopclerk gives customers (yours, your flows', the customer's segment and your own segments, as “segment: NAME”) and held orders in the store"],
  ['holds', 'Put orders held for review on hold in the store until you release them in Shopclerk'],
];

export function WriteSwitches({ s }: { s: StoreView }) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState<keyof StoreWrites | null>(null);
  const [error, setError] = useState('');
  const [pushing, setPushing] = useState(false);
  const set = (k: keyof StoreWrites, on: boolean) => {
    setBusy(k);
    setError('');
    stores.setWrites(s.id, { ...s.writes, [k]: on }).then(
      () => {
        setBusy(null);
        void qc.invalidateQueries({ queryKey: storeKeys.all });
      },
      (e) => {
        setBusy(null);
        setError(normalizeError(e).message);
      },
    );
  };
  const retry = () => {
    setPushing(true);
    stores.push(s.id).then(
      (r) => {
        setPushing(false);
        void qc.invalidateQueries({ queryKey: storeKeys.all });
        if (r.waiting) notifyError(new Error(r.error ?? ''), `${countOf(r.waiting, 'write')} still wait`);
        else notifySuccess(`${countOf(r.done, 'write')} made in ${s.name}`);
      },
      (e) => {
        setPushing(false);
        notifyError(e, `Could not write to ${s.name}`);
      },
    );
  };
  return (
    <Stack gap={6} mt="sm" data-testid="store-writes">
      <Text size="sm" fw={600} component="h4" m={0}>
        Write to {s.name}
      </Text>
      {SWITCHES.map(([k, label]) => (
        <Switch
          key={k}
          label={label}
          description={s.unwritable?.[k] || undefined}
          checked={s.writes[k] && !s.unwritable?.[k]}
          disabled={busy !== null || !!s.unwritable?.[k]}
          onChange={(e) => set(k, e.currentTarget.checked)}
          data-testid={`store-write-${k}`}
        />
      ))}
      {error && (
        <Alert color="orange" variant="light" role="alert" data-testid="store-writes-error">
          {error}
        </Alert>
      )}
      {s.waiting > 0 && (
        <Group gap="xs" data-testid="store-writes-waiting">
          <Text size="sm" c="orange.9">
            {countOf(s.waiting, 'write')} waiting{s.writeError ? `: ${s.writeError}` : ''}
          </Text>
          <Button size="xs" variant="default" onClick={retry} loading={pushing} data-testid="store-writes-retry">
            Retry now
          </Button>
        </Group>
      )}
    </Stack>
  );
}

const KIND_WORD: Record<string, string> = { coupon: 'Discount code ', stock: 'Stock of ', tag: 'Tag: ', hold: 'Order: ' };
const STATUS_COLOR: Record<string, string> = { done: 'green', skipped: 'gray', pending: 'orange', applying: 'blue' };
const STATUS_WORD: Record<string, string> = { done: 'written', skipped: 'not needed', pending: 'waiting', applying: 'writing' };

/** The newest writes to every store. */
export function WriteHistory() {
  const q = useQuery({ queryKey: storeKeys.writes(0), queryFn: () => stores.writes(0, 50), refetchOnMount: 'always' });
  const rows = q.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="store-write-history">
      <Text fw={600} size="sm" component="h3" m={0}>
        Written to your stores
      </Text>
      <Table withTableBorder fz="sm" verticalSpacing={6}>
        <HeadRow columns={['Queued', 'Store', 'What', 'Result']} />
        <Table.Tbody>
          {rows.map((w) => (
            <Table.Tr key={w.id} data-testid="store-write-row" data-subject={w.subject}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(w.createdAt)}</Table.Td>
              <Table.Td>{w.storeName}</Table.Td>
              <Table.Td>
                {KIND_WORD[w.kind] ?? ''}
                <Text span ff="monospace" size="sm">
                  {w.subject}
                </Text>
              </Table.Td>
              <Table.Td maw={380}>
                <Badge size="sm" variant="light" color={STATUS_COLOR[w.status] ?? 'gray'}>
                  {STATUS_WORD[w.status] ?? w.status}
                </Badge>
                {(w.lastError || w.note) && (
                  <Text size="xs" c={w.lastError ? 'orange.9' : 'dimmed'} lineClamp={3}>
                    {w.lastError || w.note}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
