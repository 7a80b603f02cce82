// Email end to end through the real Go bindings against the project's mail
// stack (scripts/mailstack.sh: Postfix + Dovecot on 127.0.0.1): set up the
// account in Settings > Email, send a test email, check the mailbox, and see
// the Outbox with today's count and the test-mode banner. Then the outbox
// sends by itself (the test email turned it on), paced to the account's
// per-minute limit, with a reason on every message that waits; a message to
// an address Postfix does not know comes back as a real DSN, and "Read new
// mail" turns it Bounced and shows what it made.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectNoViolations } from './axe';
import { MAILSTACK_CA as CA, setUpMailAccount } from './mailAccount';

test('set up the mail account, send a test email, check the mailbox, see the outbox', async ({ page }, info) => {
  const dir = resolve(info.config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  const shot = (name: string) => page.screenshot({ path: resolve(dir, `mail-${name}.png`) });
  expect(existsSync(CA), `the mail stack is not running: scripts/mailstack.sh start (${CA})`).toBe(true);

  await page.goto('/');

  await setUpMailAccount(page);
  await shot('01-account');

  await page.getByTestId('settings-test-to').fill('alice@customer.test');
  await page.getByTestId('settings-send-test').click();
  await expect(page.getByTestId('settings-result')).toContainText(/Sent\. The server said: .*(2\d\d|2\.\d\.\d)/);
  await page.getByTestId('settings-check-mailbox').click();
  await expect(page.getByTestId('settings-result')).toContainText('Your mailbox works');
  await shot('02-checked');
  await expectNoViolations(page, 'mail account checked');

  await page.getByTestId('nav-outbox').click();
  await expect(page.getByTestId('outbox-page')).toBeVisible();
  await expect(page.getByTestId('outbox-today')).toContainText('Sent today');
  await expect(page.getByTestId('outbox-table')).toBeVisible();
  await shot('03-outbox');
});

const db = process.env.SHOPCLERK_E2E_DB ?? '';
const sql = (query: string) => execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();
// The app's clock is pinned (SHOPCLERK_NOW), so every send of this run is
// inside the same minute: the limit is set just above what already went.
const NOW = process.env.SHOPCLERK_NOW ?? '2026-03-01T09:00:00Z';
const run = Date.now().toString(36);
const mid = (name: string) => `<e2e-${name}-${run}@shop.test>`;
const addMessage = (name: string, to: string, subject: string) =>
  sql(`INSERT INTO messages (message_id, kind, to_addr, subject, html, text, status, created_at)
       VALUES ('${mid(name)}', 'transactional', '${to}', '${subject}', '', 'Thank you for your order.', 'queued', strftime('%s', 'now'))`);

// Whether the seller's Maildir (in the mail stack) holds a message containing text.
function inSellersMailbox(text: string): boolean {
  const box = resolve(process.env.MAILSTACK_DIR ?? '/tmp/mailstack', 'mail', 'shop.test', 'seller', 'Maildir');
  return ['new', 'cur'].some((sub) => {
    const d = resolve(box, sub);
    return existsSync(d) && readdirSync(d).some((f) => readFileSync(resolve(d, f), 'utf8').includes(text));
  });
}

const rowOf = (page: Page, subject: string) => page.getByTestId('outbox-table').getByRole('row').filter({ hasText: subject });

test('the outbox sends by itself, waits at the limit saying why; a bounce shows Bounced', async ({ page }, info) => {
  const dir = resolve(info.config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  const shot = (name: string) => page.screenshot({ path: resolve(dir, `mail-${name}.png`) });
  await page.goto('/');
  // Whatever earlier specs left queued waits out this test.
  sql(`UPDATE messages SET status = 'cancelled', last_error = 'put aside by the e2e test' WHERE status IN ('queued', 'deferred')`);

  // The test email of the test above turned automatic sending on. Test
  // mode is still on, so a queued message waits, and says why.
  addMessage('wait', 'alice@customer.test', 'Thanks for your order #2001');
  await page.getByTestId('nav-outbox').click();
  await expect(page.getByTestId('outbox-autosend')).toBeChecked();
  const first = rowOf(page, 'Thanks for your order #2001');
  await expect(first.locator('[data-testid^="outbox-why-"]')).toHaveText(/^Test mode is on, so nothing goes out by itself/);
  await shot('04-why-test-mode');

  // Test mode off, a limit of two more messages this minute: saving the
  // account wakes the sender, which sends two and holds the third.
  addMessage('bounce', 'nobody@customer.test', 'Your order #2002 has shipped');
  addMessage('third', 'bob@customer.test', 'Your order #2003 is confirmed');
  const sentThisMinute = Number(sql(`SELECT COUNT(*) FROM messages WHERE sent_at >= strftime('%s', '${NOW}') - 60`));
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-test-mode').uncheck();
  await page.getByLabel('Messages per minute (0 = no limit)').fill(String(sentThisMinute + 2));
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('Email account saved').first()).toBeVisible();
  await page.getByTestId('nav-outbox').click();
  const bounce = rowOf(page, 'Your order #2002 has shipped');
  const third = rowOf(page, 'Your order #2003 is confirmed');
  await expect(first.locator('[data-testid^="outbox-status-"]')).toHaveText('Sent');
  await expect(bounce.locator('[data-testid^="outbox-status-"]')).toHaveText('Sent');
  await expect(third.locator('[data-testid^="outbox-status-"]')).toHaveText('Queued');
  // A minute after the pinned 09:00 UTC, in the shop's own time zone.
  await expect(third.locator('[data-testid^="outbox-why-"]')).toHaveText(
    new RegExp(`^The limit of ${sentThisMinute + 2} messages a minute is reached; the next message goes at \\d\\d:01:00\\.$`),
  );
  await shot('05-sent-by-itself-limit-waits');

  // Alice answers; Postfix returns the message to nobody@ as a DSN.
  const aliceMid = sql(`SELECT message_id FROM messages WHERE message_id = '${mid('wait')}'`);
  execFileSync('swaks', ['--server', `127.0.0.1:${process.env.MAILSTACK_SMTP_PORT ?? '2525'}`, '--from', 'alice@customer.test',
    '--to', 'seller@shop.test', '--header', 'Subject: Re: Thanks for your order #2001', '--header', `In-Reply-To: ${aliceMid}`,
    '--body', 'Could you send it in blue instead?'], { stdio: 'ignore' });
  // Both are in the seller's mailbox before the one click that reads them.
  await expect.poll(() => inSellersMailbox(mid('bounce')) && inSellersMailbox('send it in blue'), { timeout: 20_000 }).toBe(true);
  await page.getByTestId('outbox-check-inbox').click();
  await expect(bounce.locator('[data-testid^="outbox-status-"]')).toHaveText('Bounced');
  await expect(bounce.locator('[data-testid^="outbox-why-"]')).toContainText('could not be delivered to nobody@customer.test (5.1.1');
  const result = page.getByTestId('inbox-result');
  await expect(result).toBeVisible();
  await expect(page.getByTestId('inbox-result-summary')).toContainText('marked Bounced');
  await expect(result).toContainText('“Your order #2002 has shipped” to nobody@customer.test');
  await expect(result).toContainText('Reply from alice@customer.test');
  await expect(result).toContainText('nobody@customer.test');
  await shot('06-read-new-mail-bounced');
  await expectNoViolations(page, 'outbox with a mail result, light');
  await page.getByTestId('theme-toggle').click();
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-scheme', 'dark');
  await expectNoViolations(page, 'outbox with a mail result, dark');
  await shot('07-read-new-mail-dark');
  await page.getByTestId('theme-toggle').click();

  // The bounce opens the message; the suppression links to the list.
  await result.locator('[data-testid^="inbox-bounce-"]').first().click();
  await expect(page.getByTestId('outbox-detail-status')).toHaveText('Bounced');
  await expect(page.getByTestId('outbox-detail-why')).toContainText('5.1.1');
  await page.keyboard.press('Escape');
  await page.getByTestId('inbox-suppressions-link').click();
  await expect(page.getByTestId('settings-suppressions')).toContainText('nobody@customer.test');
  await shot('08-do-not-email');

  // Leave the account as the other specs expect it: in test mode.
  sql(`UPDATE settings SET value = json_set(value, '$.testMode', json('true'), '$.perMinute', 0) WHERE key = 'mail.account'`);
});
