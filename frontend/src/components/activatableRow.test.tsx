import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { activatableRow } from './activatableRow';

function Row({ onOpen }: { onOpen: () => void }) {
  return (
    <table>
      <tbody>
        <tr data-testid="row" {...activatableRow(onOpen)}>
          <td>
            <input aria-label="inside" />
          </td>
        </tr>
      </tbody>
    </table>
  );
}

describe('a row that opens its detail', () => {
  it('is reachable with Tab and opens with a click, Enter or Space', () => {
    const onOpen = vi.fn();
    render(<Row onOpen={onOpen} />);
    const row = screen.getByTestId('row');
    expect(row).toHaveAttribute('tabindex', '0');
    fireEvent.click(row);
    fireEvent.keyDown(row, { key: 'Enter' });
    const space = fireEvent.keyDown(row, { key: ' ' });
    expect(onOpen).toHaveBeenCalledTimes(3);
    expect(space).toBe(false); // default prevented: Space does not scroll the page
    fireEvent.keyDown(row, { key: 'a' });
    expect(onOpen).toHaveBeenCalledTimes(3);
  });

  it('leaves keys typed into a control inside the row to that control', () => {
    const onOpen = vi.fn();
    render(<Row onOpen={onOpen} />);
    fireEvent.keyDown(screen.getByLabelText('inside'), { key: 'Enter' });
    fireEvent.keyDown(screen.getByLabelText('inside'), { key: ' ' });
    expect(onOpen).not.toHaveBeenCalled();
  });
});
