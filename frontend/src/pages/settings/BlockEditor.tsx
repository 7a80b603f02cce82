// The template editor's Blocks tab: the email's body as a list of blocks,
// each edited in place, added from a menu, moved with buttons or
// Alt+ArrowUp/Down, removed; a variable picker writes the chosen variable
// at the cursor of the last text field the seller was in. The backend turns
// the blocks into the email (preview and save), so nothing here writes HTML.
import { ActionIcon, Alert, Button, Group, Menu, Paper, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import type { Variable } from '../../api/emailVariables';
import type { Block, LineColumn, LineSource } from '../../api/mail';
import { addBlock, blockKinds, blockLabel, insertAt, lineSources, moveBlock, newBlock, removeBlock, unknownVariables, updateBlock } from './blocks';

type Field = 'text' | 'url';
interface Cursor {
  index: number;
  field: Field;
  el: HTMLInputElement | HTMLTextAreaElement;
  start: number;
  end: number;
}

const sourceLabel: Record<LineSource, string> = { order: "The order's lines", cart: "The basket's lines", purchase_order: "The purchase order's lines" };
const columnLabel: Record<LineColumn, string> = { total: 'Line total', price: 'Unit price', none: 'No amount' };
const fixedText: Partial<Record<Block['kind'], string>> = {
  coupon: 'Shows the coupon code large, with its value and expiry date.',
  summary: "Shows the order's subtotal, shipping, discount, taxes and total.",
  divider: 'A thin line between the blocks around it.',
  spacer: 'Empty space between the blocks around it.',
};

export interface BlockEditorProps {
  blocks: Block[];
  variables: Variable[];
  onChange: (blocks: Block[]) => void;
}

export function BlockEditor({ blocks, variables, onChange }: BlockEditorProps) {
  const cursor = useRef<Cursor | null>(null);
  const [search, setSearch] = useState('');
  const pendingFocus = useRef<{ index: number; field: Field; at: number } | null>(null);
  const fieldRefs = useRef(new Map<string, HTMLInputElement | HTMLTextAreaElement>());

  const remember = (index: number, field: Field) => (e: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => {
    const el = e.currentTarget;
    cursor.current = { index, field, el, start: el.selectionStart ?? el.value.length, end: el.selectionEnd ?? el.value.length };
  };
  const fieldProps = (index: number, field: Field) => ({
    ref: (el: HTMLInputElement | HTMLTextAreaElement | null) => {
      const key = `${index}:${field}`;
      if (el) {
        fieldRefs.current.set(key, el);
        const p = pendingFocus.current;
        if (p && p.index === index && p.field === field) {
          pendingFocus.current = null;
          requestAnimationFrame(() => { el.focus(); el.setSelectionRange(p.at, p.at); });
        }
      } else fieldRefs.current.delete(key);
    },
    onSelect: remember(index, field),
    onKeyUp: remember(index, field),
    onClick: remember(index, field),
    onFocus: remember(index, field),
  });

  const insertVariable = (insert: string) => {
    const c = cursor.current;
    if (!c || c.index >= blocks.length) return;
    const value = (blocks[c.index][c.field] ?? '') as string;
    const { text, cursor: at } = insertAt(value, c.start, c.end, insert);
    cursor.current = { ...c, start: at, end: at };
    pendingFocus.current = { index: c.index, field: c.field, at };
    onChange(updateBlock(blocks, c.index, { [c.field]: text }));
    const el = fieldRefs.current.get(`${c.index}:${c.field}`);
    if (el) requestAnimationFrame(() => { el.focus(); el.setSelectionRange(at, at); });
  };

  const move = (i: number, delta: number) => {
    const next = moveBlock(blocks, i, delta);
    if (next === blocks) return;
    cursor.current = null;
    onChange(next);
    requestAnimationFrame(() => document.getElementById(`block-${i + delta}`)?.focus());
  };
  const add = (after: number, kind: Block['kind']) => {
    onChange(addBlock(blocks, after, newBlock(kind, variables)));
    requestAnimationFrame(() => document.getElementById(`block-${after + 1}`)?.focus());
  };

  const picker = variables.filter((v) => v.insert !== '');
  const groups = [...new Set(picker.map((v) => v.group))].map((g) => ({
    group: g, items: picker.filter((v) => v.group === g).map((v) => ({ value: v.insert, label: `${v.label} (${v.path})` })),
  }));
  const sources = lineSources(variables);

  const textHint = (text: string | undefined) => {
    const unknown = unknownVariables(text ?? '', variables);
    return unknown.length ? `${unknown.map((p) => `{{${p}}}`).join(', ')} ${unknown.length === 1 ? 'is not a variable' : 'are not variables'} of this template` : undefined;
  };

  return (
    <Stack gap="sm" data-testid="block-editor">
      <Select
        label="Insert a variable" description="Written at the cursor of the text you were last in"
        placeholder="Search variables" searchable data={groups} value={null} data-testid="variable-picker"
        searchValue={search} onSearchChange={setSearch}
        onChange={(v) => { setSearch(''); if (v) insertVariable(v); }} comboboxProps={{ withinPortal: true }}
      />
      {blocks.length === 0 && <Alert color="gray">No blocks yet: add a heading or a text.</Alert>}
      {blocks.map((b, i) => (
        <Paper
          key={i} withBorder p="sm" component="section" id={`block-${i}`} tabIndex={-1}
          aria-label={`Block ${i + 1} of ${blocks.length}: ${blockLabel(b.kind)}`} data-testid={`block-${i}`}
          onKeyDown={(e) => {
            if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
            e.preventDefault();
            move(i, e.key === 'ArrowUp' ? -1 : 1);
          }}
        >
          <Group justify="space-between" mb={6} wrap="nowrap">
            <Text size="sm" fw={600}>{i + 1}. {blockLabel(b.kind)}</Text>
            <Group gap={4} wrap="nowrap">
              <ActionIcon variant="subtle" color="gray" aria-label={`Move block ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)} data-testid={`block-${i}-up`}>↑</ActionIcon>
              <ActionIcon variant="subtle" color="gray" aria-label={`Move block ${i + 1} down`} disabled={i === blocks.length - 1} onClick={() => move(i, 1)} data-testid={`block-${i}-down`}>↓</ActionIcon>
              <ActionIcon variant="subtle" color="red" aria-label={`Remove block ${i + 1}`} onClick={() => { cursor.current = null; onChange(removeBlock(blocks, i)); }} data-testid={`block-${i}-remove`}>×</ActionIcon>
            </Group>
          </Group>
          {b.kind === 'heading' && (
            <TextInput
              label="Heading" value={b.text ?? ''} data-testid={`block-${i}-text`} error={textHint(b.text)} {...fieldProps(i, 'text')}
              onChange={(e) => onChange(updateBlock(blocks, i, { text: e.currentTarget.value }))}
            />
          )}
          {b.kind === 'text' && (
            <Textarea
              label="Text" description="**bold**, *italic*, [label](https://…); a new line is a line break"
              autosize minRows={2} value={b.text ?? ''} data-testid={`block-${i}-text`} error={textHint(b.text)} {...fieldProps(i, 'text')}
              onChange={(e) => onChange(updateBlock(blocks, i, { text: e.currentTarget.value }))}
            />
          )}
          {b.kind === 'text' && b.if && <Text size="xs" c="dimmed">Shown only when {`{{${b.if}}}`} is not empty.</Text>}
          {b.kind === 'button' && (
            <Group grow align="start">
              <TextInput
                label="Label" value={b.text ?? ''} data-testid={`block-${i}-text`} {...fieldProps(i, 'text')}
                error={(b.text ?? '').trim() === '' ? 'A button needs a label' : textHint(b.text)}
                onChange={(e) => onChange(updateBlock(blocks, i, { text: e.currentTarget.value }))}
              />
              <TextInput
                label="Link" description="A variable or an https:// address" value={b.url ?? ''} data-testid={`block-${i}-url`}
                error={textHint(b.url)} {...fieldProps(i, 'url')}
                onChange={(e) => onChange(updateBlock(blocks, i, { url: e.currentTarget.value }))}
              />
            </Group>
          )}
          {b.kind === 'products' && (
            <Group grow>
              <Select
                label="Lines" allowDeselect={false} value={b.lines ?? null} data-testid={`block-${i}-lines`}
                data={(sources.length ? sources : (['order', 'cart'] as LineSource[])).map((s) => ({ value: s, label: sourceLabel[s] }))}
                onChange={(v) => v && onChange(updateBlock(blocks, i, { lines: v as LineSource }))}
              />
              {b.lines !== 'purchase_order' && (
                <Select
                  label="Amount beside each line" allowDeselect={false} value={b.column ?? 'total'}
                  data={(Object.keys(columnLabel) as LineColumn[]).map((c) => ({ value: c, label: columnLabel[c] }))}
                  onChange={(v) => v && onChange(updateBlock(blocks, i, { column: v as LineColumn }))}
                />
              )}
            </Group>
          )}
          {b.kind === 'image' && (
            <Stack gap="xs">
              <SegmentedControl
                aria-label={`Block ${i + 1} picture`} size="xs" value={b.logo ? 'logo' : 'url'} data-testid={`block-${i}-source`}
                data={[{ value: 'url', label: 'From a web address' }, { value: 'logo', label: "The shop's logo" }]}
                onChange={(v) => onChange(updateBlock(blocks, i, v === 'logo' ? { logo: true, url: '', text: '' } : { logo: false, url: 'https://' }))}
              />
              {b.logo ? (
                <Text size="sm" c="dimmed">The logo from Settings &gt; Shop, carried inside the email; the shop&apos;s name where there is none.</Text>
              ) : (
                <Group grow align="start">
                  <TextInput
                    label="Image address" description="https://…" value={b.url ?? ''} data-testid={`block-${i}-url`}
                    error={/^https?:\/\/[^/\s]+/i.test(b.url ?? '') ? undefined : 'An image address starts with https:// (or http://)'}
                    onChange={(e) => onChange(updateBlock(blocks, i, { url: e.currentTarget.value }))}
                  />
                  <TextInput
                    label="Description (for screen readers)" value={b.text ?? ''}
                    onChange={(e) => onChange(updateBlock(blocks, i, { text: e.currentTarget.value }))}
                  />
                </Group>
              )}
            </Stack>
          )}
          {b.kind === 'html' && (
            <Textarea
              label="HTML" description="Your own HTML, kept as written" autosize minRows={3} maxRows={16} value={b.text ?? ''}
              data-testid={`block-${i}-html`} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              {...fieldProps(i, 'text')} onChange={(e) => onChange(updateBlock(blocks, i, { text: e.currentTarget.value }))}
            />
          )}
          {fixedText[b.kind] && <Text size="sm" c="dimmed">{fixedText[b.kind]}</Text>}
        </Paper>
      ))}
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <Button variant="light" data-testid="block-add">Add a block</Button>
        </Menu.Target>
        <Menu.Dropdown>
          {blockKinds.map((k) => (
            <Menu.Item key={k.kind} onClick={() => add(blocks.length - 1, k.kind)} data-testid={`block-add-${k.kind}`}>
              <Text size="sm">{k.label}</Text>
              <Text size="xs" c="dimmed">{k.hint}</Text>
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Stack>
  );
}
