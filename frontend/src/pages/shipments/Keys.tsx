import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifyError, notifySuccess, shipping, shippingKeys } from '../../api';

/**
 * The seller's own carrier API keys (DHL's Shipment Tracking key; USPS's
 * consumer key and secret), saved in the system keychain. The screen only
 * learns whether a key is set, never the key.
 */
export function CarrierKeysButton() {
  const [open, setOpen] = useState(false);
  const status = useQuery({ queryKey: shippingKeys.keys, queryFn: shipping.carrierKeys });
  const set = status.data ? [status.data.dhl && 'DHL', status.data.usps && 'USPS'].filter(Boolean).join(', ') : '';
  return (
    <>
      <Button variant="default" leftSection={<IconKey size={16} aria-hidden />} onClick={() => setOpen(true)} data-testid="shipments-keys">
        Carrier keys{set ? `: ${set}` : ''}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title="Carrier API keys" size="lg">
        <KeysForm dhlSet={!!status.data?.dhl} uspsSet={!!status.data?.usps} />
      </Modal>
    </>
  );
}

function KeysForm({ dhlSet, uspsSet }: { dhlSet: boolean; uspsSet: boolean }) {
  const qc = useQueryClient();
  const [dhl, setDhl] = useState('');
  const [id, setId] = useState('');
  const [secret, setSecret] = useState('');
  const save = useMutation({
    mutationFn: (a: { carrier: 'dhl' | 'usps'; key: string; secret?: string }) => shipping.setCarrierKey(a.carrier, a.key, a.secret),
    onSuccess: (_, a) => {
      qc.invalidateQueries({ queryKey: shippingKeys.keys });
      notifySuccess(a.key ? 'Saved in the system keychain.' : 'Removed.', `${a.carrier.toUpperCase()} key`);
    },
    onError: (e) => notifyError(e, 'The key was not saved'),
  });
  return (
    <Stack gap="md">
      <Alert variant="light" color="blue">
        <Text size="sm">
          With your own free developer keys Shopclerk asks DHL and USPS about your parcels every few hours while it is open. The keys stay
          in your system keychain, never in the shop file.
        </Text>
      </Alert>
      <Stack gap={6}>
        <PasswordInput
          label={`DHL Shipment Tracking API key${dhlSet ? ' (set)' : ''}`}
          description="developer.dhl.com: create an app with the Shipment Tracking - Unified API"
          value={dhl}
          onChange={(e) => setDhl(e.currentTarget.value)}
          data-testid="keys-dhl"
        />
        <Group gap="xs">
          <Button size="xs" disabled={!dhl.trim()} onClick={() => save.mutate({ carrier: 'dhl', key: dhl })}>
            Save DHL key
          </Button>
          {dhlSet && (
            <Button size="xs" variant="subtle" color="red" onClick={() => save.mutate({ carrier: 'dhl', key: '' })}>
              Remove
            </Button>
          )}
        </Group>
      </Stack>
      <Stack gap={6}>
        <TextInput
          label={`USPS consumer key${uspsSet ? ' (set)' : ''}`}
          description="developers.usps.com: an app with the Tracking API"
          value={id}
          onChange={(e) => setId(e.currentTarget.value)}
          data-testid="keys-usps-id"
        />
        <PasswordInput label="USPS consumer secret" value={secret} onChange={(e) => setSecret(e.currentTarget.value)} data-testid="keys-usps-secret" />
        <Group gap="xs">
          <Button size="xs" disabled={!id.trim() || !secret.trim()} onClick={() => save.mutate({ carrier: 'usps', key: id, secret })}>
            Save USPS key
          </Button>
          {uspsSet && (
            <Button size="xs" variant="subtle" color="red" onClick={() => save.mutate({ carrier: 'usps', key: '', secret: '' })}>
              Remove
            </Button>
          )}
        </Group>
      </Stack>
    </Stack>
  );
}
