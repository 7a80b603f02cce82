// Adding a store: Shopify (a custom app's Admin API token, or a Dev
// Dashboard app's client ID and secret), WooCommerce (a REST API key) or
// Etsy (the seller's app's keystring and shared secret, then Sign in with
// Etsy in the browser).
// Shopclerk tests the credentials before it saves anything; the secret goes
// to the system keychain only.
import { Alert, Button, Group, Paper, PasswordInput, Radio, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { normalizeError } from '../../api';
import { stores, type NewStoreInput, type StoreAdded, type StoreAuth, type StoreKind } from '../../api/stores';

const EMPTY: NewStoreInput = { kind: 'shopify', url: '', name: '', auth: 'token', clientId: '', secret: '' };

export function StoreForm({ onAdded, onCancel }: { onAdded: (a: StoreAdded) => void; onCancel: () => void }) {
  const [s, setS] = useState<NewStoreInput>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  // The form opens from a button that it disables: focus goes into the form.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.querySelector<HTMLInputElement>('input:checked')?.focus(), []);
  const set = <K extends keyof NewStoreInput>(k: K, v: NewStoreInput[K]) => setS((p) => ({ ...p, [k]: v }));
  const shopify = s.kind === 'shopify';
  const etsy = s.kind === 'etsy';
  const connect = () => {
    setBusy(true);
    setError('');
    (etsy ? stores.addEtsy({ ...s, auth: 'oauth' }) : stores.add({ ...s, auth: shopify ? s.auth : 'keys' })).then(
      (a) => {
        setBusy(false);
        setS(EMPTY);
        onAdded(a);
      },
      (e) => {
        setBusy(false);
        setError(normalizeError(e).message);
      },
    );
  };
  return (
    <Paper withBorder p="md" radius="md" data-testid="store-form" ref={box}>
      <Stack gap="sm">
        <Text fw={600} size="sm" component="h3" m={0}>
          Connect a store
        </Text>
        <SegmentedControl
          aria-label="Platform"
          value={s.kind}
          onChange={(v) => setS({ ...EMPTY, kind: v as StoreKind, auth: v === 'shopify' ? 'token' : v === 'etsy' ? 'oauth' : 'keys' })}
          data={[
            { value: 'shopify', label: 'Shopify' },
            { value: 'woocommerce', label: 'WooCommerce' },
            { value: 'etsy', label: 'Etsy' },
          ]}
          data-testid="store-kind"
          w="fit-content"
        />
        {etsy && <EtsyFields s={s} set={set} />}
        {!etsy && (
        <Group grow align="flex-start">
          <TextInput
            label={shopify ? 'Store address' : 'Site address'}
            description={shopify ? 'The NAME.myshopify.com address (Shopify admin > Settings > Domains)' : 'Your WordPress site, https://…'}
            placeholder={shopify ? 'https://your-store.myshopify.com' : 'https://example.com'}
            value={s.url}
            onChange={(e) => set('url', e.currentTarget.value)}
            data-testid="store-url"
            required
          />
          <StoreName s={s} set={set} etsy={false} />
        </Group>
        )}
        {shopify && (
          <Radio.Group label="How Shopclerk signs in" value={s.auth} onChange={(v) => set('auth', v as StoreAuth)} data-testid="store-auth">
            <Stack gap={6} mt={6}>
              <Radio value="token" label="Admin API access token (shpat_…) of a custom app" data-testid="store-auth-token" />
              <Radio value="client_credentials" label="Client ID and secret of an app from the Dev Dashboard" data-testid="store-auth-client" />
            </Stack>
          </Radio.Group>
        )}
        {shopify && s.auth === 'token' && (
          <PasswordInput
            label="Admin API access token"
            description="Shopify admin > Settings > Apps and sales channels > Develop apps > your app > API credentials"
            value={s.secret}
            onChange={(e) => set('secret', e.currentTarget.value)}
            data-testid="store-secret"
            required
          />
        )}
        {!etsy && (!shopify || s.auth === 'client_credentials') && (
          <Group grow align="flex-start">
            <TextInput
              label={shopify ? 'Client ID' : 'Consumer key (ck_…)'}
              description={shopify ? 'Dev Dashboard > your app > Settings' : 'WooCommerce > Settings > Advanced > REST API'}
              value={s.clientId}
              onChange={(e) => set('clientId', e.currentTarget.value)}
              data-testid="store-client-id"
              required
            />
            <PasswordInput
              label={shopify ? 'Client secret' : 'Consumer secret (cs_…)'}
              description={shopify ? 'Shown beside the client ID' : 'WooCommerce shows it once, when the key is made'}
              value={s.secret}
              onChange={(e) => set('secret', e.currentTarget.value)}
              data-testid="store-secret"
              required
            />
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {etsy
            ? 'Etsy opens in your browser: allow Shopclerk there, then come back. Shopclerk tests the shop before it saves anything; the secret and the sign-in are kept in your system keychain, never in the shop file.'
            : 'Shopclerk signs in before it saves anything. The secret is kept in your system keychain, never in the shop file.'}
        </Text>
        {error && (
          <Alert color="red" variant="light" data-testid="store-form-error" role="alert">
            {error}
          </Alert>
        )}
        <Group>
          <Button onClick={connect} loading={busy} data-testid="store-connect">
            {etsy ? 'Sign in with Etsy' : 'Test and connect'}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

type Set = <K extends keyof NewStoreInput>(k: K, v: NewStoreInput[K]) => void;

function StoreName({ s, set, etsy }: { s: NewStoreInput; set: Set; etsy: boolean }) {
  return (
    <TextInput
      label="Name in Shopclerk (optional)"
      description={etsy ? 'A short name; "Etsy" otherwise' : 'A short name; the address gives one otherwise'}
      value={s.name}
      onChange={(e) => set('name', e.currentTarget.value)}
      data-testid="store-name"
    />
  );
}

/** Etsy: the seller's own Etsy app (etsy.com/developers/your-apps) signs in; Etsy has one address. */
function EtsyFields({ s, set }: { s: NewStoreInput; set: Set }) {
  return (
    <>
      <Group grow align="flex-start">
        <TextInput
          label="Keystring"
          description="etsy.com/developers/your-apps > your app"
          value={s.clientId}
          onChange={(e) => set('clientId', e.currentTarget.value)}
          data-testid="store-client-id"
          required
        />
        <PasswordInput
          label="Shared secret"
          description="Shown beside the keystring"
          value={s.secret}
          onChange={(e) => set('secret', e.currentTarget.value)}
          data-testid="store-secret"
          required
        />
      </Group>
      <Group grow align="flex-start">
        <StoreName s={s} set={set} etsy />
        <TextInput
          label="API address (optional)"
          description="Leave empty: only a test stand-in on this computer has its own"
          placeholder="https://openapi.etsy.com"
          value={s.url}
          onChange={(e) => set('url', e.currentTarget.value)}
          data-testid="store-url"
        />
      </Group>
    </>
  );
}
