package rules

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/rules/flow"
)

// maxCatchUp bounds how far back a "send anyway" or "ask" flow looks for
// missed steps, so a shop left closed for a year does not flood anyone.
const maxCatchUp = 30 * 24 * time.Hour

// planState is shared by all flows of one plan: holds and stops planned by
// one flow already apply to the others, and the weekly cap counts what this
// plan itself would send.
type planState struct {
	pc    *planCtx
	holds map[int64]bool
	// stops are the customer-wide stops planned so far (customer id -> the
	// stop's time), orderStops those of one order's sequences (order id).
	stops      map[int64]time.Time
	orderStops map[int64]time.Time
	marketing  map[int64]int
	// claims are the occurrences copies of a ready-made flow planned so
	// far (template and occurrence -> flow id; see copies.go).
	claims   map[string]int64
	preview  *Preview
	backtest bool
	facts    *factCache
	// choices are the sides customers take at splits in the flow being
	// planned, for its FlowPlan.
	choices []BranchChoice
}

// Plan finds what every enabled flow would do at now. It first records new
// events (detection is bookkeeping, not an effect); everything else is read
// only. The preview is grouped by flow.
func (e *Engine) Plan(ctx context.Context, now time.Time) (*Preview, error) {
	return e.PlanProgress(ctx, now, nil)
}

// PlanProgress is Plan for a background job: progress, when set, is told
// after each flow how many of the enabled flows are planned. Cancelling ctx
// stops the plan between two occurrences; a plan writes no effects, so
// nothing is left half done.
func (e *Engine) PlanProgress(ctx context.Context, now time.Time, progress func(done, total int, flow string)) (*Preview, error) {
	if _, err := e.st.DetectRuleEvents(ctx); err != nil {
		return nil, err
	}
	rows, err := e.st.ListRules(ctx)
	if err != nil {
		return nil, err
	}
	var flows []*compiled
	p := &Preview{At: now, Flows: []FlowPlan{}}
	byTemplate := map[string][]int64{} // every flow, switched on or off: a copy's past counts
	for _, r := range rows {
		if r.Template != "" {
			byTemplate[r.Template] = append(byTemplate[r.Template], r.ID)
		}
	}
	for _, r := range rows {
		if !r.Enabled {
			continue
		}
		c, err := compileFlow(r)
		if err != nil {
			p.Flows = append(p.Flows, FlowPlan{FlowID: r.ID, Name: r.Name, Template: r.Template, Items: []Item{}, Error: err.Error()})
			continue
		}
		for _, id := range byTemplate[r.Template] {
			if id != r.ID {
				c.copies = append(c.copies, id)
			}
		}
		flows = append(flows, c)
	}
	// Flows that hold orders or stop sequences go first, so the others
	// already see their effect in the same preview.
	sort.SliceStable(flows, func(i, j int) bool { return flowRank(flows[i]) < flowRank(flows[j]) })
	ps, err := e.newPlanState(ctx, now, p)
	if err != nil {
		return nil, err
	}
	for i, c := range flows {
		fp, err := e.planFlow(ctx, ps, c, e.window(c, now))
		if err != nil {
			return nil, err
		}
		p.Flows = append(p.Flows, fp)
		if progress != nil {
			progress(i+1, len(flows), c.row.Name)
		}
	}
	sort.SliceStable(p.Flows, func(i, j int) bool { return p.Flows[i].FlowID < p.Flows[j].FlowID })
	return p, nil
}

// newPlanState starts a plan from the settings and templates as they are
// now, and keeps that snapshot on the preview for the run that executes it.
func (e *Engine) newPlanState(ctx context.Context, now time.Time, p *Preview) (*planState, error) {
	settings, r, err := e.snapshot(ctx)
	if err != nil {
		return nil, err
	}
	p.settings, p.renderer = settings, r
	pc := &planCtx{ctx: ctx, st: e.st, now: now, settings: settings, renderer: r, reorder: e.opt.Reorderer}
	return &planState{pc: pc, holds: map[int64]bool{}, stops: map[int64]time.Time{}, orderStops: map[int64]time.Time{},
		marketing: map[int64]int{}, claims: map[string]int64{}, preview: p, facts: newFactCache()}, nil
}

// snapshot reads the shop's settings and takes the renderer's snapshot of
// the templates (when it has one): what one plan renders from.
func (e *Engine) snapshot(ctx context.Context) (Settings, email.Renderer, error) {
	r := e.opt.Renderer
	if s, ok := r.(email.RendererSnapshot); ok {
		var err error
		if r, err = s.Snapshot(ctx); err != nil {
			return Settings{}, nil, err
		}
	}
	return e.LoadSettings(ctx), r, nil
}

func flowRank(c *compiled) int {
	if c.has(domain.StepHoldOrder) || c.has(domain.StepStopSequences) {
		return 0
	}
	return 1
}

// window is the span of due times a plan looks at: the last MaxLateHours for
// flows that skip what they missed, back to the last run (at most 30 days)
// for flows that catch up.
func (e *Engine) window(c *compiled, now time.Time) time.Time {
	late := time.Duration(c.def.Policy.MaxLateHours) * time.Hour
	from := now.Add(-late - time.Hour)
	if c.def.Policy.CatchUp != flow.CatchUpSkip {
		since := c.row.LastRunAt
		if since == nil {
			since = c.row.EnabledAt
		}
		if since != nil && since.Before(from) {
			from = *since
		}
		from = maxTime(from, now.Add(-maxCatchUp))
	}
	return from
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// planFlow plans one flow over the occurrences whose steps fall due between
// from and now.
func (e *Engine) planFlow(ctx context.Context, ps *planState, c *compiled, from time.Time) (FlowPlan, error) {
	fp := FlowPlan{FlowID: c.row.ID, Name: c.row.Name, Template: c.row.Template, Items: []Item{}, Skipped: map[string]int{}}
	now := ps.pc.now
	occs, starts, err := e.occurrences(ctx, c, from.Add(-c.def.Span()), now, ps.pc.settings)
	if err != nil {
		return fp, err
	}
	// The ledger and the remembered outcomes of the whole window are read
	// once; the facts of what is left are then loaded in batches.
	var ledger map[string][]domain.LedgerStep
	var memo *flowMemo
	if !ps.backtest {
		if ledger, err = e.st.LedgerForRule(ctx, c.row.ID); err != nil {
			return fp, err
		}
		if c.memoable() {
			// Only occurrences not yet entered consult the memo (recall and
			// remember both skip entered ones), so only theirs need prints.
			fresh := make([]domain.RuleOccurrence, 0, len(occs))
			for _, o := range occs {
				if len(ledger[o.Occurrence]) == 0 {
					fresh = append(fresh, o)
				}
			}
			if memo, err = e.loadMemo(ctx, c, fresh); err != nil {
				return fp, err
			}
		}
	}
	copies, err := e.loadCopyLedger(ctx, ps, c)
	if err != nil {
		return fp, err
	}
	var todo []domain.RuleOccurrence
	for _, o := range occs {
		if settled(c, ledger[o.Occurrence]) || copies.taken(ps, o.Occurrence, len(ledger[o.Occurrence]) > 0) {
			continue
		}
		if memo != nil {
			if _, hit := memo.recall(o); hit {
				continue
			}
		}
		todo = append(todo, o)
	}
	if err := ps.facts.prefetch(ctx, e.st, todo); err != nil {
		return fp, err
	}
	recipients := map[string]bool{}
	ps.choices = nil
	for i, o := range occs {
		if err := ctx.Err(); err != nil {
			return fp, err
		}
		if copies.taken(ps, o.Occurrence, len(ledger[o.Occurrence]) > 0) {
			fp.Skipped[whyCopy]++
			continue
		}
		items, why, err := e.planOccurrence(ctx, ps, c, o, starts[i], from, ledger[o.Occurrence], memo)
		if err != nil {
			return fp, err
		}
		if len(items) > 0 {
			copies.claim(ps, o.Occurrence)
		}
		if why != "" {
			fp.Skipped[why]++
			if why == whyQuiet || why == whyCap {
				fp.Deferred++
			}
		}
		for _, it := range items {
			if it.Email != nil {
				recipients[it.Email.To] = true
			}
			if it.Late {
				ps.preview.Late++
			}
		}
		fp.Items = append(fp.Items, items...)
	}
	if memo != nil {
		if err := e.st.SaveRuleMemo(ctx, c.row.ID, memo.fresh); err != nil {
			return fp, err
		}
	}
	fp.Branches = ps.choices
	if fp.Branches == nil {
		fp.Branches = []BranchChoice{}
	}
	fp.Recipients = len(recipients)
	fp.NeedsConfirm = fp.Recipients > ps.pc.settings.ConfirmOver
	fp.groupPurchaseOrders()
	ps.preview.Items += len(fp.Items)
	ps.preview.Deferred += fp.Deferred
	return fp, nil
}

// Reasons an occurrence planned nothing, counted per flow in the preview.
const (
	whyCondition = "condition not met"
	whyReentry   = "already went through this flow"
	whyConsent   = "no marketing consent"
	whySuppress  = "address suppressed"
	whyQuiet     = "waiting for quiet hours to end"
	whyCap       = "weekly email cap reached"
	whyHeld      = "order held for review"
	whyStopped   = "stopped by another flow"
	whyGone      = "data no longer there"
	whyExit      = "sequence ended"
	whyCopy      = "done by another copy of this ready-made flow"
)

// planOccurrence walks one occurrence's steps in order and plans those that
// are due and not yet in the ledger. Exit conditions are checked before each
// step; an exit found after the sequence began is returned as a decision for
// Run to record, so it is final.
func (e *Engine) planOccurrence(ctx context.Context, ps *planState, c *compiled, o domain.RuleOccurrence, start, from time.Time,
	ledger []domain.LedgerStep, memo *flowMemo) ([]Item, string, error) {
	now := ps.pc.now
	var done map[int]bool
	var sides map[int]string
	if !ps.backtest {
		var exited bool
		if done, exited = ledgerDone(ledger); exited {
			return nil, "", nil
		}
		sides = ledgerSides(ledger)
	}
	entered := len(done) > 0
	var sub *Subject
	var items []Item
	var choices []choiceAt
	pol := c.def.Policy
	// path is the customer's way through the flow: the steps outside any
	// split, then, at a split, the steps of the side they take.
	path := c.top
	for k := 0; k < len(path); k++ {
		n := path[k]
		i, step := n.id, n.step
		if step.Action == domain.StepWait || (done[i] && step.Action != domain.StepSplit) {
			continue
		}
		due := start.Add(n.offset)
		if due.After(now) {
			break
		}
		if step.Action == domain.StepSplit {
			// A side taken before is followed without reading the facts.
			if b, ch, ok := n.kept(o, sides[i]); ok {
				choices = append(choices, choiceAt{ch, len(items)})
				path = append(path[:k+1:k+1], n.branches[b]...)
				continue
			}
		}
		late := now.Sub(due) > time.Duration(pol.MaxLateHours)*time.Hour
		// A split is never passed over: the steps after it may still be due.
		if late && step.Action != domain.StepSplit && (pol.CatchUp == flow.CatchUpSkip || due.Before(from)) && !ps.backtest {
			continue // missed while the computer was off: passed over
		}
		if sub == nil {
			if !entered && memo != nil {
				if why, hit := memo.recall(o); hit {
					return nil, why, nil
				}
			}
			if !entered && !eventPasses(c, o) {
				return nil, whyCondition, nil
			}
			s, err := e.loadSubject(ctx, ps.facts, o, start, now, c.def.Trigger.Type)
			if err != nil {
				return nil, "", err
			}
			if s == nil {
				return nil, whyGone, nil
			}
			if err := e.customerExtras(ctx, c, s); err != nil {
				return nil, "", err
			}
			sub = s
		}
		if !entered {
			ok, err := c.cond.Eval(&sub.Env)
			if err != nil {
				return nil, "", domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("the condition of %q failed: %v", c.row.Name, err))
			}
			if !ok {
				memo.remember(o, whyCondition)
				return nil, whyCondition, nil
			}
			if again, err := e.reentered(ctx, c, o, now); err != nil || again {
				return nil, whyReentry, err
			}
		}
		switch step.Action {
		case domain.StepExit:
			return ps.keepChoices(choices, items), "", nil
		case domain.StepSplit:
			b, ch, err := c.choose(n, sub)
			if err != nil {
				return nil, "", err
			}
			if !ps.backtest {
				ps.preview.decisions = append(ps.preview.decisions, domain.LedgerEntry{Key: LedgerKey(c.row.ID, o.Subject, o.Occurrence, i),
					RuleID: c.row.ID, Subject: o.Subject, Occurrence: o.Occurrence, Step: i, DueAt: due, Status: domain.LedgerBranched,
					Result: ch.Side, Path: n.path})
			}
			choices = append(choices, choiceAt{ch, len(items)})
			path = append(path[:k+1:k+1], n.branches[b]...)
			continue
		}
		// A step whose own condition is false is passed over before the exit
		// checks, which matter only to a step that would act: a spend-tier
		// order passes one coupon and one email on every plan.
		if ok, err := n.ifc.Eval(&sub.Env); err != nil || !ok {
			if err != nil {
				return nil, "", domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("%s of %q failed: %v", n.where, c.row.Name, err))
			}
			continue
		}
		why, err := e.exitReason(ctx, ps, c, sub, entered)
		if err != nil {
			return nil, "", err
		}
		if why != "" {
			if entered && !ps.backtest {
				ps.preview.decisions = append(ps.preview.decisions, domain.LedgerEntry{Key: LedgerKey(c.row.ID, o.Subject, o.Occurrence, i),
					RuleID: c.row.ID, Subject: o.Subject, Occurrence: o.Occurrence, Step: i, DueAt: due, Status: domain.LedgerSkipped, Result: "exit: " + why})
			}
			return ps.keepChoices(choices, items), why, nil
		}
		if heldBack(ps, c, sub, step) {
			return ps.keepChoices(choices, items), whyHeld, nil
		}
		// A marketing flow acts only for consenting customers and only when
		// it may email them, so its coupon never goes out without its email.
		if step.Action == domain.StepSendEmail || pol.Marketing {
			if why, stop := e.mailGate(ctx, ps, c, sub, now); stop {
				if !entered {
					memo.remember(o, why)
				}
				return ps.keepChoices(choices, items), why, nil
			}
		}
		it := Item{Key: LedgerKey(c.row.ID, o.Subject, o.Occurrence, i), FlowID: c.row.ID, Step: i, Action: step.Action,
			Subject: o.Subject, Occurrence: o.Occurrence, DueAt: due, Late: late, Path: n.path, sub: sub, action: n.action, flow: c}
		if n.path != "" {
			it.Where = n.where
		}
		if err := n.action.Plan(ps.pc, sub, &it); err != nil {
			if errors.Is(err, errPass) {
				continue
			}
			it.Problem = err.Error()
			if it.Summary == "" {
				it.Summary = fmt.Sprintf("%s for %s", step.Action, o.Subject)
			}
		}
		switch step.Action {
		case domain.StepHoldOrder:
			ps.holds[sub.orderID()] = true
		case domain.StepStopSequences:
			if step.EffectiveScope() == flow.StopCustomer {
				if id := sub.customerID(); id != 0 {
					ps.stops[id] = o.At
				}
			} else if id := sub.orderID(); id != 0 {
				ps.orderStops[id] = o.At
			}
		case domain.StepSendEmail:
			if pol.Marketing {
				ps.marketing[sub.customerID()]++
			}
		case domain.StepIssueCoupon:
			sub.plannedCoupon = it.Coupon
		}
		items = append(items, it)
		entered = true
	}
	return ps.keepChoices(choices, items), "", nil
}

// choiceAt is a side taken while planning and how many items were planned
// before it.
type choiceAt struct {
	BranchChoice
	items int
}

// keepChoices adds to the preview the sides taken in one occurrence that
// are news: a new decision, or a kept side with something planned after it.
// It returns items, for the planner's returns.
func (ps *planState) keepChoices(choices []choiceAt, items []Item) []Item {
	for _, ch := range choices {
		if !ch.Kept || len(items) > ch.items {
			ps.choices = append(ps.choices, ch.BranchChoice)
		}
	}
	return items
}

// reentered applies the flow's re-entry policy, over its copies too (a
// welcome voucher "once" is once whichever copy gave it).
func (e *Engine) reentered(ctx context.Context, c *compiled, o domain.RuleOccurrence, now time.Time) (bool, error) {
	var since time.Time
	switch c.def.Policy.Reentry {
	case flow.ReentryOnce:
		since = time.Unix(0, 0)
	case flow.ReentryCooldown:
		since = now.Add(-time.Duration(c.def.Policy.CooldownDays) * 24 * time.Hour)
	default:
		return false, nil
	}
	acted, err := e.st.RuleActedSince(ctx, c.row.ID, o.Subject, o.Occurrence, since)
	for _, id := range c.copies {
		if err != nil || acted {
			break
		}
		acted, err = e.st.RuleActedSince(ctx, id, o.Subject, o.Occurrence, since)
	}
	return acted, err
}

// exitReason re-checks, before every step, whether the sequence must end:
// another flow stopped it, or one of the flow's exit conditions holds.
func (e *Engine) exitReason(ctx context.Context, ps *planState, c *compiled, sub *Subject, entered bool) (string, error) {
	since := sub.Occ.At
	if cid, oid := sub.customerID(), sub.orderID(); (cid != 0 || oid != 0) && !c.has(domain.StepStopSequences) {
		if at, ok := ps.stops[cid]; ok && cid != 0 && at.After(since) {
			return whyStopped, nil
		}
		if at, ok := ps.orderStops[oid]; ok && oid != 0 && at.After(since) {
			return whyStopped, nil
		}
		r, err := e.st.SequenceStopped(ctx, cid, oid, c.row.ID, since)
		if err != nil || r != "" {
			return whyStopped, err
		}
	}
	if sub.Cart != nil {
		since = sub.Cart.UpdatedAt
	}
	email := sub.email()
	for _, x := range c.def.Policy.ExitOn {
		var hit bool
		var err error
		switch x {
		case flow.ExitBought:
			hit, err = e.st.BoughtSince(ctx, sub.customerID(), email, since)
		case flow.ExitReplied:
			hit, err = e.st.RepliedSince(ctx, email, since)
		case flow.ExitUnsubscribed:
			_, hit, err = e.st.Suppressed(ctx, email)
			// Withdrawing consent mid-sequence is unsubscribing; never having
			// given it is reported by the consent gate instead.
			if !hit && entered && sub.Customer != nil && c.def.Policy.Marketing {
				hit = !sub.Customer.AcceptsMarketing
			}
		case flow.ExitOutOfStock:
			if sub.Cart != nil {
				hit, err = e.st.CartOutOfStock(ctx, sub.Cart.ID)
			}
		}
		if err != nil {
			return "", err
		}
		if hit {
			return string(x), nil
		}
	}
	return "", nil
}

// eventPasses checks the condition's terms about the event alone before
// the occurrence's facts are read; false only when the whole condition is.
// An error is left for the whole condition to report.
func eventPasses(c *compiled, o domain.RuleOccurrence) bool {
	if c.guard == nil {
		return true
	}
	env := flow.Env{Event: eventEnv(c.def.Trigger.Type, o)}
	ok, err := c.guard.Eval(&env)
	return ok || err != nil
}

// heldBack tells whether a step waits because its order is held for the
// seller's review (held before, or by a flow earlier in this plan): no
// email about it (its confirmation) and no reward for it (a coupon, any
// marketing flow) until the seller releases it. The flow that holds orders
// goes on with its own steps (the review task).
func heldBack(ps *planState, c *compiled, sub *Subject, step flow.Step) bool {
	oid := sub.orderID()
	if oid == 0 || c.has(domain.StepHoldOrder) || !(sub.Env.Order.Held || ps.holds[oid]) {
		return false
	}
	return step.Action == domain.StepSendEmail || step.Action == domain.StepIssueCoupon || c.def.Policy.Marketing
}

// mailGate decides whether an email may be planned now: consent and
// suppression for marketing (invariant 8), hard bounces for every email,
// quiet hours and the weekly cap defer.
func (e *Engine) mailGate(ctx context.Context, ps *planState, c *compiled, sub *Subject, now time.Time) (string, bool) {
	email := sub.email()
	sup, found, err := e.st.Suppressed(ctx, email)
	if err != nil {
		return err.Error(), true
	}
	if found && (c.def.Policy.Marketing || sup.Reason == domain.SuppressHardBounce || sup.Reason == domain.SuppressComplaint) {
		return whySuppress, true
	}
	if !c.def.Policy.Marketing {
		return "", false
	}
	if sub.Customer == nil || !sub.Customer.AcceptsMarketing {
		return whyConsent, true
	}
	if ps.backtest {
		return "", false // quiet hours and the cap are about timing, which a backtest assumes went well
	}
	if q, _ := ps.pc.settings.quiet(now); q {
		return whyQuiet, true
	}
	if cap := ps.pc.settings.WeeklyCap; cap > 0 {
		n, err := e.st.MarketingSentSince(ctx, sub.Customer.ID, now.Add(-7*24*time.Hour))
		if err != nil {
			return err.Error(), true
		}
		if n+ps.marketing[sub.Customer.ID] >= cap {
			return whyCap, true
		}
	}
	return "", false
}
