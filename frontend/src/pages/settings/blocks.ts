// The block editor's model: a template's body as a list of blocks
// (email.Block on the Go side, which writes them out as the email's HTML),
// edited by pure functions so the editor's buttons, its keyboard moves and
// the tests share them. Nothing here renders HTML: the backend does, for the
// preview and the save, with the same layout as every email.
import type { Block, BlockKind, LineSource } from '../../api/mail';
import type { Variable } from '../../api/emailVariables';

/** The kinds the "Add a block" menu offers, in its order, with their names. */
export const blockKinds: { kind: BlockKind; label: string; hint: string }[] = [
  { kind: 'heading', label: 'Heading', hint: 'A title in large type' },
  { kind: 'text', label: 'Text', hint: 'A paragraph: **bold**, *italic*, [label](link)' },
  { kind: 'button', label: 'Button', hint: 'A link drawn as a button' },
  { kind: 'products', label: 'Product list', hint: "The order's or basket's lines" },
  { kind: 'coupon', label: 'Coupon', hint: 'The coupon code, its value and expiry' },
  { kind: 'summary', label: 'Order summary', hint: 'Subtotal, shipping, discount, taxes, total' },
  { kind: 'image', label: 'Image', hint: 'A picture from a web address' },
  { kind: 'divider', label: 'Divider', hint: 'A thin line' },
  { kind: 'spacer', label: 'Spacer', hint: 'Some empty space' },
  { kind: 'html', label: 'HTML', hint: 'Your own HTML, as written' },
];

export function blockLabel(kind: BlockKind): string {
  return blockKinds.find((k) => k.kind === kind)?.label ?? kind;
}

/** The line lists a template can show: those whose variables it has. */
export function lineSources(vars: Variable[]): LineSource[] {
  const has = (p: string) => vars.some((v) => v.path === p);
  return (['order', 'cart', 'purchase_order'] as const).filter((s) =>
    has(s === 'order' ? '.Order.Lines' : s === 'cart' ? '.Cart.Lines' : '.PurchaseOrder.Lines'));
}

/** A new block of a kind, filled so it renders for this template's variables. */
export function newBlock(kind: BlockKind, vars: Variable[]): Block {
  switch (kind) {
    case 'heading':
      return { kind, text: 'A heading' };
    case 'text':
      return { kind, text: 'Some words' };
    case 'button': {
      const link = vars.find((v) => /URL$/.test(v.path) && v.group !== 'Shop');
      return { kind, text: 'Open', url: link ? link.insert : 'https://' };
    }
    case 'products':
      return { kind, lines: lineSources(vars)[0] ?? 'order', column: 'total' };
    case 'image':
      return { kind, url: 'https://', text: '' };
    case 'html':
      return { kind, text: '<p></p>' };
    default:
      return { kind };
  }
}

/** blocks with a new block after index (-1: at the start; past the end: at the end). */
export function addBlock(blocks: Block[], index: number, block: Block): Block[] {
  const at = Math.min(Math.max(index + 1, 0), blocks.length);
  return [...blocks.slice(0, at), block, ...blocks.slice(at)];
}

export function removeBlock(blocks: Block[], index: number): Block[] {
  return blocks.filter((_, i) => i !== index);
}

/** blocks with the one at index moved by delta places; unchanged at an edge. */
export function moveBlock(blocks: Block[], index: number, delta: number): Block[] {
  const to = index + delta;
  if (index < 0 || index >= blocks.length || to < 0 || to >= blocks.length) return blocks;
  const out = [...blocks];
  const [b] = out.splice(index, 1);
  out.splice(to, 0, b);
  return out;
}

export function updateBlock(blocks: Block[], index: number, patch: Partial<Block>): Block[] {
  return blocks.map((b, i) => (i === index ? { ...b, ...patch } : b));
}

/** text with insert put in place of [start, end), and where the cursor goes after it. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; cursor: number } {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  return { text: text.slice(0, s) + insert + text.slice(e), cursor: s + insert.length };
}

/**
 * The variables a text names that the template is not given, as the save
 * would refuse them ({{.Cart.Url}}); step variables ({{.Vars.x}}) are the
 * flow step's and always allowed here.
 */
export function unknownVariables(text: string, vars: Variable[]): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\{\{-?\s*(?:\w+\s+)?(\.[A-Za-z_][\w.]*)[^}]*\}\}/g)) {
    const path = m[1];
    if (/^\.Vars\.\w+$/.test(path) || vars.some((v) => v.path === path)) continue;
    if (!out.includes(path)) out.push(path);
  }
  return out;
}

/** Two block lists are the same document. */
export function sameBlocks(a: Block[] | null | undefined, b: Block[] | null | undefined): boolean {
  const norm = (bs: Block[] | null | undefined) =>
    JSON.stringify((bs ?? []).map((x) => Object.fromEntries(Object.entries(x).filter(([, v]) => v !== '' && v !== undefined && v !== null))));
  return norm(a) === norm(b);
}
