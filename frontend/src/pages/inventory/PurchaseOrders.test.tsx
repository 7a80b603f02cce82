import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PurchaseOrder } from '../../api/inventory';
import { renderWithProviders } from '../../test/render';
import { historyOf } from './POHistory';
import { PurchaseOrders } from './PurchaseOrders';

const { orders, receive, setStatus } = vi.hoisted(() => ({ orders: vi.fn(), receive: vi.fn(), setStatus: vi.fn() }));

vi.mock('../../api/inventory', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/inventory')>();
  return { ...real, inventory: { ...real.inventory, orders, receive, setStatus } };
});

const sentAt = '2026-03-01T09:00:00Z';
const po = (extra: Partial<PurchaseOrder>): PurchaseOrder => ({
  id: 3,
  number: 'PO-000003',
  supplierId: 1,
  supplierName: 'Potter & Co',
  supplierEmail: 'orders@potter.test',
  status: 'partly_received',
  currency: 'EUR',
  note: '',
  location: '',
  messageId: '<po-3@test>',
  createdAt: sentAt,
  sentAt,
  expectedAt: '2026-03-13T09:00:00Z',
  lines: [
    { sku: 'MUG', supplierSku: 'P-1', title: 'Mug', variantTitle: '', quantity: 60, receivedQty: 20, unitCost: 350 },
    { sku: 'PLATE', supplierSku: 'P-2', title: 'Plate', variantTitle: '', quantity: 12, receivedQty: 0, unitCost: 250 },
  ],
  receipts: [{ sku: 'MUG', quantity: 20, location: 'Warehouse', at: '2026-03-06T10:00:00Z' }],
  total: 60 * 350 + 12 * 250,
  ...extra,
});

const arrived = (sku: string) => screen.getByTestId(`po-arrived-PO-000003-${sku}`);

describe('receiving a purchase order line by line', () => {
  beforeEach(() => {
    orders.mockReset();
    receive.mockReset();
    setStatus.mockReset();
  });

  it('books in per line what arrived, refuses negatives and warns above what is open', async () => {
    orders.mockResolvedValue([po({})]);
    receive.mockResolvedValue(po({}));
    renderWithProviders(<PurchaseOrders />);
    const book = await screen.findByTestId('po-book-in-PO-000003');
    expect((book as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(arrived('MUG'), { target: { value: '-2' } });
    expect(await screen.findByText('Cannot be negative')).toBeTruthy();
    expect((book as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(arrived('MUG'), { target: { value: '45' } });
    expect(await screen.findByTestId('po-arrived-warn-PO-000003-MUG')).toBeTruthy();
    expect(screen.getByTestId('po-arrived-warn-PO-000003-MUG').textContent).toBe('More than the 40 still open');
    expect(screen.queryByText('Cannot be negative')).toBeNull();
    fireEvent.change(arrived('PLATE'), { target: { value: '5' } });
    await waitFor(() => expect((book as HTMLButtonElement).disabled).toBe(false));
    expect(book.textContent).toBe('Book in 50 units');

    fireEvent.click(book);
    await waitFor(() => expect(receive).toHaveBeenCalledTimes(1));
    expect(receive).toHaveBeenCalledWith(3, '', [
      { sku: 'MUG', quantity: 45 },
      { sku: 'PLATE', quantity: 5 },
    ]);
  });

  it('closes a partly received order short after saying what will not come', async () => {
    orders.mockResolvedValue([po({})]);
    setStatus.mockResolvedValue(po({ status: 'closed_short', closedAt: '2026-03-16T09:00:00Z' }));
    renderWithProviders(<PurchaseOrders />);
    fireEvent.click(await screen.findByTestId('po-close-short-PO-000003'));
    const confirm = screen.getByTestId('po-close-confirm-PO-000003');
    expect(confirm.textContent).toContain('40 × MUG, 12 × PLATE will not come');
    fireEvent.click(within(confirm).getByTestId('po-close-short-yes-PO-000003'));
    await waitFor(() => expect(setStatus).toHaveBeenCalledWith(3, 'closed_short'));
  });

  it('offers no cancel once goods have arrived, and no inputs once closed', async () => {
    orders.mockResolvedValue([po({ status: 'closed_short', closedAt: '2026-03-16T09:00:00Z' })]);
    renderWithProviders(<PurchaseOrders />);
    const card = await screen.findByTestId('po-PO-000003');
    expect(within(card).queryByText('Cancel')).toBeNull();
    expect(within(card).queryByTestId('po-arrived-PO-000003-MUG')).toBeNull();
    expect(within(card).getByTestId('po-received-PO-000003-MUG').textContent).toBe('20 (40 short)');
  });

  it('tells the history: sent, each booking-in, closed short with what never came', () => {
    const p = po({
      status: 'closed_short',
      closedAt: '2026-03-16T09:00:00Z',
      lines: [
        { sku: 'MUG', supplierSku: '', title: 'Mug', variantTitle: '', quantity: 60, receivedQty: 65, unitCost: 350 },
        { sku: 'PLATE', supplierSku: '', title: 'Plate', variantTitle: '', quantity: 12, receivedQty: 0, unitCost: 250 },
      ],
      receipts: [
        { sku: 'MUG', quantity: 20, location: 'Warehouse', at: '2026-03-06T10:00:00Z' },
        { sku: 'MUG', quantity: 45, location: 'Warehouse', at: '2026-03-16T08:00:00Z' },
      ],
    });
    expect(historyOf(p).map((e) => e.text)).toEqual([
      'Drafted',
      expect.stringMatching(/^Sent to Potter & Co, expected /),
      'Received 20 × MUG into Warehouse',
      'Received 45 × MUG into Warehouse',
      'Closed short: 12 × PLATE never came',
    ]);
  });
});
