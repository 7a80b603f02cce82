// Two flow switches clicked 0.3 s apart on the real app: both end up on, on
// screen and in the backend (a reload reads them back), and a quick on-off on
// one switch leaves it off.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { installFlow } from './flows';

// The flows are switched off first, and the switch written, before the
// test's own clicks.
async function install(page: Page, key: string): Promise<string> {
  const id = await installFlow(page, key, false);
  await page.waitForTimeout(1500);
  return id;
}

test('two quick toggles both stay on; on-off on one switch ends off', async ({ page }, info) => {
  const dir = resolve(info.config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  await page.goto('/');
  await page.getByTestId('nav-automations').click();
  await expect(page.getByTestId('template-gallery')).toBeVisible();
  const a = await install(page, 'order_confirmation');
  const b = await install(page, 'cart_abandoned');

  await page.getByTestId(`flow-switch-${a}`).click({ force: true });
  await page.waitForTimeout(300);
  await page.getByTestId(`flow-switch-${b}`).click({ force: true });
  for (const id of [a, b]) await expect(page.getByTestId(`flow-row-${id}`)).toHaveAttribute('data-enabled', 'true');
  await page.waitForTimeout(1500); // every request and refetch settled
  for (const id of [a, b]) await expect(page.getByTestId(`flow-row-${id}`)).toHaveAttribute('data-enabled', 'true');
  await page.screenshot({ path: resolve(dir, 'flow-switches-both-on.png') });

  // What the backend holds, read afresh.
  await page.reload();
  await page.getByTestId('nav-automations').click();
  for (const id of [a, b]) await expect(page.getByTestId(`flow-row-${id}`)).toHaveAttribute('data-enabled', 'true');

  // Off then on then off within a second: off it stays.
  const sw = page.getByTestId(`flow-switch-${a}`);
  await sw.click({ force: true });
  await page.waitForTimeout(150);
  await sw.click({ force: true });
  await page.waitForTimeout(150);
  await sw.click({ force: true });
  await page.waitForTimeout(1500);
  await expect(page.getByTestId(`flow-row-${a}`)).toHaveAttribute('data-enabled', 'false');
  await page.reload();
  await page.getByTestId('nav-automations').click();
  await expect(page.getByTestId(`flow-row-${a}`)).toHaveAttribute('data-enabled', 'false');
  await expect(page.getByTestId(`flow-row-${b}`)).toHaveAttribute('data-enabled', 'true');
});
