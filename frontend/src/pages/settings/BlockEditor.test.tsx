import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { variablesOf } from '../../api/emailVariables';
import type { Block } from '../../api/mail';
import { renderWithProviders } from '../../test/render';
import { BlockEditor } from './BlockEditor';

const vars = variablesOf('cart_reminder');

describe('BlockEditor', () => {
  it('moves a block with Alt+Arrow and removes one with its button', () => {
    const onChange = vi.fn();
    const blocks: Block[] = [{ kind: 'heading', text: 'A' }, { kind: 'text', text: 'B' }];
    renderWithProviders(<BlockEditor blocks={blocks} variables={vars} onChange={onChange} />);
    fireEvent.keyDown(screen.getByTestId('block-1-text'), { key: 'ArrowUp', altKey: true });
    expect(onChange).toHaveBeenLastCalledWith([blocks[1], blocks[0]]);
    fireEvent.keyDown(screen.getByTestId('block-1-text'), { key: 'ArrowDown', altKey: true });
    expect(onChange).toHaveBeenCalledTimes(1); // the last block stays last
    fireEvent.click(screen.getByRole('button', { name: 'Remove block 1' }));
    expect(onChange).toHaveBeenLastCalledWith([blocks[1]]);
    expect(screen.getByRole('button', { name: 'Move block 1 up' })).toBeDisabled();
  });

  it('adds a block from the menu, filled for the template', async () => {
    const onChange = vi.fn();
    renderWithProviders(<BlockEditor blocks={[{ kind: 'text', text: 'Hi' }]} variables={vars} onChange={onChange} />);
    fireEvent.click(screen.getByTestId('block-add'));
    fireEvent.click(await screen.findByTestId('block-add-button'));
    expect(onChange).toHaveBeenLastCalledWith([{ kind: 'text', text: 'Hi' }, { kind: 'button', text: 'Open', url: '{{.Cart.RecoveryURL}}' }]);
  });

  it('marks a button without a label and an image that is not a web address, and takes the shop logo', () => {
    const onChange = vi.fn();
    const blocks: Block[] = [{ kind: 'button', text: ' ', url: '{{.Cart.RecoveryURL}}' }, { kind: 'image', url: 'ftp://x/a.png' }];
    renderWithProviders(<BlockEditor blocks={blocks} variables={vars} onChange={onChange} />);
    expect(screen.getByText('A button needs a label')).toBeInTheDocument();
    expect(screen.getByText('An image address starts with https:// (or http://)')).toBeInTheDocument();
    fireEvent.click(screen.getByText("The shop's logo"));
    expect(onChange).toHaveBeenLastCalledWith([blocks[0], { kind: 'image', logo: true, url: '', text: '' }]);
  });
});
