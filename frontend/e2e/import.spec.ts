// Import end to end on the demo shop, through the real Go bindings: drop a
// real Shopify orders export, see it recognised and previewed, import it and
// read the result; import it again and see that nothing changed; a German
// stock list no preset knows, mapped column by column, with a bad row that
// is rejected; bad files (empty, a PDF renamed .csv, only a header) refused
// with the backend's message; the import history.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectNoViolations } from './axe';
import { drop } from './dropFiles';
import { shot } from './shots';

// The demo shop is in Berlin, and so is the seller's computer: a date
// without a time is that day in the shop's zone, shown in the computer's.
test.use({ timezoneId: 'Europe/Berlin' });

const SHOPIFY_ORDERS = 'orders_export_2025-04_CAD_79col.csv';

function repoRoot(info: TestInfo): string {
  return resolve(info.config.rootDir, '..', '..');
}

// The real exports the Go tests use too (testdata/real, with their provenance).
function realExport(info: TestInfo, name: string): string {
  return resolve(repoRoot(info), 'testdata', 'real', 'shopify', name);
}


/** Picks an option of a Mantine Select by its visible label. */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function openImport(page: Page) {
  await page.goto('/');
  await page.getByTestId('nav-import').click();
  await expect(page.getByTestId('import-page')).toBeVisible();
  await expect(page.getByTestId('import-dropzone')).toBeVisible();
}

async function count(page: Page, testId: string, row = 0): Promise<number> {
  const text = await page.getByTestId('import-result-file').nth(row).getByTestId(testId).innerText();
  return Number(text.replace(/\D/g, ''));
}

test.describe.configure({ mode: 'serial' });

test('a real Shopify orders export: recognised, previewed, imported; again changes nothing', async ({ page }, info) => {
  const file = realExport(info, SHOPIFY_ORDERS);
  const data = readFileSync(file);
  await openImport(page);
  await shot(page, 'import', '01-empty');

  await drop(page, [{ name: SHOPIFY_ORDERS, data }]);
  const card = page.getByTestId('import-file-0');
  await expect(card).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('import-file-0-label')).toHaveText('Shopify orders export, 79 columns');
  await expect(card.getByTestId('import-preview-row').first()).toBeVisible();
  await expect(card.getByTestId('import-file-0-preview')).toContainText('#');
  await shot(page, 'import', '02-shopify-recognised');

  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('import-result-file')).toHaveCount(1);
  await expect(page.getByTestId('import-result-file').first()).toContainText(SHOPIFY_ORDERS);
  const created = await count(page, 'import-result-created');
  const updated = await count(page, 'import-result-updated');
  expect(created + updated).toBeGreaterThan(0);
  await expect(page.getByTestId('import-result-headline')).toContainText(/created|updated/);
  await expect(page.getByTestId('import-history-row').filter({ hasText: SHOPIFY_ORDERS }).first()).toBeVisible();
  await shot(page, 'import', '03-shopify-result');
  await expectNoViolations(page, 'import result');

  // The same file again: idempotent, and the screen says so.
  await drop(page, [{ name: SHOPIFY_ORDERS, data }]);
  await expect(page.getByTestId('import-file-0')).toHaveAttribute('data-status', 'ready');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result-file').first()).toContainText('nothing changed', { timeout: 60_000 });
  expect(await count(page, 'import-result-created')).toBe(0);
  expect(await count(page, 'import-result-updated')).toBe(0);
  expect(await count(page, 'import-result-unchanged')).toBeGreaterThan(0);
  await shot(page, 'import', '04-shopify-again');
});

/** Parses RFC 4180 CSV (quoted cells may hold commas, quotes and line breaks). */
function parseCSV(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The real export repeated as `copies` shops' worth of orders: every order
 * gets a new name and id, so each copy adds its orders.
 */
function biggerExport(info: TestInfo, copies: number): Buffer {
  const text = readFileSync(realExport(info, SHOPIFY_ORDERS), 'utf8');
  const [header, ...rows] = parseCSV(text.replace(/^\uFEFF/, ''));
  const name = header.indexOf('Name');
  const id = header.indexOf('Id');
  const out = [header.map(csvCell).join(',')];
  for (let k = 1; k <= copies; k++) {
    for (const r of rows) {
      const c = [...r];
      c[name] = `${c[name]}-${k}`;
      if (c[id]) c[id] = `${c[id]}${String(k).padStart(4, '0')}`;
      out.push(c.map(csvCell).join(','));
    }
  }
  return Buffer.from(out.join('\r\n') + '\r\n');
}

test('a 2 MB export dropped in a browser travels in pieces and imports whole', async ({ page }, info) => {
  const copies = 120;
  const data = biggerExport(info, copies);
  expect(data.length).toBeGreaterThan(2 * 1024 * 1024); // dozens of pieces; one call of it never arrived
  await openImport(page);
  await drop(page, [{ name: 'orders_export_big.csv', data }]);
  await expect(page.getByTestId('import-file-0')).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  await expect(page.getByTestId('import-file-0-label')).toHaveText('Shopify orders export, 79 columns');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 120_000 });
  // Every copy's 20 orders, none lost on the way.
  expect(await count(page, 'import-result-created')).toBe(20 * copies);
  expect(await count(page, 'import-result-rejected')).toBe(0);
  await shot(page, 'import', '05-big-upload-result');
});

test('an unknown stock list: map its columns, import, see the rejected row', async ({ page }) => {
  await openImport(page);
  const csv = ['Artikelnummer;Bestand;Lager', 'E2E-LAGER-1;12;Berlin', 'E2E-LAGER-2;0;Berlin', 'E2E-LAGER-3;viele;Berlin', ''].join('\r\n');
  await page.getByTestId('import-file-input').setInputFiles({ name: 'lagerbestand.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });

  const card = page.getByTestId('import-file-0');
  await expect(page.getByTestId('import-file-0-label')).toContainText('unknown: map the columns');
  await expect(page.getByTestId('import-file-0-mapping')).toBeVisible();
  await expect(page.getByTestId('import-start')).toBeDisabled();
  await shot(page, 'import', '05-generic-unknown');

  await choose(page, 'import-file-0-mapping-kind', 'Stock levels');
  await expect(page.getByTestId('import-file-0-mapping-problem')).toContainText('SKU');
  await choose(page, 'import-file-0-mapping-field-sku', 'Artikelnummer');
  await choose(page, 'import-file-0-mapping-field-available', 'Bestand');
  await page.getByTestId('import-file-0-mapping-more').click();
  await choose(page, 'import-file-0-mapping-field-location', 'Lager');
  await expect(page.getByTestId('import-file-0-mapping-problem')).toHaveCount(0);
  await expect(card).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('import-file-0-label')).toHaveText(/Mapped inventory file/);
  await expect(card.getByTestId('import-preview-row').first()).toContainText('E2E-LAGER-1');
  await shot(page, 'import', '06-generic-mapped');
  await expectNoViolations(page, 'import column mapping');

  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 60_000 });
  expect(await count(page, 'import-result-created')).toBeGreaterThanOrEqual(2);
  expect(await count(page, 'import-result-rejected')).toBe(1);
  const rejected = page.getByTestId('import-rejects-row');
  await expect(rejected).toHaveCount(1);
  await expect(rejected.first()).toContainText('lagerbestand.csv');
  await expect(rejected.first()).toContainText('viele');
  await expect(page.getByTestId('import-export-rejects')).toBeVisible();
  await shot(page, 'import', '07-generic-result');
  // In a browser the rejected rows download as CSV (the window saves xlsx through a dialog).
  const download = page.waitForEvent('download');
  await page.getByTestId('import-export-rejects').click();
  expect((await download).suggestedFilename()).toBe('rejected-rows.csv');
  await expect(page.getByTestId('import-export-rejects-saved')).toBeVisible();

  // The mapping is remembered for files with the same columns.
  await page.getByTestId('import-file-input').setInputFiles({
    name: 'lagerbestand-2.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['Artikelnummer;Bestand;Lager', 'E2E-LAGER-1;11;Berlin', ''].join('\r\n')),
  });
  await expect(page.getByTestId('import-file-0-mapping-remembered')).toBeVisible();
  await expect(page.getByTestId('import-file-0')).toHaveAttribute('data-status', 'ready');
  await shot(page, 'import', '08-generic-remembered');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result-file').first()).toContainText('lagerbestand-2.csv', { timeout: 60_000 });
  expect(await count(page, 'import-result-updated')).toBe(1);
});

test('an orders list with ambiguous dates asks day-first or month-first', async ({ page }) => {
  await openImport(page);
  const csv = ['Bestellnummer;Datum;E-Mail;Summe', 'E2E-9001;03/04/2025;e2e.dates@example.com;10,00', 'E2E-9002;05/06/2025;e2e.dates@example.com;12,50', ''].join('\r\n');
  await page.getByTestId('import-file-input').setInputFiles({ name: 'bestellungen.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await choose(page, 'import-file-0-mapping-kind', 'Orders');
  await choose(page, 'import-file-0-mapping-field-order_id', 'Bestellnummer');
  await choose(page, 'import-file-0-mapping-field-created_at', 'Datum');
  await expect(page.getByTestId('import-file-0')).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('import-file-0-dates')).toContainText('Datum');
  const firstDate = page.getByTestId('import-file-0-preview').getByTestId('import-preview-row').first().locator('td').nth(2);
  await expect(firstDate).toContainText('Apr 3, 2025');
  await page.getByTestId('import-file-0-preview').scrollIntoViewIfNeeded();
  await shot(page, 'import', '09-dates-question');
  await expectNoViolations(page, 'import dates question');
  await page.getByTestId('import-file-0-date-Datum').getByText('Month first').click();
  await expect(firstDate).toContainText('Mar 4, 2025');
  await expect(page.getByTestId('import-file-0')).toHaveAttribute('data-status', 'ready');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 60_000 });
  expect(await count(page, 'import-result-created')).toBeGreaterThanOrEqual(2);
});

test('bad files get a clear message and the good ones can still be imported', async ({ page }, info) => {
  await openImport(page);
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a, 0x00, 0x01, 0x02, 0xff, 0xfe]), Buffer.from('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')]);
  await page.getByTestId('import-file-input').setInputFiles([
    { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) },
    { name: 'invoice.csv', mimeType: 'text/csv', buffer: pdf },
    { name: 'header-only.csv', mimeType: 'text/csv', buffer: Buffer.from('Name,Email,Financial Status,Created at,Total,Lineitem quantity,Lineitem name,Lineitem sku\r\n') },
  ]);
  const card = (name: string) => page.locator(`[data-testid^="import-file-"][data-name="${name}"]`);
  await expect(card('empty.csv').getByTestId(/-error$/)).toContainText('empty');
  await expect(card('invoice.csv').getByTestId(/-error$/)).toContainText('PDF');
  await expect(card('header-only.csv').getByTestId(/-error$/)).toContainText(/only a header|no rows/i);
  for (const n of ['empty.csv', 'invoice.csv', 'header-only.csv']) await expect(card(n)).toHaveAttribute('data-status', 'error');
  await expect(page.getByTestId('import-start')).toBeDisabled();
  await expect(page.getByTestId('import-ready-summary')).toContainText('3 cannot be imported');
  await shot(page, 'import', '10-bad-files');
  await expectNoViolations(page, 'import refused files');

  // A good file beside them imports; the bad ones are left out.
  const customers = 'customers_export_2024_20col_apostrophes.csv';
  await page.getByTestId('import-file-input').setInputFiles({
    name: customers,
    mimeType: 'text/csv',
    buffer: readFileSync(realExport(info, customers)),
  });
  await expect(card(customers)).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('import-start')).toBeEnabled();
  await shot(page, 'import', '11-bad-and-good');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result-file')).toHaveCount(1, { timeout: 60_000 });
  await expect(page.getByTestId('import-result-file').first()).toContainText(customers);

  // History lists every batch with file name and a short hash.
  const rows = page.getByTestId('import-history-row');
  await expect(rows.filter({ hasText: SHOPIFY_ORDERS }).first()).toBeVisible();
  await expect(rows.filter({ hasText: 'lagerbestand.csv' }).first()).toBeVisible();
  await expect(rows.first().getByTestId('import-history-hash')).toHaveText(/^[0-9a-f]{10}…$/);
  await page.getByTestId('import-history').scrollIntoViewIfNeeded();
  await shot(page, 'import', '12-history');

  // A batch with rejected rows opens them.
  await rows.filter({ hasText: 'lagerbestand.csv' }).first().click();
  await expect(page.getByTestId('import-batch-rejects-table-row').first()).toContainText('viele');
  await shot(page, 'import', '13-history-rejects');
  await expectNoViolations(page, 'import rejected rows drawer');
});
