package rules

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/rulesdb"
)

// factCache holds the facts of one plan, loaded in set-based batches per
// flow window and shared by every flow: four flows triggered by "order paid"
// read each order once. A fact missing from the cache is read row by row, so
// the cache only ever makes a plan faster, never different.
type factCache struct {
	orders    map[int64]*rulesdb.OrderFact
	customers map[int64]*domain.Customer
	byEmail   map[string]*domain.Customer
	products  map[string]*rulesdb.ProductInfo // nil: no product with this SKU
}

func newFactCache() *factCache {
	return &factCache{orders: map[int64]*rulesdb.OrderFact{}, customers: map[int64]*domain.Customer{}, byEmail: map[string]*domain.Customer{},
		products: map[string]*rulesdb.ProductInfo{}}
}

// prefetch loads, in batches, the orders and customers of occurrences the
// planner is about to look at, and the products (with stock) of their SKUs.
func (fc *factCache) prefetch(ctx context.Context, st *rulesdb.DB, occs []domain.RuleOccurrence) error {
	var orderIDs, custIDs []int64
	var emails, skus []string
	seenO, seenC, seenE, seenS := map[int64]bool{}, map[int64]bool{}, map[string]bool{}, map[string]bool{}
	for _, o := range occs {
		if o.SKU != "" {
			if _, ok := fc.products[o.SKU]; !ok && !seenS[o.SKU] {
				seenS[o.SKU] = true
				skus = append(skus, o.SKU)
			}
		}
		switch {
		case o.OrderID != 0:
			if _, ok := fc.orders[o.OrderID]; !ok && !seenO[o.OrderID] {
				seenO[o.OrderID] = true
				orderIDs = append(orderIDs, o.OrderID)
			}
		case o.CustomerID != 0:
			if _, ok := fc.customers[o.CustomerID]; !ok && !seenC[o.CustomerID] {
				seenC[o.CustomerID] = true
				custIDs = append(custIDs, o.CustomerID)
			}
		case o.Email != "":
			if _, ok := fc.byEmail[o.Email]; !ok && !seenE[o.Email] {
				seenE[o.Email] = true
				emails = append(emails, o.Email)
			}
		}
	}
	if len(orderIDs) > 0 {
		m, err := st.OrderFacts(ctx, orderIDs)
		if err != nil {
			return err
		}
		for id, f := range m {
			fc.orders[id] = f
			if f.Customer != nil {
				fc.customers[f.Customer.ID] = f.Customer
			}
		}
	}
	if len(custIDs) > 0 {
		m, err := st.CustomersByIDs(ctx, custIDs)
		if err != nil {
			return err
		}
		for id, c := range m {
			fc.customers[id] = c
		}
	}
	if len(skus) > 0 {
		m, err := st.ProductInfos(ctx, skus)
		if err != nil {
			return err
		}
		for _, sku := range skus {
			fc.products[sku] = m[sku]
		}
	}
	if len(emails) > 0 {
		m, err := st.CustomersByEmails(ctx, emails)
		if err != nil {
			return err
		}
		for _, e := range emails {
			fc.byEmail[e] = m[e] // nil remembers "no customer with this address"
		}
	}
	return nil
}

// timeWords are the parts of a condition whose answer changes with the clock
// or with state outside the order and customer rows (the hold list, the RFM
// segment, the products bought): such a flow's "condition not met" cannot
// be remembered.
var timeWords = regexp.MustCompile(`\b(now|daysSince|hoursSince|daysUntilBirthday|held|segment|products)\b`)

// memoable tells whether a flow's "condition not met" and "no consent"
// outcomes depend only on the order and customer rows (and the flow's own
// definition), so they can be remembered until those rows change.
func (c *compiled) memoable() bool {
	for _, src := range c.conditions() {
		if timeWords.MatchString(src) {
			return false
		}
	}
	return true
}

// memoKey is the subject whose fingerprint covers an occurrence's facts: its
// order (which covers the order's customer), else its customer. Shipments,
// products and guest carts carry facts the fingerprints do not cover.
func memoKey(o domain.RuleOccurrence) (id int64, customer bool, ok bool) {
	switch {
	case o.SKU != "" || o.ShipmentID != 0 && o.OrderID == 0:
		return 0, false, false
	case o.OrderID != 0:
		return o.OrderID, false, true
	case o.CustomerID != 0:
		return o.CustomerID, true, true
	}
	return 0, false, false
}

// flowMemo is one flow's remembered outcomes and the current fingerprints of
// its occurrences' facts.
type flowMemo struct {
	version string // the flow's definition version: editing it forgets everything
	old     map[string]rulesdb.MemoEntry
	orders  map[int64]string
	custs   map[int64]string
	fresh   []rulesdb.MemoEntry
}

func (e *Engine) loadMemo(ctx context.Context, c *compiled, occs []domain.RuleOccurrence) (*flowMemo, error) {
	old, err := e.st.RuleMemo(ctx, c.row.ID)
	if err != nil {
		return nil, err
	}
	m := &flowMemo{version: fmt.Sprintf("%d", c.row.UpdatedAt.Unix()), old: old}
	var oids, cids []int64
	for _, o := range occs {
		if id, cust, ok := memoKey(o); ok {
			if cust {
				cids = append(cids, id)
			} else {
				oids = append(oids, id)
			}
		}
	}
	if m.orders, err = e.st.FactPrints(ctx, oids, false); err != nil {
		return nil, err
	}
	if m.custs, err = e.st.FactPrints(ctx, cids, true); err != nil {
		return nil, err
	}
	return m, nil
}

// print is the occurrence's current fingerprint, "" when it has none.
func (m *flowMemo) print(o domain.RuleOccurrence) string {
	if m == nil {
		return ""
	}
	id, cust, ok := memoKey(o)
	if !ok {
		return ""
	}
	p := m.orders[id]
	if cust {
		p = m.custs[id]
	}
	if p == "" {
		return ""
	}
	return m.version + "|" + p
}

// recall returns the remembered reason an occurrence planned nothing, if its
// facts are unchanged since.
func (m *flowMemo) recall(o domain.RuleOccurrence) (string, bool) {
	p := m.print(o)
	if p == "" {
		return "", false
	}
	old, ok := m.old[o.Occurrence]
	if !ok || old.Print != p {
		return "", false
	}
	return old.Reason, true
}

func (m *flowMemo) remember(o domain.RuleOccurrence, why string) {
	if m == nil || (why != whyCondition && why != whyConsent) {
		return
	}
	if p := m.print(o); p != "" {
		if old, ok := m.old[o.Occurrence]; ok && old.Print == p && old.Reason == why {
			return
		}
		m.fresh = append(m.fresh, rulesdb.MemoEntry{Occurrence: o.Occurrence, Print: p, Reason: why})
	}
}

// settled tells whether the ledger already holds every acting step of an
// occurrence, or an exit: nothing of it can be planned again.
func settled(c *compiled, steps []domain.LedgerStep) bool {
	if len(steps) == 0 {
		return false
	}
	done, exited := ledgerDone(steps)
	if exited {
		return true
	}
	sides := ledgerSides(steps)
	for path := c.top; ; {
		var next []*node
		for _, n := range path {
			switch n.step.Action {
			case domain.StepWait:
			case domain.StepExit:
				return true
			case domain.StepSplit:
				// The side taken, when recorded and still there, is what is
				// left; a split not yet reached is not settled.
				for b, side := range n.step.Sides() {
					if side == sides[n.id] && done[n.id] {
						next = n.branches[b]
					}
				}
				if next == nil {
					return false
				}
			default:
				if !done[n.id] {
					return false
				}
			}
		}
		if next == nil {
			return true
		}
		path = next
	}
}

// ledgerSides reads the sides an occurrence took at splits: split id ->
// side.
func ledgerSides(steps []domain.LedgerStep) map[int]string {
	var out map[int]string
	for _, l := range steps {
		if l.Status == domain.LedgerBranched {
			if out == nil {
				out = map[int]string{}
			}
			out[l.Step] = l.Result
		}
	}
	return out
}

// ledgerDone reads an occurrence's ledger: the steps already recorded, or
// exited when the sequence ended by an exit (then done is not filled).
func ledgerDone(steps []domain.LedgerStep) (done map[int]bool, exited bool) {
	done = make(map[int]bool, len(steps))
	for _, l := range steps {
		if l.Status == domain.LedgerSkipped && strings.HasPrefix(l.Result, "exit") {
			return nil, true
		}
		done[l.Step] = true
	}
	return done, false
}
