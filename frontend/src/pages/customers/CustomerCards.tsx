// The customer page's side cards: value, segments, tags, consent,
// addresses and notes.
import { ActionIcon, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { IconRobot, IconTrash, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { Consent, CustomerAddress, CustomerNote, CustomerPageData, CustomerTag, RFMScores } from '../../api/customers';
import { Money } from '../../components/Money';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { countOf } from '../../lib/plural';

export function Card({ title, children, testId, right }: { title: string; children: ReactNode; testId?: string; right?: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h5">
          {title}
        </Title>
        {right}
      </Group>
      {children}
    </Paper>
  );
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} className="tabular">
        {children}
      </Text>
    </div>
  );
}

export function ValueCard({ page }: { page: CustomerPageData }) {
  const l = page.lifetime;
  const cur = l.spent.currency;
  return (
    <Card title="Lifetime value" testId="customer-value">
      <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
        <Figure label="Spent (net of refunds)">{cur ? <Money amount={l.spent.amount} currency={cur} /> : '—'}</Figure>
        <Figure label="Orders">{formatNumber(l.orders)}</Figure>
        <Figure label="Average order">{cur && l.orders > 0 ? <Money amount={l.averageOrder} currency={cur} /> : '—'}</Figure>
        <Figure label="Refunded">{cur ? <Money amount={l.refunded} currency={cur} /> : '—'}</Figure>
        <Figure label="First order">{formatDate(l.firstOrderAt)}</Figure>
        <Figure label="Last order">{formatDate(l.lastOrderAt)}</Figure>
        <Figure label="Open orders">{formatNumber(l.openOrders)}</Figure>
        <Figure label="Emails sent / received">
          {formatNumber(l.emailsSent)} / {formatNumber(l.emailsReceived)}
        </Figure>
      </SimpleGrid>
    </Card>
  );
}

function Score({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0} align="center">
      <Text size="lg" fw={700} className="tabular" aria-label={`${label} ${value} of 5`}>
        {value}
      </Text>
      <Text size="xs" c="dimmed" aria-hidden>
        {label}
      </Text>
    </Stack>
  );
}

export function SegmentsCard({ rfm, segments }: { rfm: RFMScores | null | undefined; segments: string[] }) {
  return (
    <Card title="Segments" testId="customer-segments">
      {rfm && rfm.r === 0 ? (
        <Stack gap="xs">
          <Badge size="lg" variant="light" color="indigo" styles={{ root: { textTransform: 'none' } }} data-testid="customer-rfm-segment">
            {rfm.label}
          </Badge>
          <Text size="xs" c="dimmed">
            No order in the last {rfm.windowDays} days, the window the scores are computed over.
          </Text>
        </Stack>
      ) : rfm ? (
        <Stack gap="xs">
          <Group justify="space-between">
            <Badge size="lg" variant="light" color="indigo" styles={{ root: { textTransform: 'none' } }} data-testid="customer-rfm-segment">
              {rfm.label}
            </Badge>
            <Group gap="md">
              <Score label="Recency" value={rfm.r} />
              <Score label="Frequency" value={rfm.f} />
              <Score label="Monetary" value={rfm.m} />
            </Group>
          </Group>
          <Text size="xs" c="dimmed">
            Since {formatDate(rfm.since)}. Scores are quintiles (5 best) over the last {rfm.windowDays} days:{' '}
            {countOf(rfm.orders, 'order')} in that time.
          </Text>
          {rfm.history && rfm.history.length > 1 && (
            <Text size="xs" c="dimmed" data-testid="customer-segment-history">
              History: {rfm.history.map((h) => `${h.month} ${h.label}`).join(' · ')}
            </Text>
          )}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          Not scored: no order yet, or the scores were not computed since the last import.
        </Text>
      )}
      {segments.length > 0 && (
        <Group gap={4} mt="xs">
          <Text size="xs" c="dimmed">
            Your segments:
          </Text>
          {segments.map((s) => (
            <Badge key={s} size="sm" variant="outline" styles={{ root: { textTransform: 'none' } }}>
              {s}
            </Badge>
          ))}
        </Group>
      )}
    </Card>
  );
}

export function TagsCard({
  tags,
  busy,
  readOnly,
  onAdd,
  onRemove,
}: {
  tags: CustomerTag[];
  busy: boolean;
  readOnly: boolean;
  onAdd: (tag: string) => Promise<boolean>;
  onRemove: (tag: string) => void;
}) {
  const [draft, setDraft] = useState('');
  const add = async () => {
    if (draft.trim() && (await onAdd(draft.trim()))) setDraft('');
  };
  return (
    <Card title="Tags" testId="customer-tags">
      <Group gap={6} mb={readOnly ? 0 : 'xs'}>
        {tags.length === 0 && (
          <Text size="sm" c="dimmed">
            No tags.
          </Text>
        )}
        {tags.map((t) => (
          <Badge
            key={t.name}
            size="lg"
            variant={t.automation ? 'light' : 'default'}
            color={t.automation ? 'teal' : undefined}
            styles={{ root: { textTransform: 'none' } }}
            data-testid="customer-tag"
            data-automation={t.automation || undefined}
            leftSection={
              t.automation ? (
                <Tooltip label={`Added by the automation “${t.rule}”${t.at ? ` on ${formatDate(t.at)}` : ''}`}>
                  <IconRobot size={14} aria-label={`added by the automation ${t.rule}`} role="img" />
                </Tooltip>
              ) : undefined
            }
            rightSection={
              readOnly ? undefined : (
                <ActionIcon
                  size="xs"
                  variant="transparent"
                  color="gray"
                  onClick={() => onRemove(t.name)}
                  disabled={busy}
                  aria-label={`Remove tag ${t.name}`}
                  data-testid={`customer-tag-remove-${t.name}`}
                >
                  <IconX size={12} />
                </ActionIcon>
              )
            }
          >
            {t.name}
          </Badge>
        ))}
      </Group>
      {!readOnly && (
        <Group gap="xs" wrap="nowrap">
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            placeholder="New tag"
            aria-label="New tag"
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                add();
              }
            }}
            data-testid="customer-tag-input"
          />
          <Button size="xs" variant="light" onClick={add} disabled={!draft.trim()} loading={busy} data-testid="customer-tag-add">
            Add tag
          </Button>
        </Group>
      )}
    </Card>
  );
}

const CONSENT_WORDS: Record<string, { label: string; color: string }> = {
  given: { label: 'Given', color: 'teal' },
  withdrawn: { label: 'Withdrawn', color: 'red' },
  not_given: { label: 'Not given', color: 'gray' },
  unknown: { label: 'Unknown', color: 'gray' },
};

export function ConsentCard({ consent }: { consent: Consent[] }) {
  return (
    <Card title="Consent" testId="customer-consent">
      <Stack gap="sm">
        {consent.map((c) => {
          const w = CONSENT_WORDS[c.status] ?? CONSENT_WORDS.unknown;
          return (
            <div key={c.channel} data-testid={`consent-${c.channel}`}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {c.channel === 'sms' ? 'SMS' : 'Email'} marketing
                </Text>
                <Badge size="sm" variant="light" color={w.color}>
                  {w.label}
                </Badge>
                {c.at && (
                  <Text size="xs" c="dimmed">
                    {formatDateTime(c.at)}
                  </Text>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {c.source}
              </Text>
              {(c.history?.length ?? 0) > 1 && (
                <Stack component="ul" gap={0} mt={4} pl="md" style={{ fontSize: 'var(--mantine-font-size-xs)' }}>
                  {c.history.map((h, i) => (
                    <li key={i}>
                      <Text span size="xs">
                        {formatDate(h.at)}: {h.given ? 'given' : 'withdrawn'}, {h.source}
                      </Text>
                    </li>
                  ))}
                </Stack>
              )}
            </div>
          );
        })}
      </Stack>
    </Card>
  );
}

export function AddressesCard({ addresses }: { addresses: CustomerAddress[] }) {
  return (
    <Card title="Addresses" testId="customer-addresses">
      {addresses.length === 0 ? (
        <Text size="sm" c="dimmed">
          None given.
        </Text>
      ) : (
        <Stack gap="sm">
          {addresses.map((a, i) => {
            const lines = [a.name, a.company, a.address1, a.address2, [a.zip, a.city].filter(Boolean).join(' '), a.province, a.country, a.phone].filter(
              (l) => l && l.trim(),
            );
            const use = [a.billing && 'billing', a.shipping && 'shipping'].filter(Boolean).join(' and ');
            return (
              <div key={i}>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {lines.join('\n')}
                </Text>
                <Text size="xs" c="dimmed">
                  {use} · {countOf(a.orders, 'time')}, last {formatDate(a.lastUsed)}
                </Text>
              </div>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}

export function NotesCard({
  notes,
  storeNote,
  readOnly,
  onAdd,
  onDelete,
}: {
  notes: CustomerNote[];
  storeNote: string;
  readOnly: boolean;
  onAdd: (body: string) => Promise<boolean>;
  onDelete: (id: number) => void;
}) {
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);
  const add = async () => {
    setSaving(true);
    if (await onAdd(draft)) setDraft('');
    setSaving(false);
  };
  return (
    <Card title="Notes" testId="customer-notes">
      <Stack gap="xs">
        {storeNote && (
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            <Text span size="xs" c="dimmed">
              From the store:{' '}
            </Text>
            {storeNote}
          </Text>
        )}
        {notes.map((n) => (
          <Group key={n.id} justify="space-between" wrap="nowrap" align="flex-start" data-testid="customer-note">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                {n.body}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(n.createdAt)}
              </Text>
            </div>
            {!readOnly && (
              <ActionIcon variant="subtle" color="gray" onClick={() => onDelete(n.id)} aria-label="Delete note">
                <IconTrash size={14} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {!readOnly && (
          <>
            <Textarea
              size="xs"
              autosize
              minRows={2}
              placeholder="A note for yourself about this customer"
              aria-label="New note"
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              data-testid="customer-note-input"
            />
            <Group justify="flex-end">
              <Button size="xs" variant="light" onClick={add} disabled={!draft.trim()} loading={saving} data-testid="customer-note-add">
                Add note
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Card>
  );
}
