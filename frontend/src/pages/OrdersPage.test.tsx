import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Link, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderPage, PageRequest } from '../api';
import { resetTableState } from '../components/DataTable';
import { renderWithProviders } from '../test/render';
import { OrdersPage } from './OrdersPage';

const { listOrders } = vi.hoisted(() => ({ listOrders: vi.fn() }));

vi.mock('../api/shop', async (importOriginal) => {
  const real = await importOriginal<typeof import('../api/shop')>();
  return { ...real, shop: { ...real.shop, listOrders } };
});

const TOTAL = 120;

function fakePage(req: PageRequest): OrderPage {
  const n = Math.max(0, Math.min(req.limit, TOTAL - req.offset));
  return {
    total: TOTAL,
    rows: Array.from({ length: n }, (_, i) => {
      const k = req.offset + i;
      return {
        id: k + 1,
        name: `#${1001 + k}`,
        email: `buyer${k}@example.com`,
        customerName: `Buyer ${k}`,
        createdAt: '2026-02-27T10:00:00Z',
        financialStatus: 'paid',
        fulfillmentStatus: 'unfulfilled',
        total: { amount: 1000 + k, currency: 'EUR' },
        items: 1,
        cancelled: false,
        held: false,
      };
    }),
  };
}

function lastReq(): PageRequest {
  return listOrders.mock.calls[listOrders.mock.calls.length - 1][0];
}

function renderOrders() {
  return renderWithProviders(
    <Routes>
      <Route path="/orders" element={<OrdersPage />} />
    </Routes>,
    { route: '/orders' },
  );
}

describe('Orders table', () => {
  beforeEach(() => {
    resetTableState();
    listOrders.mockReset();
    listOrders.mockImplementation((req: PageRequest) => Promise.resolve(fakePage(req)));
  });

  it('asks the backend for the first page, newest first, and shows rows and the total', async () => {
    renderOrders();
    await screen.findAllByTestId('order-row');
    expect(listOrders).toHaveBeenCalledWith({ offset: 0, limit: 50, sort: 'createdAt', desc: true, search: '', filter: '' });
    expect(screen.getByTestId('orders-total')).toHaveTextContent('120 orders');
    expect(screen.getByTestId('orders-range')).toHaveTextContent('1–50 of 120');
    const first = screen.getAllByTestId('order-row')[0];
    expect(within(first).getByText('#1001')).toBeInTheDocument();
    expect(within(first).getByText('€10.00')).toBeInTheDocument();
  });

  it('pages on the server', async () => {
    renderOrders();
    await screen.findAllByTestId('order-row');
    fireEvent.click(screen.getByTestId('orders-next'));
    await waitFor(() => expect(lastReq().offset).toBe(50));
    await waitFor(() => expect(screen.getAllByTestId('order-row')[0]).toHaveTextContent('#1051'));
    expect(screen.getByTestId('orders-range')).toHaveTextContent('51–100 of 120');
    fireEvent.click(screen.getByTestId('orders-last'));
    await waitFor(() => expect(lastReq().offset).toBe(100));
    await waitFor(() => expect(screen.getByTestId('orders-range')).toHaveTextContent('101–120 of 120'));
    expect(screen.getByTestId('orders-next')).toBeDisabled();
    fireEvent.click(screen.getByTestId('orders-first'));
    await waitFor(() => expect(lastReq().offset).toBe(0));
  });

  it('sorts on the server by the clicked column and toggles direction', async () => {
    renderOrders();
    await screen.findAllByTestId('order-row');
    fireEvent.click(screen.getByTestId('orders-next'));
    await waitFor(() => expect(lastReq().offset).toBe(50));

    fireEvent.click(screen.getByTestId('orders-sort-total'));
    await waitFor(() => expect(lastReq()).toMatchObject({ sort: 'total', desc: false, offset: 0 }));
    fireEvent.click(screen.getByTestId('orders-sort-total'));
    await waitFor(() => expect(lastReq()).toMatchObject({ sort: 'total', desc: true, offset: 0 }));
    // columns without a backend sort key have no sort button
    expect(screen.queryByTestId('orders-sort-items')).toBeNull();
  });

  it('searches (debounced) and filters on the server, back to page one', async () => {
    renderOrders();
    await screen.findAllByTestId('order-row');
    fireEvent.click(screen.getByTestId('orders-next'));
    await waitFor(() => expect(lastReq().offset).toBe(50));

    const input = screen.getByTestId('orders-search');
    fireEvent.change(input, { target: { value: '#10' } });
    fireEvent.change(input, { target: { value: '#1005' } });
    await waitFor(() => expect(lastReq()).toMatchObject({ search: '#1005', offset: 0 }));
    // the intermediate keystroke was never sent
    expect(listOrders.mock.calls.some(([r]) => r.search === '#10')).toBe(false);

    fireEvent.click(screen.getByTestId('orders-filter-paid'));
    await waitFor(() => expect(lastReq()).toMatchObject({ filter: 'paid', search: '#1005', offset: 0 }));
  });

  it('shows the backend error message and retries', async () => {
    listOrders.mockRejectedValueOnce('{"code":"invalid","message":"this table cannot be sorted by \\"x\\""}');
    renderOrders();
    const alert = await screen.findByTestId('orders-error');
    expect(alert).toHaveTextContent('this table cannot be sorted by "x"');
    await act(async () => {
      fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    });
    await screen.findAllByTestId('order-row');
  });

  it('opens an order from its row with Enter and gives the row focus back when the detail closes', async () => {
    renderWithProviders(
      <Routes>
        <Route path="/orders" element={<OrdersPage />}>
          <Route path=":id" element={<Link to="/orders">Close detail</Link>} />
        </Route>
      </Routes>,
      { route: '/orders' },
    );
    const rows = await screen.findAllByTestId('order-row');
    fireEvent.keyDown(rows[2], { key: 'Enter' });
    const close = await screen.findByRole('link', { name: 'Close detail' });
    close.focus();
    fireEvent.click(close); // the link goes away with the detail, and focus with it
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Close detail' })).toBeNull());
    await waitFor(() => expect(screen.getAllByTestId('order-row')[2]).toHaveFocus());
  });

  it('says so when nothing matches', async () => {
    listOrders.mockImplementation((req: PageRequest) =>
      Promise.resolve(req.search ? { rows: [], total: 0 } : fakePage(req)),
    );
    renderOrders();
    await screen.findAllByTestId('order-row');
    fireEvent.change(screen.getByTestId('orders-search'), { target: { value: 'nobody@' } });
    expect(await screen.findByTestId('orders-empty')).toHaveTextContent('No orders match “nobody@”');
  });
});
