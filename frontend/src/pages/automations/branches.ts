// Branches in flows, as data: a split step holds two lists of steps (Yes/No
// on a condition, or A/B at random), each addressed by its place in the
// tree. The engine names a step inside a branch "step 3 › Yes › step 2"
// (places counted with waits, as everywhere in its problems); stepWhere
// builds the same words so a problem lands on its card.
import type { Problem, Step } from '../../api/automations';

/** Where a list of steps lies: the split's place and the side, down from the top. */
export type ListPath = { step: number; side: number }[];

export const SPLIT_KINDS = [
  { value: 'condition', label: 'Yes / No on a condition' },
  { value: 'random', label: 'A / B at random' },
];

/** "Yes", "No", "A 50%", "B 50%": as rules.BranchLabel says them. */
export function branchLabel(s: Pick<Step, 'split' | 'percent'>, side: number): string {
  if (s.split === 'random') {
    const p = s.percent ?? 0;
    return side === 0 ? `A ${p}%` : `B ${100 - p}%`;
  }
  return side === 0 ? 'Yes' : 'No';
}

/** The side names the ledger records: yes/no or a/b. */
export function sideName(s: Pick<Step, 'split'>, side: number): string {
  if (s.split === 'random') return side === 0 ? 'a' : 'b';
  return side === 0 ? 'yes' : 'no';
}

/** How the engine names step i of a list under parent ("" at the top). */
export function stepWhere(parent: string, i: number): string {
  return parent ? `${parent} › step ${i + 1}` : `step ${i + 1}`;
}

/** The parent words of a split's branch: "step 3 › Yes". */
export function branchWhere(splitWhere: string, s: Step, side: number): string {
  return `${splitWhere} › ${branchLabel(s, side)}`;
}

/** A new split: empty condition (the seller builds it), no steps yet. */
export function newSplit(): Step {
  return { action: 'split', split: 'condition', when: '', branches: [{ steps: [] }, { steps: [] }] } as Step;
}

/** The split changes kind: A/B starts at 50 %, a condition split empty. */
export function setSplitKind(s: Step, kind: string): Step {
  if (kind === 'random') return { ...s, split: 'random', when: undefined, percent: s.percent || 50 };
  return { ...s, split: 'condition', percent: undefined, when: s.when ?? '' };
}

/** The steps of the list at path (the top list for []). */
export function listAt(steps: Step[], path: ListPath): Step[] {
  let cur = steps;
  for (const { step, side } of path) cur = cur[step]?.branches?.[side]?.steps ?? [];
  return cur;
}

/** A copy of steps with the list at path replaced by fn(list). */
export function updateList(steps: Step[], path: ListPath, fn: (list: Step[]) => Step[]): Step[] {
  if (path.length === 0) return fn(steps);
  const [{ step, side }, ...rest] = path;
  return steps.map((s, i) => {
    if (i !== step) return s;
    const branches = [...(s.branches ?? [{ steps: [] }, { steps: [] }])].map((b) => ({ ...b, steps: [...(b.steps ?? [])] }));
    while (branches.length < 2) branches.push({ steps: [] });
    branches[side] = { ...branches[side], steps: updateList(branches[side].steps ?? [], rest, fn) };
    return { ...s, branches } as Step;
  });
}

/** Moves step i of a list by delta within it (kept inside the list). */
export function moveWithin(list: Step[], i: number, delta: number): Step[] {
  const next = [...list];
  const [m] = next.splice(i, 1);
  next.splice(Math.max(0, Math.min(next.length, i + delta)), 0, m);
  return next;
}

/**
 * Moves step i of the list at path (which must be a branch) to the end of
 * the split's other branch, before a final split or exit there.
 */
export function moveToOtherSide(steps: Step[], path: ListPath, i: number): Step[] {
  if (path.length === 0) return steps;
  const last = path[path.length - 1];
  const moved = listAt(steps, path)[i];
  const without = updateList(steps, path, (l) => l.filter((_, j) => j !== i));
  const other = [...path.slice(0, -1), { step: last.step, side: 1 - last.side }];
  return updateList(without, other, (l) => {
    const end = l.length > 0 && (l[l.length - 1].action === 'split' || l[l.length - 1].action === 'exit') ? l.length - 1 : l.length;
    return [...l.slice(0, end), moved, ...l.slice(end)];
  });
}

/** Adds a step at the end of the list at path, before a final split or exit. */
export function addTo(steps: Step[], path: ListPath, step: Step): Step[] {
  return updateList(steps, path, (l) => {
    const last = l[l.length - 1];
    if (last && (last.action === 'split' || last.action === 'exit') && step.action !== 'split' && step.action !== 'exit') {
      return [...l.slice(0, -1), step, last];
    }
    return [...l, step];
  });
}

/** Problems of one card: outside branches by place, inside by their words. */
export function problemsAtStep(problems: Problem[], where: string, top: number | null): Problem[] {
  if (top !== null) {
    return problems.filter((p) => p.step === top && !p.where && p.field !== 'condition' && p.field !== 'trigger' && p.field !== 'policy');
  }
  return problems.filter((p) => p.where === where);
}

/** How deep splits may nest (rules.maxSplitDepth). */
export const MAX_SPLIT_DEPTH = 3;

/** What a flow did, keyed for the tree: step id -> sent/waiting/done; split id:side -> people. */
export interface StatsIndex {
  steps: Map<number, { sent: number; waiting: number; done: number }>;
  sides: Map<string, number>;
}

export function indexStats(stats: { steps?: { step: number; sent: number; waiting: number; done: number }[]; sides?: { step: number; side: string; people: number }[] } | undefined): StatsIndex {
  const out: StatsIndex = { steps: new Map(), sides: new Map() };
  for (const s of stats?.steps ?? []) {
    const cur = out.steps.get(s.step) ?? { sent: 0, waiting: 0, done: 0 };
    out.steps.set(s.step, { sent: cur.sent + s.sent, waiting: cur.waiting + s.waiting, done: cur.done + s.done });
  }
  for (const s of stats?.sides ?? []) out.sides.set(`${s.step}:${s.side}`, (out.sides.get(`${s.step}:${s.side}`) ?? 0) + s.people);
  return out;
}
