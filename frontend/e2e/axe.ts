// Accessibility checks with axe-core against WCAG 2.0 and 2.1, levels A and
// AA. Any violation, whatever its impact, fails the test: a seller who uses a
// keyboard, a screen reader or a bright screen must be able to run the shop.
// The same check works on a standalone HTML file (a rendered email), so
// what the app sends can be held to the same rules as what it shows.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { Result } from 'axe-core';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// Each check's full result, for reading after a run: test-artifacts/axe/<label>.json.
function reportDir(): string {
  const dir = resolve(test.info().config.rootDir, '..', '..', 'test-artifacts', 'axe');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** One line per failing element: rule, impact, where, and what to fix. */
export function describeViolations(violations: Result[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) => `  [${v.impact ?? 'unknown'}] ${v.id}: ${n.target.join(' ')}\n      ${(n.failureSummary ?? v.help).replaceAll('\n', '\n      ')}`,
      ),
    )
    .join('\n');
}

/** Failing elements per impact ("critical", "serious", ...), as counted in the report. */
export function countByImpact(violations: Result[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of violations) counts[v.impact ?? 'unknown'] = (counts[v.impact ?? 'unknown'] ?? 0) + v.nodes.length;
  return counts;
}

// Fades and slides change colours while they run: axe would measure the
// contrast of a half-opaque dialog. Endless animations (loaders) never settle
// and do not matter here. A transition starts a frame or two after its
// element appears (Mantine's popovers mount first, then fade in), so the
// page is given two frames before and after the wait: checked too early, a
// confirm button was measured half faded in.
async function settle(page: Page): Promise<void> {
  const frames = () => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const still = () =>
    page.waitForFunction(() =>
      document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
    );
  await frames();
  await still();
  await frames();
  await still();
}

async function check(page: Page, label: string): Promise<void> {
  await settle(page);
  // A sandboxed iframe (the rendered emails) runs no script, so axe cannot
  // get in and the check would wait forever; those emails are checked as
  // files with expectHtmlFileHasNoViolations instead.
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).exclude('iframe[sandbox]').analyze();
  const file = label.replace(/[^\w-]+/g, '_');
  writeFileSync(resolve(reportDir(), `${file}.json`), JSON.stringify({ label, counts: countByImpact(violations), violations }, null, 1));
  // Soft, so one run lists every screen's problems, not only the first.
  expect
    .soft(violations, `axe found WCAG A/AA violations on "${label}":\n${describeViolations(violations)}`)
    .toEqual([]);
}

/** Checks what the page shows now; every violation of any impact fails the test. */
export async function expectNoViolations(page: Page, label: string): Promise<void> {
  await test.step(`axe: ${label}`, () => check(page, label));
}

/**
 * Checks a standalone HTML document (for example a rendered email written to
 * a file) in the given page, which it replaces. The document is checked as a
 * mail client would show it: on its own, without the app's styles.
 */
export async function expectHtmlFileHasNoViolations(page: Page, path: string, label = path): Promise<void> {
  await page.setContent(readFileSync(path, 'utf8'), { waitUntil: 'load' });
  await expectNoViolations(page, label);
}
