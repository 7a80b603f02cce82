// The Outbox screen: every message Shopclerk sends from the seller's mailbox,
// by status (queued, sent, deferred, failed, in doubt, bounced, drafts to
// approve), with why each one is where it is (what holds a waiting one back),
// the rendered message, retry / cancel, the automatic-sending switch, a
// progress bar while sending, today's count against the provider's limit and
// what "Read new mail" found.
import { Alert, Button, Code, Drawer, Group, Progress, ScrollArea, SegmentedControl, Stack, Switch, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { notifyError, notifySuccess, useJob } from '../../api';
import { FullHeightPage, PageHeader } from '../../components/PageHeader';
import { StatusBadge } from '../../components/StatusBadge';
import { activatableRow } from '../../components/activatableRow';
import { formatDateTime } from '../../lib/format';
import { mail, mailKeys, onOutboxChanged, type MessageStatus, type OutboxMessage, type SendReport, type SyncResult } from '../../api/mail';
import { recoveryNote, sendSummary } from './recovery';
import { SyncResultPanel } from './SyncResultPanel';
import { DraftEditor } from './DraftEditor';

const STATUSES: { value: MessageStatus | ''; label: string }[] = [
  { value: '', label: 'All' },
  { value: 'queued', label: 'Queued' },
  { value: 'draft', label: 'To approve' },
  { value: 'sent', label: 'Sent' },
  { value: 'deferred', label: 'Deferred' },
  { value: 'failed', label: 'Failed' },
  { value: 'in_doubt', label: 'In doubt' },
  { value: 'bounced', label: 'Bounced' },
  { value: 'cancelled', label: 'Not sent' },
];

export default function OutboxPage() {
  const qc = useQueryClient();
  const [status, setStatus] = useState<string>('');
  const [open, setOpen] = useState<number | null>(null);
  const [sendJob, setSendJob] = useState<string | null>(null);
  const [syncJob, setSyncJob] = useState<string | null>(null);
  const list = useQuery({ queryKey: mailKeys.outbox(status), queryFn: () => mail.list(status) });
  const today = useQuery({ queryKey: mailKeys.today, queryFn: mail.today });
  const send = useJob<SendReport>(sendJob);
  const sync = useJob<SyncResult>(syncJob);
  const [found, setFound] = useState<SyncResult | null>(null);
  const autoSend = useQuery({ queryKey: mailKeys.autoSend, queryFn: mail.autoSend });
  const refresh = () => qc.invalidateQueries({ queryKey: ['mail'] });
  // The automatic sender works while the screen is open: follow it.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => onOutboxChanged(refresh), []);

  useEffect(() => {
    if (send.done) {
      refresh();
      if (send.error) notifyError(send.error, 'Sending stopped');
      else if (send.result) {
        const r = send.result.run;
        const recovered = recoveryNote(send.result.inDoubt);
        notifySuccess(sendSummary(r) + (recovered ? `. ${recovered}` : ''));
      }
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [send.done]);
  useEffect(() => {
    if (sync.done) {
      refresh();
      if (sync.error) notifyError(sync.error, 'Could not read your mailbox');
      else if (sync.result) setFound(sync.result);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sync.done]);

  const startSend = useMutation({ mutationFn: mail.startSend, onSuccess: setSendJob, onError: (e) => notifyError(e) });
  const startSync = useMutation({ mutationFn: mail.startInboxSync, onSuccess: setSyncJob, onError: (e) => notifyError(e) });
  const setAutoSend = useMutation({ mutationFn: mail.setAutoSend, onSuccess: refresh, onError: (e) => notifyError(e) });
  const counts = list.data?.counts ?? {};
  const t = today.data;

  return (
    <FullHeightPage testId="outbox-page">
      <PageHeader
        title="Outbox"
        description="Every email Shopclerk sends from your own mailbox, and why any did not go."
        right={
          <Group>
            <Switch
              label="Send automatically"
              description="Approved mail goes by itself, paced to your provider's limits"
              checked={autoSend.data ?? false}
              disabled={autoSend.data === undefined || setAutoSend.isPending}
              onChange={(e) => setAutoSend.mutate(e.currentTarget.checked)}
              data-testid="outbox-autosend"
            />
            <Button variant="default" loading={sync.running} onClick={() => startSync.mutate()} data-testid="outbox-check-inbox">
              Read new mail
            </Button>
            <Button loading={send.running} onClick={() => startSend.mutate()} data-testid="outbox-send">
              Send now
            </Button>
          </Group>
        }
      />
      <Stack gap="sm">
        {t?.testMode && (
          <Alert color="orange" title="Test mode is on" data-testid="outbox-test-mode">
            Every message goes to {t.testAddress}, not to your customers. Turn it off in Settings &gt; Email.
          </Alert>
        )}
        {t?.pausedUntil && (
          <Alert color="yellow" title="Sending is paused">
            {t.pauseReason} Until {formatDateTime(t.pausedUntil)}.{' '}
            <Button size="xs" variant="subtle" onClick={() => mail.resume().then(refresh, notifyError)}>Resume now</Button>
          </Alert>
        )}
        {t && (
          <Group gap="xs" data-testid="outbox-today">
            <Text size="sm">Sent today: <b>{t.sentToday}</b>{t.perDay > 0 && ` of ${t.perDay}`}</Text>
            {t.perDay > 0 && <Progress w={200} value={Math.min(100, (100 * t.sentToday) / t.perDay)} aria-label="Sent today of the daily limit" />}
          </Group>
        )}
        {send.running && (
          <Stack gap={4} data-testid="outbox-progress">
            <Progress value={(send.fraction ?? 0) * 100} animated aria-label="Sending" />
            <Group justify="space-between">
              <Text size="xs" c="dimmed">{send.progress ? `${send.progress.done} of ${send.progress.total}: ${send.progress.message}` : 'Connecting…'}</Text>
              <Button size="xs" variant="subtle" onClick={() => send.cancel()}>Stop</Button>
            </Group>
          </Stack>
        )}
        {found && <SyncResultPanel result={found} onOpen={setOpen} onClose={() => setFound(null)} />}
        {list.error && <Alert color="red">{(list.error as Error).message}</Alert>}
        <ScrollArea type="auto" offsetScrollbars="x">
        <SegmentedControl
          styles={{ root: { minWidth: 'max-content' }, label: { overflow: 'visible', textOverflow: 'clip' } }}
          value={status}
          onChange={setStatus}
          data={STATUSES.map((s) => ({ value: s.value, label: s.value && counts[s.value as MessageStatus] ? `${s.label} (${counts[s.value as MessageStatus]})` : s.label }))}
          data-testid="outbox-status"
        />
        </ScrollArea>
        <ScrollArea>
          <Table highlightOnHover data-testid="outbox-table">
            <Table.Thead>
              <Table.Tr><Table.Th>To</Table.Th><Table.Th>Subject</Table.Th><Table.Th miw={112}>Status</Table.Th><Table.Th>Why</Table.Th><Table.Th>When</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data?.rows ?? []).map((m) => (
                <Table.Tr key={m.id} data-testid={`outbox-row-${m.id}`} {...activatableRow(() => setOpen(m.id))}>
                  <Table.Td>{m.toName ? `${m.toName} <${m.toAddr}>` : m.toAddr}</Table.Td>
                  <Table.Td>{m.subject}</Table.Td>
                  <Table.Td><StatusBadge kind="outbox" status={m.status} testId={`outbox-status-${m.id}`} /></Table.Td>
                  <Table.Td><Text size="xs" c="dimmed" lineClamp={2} data-testid={`outbox-why-${m.id}`}>{m.why}</Text></Table.Td>
                  <Table.Td><Text size="xs">{formatDateTime(m.sentAt ?? m.createdAt)}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.data && list.data.rows.length === 0 && <Text c="dimmed" ta="center" py="lg">Nothing here.</Text>}
        </ScrollArea>
      </Stack>
      <MessageDrawer id={open} onClose={() => setOpen(null)} onChanged={refresh} />
    </FullHeightPage>
  );
}

function MessageDrawer({ id, onClose, onChanged }: { id: number | null; onClose: () => void; onChanged: () => void }) {
  const detail = useQuery({ queryKey: mailKeys.message(id ?? 0), queryFn: () => mail.message(id ?? 0), enabled: id !== null });
  const act = (fn: () => Promise<void>, done: string) =>
    fn().then(() => { notifySuccess(done); onChanged(); onClose(); }, (e) => notifyError(e));
  const m: OutboxMessage | undefined = detail.data?.message;
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="xl" title={m?.subject ?? 'Message'}>
      {m && (
        <Stack gap="sm" data-testid="outbox-detail">
          <Group><StatusBadge kind="outbox" status={m.status} testId="outbox-detail-status" /><Text size="sm">to {m.toAddr}{m.deliveredTo && m.deliveredTo !== m.toAddr ? ` (test mode: went to ${m.deliveredTo})` : ''}</Text></Group>
          {m.why && <Alert color={m.status === 'bounced' || m.status === 'failed' ? 'red' : 'orange'} data-testid="outbox-detail-why">{m.why}</Alert>}
          {m.serverReply && <Text size="xs" c="dimmed">Server: {m.serverReply}</Text>}
          <Group>
            {(m.status === 'failed' || m.status === 'deferred') && <Button onClick={() => act(() => mail.retry(m.id), 'Queued again')}>Retry</Button>}
            {m.status === 'draft' && <Button onClick={() => act(() => mail.approve(m.id), 'Approved: it goes with the next send')}>Approve and queue</Button>}
            {m.status === 'in_doubt' && (
              <>
                <Button onClick={() => act(() => mail.resolveInDoubt(m.id, true), 'Marked as sent')}>It was sent</Button>
                <Button color="orange" onClick={() => act(() => mail.resolveInDoubt(m.id, false), 'It will be sent again')}>Send it again</Button>
              </>
            )}
            {['queued', 'deferred', 'draft', 'in_doubt', 'failed'].includes(m.status) && (
              <Button variant="default" onClick={() => act(() => mail.cancel(m.id), 'Cancelled')}>Cancel</Button>
            )}
          </Group>
          {m.status === 'draft' && <DraftEditor key={m.id} id={m.id} subject={m.subject} text={m.text} onSaved={() => { detail.refetch(); onChanged(); }} />}
          {m.status === 'draft' ? null : m.html ? (
            <iframe title="rendered message" sandbox="" srcDoc={m.html} style={{ width: '100%', height: 420, border: '1px solid #ddd' }} />
          ) : (
            <Code block>{m.text}</Code>
          )}
          {detail.data?.error && <Alert color="red">This message cannot be built: {detail.data.error}</Alert>}
          {detail.data?.raw && (
            <details>
              <summary>As sent (headers and parts)</summary>
              <Code block style={{ maxHeight: 300, overflow: 'auto' }}>{detail.data.raw}</Code>
            </details>
          )}
        </Stack>
      )}
    </Drawer>
  );
}

