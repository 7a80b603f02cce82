package inventory

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/inventorydb"
)

// A SKU's decision changes only when something it is made from changes: its
// product, stock, offers, open and draft orders and policy (all in its
// InventoryItem), its supplier and that supplier's measured lead times, the
// seller's policy, the day, and its sales and stock history. The Advisor
// keeps the decisions it read a history for (inventorydb's reorder memo)
// under a fingerprint of all of these, so a low-stock flow that re-asks
// about the crossings still in its window, with nothing new since, reads
// no history at all. The history is fingerprinted shop-wide (how far orders
// and stock changes go): any new sale forgets every decision, which is
// cheap next to reading the SKU's history on every plan.

// memoPrint is the fingerprint of everything planSKU reads for it.
func (a *Advisor) memoPrint(ctx context.Context, it inventorydb.InventoryItem) (string, error) {
	if a.history == "" {
		h, err := a.s.st.HistoryPrint(ctx)
		if err != nil {
			return "", err
		}
		a.history = h
	}
	b := a.b
	facts := struct {
		Item     inventorydb.InventoryItem
		Supplier *domain.Supplier
		Observed []float64
		Policy   Policy
		Currency string
		Zone     string
		Day      string
		Now      int64 // only when an open order's delivery is counted in hours
		History  string
	}{Item: it, Policy: b.policy, Currency: b.currency, Zone: b.loc.String(),
		Day: b.now.In(b.loc).Format(time.DateOnly), History: a.history}
	if sup := b.supplierOf(it); sup != nil {
		facts.Supplier, facts.Observed = sup, b.observed[sup.ID]
	}
	if it.NextDelivery != nil {
		facts.Now = b.now.Unix()
	}
	raw, err := json.Marshal(facts)
	if err != nil {
		return "", domain.Wrap(err, domain.CodeInternal, "Shopclerk could not fingerprint a reorder decision")
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:16]), nil
}

// remembered is the SKU's decision from the memo when its facts are
// unchanged since it was made.
func (a *Advisor) remembered(ctx context.Context, sku, print string) (domain.ReorderAdvice, bool, error) {
	raw, ok, err := a.s.st.ReorderMemo(ctx, sku, print)
	if err != nil || !ok {
		return domain.ReorderAdvice{}, false, err
	}
	var adv domain.ReorderAdvice
	if json.Unmarshal([]byte(raw), &adv) != nil {
		return domain.ReorderAdvice{}, false, nil // unreadable: decide afresh
	}
	return adv, true, nil
}

// remember keeps a decision for the next plan.
func (a *Advisor) remember(ctx context.Context, print string, adv domain.ReorderAdvice) error {
	raw, err := json.Marshal(adv)
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not remember a reorder decision")
	}
	return a.s.st.SaveReorderMemo(ctx, adv.SKU, print, string(raw))
}
