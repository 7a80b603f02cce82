import { describe, expect, it } from 'vitest';
import { countOf, plural } from './plural';

describe('plural', () => {
  it('says one for 1 and other for the rest (English)', () => {
    expect(countOf(1, 'SKU', undefined, 'en')).toBe('1 SKU');
    expect(countOf(0, 'SKU', undefined, 'en')).toBe('0 SKUs');
    expect(countOf(2, 'SKU', undefined, 'en')).toBe('2 SKUs');
    expect(countOf(1200, 'order', undefined, 'en')).toBe('1,200 orders');
    expect(plural(1, { one: 'row needs', other: 'rows need' }, undefined, 'en')).toBe('row needs');
    expect(plural(3, { one: 'row needs', other: 'rows need' }, undefined, 'en')).toBe('rows need');
    expect(countOf(1, 'stock level', 'stock levels', 'en')).toBe('1 stock level');
  });

  it('uses the locale’s categories, falling back to other', () => {
    const f = { one: 'plik', few: 'pliki', many: 'plików', other: 'pliku' };
    expect(countOf(1, f, undefined, 'pl')).toBe('1 plik');
    expect(countOf(3, f, undefined, 'pl')).toBe('3 pliki');
    expect(countOf(5, f, undefined, 'pl')).toBe('5 plików');
    expect(countOf(3, { one: 'x', other: 'xs' }, undefined, 'pl')).toBe('3 xs');
  });

  it('survives a locale Intl rejects', () => {
    expect(countOf(1, 'SKU', undefined, 'C')).toMatch(/^1 SKU$/);
  });
});
