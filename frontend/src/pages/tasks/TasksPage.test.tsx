import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import TasksPage from './index';

const { api } = vi.hoisted(() => ({ api: { list: vi.fn(), counts: vi.fn(), held: vi.fn() } }));

vi.mock('../../api/tasks', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/tasks')>();
  return { ...real, tasksApi: { ...real.tasksApi, ...api } };
});

// A buyer the store gave no email (Etsy often gives none): their links on
// the Tasks screen still say who it is, never an empty link.
describe('TasksPage', () => {
  it('names a customer without email by their number', async () => {
    api.counts.mockResolvedValue({ open: 1, snoozed: 0, done: 0, held: 1 });
    api.held.mockResolvedValue([
      { orderId: 9, orderName: '3012345679', email: '', customerId: 426, total: 2300, currency: 'USD', riskLevel: 'high', orderedAt: '2026-02-12T10:00:00Z', heldAt: '2026-02-12T10:00:00Z', reason: 'high risk', releasedAt: null },
    ]);
    api.list.mockResolvedValue([
      { id: 1, kind: 'flow', state: 'open', title: 'Call the buyer', detail: '', customerId: 426, email: '', orderId: 0, orderName: '', orderHeld: false, createdAt: '2026-02-12T10:00:00Z', snoozedUntil: null, doneAt: null },
    ]);
    renderWithProviders(<TasksPage />);
    const links = await screen.findAllByRole('link', { name: 'Customer 426' });
    expect(links).toHaveLength(2);
  });
});
