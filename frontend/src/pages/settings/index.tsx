// Settings > Email: the seller's SMTP/IMAP account with provider presets,
// limits, test mode, "Send test email" and "Check mailbox" with plain-language
// errors, Sign in with Google/Microsoft, the template editor (TemplateEditor.tsx),
// and the suppression list. Passwords go to the system keychain only.
// Settings > Shop (ShopSettings.tsx) is who the shop is.
import {
  Alert, Badge, Button, Checkbox, Group, NumberInput, PasswordInput, Select, SimpleGrid, Stack, Table, Tabs, Text, TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { notifyError, notifySuccess } from '../../api';
import { FullHeightPage, PageHeader } from '../../components/PageHeader';
import { mail, mailKeys, type Account, type Security } from '../../api/mail';
import { formatDate } from '../../lib/format';
import { ShopSettings } from './ShopSettings';
import { TemplateEditor } from './TemplateEditor';
import { StoresSettings } from './Stores';
import { AnswersSettings } from './Answers';

const SECURITY = [
  { value: 'starttls', label: 'STARTTLS' },
  { value: 'tls', label: 'SSL/TLS' },
  { value: 'none', label: 'None (this computer only)' },
];

const TABS = ['email', 'templates', 'suppressions', 'shop', 'stores', 'answers'];

export default function SettingsPage() {
  // The tab is in the address (/settings/suppressions), so other screens link to it.
  const tab = useParams()['*'] ?? '';
  const navigate = useNavigate();
  return (
    <FullHeightPage testId="settings-page">
      <PageHeader title="Settings" description="Your email account, templates, who must not be emailed, and who your shop is." />
      <Tabs value={TABS.includes(tab) ? tab : 'email'} onChange={(v) => navigate(`/settings/${v === 'email' ? '' : v}`)} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="email" data-testid="settings-tab-email">Email</Tabs.Tab>
          <Tabs.Tab value="templates" data-testid="settings-tab-templates">Templates</Tabs.Tab>
          <Tabs.Tab value="suppressions" data-testid="settings-tab-suppressions">Do not email</Tabs.Tab>
          <Tabs.Tab value="shop" data-testid="settings-tab-shop">Shop</Tabs.Tab>
          <Tabs.Tab value="stores" data-testid="settings-tab-stores">Stores</Tabs.Tab>
          <Tabs.Tab value="answers" data-testid="settings-tab-answers">Answers</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="email"><EmailAccount /></Tabs.Panel>
        <Tabs.Panel value="templates"><TemplateEditor /></Tabs.Panel>
        <Tabs.Panel value="suppressions"><Suppressions /></Tabs.Panel>
        <Tabs.Panel value="shop"><ShopSettings /></Tabs.Panel>
        <Tabs.Panel value="stores"><StoresSettings /></Tabs.Panel>
        <Tabs.Panel value="answers"><AnswersSettings /></Tabs.Panel>
      </Tabs>
    </FullHeightPage>
  );
}

function EmailAccount() {
  const qc = useQueryClient();
  const view = useQuery({ queryKey: mailKeys.account, queryFn: mail.account });
  const presets = useQuery({ queryKey: mailKeys.presets, queryFn: mail.presets });
  const [a, setA] = useState<Account | null>(null);
  const [password, setPassword] = useState('');
  const [testTo, setTestTo] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => { if (view.data && !a) setA(view.data.account); }, [view.data, a]);
  const set = <K extends keyof Account>(k: K, v: Account[K]) => setA((p) => (p ? { ...p, [k]: v } : p));
  const preset = presets.data?.find((p) => p.id === a?.provider);
  const report = (ok: boolean) => (v: unknown) => setResult({ ok, text: ok ? String(v) : (v as Error).message });
  const save = useMutation({
    // Test mode sends to the seller's own address unless they name another.
    mutationFn: () => mail.saveAccount({ ...(a as Account), testAddress: a?.testAddress || a?.fromAddress || '' }, password),
    onSuccess: () => { setPassword(''); notifySuccess('Email account saved'); qc.invalidateQueries({ queryKey: ['mail'] }); },
    onError: (e) => notifyError(e, 'Not saved'),
  });
  if (view.error) return <Alert color="red">{(view.error as Error).message}</Alert>;
  if (!a || !view.data) return <Text c="dimmed">Loading…</Text>;
  return (
    <Stack gap="sm" maw={820} data-testid="settings-email">
      {a.testMode && (
        <Alert color="orange" title="Test mode is on">Every message goes to {a.testAddress || a.fromAddress || 'your test address'} instead of your customers.</Alert>
      )}
      {view.data.secretsBackend === 'file' && (
        <Alert color="yellow">No system keychain was found on this computer: your password is kept in a file only you can read, next to the shop database.</Alert>
      )}
      <Select
        label="Provider" data-testid="settings-provider"
        data={(presets.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
        value={a.provider}
        onChange={(v) => v && mail.applyPreset(a, v).then(setA, notifyError)}
      />
      {preset?.passwordHint && <Text size="sm" c="dimmed">{preset.passwordHint}</Text>}
      <SimpleGrid cols={2}>
        <TextInput label="Your name (sender)" value={a.fromName} onChange={(e) => set('fromName', e.currentTarget.value)} />
        <TextInput label="Email address" value={a.fromAddress} onChange={(e) => set('fromAddress', e.currentTarget.value)} data-testid="settings-from" />
        <TextInput label="Login (if not the address)" value={a.username} onChange={(e) => set('username', e.currentTarget.value)} />
        {a.auth === 'password' ? (
          <PasswordInput label={view.data.hasSecret ? 'Password (saved; type to change)' : 'Password'} value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-testid="settings-password" />
        ) : (
          <TextInput label="OAuth client ID" value={a.oauthClientId} onChange={(e) => set('oauthClientId', e.currentTarget.value)} />
        )}
      </SimpleGrid>
      {preset?.oauth && (
        <Checkbox label={`Sign in with ${a.provider === 'gmail' ? 'Google' : 'Microsoft'} instead of a password`} checked={a.auth === 'oauth2'}
          onChange={(e) => set('auth', e.currentTarget.checked ? 'oauth2' : 'password')} />
      )}
      {a.auth === 'oauth2' && (
        <Group align="end">
          <PasswordInput label="Client secret (Google only)" value={clientSecret} onChange={(e) => setClientSecret(e.currentTarget.value)} />
          <Button variant="default" onClick={() => mail.signIn(clientSecret).then(() => notifySuccess('Signed in'), (e) => notifyError(e))}>Sign in</Button>
        </Group>
      )}
      <SimpleGrid cols={3}>
        <TextInput label="Sending server (SMTP)" data-testid="settings-smtp-host" value={a.smtpHost} onChange={(e) => set('smtpHost', e.currentTarget.value)} />
        <NumberInput label="Port" data-testid="settings-smtp-port" value={a.smtpPort} onChange={(v) => set('smtpPort', Number(v))} />
        <Select label="Security" data={SECURITY} value={a.smtpSecurity} onChange={(v) => v && set('smtpSecurity', v as Security)} />
        <TextInput label="Mailbox server (IMAP)" data-testid="settings-imap-host" value={a.imapHost} onChange={(e) => set('imapHost', e.currentTarget.value)} />
        <NumberInput label="Port" data-testid="settings-imap-port" value={a.imapPort} onChange={(v) => set('imapPort', Number(v))} />
        <Select label="Security" data={SECURITY} value={a.imapSecurity} onChange={(v) => v && set('imapSecurity', v as Security)} />
        <NumberInput label="Messages per minute (0 = no limit)" value={a.perMinute} min={0} onChange={(v) => set('perMinute', Number(v))} />
        <NumberInput label="Messages per day (0 = no limit)" value={a.perDay} min={0} onChange={(v) => set('perDay', Number(v))} />
        <TextInput label="Trusted certificate file (self-hosted, optional)" value={a.caFile} onChange={(e) => set('caFile', e.currentTarget.value)} data-testid="settings-ca" />
        <TextInput label="Unsubscribe page (https, optional)" value={a.unsubscribeUrl} onChange={(e) => set('unsubscribeUrl', e.currentTarget.value)} placeholder="https://myshop.com/unsubscribe?t={token}" />
      </SimpleGrid>
      <Checkbox label="My provider files sent mail in Sent by itself" checked={a.providerFilesSent} onChange={(e) => set('providerFilesSent', e.currentTarget.checked)} />
      <Checkbox label="Send myself a hidden copy that proves delivery (for providers that do not file sent mail)" checked={a.confirmCopy} onChange={(e) => set('confirmCopy', e.currentTarget.checked)} />
      {a.smtpSecurity === 'none' || a.imapSecurity === 'none' ? (
        <Checkbox label="Allow unencrypted connections to this computer" checked={a.allowPlaintext} onChange={(e) => set('allowPlaintext', e.currentTarget.checked)} />
      ) : null}
      <Group align="end">
        <Checkbox label="Test mode: send every message to" checked={a.testMode} onChange={(e) => set('testMode', e.currentTarget.checked)} data-testid="settings-test-mode" />
        <TextInput value={a.testAddress} onChange={(e) => set('testAddress', e.currentTarget.value)} placeholder={a.fromAddress || 'you@example.com'} />
      </Group>
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="settings-save">Save</Button>
        <TextInput placeholder="send a test to…" data-testid="settings-test-to" value={testTo} onChange={(e) => setTestTo(e.currentTarget.value)} />
        <Button variant="default" onClick={() => { setResult(null); mail.sendTest(testTo || a.fromAddress).then((reply) => report(true)(`Sent. The server said: ${reply}`), report(false)); }} data-testid="settings-send-test">Send test email</Button>
        <Button variant="default" onClick={() => { setResult(null); mail.checkMailbox().then(report(true), report(false)); }} data-testid="settings-check-mailbox">Check mailbox</Button>
      </Group>
      {result && <Alert color={result.ok ? 'green' : 'red'} data-testid="settings-result">{result.text}</Alert>}
    </Stack>
  );
}

function Suppressions() {
  const qc = useQueryClient();
  const list = useQuery({ queryKey: mailKeys.suppressions, queryFn: mail.suppressions });
  const [email, setEmail] = useState('');
  const refresh = () => qc.invalidateQueries({ queryKey: mailKeys.suppressions });
  return (
    <Stack gap="sm" data-testid="settings-suppressions">
      <Text size="sm" c="dimmed">Shopclerk checks this list right before each email goes out. Bounces, spam complaints and unsubscribes are added by themselves.</Text>
      <Group>
        <TextInput placeholder="address@example.com" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
        <Button onClick={() => mail.suppress(email, 'added by you').then(() => { setEmail(''); refresh(); }, notifyError)}>Add</Button>
      </Group>
      <Table>
        <Table.Thead><Table.Tr><Table.Th>Address</Table.Th><Table.Th>Why</Table.Th><Table.Th>Since</Table.Th><Table.Th /></Table.Tr></Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((s) => (
            <Table.Tr key={s.email}>
              <Table.Td>{s.email}</Table.Td>
              <Table.Td><Badge variant="light">{s.reason.replace('_', ' ')}</Badge> <Text span size="xs" c="dimmed">{s.detail}</Text></Table.Td>
              <Table.Td>{formatDate(s.at)}</Table.Td>
              <Table.Td><Button size="xs" variant="subtle" onClick={() => mail.unsuppress(s.email).then(refresh, notifyError)}>Remove</Button></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
