// Email end to end through the real Go bindings against the project's mail
// stack (scripts/mailstack.sh: Postfix + Dovecot on 127.0.0.1): set up the
// account in Settings > Email, send a test email, check the mailbox, and see
// the Outbox with today's count and the test-mode banner.
import { expect, test } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
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
