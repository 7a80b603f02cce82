import { fireEvent, screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Flow } from '../../api/automations';
import { renderWithProviders } from '../../test/render';
import { FlowEditor } from './FlowEditor';

const { getFlow, validate, saveFlow } = vi.hoisted(() => ({ getFlow: vi.fn(), validate: vi.fn(), saveFlow: vi.fn() }));

vi.mock('../../api/automations', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../api/automations')>();
  return { ...real, automations: { ...real.automations, getFlow, validate, saveFlow, emailTemplates: async () => ['cart_reminder', 'order_confirmation'] } };
});

const flow: Flow = {
  id: 3,
  name: 'Abandoned cart',
  template: 'cart_abandoned',
  description: '',
  enabled: false,
  updatedAt: '2026-03-01T09:00:00Z',
  definition: {
    trigger: { type: 'cart_idle', hours: 1 },
    condition: 'cart.total >= 2000',
    steps: [
      { action: 'send_email', template: 'cart_reminder' },
      { action: 'wait', hours: 23 },
      { action: 'issue_coupon', percentOff: 10, validDays: 7 },
    ],
    policy: { reentry: 'every_time', catchUp: 'skip', maxLateHours: 12, marketing: true },
  },
};

function open() {
  getFlow.mockResolvedValue(flow);
  renderWithProviders(
    <Routes>
      <Route path="/automations/flow/:id" element={<FlowEditor />} />
    </Routes>,
    { route: '/automations/flow/3' },
  );
}

describe('FlowEditor', () => {
  it('reads as trigger, condition, steps with wait pills, and shows Validate problems where they are', async () => {
    open();
    await screen.findByTestId('flow-editor');
    expect(screen.getByTestId('editor-trigger')).toHaveTextContent('When a cart is left for 1 hour');
    expect(screen.getByTestId('editor-wait-1')).toHaveTextContent('wait 23 hours');
    expect(screen.getByTestId('cond-value')).toHaveValue('20'); // 2000 cents shown as 20
    expect(screen.getByTestId('editor-step-2')).toHaveTextContent('10 % off, valid 7 days');

    validate.mockResolvedValue([
      { field: 'condition', step: 0, line: 1, column: 6, message: 'type cart has no field totl' },
      { field: 'step', step: 3, line: 0, column: 0, message: 'the coupon gives nothing: set a percentage, an amount or free shipping' },
    ]);
    fireEvent.click(screen.getByTestId('editor-save'));
    expect(await screen.findByTestId('editor-problems')).toHaveTextContent('Condition (line 1, column 6): type cart has no field totl');
    expect(screen.getByTestId('cond-error')).toHaveTextContent('Line 1, column 6');
    expect(screen.getByTestId('cond-error-caret').textContent).toBe('cart.total >= 2000\n     ^');
    expect(within(screen.getByTestId('editor-step-2')).getByTestId('editor-step-2-error')).toHaveTextContent('the coupon gives nothing');
    expect(screen.getByTestId('editor-step-2')).toHaveAttribute('data-invalid', 'true');
    expect(saveFlow).not.toHaveBeenCalled();
  });

  it('saves the edited definition when Validate finds nothing', async () => {
    open();
    await screen.findByTestId('flow-editor');
    fireEvent.change(screen.getByTestId('cond-value'), { target: { value: '49.90' } });
    expect(screen.getByTestId('editor-dirty')).toBeInTheDocument();
    validate.mockResolvedValue([]);
    saveFlow.mockResolvedValue(3);
    fireEvent.click(screen.getByTestId('editor-save'));
    await screen.findByTestId('editor-saved');
    expect(saveFlow.mock.calls[0][0].definition.condition).toBe('cart.total >= 4990');
  });

  it('numbers steps, not waits: email, wait, coupon read as step 1 and step 2', async () => {
    open();
    await screen.findByTestId('flow-editor');
    expect(screen.getByTestId('editor-step-0')).toHaveTextContent('Step 1 ·');
    expect(screen.getByTestId('editor-step-2')).toHaveTextContent('Step 2 ·');
    expect(screen.getByTestId('editor-wait-1')).not.toHaveTextContent(/Step \d/);

    // the backend counts waits; the problem list speaks the seller's numbers
    validate.mockResolvedValue([
      { field: 'step', step: 3, line: 0, column: 0, message: 'the coupon gives nothing' },
      { field: 'step', step: 2, line: 0, column: 0, message: 'a wait needs a length' },
    ]);
    fireEvent.click(screen.getByTestId('editor-save'));
    const list = await screen.findByTestId('editor-problems');
    expect(list).toHaveTextContent('Step 2: the coupon gives nothing');
    expect(list).toHaveTextContent('The wait before step 2: a wait needs a length');
  });
});

