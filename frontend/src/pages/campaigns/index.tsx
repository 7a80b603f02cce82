// Marketing > Campaigns: every campaign with its progress (the sample's A and
// B, the winner, the rest), what each version did (sent, redeemed, revenue,
// replies), and the form that writes a new one (CampaignForm). The list is
// read again every few seconds while something is under way; reading it also
// chooses the A/B winners that are due (app/campaigns.go).
import { Alert, Badge, Button, Group, Paper, Progress, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconSend } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { normalizeError, notifyError, notifySuccess } from '../../api';
import { campaignKeys, campaignsApi, type Campaign, type CampaignPart } from '../../api/campaigns';
import { HeadRow, NumCell, NumCells, numeric } from '../../components/HeadRow';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, formatMoney, formatNumber } from '../../lib/format';
import { countOf } from '../../lib/plural';
import { CampaignForm, ConfirmSend } from './CampaignForm';

const statusColor: Record<string, string> = {
  draft: 'gray',
  scheduled: 'blue',
  testing: 'violet',
  sending: 'indigo',
  sent: 'green',
  cancelled: 'gray',
};

const statusWords: Record<string, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  testing: 'Testing A and B',
  sending: 'Sending',
  sent: 'Sent',
  cancelled: 'Cancelled',
};

function partName(p: CampaignPart) {
  if (p.group === 'rest') return 'The rest (the winner)';
  return `Sample ${p.group}`;
}

function PartRow({ p }: { p: CampaignPart }) {
  const done = p.recipients > 0 ? ((p.sent + p.failed) / p.recipients) * 100 : 0;
  return (
    <Table.Tr data-testid={`campaign-part-${p.group}`}>
      <Table.Td>{partName(p)}</Table.Td>
      <NumCells values={[p.recipients, p.queued]} />
      <NumCell value={p.sent} testId={`campaign-part-${p.group}-sent`} />
      <NumCell value={p.failed} />
      <Table.Td w={140}>
        <Progress value={done} size="sm" aria-label={`${partName(p)}: ${Math.round(done)} % sent`} />
      </Table.Td>
    </Table.Tr>
  );
}

function CampaignCard({ c, onChanged }: { c: Campaign; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<string | null>(null);
  const send = async (yes: boolean) => {
    setBusy(true);
    try {
      await campaignsApi.send(c.id, yes);
      setConfirm(null);
      notifySuccess('Its emails are in the outbox; automatic sending sends them.', 'Campaign started');
      onChanged();
    } catch (e) {
      const err = normalizeError(e);
      if (err.code === 'conflict' && !yes && err.message.includes('confirm')) setConfirm(err.message);
      else notifyError(err, 'The campaign was not sent');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md" radius="md" data-testid={`campaign-${c.id}`}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Title order={2} size="h5">
            {c.name}
          </Title>
          <Text size="sm" c="dimmed">
            To {c.segmentName}
            {c.audience > 0 ? ` · ${countOf(c.audience, 'recipient')}` : ''}
            {c.test ? ` · A/B test of the ${c.test}, ${c.samplePct} % sample, decided by ${c.decideBy}` : ''}
            {c.coupon ? ' · a coupon each' : ''}
          </Text>
        </div>
        <Badge color={statusColor[c.status] ?? 'gray'} variant="light" data-testid={`campaign-${c.id}-status`}>
          {statusWords[c.status] ?? c.status}
        </Badge>
      </Group>
      {c.status === 'draft' && (
        <Group mt="sm">
          <Button size="xs" leftSection={<IconSend size={14} aria-hidden />} loading={busy} onClick={() => void send(false)} data-testid={`campaign-${c.id}-send`}>
            Send
          </Button>
          <Button
            size="xs"
            variant="default"
            disabled={busy}
            onClick={() => void campaignsApi.cancel(c.id).then(onChanged, (e) => notifyError(e, 'The campaign was not cancelled'))}
          >
            Cancel campaign
          </Button>
        </Group>
      )}
      {c.sampleAt && c.status === 'scheduled' && (
        <Text size="sm" mt="xs">
          The first emails go at {formatDateTime(c.sampleAt)}.
        </Text>
      )}
      {c.status === 'testing' && c.decideAt && (
        <Text size="sm" mt="xs" data-testid={`campaign-${c.id}-decide-at`}>
          The winner is chosen at {formatDateTime(c.decideAt)}, by {c.decideBy}; the rest get it then.
        </Text>
      )}
      {c.decision && (
        <Alert mt="xs" color={c.winner === 'B' ? 'violet' : 'indigo'} variant="light" data-testid={`campaign-${c.id}-decision`}>
          {c.decision}
        </Alert>
      )}
      {Object.keys(c.skipped ?? {}).length > 0 && (
        <Text size="xs" c="dimmed" mt="xs">
          Left out at the start: {Object.entries(c.skipped).map(([why, n]) => `${formatNumber(n)} (${why})`).join(', ')}.
        </Text>
      )}
      {(c.parts?.length ?? 0) > 0 && (
        <Table fz="sm" mt="sm" verticalSpacing={4} aria-label={`Progress of ${c.name}`}>
          <HeadRow columns={['Part', ...numeric('Recipients', 'Queued', 'Sent', 'Not sent'), 'Progress']} />
          <Table.Tbody>
            {c.parts.map((p) => (
              <PartRow key={p.group} p={p} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {(c.variants?.length ?? 0) > 0 && (
        <Table fz="sm" mt="sm" verticalSpacing={4} aria-label={`Results of ${c.name} by version`}>
          <HeadRow columns={['Version', 'Subject', ...numeric('Sent', 'Redeemed', 'Revenue', 'Replies')]} />
          <Table.Tbody>
            {c.variants.map((v) => (
              <Table.Tr key={v.name} data-testid={`campaign-variant-${v.name}`}>
                <Table.Td>
                  {v.name}
                  {c.winner === v.name ? ' (winner)' : ''}
                </Table.Td>
                <Table.Td>{v.subject}</Table.Td>
                <NumCells values={[v.sent, v.redeemed, formatMoney(v.revenue, c.currency), v.replied]} />
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmSend message={confirm} busy={busy} onConfirm={() => void send(true)} onClose={() => setConfirm(null)} />
    </Paper>
  );
}

export default function CampaignsPage() {
  const qc = useQueryClient();
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: campaignKeys.list,
    queryFn: campaignsApi.list,
    refetchInterval: (q) => ((q.state.data ?? []).some((c) => c.status !== 'sent' && c.status !== 'cancelled' && c.status !== 'draft') ? 5000 : false),
  });
  const refresh = () => void qc.invalidateQueries({ queryKey: campaignKeys.all });
  return (
    <Stack gap="md">
      <PageHeader
        title="Campaigns"
        description="One-off emails to a segment, now or at a time, with an A/B test if you like. Only customers who agreed to marketing email get them."
        right={
          !creating && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="campaign-new">
              New campaign
            </Button>
          )
        }
      />
      {creating && (
        <CampaignForm
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            refresh();
          }}
        />
      )}
      {list.isLoading && <Skeleton h={120} />}
      {list.error && <Alert color="red">{normalizeError(list.error).message}</Alert>}
      {list.data && list.data.length === 0 && !creating && (
        <Text c="dimmed" size="sm">
          No campaigns yet. Write one with New campaign.
        </Text>
      )}
      {list.data?.map((c) => (
        <CampaignCard key={c.id} c={c} onChanged={refresh} />
      ))}
    </Stack>
  );
}
