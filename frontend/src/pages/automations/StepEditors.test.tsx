import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Step } from '../../api/automations';
import { renderWithProviders } from '../../test/render';
import { ActionCard } from './StepEditors';

describe('an email step’s amount', () => {
  it('is typed like the condition builder’s amounts and kept in cents, as the conditions compare order.total', () => {
    const onChange = vi.fn<(s: Step) => void>();
    const step: Step = { action: 'send_email', template: 'spend_tier_coupon', vars: { tier: '20000', note: 'thanks' }, moneyVars: ['tier'] };
    renderWithProviders(
      <ActionCard step={step} index={2} number={2} count={3} emailTemplates={['spend_tier_coupon']} problems={[]} onChange={onChange} onMove={() => {}} onRemove={() => {}} />,
    );
    const tier = screen.getByTestId('editor-step-2-var-tier') as HTMLInputElement;
    expect(tier.value).toBe('200');
    expect(screen.getByText('Amount: tier')).toBeTruthy();
    fireEvent.change(tier, { target: { value: '250.5' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ vars: { tier: '25050', note: 'thanks' } }));
    // Not an amount: kept as typed, for the save check to name it.
    fireEvent.change(tier, { target: { value: 'gold' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ vars: { tier: 'gold', note: 'thanks' } }));
    // A plain text variable is left alone.
    const note = screen.getByTestId('editor-step-2-var-note') as HTMLInputElement;
    fireEvent.change(note, { target: { value: '200' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ vars: { tier: '20000', note: '200' } }));
  });
});

// "Stop other sequences" stopped every sequence of the customer: a stop is
// scoped to its order unless the seller chooses the customer-wide stop.
describe('a stop step’s scope', () => {
  it('is the order’s sequences unless the seller chooses every sequence of the customer', () => {
    const onChange = vi.fn<(s: Step) => void>();
    renderWithProviders(
      <ActionCard step={{ action: 'stop_sequences' }} index={0} number={1} count={1} emailTemplates={[]} problems={[]} onChange={onChange} onMove={() => {}} onRemove={() => {}} />,
    );
    const order = screen.getByTestId('editor-step-0-scope-order') as HTMLInputElement;
    const customer = screen.getByTestId('editor-step-0-scope-customer') as HTMLInputElement;
    expect(order.checked).toBe(true);
    expect(customer.checked).toBe(false);
    expect(screen.getByText('Stop the running sequences of this order')).toBeTruthy();
    expect(screen.getByText(/The customer’s other orders carry on/)).toBeTruthy();
    fireEvent.click(customer);
    expect(onChange).toHaveBeenLastCalledWith({ action: 'stop_sequences', scope: 'customer' });
  });
});

// The backend takes a pattern for a coupon step's codes; the card had no
// input for it. It is typed in capitals and checked as typed.
describe('a coupon step’s code pattern', () => {
  const card = (step: Step, onChange = vi.fn<(s: Step) => void>()) => {
    renderWithProviders(
      <ActionCard step={step} index={1} number={2} count={2} emailTemplates={[]} problems={[]} onChange={onChange} onMove={() => {}} onRemove={() => {}} />,
    );
    return screen.getByTestId('editor-step-1-pattern') as HTMLInputElement;
  };
  it('is empty for the default shape and shows an example code', () => {
    const input = card({ action: 'issue_coupon', percentOff: 10 });
    expect(input.placeholder).toBe('SC-XXXX-XXXX');
    expect(screen.getByText('X is a random character, e.g. SC-7KQ2-MX9P')).toBeTruthy();
  });
  it('keeps what the seller types, in capitals', () => {
    const onChange = vi.fn<(s: Step) => void>();
    const input = card({ action: 'issue_coupon', percentOff: 10 }, onChange);
    fireEvent.change(input, { target: { value: 'spring-xxxx' } });
    expect(onChange).toHaveBeenLastCalledWith(expect.objectContaining({ codePattern: 'SPRING-XXXX' }));
  });
  it('says why a pattern will not do', () => {
    const input = card({ action: 'issue_coupon', percentOff: 10, codePattern: 'WB-XXX' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/only 29,791 different codes, too few/)).toBeTruthy();
  });
});
