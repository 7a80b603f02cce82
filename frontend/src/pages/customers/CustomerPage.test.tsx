import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CustomerPageData, TimelinePage } from '../../api/customers';
import { renderWithProviders } from '../../test/render';
import { CustomerPage } from './CustomerPage';

const api = vi.hoisted(() => ({
  page: vi.fn(),
  timeline: vi.fn(),
  setTag: vi.fn(),
  addNote: vi.fn(),
  deleteNote: vi.fn(),
  checkErase: vi.fn(),
  erase: vi.fn(),
  exportData: vi.fn(),
}));

vi.mock('../../api/customers', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/customers')>();
  return { ...real, customersApi: { ...real.customersApi, ...api } };
});

function item(i: number, kind = 'order'): TimelinePage['items'][number] {
  return {
    kind,
    at: new Date(Date.UTC(2026, 1, 28 - i)).toISOString(),
    ref: 100 - i,
    title: `#${1000 + i}`,
    detail: 'paid, fulfilled',
    amount: { amount: 4990, currency: 'EUR' },
    by: 'Shopify',
  };
}

function page(): CustomerPageData {
  return {
    customer: {
      id: 7, source: 'shopify', externalId: '', email: 'ann@example.com', firstName: 'Ann', lastName: 'Lee', phone: '', country: 'DE',
      city: 'Berlin', acceptsMarketing: true, consentAt: '2025-03-01T09:00:00Z', birthday: '', tags: ['vip', 'newsletter'], note: '',
      createdAt: '2024-01-01T00:00:00Z', ordersCount: 2, totalSpent: { amount: 12000, currency: 'EUR' }, lastOrderAt: '2026-02-27T09:00:00Z',
    },
    erasedAt: null,
    lifetime: {
      orders: 2, spent: { amount: 12000, currency: 'EUR' }, refunded: 0, averageOrder: 6000, firstOrderAt: '2026-01-01T00:00:00Z',
      lastOrderAt: '2026-02-27T09:00:00Z', openOrders: 1, carts: 1, coupons: 1, emailsSent: 1, emailsReceived: 1,
    },
    addresses: [],
    consent: [
      { channel: 'email', status: 'given', at: '2025-03-01T09:00:00Z', source: 'signed up in Shopify', history: [] },
      { channel: 'sms', status: 'unknown', at: null, source: 'your imports hold no SMS consent', history: [] },
    ],
    tags: [
      { name: 'vip', automation: true, rule: 'VIP tagger', at: '2026-02-19T09:00:00Z' },
      { name: 'newsletter', automation: false, rule: '', at: null },
    ],
    notes: [],
    rfm: {
      r: 5, f: 4, m: 4, segment: 'champions', label: 'Champions', since: '2026-03-01T09:00:00Z', orders: 2, spent: 12000, windowDays: 365,
      scoredAt: '2026-03-01T09:00:00Z', history: [],
    },
    segments: ['Big spenders'],
    timeline: { items: Array.from({ length: 3 }, (_, i) => item(i)), next: '1772000000.1.98' },
  } as unknown as CustomerPageData;
}

function renderPage() {
  return renderWithProviders(
    <Routes>
      <Route path="/customers/:id" element={<CustomerPage />} />
      <Route path="/customers" element={<div data-testid="list">list</div>} />
    </Routes>,
    { route: '/customers/7' },
  );
}

describe('Customer page', () => {
  beforeEach(() => {
    for (const f of Object.values(api)) f.mockReset();
    api.page.mockResolvedValue(page());
  });

  it('shows the profile, marks the automation tag and pages the timeline', async () => {
    renderPage();
    expect(await screen.findByRole('heading', { level: 1, name: 'Ann Lee' })).toBeInTheDocument();
    expect(api.page).toHaveBeenCalledWith(7);
    const tags = screen.getAllByTestId('customer-tag');
    expect(tags[0]).toHaveAttribute('data-automation', 'true');
    expect(within(tags[0]).getByRole('img', { name: /automation VIP tagger/ })).toBeInTheDocument();
    expect(tags[1]).not.toHaveAttribute('data-automation');
    expect(screen.getAllByTestId('timeline-item')).toHaveLength(3);

    api.timeline.mockResolvedValue({ items: [item(3), item(4, 'note')], next: '' });
    fireEvent.click(screen.getByTestId('timeline-more'));
    await waitFor(() => expect(screen.getAllByTestId('timeline-item')).toHaveLength(5));
    expect(api.timeline).toHaveBeenCalledWith(7, '1772000000.1.98');
    expect(screen.queryByTestId('timeline-more')).not.toBeInTheDocument();
  });

  it('adds a tag with Enter and removes one with its button', async () => {
    renderPage();
    const input = await screen.findByTestId('customer-tag-input');
    api.setTag.mockResolvedValue([]);
    fireEvent.change(input, { target: { value: 'wholesale' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(api.setTag).toHaveBeenCalledWith(7, 'wholesale', true));
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag vip' }));
    await waitFor(() => expect(api.setTag).toHaveBeenCalledWith(7, 'vip', false));
  });

  it('asks before erasing someone with open orders', async () => {
    renderPage();
    api.checkErase.mockResolvedValue({ customer: page().customer, openOrders: ['#1003'], orders: 2, emails: 2, carts: 1 });
    api.erase.mockResolvedValue({ id: 7 });
    fireEvent.click(await screen.findByTestId('customer-erase'));
    expect(await screen.findByTestId('erase-open-orders')).toHaveTextContent('#1003');
    expect(screen.getByTestId('erase-dialog')).toHaveTextContent(
      'Their 2 orders and 1 abandoned cart stay for your accounts, without name, email, street or phone (the country stays, for tax). The 2 emails to and from them, your notes and their tags and scores are deleted.',
    );
    const confirm = screen.getByTestId('erase-confirm');
    expect(confirm).toBeDisabled();
    fireEvent.click(screen.getByTestId('erase-confirm-open'));
    expect(confirm).toBeEnabled();
    fireEvent.click(confirm);
    await waitFor(() => expect(api.erase).toHaveBeenCalledWith(7, true));
    expect(await screen.findByTestId('list')).toBeInTheDocument();
  });

  it('has no WCAG A/AA violations', async () => {
    const { container } = renderPage();
    await screen.findByTestId('customer-page');
    const result = await axe.run(container, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
  });
});
