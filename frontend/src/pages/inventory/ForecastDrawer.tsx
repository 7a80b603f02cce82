// One SKU's sales history and forecast as a chart, with how the forecast was
// made and how well it did on the held-out weeks, and the SKU's own choices:
// manual reorder point, snooze, order once.
import { LineChart } from '@mantine/charts';
import { Button, Drawer, Group, NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError } from '../../api';
import { inventory, inventoryKeys, type History } from '../../api/inventory';
import { countOf } from '../../lib/plural';
import { CLASS_WORDS, maseWords, METHOD_WORDS, Term, words } from './forecastWords';

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function chartData(h: History) {
  const out: { day: string; sold?: number; forecast?: number }[] = [];
  const tail = Math.max(0, h.history.length - 90); // the last 90 days beside 90 ahead
  h.history.slice(tail).forEach((v, i) => out.push({ day: addDays(h.from, tail + i), sold: v }));
  const today = addDays(h.from, h.history.length);
  h.forecast.forEach((v, i) => out.push({ day: addDays(today, i), forecast: Math.round(v * 100) / 100 }));
  return out;
}

export function ForecastDrawer({ sku, onClose }: { sku: string | null; onClose: () => void }) {
  const hist = useQuery({ queryKey: inventoryKeys.history(sku ?? ''), queryFn: () => inventory.history(sku!), enabled: !!sku });
  return (
    <Drawer opened={!!sku} onClose={onClose} position="right" size="xl" title={sku ? `Forecast: ${sku}` : ''}>
      {hist.isPending && <Text c="dimmed">Loading…</Text>}
      {hist.isError && <Text c="red">{hist.error.message}</Text>}
      {hist.data && <ForecastBody h={hist.data} />}
    </Drawer>
  );
}

function ForecastBody({ h }: { h: History }) {
  const p = h.plan;
  const f = p.forecast;
  return (
    <Stack gap="sm" data-testid="forecast-drawer">
      <Text size="sm">{p.title}</Text>
      <div data-testid="forecast-chart">
        <LineChart
          h={260}
          data={chartData(h)}
          dataKey="day"
          withDots={false}
          connectNulls={false}
          series={[
            { name: 'sold', color: 'blue.6', label: 'Sold per day' },
            { name: 'forecast', color: 'orange.6', label: 'Forecast' },
          ]}
          withLegend
        />
      </div>
      <Text size="sm" data-testid="forecast-method">
        Method: <Term term={words(METHOD_WORDS, f.method)[1]} testId="forecast-method-term"><b>{words(METHOD_WORDS, f.method)[0]}</b></Term> (
        <Term term={words(CLASS_WORDS, f.class)[1]}>{words(CLASS_WORDS, f.class)[0]}</Term>, {countOf(f.historyDays, 'day')} of history).{' '}
        {f.holdoutDays > 0 ? (
          <>
            On the last {countOf(f.holdoutDays, 'day')} it was off by {f.mae.toFixed(2)} a day on average:{' '}
            <Term term={`MASE ${f.mase.toFixed(2)} (mean absolute scaled error; below 1 beats the naive guess)`} testId="forecast-mase">
              {maseWords(f.mase)} a naive guess
            </Term>{' '}
            (“same as yesterday”).
          </>
        ) : (
          'Too little history to measure its error yet.'
        )}
      </Text>
      <Text size="sm">
        Next 30 / 60 / 90 days: {Math.round(f.next30)} / {Math.round(f.next60)} / {Math.round(f.next90)}.
      </Text>
      {p.decision && <Text size="sm" fw={500}>{p.decision.explanation}</Text>}
      {p.flags.map((fl) => (
        <Text key={fl.code} size="sm" c="orange">
          {fl.message}
        </Text>
      ))}
      <SKUChoices h={h} />
    </Stack>
  );
}

function SKUChoices({ h }: { h: History }) {
  const qc = useQueryClient();
  const p = h.plan;
  const [rp, setRp] = useState<number | string>(p.decision?.overridden ? p.decision.reorderPoint : '');
  const save = useMutation({
    mutationFn: inventory.setSKUPolicy,
    onSuccess: () => qc.invalidateQueries({ queryKey: ['inventory'] }),
    onError: (e) => notifyError(e),
  });
  const snoozed = !!p.snoozeUntil && new Date(p.snoozeUntil) > new Date();
  return (
    <Stack gap="xs" mt="sm">
      <Group align="flex-end">
        <NumberInput label="Your own reorder point" placeholder="computed" min={0} value={rp} onChange={setRp} w={200} data-testid="forecast-reorder-point" />
        <Button
          variant="light"
          data-testid="forecast-save"
          onClick={() =>
            save.mutate(rp === '' ? { sku: p.sku, clearReorderPoint: true } : { sku: p.sku, reorderPoint: Number(rp) })
          }
        >
          Save
        </Button>
      </Group>
      <Switch
        label="Order once: put it on the next purchase order even above its reorder point"
        checked={p.orderOnce}
        onChange={(e) => save.mutate({ sku: p.sku, orderOnce: e.currentTarget.checked })}
      />
      <Switch
        label="Snooze reordering for 30 days"
        checked={snoozed}
        onChange={(e) =>
          save.mutate({
            sku: p.sku,
            // The zero time ends a snooze.
            snoozeUntil: e.currentTarget.checked ? new Date(Date.now() + 30 * 86400e3).toISOString() : '0001-01-01T00:00:00Z',
          })
        }
      />
    </Stack>
  );
}
