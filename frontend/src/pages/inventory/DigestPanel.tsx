// The low-stock digest on demand. The seller first sees exactly what the email
// would list (a dry run: recipient, subject, every SKU and why it is there),
// then sends it with one click. The backend queues it to the outbox at most
// once per shop day, whoever asks first (this button, the daily schedule or
// `shopclerk reorder --digest`), so a second send says so instead of repeating.
// The panel also says when the daily schedule runs, from the hour the runner
// is built with (InventoryService.DigestSchedule).
import { Alert, Badge, Button, Group, Loader, Modal, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck, IconMailForward, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { normalizeError, shopKeys } from '../../api';
import { inventory, type Digest, type DigestItem, type DigestSchedule } from '../../api/inventory';
import { mail, mailKeys } from '../../api/mail';
import { StatusBadge } from '../../components/StatusBadge';
import { SkuText } from '../../components/SkuText';
import { formatDateTime, formatDay, formatNumber } from '../../lib/format';
import { countOf } from '../../lib/plural';

/** The dry run; not kept once the panel closes, so every opening checks the stock again. */
export const digestPreviewKey = ['inventory', 'digest', 'preview'] as const;
export const digestScheduleKey = ['inventory', 'digest', 'schedule'] as const;

/** The header button and its dialog. */
export function DigestButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" leftSection={<IconMailForward size={16} />} onClick={() => setOpen(true)} data-testid="digest-open">
        Low-stock digest
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Low-stock digest" size="56rem">
        <DigestPanel onClose={() => setOpen(false)} />
      </Modal>
    </>
  );
}

/** True when the preview is one the backend would queue now (its `sendable`). */
export function canSend(d: Digest): boolean {
  return d.sendable && (d.atRisk.length > 0 || d.low.length > 0);
}

function sentence(s: string): string {
  const t = s.trim();
  return t ? t.charAt(0).toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.') : '';
}

const skus = (d: Digest) => [...d.atRisk, ...d.low].map((i) => i.sku).join(' ');

export function DigestPanel({ onClose }: { onClose: () => void }) {
  const qc = useQueryClient();
  const preview = useQuery({
    queryKey: digestPreviewKey,
    queryFn: () => inventory.digest(true),
    staleTime: 0,
    gcTime: 0,
    // what the seller confirms must stay what they saw
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  const send = useMutation({
    mutationFn: () => inventory.digest(false),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['mail'] });
      qc.invalidateQueries({ queryKey: shopKeys.dashboard });
    },
  });

  if (preview.isPending) {
    return (
      <Group gap="sm" py="xl" justify="center" data-testid="digest-loading">
        <Loader size="sm" />
        <Text c="dimmed">Checking today’s stock…</Text>
      </Group>
    );
  }
  if (preview.isError) {
    return (
      <Stack data-testid="digest-panel">
        <Alert color="red" title="The digest could not be prepared" data-testid="digest-error">
          {normalizeError(preview.error).message}
        </Alert>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Close</Button>
          <Button onClick={() => preview.refetch()} loading={preview.isFetching}>Try again</Button>
        </Group>
      </Stack>
    );
  }
  if (send.data) return <DigestResult preview={preview.data} result={send.data} onClose={onClose} />;

  const d = preview.data;
  const empty = d.atRisk.length === 0 && d.low.length === 0;
  const ready = canSend(d);
  return (
    <Stack gap="md" data-testid="digest-panel">
      {d.alreadySent ? (
        <Alert color="blue" title="Today’s digest is already in the outbox" data-testid="digest-already">
          Shopclerk sends the low-stock digest at most once a day, so sending again would add nothing.
          <OutboxStatus id={d.outboxId} />
        </Alert>
      ) : empty ? (
        <Stack align="center" gap={6} py="xl" data-testid="digest-empty">
          <ThemeIcon size={44} radius="xl" variant="light" color="teal">
            <IconCircleCheck size={26} />
          </ThemeIcon>
          <Text fw={600}>Nothing is low today: no digest would be sent</Text>
          <Text size="sm" c="dimmed" ta="center" maw={480}>
            No SKU is at or below its reorder point, and none will sell out before its next delivery can arrive.
          </Text>
        </Stack>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            This is the email that would go out now, from your stock as of {formatDateTime(d.generatedAt)}.
          </Text>
          <Table variant="vertical" withTableBorder layout="fixed" data-testid="digest-envelope">
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={110}>To</Table.Th>
                <Table.Td data-testid="digest-to">{d.to || <Text span c="dimmed" size="sm">no address yet</Text>}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>Subject</Table.Th>
                <Table.Td data-testid="digest-subject">{d.subject}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {!ready && (
            <Alert color="yellow" title="It cannot be sent yet" data-testid="digest-blocked">
              {sentence(d.skipped)} The digest goes to your own address: set up your email account in Settings &gt; Email.
              <SettingsLink />
            </Alert>
          )}
        </>
      )}
      {!empty && <DigestItems digest={d} />}
      <AutoDigestNote />
      {send.isError && (
        <Alert color="red" title="The digest was not sent" data-testid="digest-send-error">
          {normalizeError(send.error).message}
        </Alert>
      )}
      <Group justify="space-between" wrap="nowrap">
        <Text size="xs" c="dimmed">
          {ready ? 'Sending puts it in the Outbox; it leaves your mailbox with the outbox’s next send.' : ''}
        </Text>
        <Group gap="sm" wrap="nowrap">
          <Button variant="default" onClick={onClose} data-testid="digest-close">
            {ready ? 'Cancel' : 'Close'}
          </Button>
          {ready && (
            <Button leftSection={<IconSend size={16} />} loading={send.isPending} onClick={() => send.mutate()} data-testid="digest-send">
              Send to {d.to}
            </Button>
          )}
        </Group>
      </Group>
    </Stack>
  );
}

/**
 * What the daily runner does (app.Startup: runner.NewDaily at DigestHour, checking
 * on start and then hourly): only while the app is open, from the hour on in the
 * shop's time zone, every check tries the day's digest, which is queued by the
 * first one that finds something low (and an email account); a missed morning is
 * caught up the same day, a missed day never.
 */
export function autoDigestNote(s: DigestSchedule): string {
  const at = `${s.hour}:00`;
  return (
    `Shopclerk also puts this digest in the Outbox by itself, once a day: from ${at} (${s.timeZone} time) it checks ` +
    `every hour while Shopclerk is open, and queues the day’s digest at the first check that finds something low. ` +
    `If Shopclerk is closed at ${at}, it checks as soon as you open it; a day it stays closed gets no digest. ` +
    `It is never queued twice on one day, whether you or the schedule sends first.`
  );
}

function AutoDigestNote() {
  const schedule = useQuery({ queryKey: digestScheduleKey, queryFn: inventory.digestSchedule, staleTime: 60_000 });
  if (!schedule.data) return null; // a hint, not worth an error of its own
  return (
    <Text size="xs" c="dimmed" data-testid="digest-schedule">
      {autoDigestNote(schedule.data)}
    </Text>
  );
}

function SettingsLink() {
  const navigate = useNavigate();
  return (
    <Group mt="xs">
      <Button size="xs" variant="light" color="yellow" onClick={() => navigate('/settings')}>
        Open Settings
      </Button>
    </Group>
  );
}

/** The two lists the email carries: at risk first (the urgent one), then at the reorder point. */
export function DigestItems({ digest }: { digest: Digest }) {
  return (
    <Stack gap="md">
      <ItemList title="At risk of selling out before the next delivery" color="red" items={digest.atRisk} testId="digest-at-risk" />
      <ItemList title="At or below the reorder point" color="orange" items={digest.low} testId="digest-low" />
    </Stack>
  );
}

function ItemList({ title, color, items, testId }: { title: string; color: string; items: DigestItem[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <Stack gap={6} data-testid={testId}>
      <Group gap="xs">
        <Text fw={600} size="sm">{title}</Text>
        <Badge color={color} variant="light" size="sm" styles={{ root: { textTransform: 'none' } }}>
          {countOf(items.length, 'SKU')}
        </Badge>
      </Group>
      <Table withTableBorder verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>SKU</Table.Th>
            <Table.Th>Item and why</Table.Th>
            <Table.Th ta="right" w={90} style={{ whiteSpace: 'nowrap' }}>Available</Table.Th>
            <Table.Th ta="right" w={100} style={{ whiteSpace: 'nowrap' }}>Reorder at</Table.Th>
            <Table.Th ta="right" w={70}>Order</Table.Th>
            <Table.Th w={140}>Supplier</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((it) => (
            <Table.Tr key={it.sku} data-testid={`digest-item-${it.sku}`} style={{ verticalAlign: 'top' }}>
              <Table.Td>
                <SkuText sku={it.sku} generated={it.skuGenerated} monospace />
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={500}>{it.title}</Text>
                <Text size="xs" c="dimmed">{it.why}</Text>
              </Table.Td>
              <Table.Td ta="right" c={it.available <= 0 ? 'red' : undefined}>
                {formatNumber(it.available)}
                {it.incoming > 0 && <Text size="xs" c="dimmed">+{formatNumber(it.incoming)} coming</Text>}
              </Table.Td>
              <Table.Td ta="right">{formatNumber(it.reorderPoint)}</Table.Td>
              <Table.Td ta="right">{it.suggest > 0 ? <b>{formatNumber(it.suggest)}</b> : '–'}</Table.Td>
              <Table.Td>
                {it.supplierName ? <Text size="sm">{it.supplierName}</Text> : <Text size="sm" c="dimmed">none linked</Text>}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** The queued message's status in the outbox, read back, so "sent" shows once it has gone. */
function OutboxStatus({ id }: { id: number }) {
  const msg = useQuery({ queryKey: mailKeys.message(id), queryFn: () => mail.message(id), enabled: id > 0 });
  const m = msg.data?.message;
  if (!m) return null;
  return (
    <Group gap="xs" mt="xs" data-testid="digest-outbox-status">
      <Text size="sm">In the outbox:</Text>
      <StatusBadge kind="outbox" status={m.status} testId="digest-outbox-badge" />
      {m.status === 'sent' && m.sentAt && <Text size="sm">{formatDateTime(m.sentAt)}</Text>}
      {m.lastError && m.status !== 'sent' && <Text size="xs" c="dimmed">{m.lastError}</Text>}
    </Group>
  );
}

function DigestResult({ preview, result, onClose }: { preview: Digest; result: Digest; onClose: () => void }) {
  const navigate = useNavigate();
  const changed = result.queued && skus(result) !== skus(preview);
  return (
    <Stack gap="md" data-testid="digest-result">
      {result.queued ? (
        <Alert color="teal" title="Queued to the outbox" data-testid="digest-queued">
          The digest for {formatDay(result.day)} is in the outbox, addressed to {result.to}: “{result.subject}”. It leaves your
          mailbox with the outbox’s next send.
          <OutboxStatus id={result.outboxId} />
        </Alert>
      ) : result.alreadySent ? (
        <Alert color="blue" title="Today’s digest was already in the outbox" data-testid="digest-already">
          Shopclerk sends the low-stock digest at most once a day, so nothing new was added.
          <OutboxStatus id={result.outboxId} />
        </Alert>
      ) : (
        <Alert color="gray" title="Nothing was sent" data-testid="digest-not-sent">
          {sentence(result.skipped)}
        </Alert>
      )}
      {changed && (
        <>
          <Alert color="yellow" title="The stock changed since the preview" data-testid="digest-changed">
            The digest lists what was low when you clicked Send:
          </Alert>
          <DigestItems digest={result} />
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>Close</Button>
        {result.outboxId > 0 && (
          <Button variant="light" onClick={() => navigate('/outbox')} data-testid="digest-open-outbox">
            Open the outbox
          </Button>
        )}
      </Group>
    </Stack>
  );
}
