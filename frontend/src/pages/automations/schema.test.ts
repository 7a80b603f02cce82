// The editor's words against the engine's names. src/api/schema.json is
// flow.EditorSchema() (a Go test keeps it so); these fail when a trigger,
// step kind, exit, base event or condition field is added to or removed
// from Go without the editor following, or the other way round.
import { describe, expect, it } from 'vitest';
import { schema } from '../../api/schema';
import { FIELD_LABELS, FIELD_TYPES, FIELDS } from './condition';
import { ACTION_LABELS, AFTER, EXIT_LABELS, STOP_SCOPE_HINTS, STOP_SCOPE_LABELS, TRIGGER_LABELS } from './describe';
import { ACTION_ICON } from './StepEditors';

const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('the editor and the engine name the same things', () => {
  it('condition fields', () => {
    expect(sorted(Object.keys(FIELD_LABELS))).toEqual(sorted(schema.fields.map((f) => f.expr)));
    expect(FIELDS.map((f) => f.expr)).toEqual(Object.keys(FIELD_LABELS));
  });

  it('field types', () => {
    for (const f of schema.fields) expect(FIELD_TYPES, f.expr).toContain(f.type);
  });

  it('triggers', () => {
    expect(sorted(Object.keys(TRIGGER_LABELS))).toEqual(sorted(schema.triggers));
  });

  it('step kinds', () => {
    expect(sorted(Object.keys(ACTION_LABELS))).toEqual(sorted(schema.actions.filter((a) => a !== 'wait')));
    expect(sorted(Object.keys(ACTION_ICON))).toEqual(sorted(schema.actions));
  });

  it('exits and base events', () => {
    expect(sorted(Object.keys(EXIT_LABELS))).toEqual(sorted(schema.exits));
    expect(sorted(Object.keys(AFTER))).toEqual(sorted(schema.after));
  });

  it('whose sequences a stop ends', () => {
    expect(sorted(Object.keys(STOP_SCOPE_LABELS))).toEqual(sorted(schema.stopScopes));
    expect(sorted(Object.keys(STOP_SCOPE_HINTS))).toEqual(sorted(schema.stopScopes));
  });
});
