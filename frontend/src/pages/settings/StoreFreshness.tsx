// The dashboard's line about the connected stores: how fresh each one's
// data is, so the seller knows the numbers above are current (or not).
import { Anchor, Group, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { onStoresSynced, storeKeys, stores } from '../../api/stores';
import { freshness, isStale } from './storeWords';

export function StoreFreshness() {
  const qc = useQueryClient();
  const q = useQuery({ queryKey: storeKeys.list, queryFn: stores.list, refetchOnMount: 'always', refetchInterval: 60_000 });
  useEffect(
    () =>
      onStoresSynced(() => {
        void qc.invalidateQueries({ queryKey: storeKeys.all });
        void qc.invalidateQueries({ queryKey: ['shop'] });
        void qc.invalidateQueries({ queryKey: ['coupons'] }); // orders' discount codes redeem coupons
      }),
    [qc],
  );
  const list = q.data?.stores ?? [];
  if (!q.data || list.length === 0) return null;
  const now = q.data.now;
  return (
    <Group gap="xs" data-testid="dash-store-freshness">
      <Text size="sm" c="dimmed">
        Store data:
      </Text>
      {list.map((s, i) => (
        <Text key={s.id} size="sm" c={isStale(s, now) ? 'orange.9' : 'dimmed'} data-testid="dash-store" data-store={s.name}>
          {s.name} {s.syncing ? 'syncing now' : freshness(s, now).toLowerCase()}
          {s.lastRun?.status === 'failed' ? ' (last sync failed)' : ''}
          {i < list.length - 1 ? ' ·' : ''}
        </Text>
      ))}
      <Anchor component={Link} to="/settings" size="sm">
        Stores
      </Anchor>
    </Group>
  );
}
