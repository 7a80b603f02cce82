// The forecast in the seller's words. Each method and demand class gets a
// plain phrase; the technical name (what a forecasting book calls it) is in
// a tooltip for the seller who wants to look it up.
import { Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';

/** backend/inventory Method -> [plain words, technical term]. */
export const METHOD_WORDS: Record<string, [string, string]> = {
  none: ['no forecast (it has not sold yet)', 'none'],
  moving_average: ['average of recent days', 'moving average'],
  ses: ['recent days count most', 'simple exponential smoothing (SES)'],
  holt_damped: ['trend-adjusted average', 'Holt’s damped-trend exponential smoothing'],
  holt_winters: ['trend-adjusted average with a weekly pattern', 'Holt-Winters (damped trend, weekly seasonality)'],
  croston_sba: ['average sale size × how often it sells', 'Croston’s method, Syntetos-Boylan approximation (SBA)'],
  tsb: ['chance of a sale × usual sale size, fading when sales stop', 'Teunter-Syntetos-Babai (TSB)'],
};

/** backend/inventory DemandClass -> [plain words, technical term]. */
export const CLASS_WORDS: Record<string, [string, string]> = {
  none: ['no sales yet', 'no demand'],
  new: ['new, little history', 'new item'],
  smooth: ['sells steadily', 'smooth demand (Syntetos-Boylan)'],
  erratic: ['sells most days, in uneven amounts', 'erratic demand (Syntetos-Boylan)'],
  intermittent: ['sells now and then', 'intermittent demand (Syntetos-Boylan)'],
  lumpy: ['sells now and then, in uneven amounts', 'lumpy demand (Syntetos-Boylan)'],
};

/** Plain words with the technical term in a tooltip (reachable by keyboard). */
export function Term({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) {
  return (
    <Tooltip label={term} multiline maw={320} withArrow>
      <Text
        span
        inherit
        tabIndex={0}
        data-testid={testId}
        data-term={term}
        style={{ textDecoration: 'underline dotted', textUnderlineOffset: 3, cursor: 'help' }}
      >
        {children}
      </Text>
    </Tooltip>
  );
}

/**
 * MASE in words: the forecast's error against a naive guess ("same as
 * yesterday"). 0.8 -> "20 % better than", 1.06 -> "6 % worse than".
 */
export function maseWords(mase: number): string {
  const pct = Math.round(Math.abs(1 - mase) * 100);
  if (pct === 0) return 'as good as';
  return mase < 1 ? `${pct} % better than` : `${pct} % worse than`;
}

export function words(table: Record<string, [string, string]>, key: string): [string, string] {
  return table[key] ?? [key.replaceAll('_', ' '), key];
}
