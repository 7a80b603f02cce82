// The shipping path end to end, in the real window through the real Go
// bindings and the project's mail stack (Postfix + Dovecot): import two
// orders and the label tool's tracking file for them; see each parcel's
// carrier and tracking link (a GLS number checked by its check digit);
// switch on the ready-made "shipped", "out for delivery" and "stuck" flows;
// preview the shipped email with its tracking link, run it and send it: it
// arrives in the customer's mailbox. Then a status change: with a DHL key,
// "Track now" asks the carriers (a stand-in answers as DHL's tracking API
// does), the parcel goes out for delivery, and that notice is sent and
// arrives too. The other parcel has had no news for six days: the stuck
// flow gives the seller a task, seen on the Tasks screen. Then the seller
// rewrites the German "where is my order" reply in Settings > Answers; the
// customer writes "wo ist meine Bestellung?", "Read new mail" lists a German
// reply draft, and it opens in the Outbox with the seller's words, the
// parcel's status and the carrier's last word. Axe finds nothing in either
// theme.
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { expectNoViolations } from './axe';
import { drop } from './dropFiles';
import { installFlow } from './flows';
import { MAILSTACK_CA, setUpMailAccount } from './mailAccount';

const db = process.env.SHOPCLERK_E2E_DB ?? '';
const sql = (query: string) => execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();
const DHL_URL = process.env.SHOPCLERK_E2E_DHL_URL ?? '';
// A DHL Paket number with a valid check digit, in no demo shop.
const NUMBER = '00340433836442636597';
// A GLS parcel number (11 digits and GLS's check digit).
const GLS_NUMBER = '432156789017';
// Two orders of customers with mailboxes in the mail stack: Bob's parcel
// ships today; Alice's left on 23 February and the carrier has said
// nothing since (the app's clock is pinned to 1 March).
const BOB = { name: '#88001', email: 'bob@customer.test' };
const ALICE = { name: '#88002', email: 'alice@customer.test' };
const ORDERS = [
  'Name,Email,Financial Status,Paid at,Currency,Subtotal,Total,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Billing Name',
  `${BOB.name},${BOB.email},paid,2026-02-27 10:00:00 +0000,EUR,24.00,24.00,2026-02-27 09:58:00 +0000,1,Linen apron,24.00,E2E-APRON,Bob Baker`,
  `${ALICE.name},${ALICE.email},paid,2026-02-21 10:00:00 +0000,EUR,18.00,18.00,2026-02-21 09:58:00 +0000,1,Tea towel,18.00,E2E-TOWEL,Alice Archer`,
].join('\n');
const TRACKING = [
  'Order #,Order Date,Ship Date,Recipient,Carrier,Service,Tracking #,Shipping Cost',
  `88001,02/27/2026,03/01/2026,Bob Baker,DHL,DHL Paket,${NUMBER},5.49`,
  `88002,02/21/2026,02/23/2026,Alice Archer,GLS,GLS Business Parcel,${GLS_NUMBER.replace(/(\d{4})(?=\d)/g, '$1 ')},4.90`,
].join('\n');

function artifacts(info: TestInfo): string {
  const dir = resolve(info.config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function shot(page: Page, info: TestInfo, name: string) {
  await page.waitForTimeout(300);
  await page.screenshot({ path: resolve(artifacts(info), `shipflows-${name}.png`), fullPage: false });
}

// Whether a customer's Maildir in the mail stack holds a message containing
// every one of texts (as mail.spec.ts reads the seller's).
function inMailbox(address: string, ...texts: string[]): boolean {
  const [user, domain] = address.split('@');
  const box = resolve(process.env.MAILSTACK_DIR ?? '/tmp/mailstack', 'mail', domain, user, 'Maildir');
  return ['new', 'cur'].some((sub) => {
    const d = resolve(box, sub);
    return existsSync(d) && readdirSync(d).some((f) => {
      const m = readFileSync(resolve(d, f), 'utf8');
      return texts.every((t) => m.includes(t));
    });
  });
}

async function importFile(page: Page, name: string, data: string, label: RegExp): Promise<void> {
  await page.getByTestId('nav-import').click();
  await drop(page, [{ name, data: Buffer.from(data) }]);
  await expect(page.getByTestId('import-file-0')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('import-file-0-label')).toHaveText(label);
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 60_000 });
}

// Runs only the one item of a flow the preview shows for text.
async function runOnly(page: Page, flowId: string, text: string): Promise<void> {
  await preview(page);
  const item = itemOf(page, flowId, text);
  await expect(item).toHaveCount(1);
  await page.getByTestId('approve-none').click();
  await item.getByTestId('preview-item-check').check({ force: true });
  await expect(page.getByTestId('preview-run')).toHaveAttribute('data-count', '1');
  await page.getByTestId('preview-run').click();
  await expect(page.getByTestId('run-result')).toContainText('Done: 1 item', { timeout: 60_000 });
}

// Sends the outbox now (the automatic sender may have sent it already) and
// waits for the message with that subject to reach the customer's mailbox,
// found there by its Message-ID.
async function sendAndReceive(page: Page, address: string, subject: string): Promise<void> {
  const mid = sql(`SELECT message_id FROM messages WHERE to_addr = '${address}' AND subject LIKE '${subject}%' ORDER BY id DESC LIMIT 1`);
  expect(mid, `a message "${subject}" to ${address} in the outbox`).toMatch(/^<.+>$/);
  await page.getByTestId('nav-outbox').click();
  await expect(page.getByTestId('outbox-page')).toBeVisible();
  await page.getByTestId('outbox-send').click();
  await expect.poll(() => inMailbox(address, mid), { timeout: 60_000, message: `"${subject}" (${mid}) in ${address}'s mailbox` }).toBe(true);
  await expect(page.getByTestId('outbox-table').getByRole('row').filter({ hasText: subject }).locator('[data-testid^="outbox-status-"]')).toHaveText('Sent');
}

// DHL's tracking API as the stand-in answers it: our number is out for
// delivery (the words of DHL's documented answer); any other is unknown.
function startDHL(): Promise<Server> {
  const url = new URL(DHL_URL);
  const answer = {
    shipments: [
      {
        id: NUMBER,
        status: { timestamp: '2026-03-01T07:12:00+01:00', location: { address: { addressLocality: 'Hamburg' } }, statusCode: 'transit', status: 'In Zustellung', description: 'Die Sendung wurde in das Zustellfahrzeug geladen.' },
        events: [
          { timestamp: '2026-03-01T07:12:00+01:00', location: { address: { addressLocality: 'Hamburg' } }, statusCode: 'transit', status: 'In Zustellung', description: 'Die Sendung wurde in das Zustellfahrzeug geladen.' },
          { timestamp: '2026-02-28T18:40:00+01:00', location: { address: { addressLocality: 'Neumünster' } }, statusCode: 'transit', status: 'Bearbeitet', description: 'Die Sendung wurde im Start-Paketzentrum bearbeitet.' },
        ],
      },
    ],
  };
  const server = createServer((req, res) => {
    const n = new URL(req.url ?? '/', DHL_URL).searchParams.get('trackingNumber');
    res.setHeader('Content-Type', 'application/json');
    if (n === NUMBER) {
      res.end(JSON.stringify(answer));
      return;
    }
    res.statusCode = 404;
    res.end(JSON.stringify({ status: 404, title: 'No result found', detail: 'No shipment with given tracking number found.' }));
  });
  return new Promise((ok) => server.listen(Number(url.port), url.hostname, () => ok(server)));
}

async function preview(page: Page): Promise<void> {
  await page.getByTestId('nav-automations').click();
  await page.getByTestId('automations-tab-preview').click();
  await page.getByTestId('preview-start').click();
  await expect(page.getByTestId('preview-summary')).toBeVisible({ timeout: 90_000 });
}

const itemOf = (page: Page, flowId: string, text: string): Locator =>
  page.getByTestId(`preview-flow-${flowId}`).getByTestId('preview-item').filter({ hasText: text });

test.describe.configure({ mode: 'serial' });

test('orders and a tracking file; the shipped email sent and received; out for delivery, sent too; a quiet parcel, a task', async ({ page }, info) => {
  test.setTimeout(360_000);
  expect(db, 'SHOPCLERK_E2E_DB names the shop file the harness started the app on').not.toBe('');
  expect(DHL_URL, 'scripts/e2e.sh names the DHL stand-in in SHOPCLERK_E2E_DHL_URL').not.toBe('');
  expect(existsSync(MAILSTACK_CA), `the mail stack is not running: scripts/mailstack.sh start (${MAILSTACK_CA})`).toBe(true);

  await page.goto('/');
  await page.getByTestId('nav-automations').click();
  await expect(page.getByTestId('automations-page')).toBeVisible();
  const shippedId = await installFlow(page, 'shipping_shipped', true);
  const ofdId = await installFlow(page, 'shipping_out_for_delivery', true);
  const stuckId = await installFlow(page, 'shipping_stuck', true);
  await expect(page.getByTestId(`flow-trigger-${shippedId}`)).toHaveText(/When a tracking number reaches an order/);

  // The shop's orders, then the label tool's export: one parcel each.
  await importFile(page, 'orders_export_shipflows_e2e.csv', ORDERS, /Shopify orders export/);
  await importFile(page, 'shipstation_shipflows_e2e.csv', TRACKING, /ShipStation shipments export/);

  // Each parcel with its carrier and link: the GLS number, written with
  // spaces, is GLS's by the file and its check digit is right.
  await page.getByTestId('nav-shipments').click();
  await page.getByTestId('shipments-search').fill(NUMBER);
  let row = page.getByTestId('shipment-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('shipment-carrier')).toHaveText('DHL Paket');
  await expect(row.getByTestId('shipment-link')).toHaveAttribute('data-href', new RegExp(`dhl\\.de/.*${NUMBER}`));
  await page.getByTestId('shipments-search').fill(GLS_NUMBER);
  row = page.getByTestId('shipment-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('shipment-carrier')).toHaveText('GLS');
  await expect(row.getByTestId('shipment-link')).toHaveAttribute('data-href', `https://gls-group.com/GROUP/en/parcel-tracking?match=${GLS_NUMBER}`);
  await shot(page, info, '01-carriers-and-links');

  // The shipped email in the preview, with its tracking link.
  await preview(page);
  const shipped = itemOf(page, shippedId, `Your order ${BOB.name} is on its way`);
  await expect(shipped).toHaveCount(1);
  await shipped.scrollIntoViewIfNeeded();
  if ((await shipped.getByTestId('preview-email-frame').count()) === 0) await shipped.getByTestId('preview-item-toggle').click();
  const body = shipped.frameLocator('[data-testid="preview-email-frame"]').locator('body');
  await expect(body).toContainText(`Its tracking number is ${NUMBER}`);
  await expect(body.getByRole('link', { name: 'Track your parcel' })).toHaveAttribute('href', new RegExp(NUMBER));
  await expect(itemOf(page, ofdId, BOB.name)).toHaveCount(0);
  await shot(page, info, '02-shipped-in-preview');

  // Sent for real: the mail account on the mail stack, out of test mode.
  // What other specs left queued is put aside, so only ours goes out.
  await setUpMailAccount(page);
  sql(`UPDATE messages SET status = 'cancelled', last_error = 'put aside by the e2e test' WHERE status IN ('queued', 'deferred')`);
  await page.getByTestId('settings-test-mode').uncheck();
  await page.getByLabel('Messages per minute (0 = no limit)').fill('0');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('Email account saved').first()).toBeVisible();
  try {
    await runOnly(page, shippedId, `Your order ${BOB.name} is on its way`);
    await sendAndReceive(page, BOB.email, `Your order ${BOB.name} is on its way`);
    await shot(page, info, '03-shipped-sent');

    // A status change: a DHL key, and the carriers asked now. The
    // stand-in says the parcel is in the delivery van.
    const dhl = await startDHL();
    try {
      await page.getByTestId('nav-shipments').click();
      await page.getByTestId('shipments-keys').click();
      await page.getByTestId('keys-dhl').fill('e2e-dhl-key');
      await page.getByRole('button', { name: 'Save DHL key' }).click();
      await expect(page.getByText('Saved in the system keychain.')).toBeVisible();
      await page.keyboard.press('Escape');
      await page.getByTestId('shipments-track-now').click();
      await expect(page.getByText('Carriers asked')).toBeVisible({ timeout: 120_000 });
      await page.getByTestId('shipments-search').fill(NUMBER);
      await expect(page.getByTestId('shipment-row')).toHaveCount(1);
      await expect(page.getByTestId('shipment-status').first()).toHaveText('Out for delivery');
      await shot(page, info, '04-out-for-delivery');
    } finally {
      dhl.close();
      // The other specs expect a shop without carrier keys.
      await page.getByTestId('shipments-keys').click();
      await page.getByRole('button', { name: 'Remove' }).first().click();
      await expect(page.getByText('Removed.')).toBeVisible();
      await page.keyboard.press('Escape');
    }

    // Told once: the shipped email is not planned again; the next notice is.
    await preview(page);
    await expect(itemOf(page, shippedId, `Your order ${BOB.name} is on its way`)).toHaveCount(0);
    await runOnly(page, ofdId, `Your order ${BOB.name} arrives today`);
    await sendAndReceive(page, BOB.email, `Your order ${BOB.name} arrives today`);
    await shot(page, info, '05-out-for-delivery-sent');
  } finally {
    // Leave the account as the other specs expect it: in test mode.
    sql(`UPDATE settings SET value = json_set(value, '$.testMode', json('true'), '$.perMinute', 0) WHERE key = 'mail.account'`);
  }

  // Alice's parcel: no news for six days. The stuck flow gives the seller
  // a task with the carrier's help page.
  await runOnly(page, stuckId, ALICE.name);
  await page.getByTestId('nav-tasks').click();
  await expect(page.getByTestId('tasks-page')).toBeVisible();
  const task = page.getByTestId('task-row').filter({ hasText: `No news for ${GLS_NUMBER}: order ${ALICE.name}` });
  await expect(task).toHaveCount(1);
  await expect(task).toContainText('gls-group.com');
  await task.scrollIntoViewIfNeeded();
  await shot(page, info, '06-stuck-task');
  await expectNoViolations(page, 'tasks with a stuck parcel, light');
});

test('the seller rewrites the German reply; "wo ist meine Bestellung?" gets it, with the parcel, in the Outbox', async ({ page }, info) => {
  test.setTimeout(180_000);
  expect(existsSync(MAILSTACK_CA), `the mail stack is not running: scripts/mailstack.sh start (${MAILSTACK_CA})`).toBe(true);
  await page.goto('/');
  await setUpMailAccount(page);

  // Settings > Answers: the German "out for delivery" sentence, rewritten;
  // a placeholder the part cannot have is refused first, naming it.
  await page.getByTestId('settings-tab-answers').click();
  const editor = page.getByTestId('wismo-replies');
  await editor.scrollIntoViewIfNeeded();
  await page.getByTestId('wismo-lang').click();
  await page.getByRole('option', { name: /^German/ }).click();
  await expect(page.getByTestId('wismo-editor')).toHaveAttribute('data-lang', 'de');
  const ofd = page.getByTestId('wismo-part-out_for_delivery');
  await expect(ofd).toHaveValue('{{.Parcel}} ist heute in der Zustellung.');
  await ofd.fill('{{.Parcel}} kommt heute, {{.Kunde}}!');
  await page.getByTestId('wismo-save').click();
  await expect(page.getByTestId('wismo-error')).toContainText('uses {{.Kunde}}, which Shopclerk does not know there');
  await ofd.fill('{{.Parcel}} ist im Zustellfahrzeug und kommt heute zu dir.');
  await page.getByTestId('wismo-preview-case').click();
  await page.getByRole('option', { name: 'Out for delivery' }).click();
  await page.getByTestId('wismo-preview').click();
  await expect(page.getByTestId('wismo-preview-text')).toContainText('Dein Paket ist im Zustellfahrzeug und kommt heute zu dir. Versand mit DHL.');
  await page.getByTestId('wismo-save').click();
  await expect(page.getByText('German reply saved').first()).toBeVisible();
  await expect(page.getByTestId('wismo-reset')).toBeVisible();
  await page.getByTestId('wismo-preview-text').scrollIntoViewIfNeeded();
  await shot(page, info, '07-german-reply-edited');
  await expectNoViolations(page, 'reply templates, light');
  await page.getByTestId('theme-toggle').click();
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-scheme', 'dark');
  await expectNoViolations(page, 'reply templates, dark');
  await shot(page, info, '08-german-reply-edited-dark');
  await page.getByTestId('theme-toggle').click();

  execFileSync('swaks', ['--server', `127.0.0.1:${process.env.MAILSTACK_SMTP_PORT ?? '2525'}`, '--from', BOB.email, '--to', 'seller@shop.test',
    '--header', `Subject: Bestellung ${BOB.name}`, '--header', 'Content-Type: text/plain; charset=utf-8',
    '--body', 'Hallo, wo ist meine Bestellung? Ich warte schon eine Woche. Viele Grüße'], { stdio: 'ignore' });

  await page.getByTestId('nav-outbox').click();
  const drafts = page.getByTestId('inbox-drafts');
  await expect(async () => {
    await page.getByTestId('outbox-check-inbox').click();
    await expect(drafts).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await expect(drafts).toContainText(`Reply to ${BOB.email} about order ${BOB.name}`);
  await expect(drafts).toContainText('German: Dein Paket ist im Zustellfahrzeug und kommt heute zu dir.');
  await shot(page, info, '09-read-new-mail-draft');
  await expectNoViolations(page, 'reply drafts, light');
  await page.getByTestId('theme-toggle').click();
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-scheme', 'dark');
  await expectNoViolations(page, 'reply drafts, dark');
  await page.getByTestId('theme-toggle').click();

  // The seller's mailbox may hold older questions (the mail stack outlives
  // a run): open the draft about this order.
  await drafts.locator('[data-testid^="inbox-draft-"]').filter({ hasText: `about order ${BOB.name}` }).first().click();
  const detail = page.getByTestId('outbox-detail');
  await expect(detail).toBeVisible();
  await expect(page.getByTestId('outbox-detail-status')).toHaveText(/approve|Draft/i);
  await expect(detail).toContainText(`deiner Bestellung ${BOB.name}`);
  await expect(detail).toContainText('Dein Paket ist im Zustellfahrzeug und kommt heute zu dir.');
  await expect(detail).toContainText(`Sendungsnummer: ${NUMBER}`);
  await expect(detail).toContainText('Die Sendung wurde in das Zustellfahrzeug geladen.');
  await expect(detail.getByRole('button', { name: 'Approve and queue' })).toBeVisible();
  await shot(page, info, '10-draft-opened');
  await page.keyboard.press('Escape');

  // Back to Shopclerk's text, as the other specs expect it.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-answers').click();
  await page.getByTestId('wismo-lang').click();
  await page.getByRole('option', { name: /^German/ }).click();
  await page.getByTestId('wismo-reset').click();
  await expect(page.getByTestId('wismo-part-out_for_delivery')).toHaveValue('{{.Parcel}} ist heute in der Zustellung.');
  await expect(page.getByTestId('wismo-reset')).toHaveCount(0);
});
