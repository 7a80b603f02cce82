package rules

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/rulesdb"
)

// ValidationError carries every problem of a flow that could not be saved.
type ValidationError struct {
	Problems []flow.Problem
}

func (e *ValidationError) Error() string {
	msgs := make([]string, 0, len(e.Problems))
	for _, p := range e.Problems {
		msgs = append(msgs, p.String())
	}
	return "the automation was not saved: " + strings.Join(msgs, "; ")
}

// asDomain wraps a ValidationError so the app's error formatter shows it as
// an "invalid" error with the seller-readable list.
func (e *ValidationError) asDomain() error {
	return &domain.Error{Code: domain.CodeInvalid, Message: e.Error(), Err: e}
}

func flowFromRow(r rulesdb.RuleRow) (Flow, error) {
	def, err := flow.ParseDefinition(r.Definition)
	f := Flow{ID: r.ID, Name: r.Name, Template: r.Template, Enabled: r.Enabled, Definition: def,
		UpdatedAt: r.UpdatedAt, LastRunAt: r.LastRunAt, EnabledAt: r.EnabledAt}
	if t, ok := flow.TemplateByKey(r.Template); ok {
		f.Description = t.Description
	}
	return f, err
}

// ListFlows returns every stored flow.
func (e *Engine) ListFlows(ctx context.Context) ([]Flow, error) {
	rows, err := e.st.ListRules(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Flow, 0, len(rows))
	for _, r := range rows {
		f, _ := flowFromRow(r) // a damaged definition still lists, and fails at plan time with its reason
		out = append(out, f)
	}
	return out, nil
}

// GetFlow returns one flow.
func (e *Engine) GetFlow(ctx context.Context, id int64) (Flow, error) {
	r, err := e.st.GetRule(ctx, id)
	if err != nil {
		return Flow{}, err
	}
	return flowFromRow(r)
}

// SaveFlow validates and stores a flow (new when ID is 0) and returns its id.
// Problems come back as a *ValidationError inside a domain "invalid" error.
func (e *Engine) SaveFlow(ctx context.Context, f Flow) (int64, error) {
	f.Name = strings.TrimSpace(f.Name)
	if f.Name == "" {
		return 0, (&ValidationError{Problems: []flow.Problem{{Field: "name", Message: "give the automation a name"}}}).asDomain()
	}
	f.Definition.Defaults()
	if f.ID != 0 {
		// Ids are never reused, even when the editor sent an older NextID.
		if old, err := e.GetFlow(ctx, f.ID); err == nil {
			f.Definition.NextID = max(f.Definition.NextID, old.Definition.NextID)
		}
	}
	flow.AssignIDs(&f.Definition)
	if probs := flow.Validate(f.Definition); len(probs) > 0 {
		return 0, (&ValidationError{Problems: probs}).asDomain()
	}
	raw, err := json.Marshal(f.Definition)
	if err != nil {
		return 0, err
	}
	if f.ID == 0 {
		return e.st.InsertRule(ctx, rulesdb.RuleRow{Name: f.Name, Template: f.Template, Enabled: f.Enabled, Definition: string(raw)})
	}
	return f.ID, e.st.UpdateRule(ctx, f.ID, f.Name, string(raw))
}

// SetEnabled switches a flow on or off. Switching on a flow that no longer
// validates is refused with its problems.
func (e *Engine) SetEnabled(ctx context.Context, id int64, on bool) error {
	if on {
		f, err := e.GetFlow(ctx, id)
		if err != nil {
			return err
		}
		if probs := flow.Validate(f.Definition); len(probs) > 0 {
			return (&ValidationError{Problems: probs}).asDomain()
		}
	}
	return e.st.SetRuleEnabled(ctx, id, on)
}

// InstallTemplate stores a ready-made flow (switched off, to be reviewed and
// switched on) and returns its id. A ready-made flow is installed once: a
// second copy would act again on every order and customer the first one
// already served (copies a shop has from before share one ledger, see
// copies.go).
func (e *Engine) InstallTemplate(ctx context.Context, key string) (int64, error) {
	t, ok := flow.TemplateByKey(key)
	if !ok {
		return 0, domain.Errorf(domain.CodeNotFound, "there is no ready-made flow %q", key)
	}
	rows, err := e.st.ListRules(ctx)
	if err != nil {
		return 0, err
	}
	for _, r := range rows {
		if r.Template != key {
			continue
		}
		named := ""
		if r.Name != t.Name {
			named = fmt.Sprintf(", named “%s”", r.Name)
		}
		return 0, domain.Errorf(domain.CodeConflict, "“%s” is already in your flows%s: change or switch on that one. A second copy would act again on the orders and customers the first one already served.", t.Name, named)
	}
	return e.SaveFlow(ctx, Flow{Name: t.Name, Template: t.Key, Definition: t.Definition})
}

// exportFile is the JSON a seller exports and imports flows with.
type exportFile struct {
	Format string       `json:"format"`
	Flows  []exportFlow `json:"flows"`
}

type exportFlow struct {
	Name       string          `json:"name"`
	Template   string          `json:"template,omitempty"`
	Definition flow.Definition `json:"definition"`
}

const exportFormat = "shopclerk-flows/1"

// ExportFlows writes the given flows (all when ids is empty) as JSON.
func (e *Engine) ExportFlows(ctx context.Context, ids []int64) ([]byte, error) {
	flows, err := e.ListFlows(ctx)
	if err != nil {
		return nil, err
	}
	want := map[int64]bool{}
	for _, id := range ids {
		want[id] = true
	}
	out := exportFile{Format: exportFormat, Flows: []exportFlow{}}
	for _, f := range flows {
		if len(ids) == 0 || want[f.ID] {
			out.Flows = append(out.Flows, exportFlow{Name: f.Name, Template: f.Template, Definition: f.Definition})
		}
	}
	return json.MarshalIndent(out, "", "  ")
}

// ImportFlows stores the flows of an export file, switched off. Every flow is
// validated first; if any has problems, none is stored.
func (e *Engine) ImportFlows(ctx context.Context, data []byte) ([]int64, error) {
	var in exportFile
	if err := json.Unmarshal(data, &in); err != nil || in.Format != exportFormat {
		return nil, domain.Errorf(domain.CodeInvalid, "this is not a Shopclerk automations file")
	}
	var probs []flow.Problem
	for i := range in.Flows {
		in.Flows[i].Definition.Defaults()
		for _, p := range flow.Validate(in.Flows[i].Definition) {
			p.Message = in.Flows[i].Name + ": " + p.Message
			probs = append(probs, p)
		}
	}
	if len(probs) > 0 {
		return nil, (&ValidationError{Problems: probs}).asDomain()
	}
	var ids []int64
	for _, f := range in.Flows {
		id, err := e.SaveFlow(ctx, Flow{Name: f.Name, Template: f.Template, Definition: f.Definition})
		if err != nil {
			return ids, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// Backtest is what a flow would have done over a past period.
type Backtest struct {
	FlowID  int64          `json:"flowId"`
	From    time.Time      `json:"from"`
	To      time.Time      `json:"to"`
	Items   int            `json:"items"`
	ByKind  map[string]int `json:"byKind"`
	Skipped map[string]int `json:"skipped"`
	Sample  []Item         `json:"sample"` // the first items, rendered
}

// Backtest runs one flow's planner over the last days as if the ledger were
// empty and every run had happened on time. It changes nothing (besides
// recording newly detected events, which any plan does).
func (e *Engine) Backtest(ctx context.Context, id int64, days int, now time.Time) (Backtest, error) {
	r, err := e.st.GetRule(ctx, id)
	if err != nil {
		return Backtest{}, err
	}
	c, err := compileFlow(r)
	if err != nil {
		return Backtest{}, err
	}
	if days <= 0 || days > 365 {
		return Backtest{}, domain.Errorf(domain.CodeInvalid, "a backtest covers 1 to 365 days")
	}
	if _, err := e.st.DetectRuleEvents(ctx); err != nil {
		return Backtest{}, err
	}
	from := now.Add(-time.Duration(days) * 24 * time.Hour)
	ps, err := e.newPlanState(ctx, now, &Preview{At: now})
	if err != nil {
		return Backtest{}, err
	}
	ps.backtest = true
	fp, err := e.planFlow(ctx, ps, c, from)
	if err != nil {
		return Backtest{}, err
	}
	bt := Backtest{FlowID: id, From: from, To: now, Items: len(fp.Items), ByKind: map[string]int{}, Skipped: fp.Skipped, Sample: []Item{}}
	for i, it := range fp.Items {
		bt.ByKind[string(it.Action)]++
		if i < 20 {
			bt.Sample = append(bt.Sample, it)
		}
	}
	return bt, nil
}
