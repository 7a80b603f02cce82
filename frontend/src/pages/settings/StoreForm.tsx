// Adding a store: Shopify (a custom app's Admin API token, or a Dev
// Dashboard app's client ID and secret), WooCommerce (a REST API key) or
// Etsy (the seller's app's keystring and shared secret, then Sign in with
// Etsy in the browser; Etsy sends the browser back only to an https address
// the app lists, so the seller pastes that address, with its code, back).
// Shopclerk tests the credentials before it saves anything; the secret goes
// to the system keychain only.
import { Alert, Anchor, Button, Group, Paper, PasswordInput, Radio, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { normalizeError, openExternal } from '../../api';
import { stores, type EtsyStart, type NewStoreInput, type StoreAdded, type StoreAuth, type StoreKind } from '../../api/stores';

/** The callback address Shopclerk suggests for the seller's Etsy app (service.EtsyCallback). */
export const ETSY_CALLBACK = 'https://localhost/shopclerk-etsy';

const EMPTY: NewStoreInput = { kind: 'shopify', url: '', name: '', auth: 'token', clientId: '', secret: '', callback: '' };

export function StoreForm({ onAdded, onCancel }: { onAdded: (a: StoreAdded) => void; onCancel: () => void }) {
  const [s, setS] = useState<NewStoreInput>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [signIn, setSignIn] = useState<EtsyStart | null>(null);
  // The form opens from a button that it disables: focus goes into the form.
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.querySelector<HTMLInputElement>('input:checked')?.focus(), []);
  const set = <K extends keyof NewStoreInput>(k: K, v: NewStoreInput[K]) => setS((p) => ({ ...p, [k]: v }));
  const shopify = s.kind === 'shopify';
  const etsy = s.kind === 'etsy';
  const run = <T,>(p: Promise<T>, done: (v: T) => void) => {
    setBusy(true);
    setError('');
    p.then(
      (v) => {
        setBusy(false);
        done(v);
      },
      (e) => {
        setBusy(false);
        setError(normalizeError(e).message);
      },
    );
  };
  const added = (a: StoreAdded) => {
    setS(EMPTY);
    setSignIn(null);
    onAdded(a);
  };
  const connect = () =>
    etsy ? run(stores.startEtsy({ ...s, auth: 'oauth' }), setSignIn) : run(stores.add({ ...s, auth: shopify ? s.auth : 'keys' }), added);
  if (signIn) {
    return (
      <Paper withBorder p="md" radius="md" data-testid="store-form" ref={box}>
        <EtsyPaste start={signIn} busy={busy} error={error} onFinish={(pasted) => run(stores.finishEtsy(signIn.id, pasted), added)} onCancel={() => setSignIn(null)} />
      </Paper>
    );
  }
  return (
    <Paper withBorder p="md" radius="md" data-testid="store-form" ref={box}>
      <Stack gap="sm">
        <Text fw={600} size="sm" component="h3" m={0}>
          Connect a store
        </Text>
        <SegmentedControl
          aria-label="Platform"
          value={s.kind}
          onChange={(v) =>
            setS({ ...EMPTY, kind: v as StoreKind, auth: v === 'shopify' ? 'token' : v === 'etsy' ? 'oauth' : 'keys', callback: v === 'etsy' ? ETSY_CALLBACK : '' })
          }
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
            ? 'Etsy opens in your browser: allow Shopclerk there, then paste back the address your browser lands on. Shopclerk tests the shop before it saves anything; the secret and the sign-in are kept in your system keychain, never in the shop file.'
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
      <TextInput
        label="Callback URL your Etsy app lists"
        description="Add this address to your app's callback URLs (etsy.com/developers/your-apps > your app). Nothing needs to answer there: your browser only shows it, with the sign-in code."
        value={s.callback}
        onChange={(e) => set('callback', e.currentTarget.value)}
        data-testid="store-callback"
        required
      />
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

/**
 * The second step of Sign in with Etsy: Etsy sent the browser to the app's
 * callback address with the code; the seller pastes that address here.
 */
function EtsyPaste({ start, busy, error, onFinish, onCancel }: { start: EtsyStart; busy: boolean; error: string; onFinish: (pasted: string) => void; onCancel: () => void }) {
  const [pasted, setPasted] = useState('');
  return (
    <Stack gap="sm" data-testid="etsy-paste">
      <Text fw={600} size="sm" component="h3" m={0}>
        Sign in with Etsy
      </Text>
      <Text size="sm">
        Etsy opened in your browser (
        <Anchor
          href={start.url}
          onClick={(e) => {
            e.preventDefault();
            openExternal(start.url);
          }}
          data-testid="etsy-signin-url"
        >
          open it again
        </Anchor>
        ). Allow Shopclerk there. Etsy then sends your browser to <Text span ff="monospace">{start.callback}?code=…</Text>: that page does not load, which is
        expected. Copy the whole address from your browser&apos;s address bar and paste it here.
      </Text>
      <Textarea
        label="Address from your browser"
        placeholder={`${start.callback}?code=…&state=…`}
        autosize
        minRows={2}
        value={pasted}
        onChange={(e) => setPasted(e.currentTarget.value)}
        data-testid="etsy-pasted"
        required
        data-autofocus
      />
      {error && (
        <Alert color="red" variant="light" data-testid="store-form-error" role="alert">
          {error}
        </Alert>
      )}
      <Group>
        <Button onClick={() => onFinish(pasted)} loading={busy} disabled={!pasted.trim()} data-testid="etsy-finish">
          Finish and connect
        </Button>
        <Button variant="default" onClick={onCancel} disabled={busy}>
          Back
        </Button>
      </Group>
    </Stack>
  );
}
