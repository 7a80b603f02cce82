// The flow editor: the flow as a picture, top to bottom: its trigger, its
// conditions, then its steps with "wait" pills between them; the policy
// (re-entry, catch-up, exits) beside it. Save checks the flow with Validate
// and shows each problem on the card it belongs to, with its position.
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  Skeleton,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconArrowLeft, IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { normalizeError, notifyError } from '../../api';
import { automationKeys, automations, type Definition, type Flow, type Problem, type Step } from '../../api/automations';
import { PageTitle } from '../../components/PageHeader';
import { useKeepFocus } from '../../lib/focus';
import { actionCounts, EXITS, stepPlace } from './describe';
import { ConditionCard, Connector, TriggerCard } from './StepEditors';
import { StepList } from './BranchEditor';
import { indexStats, problemsAtStep } from './branches';
import { formatNumber } from '../../lib/format';
import { countOf, plural } from '../../lib/plural';
import { AttributionCard } from '../../components/AttributionCard';

/** Problems for one place in the flow: the trigger, the condition, a step (1-based), the policy. */
export function problemsFor(problems: Problem[], where: 'trigger' | 'condition' | 'policy' | number): Problem[] {
  if (typeof where === 'number') return problemsAtStep(problems, '', where);
  if (where === 'trigger') return problems.filter((p) => p.field === 'trigger');
  if (where === 'condition') return problems.filter((p) => p.field === 'condition');
  return problems.filter((p) => p.field === 'policy' || (p.field === 'step' && p.step === 0));
}

export function FlowEditor() {
  const { id: raw } = useParams();
  const id = Number(raw);
  const flow = useQuery({ queryKey: automationKeys.flow(id), queryFn: () => automations.getFlow(id), enabled: Number.isFinite(id) && id > 0 });
  const emailTemplates = useQuery({ queryKey: automationKeys.emailTemplates, queryFn: automations.emailTemplates, staleTime: Infinity });

  if (flow.isPending) {
    return (
      <Stack gap="sm" data-testid="editor-loading" maw={760}>
        <Skeleton h={36} w={320} />
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} h={90} radius="md" />
        ))}
      </Stack>
    );
  }
  if (flow.isError) {
    const e = normalizeError(flow.error);
    return (
      <Stack gap="sm" data-testid="editor-error">
        <BackLink />
        <Alert color="red" title={e.code === 'not_found' ? 'This flow is gone' : 'The flow could not be opened'}>
          {e.message}
        </Alert>
      </Stack>
    );
  }
  return <EditorBody key={flow.data.id} initial={flow.data} emailTemplates={emailTemplates.data ?? []} />;
}

function BackLink() {
  return (
    <Anchor component={Link} to="/automations" size="sm" data-testid="editor-back">
      <Group gap={4}>
        <IconArrowLeft size={14} /> All flows
      </Group>
    </Anchor>
  );
}

function EditorBody({ initial, emailTemplates }: { initial: Flow; emailTemplates: string[] }) {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Flow>(() => structuredClone(initial));
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [dirty, setDirty] = useState(false);
  const def = draft.definition;

  const setDef = (fn: (d: Definition) => Definition) => {
    setDraft((f) => ({ ...f, definition: fn(f.definition) }));
    setDirty(true);
  };
  const setSteps = (fn: (s: Step[]) => Step[]) => setDef((d) => ({ ...d, steps: fn(d.steps ?? []) }));

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const save = useMutation({
    mutationFn: async () => {
      const probs = await automations.validate(draft.definition);
      if (probs.length > 0) return { probs, id: 0 };
      const id = await automations.saveFlow(draft);
      // The saved flow carries the ids its new branch steps got: editing
      // on from it keeps them, so the ledger knows those steps next save.
      const saved = draft.definition.steps?.some((s) => s.action === 'split') ? await automations.getFlow(id) : null;
      return { probs: [] as Problem[], id, saved };
    },
    onSuccess: ({ probs, saved }) => {
      setProblems(probs);
      if (probs.length > 0) return;
      if (saved) setDraft(structuredClone(saved));
      setDirty(false);
      qc.invalidateQueries({ queryKey: automationKeys.all });
    },
    onError: (e) => notifyError(e, 'Not saved'),
  });

  const saveRef = useKeepFocus<HTMLButtonElement>(save.isPending);
  const probs = problems ?? [];
  const general = problemsFor(probs, 'policy');
  const steps = def.steps ?? [];
  const stats = useQuery({ queryKey: automationKeys.stats(initial.id), queryFn: () => automations.flowStats(initial.id), enabled: initial.id > 0 });
  const statsIndex = indexStats(stats.data);
  const p = def.policy;
  const setPolicy = (patch: Partial<typeof p>) => setDef((d) => ({ ...d, policy: { ...d.policy, ...patch } }));

  return (
    <Stack gap="sm" data-testid="flow-editor">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <BackLink />
          <Group gap="xs">
            <PageTitle>{draft.name || 'Untitled flow'}</PageTitle>
            <Badge variant="light" color={initial.enabled ? 'teal' : 'gray'} data-testid="editor-enabled">
              {initial.enabled ? 'On' : 'Off'}
            </Badge>
            {dirty && (
              <Badge variant="outline" color="orange" data-testid="editor-dirty">
                Unsaved changes
              </Badge>
            )}
          </Group>
        </Stack>
        <Group>
          <Button variant="default" onClick={() => navigate('/automations')} data-testid="editor-cancel">
            {dirty ? 'Discard' : 'Close'}
          </Button>
          <Button ref={saveRef} leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} onClick={() => save.mutate()} data-testid="editor-save">
            Save
          </Button>
        </Group>
      </Group>

      {probs.length > 0 && (
        <Alert color="red" title={`Not saved: ${countOf(probs.length, { one: 'thing needs', other: 'things need' })} fixing`} data-testid="editor-problems">
          <Stack gap={2}>
            {probs.map((x, i) => (
              <Text key={i} size="sm">
                {where(x, steps)}: {x.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {problems !== null && probs.length === 0 && !dirty && (
        <Alert color="teal" variant="light" data-testid="editor-saved">
          Saved. The next preview uses this version.{initial.enabled ? '' : ' Switch it on in the list when you are ready.'}
        </Alert>
      )}

      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap={0} data-testid="editor-canvas">
            <TriggerCard trigger={def.trigger} onChange={(t) => setDef((d) => ({ ...d, trigger: t }))} problems={problemsFor(probs, 'trigger')} />
            <Connector />
            <ConditionCard value={def.condition ?? ''} onChange={(c) => setDef((d) => ({ ...d, condition: c }))} problems={problemsFor(probs, 'condition')} />
            <StepList
              root={steps}
              setRoot={setSteps}
              path={[]}
              parentWhere=""
              problems={probs}
              emailTemplates={emailTemplates}
              stats={statsIndex}
              prefix="editor"
            />
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="sm">
            <Paper withBorder radius="md" p="sm">
              <Stack gap="xs">
                <TextInput label="Name" value={draft.name} onChange={(e) => { const v = e.currentTarget.value; setDraft((f) => ({ ...f, name: v })); setDirty(true); }} data-testid="editor-name" />
                <Textarea
                  label="Description"
                  autosize
                  minRows={2}
                  value={draft.description}
                  onChange={(e) => { const v = e.currentTarget.value; setDraft((f) => ({ ...f, description: v })); setDirty(true); }}
                />
              </Stack>
            </Paper>
            <Paper withBorder radius="md" p="sm" data-testid="editor-policy">
              <Stack gap="xs">
                <Text fw={600} size="sm">
                  Who and when
                </Text>
                <Select
                  label="A customer can go through this flow"
                  size="xs"
                  data={[
                    { value: 'every_time', label: 'every time it happens' },
                    { value: 'once', label: 'only once, ever' },
                    { value: 'cooldown', label: 'again after a cooldown' },
                  ]}
                  value={p.reentry}
                  onChange={(v) => v && setPolicy({ reentry: v })}
                  allowDeselect={false}
                  data-testid="editor-reentry"
                />
                {p.reentry === 'cooldown' && (
                  <NumberInput label="Cooldown (days)" size="xs" min={1} value={p.cooldownDays ?? 0} onChange={(v) => setPolicy({ cooldownDays: Number(v) || 0 })} />
                )}
                <Select
                  label="Steps missed while the computer was off"
                  size="xs"
                  data={[
                    { value: 'skip', label: 'skip them when too late' },
                    { value: 'send', label: 'do them anyway' },
                    { value: 'ask', label: 'ask me in the preview' },
                  ]}
                  value={p.catchUp}
                  onChange={(v) => v && setPolicy({ catchUp: v })}
                  allowDeselect={false}
                  data-testid="editor-catchup"
                />
                <NumberInput
                  label="Too late after (hours)"
                  size="xs"
                  min={1}
                  value={p.maxLateHours}
                  onChange={(v) => setPolicy({ maxLateHours: Number(v) || 0 })}
                />
                <Switch
                  label="Marketing (opted-in customers only, quiet hours, weekly cap, unsubscribe link)"
                  size="sm"
                  checked={p.marketing}
                  onChange={(e) => setPolicy({ marketing: e.currentTarget.checked })}
                  data-testid="editor-marketing"
                />
                <Checkbox.Group label="Stop the sequence when" value={p.exitOn ?? []} onChange={(v) => setPolicy({ exitOn: v })}>
                  <Stack gap={4} mt={4}>
                    {EXITS.map((x) => (
                      <Checkbox key={x.value} size="xs" value={x.value} label={x.label} />
                    ))}
                  </Stack>
                </Checkbox.Group>
                {general.map((x, i) => (
                  <Text key={i} size="xs" c="red" data-testid="editor-policy-error">
                    {x.message}
                  </Text>
                ))}
              </Stack>
            </Paper>
            <BacktestCard id={initial.id} dirty={dirty} />
            <AttributionCard flowId={initial.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function where(p: Problem, steps: Step[]): string {
  const pos = p.line > 0 ? ` (line ${p.line}, column ${p.column})` : '';
  if (p.where) return `${p.where.charAt(0).toUpperCase()}${p.where.slice(1)}${p.field === 'if' ? ', “only if”' : ''}${pos}`;
  switch (p.field) {
    case 'trigger':
      return 'Trigger';
    case 'condition':
      return `Condition${pos}`;
    case 'policy':
      return 'Settings';
    case 'if':
      return `${stepPlace(steps, p.step)}, “only if”${pos}`;
    default:
      return p.step > 0 ? stepPlace(steps, p.step) : 'Flow';
  }
}

function BacktestCard({ id, dirty }: { id: number; dirty: boolean }) {
  const [days, setDays] = useState(30);
  const bt = useMutation({ mutationFn: () => automations.backtest(id, days), onError: (e) => notifyError(e, 'No backtest') });
  const r = bt.data;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="editor-backtest">
      <Stack gap="xs">
        <Text fw={600} size="sm">
          What would it have done?
        </Text>
        <Group gap="xs" align="flex-end">
          <NumberInput label="Over the last (days)" size="xs" w={140} min={1} max={365} value={days} onChange={(v) => setDays(Number(v) || 30)} />
          <Button size="xs" variant="light" loading={bt.isPending} onClick={() => bt.mutate()} data-testid="editor-backtest-run">
            Backtest
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Replays the saved flow over your imported history without doing anything{dirty ? ' (save first to test your changes)' : ''}.
        </Text>
        {r && (
          <Stack gap={4} data-testid="editor-backtest-result">
            <Text size="sm">
              <b>{formatNumber(r.items)}</b> {plural(r.items, 'item')}
              {actionCounts(r.byKind) ? `: ${actionCounts(r.byKind)}` : ''}
            </Text>
            {Object.entries(r.skipped ?? {}).filter(([, n]) => n > 0).length > 0 && (
              <Text size="xs" c="dimmed">
                Left out:{' '}
                {Object.entries(r.skipped ?? {})
                  .filter(([, n]) => n > 0)
                  .map(([why, n]) => `${n} ${why}`)
                  .join(', ')}
              </Text>
            )}
            {(r.sample ?? []).slice(0, 5).map((it) => (
              <Text key={it.key} size="xs" truncate title={it.summary}>
                · {it.summary}
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
