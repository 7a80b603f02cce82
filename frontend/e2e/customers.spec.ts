// Customers end to end on the demo shop, through the real Go bindings: open
// a customer from the list (with the keyboard too), see their timeline and
// page through it, add and remove a tag (the timeline shows it), define a
// segment with the builder (and see one that matches nobody say so), and
// the erase dialog's question; every screen and state axe-checked in the
// light and the dark theme, with screenshots.
//
// The spec leaves the shop as the other specs expect it: the tag it adds is
// removed, its segments deleted, nobody erased.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectNoViolations } from './axe';

type Theme = 'light' | 'dark';

function shooter(page: Page, info: TestInfo, theme: Theme) {
  const dir = resolve(info.config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  return async (name: string) => {
    await expectNoViolations(page, `${theme} ${name}`);
    await page.screenshot({ path: resolve(dir, `customers-${theme}-${name}.png`), fullPage: true });
  };
}

async function openApp(page: Page, theme: Theme) {
  await page.addInitScript((t) => localStorage.setItem('shopclerk-color-scheme', t), theme);
  await page.goto('/');
  await expect(page.getByTestId('dashboard')).toBeVisible();
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-scheme', theme);
}

/** Opens the customer who spent most (sorted by spend, the first row). */
async function openBiggestSpender(page: Page) {
  await page.getByTestId('nav-customers').click();
  await expect(page.getByTestId('customer-row').first()).toBeVisible();
  const sort = page.getByTestId('customers-sort-totalSpent');
  const th = page.locator('th', { has: sort });
  await sort.click();
  await expect(th).toHaveAttribute('aria-sort', /ascending|descending/);
  if ((await th.getAttribute('aria-sort')) !== 'descending') await sort.click();
  await expect(th).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByTestId('customer-row').first()).toBeVisible();
  // The keyboard alone: Tab to the row, Enter opens the customer's page.
  await page.getByTestId('customer-row').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('customer-page')).toBeVisible();
}

for (const theme of ['light', 'dark'] as const) {
  test(`customer page: timeline, tags, consent, erase question (${theme})`, async ({ page }, info) => {
    test.setTimeout(180_000);
    const shot = shooter(page, info, theme);
    await openApp(page, theme);
    await openBiggestSpender(page);
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    const items = page.getByTestId('timeline-item');
    await expect(items.first()).toBeVisible();
    await expect(page.getByTestId('customer-value')).toContainText('Orders');
    await expect(page.getByTestId('consent-email')).toBeVisible();
    await expect(page.getByTestId('consent-sms')).toContainText('Unknown');
    await shot('01-page');

    // The timeline pages: "Show older" brings the next page below.
    const more = page.getByTestId('timeline-more');
    if (await more.isVisible()) {
      const before = await items.count();
      await more.click();
      await expect.poll(() => items.count()).toBeGreaterThan(before);
    }

    // A tag added with the keyboard shows as a tag and in the timeline;
    // removing it takes it away again.
    const tag = `e2e-${theme}`;
    await page.getByTestId('customer-tag-input').fill(tag);
    await page.getByTestId('customer-tag-input').press('Enter');
    await expect(page.getByTestId('customer-tag').filter({ hasText: tag })).toBeVisible();
    await expect(page.locator('[data-testid="timeline-item"][data-kind="tag"]').first()).toContainText(`“${tag}” added`);
    await shot('02-tag-added');
    await page.getByTestId(`customer-tag-remove-${tag}`).click();
    await expect(page.getByTestId('customer-tag').filter({ hasText: tag })).toHaveCount(0);
    await expect(page.locator('[data-testid="timeline-item"][data-kind="tag"]').first()).toContainText(`“${tag}” removed`);

    // Erase asks first, says what stays and what goes; here the seller
    // keeps the customer.
    await page.getByTestId('customer-erase').click();
    await expect(page.getByTestId('erase-confirm')).toBeVisible();
    await shot('03-erase-question');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('erase-confirm')).toHaveCount(0);
    await expect(page.getByTestId('customer-page')).toBeVisible();

    // An order in the timeline opens its drawer on the Orders screen.
    const order = page.locator('[data-testid="timeline-item"][data-kind="order"] button').first();
    await order.click();
    await expect(page.getByTestId('order-detail-name')).toBeVisible();
  });

  test(`segments: counts, movement, a segment defined with the builder (${theme})`, async ({ page }, info) => {
    test.setTimeout(180_000);
    const shot = shooter(page, info, theme);
    await openApp(page, theme);
    await page.getByTestId('nav-segments').click();
    await expect(page.getByTestId('segments-page')).toBeVisible();
    await expect(page.getByTestId('rfm-count-champions')).toHaveText(/^\d/);
    await expect(page.getByTestId('segments-movement')).toBeVisible();
    await shot('04-segments');

    // A segment from the builder: customers who spent at least 100.
    const name = `Spent 100+ (${theme})`;
    await page.getByTestId('segment-new').click();
    await page.getByTestId('segment-name').fill(name);
    await page.getByTestId('segment-cond-add-row').click();
    await expect(page.getByTestId('segment-cond-field')).toHaveValue('Lifetime spend');
    await page.getByTestId('segment-cond-value').fill('100');
    await expect(page.getByTestId('segment-cond-expr')).toHaveText('customer.totalSpent >= 10000');
    await page.getByTestId('segment-check-run').click();
    await expect(page.getByTestId('segment-check-count')).toContainText(/Matches [\d,]+ customers? of [\d,]+ customers/);
    await shot('05-builder');
    await page.getByTestId('segment-save').click();
    const row = page.getByTestId('segment-row').filter({ hasText: name });
    await expect(row).toBeVisible();
    await expect(row.getByTestId('segment-members')).toHaveText(/^[1-9]/);

    // A segment that matches nobody says so.
    await page.getByTestId('segment-new').click();
    await page.getByTestId('segment-cond-mode').getByText('Expression').click();
    await page.getByTestId('segment-cond-raw').fill('customer.ordersCount > 100000');
    await page.getByTestId('segment-check-run').click();
    await expect(page.getByTestId('segment-check-warning')).toContainText('matches nobody');
    // And a condition about an order is refused with its place.
    await page.getByTestId('segment-cond-raw').fill('order.total > 1');
    await page.getByTestId('segment-check-run').click();
    await expect(page.getByTestId('segment-cond-error')).toContainText('Line 1, column 1');
    await shot('06-builder-problem');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: `Delete ${name}` }).click();
    await expect(page.getByTestId('segment-row').filter({ hasText: name })).toHaveCount(0);
  });
}
