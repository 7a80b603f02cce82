import { describe, expect, it } from 'vitest';
import { patternExample, patternProblem } from './couponPattern';

describe('a coupon step’s code pattern', () => {
  it('takes the default (empty) and patterns with four or more X’s', () => {
    expect(patternProblem('')).toBe('');
    expect(patternProblem('SPRING-XXXX')).toBe('');
    expect(patternProblem('WB-XXXX-2026')).toBe('');
  });
  it('names a character a checkout would not take', () => {
    expect(patternProblem('spring-XXXX')).toContain('“s” is not one of them');
    expect(patternProblem('SC XXXX')).toContain('“ ” is not one of them');
  });
  it('refuses a pattern with too few codes, saying how many it makes', () => {
    expect(patternProblem('SC-XXX')).toBe(
      'This makes only 29,791 different codes, too few to stay unique and hard to guess (at least 100,000 codes): add X’s (each one multiplies the codes by 31).',
    );
    expect(patternProblem('SPRING')).toContain('only 1 different code,');
  });
  it('shows what a code looks like', () => {
    expect(patternExample('')).toBe('SC-7KQ2-MX9P');
    expect(patternExample('WB-XXXX')).toBe('WB-7KQ2');
  });
});
