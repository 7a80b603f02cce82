import { screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import type { CouponPage, CouponRow } from '../../api';
import { renderWithProviders } from '../../test/render';
import CouponsPage from './index';

const { list } = vi.hoisted(() => ({ list: vi.fn() }));

vi.mock('../../api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api')>();
  return { ...real, coupons: { ...real.coupons, list } };
});

const row = (over: Partial<CouponRow>): CouponRow => ({
  id: 1,
  code: 'SC-7KQ2-MX9P',
  flowId: 3,
  flowName: 'Win-back',
  campaignId: 0,
  customerId: 9,
  customerName: 'Ana Lima',
  email: 'ana@example.com',
  value: '',
  percentOff: 10,
  amountOff: 0,
  currency: 'EUR',
  freeShipping: false,
  issuedAt: '2026-03-01T10:00:00Z',
  expiresAt: '2026-03-31T10:00:00Z',
  status: 'issued',
  orderId: 0,
  orderName: '',
  redeemedAt: undefined,
  shared: false,
  pooled: false,
  ...over,
});

const page = (rows: CouponRow[], pool: Partial<CouponPage['pool']> = {}): CouponPage => ({
  rows,
  total: rows.length,
  counts: { issued: 1, redeemed: 1 },
  pool: { active: false, free: 0, used: 0, warnBelow: 50, low: false, ...pool },
});

async function violations(container: HTMLElement) {
  const result = await axe.run(container, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe('CouponsPage', () => {
  it('lists codes with their order, marks a shared one and warns when the pool runs low', async () => {
    list.mockResolvedValue(
      page(
        [row({}), row({ id: 2, code: 'SC-AAAA-BBBB', status: 'redeemed', orderId: 5, orderName: '#1005', redeemedAt: '2026-03-04T10:00:00Z', shared: true })],
        { active: true, free: 3, used: 40, low: true },
      ),
    );
    const { container } = renderWithProviders(<CouponsPage />, { route: '/coupons?status=redeemed' });
    await waitFor(() => expect(screen.getAllByTestId('coupon-row')).toHaveLength(2));
    expect(list).toHaveBeenCalledWith(expect.objectContaining({ status: 'redeemed', limit: 50, offset: 0 }));
    expect(screen.getAllByTestId('coupon-order')[1]).toHaveTextContent('#1005');
    expect(screen.getByText('Shared')).toBeInTheDocument();
    expect(screen.getAllByTestId('coupon-status').map((b) => b.textContent)).toEqual(['Issued', 'Redeemed']);
    expect(screen.getByTestId('coupons-pool-low')).toHaveTextContent('3 codes left');
    expect(screen.getByTestId('coupons-total')).toHaveTextContent('2 coupons');
    expect(await violations(container)).toEqual([]);
  });
});
