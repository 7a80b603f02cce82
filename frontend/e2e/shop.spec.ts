// Settings > Shop end to end through the real Go bindings: the seller fills
// in who the shop is, is refused a bad web address (shown under the field,
// nothing saved), saves, adds a logo, and finds the shop's name and address
// in the footer of a rendered email preview (Settings > Templates), HTML and
// plain text. The demo shop's identity is put back at the end.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectNoViolations } from './axe';

const db = process.env.SHOPCLERK_E2E_DB ?? '';
const sql = (query: string) => execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();

/** Picks an option of a searchable Mantine Select by typing it. */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).fill(option);
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByTestId(testId)).toHaveValue(option);
}

test('fill in the shop, be refused a bad field, see the footer in an email preview', async ({ page }, info) => {
  const dir = resolve(info.config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  const shot = (name: string) => page.screenshot({ path: resolve(dir, `shop-${name}.png`), fullPage: true });
  expect(db, 'SHOPCLERK_E2E_DB names the shop file the harness started the app on').not.toBe('');
  sql(`DROP TABLE IF EXISTS e2e_shop_before; CREATE TABLE e2e_shop_before AS SELECT key, value FROM settings WHERE key LIKE 'shop.%'`);

  try {
    await page.goto('/');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-shop').click();
    await expect(page.getByTestId('shop-form')).toBeVisible();
    await expect(page.getByTestId('shop-name')).toHaveValue('Linden & Oak'); // the demo shop's

    await page.getByTestId('shop-name').fill('Moss & Kiln');
    await page.getByTestId('shop-legalName').fill('Moss & Kiln Ceramics Ltd');
    await page.getByTestId('shop-address').fill('12 Harbour Row\nBristol BS1 4RN\nUnited Kingdom');
    await page.getByTestId('shop-deliveryAddress').fill('Unit 7, Avonside Yard\nBristol BS2 0JZ');
    await page.getByTestId('shop-email').fill('hello@mossandkiln.test');
    await page.getByTestId('shop-phone').fill('+44 117 496 0000');
    await page.getByTestId('shop-website').fill('ftp://mossandkiln.test');
    await page.getByTestId('shop-vatNumber').fill('GB123456789');
    await choose(page, 'shop-currency', 'GBP');
    await choose(page, 'shop-timeZone', 'Europe/London');

    // A web address that is none: named under its field, nothing saved.
    await page.getByTestId('shop-form-save').click();
    await expect(page.getByText('"ftp://mossandkiln.test" is not a web address like https://myshop.com.').first()).toBeVisible();
    await expect(page.getByTestId('shop-website')).toHaveAttribute('aria-invalid', 'true');
    expect(sql(`SELECT value FROM settings WHERE key = 'shop.name'`)).toBe('Linden & Oak');
    await expectNoViolations(page, 'settings shop with a refused field');
    await shot('01-refused');

    await page.getByTestId('shop-website').fill('mossandkiln.test');
    await page.getByTestId('shop-form-save').click();
    await expect(page.getByText('Shop details saved').first()).toBeVisible();
    await expect(page.getByTestId('shop-website')).toHaveValue('https://mossandkiln.test');
    expect(sql(`SELECT value FROM settings WHERE key IN ('shop.name', 'shop.currency', 'shop.timezone') ORDER BY key`)).toBe(
      'GBP\nMoss & Kiln\nEurope/London');

    // The logo goes into the shop file.
    await page.locator('input[type=file]').setInputFiles(resolve(info.config.rootDir, '..', '..', 'build', 'appicon.png'));
    await expect(page.getByText('Logo saved').first()).toBeVisible();
    await expect(page.getByTestId('shop-logo')).toBeVisible();
    expect(sql(`SELECT type FROM shop_logo`)).toBe('image/png');
    await expectNoViolations(page, 'settings shop saved with a logo');
    await shot('02-saved');

    // Every email is signed with it: the template preview's footer.
    await page.getByTestId('settings-tab-templates').click();
    await expect(page.getByTestId('template-preview-subject')).toBeVisible();
    const email = page.frameLocator('iframe[title="preview"]');
    await expect(email.getByText('Moss & Kiln Ceramics Ltd', { exact: false })).toBeVisible();
    await expect(email.getByText('12 Harbour Row', { exact: false })).toBeVisible();
    await expect(email.getByRole('link', { name: 'mossandkiln.test', exact: true })).toHaveAttribute('href', 'https://mossandkiln.test');
    await expect(email.getByText('VAT no. GB123456789', { exact: false })).toBeVisible();
    await shot('03-email-footer');
    await page.getByTestId('template-preview-text-tab').click();
    await expect(page.getByTestId('template-preview-text')).toContainText(
      '-- \nMoss & Kiln Ceramics Ltd\n12 Harbour Row\nBristol BS1 4RN\nUnited Kingdom\nhello@mossandkiln.test · +44 117 496 0000 · mossandkiln.test\nVAT no. GB123456789',
    );
  } finally {
    // The other specs expect the demo shop as it was made.
    sql(`DELETE FROM settings WHERE key LIKE 'shop.%'; INSERT INTO settings SELECT key, value FROM e2e_shop_before;
         DROP TABLE e2e_shop_before; DELETE FROM shop_logo;`);
  }
});
