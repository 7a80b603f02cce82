import { fireEvent, screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import type { ShipmentFilter, ShipmentRow } from '../../api';
import { renderWithProviders } from '../../test/render';
import ShipmentsPage from './index';

const { list, counts, timeline, carrierKeys, unmatched, open } = vi.hoisted(() => ({
  list: vi.fn(),
  counts: vi.fn(),
  timeline: vi.fn(),
  carrierKeys: vi.fn(),
  unmatched: vi.fn(),
  open: vi.fn(),
}));

vi.mock('../../api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api')>();
  return {
    ...real,
    openExternal: open,
    shipping: { ...real.shipping, list, counts, timeline, carrierKeys, unmatched, startTrack: vi.fn() },
  };
});

const row = (over: Partial<ShipmentRow>): ShipmentRow =>
  ({
    id: 1,
    orderId: 1,
    orderName: '#1001',
    customerId: 1,
    customerName: 'Ana Lima',
    email: 'ana@example.com',
    carrier: 'UPS',
    carrierId: 'ups',
    trackingNumber: '1Z999AA10123456784',
    trackingUrl: 'https://www.ups.com/track?tracknum=1Z999AA10123456784',
    status: 'in_transit',
    shippedAt: '2026-03-02T10:00:00Z',
    deliveredAt: null,
    statusAt: null,
    lastEvent: 'Departed Facility',
    lastEventAt: '2026-03-03T10:00:00Z',
    daysInTransit: 3,
    stuck: false,
    checkError: '',
    ...over,
  }) as ShipmentRow;

const rows = [
  row({}),
  row({ id: 2, orderName: '#1002', carrier: '', carrierId: '', trackingNumber: '786123456789', trackingUrl: '', status: 'label_created', stuck: true }),
];

async function violations(container: HTMLElement): Promise<string[]> {
  const result = await axe.run(container, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

function setup(route = '/shipments') {
  list.mockResolvedValue({ rows, total: 2 });
  counts.mockResolvedValue({ byStatus: { in_transit: 1, label_created: 1 }, stuck: 1, unmatched: 2 });
  carrierKeys.mockResolvedValue({ dhl: true, usps: false });
  timeline.mockResolvedValue([
    { at: '2026-03-03T10:00:00Z', status: 'in_transit', text: 'Departed Facility', location: 'LEIPZIG', source: 'dhl' },
    { at: '2026-03-02T10:00:00Z', status: 'label_created', text: 'Label created', location: '', source: 'shopclerk' },
  ]);
  unmatched.mockResolvedValue([]);
  return renderWithProviders(<ShipmentsPage />, { route });
}

describe('Shipments screen', () => {
  it('lists carriers and links, and an unknown carrier without one', async () => {
    const { container } = setup();
    await waitFor(() => expect(screen.getAllByTestId('shipment-row')).toHaveLength(2));
    const carriers = screen.getAllByTestId('shipment-carrier').map((c) => c.textContent);
    expect(carriers).toEqual(['UPS', 'Unknown carrier']);
    const links = screen.getAllByTestId('shipment-link');
    expect(links).toHaveLength(1);
    fireEvent.click(links[0]);
    expect(open).toHaveBeenCalledWith('https://www.ups.com/track?tracknum=1Z999AA10123456784');
    expect(screen.getByTestId('shipments-unmatched').textContent).toContain('2 tracking numbers wait for an order');
    expect(await violations(container)).toEqual([]);
  });

  it('takes the status and filter from the address (the dashboard links here)', async () => {
    setup('/shipments?status=delivered&filter=stuck');
    await waitFor(() => expect(list).toHaveBeenCalled());
    const f = list.mock.calls.at(-1)![0] as ShipmentFilter;
    expect(f.status).toBe('delivered');
    expect(f.stuck).toBe(true);
  });

  it('opens a shipment’s timeline from the keyboard-reachable button', async () => {
    setup();
    await waitFor(() => expect(screen.getAllByTestId('shipment-timeline')).toHaveLength(2));
    const btn = screen.getAllByTestId('shipment-timeline')[0];
    expect(btn.tagName).toBe('BUTTON');
    fireEvent.click(btn);
    await waitFor(() => expect(screen.getByTestId('shipment-events').textContent).toContain('LEIPZIG'));
    expect(timeline).toHaveBeenCalledWith(1);
  });
});
