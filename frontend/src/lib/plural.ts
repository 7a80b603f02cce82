// One way to say "n things" in the app's locale. Intl.PluralRules picks the
// plural category (one, two, few, many, other...) so "1 SKU" and "2 SKUs"
// never come from a hand-made `n === 1 ? '' : 's'` that forgets a case.
import { defaultLocale } from './format';

/** The words for a count, by plural category; `other` is required. */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

const rulesByLocale = new Map<string, Intl.PluralRules>();

function rules(locale: string | undefined): Intl.PluralRules {
  const key = locale ?? '';
  let r = rulesByLocale.get(key);
  if (!r) {
    try {
      r = new Intl.PluralRules(locale);
    } catch {
      r = new Intl.PluralRules();
    }
    rulesByLocale.set(key, r);
  }
  return r;
}

function forms(f: PluralForms | string, other?: string): PluralForms {
  return typeof f === 'string' ? { one: f, other: other ?? `${f}s` } : f;
}

/**
 * The word alone for a count: plural(1, 'SKU') -> "SKU", plural(2, {one: 'pack', other: 'packs'}) -> "packs".
 * Given two strings they are the singular and the plural (the plural defaults to singular + "s").
 */
export function plural(n: number, f: PluralForms | string, other?: string, locale = defaultLocale()): string {
  const w = forms(f, other);
  const cat = rules(locale).select(n) as keyof PluralForms;
  return w[cat] ?? w.other;
}

/** The count and its word: countOf(1, 'SKU') -> "1 SKU", countOf(1200, 'order') -> "1,200 orders". */
export function countOf(n: number, f: PluralForms | string, other?: string, locale = defaultLocale()): string {
  let num: string;
  try {
    num = new Intl.NumberFormat(locale).format(n);
  } catch {
    num = String(n);
  }
  return `${num} ${plural(n, f, other, locale)}`;
}
