// Ready-made flows on the Automations screen, for the specs that need one
// in a given state. A ready-made flow is installed once: another spec on the
// same shop may have installed it already, and then that one is used.
import { expect, type Page } from '@playwright/test';

// installFlow returns the id of the ready-made flow key, installed if it was
// not, and switched on or off as asked. It looks at rows only once the list
// has loaded: looked at while loading, an existing flow looked missing.
export async function installFlow(page: Page, key: string, on: boolean): Promise<string> {
  await expect(page.getByTestId('flows-loading')).toHaveCount(0);
  const rows = page.locator(`[data-testid^="flow-row-"][data-template="${key}"]`);
  if ((await rows.count()) === 0) {
    await page.getByTestId(`template-install-${key}`).click();
    await expect(rows).toHaveCount(1);
  }
  const id = (await rows.first().getAttribute('data-testid'))!.replace(/^flow-row-/, '');
  if (((await rows.first().getAttribute('data-enabled')) === 'true') !== on) {
    await page.getByTestId(`flow-switch-${id}`).click({ force: true });
    await expect(page.getByTestId(`flow-row-${id}`)).toHaveAttribute('data-enabled', String(on));
  }
  return id;
}
