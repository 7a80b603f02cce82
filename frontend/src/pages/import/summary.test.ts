import { describe, expect, it } from 'vitest';
import type { FileResult } from '../../api/imports';
import { headline, recordCount, rejectsCsv, shortHash, summarize } from './summary';

const ok: FileResult = {
  file: 'orders.csv', hash: 'abc', batchId: 7, preset: 'shopify_orders', kind: 'orders', label: 'Shopify orders export, 79 columns', rows: 12,
  counts: { created: 10, updated: 1, unchanged: 0, rejected: 2 },
  rejected: [{ file: 'orders.csv', row: 5, column: 'Created at', value: '31/31/2025', reason: 'not a date' }, { file: '', row: 9, column: 'Total', value: 'x', reason: 'not a number' }],
  warnings: [{ file: 'orders.csv', row: 3, column: 'Lineitem sku', value: '1.23E+11', reason: 'looks damaged by Excel' }],
};
const again: FileResult = { ...ok, file: 'again.csv', batchId: 8, counts: { created: 0, updated: 0, unchanged: 11, rejected: 0 }, rejected: null, warnings: null };
const bad: FileResult = { file: 'empty.csv', hash: '', batchId: 0, preset: '', kind: '', label: '', rows: 0, counts: { created: 0, updated: 0, unchanged: 0, rejected: 0 }, rejected: null, warnings: null, error: 'empty.csv is empty.', errorCode: 'invalid' };

describe('import result summary', () => {
  it('adds up counts per file and lists every rejected row with its file', () => {
    const s = summarize([{ files: [ok] }, { files: [again, bad] }]);
    expect(s.files.map((f) => f.file)).toEqual(['orders.csv', 'again.csv', 'empty.csv']);
    expect(s.totals).toEqual({ created: 10, updated: 1, unchanged: 11, rejected: 2 });
    expect(s.rejected).toHaveLength(2);
    expect(s.rejected[1].file).toBe('orders.csv'); // filled from the file result
    expect(s.warnings).toHaveLength(1);
    expect(s.failed).toBe(1);
    expect(s.files[1].nothingChanged).toBe(true);
    expect(s.files[0].nothingChanged).toBe(false);
    expect(s.files[2].error).toBe('empty.csv is empty.');
    expect(s.headline).toBe('3 files: 10 created, 1 updated, 11 unchanged, 2 rejected; 1 file could not be imported');
    expect(s.cancelled).toBe(false);
  });

  it('says when an import was cancelled', () => {
    const s = summarize([{ files: [ok] }], ['The import was cancelled; the file being imported was not changed.']);
    expect(s.cancelled).toBe(true);
    expect(s.headline).toMatch(/^1 file: 10 created.*\. The import was cancelled/);
    const none = summarize([], ['The import was cancelled; the file being imported was not changed.']);
    expect(none.headline).toBe('The import was cancelled; the file being imported was not changed.');
  });

  it('copes with a result without files', () => {
    const s = summarize([{ files: null }]);
    expect(s.files).toEqual([]);
    expect(headline(s.totals, 0, 0, null)).toBe('0 files: nothing to import');
  });

  it('shortens hashes and writes a safe CSV', () => {
    expect(shortHash('0123456789abcdef')).toBe('0123456789…');
    expect(shortHash('abc')).toBe('abc');
    const csv = rejectsCsv([{ file: 'a.csv', row: 2, column: 'Total', value: '=HYPERLINK("x")', reason: 'bad, really' }]);
    expect(csv).toBe('File,Row,Column,Value,Reason\r\na.csv,2,Total,"\'=HYPERLINK(""x"")","bad, really"\r\n');
  });
});

describe('recordCount', () => {
  it("names a batch's records by what the file holds", () => {
    expect(recordCount('orders', 33388)).toMatch(/^33.388 orders$/);
    expect(recordCount('orders', 1)).toBe('1 order');
    expect(recordCount('inventory', 67)).toBe('67 stock levels');
    expect(recordCount('something', 2)).toBe('2 records');
  });
});
