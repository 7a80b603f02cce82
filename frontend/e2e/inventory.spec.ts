// Inventory end to end on the demo shop, through the real Go bindings: the
// forecast chart, Reorder now, editing a draft line, sending it (the message
// lands in the outbox for the test SMTP server), and the outbox showing it.
import { expect, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

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

  // The first row is a SKU due for reorder (due rows sort first); its
  // forecast drawer shows a chart of history and forecast.
  await rows.first().click();
  await expect(page.getByTestId('forecast-drawer')).toBeVisible();
  await expect(page.getByTestId('forecast-chart').locator('svg.recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('forecast-drawer')).toContainText(/Method: /);
  await shot('02-forecast');
  await page.keyboard.press('Escape');

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
  await expect(page.getByText(`Purchase order ${number}`).first()).toBeVisible();
  await shot('05-outbox');
});
