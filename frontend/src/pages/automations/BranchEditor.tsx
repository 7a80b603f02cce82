// The flow's steps as a tree: a list of cards top to bottom, and under a
// split its two branches side by side ("Yes" / "No", or "A 50%" / "B 50%"),
// each its own list with its own "Add a step". Everything is reached by Tab
// and worked by Enter and the arrow keys (menus, buttons, a segmented
// control): no dragging, no free canvas.
import { Badge, Box, Button, Group, Menu, NumberInput, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowsLeftRight, IconClock, IconPlus } from '@tabler/icons-react';
import type { Problem, Step } from '../../api/automations';
import { countOf } from '../../lib/plural';
import { ConditionEditor } from './ConditionBuilder';
import {
  addTo,
  branchLabel,
  listAt,
  MAX_SPLIT_DEPTH,
  moveToOtherSide,
  moveWithin,
  newSplit,
  problemsAtStep,
  setSplitKind,
  sideName,
  SPLIT_KINDS,
  stepWhere,
  type ListPath,
  type StatsIndex,
  updateList,
} from './branches';
import { ACTIONS, stepNumbers } from './describe';
import { ActionCard, ACTION_ICON, Connector, WaitPill } from './StepEditors';

export const DEFAULT_STEP: Record<string, Step> = {
  send_email: { action: 'send_email', template: '' },
  issue_coupon: { action: 'issue_coupon', percentOff: 10, validDays: 30 },
  add_tag: { action: 'add_tag', tag: '' },
  remove_tag: { action: 'remove_tag', tag: '' },
  create_task: { action: 'create_task', title: '' },
  create_purchase_order: { action: 'create_purchase_order' },
  hold_order: { action: 'hold_order', detail: 'review' },
  stop_sequences: { action: 'stop_sequences', scope: 'order' },
  exit: { action: 'exit' },
  wait: { action: 'wait', hours: 24 },
};

const fresh = (kind: string): Step => (kind === 'split' ? newSplit() : structuredClone(DEFAULT_STEP[kind] ?? ({ action: kind } as Step)));

export interface StepListProps {
  /** the whole tree, and its setter: every list edits through the top */
  root: Step[];
  setRoot: (fn: (s: Step[]) => Step[]) => void;
  path: ListPath;
  /** the engine's words for this list's parent ("" at the top) */
  parentWhere: string;
  problems: Problem[];
  emailTemplates: string[];
  stats: StatsIndex;
  /** test id stem: "editor" at the top, "editor-br0y" in the Yes branch of step 1 */
  prefix: string;
}

export function StepList({ root, setRoot, path, parentWhere, problems, emailTemplates, stats, prefix }: StepListProps) {
  const list = listAt(root, path);
  const numbers = stepNumbers(list);
  const depth = path.length;
  const setList = (fn: (l: Step[]) => Step[]) => setRoot((all) => updateList(all, path, fn));
  const last = list[list.length - 1];
  const closed = last?.action === 'split' || last?.action === 'exit';
  const offered = ACTIONS.filter((a) => !(closed && (a.value === 'split' || a.value === 'exit')) && !(a.value === 'split' && depth >= MAX_SPLIT_DEPTH));
  const add = (kind: string) => setRoot((all) => addTo(all, path, fresh(kind)));

  return (
    <>
      {list.map((s, i) => {
        const where = stepWhere(parentWhere, i);
        const probs = problemsAtStep(problems, where, depth === 0 ? i + 1 : null);
        const tk = `${prefix}-step-${i}`;
        const nested = depth > 0 ? tk : undefined;
        const onChange = (n: Step) => setList((l) => l.map((x, j) => (j === i ? n : x)));
        const onRemove = () => setList((l) => l.filter((_, j) => j !== i));
        if (s.action === 'wait') {
          return (
            <Connector key={i}>
              <WaitPill step={s} index={i} problems={probs} onChange={onChange} onRemove={onRemove} testKey={nested} />
            </Connector>
          );
        }
        const id = depth === 0 ? i : (s.id ?? 0);
        const did = id > 0 || depth === 0 ? stats.steps.get(id) : undefined;
        const prevIsWait = i > 0 && list[i - 1].action === 'wait';
        return (
          <div key={i}>
            {!prevIsWait && <Connector />}
            <ActionCard
              step={s}
              index={i}
              number={numbers[i] ?? i + 1}
              count={list.length}
              emailTemplates={emailTemplates}
              problems={probs}
              onChange={onChange}
              onRemove={onRemove}
              onMove={(delta) => setList((l) => moveWithin(l, i, delta))}
              testKey={nested}
              extraMenu={
                depth > 0 && s.action !== 'split' ? (
                  <Menu.Item leftSection={<IconArrowsLeftRight size={14} />} onClick={() => setRoot((all) => moveToOtherSide(all, path, i))} data-testid={`${tk}-other-side`}>
                    Move to the other branch
                  </Menu.Item>
                ) : undefined
              }
              stats={did && s.action !== 'split' && s.action !== 'exit' ? <StepStats action={s.action} did={did} testId={`${tk}-stats`} /> : undefined}
            >
              {s.action === 'split' && <SplitSettings step={s} onChange={onChange} testKey={tk} />}
            </ActionCard>
            {s.action === 'split' && (
              <Branches
                split={s}
                splitId={id}
                where={where}
                root={root}
                setRoot={setRoot}
                path={path}
                index={i}
                problems={problems}
                emailTemplates={emailTemplates}
                stats={stats}
                prefix={prefix}
              />
            )}
          </div>
        );
      })}
      {!closed && <Connector />}
      <Group justify="center" mt={closed ? 'xs' : 0}>
        <Menu position="bottom" withinPortal>
          <Menu.Target>
            <Button variant="light" size={depth > 0 ? 'xs' : 'sm'} leftSection={<IconPlus size={16} />} data-testid={`${prefix}-add-step`}>
              {closed ? `Add a step before the ${last.action === 'split' ? 'split' : 'exit'}` : 'Add a step'}
              {depth > 0 ? ` to ${branchName(parentWhere)}` : ''}
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {offered.map((a) => {
              const I = ACTION_ICON[a.value];
              return (
                <Menu.Item key={a.value} leftSection={I && <I size={14} />} onClick={() => add(a.value)} data-testid={`${prefix}-add-${a.value}`}>
                  {a.label}
                </Menu.Item>
              );
            })}
            <Menu.Divider />
            <Menu.Item leftSection={<IconClock size={14} />} onClick={() => add('wait')} data-testid={`${prefix}-add-wait`}>
              Wait
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </>
  );
}

/** "Yes" of "step 3 › Yes". */
function branchName(parentWhere: string): string {
  const parts = parentWhere.split(' › ');
  return parts[parts.length - 1];
}

function Branches({
  split,
  splitId,
  where,
  root,
  setRoot,
  path,
  index,
  problems,
  emailTemplates,
  stats,
  prefix,
}: Omit<StepListProps, 'parentWhere'> & { split: Step; splitId: number; where: string; index: number }) {
  return (
    <SimpleGrid cols={2} spacing="sm" mt={0} data-testid={`${prefix}-step-${index}-branches`}>
      {[0, 1].map((side) => {
        const label = branchLabel(split, side);
        const people = stats.sides.get(`${splitId}:${sideName(split, side)}`);
        const childPrefix = `${prefix === 'editor' ? 'editor-br' : `${prefix}-`}${index}${side === 0 ? 'y' : 'n'}`;
        return (
          <Box
            key={side}
            role="group"
            aria-label={`${label} branch of ${where}`}
            data-testid={`${childPrefix}-branch`}
            style={{ borderTop: '2px solid var(--mantine-color-default-border)' }}
            pt={4}
          >
            <Stack gap={0}>
              <Group justify="center" gap={6}>
                <Badge variant="outline" color={side === 0 ? 'violet' : 'gray'} size="lg" style={{ textTransform: 'none' }} data-testid={`${childPrefix}-label`}>
                  {label}
                </Badge>
                {people !== undefined && (
                  <Text size="xs" c="dimmed" data-testid={`${childPrefix}-people`}>
                    {countOf(people, 'person', 'people')}
                  </Text>
                )}
              </Group>
              <StepList
                root={root}
                setRoot={setRoot}
                path={[...path, { step: index, side }]}
                parentWhere={`${where} › ${label}`}
                problems={problems}
                emailTemplates={emailTemplates}
                stats={stats}
                prefix={childPrefix}
              />
            </Stack>
          </Box>
        );
      })}
    </SimpleGrid>
  );
}

function SplitSettings({ step, onChange, testKey }: { step: Step; onChange: (s: Step) => void; testKey: string }) {
  return (
    <Stack gap="xs">
      <SegmentedControl
        size="xs"
        data={SPLIT_KINDS}
        value={step.split === 'random' ? 'random' : 'condition'}
        onChange={(v) => onChange(setSplitKind(step, v))}
        aria-label="Kind of split"
        data-testid={`${testKey}-kind`}
      />
      {step.split === 'random' ? (
        <NumberInput
          label="Share of customers going to A"
          description="Each customer always lands on the same side: a rerun never moves anyone."
          size="xs"
          w={260}
          min={1}
          max={99}
          suffix=" %"
          value={step.percent ?? 50}
          onChange={(v) => onChange({ ...step, percent: typeof v === 'number' ? v : Number(v) || 0 })}
          data-testid={`${testKey}-percent`}
        />
      ) : (
        <ConditionEditor
          value={step.when ?? ''}
          onChange={(v) => onChange({ ...step, when: v })}
          testId={`${testKey.replace('editor-', '')}-when`}
          emptyText="Build the condition: customers for whom it holds go down Yes, the others down No."
        />
      )}
    </Stack>
  );
}

function StepStats({ action, did, testId }: { action: string; did: { sent: number; waiting: number; done: number }; testId: string }) {
  const text =
    action === 'send_email'
      ? `${countOf(did.sent, 'email')} sent${did.waiting ? `, ${did.waiting} waiting in the outbox` : ''}`
      : `done ${countOf(did.done, 'time')}`;
  return (
    <Text size="xs" c="dimmed" data-testid={testId}>
      So far: {text}
    </Text>
  );
}
