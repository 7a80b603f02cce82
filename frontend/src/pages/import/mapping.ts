// The column-mapping editor's state, kept pure so it is unit-tested apart
// from the screen: what the file holds (kind) and which source column fills
// each target field. The Go side remembers a mapping per header set.
import type { FileInfo, ImportKind, ImportOptions, MappingField } from '../../api/imports';

export const KINDS: { value: ImportKind; label: string }[] = [
  { value: 'orders', label: 'Orders' },
  { value: 'products', label: 'Products' },
  { value: 'inventory', label: 'Stock levels' },
  { value: 'customers', label: 'Customers' },
  { value: 'carts', label: 'Abandoned carts' },
  { value: 'shipments', label: 'Tracking numbers' },
];

export interface MappingDraft {
  kind: ImportKind | '';
  /** target field -> source column ('' or absent: not mapped) */
  mapping: Record<string, string>;
}

export interface MappingCheck {
  ok: boolean;
  /** required fields without a column */
  missing: MappingField[];
  /** columns that fill more than one field (allowed, worth a look) */
  reused: string[];
  /** a problem to show, or null */
  message: string | null;
}

/** Whether a file is read through a column mapping rather than a known export. */
export function needsMapping(info: FileInfo | undefined): boolean {
  return !!info && (info.preset === '' || info.preset === 'generic');
}

export function fieldsFor(info: Pick<FileInfo, 'fields'> | undefined, kind: ImportKind | ''): MappingField[] {
  if (!kind || !info?.fields) return [];
  return info.fields[kind] ?? [];
}

/** The kinds the backend offers fields for, in a stable, seller-friendly order. */
export function kindOptions(info: Pick<FileInfo, 'fields'> | undefined): { value: ImportKind; label: string }[] {
  const offered = info?.fields ?? {};
  return KINDS.filter((k) => (offered[k.value]?.length ?? 0) > 0);
}

function keep(mapping: Record<string, string>, fields: MappingField[], columns: string[]): Record<string, string> {
  const allowed = new Set(fields.map((f) => f.field));
  const cols = new Set(columns);
  const out: Record<string, string> = {};
  for (const [f, c] of Object.entries(mapping ?? {})) {
    if (c && allowed.has(f) && cols.has(c)) out[f] = c;
  }
  return out;
}

/**
 * Picks the kind whose required fields the suggested mapping covers best
 * (all of them, then the most mapped fields); '' when none is covered.
 */
export function guessKind(info: Pick<FileInfo, 'fields' | 'mapping' | 'columns'>): ImportKind | '' {
  let best: ImportKind | '' = '';
  let bestScore = 0;
  for (const { value } of KINDS) {
    const fields = info.fields?.[value] ?? [];
    if (!fields.length) continue;
    const m = keep(info.mapping ?? {}, fields, info.columns ?? []);
    const required = fields.filter((f) => f.required);
    if (!required.every((f) => m[f.field])) continue;
    const score = Object.keys(m).length;
    if (score > bestScore) {
      best = value;
      bestScore = score;
    }
  }
  return best;
}

/** The editor's first state for a file: its remembered mapping, or Shopclerk's suggestion. */
export function initialDraft(info: FileInfo): MappingDraft {
  const kind = (info.kind as ImportKind) || guessKind(info);
  const fields = kind ? fieldsFor(info, kind) : [];
  return { kind, mapping: kind ? keep(info.mapping ?? {}, fields, info.columns ?? []) : { ...(info.mapping ?? {}) } };
}

/** Switching kind keeps the columns already chosen for fields the new kind also has. */
export function setKind(draft: MappingDraft, kind: ImportKind | '', info: Pick<FileInfo, 'fields' | 'columns'>): MappingDraft {
  return { kind, mapping: keep(draft.mapping, fieldsFor(info, kind), info.columns ?? []) };
}

export function setField(draft: MappingDraft, field: string, column: string | null): MappingDraft {
  const mapping = { ...draft.mapping };
  if (column) mapping[field] = column;
  else delete mapping[field];
  return { ...draft, mapping };
}

export function checkMapping(draft: MappingDraft, info: Pick<FileInfo, 'fields'>): MappingCheck {
  if (!draft.kind) {
    return { ok: false, missing: [], reused: [], message: 'Choose what this file holds.' };
  }
  const fields = fieldsFor(info, draft.kind);
  const missing = fields.filter((f) => f.required && !draft.mapping[f.field]);
  const seen = new Map<string, number>();
  for (const f of fields) {
    const c = draft.mapping[f.field];
    if (c) seen.set(c, (seen.get(c) ?? 0) + 1);
  }
  const reused = [...seen].filter(([, n]) => n > 1).map(([c]) => c);
  const message = missing.length
    ? `Choose a column for ${missing.map((f) => `“${f.label}”`).join(' and ')}.`
    : null;
  return { ok: missing.length === 0, missing, reused, message };
}

/** The options Inspect and Start take for a complete mapping (null while incomplete). */
export function mappingOptions(draft: MappingDraft, info: Pick<FileInfo, 'fields'>): ImportOptions | null {
  if (!checkMapping(draft, info).ok || !draft.kind) return null;
  const mapping: Record<string, string> = {};
  for (const f of fieldsFor(info, draft.kind)) {
    const c = draft.mapping[f.field];
    if (c) mapping[f.field] = c;
  }
  return { preset: 'generic', kind: draft.kind, mapping };
}

/** Columns of the file that no field reads (shown so the seller sees what is left out). */
export function unusedColumns(draft: MappingDraft, columns: string[]): string[] {
  const used = new Set(Object.values(draft.mapping).filter(Boolean));
  return columns.filter((c) => c.trim() !== '' && !used.has(c));
}
