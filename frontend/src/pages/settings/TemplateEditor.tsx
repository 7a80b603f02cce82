// Settings > Templates: edit an email template (a subject, and a body as
// blocks or, in the HTML tab, as HTML in Go template syntax) with a live
// preview on sample or real customer data, save it (the backend renders it
// with sample data first and refuses a broken one, naming the problem) or go
// back to the default. Every template opens in the Blocks tab: the backend
// reads its HTML as blocks, or as one HTML block when it cannot. Drafts are kept per template
// while the seller switches between them, so nothing typed is lost by looking
// at another template.
import { Alert, Badge, Button, Group, NumberInput, Popover, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { notifyError, notifySuccess } from '../../api';
import { variablesOf } from '../../api/emailVariables';
import { mail, mailKeys, type Block } from '../../api/mail';
import { formatDateTime } from '../../lib/format';
import { BlockEditor } from './BlockEditor';
import { sameBlocks } from './blocks';

/** The body is edited as blocks or as HTML (the tab the seller is in). */
export type BodyMode = 'blocks' | 'html';

export interface Draft {
  subject: string;
  html: string;
  blocks?: Block[];
  mode?: BodyMode;
}

/** A draft differs from the template it started from, in the body it is edited as. */
export function isDirty(draft: Draft | undefined, saved: Draft | undefined): boolean {
  if (!draft || !saved) return false;
  if (draft.subject !== saved.subject) return true;
  return (draft.mode ?? 'html') === 'blocks' ? !sameBlocks(draft.blocks, saved.blocks) : draft.html !== saved.html;
}

/** "order_confirmation" -> "Order confirmation", for the template list. */
export function templateLabel(name: string): string {
  const s = name.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function TemplateEditor() {
  const qc = useQueryClient();
  const names = useQuery({ queryKey: mailKeys.templates, queryFn: mail.templateNames });
  // A flow's email step links here with ?template=name.
  const [params] = useSearchParams();
  const [name, setName] = useState<string>(params.get('template') || 'order_confirmation');
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [customer, setCustomer] = useState<number>(0);
  const [confirmReset, setConfirmReset] = useState(false);
  const [view, setView] = useState<string | null>('html');
  const current = useQuery({ queryKey: mailKeys.template(name), queryFn: () => mail.template(name) });
  const saved: Draft | undefined = current.data
    ? { subject: current.data.subject, html: current.data.html, blocks: current.data.blocks ?? [], mode: 'blocks' }
    : undefined;
  const draft = drafts[name] ?? saved;
  const dirty = isDirty(draft, saved);
  const edit = (patch: Partial<Draft>) => draft && setDrafts((d) => ({ ...d, [name]: { ...draft, ...patch } }));
  const forget = (n: string) => setDrafts(({ [n]: _, ...rest }) => rest);

  const [shown] = useDebouncedValue(draft, 250);
  const preview = useQuery({
    queryKey: ['mail', 'preview', name, shown?.mode, shown?.subject, shown?.mode === 'blocks' ? JSON.stringify(shown.blocks) : shown?.html, customer],
    queryFn: () => shown?.mode === 'blocks'
      ? mail.previewBlocks(name, shown.subject, shown.blocks ?? [], customer)
      : mail.preview(name, shown?.subject ?? '', shown?.html ?? '', customer),
    enabled: !!shown,
    retry: false,
    // Keep showing the last preview while the next renders, instead of flashing empty.
    placeholderData: keepPreviousData,
  });

  // Switching tabs carries the body across: the blocks written as HTML, or
  // the HTML read as blocks (one HTML block where it cannot be read). A body
  // not touched since it was loaded keeps its saved form on both sides.
  const switchMode = async (mode: BodyMode) => {
    if (!draft || !saved || (draft.mode ?? 'blocks') === mode) return;
    try {
      if (mode === 'html') {
        const html = sameBlocks(draft.blocks, saved.blocks) ? saved.html : await mail.blocksHTML(draft.blocks ?? []);
        edit({ mode, html });
      } else {
        const blocks = draft.html === saved.html ? saved.blocks : await mail.blocksOf(draft.html);
        edit({ mode, blocks: blocks ?? [] });
      }
    } catch (e) {
      notifyError(e, 'Could not switch');
    }
  };
  const variables = variablesOf(name);

  const refresh = (n: string) => qc.invalidateQueries({ queryKey: mailKeys.template(n) });
  const save = useMutation({
    mutationFn: (v: { name: string; draft: Draft }) => v.draft.mode === 'blocks'
      ? mail.saveTemplateBlocks(v.name, v.draft.subject, v.draft.blocks ?? [])
      : mail.saveTemplate(v.name, v.draft.subject, v.draft.html),
    onSuccess: async (_, v) => {
      await refresh(v.name);
      forget(v.name);
      notifySuccess(`${templateLabel(v.name)} saved: new emails use it from now on`);
    },
    onError: (e) => notifyError(e, 'Template not saved'),
  });
  const reset = useMutation({
    mutationFn: (n: string) => mail.resetTemplate(n),
    onSuccess: async (_, n) => {
      await refresh(n);
      forget(n);
      notifySuccess(`${templateLabel(n)} is back to the default`);
    },
    onError: (e) => notifyError(e, 'Not reset'),
  });

  return (
    <SimpleGrid cols={2} data-testid="settings-templates">
      <Stack gap="sm">
        <Group align="end" wrap="nowrap">
          <Select
            label="Template" style={{ flex: 1 }} data-testid="template-select" allowDeselect={false}
            data={(names.data ?? []).map((n) => ({ value: n, label: templateLabel(n) }))}
            value={name} onChange={(v) => v && setName(v)}
          />
          <NumberInput label="Preview as customer # (0: sample)" value={customer} min={0} onChange={(v) => setCustomer(Number(v))} w={240} />
        </Group>
        <Group gap="xs" data-testid="template-status">
          {current.data?.customised ? (
            <Badge color="blue" variant="light" data-testid="template-customised">Customised</Badge>
          ) : (
            current.data && <Badge color="gray" variant="light" data-testid="template-default">Default</Badge>
          )}
          {dirty && <Badge color="yellow" variant="light" data-testid="template-unsaved">Unsaved changes</Badge>}
          {current.data?.customised && current.data.updatedAt && (
            <Text size="xs" c="dimmed" data-testid="template-saved-at">saved {formatDateTime(current.data.updatedAt)}</Text>
          )}
        </Group>
        {current.error && <Alert color="red">{(current.error as Error).message}</Alert>}
        <TextInput
          label="Subject" data-testid="template-subject" disabled={!draft}
          value={draft?.subject ?? ''} onChange={(e) => edit({ subject: e.currentTarget.value })}
        />
        <Tabs value={draft?.mode ?? 'blocks'} onChange={(v) => v && switchMode(v as BodyMode)} keepMounted={false}>
          <Tabs.List mb="xs" aria-label="Edit the body as">
            <Tabs.Tab value="blocks" data-testid="template-tab-blocks">Blocks</Tabs.Tab>
            <Tabs.Tab value="html" data-testid="template-tab-html">HTML</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="blocks">
            {current.data && !current.data.blocksExact && draft?.blocks === saved?.blocks && (
              <Alert color="gray" mb="xs" data-testid="template-html-block">
                This template's HTML does not read as blocks, so it is one HTML block: edit it there, or replace it with blocks.
              </Alert>
            )}
            {draft && <BlockEditor key={name} blocks={draft.blocks ?? []} variables={variables} onChange={(blocks) => edit({ blocks })} />}
          </Tabs.Panel>
          <Tabs.Panel value="html">
            <Textarea
              label="Body (HTML with {{.Customer.FirstName}}, {{.Order.Name}}, {{.Cart.RecoveryURL}}, {{.Coupon.Code}}, {{.Shipment.TrackingURL}}, …)"
              description="Shopclerk wraps it in the shop's email layout and writes the plain-text version from it."
              autosize minRows={10} maxRows={24} data-testid="template-html" disabled={!draft}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              value={draft?.html ?? ''} onChange={(e) => edit({ html: e.currentTarget.value })}
            />
          </Tabs.Panel>
        </Tabs>
        <Group>
          <Button onClick={() => draft && save.mutate({ name, draft })} disabled={!dirty} loading={save.isPending} data-testid="template-save">Save</Button>
          <Button variant="default" onClick={() => forget(name)} disabled={!dirty} data-testid="template-discard">Discard changes</Button>
          <Popover opened={confirmReset} onChange={setConfirmReset} withArrow position="top">
            <Popover.Target>
              <Button
                variant="subtle" color="red" disabled={!current.data?.customised} loading={reset.isPending}
                onClick={() => setConfirmReset((o) => !o)} data-testid="template-reset"
              >
                Reset to default
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <Stack gap="xs" maw={260}>
                <Text size="sm">Forget your version of this template? New emails will use the default again; emails already in the outbox stay as they are.</Text>
                <Group gap="xs">
                  <Button size="xs" color="red" onClick={() => { setConfirmReset(false); reset.mutate(name); }} data-testid="template-reset-confirm">Reset</Button>
                  <Button size="xs" variant="default" onClick={() => setConfirmReset(false)}>Keep mine</Button>
                </Group>
              </Stack>
            </Popover.Dropdown>
          </Popover>
        </Group>
      </Stack>
      {/* The preview stays in view while a long list of blocks scrolls. */}
      <Stack gap="xs" style={{ position: 'sticky', top: 64, alignSelf: 'start' }} data-testid="template-preview">
        {preview.error && <Alert color="red" data-testid="template-preview-error">{(preview.error as Error).message}</Alert>}
        {preview.data && (
          <>
            <Text fw={600} data-testid="template-preview-subject">{preview.data.subject}</Text>
            <Tabs value={view} onChange={setView} keepMounted={false}>
              <Tabs.List mb="xs">
                <Tabs.Tab value="html">Email</Tabs.Tab>
                <Tabs.Tab value="text" data-testid="template-preview-text-tab">Plain text</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="html">
                <iframe title="preview" sandbox="" srcDoc={preview.data.html} style={{ width: '100%', height: 480, border: '1px solid #ddd' }} />
              </Tabs.Panel>
              <Tabs.Panel value="text">
                <Text component="pre" size="sm" style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="template-preview-text">{preview.data.text}</Text>
              </Tabs.Panel>
            </Tabs>
          </>
        )}
      </Stack>
    </SimpleGrid>
  );
}
