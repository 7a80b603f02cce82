// The emails themselves, held to WCAG 2.0/2.1 A and AA like the app's
// screens. A sandboxed preview frame cannot be audited (axe never returns in
// an iframe that runs no script), so every template the seller can edit (the
// designed defaults, every other built-in flow email, the purchase order to
// a supplier) is rendered through the real bound method the template
// editor's preview uses, with sample data and with a real demo customer,
// written to test-artifacts/emails/<name>[.customer].html and checked as a
// standalone page, as a mail client shows it. Any violation fails.
// Screenshots (test-artifacts/emails/<name>.png) are for a look. The
// messages as sent (composed, a marketing email with its unsubscribe
// footer) are checked too, from the mail package's golden files.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expectHtmlFileHasNoViolations } from './axe';

const db = process.env.SHOPCLERK_E2E_DB ?? '';
const sql = (query: string) => execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).trim();

type Rendered = { template: string; subject: string; html: string; text: string };

// The bindings the dev server gives the page (frontend/wailsjs/go/app/MailSettingsService.js).
type Bound = {
  go: {
    app: {
      MailSettingsService: {
        TemplateNames(): Promise<string[]>;
        PreviewTemplate(name: string, subject: string, html: string, customerID: number): Promise<Rendered>;
      };
    };
  };
};

const templateNames = (page: Page) =>
  page.evaluate(() => (window as unknown as Bound).go.app.MailSettingsService.TemplateNames());
const preview = (page: Page, name: string, customerId: number) =>
  page.evaluate(
    ([n, id]) => (window as unknown as Bound).go.app.MailSettingsService.PreviewTemplate(n, '', '', id),
    [name, customerId] as const,
  );

test('every email template renders to an accessible standalone page', async ({ page }) => {
  test.setTimeout(240_000);
  expect(db, 'SHOPCLERK_E2E_DB names the shop file the harness started the app on').not.toBe('');
  const dir = resolve(test.info().config.rootDir, '..', '..', 'test-artifacts', 'emails');
  mkdirSync(dir, { recursive: true });

  await page.goto('/');
  await expect(page.getByTestId('dashboard')).toBeVisible();

  const names = await templateNames(page);
  // The list comes from the app, so a new template is checked without
  // touching this spec; these prove it holds every kind.
  for (const n of ['order_confirmation', 'shipping_update', 'cart_reminder', 'winback_offer', 'onboarding_de', 'purchase_order']) {
    expect(names, `the editor lists ${n}`).toContain(n);
  }

  // A real demo customer whose latest order has shipped: the preview fills
  // name, order lines, addresses and tracking from the shop.
  const customer = Number(
    sql(`SELECT c.id FROM customers c JOIN orders o ON o.customer_id = c.id JOIN shipments s ON s.order_id = o.id
         WHERE c.first_name <> '' AND c.email <> '' AND s.tracking_url <> ''
           AND o.created_at = (SELECT MAX(created_at) FROM orders WHERE email = c.email)
         ORDER BY c.id LIMIT 1`),
  );
  expect(customer, 'the demo shop has a customer with a shipped order').toBeGreaterThan(0);

  // Render everything first: checking a file replaces the page, and with
  // it the bindings.
  const files: { file: string; label: string; r: Rendered }[] = [];
  for (const name of names) {
    for (const [suffix, id] of [['', 0], ['.customer', customer]] as const) {
      const r = await preview(page, name, id);
      expect(r.html, `${name}${suffix} is a whole document`).toMatch(/^<!DOCTYPE html>/i);
      expect(r.text.trim(), `${name}${suffix} has a plain-text part`).not.toBe('');
      expect(r.text, `${name}${suffix}: the plain-text part has no markup`).not.toMatch(/<\/?[a-z][^>]*>/i);
      const file = resolve(dir, `${name}${suffix}.html`);
      writeFileSync(file, r.html);
      writeFileSync(resolve(dir, `${name}${suffix}.txt`), `Subject: ${r.subject}\n\n${r.text}\n`);
      files.push({ file, label: `email ${name}${suffix}`, r });
    }
  }

  await page.setViewportSize({ width: 720, height: 900 });
  for (const { file, label, r } of files) {
    await expectHtmlFileHasNoViolations(page, file, label);
    // What a screen reader announces first and how the document is titled.
    await expect(page.locator('html'), `${label} names its language`).toHaveAttribute('lang', /^[a-z]{2}(-[A-Z]{2})?$/);
    await expect(page, `${label} is titled by its subject`).toHaveTitle(r.subject);
    await page.screenshot({ path: file.replace(/\.html$/, '.png'), fullPage: true });
  }
});

/** The text/html part of a composed message, quoted-printable decoded. */
function htmlPart(eml: string): string {
  const part = eml.split(/\r?\n--BOUNDARY/).find((p) => /Content-Type: text\/html/i.test(p.split(/\r?\n\r?\n/)[0]));
  if (!part) throw new Error('no text/html part');
  const body = part.slice(part.search(/\r?\n\r?\n/)).replace(/^\s+/, '');
  const qp = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < qp.length; i++) {
    if (qp[i] === '=' && /^[0-9A-F]{2}$/.test(qp.slice(i + 1, i + 3))) {
      bytes.push(parseInt(qp.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(qp[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

// Compose adds to a marketing email what the preview does not show: the
// unsubscribe footer, outside the white card. backend/mail's golden files
// are Compose's output for every designed template (its Go test keeps them
// so), so what a customer receives is held to the same rules.
test('the emails as sent, with the unsubscribe footer, are accessible too', async ({ page }) => {
  const root = resolve(test.info().config.rootDir, '..', '..');
  const golden = resolve(root, 'backend', 'mail', 'testdata');
  const dir = resolve(root, 'test-artifacts', 'emails', 'sent');
  mkdirSync(dir, { recursive: true });
  await page.setViewportSize({ width: 720, height: 900 });
  const names = readdirSync(golden).filter((f) => f.endsWith('.eml'));
  expect(names).toContain('winback.eml');
  let footers = 0;
  for (const eml of names) {
    const html = htmlPart(readFileSync(resolve(golden, eml), 'utf8'));
    expect(html, `${eml} is a whole document`).toMatch(/^<!DOCTYPE html>[\s\S]*<\/html>\s*$/i);
    if (html.includes('>Unsubscribe</a>')) footers++;
    const file = resolve(dir, eml.replace(/\.eml$/, '.html'));
    writeFileSync(file, html);
    await expectHtmlFileHasNoViolations(page, file, `sent ${eml}`);
    await page.screenshot({ path: file.replace(/\.html$/, '.png'), fullPage: true });
  }
  expect(footers, 'the marketing emails carry the unsubscribe footer').toBeGreaterThan(0);
});
