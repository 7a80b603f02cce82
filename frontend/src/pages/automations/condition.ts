// The visual condition builder's model: rows (field, operator, value) in
// AND/OR groups, written to and read from the expr-lang expression the engine
// compiles (backend/rules/flow/condition.go, env.go). Only a readable subset of expr
// is turned into rows; anything else stays an expression the seller edits as
// text (parseCondition returns null). Money fields are shown in major units
// (200.00) and written in minor units (20000), with integer string maths.

import { schema } from '../../api/schema';

/** The builder's field types, as rules.FieldType names them. */
export const FIELD_TYPES = ['string', 'number', 'money', 'bool', 'tags', 'list', 'days', 'hours'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FieldDef {
  /** the left-hand side as written in the expression */
  expr: string;
  label: string;
  type: FieldType;
  group: string;
}

/**
 * The builder's words for the fields the engine offers, in the order the
 * builder lists them. Which fields exist and their types come from Go
 * (schema.fields: Env's builder tags); schema.test.ts fails when the keys
 * here and the schema's fields differ.
 */
export const FIELD_LABELS: Record<string, string> = {
  'order.total': 'Order total',
  'order.subtotal': 'Order subtotal',
  'order.shipping': 'Shipping paid',
  'order.discount': 'Discount given',
  'order.refunded': 'Amount refunded',
  'order.currency': 'Order currency',
  'order.name': 'Order number',
  'order.financialStatus': 'Payment status',
  'order.fulfillmentStatus': 'Fulfilment status',
  'order.riskLevel': 'Risk level',
  'order.billingCountry': 'Billing country',
  'order.shippingCountry': 'Shipping country',
  'order.discountCode': 'Discount code',
  'order.tags': 'Order tags',
  'order.itemCount': 'Items in the order',
  'order.skus': 'SKUs in the order',
  'order.cancelled': 'Order is cancelled',
  'order.held': 'Order is held',
  'hoursSince(order.createdAt)': 'Hours since the order was placed',
  'daysSince(order.paidAt)': 'Days since payment',
  'customer.totalSpent': 'Lifetime spend',
  'customer.ordersCount': 'Number of orders',
  'customer.acceptsMarketing': 'Accepts marketing',
  'customer.country': 'Customer country',
  'customer.city': 'Customer city',
  'customer.email': 'Customer email',
  'customer.firstName': 'First name',
  'customer.tags': 'Customer tags',
  'daysSince(customer.lastOrderAt)': 'Days since last order',
  'daysSince(customer.createdAt)': 'Days since sign-up',
  'customer.segment': 'RFM segment',
  'customer.products': 'Products bought (SKUs)',
  'customer.segments': 'In my segment',
  'cart.total': 'Cart total',
  'cart.itemCount': 'Items in the cart',
  'cart.skus': 'SKUs in the cart',
  'hoursSince(cart.updatedAt)': 'Hours since the cart was touched',
  'product.sku': 'SKU',
  'product.title': 'Product title',
  'product.vendor': 'Vendor',
  'product.type': 'Product type',
  'product.supplier': 'Supplier',
  'product.price': 'Price',
  'product.cost': 'Cost',
  'product.tags': 'Product tags',
  'product.reorderPoint': 'Reorder point',
  'stock.available': 'Available (all locations)',
  'stock.incoming': 'Incoming',
  'stock.location': 'Location',
  'event.value': 'Event value (tag, shipment status)',
  'event.type': 'Event type',
  'shipment.status': 'Parcel status now',
  'shipment.carrier': 'Carrier',
  'shipment.parcels': 'Parcels in the order',
  'shipment.daysQuiet': 'Days without carrier news',
  'shipment.final': 'Parcel is delivered, returned or expired',
  'shipment.lastToArrive': 'Last of the order’s parcels to arrive',
};

const ORDER = Object.keys(FIELD_LABELS);
const rank = (expr: string) => (ORDER.includes(expr) ? ORDER.indexOf(expr) : ORDER.length);

/** Part of the environment a field reads: daysSince(order.paidAt) -> "Order". */
function groupOf(expr: string): string {
  const root = expr.replace(/^\w+\(/, '').split('.')[0];
  return root.charAt(0).toUpperCase() + root.slice(1);
}

export const FIELDS: FieldDef[] = schema.fields
  .map((f) => ({ expr: f.expr, label: FIELD_LABELS[f.expr] ?? f.expr, type: f.type as FieldType, group: groupOf(f.expr) }))
  .sort((x, y) => rank(x.expr) - rank(y.expr));

const BY_EXPR = new Map(FIELDS.map((d) => [d.expr, d]));

export type Operator =
  | '=='
  | '!='
  | '>'
  | '>='
  | '<'
  | '<='
  | 'contains'
  | 'startsWith'
  | 'endsWith'
  | 'in'
  | 'not in'
  | 'has'
  | 'not has'
  | 'is true'
  | 'is false';

export const OPERATOR_LABELS: Record<Operator, string> = {
  '==': 'is',
  '!=': 'is not',
  '>': 'is more than',
  '>=': 'is at least',
  '<': 'is less than',
  '<=': 'is at most',
  contains: 'contains',
  startsWith: 'starts with',
  endsWith: 'ends with',
  in: 'is one of',
  'not in': 'is none of',
  has: 'has',
  'not has': 'does not have',
  'is true': 'yes',
  'is false': 'no',
};

/** Operators offered for a field type, the first being the default. */
export function operatorsFor(t: FieldType): Operator[] {
  switch (t) {
    case 'money':
    case 'number':
    case 'days':
    case 'hours':
      return ['>=', '>', '<=', '<', '==', '!='];
    case 'string':
      return ['==', '!=', 'in', 'not in', 'contains', 'startsWith', 'endsWith'];
    case 'bool':
      return ['is true', 'is false'];
    case 'tags':
    case 'list':
      return ['has', 'not has'];
  }
}

export interface Row {
  kind: 'row';
  field: string;
  op: Operator;
  /** a literal as the seller types it (major units for money, comma list for "one of") */
  value: string;
  /** when set, the value is another field's expression, not a literal */
  valueField?: string;
}

export interface Group {
  kind: 'group';
  join: 'and' | 'or';
  children: Node[];
}

export type Node = Row | Group;

export function fieldDef(expr: string): FieldDef {
  return BY_EXPR.get(expr) ?? { expr, label: expr, type: 'string', group: 'Other' };
}

export function emptyGroup(join: 'and' | 'or' = 'and'): Group {
  return { kind: 'group', join, children: [] };
}

export function newRow(field = 'order.total'): Row {
  const d = fieldDef(field);
  return { kind: 'row', field, op: operatorsFor(d.type)[0], value: '' };
}

// ---- money: major-unit text <-> minor-unit integer text, no floats -------

/** "200" -> "20000", "12.5" -> "1250", "-3.07" -> "-307"; null if not a number. */
export function majorToMinor(s: string): string | null {
  const m = /^\s*(-?)(\d*)(?:[.,](\d{0,2}))?\s*$/.exec(s);
  if (!m || (m[2] === '' && !m[3])) return null;
  const whole = (m[2] || '0').replace(/^0+(?=\d)/, '');
  const cents = (m[3] ?? '').padEnd(2, '0');
  const n = `${whole}${cents}`.replace(/^0+(?=\d)/, '');
  return n === '0' ? '0' : `${m[1]}${n}`;
}

/** "20000" -> "200", "1250" -> "12.50", "-307" -> "-3.07". */
export function minorToMajor(s: string): string {
  const neg = s.startsWith('-');
  const digits = (neg ? s.slice(1) : s).padStart(3, '0');
  const whole = digits.slice(0, -2).replace(/^0+(?=\d)/, '');
  const cents = digits.slice(-2);
  return `${neg ? '-' : ''}${whole}${cents === '00' ? '' : `.${cents}`}`;
}

// ---- writing ---------------------------------------------------------------

function quote(s: string): string {
  return JSON.stringify(s);
}

function listLiteral(v: string): string {
  const items = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  return `[${items.map(quote).join(', ')}]`;
}

function numberLiteral(v: string, t: FieldType): string {
  if (t === 'money') return majorToMinor(v) ?? (v.trim() || '0');
  const n = v.trim();
  return /^-?\d+(\.\d+)?$/.test(n) ? n : n || '0';
}

function rowToExpr(r: Row): string {
  const d = fieldDef(r.field);
  const rhs = (lit: () => string) => (r.valueField ? r.valueField : lit());
  switch (r.op) {
    case 'is true':
      return r.field;
    case 'is false':
      return `!${r.field}`;
    case 'has':
    case 'not has': {
      const neg = r.op === 'not has' ? '!' : '';
      if (d.type === 'tags') return `${neg}hasTag(${r.field}, ${rhs(() => quote(r.value.trim()))})`;
      const inner = `${rhs(() => quote(r.value.trim()))} in ${r.field}`;
      return neg ? `!(${inner})` : inner;
    }
    case 'in':
      return `${r.field} in ${rhs(() => listLiteral(r.value))}`;
    case 'not in':
      return `!(${r.field} in ${rhs(() => listLiteral(r.value))})`;
    case 'contains':
    case 'startsWith':
    case 'endsWith':
      return `${r.field} ${r.op} ${rhs(() => quote(r.value))}`;
    default: {
      const numeric = d.type === 'money' || d.type === 'number' || d.type === 'days' || d.type === 'hours';
      return `${r.field} ${r.op} ${rhs(() => (numeric ? numberLiteral(r.value, d.type) : quote(r.value)))}`;
    }
  }
}

function nodeToExpr(n: Node, nested: boolean): string {
  if (n.kind === 'row') return rowToExpr(n);
  const parts = n.children.map((c) => nodeToExpr(c, true)).filter(Boolean);
  if (parts.length === 0) return '';
  const s = parts.join(n.join === 'and' ? ' && ' : ' || ');
  return nested && parts.length > 1 ? `(${s})` : s;
}

/** Writes the expression for a builder tree ("" when it has no rows). */
export function toExpression(g: Group): string {
  return nodeToExpr(g, false);
}

// ---- reading ---------------------------------------------------------------

type Tok =
  | { t: 'id'; v: string }
  | { t: 'num'; v: string }
  | { t: 'str'; v: string }
  | { t: 'op'; v: string };

const OPS = ['&&', '||', '==', '!=', '>=', '<=', '>', '<', '!', '(', ')', '[', ']', ','];

function tokenize(src: string): Tok[] | null {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let s = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\') {
          const n = src[j + 1];
          const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };
          if (n === undefined || !(n in esc)) return null;
          s += esc[n];
          j += 2;
        } else {
          s += src[j++];
        }
      }
      if (j >= src.length) return null;
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num && (c !== '-' || !out.length || out[out.length - 1].t === 'op')) {
      out.push({ t: 'num', v: num[0] });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(src.slice(i));
    if (id) {
      const w = id[0];
      if (w === 'and') out.push({ t: 'op', v: '&&' });
      else if (w === 'or') out.push({ t: 'op', v: '||' });
      else if (w === 'not') out.push({ t: 'op', v: '!' });
      else out.push({ t: 'id', v: w });
      i += w.length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) return null;
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

class Unsupported extends Error {}

class Parser {
  private i = 0;
  constructor(private toks: Tok[]) {}

  private peek(o = 0): Tok | undefined {
    return this.toks[this.i + o];
  }
  private isOp(v: string, o = 0): boolean {
    const t = this.peek(o);
    return !!t && t.t === 'op' && t.v === v;
  }
  private expectOp(v: string) {
    if (!this.isOp(v)) throw new Unsupported(v);
    this.i++;
  }
  done(): boolean {
    return this.i >= this.toks.length;
  }

  // or := and ('||' and)*
  parseOr(): Node {
    const parts = [this.parseAnd()];
    while (this.isOp('||')) {
      this.i++;
      parts.push(this.parseAnd());
    }
    return parts.length === 1 ? parts[0] : { kind: 'group', join: 'or', children: parts };
  }

  parseAnd(): Node {
    const parts = [this.parseUnary()];
    while (this.isOp('&&')) {
      this.i++;
      parts.push(this.parseUnary());
    }
    return parts.length === 1 ? parts[0] : { kind: 'group', join: 'and', children: parts };
  }

  parseUnary(): Node {
    if (this.isOp('!')) {
      this.i++;
      // !field, !hasTag(...), !(x in [...]), !("a" in list)
      if (this.isOp('(')) {
        this.i++;
        const inner = this.parseOr();
        this.expectOp(')');
        if (inner.kind === 'row' && inner.op === 'in') return { ...inner, op: 'not in' };
        if (inner.kind === 'row' && inner.op === 'has' && fieldDef(inner.field).type !== 'tags') return { ...inner, op: 'not has' };
        throw new Unsupported('!( )');
      }
      const inner = this.parseUnary();
      if (inner.kind === 'row' && inner.op === 'is true') return { ...inner, op: 'is false' };
      if (inner.kind === 'row' && inner.op === 'has' && fieldDef(inner.field).type === 'tags') return { ...inner, op: 'not has' };
      throw new Unsupported('!');
    }
    if (this.isOp('(')) {
      this.i++;
      const inner = this.parseOr();
      this.expectOp(')');
      return inner;
    }
    return this.parseComparison();
  }

  // A field reference: a dotted path, or daysSince(path) / hoursSince(path).
  private parseField(): string | null {
    const t = this.peek();
    if (!t || t.t !== 'id') return null;
    if ((t.v === 'daysSince' || t.v === 'hoursSince') && this.isOp('(', 1)) {
      const arg = this.peek(2);
      if (!arg || arg.t !== 'id' || !this.isOp(')', 3)) throw new Unsupported(t.v);
      this.i += 4;
      return `${t.v}(${arg.v})`;
    }
    if (!t.v.includes('.') || this.isOp('(', 1)) return null;
    this.i++;
    return t.v;
  }

  private parseList(): string {
    this.expectOp('[');
    const items: string[] = [];
    while (!this.isOp(']')) {
      const t = this.peek();
      if (!t || t.t !== 'str' || t.v.includes(',')) throw new Unsupported('list');
      items.push(t.v);
      this.i++;
      if (this.isOp(',')) this.i++;
      else if (!this.isOp(']')) throw new Unsupported('list');
    }
    this.i++;
    return items.join(', ');
  }

  private parseComparison(): Row {
    const t = this.peek();
    if (!t) throw new Unsupported('end');
    // hasTag(field, "x")
    if (t.t === 'id' && t.v === 'hasTag' && this.isOp('(', 1)) {
      this.i += 2;
      const field = this.parseField();
      if (!field) throw new Unsupported('hasTag');
      this.expectOp(',');
      const v = this.peek();
      if (!v || v.t !== 'str') throw new Unsupported('hasTag');
      this.i++;
      this.expectOp(')');
      return { kind: 'row', field, op: 'has', value: v.v };
    }
    // "x" in list
    const after = this.peek(1);
    if (t.t === 'str' && after?.t === 'id' && after.v === 'in') {
      this.i += 2;
      const field = this.parseField();
      if (!field) throw new Unsupported('in');
      return { kind: 'row', field, op: 'has', value: t.v };
    }
    const field = this.parseField();
    if (!field) throw new Unsupported('field');
    const d = fieldDef(field);
    const next = this.peek();
    const endOfRow = !next || (next.t === 'op' && (next.v === '&&' || next.v === '||' || next.v === ')'));
    if (endOfRow) {
      if (BY_EXPR.has(field) && d.type !== 'bool') throw new Unsupported('bare');
      return { kind: 'row', field, op: 'is true', value: '' };
    }
    if (next.t === 'id' && next.v === 'in') {
      this.i++;
      if (this.isOp('[')) return { kind: 'row', field, op: 'in', value: this.parseList() };
      const other = this.parseField();
      if (!other) throw new Unsupported('in');
      return { kind: 'row', field, op: 'in', value: '', valueField: other };
    }
    if (next.t === 'id' && (next.v === 'contains' || next.v === 'startsWith' || next.v === 'endsWith')) {
      this.i++;
      const v = this.peek();
      if (v?.t === 'str') {
        this.i++;
        return { kind: 'row', field, op: next.v, value: v.v };
      }
      const other = this.parseField();
      if (!other) throw new Unsupported(next.v);
      return { kind: 'row', field, op: next.v, value: '', valueField: other };
    }
    if (next.t === 'op' && ['==', '!=', '>', '>=', '<', '<='].includes(next.v)) {
      this.i++;
      const op = next.v as Operator;
      const v = this.peek();
      if (!v) throw new Unsupported('value');
      const numeric = d.type === 'money' || d.type === 'number' || d.type === 'days' || d.type === 'hours';
      if (v.t === 'num') {
        if (!BY_EXPR.has(field)) throw new Unsupported('unknown numeric field');
        if (!numeric) throw new Unsupported('number for text');
        this.i++;
        if (d.type === 'money') {
          if (!/^-?\d+$/.test(v.v)) throw new Unsupported('fractional cents');
          return { kind: 'row', field, op, value: minorToMajor(v.v) };
        }
        return { kind: 'row', field, op, value: v.v };
      }
      if (v.t === 'str') {
        if (numeric || d.type === 'bool') throw new Unsupported('text for number');
        this.i++;
        return { kind: 'row', field, op, value: v.v };
      }
      const other = this.parseField();
      if (!other) throw new Unsupported('value');
      return { kind: 'row', field, op, value: '', valueField: other };
    }
    throw new Unsupported('operator');
  }
}

/**
 * Reads an expression into a builder tree, or null when it uses more of expr
 * than the builder shows (then it is edited as text). The result is always a
 * group: a single row becomes an AND group of one.
 */
export function parseCondition(src: string): Group | null {
  if (!src.trim()) return emptyGroup('and');
  const toks = tokenize(src);
  if (!toks) return null;
  try {
    const p = new Parser(toks);
    const n = p.parseOr();
    if (!p.done()) return null;
    return n.kind === 'group' ? n : { kind: 'group', join: 'and', children: [n] };
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

// ---- editing helpers (immutable, by path of child indexes) --------------

export type Path = number[];

export function updateAt(g: Group, path: Path, fn: (n: Node) => Node | null): Group {
  if (path.length === 0) {
    const r = fn(g);
    return r && r.kind === 'group' ? r : emptyGroup(g.join);
  }
  const [i, ...rest] = path;
  const children = g.children.flatMap((c, j) => {
    if (j !== i) return [c];
    if (rest.length === 0) {
      const r = fn(c);
      return r ? [r] : [];
    }
    if (c.kind !== 'group') return [c];
    const inner = updateAt(c, rest, fn);
    return inner.children.length ? [inner] : [];
  });
  return { ...g, children };
}

/** Changes a row's field, resetting the operator and value when the type changes. */
export function changeField(r: Row, field: string): Row {
  const before = fieldDef(r.field).type;
  const after = fieldDef(field).type;
  if (before === after) return { ...r, field, valueField: undefined };
  return { kind: 'row', field, op: operatorsFor(after)[0], value: '' };
}

/** Whether a row's value box applies (yes/no operators have none). */
export function rowHasValue(r: Row): boolean {
  return r.op !== 'is true' && r.op !== 'is false';
}

/** Fields a row may be compared with (same type, not itself). */
export function comparableFields(field: string): FieldDef[] {
  const t = fieldDef(field).type;
  const want = t === 'days' || t === 'hours' ? ['days', 'hours'] : [t];
  return FIELDS.filter((d) => d.expr !== field && want.includes(d.type));
}
