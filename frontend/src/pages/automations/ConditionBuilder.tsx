// The condition editor: rows (field, operator, value) in AND/OR groups that
// write the expr-lang expression, or the expression itself as text. A problem
// from Validate is shown under it with a caret at its line and column.
import { ActionIcon, Alert, Button, Code, Group, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconArrowsExchange, IconPlus, IconTrash } from '@tabler/icons-react';
import { createContext, useContext, useRef, useState } from 'react';
import type { Problem } from '../../api/automations';
import {
  changeField,
  comparableFields,
  emptyGroup,
  FIELDS,
  fieldDef,
  type Group as CGroup,
  newRow,
  type Node,
  OPERATOR_LABELS,
  operatorsFor,
  type Operator,
  parseCondition,
  type Path,
  type Row,
  rowHasValue,
  toExpression,
  updateAt,
} from './condition';

/**
 * Which fields the builder offers, and the field a new row starts with: all
 * of them in a flow; a segment (pages/segments) offers the customer's alone.
 */
export interface FieldScope {
  offers: (expr: string) => boolean;
  first: string;
}

const FieldScopeContext = createContext<FieldScope>({ offers: () => true, first: 'order.total' });

function fieldOptions(current: string, scope: FieldScope) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const f of FIELDS.filter((f) => scope.offers(f.expr))) {
    if (!groups.has(f.group)) groups.set(f.group, []);
    groups.get(f.group)!.push({ value: f.expr, label: f.label });
  }
  const options = [...groups].map(([group, items]) => ({ group, items }));
  if (FIELDS.some((f) => f.expr === current && scope.offers(f.expr))) return options;
  return [...options, { group: 'Other', items: [{ value: current, label: current }] }];
}

const VALUE_HINT: Record<string, string> = {
  money: 'amount, e.g. 49.90',
  number: 'number',
  days: 'days',
  hours: 'hours',
  string: 'text',
  tags: 'tag',
  list: 'SKU',
};

/** A problem's position under the expression, as a compiler would show it. */
export function ProblemCaret({ src, problem, testId }: { src: string; problem: Problem; testId?: string }) {
  const lines = src.split('\n');
  const line = problem.line > 0 ? lines[problem.line - 1] : undefined;
  return (
    <Alert color="red" variant="light" p="xs" data-testid={testId}>
      <Text size="sm" fw={500}>
        {problem.line > 0 ? `Line ${problem.line}, column ${problem.column}: ` : ''}
        {problem.message}
      </Text>
      {line !== undefined && (
        <Code block mt={6} data-testid={testId ? `${testId}-caret` : undefined}>
          {line}
          {'\n'}
          {' '.repeat(Math.max(0, problem.column - 1))}^
        </Code>
      )}
    </Alert>
  );
}

export interface ConditionEditorProps {
  value: string;
  onChange: (expr: string) => void;
  problems?: Problem[];
  testId: string;
  emptyText?: string;
  /** the fields offered; every field of the flows when not given */
  scope?: FieldScope;
}

export function ConditionEditor(props: ConditionEditorProps) {
  const inner = <ConditionEditorInner {...props} />;
  return props.scope ? <FieldScopeContext.Provider value={props.scope}>{inner}</FieldScopeContext.Provider> : inner;
}

function ConditionEditorInner({ value, onChange, problems = [], testId, emptyText = 'Every occurrence goes through.' }: ConditionEditorProps) {
  // The tree is kept as edited (a half-typed "49." stays as typed) and read
  // again only when the expression changes from outside the builder.
  const emitted = useRef<string | null>(null);
  const [tree, setTree] = useState<CGroup | null>(() => parseCondition(value));
  if (emitted.current !== value) {
    emitted.current = value;
    const next = parseCondition(value);
    if (JSON.stringify(next) !== JSON.stringify(tree)) setTree(next);
  }
  const [raw, setRaw] = useState(tree === null);
  const [notice, setNotice] = useState<string | null>(null);
  const mode = raw || tree === null ? 'raw' : 'builder';

  const switchMode = (m: string) => {
    setNotice(null);
    if (m === 'raw') return setRaw(true);
    if (parseCondition(value) === null) {
      setNotice('This condition uses more than the builder can show; keep editing it as an expression.');
      return;
    }
    setRaw(false);
  };
  const edit = (g: CGroup) => {
    const expr = toExpression(g);
    emitted.current = expr;
    setTree(g);
    onChange(expr);
  };

  return (
    <Stack gap="xs" data-testid={testId}>
      <Group justify="space-between">
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={switchMode}
          data={[
            { value: 'builder', label: 'Builder' },
            { value: 'raw', label: 'Expression' },
          ]}
          data-testid={`${testId}-mode`}
        />
        {mode === 'builder' && value && (
          <Text size="xs" c="dimmed" ff="monospace" truncate maw={420} title={value} data-testid={`${testId}-expr`}>
            {value}
          </Text>
        )}
      </Group>
      {notice && (
        <Text size="xs" c="orange" data-testid={`${testId}-notice`}>
          {notice}
        </Text>
      )}
      {mode === 'raw' ? (
        <Textarea
          autosize
          minRows={2}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          value={value}
          onChange={(e) => onChange(e.currentTarget.value)}
          placeholder='order.total >= 20000 && customer.country in ["DE", "AT"]'
          description="expr-lang: money in cents (order.total >= 20000 is 200.00); daysSince(customer.lastOrderAt), hasTag(customer.tags, &quot;vip&quot;)"
          data-testid={`${testId}-raw`}
          error={problems.length > 0}
        />
      ) : (
        <GroupEditor group={tree ?? emptyGroup()} path={[]} root={tree ?? emptyGroup()} onChange={edit} testId={testId} emptyText={emptyText} />
      )}
      {problems.map((p, i) => (
        <ProblemCaret key={i} src={value} problem={p} testId={`${testId}-error`} />
      ))}
    </Stack>
  );
}

interface GroupEditorProps {
  root: CGroup;
  group: CGroup;
  path: Path;
  onChange: (g: CGroup) => void;
  testId: string;
  emptyText?: string;
}

function GroupEditor({ root, group, path, onChange, testId, emptyText }: GroupEditorProps) {
  const scope = useContext(FieldScopeContext);
  const set = (p: Path, fn: (n: Node) => Node | null) => onChange(updateAt(root, p, fn));
  const nested = path.length > 0;
  const body = (
    <Stack gap={6}>
      {group.children.length === 0 && (
        <Text size="sm" c="dimmed" data-testid={`${testId}-empty`}>
          {emptyText}
        </Text>
      )}
      {group.children.map((c, i) => (
        <div key={i}>
          {i > 0 && (
            <Button
              size="compact-xs"
              variant="light"
              color={group.join === 'and' ? 'brand' : 'grape'}
              mb={6}
              onClick={() => set(path, (g) => ({ ...(g as CGroup), join: group.join === 'and' ? 'or' : 'and' }))}
              data-testid={`${testId}-join`}
              title="Switch between AND and OR for this group"
            >
              {group.join === 'and' ? 'AND' : 'OR'}
            </Button>
          )}
          {c.kind === 'row' ? (
            <RowEditor row={c} onChange={(r) => set([...path, i], () => r)} onRemove={() => set([...path, i], () => null)} testId={testId} />
          ) : (
            <GroupEditor root={root} group={c} path={[...path, i]} onChange={onChange} testId={testId} />
          )}
        </div>
      ))}
      <Group gap="xs">
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          onClick={() => set(path, (g) => ({ ...(g as CGroup), children: [...(g as CGroup).children, newRow(scope.first)] }))}
          data-testid={`${testId}-add-row`}
        >
          Condition
        </Button>
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          onClick={() =>
            set(path, (g) => ({
              ...(g as CGroup),
              children: [...(g as CGroup).children, { kind: 'group', join: group.join === 'and' ? 'or' : 'and', children: [newRow(scope.first), newRow(scope.first)] }],
            }))
          }
          data-testid={`${testId}-add-group`}
        >
          {group.join === 'and' ? 'OR group' : 'AND group'}
        </Button>
      </Group>
    </Stack>
  );
  if (!nested) return body;
  return (
    <Paper withBorder p="xs" radius="sm" bg="var(--mantine-color-default-hover)" data-testid={`${testId}-group`}>
      {body}
    </Paper>
  );
}

function RowEditor({ row, onChange, onRemove, testId }: { row: Row; onChange: (r: Row) => void; onRemove: () => void; testId: string }) {
  const d = fieldDef(row.field);
  const ops = operatorsFor(d.type);
  const scope = useContext(FieldScopeContext);
  const others = comparableFields(row.field).filter((f) => scope.offers(f.expr));
  const byField = !!row.valueField;
  return (
    <Group gap={6} wrap="nowrap" data-testid={`${testId}-row`}>
      <Select
        size="xs"
        w={230}
        searchable
        data={fieldOptions(row.field, scope)}
        value={row.field}
        onChange={(v) => v && onChange(changeField(row, v))}
        data-testid={`${testId}-field`}
        aria-label="Field"
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        size="xs"
        w={130}
        data={(ops.includes(row.op) ? ops : [...ops, row.op]).map((o) => ({ value: o, label: OPERATOR_LABELS[o] }))}
        value={row.op}
        onChange={(v) => v && onChange({ ...row, op: v as Operator })}
        data-testid={`${testId}-op`}
        aria-label="Operator"
        allowDeselect={false}
      />
      {rowHasValue(row) &&
        (byField ? (
          <Select
            size="xs"
            w={200}
            data={[...others.map((o) => ({ value: o.expr, label: o.label })), ...(others.some((o) => o.expr === row.valueField) ? [] : [{ value: row.valueField!, label: row.valueField! }])]}
            value={row.valueField}
            onChange={(v) => v && onChange({ ...row, valueField: v })}
            data-testid={`${testId}-value-field`}
            aria-label="Compared with"
          />
        ) : (
          <TextInput
            size="xs"
            w={200}
            value={row.value}
            placeholder={row.op === 'in' || row.op === 'not in' ? 'values, separated by commas' : VALUE_HINT[d.type]}
            onChange={(e) => onChange({ ...row, value: e.currentTarget.value })}
            data-testid={`${testId}-value`}
            aria-label="Value"
          />
        ))}
      {rowHasValue(row) && others.length > 0 && (
        <Tooltip label={byField ? 'Compare with a value you type' : 'Compare with another field'}>
          <ActionIcon
            variant={byField ? 'light' : 'subtle'}
            color="gray"
            onClick={() => onChange(byField ? { ...row, valueField: undefined } : { ...row, value: '', valueField: others[0].expr })}
            aria-label={byField ? 'Compare with a value' : 'Compare with another field'}
            data-testid={`${testId}-value-kind`}
          >
            <IconArrowsExchange size={16} />
          </ActionIcon>
        </Tooltip>
      )}
      <ActionIcon variant="subtle" color="gray" onClick={onRemove} aria-label="Remove condition" data-testid={`${testId}-remove`}>
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}
