// The builder of the seller's own segments: a name and a condition over the
// customer, written with the flows' condition builder (only the customer's
// fields offered) and compiled by the flows' compiler in Go. "Check" tries
// it on every customer and says how many match, with a sample, and warns
// when that is nobody or everybody.
import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { normalizeError } from '../../api';
import { customersApi, type SegmentCheck, type SegmentDef } from '../../api/customers';
import { ConditionEditor, type FieldScope } from '../automations/ConditionBuilder';
import { countOf } from '../../lib/plural';

/** A segment is about customers: the builder offers the customer's fields. */
export const CUSTOMER_FIELDS: FieldScope = {
  offers: (expr) => /^(\w+\()?customer\./.test(expr),
  first: 'customer.totalSpent',
};

function CheckResult({ check }: { check: SegmentCheck }) {
  if (check.problem) return null;
  return (
    <Stack gap={4} data-testid="segment-check">
      <Text size="sm" fw={500} data-testid="segment-check-count">
        Matches {countOf(check.members, 'customer')} of {countOf(check.customers, 'customer')}.
      </Text>
      {check.warning && (
        <Alert color="orange" variant="light" p="xs" data-testid="segment-check-warning">
          {check.warning}
        </Alert>
      )}
      {(check.sample?.length ?? 0) > 0 && (
        <List size="xs" c="dimmed">
          {check.sample.map((m) => (
            <List.Item key={m.id}>{[m.name, m.email].filter(Boolean).join(' · ')}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

export function SegmentBuilder({ initial, onClose, onSaved }: { initial: SegmentDef | null; onClose: () => void; onSaved: (s: SegmentDef, c: SegmentCheck) => void }) {
  const [name, setName] = useState(initial?.name ?? '');
  const [condition, setCondition] = useState(initial?.condition ?? '');
  const [check, setCheck] = useState<SegmentCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<'check' | 'save' | null>(null);

  const run = async (what: 'check' | 'save') => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'check') {
        setCheck(await customersApi.checkSegment(condition));
      } else {
        const saved = await customersApi.saveSegment({ id: initial?.id ?? 0, name, condition, members: 0 } as SegmentDef);
        setCheck(saved.check);
        onSaved(saved.segment, saved.check);
      }
    } catch (e) {
      setError(normalizeError(e).message);
    } finally {
      setBusy(null);
    }
  };
  // The compiler's position, shown the way the flow editor shows a problem.
  const problems = check?.problem ? [{ ...check.problem, field: 'condition', step: 0 }] : [];
  return (
    <Modal opened onClose={onClose} title={initial ? `Edit “${initial.name}”` : 'New segment'} size="56rem" data-testid="segment-builder">
      <Stack gap="sm">
        <TextInput
          label="Name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          placeholder="e.g. Big spenders in Germany"
          data-testid="segment-name"
          data-autofocus
        />
        <div>
          <Text size="sm" fw={500} mb={4} id="segment-condition-label">
            Customers who match
          </Text>
          <ConditionEditor
            value={condition}
            onChange={(v) => {
              setCondition(v);
              setCheck(null);
            }}
            problems={problems}
            testId="segment-cond"
            emptyText="Add a condition: a segment without one would be every customer."
            scope={CUSTOMER_FIELDS}
          />
        </div>
        {check && <CheckResult check={check} />}
        {error && (
          <Alert color="red" variant="light" data-testid="segment-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="light" onClick={() => run('check')} loading={busy === 'check'} disabled={!condition.trim()} data-testid="segment-check-run">
            Check
          </Button>
          <Button onClick={() => run('save')} loading={busy === 'save'} disabled={!name.trim() || !condition.trim()} data-testid="segment-save">
            Save segment
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
