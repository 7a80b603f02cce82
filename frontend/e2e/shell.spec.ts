// End to end through the real window's dev server: the real Go bindings on
// the demo shop. The harness (frontend/e2e/harness*, scripts/e2e.sh) builds
// the dev binary and starts it under Xvfb before this runs.
import { expect, test, type Page } from '@playwright/test';
import { shot } from './shots';


async function rowNames(page: Page): Promise<string[]> {
  return page.getByTestId('order-row').locator('td:first-child').allInnerTexts();
}

async function rowTotals(page: Page): Promise<number[]> {
  const raw = await page.getByTestId('order-row').locator('td:last-child [data-amount]').evaluateAll((els) =>
    els.map((e) => Number(e.getAttribute('data-amount'))),
  );
  return raw;
}

test('dashboard, orders paging, sorting, search and detail', async ({ page }) => {
  await page.goto('/');

  // Dashboard on the demo shop: figures are filled in.
  await expect(page.getByTestId('welcome'), 'the harness must start the app on a demo shop').toHaveCount(0);
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await expect(page.getByTestId('app-name')).toHaveText('Shopclerk');
  await expect(page.getByTestId('dash-today-revenue-value')).toHaveText(/\d/);
  await expect(page.getByTestId('dash-today-orders-value')).toHaveText(/^\d[\d,.\s]*$/);
  await expect(page.getByTestId('dash-abandoned-carts-value')).toHaveText(/\d/);
  await expect(page.getByTestId('dash-outbox-waiting-value')).toHaveText(/\d/);
  const totalOrders = Number((await page.getByTestId('dash-total-orders-value').innerText()).replace(/\D/g, ''));
  expect(totalOrders).toBeGreaterThan(100);
  await expect(page.getByTestId('dash-revenue-chart').locator('svg.recharts-surface').first()).toBeVisible();
  await expect(page.getByTestId('dash-shipments')).toContainText(/Delivered/);
  await shot(page, 'shell', '01-dashboard');

  // Orders: first page, newest first.
  await page.getByTestId('nav-orders').click();
  await expect(page.getByTestId('order-row').first()).toBeVisible();
  const total = Number(await page.getByTestId('orders-total').getAttribute('data-total'));
  expect(total).toBe(totalOrders);
  await expect(page.getByTestId('orders-range')).toContainText(/^1–50 of/);
  const page1 = await rowNames(page);
  await shot(page, 'shell', '02-orders');

  // Page forward: a different set of orders from the server.
  await page.getByTestId('orders-next').click();
  await expect(page.getByTestId('orders-range')).toContainText(/^51–100 of/);
  await expect.poll(async () => (await rowNames(page))[0]).not.toBe(page1[0]);
  const page2 = await rowNames(page);
  expect(page2.filter((n) => page1.includes(n))).toEqual([]);
  await shot(page, 'shell', '03-orders-page-2');

  // Sort by total, descending: back on page 1, totals non-increasing.
  await page.getByTestId('orders-sort-total').click();
  await expect(page.getByTestId('orders-range')).toContainText(/^1–50 of/);
  await page.getByTestId('orders-sort-total').click();
  await expect(page.getByTestId('orders-sort-total').locator('xpath=ancestor::th')).toHaveAttribute('aria-sort', 'descending');
  await expect
    .poll(async () => {
      const t = await rowTotals(page);
      return t.length > 1 && t.every((v, i) => i === 0 || t[i - 1] >= v);
    })
    .toBe(true);
  const biggest = (await rowTotals(page))[0];
  const totalsAll = await rowTotals(page);
  expect(biggest).toBe(Math.max(...totalsAll));
  await shot(page, 'shell', '04-orders-sorted');

  // Search for one order by its number.
  const wanted = page2[3].trim();
  await page.getByTestId('orders-search').fill(wanted);
  await expect.poll(async () => (await rowNames(page))[0]?.trim()).toBe(wanted);
  const found = Number(await page.getByTestId('orders-total').getAttribute('data-total'));
  expect(found).toBeGreaterThanOrEqual(1);
  expect(found).toBeLessThan(total);
  await shot(page, 'shell', '05-orders-search');

  // Open it: lines, totals, customer, shipments.
  await page.getByTestId('order-row').first().click();
  const detail = page.getByTestId('order-detail');
  await expect(detail).toBeVisible();
  await expect(page.getByTestId('order-detail-name')).toContainText(wanted);
  await expect(detail.getByTestId('order-line').first()).toBeVisible();
  await expect(detail.getByTestId('order-totals')).toContainText('Total');
  await expect(detail.getByTestId('order-financial-status')).toBeVisible();
  await expect(detail.getByTestId('order-customer')).toBeVisible();
  await expect(detail.getByTestId('order-shipments')).toBeVisible();
  expect(page.url()).toMatch(/#\/orders\/\d+$/);
  await shot(page, 'shell', '06-order-detail');

  // Closing keeps the table where it was.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('order-detail')).toHaveCount(0);
  await expect(page.getByTestId('orders-search')).toHaveValue(wanted);
});

test('the other tables and screens render', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('dashboard')).toBeVisible();

  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row').first()).toBeVisible();
  await page.getByTestId('customers-sort-totalSpent').click();
  await expect(page.getByTestId('customers-range')).toContainText(/^1–/);
  await shot(page, 'shell', '07-customers');

  await page.getByTestId('nav-inventory').click();
  // The inventory area shows the shell's stock table in its "Stock by location" tab.
  const stockTab = page.getByTestId('inventory-tab-stock');
  await expect(page.getByTestId('stock-row').first().or(stockTab)).toBeVisible();
  if (await stockTab.isVisible()) await stockTab.click();
  await expect(page.getByTestId('stock-row').first()).toBeVisible();
  await shot(page, 'shell', '08-inventory');

  await page.getByTestId('nav-carts').click();
  await expect(page.getByTestId('cart-row').first()).toBeVisible();
  await shot(page, 'shell', '09-carts');

  for (const area of ['import', 'automations', 'outbox', 'settings']) {
    await page.getByTestId(`nav-${area}`).click();
    await expect(page).toHaveURL(new RegExp(`#/${area}`));
    await page.waitForLoadState('networkidle');
    await shot(page, 'shell', `10-${area}`);
  }

  // Dark theme, remembered across a reload.
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  const before = await page.getByTestId('theme-toggle').getAttribute('data-scheme');
  await page.getByTestId('theme-toggle').click();
  const after = before === 'dark' ? 'light' : 'dark';
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-scheme', after);
  await page.reload();
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-scheme', after);
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await shot(page, 'shell', '11-dashboard-dark');
  await page.getByTestId('theme-toggle').click();
});
