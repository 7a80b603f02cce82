import { describe, expect, it } from 'vitest';
import type { FlowPlan, PlanItem, Preview } from '../../api/automations';
import { approvedKeys, flowKeys, initialSelection, safeKeys, selectAll, setKeys, toggle, triState, waitingKeys } from './approval';

function item(key: string, extra: Partial<PlanItem> = {}): PlanItem {
  const [flow, subject, occ, step] = key.split('/');
  return {
    key,
    flowId: Number(flow),
    step: Number(step),
    action: 'send_email',
    subject,
    occurrence: occ,
    dueAt: '2026-03-01T08:00:00Z',
    summary: key,
    late: false,
    ...extra,
  };
}

function flow(id: number, items: PlanItem[], extra: Partial<FlowPlan> = {}): FlowPlan {
  return { flowId: id, name: `flow ${id}`, template: '', items, purchaseOrders: [], recipients: items.length, needsConfirm: false, deferred: 0, skipped: {}, ...extra };
}

const preview: Preview = {
  at: '2026-03-01T09:00:00Z',
  items: 7,
  deferred: 0,
  late: 1,
  flows: [
    flow(1, [item('1/c1/o1/0'), item('1/c1/o1/2'), item('1/c2/o2/0', { late: true }), item('1/c3/o3/0', { problem: 'no email address' })]),
    flow(2, [item('2/c4/o4/0'), item('2/c5/o5/0')], { needsConfirm: true }),
    flow(3, [item('3/sku/o6/0', { action: 'create_purchase_order' })]),
  ],
};

describe('preview approval', () => {
  it('ticks the usual items first: not late, no problem, no flow asking for confirmation', () => {
    expect([...initialSelection(preview)]).toEqual(['1/c1/o1/0', '1/c1/o1/2', '3/sku/o6/0']);
    expect(safeKeys(preview)).toEqual(['1/c1/o1/0', '1/c1/o1/2', '3/sku/o6/0']);
  });

  it('"all" takes late items and confirmations too, never an item with a problem', () => {
    const all = selectAll(preview, 'all');
    expect(all.has('1/c2/o2/0')).toBe(true);
    expect(all.has('2/c4/o4/0')).toBe(true);
    expect(all.has('1/c3/o3/0')).toBe(false);
    expect(all.size).toBe(6);
    expect(selectAll(preview, 'none').size).toBe(0);
  });

  it('approves some: toggling one item', () => {
    let sel = initialSelection(preview);
    sel = toggle(sel, '3/sku/o6/0');
    expect(approvedKeys(sel, preview)).toEqual(['1/c1/o1/0', '1/c1/o1/2']);
    sel = toggle(sel, '2/c5/o5/0');
    expect(approvedKeys(sel, preview)).toEqual(['1/c1/o1/0', '1/c1/o1/2', '2/c5/o5/0']);
  });

  it('a flow checkbox is all / some / none, and ticks or clears the whole flow', () => {
    const f1 = flowKeys(preview.flows[0]);
    expect(f1).toEqual(['1/c1/o1/0', '1/c1/o1/2', '1/c2/o2/0']);
    let sel = initialSelection(preview);
    expect(triState(sel, f1)).toBe('some');
    sel = setKeys(sel, f1, true);
    expect(triState(sel, f1)).toBe('all');
    sel = setKeys(sel, f1, false);
    expect(triState(sel, f1)).toBe('none');
    expect(triState(sel, [])).toBe('none');
  });

  it('sends keys in plan order and drops keys no longer in the preview or with a problem', () => {
    const sel = new Set(['3/sku/o6/0', 'gone/x/y/0', '1/c1/o1/0', '1/c3/o3/0']);
    expect(approvedKeys(sel, preview)).toEqual(['1/c1/o1/0', '3/sku/o6/0']);
  });

  it('marks later steps of a sequence that will wait when an earlier step is not ticked', () => {
    const sel = toggle(initialSelection(preview), '1/c1/o1/0');
    expect([...waitingKeys(sel, preview)]).toEqual(['1/c1/o1/2']);
    expect(waitingKeys(initialSelection(preview), preview).size).toBe(0);
  });

  it('copes with a preview without items', () => {
    const empty: Preview = { at: '', items: 0, deferred: 0, late: 0, flows: [flow(9, [])] };
    expect(initialSelection(empty).size).toBe(0);
    expect(approvedKeys(new Set(['a']), empty)).toEqual([]);
  });
});
