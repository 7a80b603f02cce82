import { describe, expect, it } from 'vitest';
import { changeField, emptyGroup, majorToMinor, minorToMajor, newRow, parseCondition, toExpression, updateAt, type Group } from './condition';

// Every ready-made flow's condition and step "if" (backend/rules/flow/templates.go),
// plus shapes the builder writes.
const CANONICAL = [
  '!order.cancelled',
  'order.total >= 20000 && !order.cancelled',
  'order.total >= 40000',
  'order.total < 40000',
  'customer.totalSpent >= 100000',
  'customer.ordersCount > 0',
  'customer.acceptsMarketing',
  'customer.country in ["DE", "AT", "CH"]',
  '!(customer.country in ["DE", "AT", "CH"])',
  'order.riskLevel == "high" || (order.billingCountry != order.shippingCountry && customer.ordersCount <= 1 && order.total >= 30000)',
  'hasTag(customer.tags, "vip") && !hasTag(order.tags, "wholesale")',
  '"MUG-1" in order.skus || !("VASE-2" in cart.skus)',
  'daysSince(customer.lastOrderAt) >= 180 && hoursSince(cart.updatedAt) < 2',
  'customer.email endsWith "@example.com" && customer.firstName startsWith "A" && product.title contains "mug"',
  'order.total >= 4990',
  'order.discount == 0',
];

describe('condition builder: expression -> rows -> expression', () => {
  for (const src of CANONICAL) {
    it(`keeps ${src}`, () => {
      const g = parseCondition(src);
      expect(g).not.toBeNull();
      expect(toExpression(g!)).toBe(src);
    });
  }

  it('reads money in major units and writes cents', () => {
    const g = parseCondition('order.total >= 20000 && cart.total < 4990')!;
    expect(g.children).toEqual([
      { kind: 'row', field: 'order.total', op: '>=', value: '200' },
      { kind: 'row', field: 'cart.total', op: '<', value: '49.90' },
    ]);
  });

  it('reads AND inside OR as a nested group', () => {
    const g = parseCondition('order.riskLevel == "high" || (order.total >= 30000 && customer.ordersCount <= 1)')!;
    expect(g.join).toBe('or');
    expect(g.children[0]).toEqual({ kind: 'row', field: 'order.riskLevel', op: '==', value: 'high' });
    expect(g.children[1]).toMatchObject({ kind: 'group', join: 'and' });
    expect((g.children[1] as Group).children).toHaveLength(2);
  });

  it('reads a comparison with another field', () => {
    const g = parseCondition('order.billingCountry != order.shippingCountry')!;
    expect(g.children[0]).toEqual({ kind: 'row', field: 'order.billingCountry', op: '!=', value: '', valueField: 'order.shippingCountry' });
  });

  it('accepts expr keywords and single quotes, and writes the canonical form', () => {
    expect(toExpression(parseCondition("not order.cancelled and order.riskLevel == 'high'")!)).toBe('!order.cancelled && order.riskLevel == "high"');
    expect(toExpression(parseCondition('(order.total >= 100)')!)).toBe('order.total >= 100');
  });

  it('an empty expression is an empty group, and back', () => {
    expect(parseCondition('')).toEqual(emptyGroup());
    expect(toExpression(emptyGroup())).toBe('');
  });

  it('leaves what the builder cannot show to the text editor', () => {
    for (const src of [
      'order.total / 0 > 1',
      'len(order.skus) > 2',
      'order.total >= 20000 &&',
      'order.cancelled == false',
      '!(order.total > 5 || order.total < 2)',
      'order.total',
      'order.total >= 1.5',
      'order.currency == 5',
      'map(order.skus, # + "x")',
      '"unterminated',
      'order.total >= 100 ? true : false',
    ]) {
      expect(parseCondition(src), src).toBeNull();
    }
  });
});

describe('condition builder: rows -> expression -> rows', () => {
  const tree: Group = {
    kind: 'group',
    join: 'and',
    children: [
      { kind: 'row', field: 'order.total', op: '>=', value: '200.50' },
      { kind: 'row', field: 'customer.acceptsMarketing', op: 'is true', value: '' },
      { kind: 'row', field: 'order.cancelled', op: 'is false', value: '' },
      {
        kind: 'group',
        join: 'or',
        children: [
          { kind: 'row', field: 'customer.country', op: 'in', value: 'DE, AT' },
          { kind: 'row', field: 'customer.country', op: 'not in', value: 'US' },
          { kind: 'row', field: 'customer.tags', op: 'has', value: 'vip' },
          { kind: 'row', field: 'order.skus', op: 'not has', value: 'MUG-1' },
          { kind: 'row', field: 'customer.email', op: 'contains', value: 'say "hi"\\' },
        ],
      },
      { kind: 'row', field: 'daysSince(customer.lastOrderAt)', op: '<', value: '30' },
      { kind: 'row', field: 'order.billingCountry', op: '!=', value: '', valueField: 'order.shippingCountry' },
    ],
  };

  it('writes the expression the engine reads', () => {
    expect(toExpression(tree)).toBe(
      'order.total >= 20050 && customer.acceptsMarketing && !order.cancelled && ' +
        '(customer.country in ["DE", "AT"] || !(customer.country in ["US"]) || hasTag(customer.tags, "vip") || !("MUG-1" in order.skus) || customer.email contains "say \\"hi\\"\\\\") && ' +
        'daysSince(customer.lastOrderAt) < 30 && order.billingCountry != order.shippingCountry',
    );
  });

  it('reads back the same rows', () => {
    expect(parseCondition(toExpression(tree))).toEqual(tree);
  });

  it('a group of one row is written without parentheses', () => {
    const g: Group = { kind: 'group', join: 'and', children: [{ kind: 'group', join: 'or', children: [newRow('order.total')] }] };
    g.children[0] = { kind: 'group', join: 'or', children: [{ kind: 'row', field: 'order.total', op: '>', value: '1' }] };
    expect(toExpression(g)).toBe('order.total > 100');
  });
});

describe('condition builder: editing', () => {
  it('removes a row and drops a group left empty', () => {
    const g = parseCondition('order.total >= 100 && (order.riskLevel == "high" || customer.ordersCount <= 1)')!;
    const one = updateAt(g, [1, 0], () => null);
    expect(toExpression(one)).toBe('order.total >= 100 && customer.ordersCount <= 1');
    const none = updateAt(one, [1, 0], () => null);
    expect(toExpression(none)).toBe('order.total >= 100');
  });

  it('changing the field to another type resets operator and value', () => {
    const r = changeField({ kind: 'row', field: 'order.total', op: '<', value: '5' }, 'customer.acceptsMarketing');
    expect(r).toEqual({ kind: 'row', field: 'customer.acceptsMarketing', op: 'is true', value: '' });
    const same = changeField({ kind: 'row', field: 'order.total', op: '<', value: '5' }, 'cart.total');
    expect(same).toMatchObject({ field: 'cart.total', op: '<', value: '5' });
  });
});

describe('money text', () => {
  it('converts exactly, without floats', () => {
    expect(majorToMinor('200')).toBe('20000');
    expect(majorToMinor('49.9')).toBe('4990');
    expect(majorToMinor('49,90')).toBe('4990');
    expect(majorToMinor('0.07')).toBe('7');
    expect(majorToMinor('-3.07')).toBe('-307');
    expect(majorToMinor('0')).toBe('0');
    expect(majorToMinor('abc')).toBeNull();
    expect(majorToMinor('1.234')).toBeNull();
    expect(minorToMajor('20000')).toBe('200');
    expect(minorToMajor('4990')).toBe('49.90');
    expect(minorToMajor('7')).toBe('0.07');
    expect(minorToMajor('-307')).toBe('-3.07');
    expect(minorToMajor('0')).toBe('0');
  });
});
