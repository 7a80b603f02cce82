import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Dashboard } from '../api';
import type { Plan } from '../api/inventory';
import { renderWithProviders } from '../test/render';
import { DashboardView } from './DashboardPage';

const { plan } = vi.hoisted(() => ({ plan: vi.fn() }));

vi.mock('../api/inventory', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api/inventory')>();
  return { ...real, inventory: { ...real.inventory, plan } };
});

const days = Array.from({ length: 30 }, (_, i) => ({ day: `2026-02-${String((i % 28) + 1).padStart(2, '0')}`, orders: 1, revenue: 1000 }));
const low = (sku: string, reorderPoint: number | null) => ({
  sku,
  location: 'Main warehouse',
  onHand: 2,
  committed: 0,
  available: 2,
  incoming: 0,
  stocked: true,
  updatedAt: '2026-03-01T09:00:00Z',
  title: `Title ${sku}`,
  reorderPoint,
  supplier: '',
  skuGenerated: false,
});

const dashboard = {
  currency: 'EUR',
  todayRevenue: 0,
  todayOrders: 0,
  lowStock: [low('MUG-1', null), low('CUP-2', 4), low('BOWL-3', null)],
  lowStockCount: 3,
  abandonedCarts: 0,
  abandonedValue: 0,
  outboxWaiting: 0,
  last30Days: days,
  totalOrders: 30,
  totalCustomers: 10,
  shipmentsByStatus: {},
} as unknown as Dashboard;

describe('dashboard low stock', () => {
  it('shows the reorder point the Inventory screen shows (the plan’s decision)', async () => {
    plan.mockResolvedValue({
      items: [
        { sku: 'MUG-1', decision: { reorderPoint: 12 } },
        { sku: 'CUP-2', decision: { reorderPoint: 4 } },
        { sku: 'BOWL-3', decision: null },
      ],
    } as unknown as Plan);
    renderWithProviders(<DashboardView d={dashboard} now="2026-03-01T09:00:00Z" />);
    await waitFor(() => expect(screen.getAllByTestId('low-stock-reorder-at').map((c) => c.textContent)).toEqual(['12', '4', '—']));
  });
});
