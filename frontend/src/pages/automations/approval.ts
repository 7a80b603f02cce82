// Which preview items the seller approves. Mirrors the engine's rules
// (backend/rules/preview.go): an item with a problem can never run; "safe"
// (the default, what `shopclerk run` approves) leaves out late items and
// every item of a flow that asks for confirmation (it emails more customers
// than the shop's limit at once); "all" ticks those too.
import type { FlowPlan, PlanItem, Preview } from '../../api/automations';

export type Selection = ReadonlySet<string>;

export type Tri = 'all' | 'some' | 'none';

export function runnable(it: PlanItem): boolean {
  return !it.problem;
}

/** Items the default approval takes: runnable, not late, flow not asking first. */
export function safeKeys(p: Preview): string[] {
  return p.flows.flatMap((f) => (f.needsConfirm ? [] : (f.items ?? []).filter((it) => runnable(it) && !it.late).map((it) => it.key)));
}

/** Every item that can run, late ones and confirmations included. */
export function allKeys(p: Preview): string[] {
  return p.flows.flatMap((f) => flowKeys(f));
}

export function flowKeys(f: FlowPlan): string[] {
  return (f.items ?? []).filter(runnable).map((it) => it.key);
}

export function initialSelection(p: Preview): Selection {
  return new Set(safeKeys(p));
}

export function selectAll(p: Preview, mode: 'all' | 'safe' | 'none'): Selection {
  if (mode === 'none') return new Set();
  return new Set(mode === 'all' ? allKeys(p) : safeKeys(p));
}

/** Ticks or unticks some keys (a single item, a purchase order's lines, a flow). */
export function setKeys(sel: Selection, keys: readonly string[], on: boolean): Selection {
  const next = new Set(sel);
  for (const k of keys) {
    if (on) next.add(k);
    else next.delete(k);
  }
  return next;
}

export function toggle(sel: Selection, key: string): Selection {
  return setKeys(sel, [key], !sel.has(key));
}

/** How much of a set of keys is ticked, for a parent checkbox. */
export function triState(sel: Selection, keys: readonly string[]): Tri {
  if (keys.length === 0) return 'none';
  const n = keys.filter((k) => sel.has(k)).length;
  return n === 0 ? 'none' : n === keys.length ? 'all' : 'some';
}

/**
 * The keys to send to RunApproved, in plan order, dropping anything that is
 * no longer in the preview or cannot run.
 */
export function approvedKeys(sel: Selection, p: Preview): string[] {
  return allKeys(p).filter((k) => sel.has(k));
}

/**
 * Later steps of a sequence wait when an earlier step of the same occurrence
 * is not approved (backend/rules/run.go): the keys that would wait.
 */
export function waitingKeys(sel: Selection, p: Preview): Set<string> {
  const out = new Set<string>();
  for (const f of p.flows) {
    const blocked = new Set<string>();
    for (const it of f.items ?? []) {
      const seq = `${it.flowId}/${it.subject}/${it.occurrence}`;
      if (blocked.has(seq)) {
        if (sel.has(it.key)) out.add(it.key);
        continue;
      }
      if (!sel.has(it.key) || !runnable(it)) blocked.add(seq);
    }
  }
  return out;
}
