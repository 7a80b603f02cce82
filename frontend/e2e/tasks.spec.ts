// Tasks and holds end to end on the demo shop, through the real Go
// bindings: an order a flow held for review with its review task and a
// reply task from the inbox (seeded in the shop file, as the engine and the
// inbox write them); the navigation's count, the Tasks screen, filtering by
// kind, snoozing and ticking off a task, and Release, which releases the
// order and ticks off its review task; the order page then says released.
// Every state is axe-checked in the light and the dark theme, with
// screenshots.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectNoViolations } from './axe';
import { setUpMailAccount } from './mailAccount';

type Theme = 'light' | 'dark';

const db = process.env.SHOPCLERK_E2E_DB ?? '';
const sql = (query: string) => execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();

function shooter(page: Page, info: TestInfo, theme: Theme) {
  const dir = resolve(info.config.rootDir, '..', '..', 'test-artifacts');
  mkdirSync(dir, { recursive: true });
  return async (name: string) => {
    await expectNoViolations(page, `tasks ${theme} ${name}`);
    await page.screenshot({ path: resolve(dir, `tasks-${theme}-${name}.png`), fullPage: true });
  };
}

/** Holds one order (a different one per theme) with its review task, and
 * adds a reply task; returns the held order's id and name. */
function seed(theme: Theme): { id: string; name: string } {
  const row = sql(`SELECT id || '|' || name FROM orders WHERE id NOT IN (SELECT order_id FROM rule_holds)
                   AND customer_id IS NOT NULL ORDER BY id DESC LIMIT 1`);
  const [id, name] = row.split('|');
  const at = "CAST(strftime('%s', '2026-03-01 07:30:00') AS INTEGER)";
  sql(`INSERT INTO rule_holds (order_id, at, reason, ledger_key) VALUES (${id}, ${at}, 'High-risk order (e2e ${theme})', 'e2e-${theme}/order/${id}/0');
       INSERT INTO tasks (title, detail, customer_id, order_id, status, created_at, ledger_key)
         SELECT 'Review order ' || name || ' before confirming', 'Risk check: billing and shipping countries differ.', customer_id, id, 'open', ${at}, 'e2e-${theme}/order/${id}/1'
         FROM orders WHERE id = ${id};
       INSERT INTO tasks (title, detail, customer_id, status, created_at, ledger_key)
         SELECT 'Reply from ' || email || ': Do you ship to Norway? (${theme})', 'Hello, do you ship to Norway?', id, 'open', ${at}, 'inbox/reply/<e2e-${theme}-${id}@customer.test>'
         FROM customers WHERE id = (SELECT customer_id FROM orders WHERE id = ${id});`);
  return { id, name };
}

for (const theme of ['light', 'dark'] as const) {
  test(`tasks and holds: filter, snooze, done, release (${theme})`, async ({ page }, info) => {
    test.setTimeout(180_000);
    expect(db, 'SHOPCLERK_E2E_DB names the shop file the harness started the app on').not.toBe('');
    const held = seed(theme);
    const shot = shooter(page, info, theme);
    await page.addInitScript((t) => localStorage.setItem('shopclerk-color-scheme', t), theme);
    await page.goto('/');
    await expect(page.getByTestId('dashboard')).toBeVisible();
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-scheme', theme);
    await expect(page.getByTestId('dash-tasks-held-value')).not.toHaveText('0');
    await expect(page.getByTestId('nav-tasks-count')).toBeVisible();

    await page.getByTestId('nav-tasks').click();
    await expect(page.getByTestId('tasks-page')).toBeVisible();
    const heldRow = page.locator(`[data-testid="held-row"][data-order="${held.name}"]`);
    await expect(heldRow).toBeVisible();
    const reply = page.getByTestId('task-row').filter({ hasText: `Do you ship to Norway? (${theme})` });
    const review = page.getByTestId('task-row').filter({ hasText: `Review order ${held.name} before confirming` });
    await expect(reply).toHaveAttribute('data-kind', 'reply');
    await expect(review).toHaveAttribute('data-kind', 'review');
    await expect(review).toContainText('(held)');
    await shot('01-open');

    // Only replies: the review task leaves the list.
    await page.getByTestId('tasks-kind').click();
    await page.getByRole('option', { name: 'Reply needed' }).click();
    await expect(reply).toBeVisible();
    await expect(review).toHaveCount(0);
    await expect(page.locator('[data-testid="task-row"]:not([data-kind="reply"])')).toHaveCount(0);

    // Snooze the reply for a day: it moves to Snoozed.
    await reply.getByTestId('task-snooze').click();
    await expect(page.getByRole('option', { name: 'For a day' })).toBeVisible();
    await shot('02-snooze-menu');
    await page.getByRole('option', { name: 'For a day' }).click();
    await expect(reply).toHaveCount(0);
    await page.getByTestId('tasks-state').getByText(/^Snoozed/).click();
    await expect(reply).toHaveAttribute('data-state', 'snoozed');
    await expect(reply).toContainText('snoozed until');

    // Done from the snoozed list: it is on the Done list.
    await reply.getByTestId('task-done').click();
    await expect(reply).toHaveCount(0);
    await page.getByTestId('tasks-state').getByText(/^Done/).click();
    await expect(reply).toHaveAttribute('data-state', 'done');
    await shot('03-done');

    // The navigation entry opens the open list of every kind: Release the
    // held order.
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('nav-tasks').click();
    await expect(review).toBeVisible();
    await heldRow.getByTestId('held-release').click();
    await expect(heldRow.getByTestId('held-released')).toBeVisible();
    await expect(review).toHaveCount(0);
    expect(sql(`SELECT released_at IS NOT NULL FROM rule_holds WHERE order_id = ${held.id}`)).toBe('1');
    expect(sql(`SELECT status FROM tasks WHERE ledger_key = 'e2e-${theme}/order/${held.id}/1'`)).toBe('done');
    await shot('04-released');

    // The order page says it was held and released.
    await heldRow.getByRole('link', { name: held.name }).click();
    await expect(page.getByTestId('order-hold-released')).toBeVisible();
    await shot('05-order');
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`FAQ answers: refused with the line, saved, tried (${theme})`, async ({ page }, info) => {
    test.setTimeout(120_000);
    const shot = shooter(page, info, theme);
    await page.addInitScript((t) => localStorage.setItem('shopclerk-color-scheme', t), theme);
    await page.goto('/#/settings/answers');
    await expect(page.getByTestId('settings-answers')).toBeVisible();
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-scheme', theme);
    const topic = `Returns ${theme}`;
    await page.getByTestId('answers-add').click();
    const card = page.getByTestId('answer-card').last();
    await card.getByTestId('answer-topic').fill(topic);
    await card.getByTestId('answer-lang').fill('de');
    await card.getByTestId('answer-keywords').fill(`zurückschicken ${theme}, rücksendung ${theme}`);
    await card.getByTestId('answer-text').fill('Hallo {{.Customer.FirstName}},\n\nja, 30 Tage.\n{{.Customer.Nickname}}');
    await card.getByTestId('answer-save').click();
    await expect(card.getByTestId('answer-error')).toContainText('line 4');
    await shot('11-answer-refused');
    await card.getByTestId('answer-text').fill('Hallo {{.Customer.FirstName}},\n\nja, innerhalb von 30 Tagen.');
    await card.getByTestId('answer-save').click();
    await expect(page.locator(`[data-testid="answer-card"][data-topic="${topic}"]`)).toBeVisible();
    expect(sql(`SELECT COUNT(*) FROM faq_texts t JOIN faq_answers a ON a.id = t.faq_id WHERE a.topic = '${topic}' AND t.lang = 'de'`)).toBe('1');

    await page.getByTestId('answers-try').fill(`Kann ich die Tasse zurückschicken ${theme}?`);
    await page.getByTestId('answers-try-run').click();
    await expect(page.getByTestId('answers-try-result')).toContainText(topic);
    await expect(page.getByTestId('answers-try-result')).toContainText('innerhalb von 30 Tagen');
    await shot('12-answer-tried');
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`FAQ draft edited and approved; a held order in the Orders list (${theme})`, async ({ page }, info) => {
    test.setTimeout(120_000);
    const shot = shooter(page, info, theme);
    // A reply draft as the inbox writes it for a matched answer.
    const mid = `<faq-e2e-${theme}@shop.test>`;
    sql(`INSERT INTO messages (message_id, kind, to_addr, subject, text, status, created_at, template, ledger_key)
         VALUES ('${mid}', 'transactional', 'ann@customer.test', 'Re: Rücksendung ${theme}', 'Hallo Ann,\n\nja, 30 Tage.\n', 'draft',
                 CAST(strftime('%s', '2026-03-01 08:00:00') AS INTEGER), 'faq_reply', 'inbox/faq/${mid}')`);
    const id = sql(`SELECT id FROM messages WHERE message_id = '${mid}'`);
    // And one more order held, for the list.
    const held = seed(theme);

    await page.addInitScript((t) => localStorage.setItem('shopclerk-color-scheme', t), theme);
    await page.goto('/#/orders');
    await expect(page.getByTestId('theme-toggle')).toHaveAttribute('data-scheme', theme);
    await page.getByText('Held for review', { exact: true }).click();
    const row = page.locator('tr', { hasText: held.name }).first();
    await expect(row.getByTestId('order-held-badge')).toBeVisible();
    await shot('21-orders-held');

    // Approving needs the shop's mail account (test mode: it all goes to the seller).
    await setUpMailAccount(page);
    await page.getByTestId('nav-outbox').click();
    await page.getByTestId('outbox-status').getByText(/^To approve/).click();
    await page.getByTestId(`outbox-row-${id}`).click();
    const editor = page.getByTestId('draft-editor');
    await expect(editor).toBeVisible();
    await editor.getByTestId('draft-text').fill('Hallo Ann,\n\nja, innerhalb von 30 Tagen, kostenlos.');
    await shot('22-draft-edited');
    await editor.getByTestId('draft-save').click();
    await expect.poll(() => sql(`SELECT text FROM messages WHERE id = ${id}`)).toContain('kostenlos');
    await page.getByRole('button', { name: 'Approve and queue' }).click();
    await expect.poll(() => sql(`SELECT status FROM messages WHERE id = ${id}`)).toBe('queued');
    // Leave the shop as the other specs expect it: nothing new to send, nothing held.
    sql(`UPDATE messages SET status = 'cancelled' WHERE id = ${id};
         UPDATE rule_holds SET released_at = CAST(strftime('%s', '2026-03-01 09:00:00') AS INTEGER) WHERE order_id = ${held.id};`);
  });
}
