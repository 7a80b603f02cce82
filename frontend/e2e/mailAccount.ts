// Sets up the seller's mail account in Settings > Email against the
// project's mail stack (scripts/mailstack.sh: Postfix + Dovecot on
// 127.0.0.1). Test mode stays on, so every message goes to the seller.
import { expect, type Page } from '@playwright/test';

export const MAILSTACK_CA = process.env.MAILSTACK_CA ?? '/tmp/mailstack/tls/cert.pem';

export async function setUpMailAccount(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-email')).toBeVisible();
  await page.getByTestId('settings-provider').click();
  await page.getByRole('option', { name: /Other/ }).click();
  await page.getByTestId('settings-from').fill('seller@shop.test');
  await page.getByTestId('settings-password').fill('seller-pw');
  await page.getByTestId('settings-smtp-host').fill('127.0.0.1');
  await page.getByTestId('settings-smtp-port').fill('2587');
  await page.getByTestId('settings-imap-host').fill('127.0.0.1');
  await page.getByTestId('settings-imap-port').fill('2143');
  await page.getByTestId('settings-ca').fill(MAILSTACK_CA);
  await page.getByLabel('Security').nth(1).click();
  await page.getByRole('option', { name: 'STARTTLS' }).click();
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('Email account saved').first()).toBeVisible();
}
