// Automations end to end on the demo shop, through the real Go bindings:
// install ready-made flows, switch them on, edit a condition in the visual
// builder and save, see a bad expression rejected with its position, preview
// what would happen now, approve some items, run them and see the history.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { expectNoViolations } from './axe';
import { resolve } from 'node:path';

// A ready-made flow is installed once: the other specs on the same shop
// may have installed one already (then it is used as it is).
async function install(page: Page, key: string): Promise<Locator> {
  await expect(page.getByTestId('flows-loading')).toHaveCount(0);
  const rows = page.locator(`[data-testid^="flow-row-"][data-template="${key}"]`);
  if ((await rows.count()) > 0) return rows.first();
  await page.getByTestId(`template-install-${key}`).click();
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(row).toHaveAttribute('data-enabled', 'false'); // off by default
  // Installed: the gallery marks it and opens it instead of installing a copy.
  await expect(page.getByTestId(`template-installed-${key}`)).toHaveText('Installed');
  await expect(page.getByTestId(`template-install-${key}`)).toHaveCount(0);
  await expect(page.getByTestId(`template-open-${key}`)).toBeVisible();
  return row;
}

async function idOf(row: Locator): Promise<string> {
  return (await row.getAttribute('data-testid'))!.replace(/^flow-row-/, '');
}

async function switchOn(page: Page, id: string) {
  await page.getByTestId(`flow-switch-${id}`).click({ force: true });
  await expect(page.getByTestId(`flow-row-${id}`)).toHaveAttribute('data-enabled', 'true');
}

test('install, switch on, edit a condition, preview, approve some, run, history', async ({ page }, info) => {
  test.setTimeout(240_000);
  const dir = resolve(info.config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  const shot = async (name: string, full = false) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: resolve(dir, `automations-${name}.png`), fullPage: full });
  };

  await page.goto('/');
  await page.getByTestId('nav-automations').click();
  await expect(page.getByTestId('automations-page')).toBeVisible();
  await expect(page.getByTestId('template-gallery')).toBeVisible();
  await expect(page.getByTestId('template-order_confirmation')).toBeVisible();
  await shot('01-empty-and-gallery');

  // Install two ready-made flows: they arrive switched off.
  const confirmRow = await install(page, 'order_confirmation');
  const confirmId = await idOf(confirmRow);
  const cartRow = await install(page, 'cart_abandoned');
  const cartId = await idOf(cartRow);
  await expect(page.getByTestId(`flow-trigger-${confirmId}`)).toHaveText(/When an order is paid/);
  await expect(page.getByTestId(`flow-trigger-${cartId}`)).toHaveText(/When a cart is left for 1 hour/);
  await expect(page.getByTestId('template-installed-order_confirmation')).toBeVisible();
  await expect(page.getByTestId('template-install-order_confirmation')).toHaveCount(0);

  await switchOn(page, confirmId);
  await shot('02-flows');

  // The cart sequence reads as a picture: cards with "wait" pills between.
  await page.getByTestId(`flow-edit-${cartId}`).click();
  await expect(page.getByTestId('flow-editor')).toBeVisible();
  await expect(page.getByTestId('editor-wait-1')).toHaveText(/wait 23 hours/);
  await expect(page.getByTestId('editor-wait-3')).toHaveText(/wait 2 days/);
  await expect(page.getByTestId('editor-step-4-percent')).toHaveValue(/10/);
  await shot('03-editor-sequence', true);
  await page.getByTestId('editor-back').click();

  // Edit the order confirmation: add "order total is at least 20" in the builder.
  await page.getByTestId(`flow-edit-${confirmId}`).click();
  await expect(page.getByTestId('flow-editor')).toBeVisible();
  await expect(page.getByTestId('cond-row')).toHaveCount(1); // !order.cancelled -> "Order is cancelled: no"
  await page.getByTestId('cond-add-row').click();
  await expect(page.getByTestId('cond-row')).toHaveCount(2);
  await page.getByTestId('cond-value').last().fill('20');
  await expect(page.getByTestId('cond-expr')).toHaveText('!order.cancelled && order.total >= 2000');
  await shot('04-editor-builder');
  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('editor-saved')).toBeVisible();

  // A bad expression is rejected at save time, with its position.
  await page.getByTestId('cond-mode').getByText('Expression').click();
  await page.getByTestId('cond-raw').fill('!order.cancelled && order.totl >= 2000');
  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('editor-problems')).toBeVisible();
  await expect(page.getByTestId('cond-error')).toContainText(/Line 1, column \d+/);
  await expect(page.getByTestId('cond-error')).toContainText(/totl/);
  await expect(page.getByTestId('cond-error-caret')).toContainText('^');
  await shot('05-editor-error');
  await expectNoViolations(page, 'flow editor with a refused expression');

  // Fixed, saved, and the builder reads it again.
  await page.getByTestId('cond-raw').fill('!order.cancelled && order.total >= 2000');
  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('editor-saved')).toBeVisible();
  await page.getByTestId('cond-mode').getByText('Builder').click();
  await expect(page.getByTestId('cond-row')).toHaveCount(2);
  await expect(page.getByTestId('cond-value').last()).toHaveValue('20');

  // What would the saved flow have done over the last 30 days?
  await page.getByTestId('editor-backtest-run').click();
  await expect(page.getByTestId('editor-backtest-result')).toContainText(/\d+ items?/, { timeout: 60_000 });
  await page.getByTestId('editor-backtest').scrollIntoViewIfNeeded();
  await shot('05b-editor-backtest');
  await expectNoViolations(page, 'flow editor backtest');
  await page.getByTestId('editor-back').click();
  await expect(page.getByTestId(`flow-trigger-${confirmId}`)).toContainText('order.total >= 2000');

  // Preview what would happen now.
  await page.getByTestId('automations-tab-preview').click();
  await expect(page.getByTestId('preview-idle')).toBeVisible();
  await page.getByTestId('preview-start').click();
  await expect(page.getByTestId('preview-summary')).toBeVisible({ timeout: 90_000 });
  const flowPlan = page.getByTestId(`preview-flow-${confirmId}`);
  await expect(flowPlan).toBeVisible();
  const items = flowPlan.getByTestId('preview-item');
  expect(await items.count(), 'the demo shop has orders paid in the last days').toBeGreaterThan(2);
  const frame = flowPlan.getByTestId('preview-email-frame').first();
  await expect(frame).toBeVisible();
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(page.frameLocator(`[data-testid="preview-flow-${confirmId}"] [data-testid="preview-email-frame"]`).first().locator('body')).toContainText(/\S/);
  await shot('06-preview');

  // Approve some: none, then the first two confirmations.
  await page.getByTestId('approve-none').click();
  await expect(page.getByTestId('preview-run')).toBeDisabled();
  await items.nth(0).getByTestId('preview-item-check').check({ force: true });
  await items.nth(1).getByTestId('preview-item-check').check({ force: true });
  await expect(page.getByTestId('preview-run')).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('preview-run')).toHaveText('Run 2 approved');
  await expect(page.getByTestId(`preview-flow-check-${confirmId}`)).toHaveAttribute('data-state', 'some');
  await shot('07-approved');
  await expectNoViolations(page, 'automations preview with approvals');

  await page.getByTestId('preview-run').click();
  const result = page.getByTestId('run-result');
  await expect(result).toBeVisible({ timeout: 90_000 });
  await expect(result).toContainText('Done: 2 items');
  await expect(result).toContainText('2 emails');
  await shot('08-run');
  await expectNoViolations(page, 'automations run result');

  // History: the run, with what it did.
  await page.getByTestId('automations-tab-history').click();
  const run = page.getByTestId('history-row').first();
  await expect(run).toBeVisible();
  await expect(run.getByTestId('history-done')).toHaveText('2');
  await expect(run).toContainText('2 emails');
  await shot('09-history');
  await expectNoViolations(page, 'automations history with a run');

  // The flow list shows the last run and what it did.
  await page.getByTestId('automations-tab-flows').click();
  await expect(page.getByTestId(`flow-last-${confirmId}`)).toContainText('did 2 things');
  await shot('10-flows-after-run');

  // The cancellation flow stops what the cancelled order started; stopping
  // every sequence of the customer is a choice of its own. The gallery
  // opens an installed flow instead of installing it again.
  await install(page, 'cancellation_stop');
  await page.getByTestId('template-open-cancellation_stop').click();
  await expect(page.getByTestId('flow-editor')).toBeVisible();
  await expect(page.getByTestId('editor-step-0-scope-order')).toBeChecked();
  await expect(page.getByTestId('editor-step-0-scope-customer')).not.toBeChecked();
  await expect(page.getByTestId('editor-step-0')).toContainText('The customer’s other orders carry on');
  await page.getByTestId('editor-step-0').scrollIntoViewIfNeeded();
  await shot('11-editor-stop-scope');
  await expectNoViolations(page, 'flow editor with a stop step');
  await page.getByTestId('editor-back').click();

  // The emails are in the outbox.
  await page.getByTestId('nav-outbox').click();
  await expect(page.getByTestId('outbox-page')).toBeVisible();
});
