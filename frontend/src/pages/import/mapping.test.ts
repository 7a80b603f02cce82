import { describe, expect, it } from 'vitest';
import type { FileInfo } from '../../api/imports';
import { checkMapping, guessKind, initialDraft, mappingOptions, needsMapping, setField, setKind, unusedColumns } from './mapping';

const fields: FileInfo['fields'] = {
  orders: [
    { field: 'order_id', label: 'Order number', required: true },
    { field: 'created_at', label: 'Order date', required: true },
    { field: 'email', label: 'Customer email', required: false },
  ],
  inventory: [
    { field: 'sku', label: 'SKU', required: true },
    { field: 'available', label: 'Available', required: true },
    { field: 'location', label: 'Location', required: false },
  ],
  products: [
    { field: 'sku', label: 'SKU', required: true },
    { field: 'title', label: 'Title', required: false },
  ],
};

function info(over: Partial<FileInfo> = {}): FileInfo {
  return {
    name: 'stock.csv', size: 40, format: 'csv', encoding: 'UTF-8', delimiter: ';', sheets: [], sheet: '', preset: '',
    source: '', kind: '', label: 'unknown: map the columns (2 columns)', columns: ['Artikelnummer', 'Bestand'], preview: [],
    questions: [], headerHash: 'h1', mapping: {}, mappingRemembered: false, fields, issues: [],
    ...over,
  } as FileInfo;
}

describe('mapping editor state', () => {
  it('asks for a kind first, then for each required field', () => {
    const d0 = initialDraft(info());
    expect(d0.kind).toBe('');
    expect(checkMapping(d0, info())).toMatchObject({ ok: false, message: 'Choose what this file holds.' });

    const d1 = setKind(d0, 'inventory', info());
    const c1 = checkMapping(d1, info());
    expect(c1.ok).toBe(false);
    expect(c1.missing.map((f) => f.field)).toEqual(['sku', 'available']);
    expect(c1.message).toBe('Choose a column for “SKU” and “Available”.');
    expect(mappingOptions(d1, info())).toBeNull();

    const d2 = setField(setField(d1, 'sku', 'Artikelnummer'), 'available', 'Bestand');
    expect(checkMapping(d2, info())).toMatchObject({ ok: true, missing: [], message: null });
    expect(mappingOptions(d2, info())).toEqual({ preset: 'generic', kind: 'inventory', mapping: { sku: 'Artikelnummer', available: 'Bestand' } });
    expect(unusedColumns(d2, info().columns)).toEqual([]);
  });

  it('clearing a field removes it; switching kind keeps fields the new kind shares', () => {
    let d = setKind(initialDraft(info()), 'inventory', info());
    d = setField(setField(d, 'sku', 'Artikelnummer'), 'available', 'Bestand');
    const p = setKind(d, 'products', info());
    expect(p).toEqual({ kind: 'products', mapping: { sku: 'Artikelnummer' } });
    expect(setField(p, 'sku', null).mapping).toEqual({});
    expect(unusedColumns(p, info().columns)).toEqual(['Bestand']);
  });

  it('flags a column used for two fields without blocking', () => {
    let d = setKind(initialDraft(info()), 'inventory', info());
    d = setField(setField(d, 'sku', 'Artikelnummer'), 'available', 'Artikelnummer');
    const c = checkMapping(d, info());
    expect(c.ok).toBe(true);
    expect(c.reused).toEqual(['Artikelnummer']);
  });

  it('starts from a remembered mapping and its kind', () => {
    const remembered = info({ preset: 'generic', kind: 'inventory', mappingRemembered: true, mapping: { sku: 'Artikelnummer', available: 'Bestand' } });
    expect(needsMapping(remembered)).toBe(true);
    const d = initialDraft(remembered);
    expect(d).toEqual({ kind: 'inventory', mapping: { sku: 'Artikelnummer', available: 'Bestand' } });
    expect(checkMapping(d, remembered).ok).toBe(true);
  });

  it('guesses the kind the suggestion covers best, ignoring columns the file lacks', () => {
    const i = info({ columns: ['SKU', 'Available', 'Title'], mapping: { sku: 'SKU', available: 'Available', title: 'Title', order_id: 'Nope' } });
    // products covers sku+title (2), inventory covers sku+available (2): the first best wins
    expect(['inventory', 'products']).toContain(guessKind(i));
    expect(guessKind(info({ mapping: { email: 'Email' } }))).toBe('');
    expect(initialDraft(i).mapping.order_id).toBeUndefined();
  });

  it('a known export needs no mapping', () => {
    expect(needsMapping(info({ preset: 'shopify_orders', kind: 'orders' }))).toBe(false);
    expect(needsMapping(undefined)).toBe(false);
  });
});
