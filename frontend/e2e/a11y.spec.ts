// Accessibility end to end on the demo shop, through the real Go bindings:
// axe-core (WCAG 2.0/2.1 A and AA) on every screen and every state a seller
// meets (drawers, dialogs, a recognised file's preview, a full outbox and a
// message, the flow editor, with a mail account set up), in the light and the
// dark theme, with no violation of any impact; screenshots of each for a look.
// Then the keyboard alone: navigation, a table's sort and rows, a drawer, the
// flow editor, a purchase-order line and a dialog, checking where focus lands.
//
// This spec leaves the shop as the other specs expect it: the draft purchase
// orders it makes are cancelled and its outbox message removed.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { expectHtmlFileHasNoViolations, expectNoViolations } from './axe';
import { drop } from './dropFiles';
import { setUpMailAccount } from './mailAccount';
import { startStandIn } from './standin';

const db = process.env.SHOPCLERK_E2E_DB ?? '';
const sql = (query: string) => execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();

// A message that could not go, so the outbox has a row with a reason and the
// drawer shows the rendered email, a server reply and actions.
const MESSAGE_ID = '<a11y-check@shop.test>';
const MESSAGE_HTML =
  '<!doctype html><html lang="en"><head><title>Order confirmed</title></head><body><p>Thank you for your order.</p></body></html>';
const addOutboxMessage = () =>
  sql(`INSERT OR IGNORE INTO messages (message_id, kind, to_addr, to_name, subject, html, text, status, last_error, server_reply, created_at)
       VALUES ('${MESSAGE_ID}', 'transactional', 'alice@customer.test', 'Alice Example', 'Your order #1001 is confirmed',
               '${MESSAGE_HTML}',
               'Thank you for your order.', 'failed', 'The server refused the address: mailbox unavailable', '550 5.1.1 mailbox unavailable',
               strftime('%s', 'now'))`);

const SHOPIFY_ORDERS = 'orders_export_2025-04_CAD_79col.csv';
const shopifyExport = () => resolve(test.info().config.rootDir, '..', '..', 'testdata', 'real', 'shopify', SHOPIFY_ORDERS);

type Theme = 'light' | 'dark';

// The theme is the one Mantine's localStorage colour scheme manager keeps
// (src/providers.tsx), set before the app's first paint.
async function openApp(page: Page, theme: Theme) {
  await page.addInitScript((t) => localStorage.setItem('shopclerk-color-scheme', t), theme);
  await page.goto('/');
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-scheme', theme);
}

function artifacts(): string {
  const dir = resolve(test.info().config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  return dir;
}

function checker(page: Page, theme: Theme) {
  const dir = artifacts();
  let n = 0;
  return async (label: string) => {
    await expectNoViolations(page, `${theme} ${label}`);
    n++;
    const name = `a11y-${theme}-${String(n).padStart(2, '0')}-${label.replace(/[^\w]+/g, '-')}.png`;
    await page.screenshot({ path: resolve(dir, name) });
  };
}

async function nav(page: Page, area: string) {
  await page.getByTestId(`nav-${area}`).click();
}

/** "Reorder now" once: the purchase-order screens need a draft to show. */
async function ensureDraftOrders(page: Page) {
  await page.getByTestId('inventory-tab-orders').click();
  const drafts = page.locator('[data-testid^="po-send-"]');
  await expect(page.getByTestId('purchase-orders').or(page.getByText('No purchase orders yet'))).toBeVisible();
  if ((await drafts.count()) > 0) return;
  await page.getByTestId('inventory-tab-reorder').click();
  await page.getByTestId('reorder-now').click();
  await expect(drafts.first()).toBeVisible();
}

async function ensureFlow(page: Page, key: string): Promise<Locator> {
  const rows = page.locator(`[data-testid^="flow-row-"][data-template="${key}"]`);
  await expect(page.getByTestId(`template-${key}`)).toBeVisible();
  await expect(page.getByTestId('flows-loading')).toHaveCount(0);
  if ((await rows.count()) === 0) {
    await page.getByTestId(`template-install-${key}`).click();
    await expect(rows).toHaveCount(1);
  }
  return rows.first();
}

for (const theme of ['light', 'dark'] as const) {
  test(`every screen and state passes axe in the ${theme} theme`, async ({ page }) => {
    test.setTimeout(420_000);
    expect(db, 'SHOPCLERK_E2E_DB names the shop file the harness started the app on').not.toBe('');
    const check = checker(page, theme);
    await openApp(page, theme);
    await check('dashboard');
    // The theme toggle's tooltip, checked while it shows (it names the other
    // theme), then moved away from.
    await page.getByTestId('theme-toggle').hover();
    await expect(page.getByRole('tooltip')).toHaveText(theme === 'dark' ? 'Light theme' : 'Dark theme');
    await check('theme toggle tooltip');
    await page.mouse.move(600, 400);
    await expect(page.getByRole('tooltip')).toHaveCount(0);

    await nav(page, 'orders');
    await expect(page.getByTestId('order-row').first()).toBeVisible();
    await check('orders');
    await page.getByTestId('order-row').first().click();
    await expect(page.getByTestId('order-detail-name')).toBeVisible();
    await expect(page.getByTestId('order-shipments').or(page.getByTestId('order-totals')).first()).toBeVisible();
    await check('order drawer');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('order-detail')).toHaveCount(0);

    await nav(page, 'customers');
    await expect(page.getByTestId('customer-row').first()).toBeVisible();
    await check('customers');

    await nav(page, 'carts');
    await expect(page.getByTestId('cart-row').first()).toBeVisible();
    await check('carts');

    // The mail account first: the digest and the outbox are about it. The
    // "saved" notice is checked while it shows.
    await setUpMailAccount(page);
    await check('settings email with notice');
    await page.getByTestId('settings-tab-templates').click();
    await expect(page.getByTestId('template-subject')).not.toHaveValue('');
    await check('settings templates');
    await page.getByTestId('settings-tab-suppressions').click();
    await check('settings do not email');
    await page.getByTestId('settings-tab-shop').click();
    await expect(page.getByTestId('shop-form')).toBeVisible();
    await check('settings shop');
    await checkStores(page, check);

    await nav(page, 'inventory');
    const reorderRows = page.locator('[data-testid^="reorder-row-"]');
    await expect(reorderRows.first()).toBeVisible();
    await check('inventory reorder');
    await reorderRows.first().click();
    await expect(page.getByTestId('forecast-chart').locator('svg.recharts-surface').first()).toBeVisible();
    await check('forecast drawer');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('forecast-drawer')).toHaveCount(0);
    await ensureDraftOrders(page);
    await check('purchase orders');
    await page.getByTestId('inventory-tab-suppliers').click();
    await check('suppliers');
    await page.getByTestId('inventory-tab-stock').click();
    await expect(page.getByTestId('stock-row').first()).toBeVisible();
    await check('stock by location');
    await page.getByTestId('digest-open').click();
    await expect(page.getByTestId('digest-send').or(page.getByTestId('digest-already'))).toBeVisible();
    await check('low-stock digest dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('digest-panel')).toHaveCount(0);

    await nav(page, 'import');
    await expect(page.getByTestId('import-dropzone')).toBeVisible();
    await check('import');
    await drop(page, [{ name: SHOPIFY_ORDERS, data: readFileSync(shopifyExport()) }]);
    await expect(page.getByTestId('import-file-0')).toHaveAttribute('data-status', 'ready');
    await expect(page.getByTestId('import-preview-row').first()).toBeVisible();
    await check('import recognised file');
    await page.getByTestId('import-clear').click();

    await nav(page, 'automations');
    await expect(page.getByTestId('template-gallery')).toBeVisible();
    const flow = await ensureFlow(page, 'cart_abandoned');
    await check('automations flows and gallery');
    await page.getByTestId('flows-import').click();
    await expect(page.getByTestId('flows-json')).toBeVisible();
    await check('import flows dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('flows-json')).toHaveCount(0);
    await flow.locator('[data-testid^="flow-edit-"]').click();
    await expect(page.getByTestId('flow-editor')).toBeVisible();
    await check('flow editor');
    await page.getByTestId('editor-back').click();
    await page.getByTestId('automations-tab-preview').click();
    await expect(page.getByTestId('preview-idle')).toBeVisible();
    await check('automations preview');
    await page.getByTestId('automations-tab-history').click();
    await check('automations history');

    await nav(page, 'outbox');
    await expect(page.getByTestId('outbox-table')).toBeVisible();
    await page.getByTestId('outbox-status').getByText('In doubt').click();
    await expect(page.getByText('Nothing here.')).toBeVisible();
    await check('outbox empty');
    addOutboxMessage();
    await page.reload();
    const row = page.getByTestId('outbox-table').getByRole('row').filter({ hasText: 'Your order #1001 is confirmed' });
    await expect(row).toBeVisible();
    await check('outbox');
    await row.click();
    await expect(page.getByTestId('outbox-detail')).toBeVisible();
    await check('outbox message drawer');
  });
}

/**
 * Settings > Stores: the list, the form, a store connected to an empty
 * stand-in Shopify store with its test answer, a sync and its history, and
 * the remove confirmation; the store is removed again at the end.
 */
async function checkStores(page: Page, check: (label: string) => Promise<void>) {
  await page.getByTestId('settings-tab-stores').click();
  await expect(page.getByTestId('settings-stores')).toBeVisible();
  await check('settings stores');
  await page.getByTestId('store-add').click();
  await page.getByTestId('store-auth-client').click();
  await check('settings stores add form');
  const standin = await startStandIn(['-empty']);
  try {
    await page.getByTestId('store-auth-token').click();
    await page.getByTestId('store-url').fill(standin.url);
    await page.getByTestId('store-name').fill('a11y');
    await page.getByTestId('store-secret').fill(standin.token);
    await page.getByTestId('store-connect').click();
    await expect(page.getByTestId('store-test-result')).toBeVisible();
    const card = page.locator('[data-testid="store-card"][data-store="a11y"]');
    await card.getByTestId('store-sync').click();
    await expect(card.getByTestId('store-freshness')).toHaveText('Synced just now');
    await check('settings stores connected and synced');
    await card.getByTestId('store-remove').click();
    await expect(page.getByTestId('store-remove-confirm')).toBeVisible();
    await check('settings stores remove');
    await page.getByTestId('store-remove-confirm').click();
    await expect(card).toHaveCount(0);
  } finally {
    standin.stop();
  }
}

/**
 * The focused `row` opens its drawer with `key`: focus is on the drawer's
 * named close button and stays in the drawer while `inside` runs; Escape
 * closes it and focus is back on the row.
 */
async function openRowDrawer(page: Page, row: Locator, key: 'Enter' | 'Space', detail: Locator, inside?: (drawer: Locator) => Promise<void>) {
  await expect(row).toBeFocused();
  await page.keyboard.press(key);
  await expect(detail).toBeVisible();
  const drawer = page.getByRole('dialog');
  await expect(drawer.getByRole('button', { name: 'Close' })).toBeFocused();
  await inside?.(drawer);
  await page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);
  await expect(row).toBeFocused();
}

// Rendered emails are checked as files, as a mail client shows them; this
// proves the check works on one (the emails themselves are their area's).
test('a standalone HTML file (a rendered email) is checked by axe too', async ({ page }) => {
  const file = resolve(mkdtempSync(resolve(tmpdir(), 'shopclerk-a11y-')), 'email.html');
  writeFileSync(file, MESSAGE_HTML);
  await expectHtmlFileHasNoViolations(page, file, 'standalone email file');
});

/** Presses `key` until `target` has focus; fails if it never does. */
async function moveFocusTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 80) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target, `${key} never reached it`).toBeFocused();
}

test('the keyboard alone: navigation, a table, drawers, a purchase order, a dialog, the flow editor, a preview', async ({ page }) => {
  test.setTimeout(180_000);
  // Setup with the mouse: a draft purchase order and a flow to edit.
  await openApp(page, 'light');
  await nav(page, 'inventory');
  await ensureDraftOrders(page);
  await nav(page, 'automations');
  const flow = await ensureFlow(page, 'cart_abandoned');
  await page.goto('/');
  await page.reload();
  await expect(page.getByTestId('dashboard')).toBeVisible();
  const title = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

  // The skip link comes first and lands on the screen's title.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('skip-link')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(title('Dashboard')).toBeFocused();

  // Navigation: back into the nav, choose Orders; focus goes to its title.
  await moveFocusTo(page, page.getByTestId('nav-orders'), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/orders$/);
  await expect(title('Orders')).toBeFocused();
  await page.screenshot({ path: resolve(artifacts(), 'a11y-keyboard-01-title-focused.png') });

  // Sort by total with Enter, then the other way with Space.
  const sortTotal = page.getByTestId('orders-sort-total');
  await moveFocusTo(page, sortTotal);
  await page.keyboard.press('Enter');
  await expect(sortTotal.locator('xpath=ancestor::th')).toHaveAttribute('aria-sort', 'ascending');
  await page.keyboard.press('Space');
  await expect(sortTotal.locator('xpath=ancestor::th')).toHaveAttribute('aria-sort', 'descending');
  await expect(sortTotal).toBeFocused();

  // A row opens its drawer; focus is on its named close button and stays in
  // the drawer; Escape closes it and focus is back on the row.
  const firstRow = page.getByTestId('order-row').first();
  await moveFocusTo(page, firstRow);
  const rowId = await firstRow.getAttribute('data-row-id');
  const row = page.locator(`[data-testid="order-row"][data-row-id="${rowId}"]`);
  await openRowDrawer(page, row, 'Enter', page.getByTestId('order-detail'), async (drawer) => {
    for (let i = 0; i < 3; i++) {
      await page.keyboard.press('Tab');
      await expect(drawer.locator(':focus')).toHaveCount(1);
    }
  });
  await page.screenshot({ path: resolve(artifacts(), 'a11y-keyboard-02-row-focused.png') });

  // Inventory: a reorder row opens the forecast drawer with Space.
  await moveFocusTo(page, page.getByTestId('nav-inventory'), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(title('Inventory')).toBeFocused();
  const reorderRow = page.locator('[data-testid^="reorder-row-"]').first();
  await moveFocusTo(page, reorderRow);
  await openRowDrawer(page, reorderRow, 'Space', page.getByTestId('forecast-drawer'));

  // A purchase-order line: the tab with the arrow keys, the quantity by its name.
  await moveFocusTo(page, page.getByTestId('inventory-tab-reorder'), 'Shift+Tab');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('inventory-tab-orders')).toBeFocused();
  const card = page.locator('[data-testid^="po-PO-"]').filter({ has: page.locator('[data-testid^="po-send-"]') }).first();
  const qty = card.locator('[data-testid^="po-qty-"]').first();
  await moveFocusTo(page, qty);
  await expect(qty).toHaveAccessibleName(/^Quantity of \S+/);
  const number = (await card.getAttribute('data-testid'))!.replace(/^po-/, '');
  const total = page.getByTestId(`po-total-${number}`);
  const before = await total.innerText();
  const value = Number((await qty.inputValue()).replace(/\D/g, ''));
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(String(value + 3));
  await page.keyboard.press('Tab');
  await expect(total).not.toHaveText(before);
  await expect(card.locator(':focus')).toHaveCount(1);

  // A dialog: opened with Enter, Tab and Shift+Tab stay inside, Escape
  // closes it and focus is back on the button that opened it.
  const digestOpen = page.getByTestId('digest-open');
  await moveFocusTo(page, digestOpen, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Low-stock digest' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(':focus')).toHaveCount(1);
  for (const key of ['Tab', 'Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
    await page.keyboard.press(key);
    await expect(dialog.locator(':focus')).toHaveCount(1);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(digestOpen).toBeFocused();

  // The flow editor: opened with Enter on its Edit button, focus on the
  // flow's title; Save keeps focus on Save; the back link returns to the list.
  await moveFocusTo(page, page.getByTestId('nav-automations'), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(title('Automations')).toBeFocused();
  await moveFocusTo(page, flow.locator('[data-testid^="flow-edit-"]'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('flow-editor')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('Automations');
  const save = page.getByTestId('editor-save');
  await moveFocusTo(page, save);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('editor-saved')).toBeVisible();
  await expect(save).toBeFocused();
  await moveFocusTo(page, page.getByTestId('editor-back'), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(title('Automations')).toBeFocused();

  // A recognised file's preview scrolls with the arrow keys.
  await moveFocusTo(page, page.getByTestId('nav-import'), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(title('Import')).toBeFocused();
  await drop(page, [{ name: SHOPIFY_ORDERS, data: readFileSync(shopifyExport()) }]); // the file chooser is the system's
  const preview = page.getByRole('region', { name: /^Preview of the first orders rows$/ });
  await moveFocusTo(page, preview);
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect.poll(() => preview.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await moveFocusTo(page, page.getByTestId('import-clear'));
  await page.keyboard.press('Enter');

  // An outbox message opens from its row and Escape returns to the row.
  addOutboxMessage();
  await moveFocusTo(page, page.getByTestId('nav-outbox'), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(title('Outbox')).toBeFocused();
  const message = page.getByTestId('outbox-table').getByRole('row').filter({ hasText: 'Your order #1001 is confirmed' });
  await moveFocusTo(page, message);
  await openRowDrawer(page, message, 'Enter', page.getByTestId('outbox-detail'));
});

test.afterAll(async ({ browser }) => {
  if (!db) return;
  sql(`DELETE FROM messages WHERE message_id = '${MESSAGE_ID}'`);
  // The drafts go, so the inventory spec's "Reorder now" starts from the demo shop.
  const page = await browser.newPage({ baseURL: test.info().project.use.baseURL });
  await page.goto('/');
  await nav(page, 'inventory');
  await page.getByTestId('inventory-tab-orders').click();
  const drafts = page.locator('[data-testid^="po-PO-"]').filter({ has: page.locator('[data-testid^="po-send-"]') });
  await expect(page.getByTestId('purchase-orders').or(page.getByText('No purchase orders yet'))).toBeVisible();
  while ((await drafts.count()) > 0) {
    const before = await drafts.count();
    await drafts.first().getByRole('button', { name: 'Cancel' }).click();
    await expect(drafts).toHaveCount(before - 1);
  }
  await page.close();
});
