// The flow editor's vocabulary as the engine knows it: the triggers, step
// kinds, exits, days_after base events and condition-builder fields of
// flow.EditorSchema() (backend/rules/flow/schema.go; the fields are Env's
// builder tags). schema.json is written by
// `go test ./backend/rules/flow -run TestSchemaGolden -update`, and that Go test
// fails while the file and the engine differ; the bound
// AutomationService.Schema() returns the same value. The editor reads this
// copy rather than calling the binding because the condition parser needs
// the fields synchronously, before any call returns.
import type { flow } from '../../wailsjs/go/models';
import type { Plain } from './plain';
import data from './schema.json';

export type Schema = Plain<flow.Schema>;
export type SchemaField = Plain<flow.SchemaField>;

export const schema: Schema = data;
