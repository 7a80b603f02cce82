// The editor's cards: the trigger with its parameters, one card per action
// with its parameters, "wait" pills between them, and the connectors that
// make the flow read top to bottom.
import {
  ActionIcon,
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Menu,
  NumberInput,
  Paper,
  Popover,
  Radio,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  ThemeIcon,
} from '@mantine/core';
import {
  IconArrowDown,
  IconArrowsSplit,
  IconArrowUp,
  IconDoorExit,
  IconBolt,
  IconClock,
  IconDots,
  IconFilter,
  IconListCheck,
  IconMail,
  IconPlayerStop,
  IconShieldLock,
  IconTag,
  IconTicket,
  IconTrash,
  IconTruckDelivery,
  type Icon,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Problem, Step, TriggerSpec } from '../../api/automations';
import { majorToMinor, minorToMajor } from './condition';
import { ConditionEditor, ProblemCaret } from './ConditionBuilder';
import { actionLabel, AFTER_OPTIONS, STOP_SCOPE_HINTS, STOP_SCOPES, templateLabel, TRIGGERS, triggerText, waitText } from './describe';
import { countOf } from '../../lib/plural';
import { DEFAULT_PATTERN, patternExample, patternProblem } from './couponPattern';

export const ACTION_ICON: Record<string, Icon> = {
  send_email: IconMail,
  issue_coupon: IconTicket,
  add_tag: IconTag,
  remove_tag: IconTag,
  create_task: IconListCheck,
  create_purchase_order: IconTruckDelivery,
  hold_order: IconShieldLock,
  stop_sequences: IconPlayerStop,
  exit: IconDoorExit,
  split: IconArrowsSplit,
  wait: IconClock,
};

const ACTION_COLOR: Record<string, string> = {
  send_email: 'blue',
  issue_coupon: 'grape',
  add_tag: 'teal',
  remove_tag: 'teal',
  create_task: 'orange',
  create_purchase_order: 'cyan',
  hold_order: 'red',
  stop_sequences: 'gray',
  exit: 'gray',
  split: 'violet',
};

/** The line between two cards. */
export function Connector({ children }: { children?: ReactNode }) {
  return (
    <Stack align="center" gap={0} py={2} aria-hidden={!children}>
      <Box w={2} h={children ? 10 : 22} bg="var(--mantine-color-default-border)" />
      {children}
      {children && <Box w={2} h={10} bg="var(--mantine-color-default-border)" />}
    </Stack>
  );
}

export function StepFrame({
  icon: I,
  color,
  kicker,
  title,
  right,
  children,
  testId,
  invalid,
}: {
  icon: Icon;
  color: string;
  kicker: string;
  title: ReactNode;
  right?: ReactNode;
  children?: ReactNode;
  testId: string;
  invalid?: boolean;
}) {
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      data-testid={testId}
      data-invalid={invalid ? 'true' : undefined}
      style={{ borderLeft: `4px solid var(--mantine-color-${invalid ? 'red' : color}-6)` }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" color={color} radius="xl" size={34}>
            <I size={18} />
          </ThemeIcon>
          <div>
            <Text size="xs" tt="uppercase" fw={600} c="dimmed" lh={1.2}>
              {kicker}
            </Text>
            <Text fw={500}>{title}</Text>
          </div>
        </Group>
        {right}
      </Group>
      {children && (
        <Box mt="sm" pl={46}>
          {children}
        </Box>
      )}
    </Paper>
  );
}

const num = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0);

function ProblemList({ problems, testId, src = '' }: { problems: Problem[]; testId: string; src?: string }) {
  if (problems.length === 0) return null;
  return (
    <Stack gap={4} mt="xs">
      {problems.map((p, i) => (
        <ProblemCaret key={i} src={src} problem={p} testId={testId} />
      ))}
    </Stack>
  );
}

export function TriggerCard({ trigger, onChange, problems }: { trigger: TriggerSpec; onChange: (t: TriggerSpec) => void; problems: Problem[] }) {
  const set = (p: Partial<TriggerSpec>) => onChange({ ...trigger, ...p });
  const t = trigger.type;
  return (
    <StepFrame icon={IconBolt} color="yellow" kicker="When" title={triggerText(trigger)} testId="editor-trigger" invalid={problems.length > 0}>
      <Group gap="sm" align="flex-end">
        <Select
          label="Trigger"
          size="xs"
          w={260}
          data={TRIGGERS}
          value={t}
          onChange={(v) => v && onChange({ type: v })}
          allowDeselect={false}
          data-testid="editor-trigger-type"
        />
        {t === 'cart_idle' && (
          <NumberInput label="Idle for (hours)" size="xs" w={130} min={1} value={trigger.hours ?? 0} onChange={(v) => set({ hours: num(v) })} data-testid="editor-trigger-hours" />
        )}
        {(t === 'days_after' || t === 'inactive' || t === 'payment_overdue' || t === 'renewal_due' || t === 'shipment_stuck') && (
          <NumberInput
            label={t === 'renewal_due' ? 'Period (days)' : 'Days'}
            size="xs"
            w={110}
            min={1}
            value={trigger.days ?? 0}
            onChange={(v) => set({ days: num(v) })}
            data-testid="editor-trigger-days"
          />
        )}
        {t === 'renewal_due' && (
          <NumberInput label="Remind days before" size="xs" w={150} min={0} value={trigger.leadDays ?? 0} onChange={(v) => set({ leadDays: num(v) })} />
        )}
        {t === 'days_after' && (
          <Select label="After" size="xs" w={200} data={AFTER_OPTIONS} value={trigger.after ?? null} onChange={(v) => set({ after: v ?? '' })} />
        )}
        {(t === 'tag_added' || t === 'renewal_due') && (
          <TextInput label={t === 'renewal_due' ? 'Subscription tag' : 'Tag'} size="xs" w={160} value={trigger.tag ?? ''} onChange={(e) => set({ tag: e.currentTarget.value })} />
        )}
        {t === 'shipment_status' && (
          <Select
            label="Status"
            size="xs"
            w={180}
            clearable
            placeholder="any"
            data={['in_transit', 'out_for_delivery', 'available_for_pickup', 'delivered', 'failed_attempt', 'exception', 'returned'].map((v) => ({ value: v, label: v.replaceAll('_', ' ') }))}
            value={trigger.status || null}
            onChange={(v) => set({ status: v ?? '' })}
          />
        )}
        {t === 'stock_below' && (
          <NumberInput label="Threshold without a reorder point" size="xs" w={220} min={0} value={trigger.threshold ?? 0} onChange={(v) => set({ threshold: num(v) })} />
        )}
        {t === 'marketing_unanswered' && (
          <NumberInput label="Emails without a purchase" size="xs" w={190} min={1} value={trigger.count ?? 0} onChange={(v) => set({ count: num(v) })} />
        )}
      </Group>
      <ProblemList problems={problems} testId="editor-trigger-error" />
    </StepFrame>
  );
}

export function ConditionCard({ value, onChange, problems }: { value: string; onChange: (v: string) => void; problems: Problem[] }) {
  return (
    <StepFrame icon={IconFilter} color="indigo" kicker="Only if" title={value ? 'These conditions hold' : 'No conditions'} testId="editor-condition" invalid={problems.length > 0}>
      <ConditionEditor value={value} onChange={onChange} problems={problems} testId="cond" />
    </StepFrame>
  );
}

export function WaitPill({
  step,
  index,
  onChange,
  onRemove,
  problems,
  testKey,
}: {
  step: Step;
  index: number;
  onChange: (s: Step) => void;
  onRemove: () => void;
  problems: Problem[];
  /** the test id stem inside a branch (editor-step-N outside) */
  testKey?: string;
}) {
  const wk = testKey ? testKey.replace('-step-', '-wait-') : `editor-wait-${index}`;
  const tk = testKey ?? `editor-step-${index}`;
  return (
    <Stack align="center" gap={4}>
      <Popover position="right" withArrow shadow="md" trapFocus>
        <Popover.Target>
          <Badge
            component="button"
            size="lg"
            radius="xl"
            variant={problems.length ? 'filled' : 'light'}
            color={problems.length ? 'red' : 'gray'}
            leftSection={<IconClock size={14} />}
            style={{ cursor: 'pointer', textTransform: 'none' }}
            data-testid={wk}
          >
            {waitText(step)}
          </Badge>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <Group gap="xs">
              <NumberInput label="Days" size="xs" w={90} min={0} value={step.days ?? 0} onChange={(v) => onChange({ ...step, days: num(v) })} data-testid={`${wk}-days`} />
              <NumberInput label="Hours" size="xs" w={90} min={0} value={step.hours ?? 0} onChange={(v) => onChange({ ...step, hours: num(v) })} data-testid={`${wk}-hours`} />
            </Group>
            <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={onRemove}>
              Remove this wait
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
      {problems.map((p, i) => (
        <Text key={i} size="xs" c="red" data-testid={`${tk}-error`}>
          {p.message}
        </Text>
      ))}
    </Stack>
  );
}

export interface ActionCardProps {
  step: Step;
  index: number; // 0-based position in steps
  /** the number the seller sees: actions only, waits are not counted */
  number: number;
  count: number;
  emailTemplates: string[];
  problems: Problem[];
  onChange: (s: Step) => void;
  onMove: (delta: number) => void;
  onRemove: () => void;
  /** the test id stem inside a branch (editor-step-N outside) */
  testKey?: string;
  /** more menu items: moving the step to the other branch */
  extraMenu?: ReactNode;
  /** what the step did so far, shown on its card */
  stats?: ReactNode;
  /** a split's own editor and its branches */
  children?: ReactNode;
}

export function ActionCard({ step, index, number, count, emailTemplates, problems, onChange, onMove, onRemove, testKey, extraMenu, stats, children }: ActionCardProps) {
  const tk = testKey ?? `editor-step-${index}`;
  const set = (p: Partial<Step>) => onChange({ ...step, ...p });
  const ifProblems = problems.filter((p) => p.field === 'if');
  const others = problems.filter((p) => p.field !== 'if');
  const a = step.action;
  const menu = (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label="Step menu" data-testid={`${tk}-menu`}>
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconArrowUp size={14} />} disabled={index === 0} onClick={() => onMove(-1)}>
          Move up
        </Menu.Item>
        <Menu.Item leftSection={<IconArrowDown size={14} />} disabled={index === count - 1} onClick={() => onMove(1)}>
          Move down
        </Menu.Item>
        {a !== 'split' && a !== 'exit' && (
          <Menu.Item leftSection={<IconFilter size={14} />} onClick={() => set({ if: step.if ? '' : 'customer.acceptsMarketing' })}>
            {step.if ? 'Always do this step' : 'Only if…'}
          </Menu.Item>
        )}
        {extraMenu}
        <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={onRemove} data-testid={`${tk}-remove`}>
          Remove
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
  return (
    <StepFrame
      icon={ACTION_ICON[a] ?? IconBolt}
      color={ACTION_COLOR[a] ?? 'gray'}
      kicker={`Step ${number} · ${actionLabel(a)}`}
      title={stepTitle(step)}
      right={menu}
      testId={`${tk}`}
      invalid={problems.length > 0}
    >
      <Stack gap="xs">
        {a === 'send_email' && (
          <>
            <Select
              label="Email template"
              size="xs"
              w="100%"
              maw={300}
              searchable
              data={withCurrent(emailTemplates, step.template).map((t) => ({ value: t, label: templateLabel(t) }))}
              value={step.template || null}
              onChange={(v) => set({ template: v ?? '' })}
              data-testid={`${tk}-template`}
            />
            {step.template && (
              <Anchor component={Link} to={`/settings/templates?template=${encodeURIComponent(step.template)}`} size="xs" data-testid={`editor-step-${index}-template-link`}>
                Edit the {templateLabel(step.template).toLowerCase()} template (blocks, preview)
              </Anchor>
            )}
            <TextInput
              label="Subject (leave empty for the template’s)"
              size="xs"
              value={step.subject ?? ''}
              onChange={(e) => set({ subject: e.currentTarget.value })}
              data-testid={`${tk}-subject`}
            />
            {(step.body || step.subject) && (
              <Textarea
                label="Body (HTML with {{.Customer.FirstName}}-style fields; empty for the template’s)"
                size="xs"
                autosize
                minRows={3}
                maxRows={10}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                value={step.body ?? ''}
                onChange={(e) => set({ body: e.currentTarget.value })}
                data-testid={`${tk}-body`}
              />
            )}
            {step.vars && Object.keys(step.vars).length > 0 && (
              <Stack gap={4}>
                {Object.entries(step.vars).map(([k, v]) => {
                  // An amount is kept in cents, as conditions compare order.total,
                  // and typed like the condition builder's amounts ("200").
                  const money = step.moneyVars?.includes(k);
                  const shown = money && /^\d+$/.test(v) ? minorToMajor(v) : v;
                  const typed = (t: string) => {
                    const minor = money ? majorToMinor(t) : null;
                    return minor !== null && !minor.startsWith('-') ? minor : t;
                  };
                  return (
                    <TextInput
                      key={k}
                      label={money ? `Amount: ${k}` : `Text: ${k}`}
                      description={money ? 'The email shows it in the order’s currency, like the order’s total' : undefined}
                      size="xs"
                      value={shown}
                      onChange={(e) => set({ vars: { ...step.vars, [k]: typed(e.currentTarget.value) } })}
                      data-testid={`${tk}-var-${k}`}
                    />
                  );
                })}
              </Stack>
            )}
          </>
        )}
        {a === 'issue_coupon' && (
          <>
            <Group gap="sm" align="flex-end">
              <NumberInput
                label="Percent off"
                size="xs"
                w={110}
                min={0}
                max={100}
                suffix=" %"
                value={step.percentOff ?? 0}
                onChange={(v) => set({ percentOff: num(v) })}
                data-testid={`${tk}-percent`}
              />
              <TextInput
                label="Amount off"
                size="xs"
                w={110}
                value={step.amountOff ? minorToMajor(String(step.amountOff)) : ''}
                placeholder="0"
                onChange={(e) => set({ amountOff: Number(majorToMinor(e.currentTarget.value) ?? 0) })}
                data-testid={`${tk}-amount`}
              />
              <NumberInput label="Valid (days)" size="xs" w={110} min={0} value={step.validDays ?? 0} onChange={(v) => set({ validDays: num(v) })} data-testid={`${tk}-valid`} />
              <Switch label="Free shipping" size="sm" checked={!!step.freeShipping} onChange={(e) => set({ freeShipping: e.currentTarget.checked })} mb={6} />
            </Group>
            <CodePatternInput value={step.codePattern ?? ''} onChange={(codePattern) => set({ codePattern })} testId={`${tk}-pattern`} />
          </>
        )}
        {(a === 'add_tag' || a === 'remove_tag') && (
          <TextInput label="Tag" size="xs" w={220} value={step.tag ?? ''} onChange={(e) => set({ tag: e.currentTarget.value })} data-testid={`${tk}-tag`} />
        )}
        {a === 'create_task' && (
          <>
            <TextInput label="Task title" size="xs" value={step.title ?? ''} onChange={(e) => set({ title: e.currentTarget.value })} data-testid={`${tk}-title`} />
            <Textarea label="Details" size="xs" autosize minRows={2} value={step.detail ?? ''} onChange={(e) => set({ detail: e.currentTarget.value })} />
          </>
        )}
        {a === 'hold_order' && (
          <TextInput label="Reason" size="xs" w={300} value={step.detail ?? ''} onChange={(e) => set({ detail: e.currentTarget.value })} />
        )}
        {a === 'create_purchase_order' && (
          <Text size="xs" c="dimmed">
            The SKU goes on its supplier’s draft purchase order with the quantity Inventory suggests.
          </Text>
        )}
        {a === 'stop_sequences' && (
          <Radio.Group
            label="Which sequences to stop"
            size="xs"
            value={step.scope || 'order'}
            onChange={(v) => set({ scope: v })}
            data-testid={`${tk}-scope`}
          >
            <Stack gap={6} mt={4}>
              {STOP_SCOPES.map((o) => (
                <Radio key={o.value} value={o.value} label={o.label} description={STOP_SCOPE_HINTS[o.value]} data-testid={`${tk}-scope-${o.value}`} />
              ))}
            </Stack>
          </Radio.Group>
        )}
        {step.if !== undefined && step.if !== '' && (
          <Paper withBorder p="xs" radius="sm">
            <Text size="xs" fw={600} c="dimmed" mb={4}>
              ONLY IF (otherwise this step is passed over)
            </Text>
            <ConditionEditor value={step.if} onChange={(v) => set({ if: v })} problems={ifProblems} testId={`${tk.replace('editor-', '')}-if`} />
          </Paper>
        )}
        {children}
        <ProblemList problems={others} testId={`${tk}-error`} />
        {stats}
      </Stack>
    </StepFrame>
  );
}

function withCurrent(list: string[], current?: string): string[] {
  return current && !list.includes(current) ? [...list, current] : list;
}

function stepTitle(s: Step): string {
  switch (s.action) {
    case 'send_email':
      return s.subject ? `“${s.subject}”` : templateLabel(s.template || 'choose a template');
    case 'issue_coupon': {
      const parts: string[] = [];
      if (s.percentOff) parts.push(`${s.percentOff} % off`);
      if (s.amountOff) parts.push(`${minorToMajor(String(s.amountOff))} off`);
      if (s.freeShipping) parts.push('free shipping');
      return `${parts.join(' + ') || 'A coupon'}${s.validDays ? `, valid ${countOf(s.validDays, 'day')}` : ''}`;
    }
    case 'add_tag':
      return `Tag the customer “${s.tag ?? ''}”`;
    case 'remove_tag':
      return `Remove the tag “${s.tag ?? ''}”`;
    case 'create_task':
      return s.title || 'A task for you';
    case 'hold_order':
      return 'Hold the order’s confirmation';
    case 'create_purchase_order':
      return 'Draft a purchase order line';
    case 'stop_sequences':
      return s.scope === 'customer' ? 'Stop every running sequence of the customer' : 'Stop the running sequences of this order';
    case 'exit':
      return 'Nothing more for this customer';
    case 'split':
      return s.split === 'random' ? `A/B at random: ${s.percent ?? 0}% to A` : s.when ? 'Yes if the condition holds, else No' : 'Yes or No on a condition';
    default:
      return actionLabel(s.action);
  }
}

/**
 * The shape of a coupon step's codes: typed in capitals (a checkout takes
 * codes without case), checked as typed with the save check's rules, with an
 * example code; empty is the default shape.
 */
function CodePatternInput({ value, onChange, testId }: { value: string; onChange: (p: string) => void; testId: string }) {
  const problem = patternProblem(value);
  return (
    <TextInput
      label="Code pattern"
      size="xs"
      w={260}
      value={value}
      placeholder={DEFAULT_PATTERN}
      description={problem ? 'X is a random character' : `X is a random character, e.g. ${patternExample(value)}`}
      error={problem || undefined}
      onChange={(e) => onChange(e.currentTarget.value.toUpperCase())}
      data-testid={testId}
    />
  );
}
