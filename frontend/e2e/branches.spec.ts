// Branches in flows end to end (issue 17), through the real Go bindings on
// the demo shop: a flow gains a yes/no split in the editor, an empty branch
// is refused naming its step, both branches get their steps, the tree is
// drawn as two columns labelled Yes and No, axe-clean in both themes; then
// the preview says who goes down which branch and why, and after a run the
// flow page counts what each branch did.
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectNoViolations } from './axe';

async function installHighValue(page: Page): Promise<string> {
  await expect(page.getByTestId('flows-loading')).toHaveCount(0);
  const rows = page.locator('[data-testid^="flow-row-"][data-template="high_value"]');
  if ((await rows.count()) === 0) {
    await page.getByTestId('template-install-high_value').click();
    await expect(rows).toHaveCount(1);
  }
  return (await rows.first().getAttribute('data-testid'))!.replace(/^flow-row-/, '');
}

test('a yes/no split built in the editor, drawn as a tree, previewed with its reasons', async ({ page }, info) => {
  test.setTimeout(360_000);
  const dir = resolve(info.config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  const shot = async (name: string, full = true) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: resolve(dir, `branches-${name}.png`), fullPage: full });
  };

  await page.addInitScript(() => localStorage.setItem('shopclerk-color-scheme', 'light'));
  await page.goto('/');
  await page.getByTestId('nav-automations').click();
  await expect(page.getByTestId('automations-page')).toBeVisible();
  const id = await installHighValue(page);
  await page.getByTestId(`flow-edit-${id}`).click();
  await expect(page.getByTestId('flow-editor')).toBeVisible();

  // Every paid order goes through; the split decides what it gets.
  await page.getByTestId('cond-mode').getByText('Expression').click();
  await page.getByTestId('cond-raw').fill('');
  await page.getByTestId('editor-name').fill('Paid order: thank big orders, tag small ones');

  // Add the split from the keyboard: focus "Add a step", open with Enter.
  await page.getByTestId('editor-add-step').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('editor-add-split').click();
  await expect(page.getByTestId('editor-br1y-label')).toHaveText('Yes');
  await expect(page.getByTestId('editor-br1n-label')).toHaveText('No');
  await page.getByTestId('step-1-when-mode').getByText('Expression').click();
  await page.getByTestId('step-1-when-raw').fill('order.total >= 5000');

  // Yes: a thank-you email.
  await page.getByTestId('editor-br1y-add-step').click();
  await page.getByTestId('editor-br1y-add-send_email').click();
  await page.getByTestId('editor-br1y-step-0-subject').fill('Thank you for your order, {{.Customer.FirstName}}');
  await page.getByTestId('editor-br1y-step-0-template').click();
  await page.getByRole('option', { name: /order confirmation/i }).first().click();

  // No stays empty: refused on save, naming the split.
  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('editor-problems')).toContainText('Step 2: the No branch has no steps');
  await shot('01-empty-branch-refused');

  // No: tag the customer.
  await page.getByTestId('editor-br1n-add-step').click();
  await page.getByTestId('editor-br1n-add-add_tag').click();
  await page.getByTestId('editor-br1n-step-0-tag').fill('small-order');
  await page.getByTestId('editor-save').click();
  await expect(page.getByTestId('editor-saved')).toBeVisible();

  // The tree: two columns side by side under the split.
  const yes = page.getByTestId('editor-br1y-branch');
  const no = page.getByTestId('editor-br1n-branch');
  await expect(yes).toHaveAttribute('aria-label', 'Yes branch of step 2');
  await expect(yes.getByTestId('editor-br1y-step-0')).toContainText('Send an email');
  await expect(no.getByTestId('editor-br1n-step-0')).toContainText('Add a tag');
  const [y, n] = [await yes.boundingBox(), await no.boundingBox()];
  expect(y && n && n.x > y.x + y.width / 2 && Math.abs(n.y - y.y) < 4).toBeTruthy();
  await shot('02-tree-light');
  await expectNoViolations(page, 'flow editor with a yes/no split (light)');

  // Moving a step to the other branch and back, from its menu.
  await page.getByTestId('editor-br1n-step-0-menu').click();
  await page.getByTestId('editor-br1n-step-0-other-side').click();
  await expect(yes.getByTestId('editor-br1y-step-1')).toContainText('Add a tag');
  await page.getByTestId('editor-br1y-step-1-menu').click();
  await page.getByTestId('editor-br1y-step-1-other-side').click();
  await expect(no.getByTestId('editor-br1n-step-0')).toContainText('Add a tag');

  await page.getByTestId('theme-toggle').click();
  await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-scheme', 'dark');
  await shot('03-tree-dark');
  await expectNoViolations(page, 'flow editor with a yes/no split (dark)');
  await page.getByTestId('theme-toggle').click();

  // Switch it on and preview: who goes where, and why.
  await page.getByTestId('editor-back').click();
  await page.getByTestId(`flow-switch-${id}`).click({ force: true });
  await expect(page.getByTestId(`flow-row-${id}`)).toHaveAttribute('data-enabled', 'true');
  await page.getByTestId('automations-tab-preview').click();
  await page.getByTestId('preview-start').click();
  await expect(page.getByTestId('preview-summary')).toBeVisible({ timeout: 90_000 });
  const plan = page.getByTestId(`preview-flow-${id}`);
  const choices = plan.getByTestId('preview-branch-choice');
  await expect(choices.first()).toBeVisible();
  await expect(plan.getByTestId(`preview-branches-${id}`)).toContainText(/order\.total >= 5000 (holds|does not hold)/);
  await expect(plan.getByTestId('preview-item-branch').first()).toContainText(/step 2 › (Yes|No) › step 1/);
  await plan.scrollIntoViewIfNeeded();
  await shot('04-preview-branches', false);
  await expectNoViolations(page, 'preview with branch choices');

  // Run what this flow planned; the flow page then counts per branch.
  await page.getByTestId('approve-none').click();
  const checks = plan.getByTestId('preview-item-check');
  for (let i = 0; i < (await checks.count()); i++) await checks.nth(i).check({ force: true });
  await page.getByTestId('preview-run').click();
  await expect(page.getByTestId('run-result')).toBeVisible({ timeout: 90_000 });
  await page.getByTestId('automations-tab-flows').click();
  await page.getByTestId(`flow-edit-${id}`).click();
  await expect(page.getByTestId('editor-br1y-people')).toHaveText(/\d+ (person|people)/);
  await expect(page.getByTestId('editor-br1n-people')).toHaveText(/\d+ (person|people)/);
  await expect(page.getByTestId('editor-br1y-step-0-stats')).toHaveText(/So far: \d+ emails? sent/);
  await expect(page.getByTestId('editor-br1n-step-0-stats')).toHaveText(/So far: done \d+ times?/);
  await shot('05-tree-with-counts');
  await expectNoViolations(page, 'flow editor with branch counts');
});
