// The welcome screen a new seller meets, on the harness's second window over
// a new, empty shop (SHOPCLERK_E2E_EMPTY_URL): axe-clean in both themes,
// with a refused field too; the seller says who the shop is, and only then
// may import. The demo shop would bring a made-up identity of its own.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectNoViolations } from './axe';

const url = process.env.SHOPCLERK_E2E_EMPTY_URL ?? '';
const db = process.env.SHOPCLERK_E2E_EMPTY_DB ?? '';
const sql = (query: string) => execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();

async function openWelcome(page: Page, theme: 'light' | 'dark') {
  await page.addInitScript((t) => localStorage.setItem('shopclerk-color-scheme', t), theme);
  await page.goto(url);
  await expect(page.getByTestId('welcome-shop-form')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', theme);
}

function shot(page: Page, name: string) {
  const dir = resolve(test.info().config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  return page.screenshot({ path: resolve(dir, `welcome-${name}.png`), fullPage: true });
}

test.beforeEach(() => {
  expect(url, 'SHOPCLERK_E2E_EMPTY_URL names the harness window on an empty shop').not.toBe('');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the welcome screen passes axe in the ${theme} theme`, async ({ page }) => {
    await openWelcome(page, theme);
    await expect(page.getByTestId('welcome-import')).toBeDisabled();
    await expectNoViolations(page, `welcome ${theme}`);
    await shot(page, `${theme}-01`);
    // A refused field, with its message under it.
    await page.getByTestId('shop-email').fill('Ann <ann@shop>');
    await page.getByTestId('welcome-shop-form-save').click();
    await expect(page.getByTestId('shop-email')).toHaveAttribute('aria-invalid', 'true');
    await expectNoViolations(page, `welcome ${theme} with problems`);
    await shot(page, `${theme}-02-problems`);
    expect(sql(`SELECT COUNT(*) FROM settings WHERE key = 'shop.name'`)).toBe('0');
  });
}

test('a new shop says who it is, then may import', async ({ page }) => {
  await openWelcome(page, 'light');
  await page.getByTestId('shop-name').fill('Fern Street Tea');
  await page.getByTestId('shop-email').fill('hello@fernstreet.test');
  await page.getByTestId('shop-website').fill('https://fernstreet.test');
  await page.getByTestId('shop-address').fill('4 Fern Street\n3011 Bern\nSwitzerland');
  await page.getByTestId('shop-currency').fill('CHF');
  await page.getByRole('option', { name: 'CHF', exact: true }).click();
  await page.getByTestId('shop-timeZone').fill('Europe/Zurich');
  await page.getByRole('option', { name: 'Europe/Zurich', exact: true }).click();
  await page.getByTestId('welcome-shop-form-save').click();
  await expect(page.getByText('Shop details saved').first()).toBeVisible();
  await expect(page.getByTestId('welcome-import')).toBeEnabled();
  expect(sql(`SELECT value FROM settings WHERE key IN ('shop.currency', 'shop.name', 'shop.timezone') ORDER BY key`)).toBe(
    'CHF\nFern Street Tea\nEurope/Zurich');
  await shot(page, 'saved');
});
