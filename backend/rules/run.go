package rules

import (
	"context"
	"encoding/json"
	"errors"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/rulesdb"
)

// RunResult is what one run did.
type RunResult struct {
	RunID       int64          `json:"runId"`
	At          time.Time      `json:"at"`
	DryRun      bool           `json:"dryRun"`
	Done        int            `json:"done"`
	AlreadyDone int            `json:"alreadyDone"` // keys another run had already done
	NotApproved int            `json:"notApproved"`
	Waiting     int            `json:"waiting"` // later steps of a sequence whose earlier step was not run
	Failed      []RunFailure   `json:"failed"`
	ByFlow      map[string]int `json:"byFlow"`
	ByAction    map[string]int `json:"byAction"`
	Cancelled   bool           `json:"cancelled"`
}

// RunFailure is an item that could not be done; it stays out of the ledger
// and is tried again on the next run.
type RunFailure struct {
	Key     string `json:"key"`
	Summary string `json:"summary"`
	Message string `json:"message"`
}

// Run plans afresh at now and executes the approved items in plan order.
// Each item commits its ledger key and its effect together; a key already
// there means another run did it, and it is counted, not repeated. A later
// step of a sequence waits when an earlier step in this plan was not run.
// Cancelling ctx stops between items: what committed stays, and the next run
// carries on from there.
func (e *Engine) Run(ctx context.Context, now time.Time, approved []string) (RunResult, error) {
	res, err := e.startRun(ctx, now, false)
	if err != nil {
		return res, err
	}
	p, err := e.Plan(ctx, now)
	if err != nil {
		e.finish(res.RunID, now, &res)
		return res, err
	}
	return e.execute(ctx, p, approved, res)
}

// RunPreview executes the approved items of a preview this engine has just
// planned (the schedule and `shopclerk run` plan, pick the approvable keys,
// and run), so the plan is not made twice. The ledger still guards every
// item: a key another run did meanwhile is counted, not repeated. A preview
// the seller looked at a while ago goes through Run, which plans afresh.
func (e *Engine) RunPreview(ctx context.Context, p *Preview, approved []string) (RunResult, error) {
	res, err := e.startRun(ctx, p.At, false)
	if err != nil {
		return res, err
	}
	return e.execute(ctx, p, approved, res)
}

// startRun opens a run's history row and the empty result it fills.
func (e *Engine) startRun(ctx context.Context, now time.Time, dry bool) (RunResult, error) {
	res := RunResult{At: now, DryRun: dry, Failed: []RunFailure{}, ByFlow: map[string]int{}, ByAction: map[string]int{}}
	runID, err := e.st.StartRuleRun(ctx, now, dry)
	if err != nil {
		return res, err
	}
	res.RunID = runID
	return res, nil
}

func (e *Engine) execute(ctx context.Context, p *Preview, approved []string, res RunResult) (RunResult, error) {
	now, runID := p.At, res.RunID
	if err := e.st.RecordLedgerDecisions(ctx, p.decisions); err != nil {
		e.finish(runID, now, &res)
		return res, err
	}
	ok := map[string]bool{}
	for _, k := range approved {
		ok[k] = true
	}
	// The run renders (an email re-rendered with the coupon it really
	// issued) from the settings and templates its plan rendered from, not
	// from a second reading: it queues what the preview showed, even when
	// the seller saved a template in between; the next plan shows the edit.
	settings, r := p.settings, p.renderer
	if r == nil { // a Preview this engine did not plan
		var err error
		if settings, r, err = e.snapshot(ctx); err != nil {
			e.finish(runID, now, &res)
			return res, err
		}
	}
	pc := &planCtx{ctx: ctx, st: e.st, now: now, settings: settings, renderer: r, reorder: e.opt.Reorderer}
	ac := &applyCtx{pc: pc, renderer: r, newMessageFn: e.opt.MessageID}
	blocked := map[string]bool{} // occurrence key prefixes whose sequence must wait
	for _, f := range p.Flows {
		for i := range f.Items {
			it := &f.Items[i]
			seq := keyPrefix(it.FlowID, it.Subject, it.Occurrence)
			switch {
			case blocked[seq]:
				res.Waiting++
				continue
			case !ok[it.Key] || it.Problem != "":
				res.NotApproved++
				blocked[seq] = true
				continue
			}
			if ctx.Err() != nil {
				res.Cancelled = true
				e.finish(runID, now, &res)
				return res, ctx.Err()
			}
			entry := domain.LedgerEntry{Key: it.Key, RuleID: it.FlowID, Subject: it.Subject, Occurrence: it.Occurrence, Step: it.Step, DueAt: it.DueAt,
				Path: it.Path}
			err := e.st.ApplyRuleAction(ctx, entry, func(tx *rulesdb.RuleTx) (string, error) {
				var fx Effects = &storeEffects{tx: tx, prefix: seq}
				if e.opt.WrapEffects != nil {
					fx = e.opt.WrapEffects(fx, tx)
				}
				return it.action.Apply(ctx, ac, it.sub, it, fx)
			})
			switch {
			case errors.Is(err, rulesdb.ErrAlreadyDone):
				res.AlreadyDone++
			case err != nil:
				if ctx.Err() != nil {
					res.Cancelled = true
					e.finish(runID, now, &res)
					return res, ctx.Err()
				}
				res.Failed = append(res.Failed, RunFailure{Key: it.Key, Summary: it.Summary, Message: err.Error()})
				blocked[seq] = true
				e.opt.Log.Warn("automation step failed", "key", it.Key, "err", err)
			default:
				res.Done++
				res.ByFlow[f.Name]++
				res.ByAction[string(it.Action)]++
			}
		}
	}
	for _, f := range p.Flows {
		if f.Error == "" {
			e.st.TouchRuleRun(ctx, f.FlowID, now)
		}
	}
	// The run's own tags are changes too: record them now, so the next plan
	// starts from a seen state and, when nothing else changed, skips reading
	// the customers. Detection only compares states; it is safe to run more.
	if res.Done > 0 {
		if _, err := e.st.DetectRuleEvents(ctx); err != nil {
			e.opt.Log.Warn("events after the run not detected; the next plan will", "err", err)
		}
	}
	e.finish(runID, now, &res)
	return res, nil
}

// DryRun plans and records the run in the history without doing anything.
func (e *Engine) DryRun(ctx context.Context, now time.Time) (*Preview, RunResult, error) {
	res, err := e.startRun(ctx, now, true)
	if err != nil {
		return nil, res, err
	}
	p, err := e.Plan(ctx, now)
	if err == nil {
		for _, f := range p.Flows {
			for _, it := range f.Items {
				res.ByFlow[f.Name]++
				res.ByAction[string(it.Action)]++
			}
		}
	}
	e.finish(res.RunID, now, &res)
	return p, res, err
}

// finish closes the run's history row; it uses a fresh context so a
// cancelled run is still recorded as what it did.
func (e *Engine) finish(runID int64, now time.Time, res *RunResult) {
	b, _ := json.Marshal(res)
	if err := e.st.FinishRuleRun(context.Background(), runID, now, string(b)); err != nil {
		e.opt.Log.Warn("could not record the automation run", "err", err)
	}
}

// History returns the newest runs with their summaries.
func (e *Engine) History(ctx context.Context, limit int) ([]RunRecord, error) {
	rows, err := e.st.ListRuleRuns(ctx, limit)
	if err != nil {
		return nil, err
	}
	out := make([]RunRecord, 0, len(rows))
	for _, r := range rows {
		rec := RunRecord{ID: r.ID, StartedAt: r.StartedAt, FinishedAt: r.FinishedAt, DryRun: r.DryRun}
		json.Unmarshal([]byte(r.Summary), &rec.Result)
		out = append(out, rec)
	}
	return out, nil
}

// RunRecord is one row of the run history.
type RunRecord struct {
	ID         int64      `json:"id"`
	StartedAt  time.Time  `json:"startedAt"`
	FinishedAt *time.Time `json:"finishedAt"`
	DryRun     bool       `json:"dryRun"`
	Result     RunResult  `json:"result"`
}

// DetectNow records the events new data shows (consent given or withdrawn,
// tags added, shipment statuses) without planning anything. The import job
// calls it after each committed batch: consent is compared with the last
// snapshot, so a customer who opts in and out again between two plans still
// gets both events. It returns how many events were new.
func (e *Engine) DetectNow(ctx context.Context) (int, error) {
	return e.st.DetectRuleEventsOnSmallCache(ctx)
}
