package app

import (
	"context"
	"shopclerk/backend/rules/flow"

	"shopclerk/backend/email"
	"shopclerk/backend/rules"
)

// AutomationService serves the Automations screen: the flows with their
// switches, the editor (with save-time validation), the preview with
// approvals, one-click runs, backtests and the run history.
type AutomationService struct{ app *App }

// Templates lists the ready-made flows.
func (s *AutomationService) Templates() ([]flow.FlowTemplate, error) { return flow.Templates, nil }

// EmailTemplates lists the email templates a send-email step can use.
func (s *AutomationService) EmailTemplates() ([]string, error) { return email.TemplateNames(), nil }

// Schema is the flow editor's vocabulary as the engine knows it: triggers,
// step kinds, exits and condition fields (frontend/src/api/schema.json is
// the same, checked by rules.TestSchemaGolden).
func (s *AutomationService) Schema() (flow.Schema, error) { return flow.EditorSchema(), nil }

// ListFlows returns every stored flow with its switch and last run.
func (s *AutomationService) ListFlows() ([]rules.Flow, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Engine.ListFlows(ctx)
}

// GetFlow returns one flow for the editor.
func (s *AutomationService) GetFlow(id int64) (rules.Flow, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return rules.Flow{}, err
	}
	return b.Engine.GetFlow(ctx, id)
}

// Validate checks a definition as the editor changes it; problems carry
// their step and the position in the expression.
func (s *AutomationService) Validate(d flow.Definition) ([]flow.Problem, error) {
	return append([]flow.Problem{}, flow.Validate(d)...), nil
}

// SaveFlow stores a flow (new when id is 0) after validating it.
func (s *AutomationService) SaveFlow(f rules.Flow) (int64, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return 0, err
	}
	return b.Engine.SaveFlow(ctx, f)
}

// InstallTemplate adds a ready-made flow, switched off, and returns its id.
// One the shop has already is refused (conflict), naming it: a second copy
// would act again on what the first one did.
func (s *AutomationService) InstallTemplate(key string) (int64, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return 0, err
	}
	return b.Engine.InstallTemplate(ctx, key)
}

// SetEnabled switches a flow on or off.
func (s *AutomationService) SetEnabled(id int64, on bool) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return b.Engine.SetEnabled(ctx, id, on)
}

// Preview shows what a run would do now, grouped by flow.
func (s *AutomationService) Preview() (*rules.Preview, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Engine.Plan(ctx, b.Clock.Now())
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
	now := b.Clock.Now()
	return s.app.jobs.Start("automation-preview", func(ctx context.Context, progress func(Progress)) (any, error) {
		return b.Engine.PlanProgress(ctx, now, func(done, total int, flow string) {
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
	return b.Engine.Run(ctx, b.Clock.Now(), keys)
}

// History returns the newest runs.
func (s *AutomationService) History(limit int) ([]rules.RunRecord, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Engine.History(ctx, limit)
}

// Backtest shows what a flow would have done over the last days.
func (s *AutomationService) Backtest(id int64, days int) (rules.Backtest, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return rules.Backtest{}, err
	}
	return b.Engine.Backtest(ctx, id, days, b.Clock.Now())
}

// Export returns the given flows (all when empty) as JSON text.
func (s *AutomationService) Export(ids []int64) (string, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return "", err
	}
	out, err := b.Engine.ExportFlows(ctx, ids)
	return string(out), err
}

// Import stores the flows of an export, switched off.
func (s *AutomationService) Import(data string) ([]int64, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Engine.ImportFlows(ctx, []byte(data))
}

// ReleaseHold lets a held order's confirmation and rewards go out on the
// next run: the Tasks screen's Release (customers.Release), so the review
// task is ticked off and the store write queued the same way.
func (s *AutomationService) ReleaseHold(orderID int64) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	_, err = b.Customers.Release(ctx, orderID)
	return err
}
