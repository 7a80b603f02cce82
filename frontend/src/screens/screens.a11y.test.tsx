// The welcome and open-error screens appear only without a working shop,
// which the end-to-end harness (always on a demo shop) never shows: axe
// checks them here, in jsdom. Contrast needs a real layout and is left to
// the browser checks; the colours come from the same theme tokens.
import { screen } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { emptyShopIdentity } from '../api/shop';
import { renderWithProviders } from '../test/render';
import { OpenErrorScreen, StatusErrorScreen } from './OpenErrorScreen';
import { WelcomeScreen } from './WelcomeScreen';

vi.mock('../api/shop', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api/shop')>();
  return { ...real, shop: { ...real.shop, identity: vi.fn(async () => real.emptyShopIdentity) } };
});

async function violations(container: HTMLElement): Promise<string[]> {
  const result = await axe.run(container, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe('screens without a shop', () => {
  it('the welcome screen has no WCAG A/AA violations', async () => {
    const { container } = renderWithProviders(<WelcomeScreen path="/home/seller/shop.db" onSkip={() => {}} />);
    // With the shop's form (a new shop is asked who it is) and the import waiting for it.
    await screen.findByTestId('welcome-shop-form');
    expect(screen.getByTestId('welcome-import')).toBeDisabled();
    expect(emptyShopIdentity.name).toBe('');
    expect(await violations(container)).toEqual([]);
  });

  it('the open-error screen has no WCAG A/AA violations', async () => {
    const { container } = renderWithProviders(
      <OpenErrorScreen openError="shop.db is in use by another program" path="/home/seller/shop.db" />,
    );
    expect(await violations(container)).toEqual([]);
  });

  it('the status-error screen has no WCAG A/AA violations', async () => {
    const { container } = renderWithProviders(<StatusErrorScreen error={new Error('timeout')} onRetry={() => {}} />);
    expect(await violations(container)).toEqual([]);
  });
});
