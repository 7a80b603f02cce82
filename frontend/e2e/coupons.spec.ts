// Coupons and attribution end to end on the demo shop, through the real Go
// bindings. A win-back flow has issued three coupons and emailed them
// (written into the shop as the flow's run would leave them: ledger rows,
// sent emails, coupons). Then an orders export, made from a real Shopify
// export's rows, is dropped on the Import screen: one order uses its
// customer's code (typed in lower case), another uses someone else's. The
// Coupons screen shows them redeemed with their orders, one marked shared;
// the dashboard's and the flow's attribution charts count the redemption
// and its revenue, and the shared one apart; axe finds nothing in either
// theme.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectNoViolations } from './axe';
import { drop } from './dropFiles';

test.use({ timezoneId: 'Europe/Berlin' });

const db = process.env.SHOPCLERK_E2E_DB ?? '';
const sql = (query: string) => execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();
const FILE = 'orders_export_coupons_e2e.csv';
const DAY = 86400;

function root(info: TestInfo): string {
  return resolve(info.config.rootDir, '..', '..');
}

async function shot(page: Page, info: TestInfo, name: string) {
  const dir = resolve(root(info), 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  await page.waitForTimeout(300);
  await page.screenshot({ path: resolve(dir, `coupons-${name}.png`), fullPage: false });
}

/** One line of a simple CSV (no line breaks in cells) into cells, and back. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}
const line = (cs: string[]) => cs.map((c) => (/[",]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');

function shopifyTime(unix: number): string {
  return new Date(unix * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' +0000');
}

/**
 * The real export's rows of two orders, renamed, given to customer email
 * and a discount code, placed at `at`.
 */
function ordersFile(info: TestInfo, orders: { name: string; from: string; email: string; code: string }[], at: number): Buffer {
  const real = readFileSync(resolve(root(info), 'testdata', 'real', 'shopify', 'orders_export_2025-04_CAD_79col.csv'), 'utf8');
  const lines = real.split(/\r?\n/).filter((l) => l !== '');
  const head = cells(lines[0]);
  const col = (name: string) => head.indexOf(name);
  const out = [lines[0]];
  for (const o of orders) {
    let first = true;
    for (const l of lines.slice(1)) {
      const c = cells(l);
      if (c[col('Name')] !== o.from) continue;
      c[col('Name')] = o.name;
      c[col('Email')] = o.email;
      c[col('Created at')] = shopifyTime(at);
      if (c[col('Paid at')]) c[col('Paid at')] = shopifyTime(at);
      if (first) c[col('Discount Code')] = o.code;
      first = false;
      out.push(line(c));
    }
  }
  return Buffer.from(out.join('\n') + '\n');
}

test.describe.configure({ mode: 'serial' });

let flowId = 0;
let ann = '';

test('an imported orders file redeems issued codes: Coupons screen and attribution charts', async ({ page }, info) => {
  expect(db, 'SHOPCLERK_E2E_DB names the shop file the harness started the app on').not.toBe('');
  // The harness pins the app's clock (SHOPCLERK_NOW): the shop's "now".
  const now = Math.floor(Date.parse(process.env.SHOPCLERK_NOW ?? new Date().toISOString()) / 1000);
  const customers = sql(`SELECT id || '|' || email FROM customers WHERE email <> '' ORDER BY id LIMIT 3`)
    .split('\n')
    .map((r) => r.split('|'));
  expect(customers).toHaveLength(3);
  ann = customers[0][1];
  flowId = Number(
    sql(`INSERT INTO rules (name, template, enabled, definition, created_at, updated_at) VALUES ('Win-back with a coupon (e2e)', '', 0,
      '{"trigger":{"type":"inactive","days":180},"steps":[{"action":"issue_coupon","percentOff":15,"validDays":30},{"action":"send_email","template":"winback_offer"}],"policy":{"marketing":true}}',
      ${now}, ${now}) RETURNING id`),
  );
  const codes = ['E2E-WB-ANN1', 'E2E-WB-BOB2', 'E2E-WB-CAT3'];
  customers.forEach(([id, email], i) => {
    const prefix = `${flowId}/customer:${id}/customer:${id}:inactive:${now}/`;
    const issued = now - 10 * DAY;
    const sent = now - 9 * DAY;
    sql(`INSERT INTO rule_ledger (key, rule_id, subject, occurrence, step, status, due_at, done_at, result) VALUES
      ('${prefix}0', ${flowId}, 'customer:${id}', 'customer:${id}:inactive:${now}', 0, 'done', ${issued}, ${issued}, 'coupon ${codes[i]}'),
      ('${prefix}1', ${flowId}, 'customer:${id}', 'customer:${id}:inactive:${now}', 1, 'done', ${sent}, ${sent}, 'email')`);
    sql(`INSERT INTO coupons (code, customer_id, percent_off, currency, issued_at, expires_at, ledger_key, rule_id)
      VALUES ('${codes[i]}', ${id}, 15, 'EUR', ${issued}, ${issued + 30 * DAY}, '${prefix}0', ${flowId})`);
    sql(`INSERT INTO messages (message_id, kind, to_addr, subject, status, customer_id, ledger_key, created_at, sent_at)
      VALUES ('<e2e-coupon-${i}@shopclerk.test>', 'marketing', '${email}', 'A welcome back, with 15 % off', 'sent', ${id}, '${prefix}1', ${sent}, ${sent})`);
  });

  await page.goto('/');
  await page.getByTestId('nav-coupons').click();
  await expect(page.getByTestId('coupons-page')).toBeVisible();
  // Other specs share the shop (a campaign's coupons, say): look at this one's codes.
  await page.getByTestId('coupons-search').fill('E2E-WB');
  await expect(page.getByTestId('coupon-row')).toHaveCount(3);
  await expect(page.getByTestId('coupon-status').first()).toHaveText('Emailed');
  await shot(page, info, '01-emailed');

  // Ann orders with her code in lower case, and again with Bob's code.
  const file = ordersFile(
    info,
    [
      { name: '#9801', from: '#1058', email: ann, code: 'e2e-wb-ann1' },
      { name: '#9802', from: '#1074', email: ann, code: 'E2E-WB-BOB2' },
    ],
    now - 5 * DAY,
  );
  await page.getByTestId('nav-import').click();
  await expect(page.getByTestId('import-dropzone')).toBeVisible();
  await drop(page, [{ name: FILE, data: file }]);
  await expect(page.getByTestId('import-file-0')).toHaveAttribute('data-status', 'ready');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 60_000 });
  // The orders' triggers recorded the redemptions in the import's own transaction.
  expect(sql(`SELECT k.code || ' ' || o.name || ' ' || k.shared FROM coupons k JOIN orders o ON o.id = k.redeemed_order_id WHERE k.code LIKE 'E2E-WB-%' ORDER BY k.code`)).toBe(
    'E2E-WB-ANN1 #9801 0\nE2E-WB-BOB2 #9802 1',
  );

  await page.getByTestId('nav-coupons').click();
  await page.getByTestId('coupons-search').fill('E2E-WB');
  await expect(page.getByTestId('coupon-status').filter({ hasText: 'Redeemed' })).toHaveCount(2);
  await page.getByTestId('coupons-status').click();
  await page.getByRole('option', { name: /^Redeemed \(\d+\)$/ }).click();
  await expect(page.getByTestId('coupon-row')).toHaveCount(2);
  const byCode = (code: string) => page.getByTestId('coupon-row').filter({ hasText: code });
  await expect(byCode('E2E-WB-ANN1').getByTestId('coupon-order')).toContainText('#9801');
  await expect(byCode('E2E-WB-ANN1').getByTestId('coupon-order')).not.toContainText('Shared');
  await expect(byCode('E2E-WB-BOB2').getByTestId('coupon-order')).toContainText('#9802');
  await expect(byCode('E2E-WB-BOB2').getByTestId('coupon-order')).toContainText('Shared');
  await shot(page, info, '02-redeemed');

  // The dashboard counts Ann's redemption for the flow, Bob's code as shared.
  await page.getByTestId('nav-dashboard').click();
  const card = page.getByTestId('attribution-card');
  await card.scrollIntoViewIfNeeded();
  await expect(card.getByTestId('attribution-honest')).toContainText("Counted from your orders' discount codes, no tracking pixel.");
  // The totals count other specs' campaigns too; the flow's own row: sent,
  // redeemed, revenue, carts recovered, shared.
  const row = card.getByTestId('attribution-source').filter({ hasText: 'Win-back with a coupon (e2e)' });
  await expect(row).toBeVisible();
  await expect(row.locator('td').nth(2)).toHaveText('1');
  await expect(row.locator('td').nth(5)).toHaveText('1');
  await expect(card.getByTestId('attribution-chart').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await shot(page, info, '03-dashboard');

  // The flow's page: per email step.
  await row.getByRole('link').click();
  const flowCard = page.getByTestId('attribution-card');
  await expect(flowCard.getByTestId('attribution-step')).toHaveCount(1);
  await expect(flowCard.getByTestId('attribution-step').first()).toContainText('Email 1: winback_offer');
  await expect(flowCard.getByTestId('attribution-redeemed')).toContainText('1');
  await flowCard.scrollIntoViewIfNeeded();
  await shot(page, info, '04-flow');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the Coupons screen and the attribution charts have no axe violations (${theme})`, async ({ page }, info) => {
    await page.addInitScript((t) => localStorage.setItem('shopclerk-color-scheme', t), theme);
    await page.goto('/');
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-scheme', theme);
    await expect(page.getByTestId('attribution-chart')).toBeVisible();
    await expectNoViolations(page, `${theme} dashboard attribution`);
    await page.getByTestId('nav-coupons').click();
    await expect(page.getByTestId('coupon-row').first()).toBeVisible();
    await expectNoViolations(page, `${theme} coupons`);
    await shot(page, info, `05-${theme}`);
    await page.goto(`/#/automations/flow/${flowId}`);
    await expect(page.getByTestId('attribution-step').first()).toBeVisible();
    await expectNoViolations(page, `${theme} flow attribution`);
  });
}
