import { describe, expect, it } from 'vitest';
import { templateVariables, variablesOf } from '../../api/emailVariables';
import type { Block } from '../../api/mail';
import { addBlock, blockKinds, insertAt, lineSources, moveBlock, newBlock, removeBlock, sameBlocks, unknownVariables, updateBlock } from './blocks';

const h: Block = { kind: 'heading', text: 'Hi' };
const t: Block = { kind: 'text', text: 'Words' };
const d: Block = { kind: 'divider' };

describe('block model', () => {
  it('adds after a block, at the start and at the end', () => {
    expect(addBlock([h, t], 0, d)).toEqual([h, d, t]);
    expect(addBlock([h, t], -1, d)).toEqual([d, h, t]);
    expect(addBlock([h, t], 9, d)).toEqual([h, t, d]);
    expect(addBlock([], -1, d)).toEqual([d]);
  });

  it('moves up and down and stays put at the edges', () => {
    expect(moveBlock([h, t, d], 2, -1)).toEqual([h, d, t]);
    expect(moveBlock([h, t, d], 0, 1)).toEqual([t, h, d]);
    const blocks = [h, t, d];
    expect(moveBlock(blocks, 0, -1)).toBe(blocks);
    expect(moveBlock(blocks, 2, 1)).toBe(blocks);
  });

  it('removes and updates one block without touching the others', () => {
    const blocks = [h, t, d];
    expect(removeBlock(blocks, 1)).toEqual([h, d]);
    const up = updateBlock(blocks, 0, { text: 'Hello' });
    expect(up[0]).toEqual({ kind: 'heading', text: 'Hello' });
    expect(up[1]).toBe(t);
    expect(blocks[0].text).toBe('Hi');
  });

  it('inserts a variable at the cursor or over the selection', () => {
    expect(insertAt('Hi ,', 3, 3, '{{.Customer.FirstName}}')).toEqual({ text: 'Hi {{.Customer.FirstName}},', cursor: 26 });
    expect(insertAt('Hi you!', 3, 6, '{{.Customer.FirstName}}')).toEqual({ text: 'Hi {{.Customer.FirstName}}!', cursor: 26 });
    expect(insertAt('ab', 10, 12, 'X')).toEqual({ text: 'abX', cursor: 3 });
  });

  it('names the variables a template is not given', () => {
    const cart = variablesOf('cart_reminder');
    expect(unknownVariables('{{.Customer.FirstName}} {{.Cart.Url}} {{.Order.Name}} {{.Vars.x}} {{join .Shop.Address ", "}} {{.Cart.Url}}', cart))
      .toEqual(['.Cart.Url', '.Order.Name']);
  });

  it('fills new blocks for the template they are added to', () => {
    const cart = variablesOf('cart_reminder');
    expect(newBlock('button', cart)).toEqual({ kind: 'button', text: 'Open', url: '{{.Cart.RecoveryURL}}' });
    expect(newBlock('products', cart)).toEqual({ kind: 'products', lines: 'cart', column: 'total' });
    expect(lineSources(variablesOf('order_confirmation'))).toEqual(['order']);
    expect(lineSources(variablesOf('purchase_order'))).toEqual(['purchase_order']);
    expect(lineSources(variablesOf('winback'))).toEqual([]);
    expect(blockKinds.map((k) => k.kind)).toEqual(['heading', 'text', 'button', 'products', 'coupon', 'summary', 'image', 'divider', 'spacer', 'html']);
  });

  it('compares documents as Go writes them (empty fields left out)', () => {
    expect(sameBlocks([{ kind: 'divider', text: '' }], [{ kind: 'divider' }])).toBe(true);
    expect(sameBlocks([h], [{ ...h, text: 'Hey' }])).toBe(false);
    expect(sameBlocks(null, [])).toBe(true);
  });

  it('has the variables of every template the backend lists', () => {
    // the Go side holds the JSON equal to the backend (TestVariablesGolden)
    expect(templateVariables.length).toBeGreaterThan(15);
    const order = variablesOf('order_confirmation').map((v) => v.path);
    expect(order).toContain('.Order.Total');
    expect(order).not.toContain('.Cart.Total');
    expect(variablesOf('no_such')).toEqual([]);
  });
});
