import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Plan, SKUPlan } from '../../api/inventory';
import { renderWithProviders } from '../../test/render';
import InventoryPage from './index';

const { plan } = vi.hoisted(() => ({ plan: vi.fn() }));

vi.mock('../../api/inventory', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/inventory')>();
  return { ...real, inventory: { ...real.inventory, plan } };
});

const row = (sku: string, skuGenerated: boolean): SKUPlan =>
  ({
    sku,
    skuGenerated,
    title: `Title ${sku}`,
    levels: [],
    onHand: 3,
    committed: 0,
    available: 3,
    incoming: 0,
    forecast: { perDay: 0.5 },
    decision: null,
    supplierId: null,
    supplierName: '',
    supplierSku: '',
    unitCost: 0,
    currency: 'EUR',
    suggest: 0,
    flags: [],
    onDraft: false,
    orderOnce: false,
    snoozeUntil: null,
  }) as unknown as SKUPlan;

describe('the reorder table', () => {
  it('shows the "no SKU" badge from the row\'s skuGenerated flag, not from a leading "~"', async () => {
    plan.mockResolvedValue({
      policy: { serviceLevel: 0.95, reviewDays: 7 },
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
      generatedAt: '2026-03-01T09:00:00Z',
      items: [row('~linen-apron/Blue/M', true), row('~real-sku', false), row('MUG-1', false)],
      atRisk: 0,
      due: 0,
    } as unknown as Plan);
    renderWithProviders(<InventoryPage />);

    const generated = await screen.findByTestId('reorder-row-~linen-apron/Blue/M');
    expect(within(generated).getByTestId('no-sku-badge')).toBeTruthy();
    // A real SKU that starts with "~" is the seller's own: no badge.
    expect(within(screen.getByTestId('reorder-row-~real-sku')).queryByTestId('no-sku-badge')).toBeNull();
    expect(within(screen.getByTestId('reorder-row-MUG-1')).queryByTestId('no-sku-badge')).toBeNull();
    expect(screen.getAllByTestId('no-sku-badge')).toHaveLength(1);
  });

  it('counts in words that agree with the number: "1 SKU to reorder", "every 1 day"', async () => {
    plan.mockResolvedValue({
      policy: { serviceLevel: 0.95, reviewDays: 1 },
      currency: 'EUR',
      timeZone: 'Europe/Berlin',
      generatedAt: '2026-03-01T09:00:00Z',
      items: [row('MUG-1', false)],
      atRisk: 1,
      due: 1,
    } as unknown as Plan);
    renderWithProviders(<InventoryPage />);
    const summary = await screen.findByText(/to reorder/);
    expect(summary.textContent).toContain('1 SKU to reorder');
    expect(summary.textContent).toContain('an order every 1 day;');
  });
});
