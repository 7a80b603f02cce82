// The variables each email template is given, as the backend knows them:
// mail.AllTemplateVariables() (backend/mail/blocktemplates.go, read from
// email.Data's fields). emailVariables.json is written by
// `go test ./backend/mail -run TestVariablesGolden -update`, and that Go
// test fails while the file and the backend differ; the bound
// MailSettingsService.TemplateVariables() returns the same value. The
// block editor reads this copy so its picker and its marking of unknown
// variables work synchronously, as the save check does on the Go side.
import type { email, mail } from '../../wailsjs/go/models';
import data from './emailVariables.json';
import type { Plain } from './plain';

export type Variable = Plain<email.Variable>;
export type TemplateVariables = Plain<mail.TemplateVariables>;

export const templateVariables: TemplateVariables[] = data;

/** The variables of one template; none for a name the backend does not list. */
export function variablesOf(name: string): Variable[] {
  return templateVariables.find((t) => t.name === name)?.variables ?? [];
}
