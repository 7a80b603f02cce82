// The tree operations of the flow editor: every edit goes through the top
// list, so a step inside a branch is changed, moved and added in place and
// nothing else moves.
import { describe, expect, it } from 'vitest';
import type { Problem, Step } from '../../api/automations';
import { addTo, branchLabel, indexStats, listAt, moveToOtherSide, moveWithin, problemsAtStep, setSplitKind, stepWhere, updateList } from './branches';

const email = (subject: string, id?: number): Step => ({ action: 'send_email', subject, body: 'x', id }) as Step;
const split = (yes: Step[], no: Step[]): Step => ({ action: 'split', split: 'condition', when: 'order.total > 1', branches: [{ steps: yes }, { steps: no }] }) as Step;
const subjects = (l: Step[]) => l.map((s) => s.subject ?? s.action);

describe('branches in the editor', () => {
  const tree = (): Step[] => [email('first'), split([email('y1', 1000), split([email('a', 1002)], [email('b', 1003)])], [email('n1', 1001)])];

  it('reads and edits a nested list without touching the others', () => {
    const t = tree();
    const path = [
      { step: 1, side: 0 },
      { step: 1, side: 1 },
    ];
    expect(subjects(listAt(t, path))).toEqual(['b']);
    const next = updateList(t, path, (l) => [...l, email('b2')]);
    expect(subjects(listAt(next, path))).toEqual(['b', 'b2']);
    expect(subjects(listAt(next, [{ step: 1, side: 1 }]))).toEqual(['n1']);
    expect(subjects(listAt(t, path))).toEqual(['b']); // the old tree is left as it was
  });

  it('adds before a list-ending split, and moves across keeping ids', () => {
    const t = tree();
    const yes = [{ step: 1, side: 0 }];
    expect(subjects(listAt(addTo(t, yes, email('y2')), yes))).toEqual(['y1', 'y2', 'split']);
    const moved = moveToOtherSide(t, [{ step: 1, side: 1 }], 0);
    expect(subjects(listAt(moved, yes))).toEqual(['y1', 'n1', 'split']);
    expect(listAt(moved, yes)[1].id).toBe(1001);
    expect(subjects(listAt(moved, [{ step: 1, side: 1 }]))).toEqual([]);
    expect(subjects(moveWithin([email('a'), email('b'), email('c')], 2, -1))).toEqual(['a', 'c', 'b']);
  });

  it('names places as the engine does and finds each card its problems', () => {
    expect(stepWhere('', 1)).toBe('step 2');
    expect(stepWhere('step 2 › Yes', 0)).toBe('step 2 › Yes › step 1');
    const probs = [
      { field: 'step', step: 2, message: 'the No branch has no steps' },
      { field: 'step', step: 2, where: 'step 2 › Yes › step 1', message: 'say how long to wait' },
    ] as Problem[];
    expect(problemsAtStep(probs, '', 2).map((p) => p.message)).toEqual(['the No branch has no steps']);
    expect(problemsAtStep(probs, 'step 2 › Yes › step 1', null).map((p) => p.message)).toEqual(['say how long to wait']);
  });

  it('labels sides and switches kinds', () => {
    const ab = setSplitKind(split([], []), 'random');
    expect(ab.percent).toBe(50);
    expect([branchLabel(ab, 0), branchLabel({ ...ab, percent: 30 }, 1)]).toEqual(['A 50%', 'B 70%']);
    expect(branchLabel(setSplitKind(ab, 'condition'), 0)).toBe('Yes');
  });

  it('adds up a step’s counts over its paths', () => {
    const ix = indexStats({ steps: [{ step: 1000, sent: 2, waiting: 1, done: 3 }, { step: 1000, sent: 1, waiting: 0, done: 1 }], sides: [{ step: 1, side: 'yes', people: 4 }] });
    expect(ix.steps.get(1000)).toEqual({ sent: 3, waiting: 1, done: 4 });
    expect(ix.sides.get('1:yes')).toBe(4);
  });
});
