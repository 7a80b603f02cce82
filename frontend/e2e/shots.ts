// Screenshots of the real window, kept in <repo>/test-artifacts/ for a
// person to open after a run: the specs' evidence of what a seller saw.
import { test, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** The artifacts folder (rootDir is frontend/e2e), made if missing. */
export function artifacts(info: TestInfo = test.info()): string {
  const dir = resolve(info.config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Saves the window as <prefix>-<name>.png once charts and fonts settle. */
export async function shot(page: Page, prefix: string, name: string) {
  await page.waitForTimeout(250);
  await page.screenshot({ path: resolve(artifacts(), `${prefix}-${name}.png`), fullPage: false });
}
