package rules

import "context"

// A ready-made flow is installed once (InstallTemplate refuses a second
// copy), but a shop may hold copies from before that rule, or from an
// imported file. Copies of one ready-made flow share one ledger: an
// occurrence belongs to the lowest-numbered copy that acted on it, or, when
// none has yet, to the first copy that plans it, so no copy does again
// what another already did (the second "Order paid" copy re-planned every
// confirmation the first had sent).

// copyLedger is what a flow's copies did, for planning that flow.
type copyLedger struct {
	flow     int64
	template string
	owners   map[string]int64 // occurrence -> the lowest copy id with it in the ledger
}

// loadCopyLedger reads the ledger of c's copies; nil when it has none (or
// in a backtest, which assumes an empty ledger).
func (e *Engine) loadCopyLedger(ctx context.Context, ps *planState, c *compiled) (*copyLedger, error) {
	if ps.backtest || len(c.copies) == 0 {
		return nil, nil
	}
	owners, err := e.st.LedgerOwners(ctx, c.copies)
	if err != nil {
		return nil, err
	}
	return &copyLedger{flow: c.row.ID, template: c.row.Template, owners: owners}, nil
}

// taken tells whether another copy handles occurrence occ: one acted on it
// (before this flow did, if this flow did too: mine), or, when none has, a
// copy planned earlier in this plan has claimed it.
func (cl *copyLedger) taken(ps *planState, occ string, mine bool) bool {
	if cl == nil {
		return false
	}
	if owner, ok := cl.owners[occ]; ok && (!mine || owner < cl.flow) {
		return true
	}
	by, ok := ps.claims[cl.template+"\x00"+occ]
	return ok && by != cl.flow && !mine
}

// claim records that this flow planned occ, so its later copies leave it.
func (cl *copyLedger) claim(ps *planState, occ string) {
	if cl == nil {
		return
	}
	if k := cl.template + "\x00" + occ; ps.claims[k] == 0 {
		ps.claims[k] = cl.flow
	}
}
