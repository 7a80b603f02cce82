// The block editor end to end through the real Go bindings: the order
// confirmation opens as blocks; the seller adds a heading, moves it to the
// top from the keyboard, writes in it and inserts a variable from the picker
// at the cursor, sees the preview change, is refused a variable the email
// does not have (named, nothing saved), saves, reloads and finds the blocks
// as built (and stored beside the HTML in the shop file). Axe-clean in both
// themes.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectNoViolations } from './axe';

const db = process.env.SHOPCLERK_E2E_DB ?? '';
const sql = (query: string) => execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();

async function openTemplates(page: Page, theme: 'light' | 'dark') {
  await page.addInitScript((t) => localStorage.setItem('shopclerk-color-scheme', t), theme);
  await page.goto('/');
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-scheme', theme);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-templates').click();
  await expect(page.getByTestId('block-editor')).toBeVisible();
  await expect(page.getByTestId('template-preview-subject')).not.toBeEmpty();
}

test('build the order confirmation from blocks, preview, save, reopen', async ({ page }, info) => {
  const dir = resolve(info.config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  const shot = (name: string) => page.screenshot({ path: resolve(dir, `template-blocks-${name}.png`), fullPage: true });
  expect(db, 'SHOPCLERK_E2E_DB names the shop file the harness started the app on').not.toBe('');
  sql(`DELETE FROM email_templates WHERE name = 'order_confirmation'`);

  await openTemplates(page, 'light');
  // The built-in opens as blocks, not as one HTML block.
  await expect(page.getByTestId('template-html-block')).toHaveCount(0);
  await expect(page.getByTestId('block-0-text')).toHaveValue('Hi {{.Customer.FirstName}},');
  const count = await page.locator('[data-testid="block-editor"] > section').count();
  expect(count).toBeGreaterThan(3);
  await shot('01-opened');
  await expectNoViolations(page, 'light template blocks');

  // Add a heading (it lands last) and bring it to the top with Alt+ArrowUp.
  await page.getByTestId('block-add').click();
  await page.getByTestId('block-add-heading').click();
  const last = page.getByTestId(`block-${count}-text`);
  await expect(last).toHaveValue('A heading');
  await last.focus();
  for (let i = 0; i < count; i++) await page.keyboard.press('Alt+ArrowUp');
  const heading = page.getByTestId('block-0-text');
  await expect(heading).toHaveValue('A heading');
  await expect(page.getByTestId('block-0')).toBeFocused();

  // Write in it, put the cursor before the "!" and insert the first name there.
  await heading.fill('Thank you !');
  await heading.focus();
  await heading.evaluate((el: HTMLInputElement) => el.setSelectionRange(10, 10));
  await heading.press('ArrowLeft');
  await heading.press('ArrowRight');
  await page.getByTestId('variable-picker').click();
  await page.getByTestId('variable-picker').fill('first name');
  await page.getByRole('option', { name: /Customer first name/ }).click();
  await expect(heading).toHaveValue('Thank you {{.Customer.FirstName}}!');
  await expect(page.getByTestId('template-unsaved')).toBeVisible();
  await page.getByTestId('template-preview-text-tab').click();
  await expect(page.getByTestId('template-preview-text')).toContainText(/^Thank you \S+!/);
  const named = (await page.getByTestId('template-preview-text').innerText()).split('\n')[0];
  expect(named).not.toContain('{{');

  // A variable the order confirmation is not given: marked as typed,
  // refused on save with its name, nothing stored.
  await heading.fill('Thank you {{.Cart.Url}}!');
  await expect(page.getByText('{{.Cart.Url}} is not a variable of this template')).toBeVisible();
  await page.getByTestId('template-save').click();
  await expect(page.getByText(/\{\{\.Cart\.Url\}\} is not a variable of the order confirmation/).first()).toBeVisible();
  expect(sql(`SELECT COUNT(*) FROM email_templates WHERE name = 'order_confirmation'`)).toBe('0');
  await shot('02-refused');
  await expectNoViolations(page, 'light template blocks refused');

  await heading.fill('Thank you {{.Customer.FirstName}}!');
  await expect(page.getByTestId('template-preview-text')).toContainText(named);
  await page.getByTestId('template-save').click();
  await expect(page.getByTestId('template-customised')).toBeVisible();
  await expect(page.getByTestId('template-unsaved')).toHaveCount(0);
  expect(sql(`SELECT json_extract(blocks, '$.blocks[0].text') FROM email_templates WHERE name = 'order_confirmation'`))
    .toBe('Thank you {{.Customer.FirstName}}!');
  expect(sql(`SELECT html FROM email_templates WHERE name = 'order_confirmation'`)).toMatch(/^<h2 [^>]*>Thank you \{\{\.Customer\.FirstName\}\}!<\/h2><p>Hi/);
  await shot('03-saved');

  // Reopened in the dark theme: the blocks as built, the HTML tab has their HTML.
  await openTemplates(page, 'dark');
  await expect(page.getByTestId('template-customised')).toBeVisible();
  await expect(page.getByTestId('block-0-text')).toHaveValue('Thank you {{.Customer.FirstName}}!');
  await expect(page.getByTestId('block-1-text')).toHaveValue('Hi {{.Customer.FirstName}},');
  await expect(page.getByTestId('template-preview-subject')).not.toBeEmpty();
  await shot('04-reopened-dark');
  await expectNoViolations(page, 'dark template blocks');
  await page.getByTestId('template-tab-html').click();
  await expect(page.getByTestId('template-html')).toHaveValue(/Thank you \{\{\.Customer\.FirstName\}\}!/);
  await expect(page.getByTestId('template-unsaved')).toHaveCount(0);

  sql(`DELETE FROM email_templates WHERE name = 'order_confirmation'`);
});
