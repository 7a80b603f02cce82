// Settings > Stores end to end, in the real window's bindings: connect the
// stand-in Shopify store on 127.0.0.1 (backend/connector/shopify/shopifytest/
// cmd), test it, sync it as a job with a progress bar, read the sync history,
// see how fresh its data is on the dashboard, and find the order only the
// store had (#9001) in Orders. The keyboard alone opens the form and syncs.
// Then stock written back: with the store's stock switch on, a purchase
// order received in Inventory adds its quantity in the store.
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectNoViolations } from './axe';
import { startStandIn, STANDIN_ORDERS, type StandIn } from './standin';

test.describe.configure({ mode: 'serial' });

let standin: StandIn;
test.beforeAll(async () => {
  standin = await startStandIn(['-orders', STANDIN_ORDERS]);
});
test.afterAll(() => standin?.stop());

const shot = (name: string) => {
  const dir = resolve(test.info().config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  return resolve(dir, `stores-${name}.png`);
};

test('connect the stand-in Shopify store, sync it, see its orders', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-stores').click();
  await expect(page.getByTestId('settings-stores')).toBeVisible();

  // The keyboard alone: "Add a store" opens the form with focus on the
  // platform, whose arrow keys choose; Tab goes on to the address.
  await page.getByTestId('store-add').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('store-form')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Shopify' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'WooCommerce' })).toBeChecked();
  await expect(page.getByTestId('store-client-id')).toBeVisible();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: 'Shopify' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('store-url')).toBeFocused();

  // A wrong token is refused in the store's words, and nothing is added.
  await page.getByTestId('store-url').fill(standin.url);
  await page.getByTestId('store-name').fill('Maple');
  await page.getByTestId('store-secret').fill('shpat_wrong');
  await page.getByTestId('store-connect').click();
  await expect(page.getByTestId('store-form-error')).toContainText('no longer accepts the access token');
  await expectNoViolations(page, 'stores form with an error');

  await page.getByTestId('store-secret').fill(standin.token);
  await page.getByTestId('store-connect').click();
  await expect(page.getByTestId('store-test-result')).toContainText('Connected to “Stand-in Store”');
  const card = page.locator('[data-testid="store-card"][data-store="Maple"]');
  await expect(card.getByTestId('store-freshness')).toHaveText('Never synced');

  // Sync from the keyboard: a job with a progress bar, then the history.
  await card.getByTestId('store-sync').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('store-history-row').filter({ hasText: 'Maple' }).first()).toBeVisible();
  await expect(page.getByTestId('store-sync-progress')).toHaveCount(0);
  await expect(card.getByTestId('store-freshness')).toHaveText('Synced just now');
  const row = page.getByTestId('store-history-row').filter({ hasText: 'Maple' }).first();
  await expect(row).toContainText('done');
  // Orders an earlier spec imported from the same export are the same
  // records, so they count as unchanged, not created again.
  const count = async (i: number) => Number((await row.locator('td').nth(i).innerText()).replace(/\D/g, ''));
  expect((await count(3)) + (await count(4)) + (await count(5))).toBeGreaterThan(20);
  await expectNoViolations(page, 'stores after a sync');
  await page.screenshot({ path: shot('synced') });

  // The dashboard says how fresh the store's data is.
  await page.getByTestId('nav-dashboard').click();
  await expect(page.locator('[data-testid="dash-store"][data-store="Maple"]')).toContainText('Maple synced just now');
  await page.screenshot({ path: shot('dashboard') });

  // The order only the store had is in Orders, with its buyer.
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('orders-search').fill('standin.buyer@example.com');
  const order = page.getByTestId('order-row').filter({ hasText: '#9001' });
  await expect(order).toHaveCount(1);
  await order.click();
  await expect(page.getByTestId('order-detail-name')).toContainText('#9001');
  await page.screenshot({ path: shot('order') });
});

test('receive a purchase order and see the stock written back', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-stores').click();
  const card = page.locator('[data-testid="store-card"][data-store="Maple"]');
  await card.getByTestId('store-write-stock').click();
  await expect(card.getByTestId('store-write-stock')).toBeChecked();
  await page.screenshot({ path: shot('stock-on') });

  // A draft purchase order; its first SKU is stocked in the store.
  await page.getByTestId('nav-inventory').click();
  await page.getByTestId('inventory-tab-orders').click();
  const drafts = page.locator('[data-testid^="po-PO-"]').filter({ has: page.locator('[data-testid^="po-send-"]') });
  await expect(page.getByTestId('purchase-orders').or(page.getByText('No purchase orders yet'))).toBeVisible();
  if ((await drafts.count()) === 0) {
    await page.getByTestId('inventory-tab-reorder').click();
    await page.getByTestId('reorder-now').click();
  }
  const po = drafts.first();
  await expect(po).toBeVisible();
  const number = (await po.getAttribute('data-testid'))!.replace(/^po-/, '');
  const qtyInput = po.locator(`[data-testid^="po-qty-${number}-"]`).first();
  const sku = (await qtyInput.getAttribute('data-testid'))!.slice(`po-qty-${number}-`.length);
  const qty = Number((await qtyInput.inputValue()).replace(/\D/g, ''));
  expect(await standin.command('stock', sku, 'Warehouse Leipzig', 10)).toBe('ok');

  // Send it, then receive everything: the stock goes to the store by itself.
  await page.getByTestId(`po-send-${number}`).click();
  await expect(page.getByTestId(`po-status-${number}`)).toHaveText(/sent/i);
  await page.getByTestId(`po-${number}`).getByRole('button', { name: 'Receive all' }).click();
  await expect(page.getByTestId(`po-status-${number}`)).toHaveText(/received/i);
  await expect.poll(() => standin.command('quantity', sku, 'Warehouse Leipzig'), { timeout: 30_000 }).toBe(String(10 + qty));

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-stores').click();
  const row = page.locator(`[data-testid="store-write-row"][data-subject="${sku}"]`);
  await expect(row).toContainText('written');
  await expect(row).toContainText(`10 → ${10 + qty}`);
  await expectNoViolations(page, 'stores with a write written');
  await page.screenshot({ path: shot('stock-written') });
});
