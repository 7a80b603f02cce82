// Email templates end to end through the real Go bindings: in Settings >
// Templates the seller previews a template on a real customer, is refused a
// broken edit (nothing saved), saves a good one, reloads and finds it kept
// (and stored in the shop file), then resets it to the default.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectNoViolations } from './axe';

const db = process.env.SHOPCLERK_E2E_DB ?? '';
const sql = (query: string) => execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();

async function openTemplates(page: Page) {
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-templates').click();
  await expect(page.getByTestId('settings-templates')).toBeVisible();
  await expect(page.getByTestId('template-subject')).not.toHaveValue('');
}

test('edit a template, get a clear refusal, save, reload and see it kept, reset', async ({ page }, info) => {
  const dir = resolve(info.config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  const shot = (name: string) => page.screenshot({ path: resolve(dir, `templates-${name}.png`) });
  expect(db, 'SHOPCLERK_E2E_DB names the shop file the harness started the app on').not.toBe('');

  await page.goto('/');
  await openTemplates(page);
  await page.getByTestId('template-select').click();
  await page.getByRole('option', { name: 'Shipping update' }).click();
  await expect(page.getByTestId('template-default')).toBeVisible();
  await expect(page.getByTestId('template-subject')).toHaveValue('Your order {{.Order.Name}} is on its way');

  // Live preview on a real customer of the demo shop.
  const [id, first] = sql(`SELECT id, first_name FROM customers WHERE first_name <> '' ORDER BY id LIMIT 1`).split('|');
  await page.getByLabel('Preview as customer # (0: sample)').fill(id);
  const subject = page.getByTestId('template-subject');
  await subject.fill('{{.Customer.FirstName}}, your parcel {{.Shipment.TrackingNumber}} is coming');
  await expect(page.getByTestId('template-unsaved')).toBeVisible();
  await expect(page.getByTestId('template-preview-subject')).toHaveText(new RegExp(`^${first}, your parcel .* is coming$`));

  // A variable Shopclerk does not know: refused, named, nothing stored.
  await page.getByTestId('template-tab-html').click();
  const html = page.getByTestId('template-html');
  await html.fill('<p>Hi {{.Customer.Nickname}}, it is on its way.</p>');
  await page.getByTestId('template-save').click();
  await expect(page.getByText('Template not saved')).toBeVisible();
  await expectNoViolations(page, 'template refused, with its notice');
  await expect(page.getByText(/the email body uses "Nickname"/).first()).toBeVisible();
  expect(sql(`SELECT COUNT(*) FROM email_templates`)).toBe('0');
  await expect(page.getByTestId('template-unsaved')).toBeVisible();

  await html.fill('<p>Hi {{.Customer.FirstName}},</p><p>your parcel is with {{.Shipment.Carrier}}. <a href="{{.Shipment.TrackingURL}}">Follow it here</a>.</p>');
  await page.getByTestId('template-preview-text-tab').click();
  await expect(page.getByTestId('template-preview-text')).toContainText('Follow it here (');
  await page.getByTestId('template-save').click();
  await expect(page.getByTestId('template-customised')).toBeVisible();
  await expect(page.getByTestId('template-unsaved')).toHaveCount(0);
  expect(sql(`SELECT name, subject FROM email_templates`)).toBe(
    'shipping_update|{{.Customer.FirstName}}, your parcel {{.Shipment.TrackingNumber}} is coming');
  await shot('01-saved');
  await expectNoViolations(page, 'template saved');

  // Kept across a reload of the whole UI.
  await page.reload();
  await openTemplates(page);
  await page.getByTestId('template-select').click();
  await page.getByRole('option', { name: 'Shipping update' }).click();
  await expect(page.getByTestId('template-customised')).toBeVisible();
  await expect(page.getByTestId('template-subject')).toHaveValue('{{.Customer.FirstName}}, your parcel {{.Shipment.TrackingNumber}} is coming');
  // Saved as HTML, it opens as blocks too (its link a text block's link).
  await expect(page.getByTestId('block-1-text')).toHaveValue(/\[Follow it here\]\(\{\{\.Shipment\.TrackingURL\}\}\)/);
  await page.getByTestId('template-tab-html').click();
  await expect(page.getByTestId('template-html')).toHaveValue(/Follow it here/);
  await expect(page.getByTestId('template-preview-subject')).toHaveText(/, your parcel .* is coming$/);
  await shot('02-reloaded');

  await page.getByTestId('template-reset').click();
  await expect(page.getByTestId('template-reset-confirm')).toBeVisible();
  await expectNoViolations(page, 'template reset confirmation');
  await page.getByTestId('template-reset-confirm').click();
  await expect(page.getByTestId('template-default')).toBeVisible();
  await expect(page.getByTestId('template-subject')).toHaveValue('Your order {{.Order.Name}} is on its way');
  expect(sql(`SELECT COUNT(*) FROM email_templates`)).toBe('0');
});
