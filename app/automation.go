package app

import (
	"context"
	"log/slog"
	"time"

	"shopclerk/backend/customers"
	"shopclerk/backend/email"
	"shopclerk/backend/mail"
	"shopclerk/backend/rules"
	"shopclerk/backend/store"
	"shopclerk/backend/store/customersdb"
	"shopclerk/backend/store/rulesdb"
)

// AutomationService serves the Automations screen: the flows with their
// switches, the editor (with save-time validation), the preview with
// approvals, one-click runs, backtests and the run history.
type AutomationService struct{ app *App }

// NewAutomationEngine builds the rules engine with the mail package's
// templates and Message-IDs, so automation emails look like, and are
// tracked like, every other email the shop sends. The schedule, the CLI and
// the Automations screen all use it. Building it reads nothing: the account
// is read by a run that queues an email.
func NewAutomationEngine(st *rulesdb.DB, log *slog.Logger) *rules.Engine {
	return rules.New(st, automationOptions(st, log))
}

// automationOptions are NewAutomationEngine's options, for callers that add
// to them (the headless run's crash failpoint).
func automationOptions(st *rulesdb.DB, log *slog.Logger) rules.Options {
	return rules.Options{Log: log, Renderer: &mail.Templates{Store: st.DB}, Customers: customers.New(customersdb.New(st.Store), st.Store.Clock(), log), Reorderer: newInventoryReorderer(st),
		MessageID: func(ctx context.Context) func(time.Time) string {
			from := messageIDSender(ctx, st.Store, log)
			return func(now time.Time) string { return mail.NewMessageID(from, now) }
		}}
}

// messageIDSender is the address automation Message-IDs are made under:
// the mail account's sender, or the shop's address before there is one.
// A run asks once, at its first email, so the Automations screen's other
// calls never read the account and a run after the seller saved a new one
// (app/mail.go) uses it, including the schedule's long-lived engine.
func messageIDSender(ctx context.Context, st *store.Store, log *slog.Logger) string {
	acct, _, err := mail.LoadAccount(ctx, st)
	if err != nil {
		log.Warn("mail account not readable; automation emails use the shop address for Message-IDs", "err", err)
	}
	if acct.FromAddress != "" {
		return acct.FromAddress
	}
	from, _ := st.Setting(ctx, email.SettingShopEmail, "")
	return from
}

// Templates lists the ready-made flows.
func (s *AutomationService) Templates() ([]rules.FlowTemplate, error) { return rules.Templates, nil }

// EmailTemplates lists the email templates a send-email step can use.
func (s *AutomationService) EmailTemplates() ([]string, error) { return email.TemplateNames(), nil }

// Schema is the flow editor's vocabulary as the engine knows it: triggers,
// step kinds, exits and condition fields (frontend/src/api/schema.json is
// the same, checked by rules.TestSchemaGolden).
func (s *AutomationService) Schema() (rules.Schema, error) { return rules.EditorSchema(), nil }

// ListFlows returns every stored flow with its switch and last run.
func (s *AutomationService) ListFlows() ([]rules.Flow, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.engine.ListFlows(ctx)
}

// GetFlow returns one flow for the editor.
func (s *AutomationService) GetFlow(id int64) (rules.Flow, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return rules.Flow{}, err
	}
	return b.engine.GetFlow(ctx, id)
}

// Validate checks a definition as the editor changes it; problems carry
// their step and the position in the expression.
func (s *AutomationService) Validate(d rules.Definition) ([]rules.Problem, error) {
	return append([]rules.Problem{}, rules.Validate(d)...), nil
}

// SaveFlow stores a flow (new when id is 0) after validating it.
func (s *AutomationService) SaveFlow(f rules.Flow) (int64, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return 0, err
	}
	return b.engine.SaveFlow(ctx, f)
}

// InstallTemplate adds a ready-made flow, switched off, and returns its id.
// One the shop has already is refused (conflict), naming it: a second copy
// would act again on what the first one did.
func (s *AutomationService) InstallTemplate(key string) (int64, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return 0, err
	}
	return b.engine.InstallTemplate(ctx, key)
}

// SetEnabled switches a flow on or off.
func (s *AutomationService) SetEnabled(id int64, on bool) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return b.engine.SetEnabled(ctx, id, on)
}

// Preview shows what a run would do now, grouped by flow.
func (s *AutomationService) Preview() (*rules.Preview, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.engine.Plan(ctx, b.clk.Now())
}

// StartPreview plans in the background and returns the job's id at once:
// on the l demo shop a first plan takes seconds. Progress ("job:progress")
// counts the flows planned; the preview comes with "job:done" (kind
// "automation-preview"); JobService.Cancel stops it. Preview stays for
// small shops and for screens written against it.
func (s *AutomationService) StartPreview() (string, error) {
	b, _, err := s.app.current()
	if err != nil {
		return "", err
	}
	now := b.clk.Now()
	return s.app.jobs.Start("automation-preview", func(ctx context.Context, progress func(Progress)) (any, error) {
		return b.engine.PlanProgress(ctx, now, func(done, total int, flow string) {
			progress(Progress{Done: int64(done), Total: int64(total), Message: flow})
		})
	}), nil
}

// RunApproved executes the approved items (their keys from the preview).
func (s *AutomationService) RunApproved(keys []string) (rules.RunResult, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return rules.RunResult{}, err
	}
	return b.engine.Run(ctx, b.clk.Now(), keys)
}

// History returns the newest runs.
func (s *AutomationService) History(limit int) ([]rules.RunRecord, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.engine.History(ctx, limit)
}

// Backtest shows what a flow would have done over the last days.
func (s *AutomationService) Backtest(id int64, days int) (rules.Backtest, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return rules.Backtest{}, err
	}
	return b.engine.Backtest(ctx, id, days, b.clk.Now())
}

// Export returns the given flows (all when empty) as JSON text.
func (s *AutomationService) Export(ids []int64) (string, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return "", err
	}
	out, err := b.engine.ExportFlows(ctx, ids)
	return string(out), err
}

// Import stores the flows of an export, switched off.
func (s *AutomationService) Import(data string) ([]int64, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.engine.ImportFlows(ctx, []byte(data))
}

// ReleaseHold lets a held order's confirmation and rewards go out on the
// next run: the Tasks screen's Release (customers.Release), so the review
// task is ticked off and the store write queued the same way.
func (s *AutomationService) ReleaseHold(orderID int64) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	_, err = b.customers.Release(ctx, orderID)
	return err
}
