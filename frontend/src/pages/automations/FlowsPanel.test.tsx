import { fireEvent, screen, waitFor } from '@testing-library/react';
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Flow, FlowTemplate } from '../../api/automations';
import { renderWithProviders } from '../../test/render';
import { FlowsPanel } from './FlowsPanel';

// A backend whose calls finish when the test says so: setEnabled writes when it
// resolves, listFlows answers with what was stored when it was called.
const { backend } = vi.hoisted(() => {
  type Call = { resolve: () => void };
  const state = new Map<number, boolean>();
  const templateOf = new Map<number, string>();
  const sets: Call[] = [];
  const lists: Call[] = [];
  return {
    backend: {
      state,
      templateOf,
      gallery: [] as unknown[],
      sets,
      lists,
      setEnabled: (id: number, on: boolean) =>
        new Promise<void>((resolve) => {
          sets.push({ resolve: () => { state.set(id, on); resolve(); } });
        }),
      listFlows: () => {
        const snapshot = new Map(state);
        return new Promise<unknown>((resolve) => {
          lists.push({ resolve: () => resolve([...snapshot].map(([id, enabled]) => flow(id, enabled))) });
        });
      },
    },
  };

  function flow(id: number, enabled: boolean) {
    return {
      id,
      name: `Flow ${id}`,
      template: templateOf.get(id) ?? '',
      description: '',
      enabled,
      definition: { trigger: { type: 'order_paid' }, steps: [] },
      updatedAt: '2026-03-01T09:00:00Z',
    };
  }
});

vi.mock('../../api/automations', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/automations')>();
  return {
    ...real,
    automations: {
      ...real.automations,
      listFlows: () => backend.listFlows() as Promise<Flow[]>,
      setEnabled: backend.setEnabled,
      templates: () => Promise.resolve(backend.gallery as FlowTemplate[]),
      history: () => Promise.resolve([]),
    },
  };
});

const sw = (id: number) => screen.getByTestId(`flow-switch-${id}`) as HTMLInputElement;
const settle = () => act(async () => { await new Promise((r) => setTimeout(r, 0)); });
async function answerLists() {
  while (backend.lists.length) {
    await act(async () => backend.lists.shift()!.resolve());
    await settle();
  }
}

describe('flow switches', () => {
  beforeEach(() => {
    backend.templateOf.clear();
    backend.gallery = [];
    backend.state.clear();
    backend.state.set(1, false);
    backend.state.set(2, false);
    backend.sets.length = 0;
    backend.lists.length = 0;
  });

  it('two switches clicked in quick succession both end up on, and stay on while the first settles', async () => {
    renderWithProviders(<FlowsPanel />);
    await settle();
    await answerLists();
    await screen.findByTestId('flow-switch-2');

    fireEvent.click(sw(1));
    await settle();
    fireEvent.click(sw(2));
    await settle();
    expect(sw(1).checked).toBe(true);
    expect(sw(2).checked).toBe(true);

    // flow 1 is written; a list read now still has flow 2 off
    await act(async () => backend.sets.shift()!.resolve());
    await settle();
    await answerLists();
    expect(sw(2).checked).toBe(true);

    await act(async () => backend.sets.shift()!.resolve());
    await settle();
    await answerLists();
    await waitFor(() => expect(sw(1).checked && sw(2).checked).toBe(true));
    expect([...backend.state]).toEqual([[1, true], [2, true]]);
  });

  it('on then off on one switch: the last click is what the backend keeps', async () => {
    renderWithProviders(<FlowsPanel />);
    await settle();
    await answerLists();
    await screen.findByTestId('flow-switch-1');

    fireEvent.click(sw(1)); // on
    await settle();
    fireEvent.click(sw(1)); // off
    await settle();
    expect(sw(1).checked).toBe(false);

    // the backend answers out of order: whichever request is open, the later one first
    while (backend.sets.length) {
      await act(async () => backend.sets.pop()!.resolve());
      await settle();
    }
    await answerLists();
    expect(backend.state.get(1)).toBe(false);
    expect(sw(1).checked).toBe(false);
  });
});

// The gallery offered "Install" on a flow the seller had ("installed ×2"),
// and the second copy re-planned every confirmation the first had sent. A
// ready-made flow the seller has is marked installed and opens instead.
describe('the gallery of ready-made flows', () => {
  beforeEach(() => {
    backend.state.clear();
    backend.templateOf.clear();
    backend.state.set(1, true);
    backend.templateOf.set(1, 'order_confirmation');
    const tpl = (key: string, name: string) => ({ key, name, description: '', definition: { trigger: { type: 'order_paid' }, steps: [] } });
    backend.gallery = [tpl('order_confirmation', 'Order paid: confirmation email'), tpl('cart_abandoned', 'Abandoned cart')];
  });

  it('marks an installed flow and offers to open it, not to install it again', async () => {
    renderWithProviders(<FlowsPanel />);
    await settle();
    await answerLists();
    await screen.findByTestId('template-cart_abandoned');
    expect(screen.getByTestId('template-installed-order_confirmation').textContent).toBe('Installed');
    expect(screen.queryByTestId('template-install-order_confirmation')).toBeNull();
    expect(screen.getByTestId('template-open-order_confirmation').textContent).toBe('Open');
    expect(screen.queryByTestId('template-installed-cart_abandoned')).toBeNull();
    expect(screen.getByTestId('template-install-cart_abandoned').textContent).toBe('Install');
  });

  it('says how many copies a shop has from before', async () => {
    backend.state.set(2, false);
    backend.templateOf.set(2, 'order_confirmation');
    renderWithProviders(<FlowsPanel />);
    await settle();
    await answerLists();
    await screen.findByTestId('flow-switch-2');
    expect(screen.getByTestId('template-installed-order_confirmation').textContent).toBe('Installed (2 copies)');
    expect(screen.queryByTestId('template-install-order_confirmation')).toBeNull();
  });
});
