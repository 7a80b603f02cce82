// The result of one import run (one or more jobs), summarised for the screen:
// counts per file and in total, and every rejected row with its file.
import type { FileResult, ImportCounts, ImportIssue, ImportResult } from '../../api/imports';
import { numeric } from '../../components/HeadRow';
import { countOf } from '../../lib/plural';

export interface FileSummary {
  file: string;
  label: string;
  batchId: number;
  counts: ImportCounts;
  rows: number;
  /** rejected rows listed (the backend may list fewer than it counted) */
  listed: number;
  /** the seller-facing reason the whole file was refused */
  error: string | null;
  /** true when the file was imported before and nothing changed */
  nothingChanged: boolean;
}

export interface ImportSummary {
  files: FileSummary[];
  totals: ImportCounts;
  rejected: ImportIssue[];
  warnings: ImportIssue[];
  /** files refused whole */
  failed: number;
  /** a job-level error (cancelled, or the job failed) */
  error: string | null;
  cancelled: boolean;
  headline: string;
}

const ZERO: ImportCounts = { created: 0, updated: 0, unchanged: 0, rejected: 0 };


/**
 * What a batch's records are, counted: an orders export has a row per line
 * item but its batch counts orders, so "33,388 rows" under a 60,000-row file
 * read wrong.
 */
export function recordCount(kind: string, n: number): string {
  const nouns: Record<string, [string, string]> = {
    orders: ['order', 'orders'],
    carts: ['cart', 'carts'],
    customers: ['customer', 'customers'],
    products: ['product', 'products'],
    inventory: ['stock level', 'stock levels'],
    shipments: ['tracking number', 'tracking numbers'],
  };
  const [one, many] = nouns[kind] ?? ['record', 'records'];
  return countOf(n, one, many);
}

/** One line saying what happened, e.g. "2 files: 120 created, 3 updated, 4 rejected". */
export function headline(totals: ImportCounts, files: number, failed: number, error: string | null): string {
  if (error && files === 0) return error;
  const parts: string[] = [];
  if (totals.created) parts.push(`${totals.created.toLocaleString()} created`);
  if (totals.updated) parts.push(`${totals.updated.toLocaleString()} updated`);
  if (totals.unchanged) parts.push(`${totals.unchanged.toLocaleString()} unchanged`);
  if (totals.rejected) parts.push(`${totals.rejected.toLocaleString()} rejected`);
  let s = `${countOf(files, 'file')}: ${parts.length ? parts.join(', ') : 'nothing to import'}`;
  if (failed) s += `; ${countOf(failed, 'file')} could not be imported`;
  if (error) s += `. ${error}`;
  return s;
}

export function summarize(results: ImportResult[], jobErrors: string[] = []): ImportSummary {
  const files: FileSummary[] = [];
  const rejected: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const totals = { ...ZERO };
  for (const r of results) {
    for (const f of r?.files ?? []) {
      files.push(fileSummary(f));
      if (!f.error) {
        totals.created += f.counts?.created ?? 0;
        totals.updated += f.counts?.updated ?? 0;
        totals.unchanged += f.counts?.unchanged ?? 0;
        totals.rejected += f.counts?.rejected ?? 0;
      }
      for (const i of f.rejected ?? []) rejected.push({ ...i, file: i.file || f.file });
      for (const i of f.warnings ?? []) warnings.push({ ...i, file: i.file || f.file });
    }
  }
  const failed = files.filter((f) => f.error).length;
  const error = jobErrors.length ? jobErrors.join(' ') : null;
  const cancelled = jobErrors.some((e) => /cancel/i.test(e));
  return { files, totals, rejected, warnings, failed, error, cancelled, headline: headline(totals, files.length, failed, error) };
}

function fileSummary(f: FileResult): FileSummary {
  const counts = f.error ? { ...ZERO } : { ...ZERO, ...f.counts };
  return {
    file: f.file,
    label: f.label || '',
    batchId: f.batchId,
    counts,
    rows: f.rows ?? 0,
    listed: f.rejected?.length ?? 0,
    error: f.error || null,
    nothingChanged: !f.error && counts.created === 0 && counts.updated === 0 && counts.unchanged > 0,
  };
}

/** "3f9a2c1b…" for a long hash; the full one belongs in a tooltip. */
export function shortHash(hash: string, n = 10): string {
  if (!hash) return '';
  const h = hash.replace(/^sha256:/, '');
  return h.length > n ? `${h.slice(0, n)}…` : h;
}

/** Rejected rows as CSV (formula-like cells neutralised, as the xlsx export does). */
export function rejectsCsv(rows: ImportIssue[]): string {
  const cell = (v: string | number) => {
    let s = String(v ?? '');
    if (s && '=+-@\t\r'.includes(s[0])) s = `'${s}`;
    return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [['File', 'Row', 'Column', 'Value', 'Reason'].join(',')];
  for (const r of rows) lines.push([r.file, r.row, r.column, r.value, r.reason].map(cell).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** The four counts every import reports, as table columns. */
export const IMPORT_COUNTS = numeric('Created', 'Updated', 'Unchanged', 'Rejected');
