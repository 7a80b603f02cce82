// A coupon step's code pattern, checked as the seller types, with the same
// rules and words as the save check (backend/coupons/pattern.go: Valid):
// capital letters, digits and dashes, an X for each random character, and
// enough X's that the codes stay unique and hard to guess.
import { countOf } from '../../lib/plural';

/** The characters an X becomes (no 0/O, 1/I/L, which customers mistype). */
export const PATTERN_ALPHABET_SIZE = 31;
/** The fewest codes a pattern must be able to make. */
export const PATTERN_MIN_CODES = 100_000;
/** The shape when the step sets none. */
export const DEFAULT_PATTERN = 'SC-XXXX-XXXX';

/** How many different codes the pattern can make. */
export function patternCapacity(p: string): number {
  return PATTERN_ALPHABET_SIZE ** [...p].filter((c) => c === 'X').length;
}

/** What is wrong with a pattern, in the seller's words; '' when it will do (empty: the default). */
export function patternProblem(p: string): string {
  if (p === '') return '';
  const bad = [...p].find((c) => !/[A-Z0-9-]/.test(c));
  if (bad !== undefined) {
    return `Use capital letters, digits and dashes, with X for each random character; “${bad}” is not one of them.`;
  }
  const n = patternCapacity(p);
  if (n < PATTERN_MIN_CODES) {
    return `This makes only ${countOf(n, 'different code')}, too few to stay unique and hard to guess (at least ${countOf(PATTERN_MIN_CODES, 'code')}): add X’s (each one multiplies the codes by ${PATTERN_ALPHABET_SIZE}).`;
  }
  return '';
}

/** An example code of the pattern, for the input's description. */
export function patternExample(p: string): string {
  const sample = '7KQ2MX9PB4RT';
  let i = 0;
  return [...(p || DEFAULT_PATTERN)].map((c) => (c === 'X' ? sample[i++ % sample.length] : c)).join('');
}
