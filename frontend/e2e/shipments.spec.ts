// Shipping end to end on the demo shop, through the real Go bindings: drop a
// label tool's export (ShipStation's columns) with numbers of several
// carriers, one whose carrier cannot be told from the number and one for an
// order the shop does not have; see it recognised and import it; on the
// Shipments screen see each number's carrier and tracking link (none for
// the unknown carrier), the number waiting for its order, a timeline opened
// from the keyboard; the dashboard's counts lead here; axe finds nothing in
// either theme.
import { expect, test, type Page } from '@playwright/test';
import { shot } from './shots';
import { expectNoViolations } from './axe';
import { drop } from './dropFiles';

const FILE = 'shipstation_shipments_e2e.csv';
// Orders #1001 to #1003 are the demo shop's; #99999 is not in it.
const CSV = [
  'Order #,Order Date,Ship Date,Recipient,Carrier,Service,Tracking #,Shipping Cost',
  '1001,02/27/2026,03/01/2026,Demo Buyer,UPS,UPS Ground,1Z999AA10123456784,9.85',
  '1002,02/27/2026,03/01/2026,Demo Buyer,Stamps.com,USPS Priority Mail,9400 1118 9922 3851 0718 16,8.70',
  '1003,02/27/2026,03/01/2026,Demo Buyer,,,786123456789,11.20',
  '99999,02/27/2026,03/01/2026,Someone Else,Royal Mail,Tracked 24,LX473124829GB,3.20',
].join('\n');


async function openShipments(page: Page) {
  await page.getByTestId('nav-shipments').click();
  await expect(page.getByTestId('shipments-page')).toBeVisible();
  await expect(page.getByTestId('shipment-row').first()).toBeVisible();
}

async function searchFor(page: Page, q: string) {
  await page.getByTestId('shipments-search').fill(q);
  await expect(page.getByTestId('shipment-row')).toHaveCount(1);
  return page.getByTestId('shipment-row').first();
}

test.describe.configure({ mode: 'serial' });

test('a label tool export: recognised, imported, carriers and links on the Shipments screen', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('nav-import').click();
  await expect(page.getByTestId('import-dropzone')).toBeVisible();
  await drop(page, [{ name: FILE, data: Buffer.from(CSV) }]);
  const card = page.getByTestId('import-file-0');
  await expect(card).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('import-file-0-label')).toHaveText('ShipStation shipments export, 8 columns');
  await expect(card.getByTestId('import-file-0-preview')).toContainText('UPS');
  await shot(page, 'shipments', '01-recognised');
  await page.getByTestId('import-start').click();
  await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('import-result-headline')).toContainText('created');
  await shot(page, 'shipments', '02-imported');

  await openShipments(page);
  let row = await searchFor(page, '1001');
  await expect(row.getByTestId('shipment-carrier')).toHaveText('UPS');
  await expect(row.getByTestId('shipment-link')).toHaveAttribute('data-href', 'https://www.ups.com/track?tracknum=1Z999AA10123456784');
  await expect(row.getByTestId('shipment-status')).toHaveText('Label created');

  row = await searchFor(page, '9400111899223851071816');
  await expect(row.getByTestId('shipment-carrier')).toHaveText('USPS');
  await expect(row.getByTestId('shipment-link')).toHaveAttribute('data-href', /tools\.usps\.com.*9400111899223851071816/);

  // Twelve plain digits: several carriers write them and the file named
  // none, so no carrier is guessed and there is no link.
  row = await searchFor(page, '786123456789');
  await expect(row.getByTestId('shipment-carrier')).toHaveText('Unknown carrier');
  await expect(row.getByTestId('shipment-link')).toHaveCount(0);

  // The number for an order the shop does not have waits, listed.
  const waiting = page.getByTestId('shipments-unmatched');
  await expect(waiting).toContainText('1 tracking number waits for an order');
  await waiting.getByRole('button', { name: 'Show them' }).click();
  await expect(waiting).toContainText('LX473124829GB');
  await expect(waiting).toContainText('Royal Mail');
  await shot(page, 'shipments', '03-list');

  // The timeline, from the keyboard.
  row = await searchFor(page, '1001');
  await row.getByTestId('shipment-timeline').focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog');
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('shipment-events')).toContainText('Label created');
  await shot(page, 'shipments', '04-timeline');
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // Asking the carriers runs as a job; the demo shop has no carrier keys.
  await page.getByTestId('shipments-track-now').click();
  await expect(page.getByText('No carrier API key is set')).toBeVisible();
  await expect(page.getByTestId('shipments-track-now')).toBeEnabled();
});

test('the dashboard counts lead to the Shipments screen', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('dash-shipments')).toBeVisible();
  await page.getByTestId('dash-shipments-link-in_transit').click();
  await expect(page.getByTestId('shipments-page')).toBeVisible();
  await expect(page).toHaveURL(/status=in_transit/);
  await expect(page.getByTestId('shipment-status').first()).toHaveText('In transit');
  await shot(page, 'shipments', '05-from-dashboard');
});

for (const theme of ['light', 'dark'] as const) {
  test(`the Shipments screen has no axe violations (${theme})`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('shopclerk-color-scheme', t), theme);
    await page.goto('/');
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-scheme', theme);
    await openShipments(page);
    await expectNoViolations(page, `${theme} shipments`);
    await page.getByTestId('shipments-view').getByText('Stuck').click();
    await expectNoViolations(page, `${theme} shipments stuck`);
    await page.getByTestId('shipment-timeline').first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoViolations(page, `${theme} shipment timeline`);
    await shot(page, 'shipments', `06-${theme}`);
  });
}
