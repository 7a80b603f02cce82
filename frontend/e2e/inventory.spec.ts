// Inventory end to end on the demo shop, through the real Go bindings: the
// forecast chart, Reorder now, editing a draft line, sending it (the message
// lands in the outbox), and the outbox sending it through the test Postfix.
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { setUpMailAccount } from './mailAccount';

test('forecast chart, reorder now, edit a line, send, see it in the outbox', async ({ page }, info) => {
  const dir = resolve(info.config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  const shot = (name: string) => page.screenshot({ path: resolve(dir, `inventory-${name}.png`) });

  await page.goto('/');
  await page.getByTestId('nav-inventory').click();
  await expect(page.getByTestId('inventory-page')).toBeVisible();
  const rows = page.locator('[data-testid^="reorder-row-"]');
  await expect(rows.first()).toBeVisible();
  await shot('01-reorder');

  // The first row's forecast drawer shows a chart of history and forecast.
  await rows.first().click();
  await expect(page.getByTestId('forecast-drawer')).toBeVisible();
  await expect(page.getByTestId('forecast-chart').locator('svg.recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('forecast-drawer')).toContainText(/Method: /);
  await shot('02-forecast');

  // The seller's own reorder point, above the stock on hand, makes the SKU
  // due whatever the forecast says.
  await page.getByTestId('forecast-reorder-point').fill('500');
  await page.getByTestId('forecast-save').click();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('reorder-now')).toBeEnabled();

  await page.getByTestId('reorder-now').click();
  await expect(page.getByTestId('purchase-orders')).toBeVisible();
  const card = page.locator('[data-testid^="po-PO-"]').filter({ has: page.locator('[data-testid^="po-send-"]') }).first();
  await expect(card).toBeVisible();
  const number = (await card.getAttribute('data-testid'))!.replace(/^po-/, '');

  // Edit the first line: 7 more than suggested.
  const qty = card.locator(`[data-testid^="po-qty-${number}-"]`).first();
  const before = Number((await qty.inputValue()).replace(/\D/g, ''));
  const total = page.getByTestId(`po-total-${number}`);
  const totalBefore = await total.innerText();
  await qty.fill(String(before + 7));
  await qty.blur();
  await expect(total).not.toHaveText(totalBefore);
  await expect(card.locator(`[data-testid^="po-qty-${number}-"]`).first()).toHaveValue(new RegExp(`^${before + 7}$`));
  await shot('03-draft');

  await page.getByTestId(`po-send-${number}`).click();
  await expect(page.getByTestId(`po-status-${number}`)).toHaveText(/sent/i);
  await shot('04-sent');

  await page.getByTestId('nav-outbox').click();
  const row = page.getByRole('row').filter({ hasText: `Purchase order ${number}` }).first();
  await expect(row).toBeVisible();
  await shot('05-outbox');

  // Send it for real: through Postfix to the seller's own box (test mode).
  await setUpMailAccount(page);
  await page.getByTestId('nav-outbox').click();
  await page.getByTestId('outbox-send').click();
  await expect(row).toContainText(/sent/i);
  await shot('06-outbox-sent');
});
