// Campaigns end to end through the real Go bindings against the project's
// mail stack (scripts/mailstack.sh: Postfix + Dovecot on 127.0.0.1): write a
// campaign with an A/B test of two subjects and a coupon each in Marketing >
// Campaigns, preview it, confirm the send (the shop's confirmation setting is
// lowered for the test), send the sample through the outbox and find both
// subjects in the mailbox (test mode sends everything to the seller). One of
// B's codes is then used in an order; the decision time is brought to the
// app's pinned clock (as if the hours had passed), the list chooses the
// winner (B, by redemptions) and the rest get B's subject. The screen is
// checked with axe in both themes.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectNoViolations } from './axe';
import { MAILSTACK_CA as CA, setUpMailAccount } from './mailAccount';

const db = process.env.SHOPCLERK_E2E_DB ?? '';
const sql = (query: string) => execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();
const NOW = process.env.SHOPCLERK_NOW ?? '2026-03-01T09:00:00Z';
const run = Date.now().toString(36);
const SUBJECT_A = `Spring is here ${run}`;
const SUBJECT_B = `Twenty new things for spring ${run}`;

// How many messages in the seller's Maildir (in the mail stack) contain text.
function inSellersMailbox(text: string): number {
  const box = resolve(process.env.MAILSTACK_DIR ?? '/tmp/mailstack', 'mail', 'shop.test', 'seller', 'Maildir');
  return ['new', 'cur']
    .map((sub) => resolve(box, sub))
    .filter((d) => existsSync(d))
    .flatMap((d) => readdirSync(d).map((f) => readFileSync(resolve(d, f), 'utf8')))
    .filter((body) => body.includes(text)).length;
}

async function sendOutbox(page: Page) {
  await page.getByTestId('nav-outbox').click();
  await expect(page.getByTestId('outbox-page')).toBeVisible();
  await page.getByTestId('outbox-send').click();
}

async function checkBothThemes(page: Page, label: string) {
  for (let i = 0; i < 2; i++) {
    await expectNoViolations(page, `campaigns ${label} ${await page.getByTestId('theme-toggle').getAttribute('data-scheme')}`);
    await page.getByTestId('theme-toggle').click();
  }
}

test('a campaign with an A/B subject: sample to the mail server, the winner by redemptions, the rest', async ({ page }, info) => {
  test.setTimeout(240_000);
  expect(db, 'SHOPCLERK_E2E_DB names the shop file the harness started the app on').not.toBe('');
  expect(existsSync(CA), `the mail stack is not running: scripts/mailstack.sh start (${CA})`).toBe(true);
  const dir = resolve(info.config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  const shot = (name: string) => page.screenshot({ path: resolve(dir, `campaigns-${name}.png`), fullPage: true });

  await page.goto('/');
  await setUpMailAccount(page);
  // Whatever earlier specs left queued waits out this test; more than 10
  // recipients ask for confirmation.
  sql(`UPDATE messages SET status = 'cancelled', last_error = 'put aside by the e2e test' WHERE status IN ('queued', 'deferred')`);
  sql(`INSERT INTO settings (key, value) VALUES ('rules.confirm_over', '10') ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
  // The app's clock is pinned, so every send of the run is in one minute:
  // no per-minute or daily limit (test mode stays on: all to the seller).
  sql(`UPDATE settings SET value = json_set(value, '$.testMode', json('true'), '$.perMinute', 0, '$.perDay', 0) WHERE key = 'mail.account'`);
  sql(`INSERT INTO settings (key, value) VALUES ('rules.quiet_hours', 'off') ON CONFLICT(key) DO UPDATE SET value = excluded.value`);

  await page.getByTestId('nav-campaigns').click();
  await page.getByTestId('campaign-new').click();
  await expect(page.getByTestId('campaign-form')).toBeVisible();
  await page.getByTestId('campaign-segment').click();
  await page.getByRole('option', { name: /^At risk: [1-9]\d* of \d+ customers can get it$/ }).click();
  await page.getByTestId('campaign-subject-a').fill(SUBJECT_A);
  await page.getByTestId('campaign-body-a').fill('<p>Hi {{.Customer.FirstName}},</p><p>{{.Coupon.Code}} gives you {{.Coupon.Description}}.</p>');
  await page.getByTestId('campaign-test').getByText('Two subjects').click();
  await page.getByTestId('campaign-subject-b').fill(SUBJECT_B);
  await page.getByTestId('campaign-sample').fill('40');
  await page.getByTestId('campaign-by').click();
  await page.getByRole('option', { name: 'Coupon redemptions' }).click();
  await page.getByLabel('A coupon for each recipient (one code each)').check();

  await page.getByTestId('campaign-preview-button').click();
  const preview = page.getByTestId('campaign-preview');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('campaign-preview-audience')).toContainText('have not agreed to marketing email');
  await expect(page.getByTestId('campaign-preview-A')).toContainText(SUBJECT_A);
  await expect(page.getByTestId('campaign-preview-B')).toContainText(SUBJECT_B);
  // The email itself, rendered in the shop's layout with a placeholder code.
  await expect(page.frameLocator('[data-testid="campaign-preview-A"] iframe').getByText('SC-XXXX-XXXX (one code each, made when sent) gives you 10 % off.', { exact: true })).toBeVisible();
  const split = (await page.getByTestId('campaign-preview-split').textContent()) ?? '';
  const [, a, b, rest] = split.match(/(\d+) get A and (\d+) get B .* the other (\d+)/) ?? [];
  expect(Number(a) + Number(b) + Number(rest), split).toBeGreaterThan(10);
  await shot('01-preview');
  await checkBothThemes(page, 'preview');

  // The confirmation, once from the form (declined: the campaign stays a
  // draft) and once from the list in the other theme (accepted).
  await page.getByTestId('campaign-send').click();
  await expect(page.getByTestId('campaign-confirm-message')).toContainText('confirm');
  await expectNoViolations(page, 'campaigns confirm from the form');
  await page.getByRole('button', { name: 'Not now' }).click();
  const id = sql(`SELECT MAX(id) FROM campaigns`);
  const card = page.getByTestId(`campaign-${id}`);
  await expect(page.getByTestId(`campaign-${id}-status`)).toHaveText('Draft');
  expect(sql(`SELECT COUNT(*) FROM campaign_recipients WHERE campaign_id = ${id}`)).toBe('0');
  await page.getByTestId('theme-toggle').click();
  await page.getByTestId(`campaign-${id}-send`).click();
  await expect(page.getByTestId('campaign-confirm-message')).toContainText('confirm');
  await expectNoViolations(page, 'campaigns confirm from the list');
  await page.getByTestId('campaign-confirm').click();
  await expect(page.getByTestId('campaign-confirm-message')).toHaveCount(0);
  await page.getByTestId('theme-toggle').click();
  await expect(page.getByTestId(`campaign-${id}-status`)).toHaveText('Testing A and B');
  await expect(page.getByTestId(`campaign-${id}-decide-at`)).toBeVisible();
  await shot('02-testing');

  // The sample goes through the outbox to the mail server.
  await sendOutbox(page);
  await expect.poll(() => inSellersMailbox(SUBJECT_A), { timeout: 60_000 }).toBe(Number(a));
  await expect.poll(() => inSellersMailbox(SUBJECT_B), { timeout: 60_000 }).toBe(Number(b));

  // One of B's codes is used in an order (typed in lower case).
  const code = sql(`SELECT k.code FROM campaign_recipients r JOIN coupons k ON k.id = r.coupon_id WHERE r.campaign_id = ${id} AND r.grp = 'B' LIMIT 1`);
  sql(`INSERT INTO orders (source, external_id, name, email, financial_status, currency, total, discount_code, created_at, updated_at)
       VALUES ('shopify', 'e2e-${run}', '#E2E-${run}', 'b@customer.test', 'paid', 'EUR', 4200, lower('${code}'), strftime('%s', '${NOW}'), strftime('%s', '${NOW}'))`);
  // The hours pass: the app's clock is pinned, so the decision time comes to it.
  sql(`UPDATE campaigns SET decide_at = strftime('%s', '${NOW}') WHERE id = ${id}`);

  await page.getByTestId('nav-campaigns').click();
  await expect(page.getByTestId(`campaign-${id}-decision`)).toContainText('B won: 1 of');
  await expect(card.getByTestId('campaign-part-rest')).toContainText(rest);
  await sendOutbox(page);
  await expect.poll(() => inSellersMailbox(SUBJECT_B), { timeout: 90_000 }).toBe(Number(b) + Number(rest));
  expect(inSellersMailbox(SUBJECT_A)).toBe(Number(a));

  await page.getByTestId('nav-campaigns').click();
  await expect(page.getByTestId(`campaign-${id}-status`)).toHaveText('Sent', { timeout: 30_000 });
  await expect(card.getByTestId('campaign-variant-B')).toContainText('(winner)');
  await shot('03-sent');
  await checkBothThemes(page, 'sent');
});
