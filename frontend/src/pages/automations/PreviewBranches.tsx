// The preview's word on branches: which side of each split every customer
// takes in this plan, and why (the split's condition held or not, their
// draw, or the side they took before and keep).
import { Badge, Stack, Table, Text } from '@mantine/core';
import type { FlowPlan } from '../../api/automations';

export function BranchChoices({ plan: f }: { plan: FlowPlan }) {
  const choices = f.branches ?? [];
  if (choices.length === 0) return null;
  // Name a customer as their email when this plan emails them.
  const who = new Map<string, string>();
  for (const it of f.items ?? []) if (it.email?.to && !who.has(it.occurrence)) who.set(it.occurrence, it.email.to);
  return (
    <Stack gap={4} mb="xs" data-testid={`preview-branches-${f.flowId}`}>
      <Text size="xs" fw={600}>
        Who goes where
      </Text>
      <Table withRowBorders={false} verticalSpacing={2} fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Customer</Table.Th>
            <Table.Th>Split</Table.Th>
            <Table.Th>Branch</Table.Th>
            <Table.Th>Why</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {choices.map((c) => (
            <Table.Tr key={`${c.occurrence}/${c.step}`} data-testid="preview-branch-choice">
              <Table.Td>{who.get(c.occurrence) ?? (c.email || c.subject)}</Table.Td>
              <Table.Td>{c.where}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="outline" color={c.side === 'yes' || c.side === 'a' ? 'violet' : 'gray'} style={{ textTransform: 'none' }}>
                  {c.label}
                </Badge>
              </Table.Td>
              <Table.Td>{c.why}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
