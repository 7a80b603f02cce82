import { Alert, Button, Collapse, Table, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { shipping, shippingKeys } from '../../api';
import { countOf, plural } from '../../lib/plural';

/** The tracking numbers whose order is not in the shop yet. */
export function UnmatchedList({ count }: { count: number }) {
  const [open, setOpen] = useState(false);
  const q = useQuery({ queryKey: shippingKeys.unmatched, queryFn: shipping.unmatched, enabled: open });
  return (
    <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />} data-testid="shipments-unmatched">
      <Text size="sm">
        {countOf(count, 'tracking number')} {plural(count, 'waits', 'wait')} for an order that is not in the shop yet. Each joins its order
        when you import the order.{' '}
        <Button variant="subtle" size="compact-xs" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? 'Hide them' : 'Show them'}
        </Button>
      </Text>
      <Collapse in={open}>
        <Table mt="xs" aria-label="Tracking numbers without an order">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Order</Table.Th>
              <Table.Th>Carrier</Table.Th>
              <Table.Th>Tracking number</Table.Th>
              <Table.Th>From</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(q.data ?? []).map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.orderRef}</Table.Td>
                <Table.Td>{u.carrier || 'Unknown carrier'}</Table.Td>
                <Table.Td ff="monospace">{u.trackingNumber}</Table.Td>
                <Table.Td>
                  {u.file}, row {u.row}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Collapse>
    </Alert>
  );
}
