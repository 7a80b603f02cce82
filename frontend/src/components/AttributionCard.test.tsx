import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Attribution } from '../api';
import { renderWithProviders } from '../test/render';
import { AttributionCard } from './AttributionCard';

const { attribution } = vi.hoisted(() => ({ attribution: vi.fn() }));

vi.mock('../api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api')>();
  return { ...real, coupons: { ...real.coupons, attribution } };
});

const eur = (amount: number) => [{ amount, currency: 'EUR' }];
const totals = { sent: 30, redeemed: 3, shared: 0, revenue: eur(9000), cartsRecovered: 1, cartRevenue: eur(4000) };

describe('AttributionCard', () => {
  it('names a campaign by its name and links each row to where it is edited', async () => {
    attribution.mockResolvedValue({
      currency: 'EUR',
      recoveryDays: 7,
      totals,
      weeks: [],
      sources: [
        { flowId: 2, campaignId: 0, name: 'Cart reminders', sent: 20, redeemed: 1, shared: 0, revenue: eur(4000), cartsRecovered: 1, cartRevenue: eur(4000), steps: [] },
        { flowId: 0, campaignId: 7, name: 'Spring sale', sent: 10, redeemed: 2, shared: 0, revenue: eur(5000), cartsRecovered: 0, cartRevenue: [], steps: [] },
      ],
    } satisfies Attribution);
    renderWithProviders(<AttributionCard />);
    const rows = await screen.findAllByTestId('attribution-source');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]).getByRole('link', { name: 'Cart reminders' })).toHaveAttribute('href', '/automations/flow/2');
    const campaign = within(rows[1]).getByRole('link', { name: 'Spring sale' });
    expect(campaign).toHaveAttribute('href', '/campaigns');
    // The figures sit under their headings, right-aligned.
    const cells = within(rows[1]).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(['Spring sale', '10', '2', '€50.00', '0', '0']);
    expect(screen.getByRole('columnheader', { name: 'Flow or campaign' })).toBeInTheDocument();
  });
});
