// Erasing a customer asks first, says what stays and what goes, and asks
// again, in so many words, when the customer has orders not yet shipped or
// paid: those lose the address they ship to.
import { Alert, Button, Checkbox, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { normalizeError } from '../../api';
import { customersApi } from '../../api/customers';
import { countOf } from '../../lib/plural';

/** What an erasure keeps and deletes, naming only what the customer has. */
export function eraseWords(orders: number, carts: number, emails: number): string {
  const kept = [orders > 0 && countOf(orders, 'order'), carts > 0 && countOf(carts, 'abandoned cart')].filter(Boolean).join(' and ');
  const gone = [emails > 0 && `the ${countOf(emails, 'email')} to and from them`, 'your notes', 'their tags and scores'].filter(Boolean);
  return [
    kept && `Their ${kept} stay for your accounts, without name, email, street or phone (the country stays, for tax).`,
    `${gone.slice(0, -1).join(', ')} and ${gone[gone.length - 1]} are deleted.`.replace(/^./, (c) => c.toUpperCase()),
    'A fingerprint of their email is kept so that your next import does not add them back. This cannot be undone.',
  ]
    .filter(Boolean)
    .join(' ');
}

export function EraseDialog({
  customerId,
  name,
  opened,
  onClose,
  onErased,
}: {
  customerId: number;
  name: string;
  opened: boolean;
  onClose: () => void;
  onErased: () => void;
}) {
  const check = useQuery({
    queryKey: ['customers', 'erase-check', customerId],
    queryFn: () => customersApi.checkErase(customerId),
    enabled: opened,
    gcTime: 0,
  });
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = check.data?.openOrders ?? [];
  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      await customersApi.erase(customerId, confirmOpen);
      onErased();
    } catch (e) {
      setError(normalizeError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={`Erase ${name}?`} size="lg" data-testid="erase-dialog">
      {check.isLoading && <Loader size="sm" />}
      {check.error && (
        <Alert color="red" variant="light">
          {normalizeError(check.error).message}
        </Alert>
      )}
      {check.data && (
        <Stack gap="sm">
          <Text size="sm">{eraseWords(check.data.orders, check.data.carts, check.data.emails)}</Text>
          {open.length > 0 && (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title="Orders not yet shipped or paid" data-testid="erase-open-orders">
              <Text size="sm">
                {countOf(open.length, 'order is', 'orders are')} still open. After the erasure you could no longer see where to ship
                {open.length === 1 ? ' it' : ' them'} or whom to ask for payment:
              </Text>
              <List size="sm" mt={4}>
                {open.map((o) => (
                  <List.Item key={o}>{o}</List.Item>
                ))}
              </List>
              <Checkbox
                mt="sm"
                label="I know: erase anyway"
                checked={confirmOpen}
                onChange={(e) => setConfirmOpen(e.currentTarget.checked)}
                data-testid="erase-confirm-open"
              />
            </Alert>
          )}
          {error && (
            <Alert color="red" variant="light" data-testid="erase-error">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep the customer
            </Button>
            <Button color="red" onClick={erase} loading={busy} disabled={open.length > 0 && !confirmOpen} data-testid="erase-confirm">
              Erase
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
