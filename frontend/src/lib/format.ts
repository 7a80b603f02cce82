// Display formatting. Money arrives as integer minor units plus an ISO 4217
// code and is never turned into a float for storage or arithmetic: the
// decimal string is built with integer maths and handed to Intl as a string.

// ISO 4217 minor units that are not 2. Intl knows these too, but engines
// disagree on a few (ISK, UGX...), and the backend stores ISO minor units.
const ZERO_DECIMALS = new Set([
  'BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF',
]);
const THREE_DECIMALS = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);
const FOUR_DECIMALS = new Set(['CLF', 'UYW']);

/** Number of minor-unit digits of an ISO currency (2 when unknown). */
export function minorDigits(currency: string): number {
  const c = (currency || '').toUpperCase();
  if (ZERO_DECIMALS.has(c)) return 0;
  if (THREE_DECIMALS.has(c)) return 3;
  if (FOUR_DECIMALS.has(c)) return 4;
  return 2;
}

/** "-1234.50" for (-123450, "EUR"): an exact decimal string. */
export function minorToDecimalString(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  const n = Math.trunc(Number(amount) || 0);
  const neg = n < 0;
  const abs = Math.abs(n);
  if (digits === 0) return `${neg ? '-' : ''}${abs}`;
  const s = String(abs).padStart(digits + 1, '0');
  return `${neg ? '-' : ''}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/** Major units as a number: for chart axes only, never for storage. */
export function toMajor(amount: number, currency: string): number {
  return Number(minorToDecimalString(amount, currency));
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

// WebKitGTK reports the POSIX locale of the process, which can be "C" or
// "en_US.UTF-8" when LANG is unset or odd; Intl throws on those, and one bad
// tag would blank the whole app. Such tags fall back to the runtime default.
export function safeLocale(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag.replace(/\..*$/, '').replace('_', '-'))[0];
  } catch {
    return undefined;
  }
}

export function defaultLocale(): string | undefined {
  return safeLocale(typeof navigator !== 'undefined' ? navigator.language : undefined);
}

function moneyFormat(currency: string, locale: string | undefined, compact: boolean): Intl.NumberFormat {
  const key = `${locale}|${currency}|${compact}`;
  let f = moneyFormats.get(key);
  if (!f) {
    const digits = minorDigits(currency);
    f = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: compact ? 0 : digits,
      maximumFractionDigits: compact ? 1 : digits,
      ...(compact ? { notation: 'compact' as const } : {}),
    });
    moneyFormats.set(key, f);
  }
  return f;
}

/**
 * Formats integer minor units in their currency: formatMoney(123450, 'EUR')
 * -> "€1,234.50"; formatMoney(1234, 'JPY') -> "¥1,234"; formatMoney(1234, 'KWD') -> "KWD 1.234".
 */
export function formatMoney(amount: number | null | undefined, currency: string, locale = defaultLocale()): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return '—';
  const dec = minorToDecimalString(amount, currency);
  const code = (currency || '').toUpperCase();
  try {
    const f = moneyFormat(code, locale, false);
    // Intl formats decimal strings exactly (no float rounding) in current engines.
    const out = f.format(dec as unknown as number);
    if (!out.includes('NaN')) return out;
    return f.format(Number(dec));
  } catch {
    // unknown or empty currency code: the number and the code
    return `${dec} ${code}`.trim();
  }
}

/** Chart values are already in major units (display only): "€12.3K". */
export function formatMajorCompact(major: number, currency: string, locale = defaultLocale()): string {
  try {
    return moneyFormat((currency || '').toUpperCase(), locale, true).format(major);
  } catch {
    return `${major} ${currency}`.trim();
  }
}

const numberFormat = new Intl.NumberFormat(defaultLocale());
export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : numberFormat.format(n);
}

function parseTime(t: string | Date | null | undefined): Date | null {
  if (!t) return null;
  const d = t instanceof Date ? t : new Date(t);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() <= 1) return null; // Go's zero time
  return d;
}

// Times are shown in the shop's zone once the shop says which (App sets it
// from ShopService.Status), so "09:00" on an order means 09:00 where the
// shop is, whatever zone the computer is in; before that, the computer's.
let shopZone: string | undefined;
let dateTimeFormat = new Intl.DateTimeFormat(defaultLocale(), { dateStyle: 'medium', timeStyle: 'short' });
let dateFormat = new Intl.DateTimeFormat(defaultLocale(), { dateStyle: 'medium' });

/** Shows times in the shop's IANA zone; '' or an unknown zone: the computer's. */
export function setShopTimeZone(zone: string | undefined) {
  let tz: string | undefined = zone || undefined;
  try {
    new Intl.DateTimeFormat(undefined, { timeZone: tz });
  } catch {
    tz = undefined;
  }
  if (tz === shopZone) return;
  shopZone = tz;
  dateTimeFormat = new Intl.DateTimeFormat(defaultLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: tz });
  dateFormat = new Intl.DateTimeFormat(defaultLocale(), { dateStyle: 'medium', timeZone: tz });
}

/** "Monday, March 2": a day's long name in the shop's zone. */
export function formatLongDay(t: Date): string {
  return new Intl.DateTimeFormat(defaultLocale(), { weekday: 'long', month: 'long', day: 'numeric', timeZone: shopZone }).format(t);
}

/** A stored UTC time shown in the shop's time (see setShopTimeZone). */
export function formatDateTime(t: string | Date | null | undefined): string {
  const d = parseTime(t);
  return d ? dateTimeFormat.format(d) : '—';
}

export function formatDate(t: string | Date | null | undefined): string {
  const d = parseTime(t);
  return d ? dateFormat.format(d) : '—';
}

/** "2026-03-01" (a day in the shop's zone, from the backend) -> "Mar 1". */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  return new Intl.DateTimeFormat(defaultLocale(), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

/** "partially_refunded" -> "Partially refunded". */
export function humanize(s: string | null | undefined): string {
  if (!s) return '—';
  const t = s.replace(/[_-]+/g, ' ').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}
