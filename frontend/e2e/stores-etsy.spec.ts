// Settings > Stores with an Etsy shop, in the real window's bindings:
// "Sign in with Etsy" against the stand-in Etsy on 127.0.0.1
// (backend/connector/etsy/etsytest/cmd), whose consent page agrees at once
// and, as Etsy, sends the browser only to the https callback the app lists:
// the seller pastes that address (with the code; PKCE) back. The coupon
// switch stays off with the reason; a sync brings the receipts in as
// orders. Axe-clean in both themes.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectNoViolations } from './axe';
import { startEtsyStandIn, type EtsyStandIn } from './standin';

let etsy: EtsyStandIn;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  etsy = await startEtsyStandIn();
});
test.afterAll(() => etsy?.stop());

const shot = (name: string) => {
  const dir = resolve(test.info().config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  return resolve(dir, `stores-etsy-${name}.png`);
};

// The seller in the browser: Etsy's page (agreeing at once), then the
// address it sends the browser to, copied from the address bar and pasted.
async function allowAndPaste(page: Page): Promise<void> {
  await expect(page.getByTestId('etsy-paste')).toContainText('https://localhost/shopclerk-etsy?code=');
  const url = await page.getByTestId('etsy-signin-url').getAttribute('href');
  const res = await fetch(url!, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const landed = res.headers.get('location')!;
  expect(landed).toMatch(/^https:\/\/localhost\/shopclerk-etsy\?code=/);
  await page.getByTestId('etsy-pasted').fill(landed);
  await page.getByTestId('etsy-finish').click();
}

test('sign in with the stand-in Etsy, sync it, see its receipts as orders', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-stores').click();
  await page.getByTestId('store-add').click();
  await page.getByTestId('store-kind').getByText('Etsy', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Etsy' })).toBeChecked();
  await expect(page.getByTestId('store-connect')).toHaveText('Sign in with Etsy');

  // A wrong shared secret: Etsy's refusal in plain words, nothing added.
  await page.getByTestId('store-client-id').fill(etsy.keystring);
  await page.getByTestId('store-secret').fill('not-the-secret');
  await page.getByTestId('store-url').fill(etsy.url);
  await page.getByTestId('store-name').fill('Etsy shop');
  await expect(page.getByTestId('store-callback')).toHaveValue('https://localhost/shopclerk-etsy');
  await page.screenshot({ path: shot('form') });
  await page.getByTestId('store-connect').click();
  await allowAndPaste(page);
  await expect(page.getByTestId('store-form-error')).toContainText('shared secret');
  await expectNoViolations(page, 'etsy sign-in with an error');
  await page.screenshot({ path: shot('paste-error') });

  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByTestId('store-secret').fill(etsy.sharedSecret);
  await page.getByTestId('store-connect').click();
  await allowAndPaste(page);
  await expect(page.getByTestId('store-test-result')).toContainText('StandInCrafts');
  const card = page.locator('[data-testid="store-card"][data-store="Etsy shop"]');
  await expect(card.getByTestId('store-write-coupons')).toBeDisabled();
  await expect(card).toContainText('create Etsy coupons yourself in Shop Manager');
  await expect(card.getByTestId('store-write-stock')).toBeEnabled();

  await card.getByTestId('store-sync').click();
  const row = page.getByTestId('store-history-row').filter({ hasText: 'Etsy shop' }).first();
  await expect(row).toContainText('done');
  await expect(card.getByTestId('store-freshness')).toHaveText('Synced just now');
  await expectNoViolations(page, 'stores with an etsy shop (light)');
  await page.screenshot({ path: shot('synced'), fullPage: true });
  await page.getByTestId('theme-toggle').click();
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-scheme', 'dark');
  await expectNoViolations(page, 'stores with an etsy shop (dark)');
  await page.screenshot({ path: shot('synced-dark'), fullPage: true });
  await page.getByTestId('theme-toggle').click();

  // The receipt is an order named by its receipt id, as Etsy's export names it.
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('orders-search').fill('3012345678');
  await expect(page.getByTestId('order-row').filter({ hasText: '3012345678' })).toHaveCount(1);
  await page.screenshot({ path: shot('order') });
});
