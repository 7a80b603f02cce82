// Suppliers: contact, lead time and its spread, minimum order, pack size,
// currency. The backend refuses figures the reorder maths cannot use.
import { Button, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess } from '../../api';
import { inventory, inventoryKeys, type Supplier } from '../../api/inventory';

const blank: Supplier = { id: 0, name: '', email: '', currency: '', leadTimeDays: 14, leadTimeStdDays: 0, minOrderQty: 0, packSize: 1 };

export function Suppliers() {
  const list = useQuery({ queryKey: inventoryKeys.suppliers, queryFn: inventory.suppliers });
  const [edit, setEdit] = useState<Supplier>(blank);
  const qc = useQueryClient();
  const save = useMutation({
    mutationFn: inventory.saveSupplier,
    onSuccess: (s) => {
      qc.invalidateQueries({ queryKey: ['inventory'] });
      notifySuccess(`${s.name} saved.`);
      setEdit(blank);
    },
    onError: (e) => notifyError(e),
  });
  const num = (k: keyof Supplier) => (v: number | string) => setEdit({ ...edit, [k]: typeof v === 'number' ? v : Number(v) });
  return (
    <Stack gap="md" data-testid="suppliers">
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Currency</Table.Th>
            <Table.Th ta="right">Lead time (days)</Table.Th>
            <Table.Th ta="right">± days</Table.Th>
            <Table.Th ta="right">Minimum</Table.Th>
            <Table.Th ta="right">Pack</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((s) => (
            <Table.Tr key={s.id} style={{ cursor: 'pointer' }} onClick={() => setEdit(s)}>
              <Table.Td>{s.name}</Table.Td>
              <Table.Td c={s.email ? undefined : 'orange'}>{s.email || 'no email: orders cannot be sent'}</Table.Td>
              <Table.Td>{s.currency}</Table.Td>
              <Table.Td ta="right">{s.leadTimeDays}</Table.Td>
              <Table.Td ta="right">{s.leadTimeStdDays}</Table.Td>
              <Table.Td ta="right">{s.minOrderQty}</Table.Td>
              <Table.Td ta="right">{s.packSize}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.isError && <Text c="red">{list.error.message}</Text>}
      <Text fw={600}>{edit.id ? `Edit ${edit.name}` : 'New supplier'}</Text>
      <Group align="flex-end" wrap="wrap">
        <TextInput label="Name" value={edit.name} onChange={(e) => setEdit({ ...edit, name: e.currentTarget.value })} />
        <TextInput label="Email" value={edit.email} onChange={(e) => setEdit({ ...edit, email: e.currentTarget.value })} />
        <TextInput label="Currency" w={90} value={edit.currency} onChange={(e) => setEdit({ ...edit, currency: e.currentTarget.value })} />
        <NumberInput label="Lead time (days)" w={130} value={edit.leadTimeDays} onChange={num('leadTimeDays')} />
        <NumberInput label="± days" w={90} value={edit.leadTimeStdDays} onChange={num('leadTimeStdDays')} />
        <NumberInput label="Minimum order" w={120} value={edit.minOrderQty} onChange={num('minOrderQty')} />
        <NumberInput label="Pack size" w={100} value={edit.packSize} onChange={num('packSize')} />
        <Button onClick={() => save.mutate(edit)} loading={save.isPending}>
          Save
        </Button>
        {edit.id !== 0 && (
          <Button variant="subtle" onClick={() => setEdit(blank)}>
            New
          </Button>
        )}
      </Group>
    </Stack>
  );
}
