// Inventory end to end on the demo shop, through the real Go bindings: the
// forecast chart, Reorder now, editing a draft line, sending it (the message
// lands in the outbox), and the outbox sending it through the test Postfix;
// then the low-stock digest: its preview, the send, the message queued in
// the outbox, and no second digest the same shop day; then the sent order
// received in part (a line's quantity refused when negative, warned about
// above what is open), its history, and the rest closed short, axe-clean in
// both themes.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectNoViolations } from './axe';
import { setUpMailAccount } from './mailAccount';

function shooter(page: Page, info: TestInfo) {
  const dir = resolve(info.config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  return (name: string) => page.screenshot({ path: resolve(dir, `inventory-${name}.png`) });
}

test('forecast chart, reorder now, edit a line, send, see it in the outbox', async ({ page }, info) => {
  const shot = shooter(page, info);

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

test('low-stock digest: preview, send, queued in the outbox, once a day', async ({ page }, info) => {
  const shot = shooter(page, info);
  // Screenshots wait for the dialog's fade-in to finish.
  const settled = async () => {
    await expect(page.locator('.mantine-Modal-content')).toHaveCSS('opacity', '1');
    await expect(page.locator('.mantine-Modal-overlay')).toHaveCSS('opacity', '1');
  };
  await page.goto('/');
  // The digest goes to the seller's own address (idempotent if the test above set it up).
  await setUpMailAccount(page);

  await page.getByTestId('nav-inventory').click();
  await expect(page.getByTestId('inventory-page')).toBeVisible();
  await page.getByTestId('digest-open').click();
  const panel = page.getByTestId('digest-panel');
  await expect(panel).toBeVisible();
  await expect(page.getByTestId('digest-to')).toHaveText('seller@shop.test');
  const subject = page.getByTestId('digest-subject');
  await expect(subject).toHaveText(/^Low stock \d{4}-\d{2}-\d{2}: /);
  const subjectText = await subject.innerText();
  const items = panel.locator('[data-testid^="digest-item-"]');
  await expect(items.first()).toBeVisible();
  expect(await items.count()).toBeGreaterThan(0);
  await expect(page.getByTestId('digest-send')).toBeEnabled();
  await settled();
  await shot('07-digest-preview');

  await page.getByTestId('digest-send').click();
  await expect(page.getByTestId('digest-queued')).toContainText('Queued to the outbox');
  await expect(page.getByTestId('digest-outbox-badge')).toHaveText('Queued');
  await settled();
  await shot('08-digest-queued');

  await page.getByTestId('digest-open-outbox').click();
  await expect(page.getByTestId('outbox-page')).toBeVisible();
  const row = page.getByTestId('outbox-table').getByRole('row').filter({ hasText: subjectText });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('seller@shop.test');
  await expect(row.locator('[data-testid^="outbox-status-"]')).toHaveText('Queued');
  await shot('09-digest-outbox');

  // Asked again the same shop day, the preview says it is already there and offers no send.
  await page.getByTestId('nav-inventory').click();
  await page.getByTestId('digest-open').click();
  await expect(page.getByTestId('digest-already')).toBeVisible();
  await expect(page.getByTestId('digest-outbox-badge')).toHaveText('Queued');
  await expect(page.getByTestId('digest-send')).toHaveCount(0);
});

test('partial delivery: receive part of a line, see the history, close the rest short', async ({ page }, info) => {
  const shot = shooter(page, info);
  // Both themes are checked on each state; the toggle sits in the shell.
  const axeBothThemes = async (label: string, darkShot?: string) => {
    for (const scheme of ['dark', 'light'] as const) {
      await page.getByTestId('theme-toggle').click();
      await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-scheme', scheme);
      // The pointer leaves the toggle, so its tooltip is not what axe reads.
      await page.mouse.move(0, 0);
      await expect(page.getByRole('tooltip')).toHaveCount(0);
      await expectNoViolations(page, `${scheme} inventory ${label}`);
      if (scheme === 'dark' && darkShot) await shot(darkShot);
    }
  };
  await page.addInitScript(() => localStorage.setItem('shopclerk-color-scheme', 'light'));
  await page.goto('/');
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-scheme', 'light');
  await page.getByTestId('nav-inventory').click();
  await page.getByTestId('inventory-tab-orders').click();
  await expect(page.getByTestId('purchase-orders')).toBeVisible();

  // The order the first test sent; when this test runs alone, one is made.
  let card = page.locator('[data-testid^="po-PO-"]').filter({ has: page.locator('[data-testid^="po-book-in-"]') }).first();
  if ((await card.count()) === 0) {
    await page.getByTestId('inventory-tab-reorder').click();
    await page.getByTestId('reorder-now').click();
    const draft = page.locator('[data-testid^="po-send-"]').first();
    await draft.click();
    card = page.locator('[data-testid^="po-PO-"]').filter({ has: page.locator('[data-testid^="po-book-in-"]') }).first();
  }
  await expect(card).toBeVisible();
  const number = (await card.getAttribute('data-testid'))!.replace(/^po-/, '');
  const input = card.locator(`[data-testid^="po-arrived-${number}-"]`).first();
  const sku = (await input.getAttribute('data-testid'))!.replace(`po-arrived-${number}-`, '');
  const open = Number((await input.getAttribute('placeholder'))!.replace(/\D/g, ''));
  expect(open).toBeGreaterThan(1);
  const bookIn = page.getByTestId(`po-book-in-${number}`);
  await expect(bookIn).toBeDisabled();

  // More than is open is allowed, with a warning; a negative is refused.
  await input.fill(String(open + 5));
  await expect(page.getByTestId(`po-arrived-warn-${number}-${sku}`)).toHaveText(`More than the ${open} still open`);
  await expect(bookIn).toBeEnabled();
  await shot('10-receive-warning');
  await axeBothThemes('receive with a warning');
  await input.fill('-1');
  await expect(card.getByText('Cannot be negative')).toBeVisible();
  await expect(bookIn).toBeDisabled();
  await shot('11-receive-negative');
  await axeBothThemes('receive refused');

  // Half of the first line arrives; the order is partly received.
  const part = Math.floor(open / 2);
  await input.fill(String(part));
  await expect(bookIn).toHaveText(part === 1 ? 'Book in 1 unit' : `Book in ${part} units`);
  await bookIn.click();
  await expect(page.getByTestId(`po-status-${number}`)).toHaveText(/partly received/i);
  await expect(page.getByTestId(`po-received-${number}-${sku}`)).toHaveText(new RegExp(`^${part}`));
  const history = page.getByTestId(`po-history-${number}`);
  await expect(history).toContainText(`Received ${part} × ${sku}`);
  await expect(card.locator(`[data-testid="po-arrived-${number}-${sku}"]`)).toHaveValue('');
  await shot('12-partly-received');
  await axeBothThemes('partly received', '12-partly-received-dark');

  // The rest will not come: closed short, after the card says what.
  await page.getByTestId(`po-close-short-${number}`).click();
  await expect(page.getByTestId(`po-close-confirm-${number}`)).toContainText(`${open - part} × ${sku}`);
  await shot('13-close-short-confirm');
  await axeBothThemes('close short confirm');
  await page.getByTestId(`po-close-short-yes-${number}`).click();
  await expect(page.getByTestId(`po-status-${number}`)).toHaveText(/closed short/i);
  await expect(page.getByTestId(`po-received-${number}-${sku}`)).toHaveText(`${part} (${open - part} short)`);
  await expect(history).toContainText('Closed short');
  await expect(history).toContainText(`${open - part} × ${sku}`);
  await expect(page.getByTestId(`po-book-in-${number}`)).toHaveCount(0);
  await shot('14-closed-short');
  await axeBothThemes('closed short', '14-closed-short-dark');
});
