import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatLongDay, formatMoney, humanize, minorDigits, minorToDecimalString, safeLocale, setShopTimeZone, toMajor } from './format';

describe('minorDigits', () => {
  it('knows 0, 2 and 3 decimal currencies', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('krw')).toBe(0);
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('KWD')).toBe(3);
    expect(minorDigits('BHD')).toBe(3);
    expect(minorDigits('')).toBe(2);
  });
});

describe('minorToDecimalString', () => {
  it('builds exact decimals with integer maths', () => {
    expect(minorToDecimalString(123450, 'EUR')).toBe('1234.50');
    expect(minorToDecimalString(5, 'EUR')).toBe('0.05');
    expect(minorToDecimalString(-5, 'EUR')).toBe('-0.05');
    expect(minorToDecimalString(1234, 'JPY')).toBe('1234');
    expect(minorToDecimalString(1234, 'KWD')).toBe('1.234');
    expect(minorToDecimalString(0, 'USD')).toBe('0.00');
    // a float would print 0.30000000000000004 somewhere along the way
    expect(minorToDecimalString(30, 'USD')).toBe('0.30');
    expect(minorToDecimalString(9007199254740991, 'USD')).toBe('90071992547409.91');
  });
});

describe('formatMoney', () => {
  it('formats two-decimal currencies', () => {
    expect(formatMoney(123450, 'USD', 'en-US')).toBe('$1,234.50');
    expect(formatMoney(123450, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatMoney(-1999, 'GBP', 'en-GB')).toBe('-£19.99');
  });

  it('formats zero-decimal currencies without dividing', () => {
    expect(formatMoney(1234, 'JPY', 'en-US')).toBe('¥1,234');
  });

  it('formats three-decimal currencies', () => {
    expect(formatMoney(1234, 'KWD', 'en-US')).toBe('KWD\u00a01.234');
  });

  it('is exact for large amounts', () => {
    expect(formatMoney(9007199254740991, 'USD', 'en-US')).toBe('$90,071,992,547,409.91');
  });

  it('shows a dash for missing amounts and copes with unknown codes', () => {
    expect(formatMoney(undefined, 'USD', 'en-US')).toBe('—');
    expect(formatMoney(150, '', 'en-US')).toBe('1.50');
    expect(formatMoney(150, 'NOT-A-CODE', 'en-US')).toBe('1.50 NOT-A-CODE');
  });

  it('gives chart values in major units', () => {
    expect(toMajor(123450, 'EUR')).toBe(1234.5);
    expect(toMajor(1234, 'JPY')).toBe(1234);
  });
});

describe('humanize', () => {
  it('turns status keys into words', () => {
    expect(humanize('partially_refunded')).toBe('Partially refunded');
    expect(humanize('')).toBe('—');
  });
});

describe('safeLocale', () => {
  it('keeps valid tags and repairs POSIX ones', () => {
    expect(safeLocale('de-DE')).toBe('de-DE');
    expect(safeLocale('en_US.UTF-8')).toBe('en-US');
  });
  it('drops tags Intl would throw on, such as the POSIX "C" locale', () => {
    expect(safeLocale('C')).toBeUndefined();
    expect(safeLocale('')).toBeUndefined();
    expect(() => new Intl.NumberFormat(safeLocale('C'))).not.toThrow();
  });
});

describe('setShopTimeZone', () => {
  it('shows stored UTC times in the shop zone, whatever the computer says', () => {
    const t = '2026-03-01T23:30:00Z';
    setShopTimeZone('Asia/Tokyo'); // 08:30 on March 2 there
    expect(formatDate(t)).toContain('2');
    expect(formatDateTime(t)).toMatch(/8:30/);
    setShopTimeZone('America/Los_Angeles'); // 15:30 on March 1
    expect(formatDateTime(t)).toMatch(/3:30|15:30/);
    expect(formatLongDay(new Date(t))).toMatch(/March 1\b|1 March/);
  });

  it('keeps the last good zone rules out of a zone the browser does not know', () => {
    setShopTimeZone('Not/AZone');
    expect(formatDateTime('2026-03-01T23:30:00Z')).not.toBe('—');
    setShopTimeZone('');
  });
});
