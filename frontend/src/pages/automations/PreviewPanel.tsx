// "Preview what would happen now": every item the enabled flows would do at
// this moment, grouped by flow, each email rendered as the customer will see
// it, each purchase order with its lines, each tag, coupon and task. The
// seller ticks all, some or none, and "Run N approved" does exactly those.
import { BranchChoices } from './PreviewBranches';
import { Alert, Anchor, Badge, Box, Button, Checkbox, Group, Paper, Progress, Skeleton, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconClock, IconEye, IconPlayerPlay } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { errorTitle, normalizeError, notifyError, useJob } from '../../api';
import {
  automations,
  canStartPreview,
  refreshAfterRun,
  startPreview,
  type FlowPlan,
  type PlanItem,
  type POPreview,
  type Preview,
  type RunResult,
} from '../../api/automations';
import { formatDateTime, formatMoney, formatNumber } from '../../lib/format';
import { approvedKeys, flowKeys, initialSelection, selectAll, setKeys, toggle, triState, waitingKeys, type Selection } from './approval';
import { actionCounts, actionLabel } from './describe';
import { ACTION_ICON } from './StepEditors';
import { countOf, plural } from '../../lib/plural';

const PAGE = 25;

export function PreviewPanel() {
  const qc = useQueryClient();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [sel, setSel] = useState<Selection>(new Set());
  const [result, setResult] = useState<RunResult | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob<Preview>(jobId);
  const asJob = canStartPreview();
  const cancelled = useRef(false);
  const [note, setNote] = useState<string | null>(null);

  const show = (p: Preview) => {
    setPreview(p);
    setSel(initialSelection(p));
  };

  const plan = useMutation({
    mutationFn: async () => {
      setResult(null);
      setNote(null);
      if (asJob) {
        setJobId(await startPreview());
        return null;
      }
      return automations.preview();
    },
    onSuccess: (p) => p && show(p),
    onError: (e) => notifyError(e, 'No preview'),
  });

  useEffect(() => {
    if (!job.done) return;
    if (job.result) show(job.result);
    if (job.error) {
      if (cancelled.current) setNote('Preview cancelled; nothing was changed.');
      else notifyError(job.error, 'No preview');
    }
    cancelled.current = false;
    setJobId(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [job.done]);

  const keys = useMemo(() => (preview ? approvedKeys(sel, preview) : []), [sel, preview]);
  const waiting = useMemo(() => (preview ? waitingKeys(sel, preview) : new Set<string>()), [sel, preview]);

  const run = useMutation({
    mutationFn: () => automations.runApproved(keys),
    onSuccess: (r) => {
      setResult(r);
      setPreview(null);
      refreshAfterRun(qc);
    },
    onError: (e) => notifyError(e, 'The run stopped'),
  });

  const planning = plan.isPending || job.running;
  const total = preview ? preview.flows.reduce((n, f) => n + (f.items?.length ?? 0), 0) : 0;

  return (
    <Stack gap="sm" data-testid="preview-panel">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={640}>
          Nothing is sent until you run it. Items that are late or come from a flow that emails many customers at once are not ticked: tick them yourself if they should go.
        </Text>
        <Button leftSection={<IconEye size={16} />} onClick={() => plan.mutate()} loading={planning && !job.running} disabled={planning} data-testid="preview-start">
          {preview ? 'Preview again' : 'Preview what would happen now'}
        </Button>
      </Group>

      {job.running && (
        <Stack gap={4} data-testid="preview-progress">
          <Progress value={(job.fraction ?? 0) * 100} animated striped={job.fraction === null} aria-label="Preparing the preview" />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {job.progress?.message || 'Planning…'}
              {job.progress && job.progress.total > 0 ? ` (${job.progress.done} of ${job.progress.total})` : ''}
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => {
                cancelled.current = true;
                job.cancel().catch(notifyError);
              }}
              data-testid="preview-cancel"
            >
              Cancel
            </Button>
          </Group>
        </Stack>
      )}
      {plan.isPending && !asJob && (
        <Stack gap="xs" data-testid="preview-loading">
          <Skeleton h={24} w={360} />
          <Skeleton h={140} radius="md" />
          <Skeleton h={140} radius="md" />
        </Stack>
      )}
      {plan.isError && (
        <Alert color="red" title={errorTitle(normalizeError(plan.error).code)} data-testid="preview-error">
          {normalizeError(plan.error).message}
        </Alert>
      )}

      {note && (
        <Text size="sm" c="dimmed" data-testid="preview-cancelled">
          {note}
        </Text>
      )}
      {result && <RunResultView result={result} />}

      {preview && !planning && (
        <>
          <Paper withBorder radius="md" p="sm" data-testid="preview-summary" pos="sticky" style={{ zIndex: 5, top: 'var(--app-shell-header-offset, 0px)' }}>
            <Group justify="space-between">
              <Group gap="lg">
                <Text size="sm">
                  <b data-testid="preview-total">{formatNumber(total)}</b> {plural(total, 'item')} in {countOf(preview.flows.length, 'flow')}
                  {preview.late > 0 && (
                    <Text span c="orange" size="sm">
                      {' '}
                      · {preview.late} late
                    </Text>
                  )}
                  {preview.deferred > 0 && (
                    <Text span c="dimmed" size="sm">
                      {' '}
                      · {preview.deferred} deferred (quiet hours or weekly cap)
                    </Text>
                  )}
                </Text>
                <Group gap={4}>
                  <Text size="xs" c="dimmed">
                    Tick:
                  </Text>
                  <Button size="compact-xs" variant="subtle" onClick={() => setSel(selectAll(preview, 'safe'))} data-testid="approve-safe">
                    usual
                  </Button>
                  <Button size="compact-xs" variant="subtle" onClick={() => setSel(selectAll(preview, 'all'))} data-testid="approve-all">
                    all
                  </Button>
                  <Button size="compact-xs" variant="subtle" onClick={() => setSel(selectAll(preview, 'none'))} data-testid="approve-none">
                    none
                  </Button>
                </Group>
              </Group>
              <Button
                leftSection={<IconPlayerPlay size={16} />}
                disabled={keys.length === 0}
                loading={run.isPending}
                onClick={() => run.mutate()}
                data-testid="preview-run"
                data-count={keys.length}
              >
                Run {keys.length} approved
              </Button>
            </Group>
          </Paper>
          {preview.flows.length === 0 && (
            <Paper withBorder radius="md" p="xl" data-testid="preview-empty">
              <Text fw={500}>No flow is switched on</Text>
              <Text size="sm" c="dimmed">
                Switch a flow on in the Flows tab, then preview again.
              </Text>
            </Paper>
          )}
          {preview.flows.map((f) => (
            <FlowPlanView key={f.flowId} plan={f} sel={sel} setSel={setSel} waiting={waiting} />
          ))}
        </>
      )}
      {!preview && !planning && !result && !plan.isError && (
        <Paper withBorder radius="md" p="xl" data-testid="preview-idle">
          <Group wrap="nowrap">
            <ThemeIcon size={44} radius="xl" variant="light" color="gray">
              <IconEye size={24} stroke={1.5} />
            </ThemeIcon>
            <div>
              <Text fw={500}>See exactly what would happen</Text>
              <Text size="sm" c="dimmed">
                The preview checks every switched-on flow against your shop right now and lists each email, coupon, tag and purchase order it would create.
              </Text>
            </div>
          </Group>
        </Paper>
      )}
    </Stack>
  );
}

function RunResultView({ result: r }: { result: RunResult }) {
  const did = actionCounts(r.byAction);
  return (
    <Alert color={r.failed?.length ? 'orange' : 'teal'} title={`Done: ${countOf(r.done, 'item')}`} data-testid="run-result">
      <Stack gap={4}>
        {did && (
          <Text size="sm">
            {did}.
            {(r.byAction?.send_email ?? 0) > 0 && (
              <>
                {' '}
                <Anchor component={Link} to="/outbox" size="sm" data-testid="run-result-outbox">
                  See the emails in the Outbox
                </Anchor>
              </>
            )}
          </Text>
        )}
        {Object.entries(r.byFlow ?? {}).map(([name, n]) => (
          <Text size="sm" key={name}>
            {name}: {n}
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          {r.notApproved} not approved, {r.waiting} waiting for an earlier step, {r.alreadyDone} already done by an earlier run.
        </Text>
        {(r.failed ?? []).map((x) => (
          <Text size="sm" c="red" key={x.key}>
            Failed: {x.summary}: {x.message}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

function TriCheckbox({ sel, keys, setSel, testId, label }: { sel: Selection; keys: string[]; setSel: (s: Selection) => void; testId: string; label: string }) {
  const tri = triState(sel, keys);
  return (
    <Checkbox
      checked={tri === 'all'}
      indeterminate={tri === 'some'}
      disabled={keys.length === 0}
      onChange={() => setSel(setKeys(sel, keys, tri !== 'all'))}
      aria-label={label}
      data-testid={testId}
      data-state={tri}
    />
  );
}

function FlowPlanView({ plan: f, sel, setSel, waiting }: { plan: FlowPlan; sel: Selection; setSel: (s: Selection) => void; waiting: Set<string> }) {
  const [shown, setShown] = useState(PAGE);
  const keys = flowKeys(f);
  const items = (f.items ?? []).filter((it) => !it.purchaseLine || it.problem);
  const firstEmail = items.find((it) => it.email)?.key;
  const skipped = Object.entries(f.skipped ?? {}).filter(([, n]) => n > 0);
  const chosen = keys.filter((k) => sel.has(k)).length;
  return (
    <Paper withBorder radius="md" p="sm" data-testid={`preview-flow-${f.flowId}`}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <TriCheckbox sel={sel} keys={keys} setSel={setSel} testId={`preview-flow-check-${f.flowId}`} label={`Approve everything from ${f.name}`} />
          <div>
            <Title order={5}>{f.name}</Title>
            <Text size="xs" c="dimmed">
              {countOf(f.items?.length ?? 0, 'item')}, {formatNumber(chosen)} ticked
              {f.recipients > 0 ? ` · ${countOf(f.recipients, 'customer')} emailed` : ''}
              {f.deferred > 0 ? ` · ${f.deferred} deferred` : ''}
            </Text>
          </div>
        </Group>
        <Group gap={4}>
          {f.needsConfirm && (
            <Badge color="orange" variant="filled" leftSection={<IconAlertTriangle size={12} />} data-testid={`preview-confirm-${f.flowId}`}>
              Confirm: emails {countOf(f.recipients, 'customer')} at once
            </Badge>
          )}
        </Group>
      </Group>
      {f.error && (
        <Alert color="red" mb="xs" title="This flow cannot run" data-testid={`preview-flow-error-${f.flowId}`}>
          {f.error}
        </Alert>
      )}
      {skipped.length > 0 && (
        <Text size="xs" c="dimmed" mb="xs">
          Left out: {skipped.map(([why, n]) => `${n} ${why}`).join(', ')}
        </Text>
      )}
      <BranchChoices plan={f} />
      {(f.items?.length ?? 0) === 0 && !f.error && (
        <Text size="sm" c="dimmed" data-testid={`preview-flow-empty-${f.flowId}`}>
          Nothing to do right now.
        </Text>
      )}
      <Stack gap="xs">
        {(f.purchaseOrders ?? []).map((po) => (
          <POView key={po.supplierId} po={po} sel={sel} setSel={setSel} />
        ))}
        {items.slice(0, shown).map((it) => (
          <ItemView key={it.key} item={it} sel={sel} setSel={setSel} waiting={waiting.has(it.key)} open={it.key === firstEmail} />
        ))}
        {items.length > shown && (
          <Button variant="subtle" size="xs" onClick={() => setShown((n) => n + PAGE * 4)} data-testid={`preview-more-${f.flowId}`}>
            Show {Math.min(PAGE * 4, items.length - shown)} more of {items.length - shown}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

function POView({ po, sel, setSel }: { po: POPreview; sel: Selection; setSel: (s: Selection) => void }) {
  return (
    <Paper withBorder radius="sm" p="xs" data-testid={`preview-po-${po.supplierId}`}>
      <Group gap="sm" mb={6}>
        <TriCheckbox sel={sel} keys={po.keys ?? []} setSel={setSel} testId={`preview-po-check-${po.supplierId}`} label={`Approve the purchase order for ${po.supplier}`} />
        <Text fw={500} size="sm">
          Draft purchase order to {po.supplier}
        </Text>
        <Text size="sm" c="dimmed">
          {countOf(po.lines.length, 'line')} · {formatMoney(po.total, po.currency)}
        </Text>
      </Group>
      <Table withTableBorder={false} verticalSpacing={2} fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>SKU</Table.Th>
            <Table.Th>Item</Table.Th>
            <Table.Th ta="right">Available</Table.Th>
            <Table.Th ta="right">Reorder at</Table.Th>
            <Table.Th ta="right">Order</Table.Th>
            <Table.Th ta="right">Unit cost</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {po.lines.map((l) => (
            <Table.Tr key={l.sku}>
              <Table.Td>{l.sku}</Table.Td>
              <Table.Td>{l.title}</Table.Td>
              <Table.Td ta="right">{l.available}</Table.Td>
              <Table.Td ta="right">{l.reorderPoint}</Table.Td>
              <Table.Td ta="right">
                <b>{l.quantity}</b>
              </Table.Td>
              <Table.Td ta="right">{formatMoney(l.unitCost, l.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function ItemView({ item: it, sel, setSel, waiting, open }: { item: PlanItem; sel: Selection; setSel: (s: Selection) => void; waiting: boolean; open: boolean }) {
  const [expanded, setExpanded] = useState(open);
  const I = ACTION_ICON[it.action];
  const can = !it.problem;
  return (
    <Box
      p="xs"
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-sm)', opacity: can ? 1 : 0.85 }}
      data-testid="preview-item"
      data-key={it.key}
      data-action={it.action}
      data-late={it.late ? 'true' : 'false'}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Checkbox
          mt={3}
          checked={can && sel.has(it.key)}
          disabled={!can}
          onChange={() => setSel(toggle(sel, it.key))}
          aria-label={`Approve: ${it.summary}`}
          data-testid="preview-item-check"
        />
        {I && (
          <ThemeIcon size={24} variant="light" radius="xl" color="gray">
            <I size={14} />
          </ThemeIcon>
        )}
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text size="sm" fw={500}>
              {it.summary || actionLabel(it.action)}
            </Text>
            {it.late && (
              <Badge size="sm" color="orange" variant="light" leftSection={<IconClock size={11} />} data-testid="preview-item-late" style={{ textTransform: 'none' }}>
                late: was due {formatDateTime(it.dueAt)}, needs your yes
              </Badge>
            )}
            {it.where && (
              <Badge size="sm" color="violet" variant="outline" style={{ textTransform: 'none' }} data-testid="preview-item-branch">
                {it.where}
              </Badge>
            )}
            {waiting && (
              <Badge size="sm" color="gray" variant="light" style={{ textTransform: 'none' }} data-testid="preview-item-waiting">
                waits: an earlier step is not ticked
              </Badge>
            )}
          </Group>
          {it.problem && (
            <Text size="xs" c="red" data-testid="preview-item-problem">
              Cannot run: {it.problem}
            </Text>
          )}
          {it.email && (
            <Stack gap={4}>
              <Group gap="xs" justify="space-between" wrap="nowrap">
                <Text size="xs" c="dimmed" truncate title={`To ${it.email.toName ? `${it.email.toName} <${it.email.to}>` : it.email.to} · Subject: ${it.email.subject}`}>
                  To {it.email.toName ? `${it.email.toName} <${it.email.to}>` : it.email.to} · Subject: <b>{it.email.subject}</b>
                  {it.email.kind === 'marketing' ? ' · marketing' : ''}
                </Text>
                <Button size="compact-xs" variant="subtle" style={{ flexShrink: 0 }} onClick={() => setExpanded((x) => !x)} data-testid="preview-item-toggle">
                  {expanded ? 'Hide email' : 'Show email'}
                </Button>
              </Group>
              {expanded && (
                <iframe
                  title={`Email to ${it.email.to}: ${it.email.subject}`}
                  sandbox=""
                  srcDoc={it.email.html || `<pre style="font-family:sans-serif;white-space:pre-wrap">${escapeHtml(it.email.text)}</pre>`}
                  style={{ width: '100%', height: 380, border: '1px solid var(--mantine-color-default-border)', borderRadius: 4, background: 'white' }}
                  data-testid="preview-email-frame"
                />
              )}
            </Stack>
          )}
          {it.coupon && (
            <Text size="xs" data-testid="preview-item-coupon">
              Coupon <b>{it.coupon.code}</b>: {it.coupon.description}
              {it.coupon.expiresAt ? `, until ${formatDateTime(it.coupon.expiresAt)}` : ''}
            </Text>
          )}
          {it.tag && (
            <Text size="xs">
              Tag: <Badge size="xs" variant="outline">{it.tag}</Badge>
            </Text>
          )}
          {it.task && (
            <Text size="xs">
              Task: <b>{it.task.title}</b> {it.task.detail}
            </Text>
          )}
          {it.purchaseLine && (
            <Text size="xs">
              {it.purchaseLine.sku}: {it.purchaseLine.quantity} × {it.purchaseLine.title} for {it.purchaseLine.supplier || 'no supplier'}
            </Text>
          )}
        </Stack>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(it.dueAt)}
        </Text>
      </Group>
    </Box>
  );
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
