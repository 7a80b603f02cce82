// Texts that must not be cut and cells that must not wrap, at the e2e window
// size (1440x900) and a narrower one (1024 wide), on the demo shop. Each
// screen is screenshotted into test-artifacts/layout-*.png.
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

function shooter(page: Page, info: TestInfo, width: number) {
  const dir = resolve(info.config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  return async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: resolve(dir, `layout-${width}-${name}.png`) });
  };
}

/** Elements whose text is wider than their box (cut or ellipsised), with their text. */
async function clipped(l: Locator): Promise<string[]> {
  return l.evaluateAll((els) =>
    els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => `${(e as HTMLElement).innerText} (${e.scrollWidth} > ${e.clientWidth})`),
  );
}

for (const [width, height] of [
  [1440, 900],
  [1024, 768],
] as const) {
  test(`nothing cut or wrapped at ${width} wide`, async ({ page }, info) => {
    test.setTimeout(120_000);
    const shot = shooter(page, info, width);
    await page.setViewportSize({ width, height });
    await page.goto('/');

    // Dashboard: stat hints whole, low-stock headers each within their column.
    await expect(page.getByTestId('dashboard')).toBeVisible();
    await expect(page.getByTestId('dash-today-revenue-hint')).toContainText('in the last 30 days');
    expect(await clipped(page.locator('[data-testid$="-hint"]'))).toEqual([]);
    const table = page.getByTestId('low-stock-table');
    await expect(table).toBeVisible();
    expect(await clipped(table.locator('th'))).toEqual([]);
    // SKU, location and numbers whole; only the product name may ellipsise (its title has it whole)
    expect(await clipped(table.locator('td:not([data-testid="low-stock-title"])'))).toEqual([]);
    // "Reorder at" is the Inventory screen's point, once the plan is in.
    const first = page.getByTestId('low-stock-row').first();
    await expect(first.getByTestId('low-stock-reorder-at')).not.toHaveText('…');
    const sku = (await first.locator('td').first().innerText()).trim();
    const dashPoint = (await first.getByTestId('low-stock-reorder-at').innerText()).trim();
    await shot('dashboard');

    // Inventory: SKUs stay on one line; "Reorder at" agrees with the dashboard.
    await page.getByTestId('nav-inventory').click();
    const rows = page.locator('[data-testid^="reorder-row-"]');
    await expect(rows.first()).toBeVisible();
    // the header's button keeps its words
    expect(await clipped(page.getByTestId('digest-open').locator('span'))).toEqual([]);
    const heights = await rows.evaluateAll((trs) =>
      trs.slice(0, 40).map((tr) => {
        const td = tr.querySelector('td')!;
        const lh = parseFloat(getComputedStyle(td).lineHeight) || 20;
        const text = td.querySelector('span,p') ?? td;
        return { sku: tr.getAttribute('data-testid'), lines: Math.round(text.getBoundingClientRect().height / lh) };
      }),
    );
    expect(heights.filter((h) => h.lines > 1)).toEqual([]);
    const invRow = page.getByTestId(`reorder-row-${sku}`);
    await expect(invRow.locator('td').nth(6)).toHaveText(dashPoint);
    await shot('inventory');

    // The forecast drawer in plain words.
    await rows.first().click();
    await expect(page.getByTestId('forecast-drawer')).toBeVisible();
    await expect(page.getByTestId('forecast-method')).not.toContainText(/\btsb\b|MASE|ses\b/);
    await shot('forecast');
    await page.keyboard.press('Escape');

    // Outbox: every status label whole.
    await page.getByTestId('nav-outbox').click();
    const statuses = page.getByTestId('outbox-status');
    await expect(statuses).toBeVisible();
    expect(await clipped(statuses.locator('label'))).toEqual([]);
    await shot('outbox');
  });
}
