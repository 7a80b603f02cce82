package rulesdb

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
)

// The planner reads the facts of thousands of occurrences per plan. Asking
// for them one row at a time costs a statement per row (prepare, step,
// finalize) and dominated a plan of the l demo shop; these loaders take a
// batch of ids as one JSON array bound to json_each, so a window of 6,000
// paid orders is a handful of statements.

// batchSize bounds one json_each list: large enough that statements are
// rare, small enough that one batch's rows stay a few MB.
const batchSize = 1000

// OrderFact is an order with its lines, its customer and whether the
// automations hold it for review.
type OrderFact struct {
	Order    domain.Order
	Customer *domain.Customer
	Held     bool
}

func idsJSON(ids []int64) string {
	b, _ := json.Marshal(ids)
	return string(b)
}

// chunks calls fn on ids in slices of at most batchSize.
func chunks[T any](ids []T, fn func([]T) error) error {
	for len(ids) > 0 {
		n := min(len(ids), batchSize)
		if err := fn(ids[:n]); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// OrderFacts loads the given orders with their lines, customers and hold
// state. Ids that are gone are simply missing from the map.
func (s *DB) OrderFacts(ctx context.Context, ids []int64) (map[int64]*OrderFact, error) {
	out := make(map[int64]*OrderFact, len(ids))
	var custIDs []int64
	err := chunks(ids, func(part []int64) error {
		list := idsJSON(part)
		rows, err := s.SQL().QueryContext(ctx, q("RuleBatchOrders"), list)
		if err != nil {
			return err
		}
		for rows.Next() {
			f := &OrderFact{}
			o := &f.Order
			var created int64
			var paid, fulfilled, cancelled, custID sql.NullInt64
			var tags, billing, shipping string
			if err := rows.Scan(&o.ID, &o.Source, &o.ExternalID, &o.Name, &o.Email, &custID, &o.FinancialStatus,
				&o.FulfillmentStatus, &o.Currency, &o.Subtotal, &o.Shipping, &o.Taxes, &o.Discount, &o.Total, &o.Refunded,
				&o.DiscountCode, &o.ShippingMethod, &o.PaymentMethod, &o.RiskLevel, &o.AcceptsMarketing, &tags, &o.Note,
				&billing, &shipping, &created, &paid, &fulfilled, &cancelled, &f.Held); err != nil {
				rows.Close()
				return err
			}
			o.CreatedAt = time.Unix(created, 0).UTC()
			o.PaidAt, o.FulfilledAt, o.CancelledAt = store.FromUnix(paid), store.FromUnix(fulfilled), store.FromUnix(cancelled)
			o.Tags = domain.SplitTags(tags)
			json.Unmarshal([]byte(billing), &o.Billing)
			json.Unmarshal([]byte(shipping), &o.ShippingAddress)
			o.Lines = []domain.LineItem{}
			if custID.Valid {
				o.CustomerID = &custID.Int64
				custIDs = append(custIDs, custID.Int64)
			}
			out[o.ID] = f
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		rows, err = s.SQL().QueryContext(ctx, q("RuleBatchOrderLines"), list)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var l domain.LineItem
			if err := rows.Scan(&id, &l.Position, &l.SKU, &l.Name, &l.Vendor, &l.Quantity, &l.Price, &l.CompareAtPrice,
				&l.Discount, &l.RequiresShipping, &l.FulfillmentStatus); err != nil {
				return err
			}
			if f := out[id]; f != nil {
				f.Order.Lines = append(f.Order.Lines, l)
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the orders for the automations")
	}
	custs, err := s.CustomersByIDs(ctx, custIDs)
	if err != nil {
		return nil, err
	}
	for _, f := range out {
		if f.Order.CustomerID != nil {
			if c, ok := custs[*f.Order.CustomerID]; ok {
				f.Customer = c
			}
		}
	}
	return out, nil
}

// CustomersByIDs loads customers by id.
func (s *DB) CustomersByIDs(ctx context.Context, ids []int64) (map[int64]*domain.Customer, error) {
	out := make(map[int64]*domain.Customer, len(ids))
	err := chunks(ids, func(part []int64) error {
		return s.scanCustomers(ctx, q("RuleBatchCustomers"), idsJSON(part), out, nil)
	})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customers for the automations")
	}
	return out, nil
}

// CustomersByEmails loads the customers with the given addresses.
func (s *DB) CustomersByEmails(ctx context.Context, emails []string) (map[string]*domain.Customer, error) {
	out := map[string]*domain.Customer{}
	err := chunks(emails, func(part []string) error {
		b, _ := json.Marshal(part)
		return s.scanCustomers(ctx, q("RuleBatchCustomersByEmail"), string(b), nil, out)
	})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the customers for the automations")
	}
	return out, nil
}

func (s *DB) scanCustomers(ctx context.Context, query, list string, byID map[int64]*domain.Customer, byEmail map[string]*domain.Customer) error {
	rows, err := s.SQL().QueryContext(ctx, query, list)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		c, err := store.ScanCustomer(rows)
		if err != nil {
			return err
		}
		if byID != nil {
			byID[c.ID] = &c
		}
		if byEmail != nil {
			byEmail[c.Email] = &c
		}
	}
	return rows.Err()
}

// LedgerForRule returns what the ledger knows about every occurrence of a
// flow, by occurrence: one indexed scan instead of one query per occurrence.
func (s *DB) LedgerForRule(ctx context.Context, ruleID int64) (map[string][]domain.LedgerStep, error) {
	rows, err := s.SQL().QueryContext(ctx, q("RuleLedgerForRule"), ruleID)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the automation ledger")
	}
	defer rows.Close()
	out := map[string][]domain.LedgerStep{}
	for rows.Next() {
		var occ string
		var l domain.LedgerStep
		if err := rows.Scan(&occ, &l.Step, &l.Status, &l.Result); err != nil {
			return nil, err
		}
		out[occ] = append(out[occ], l)
	}
	return out, rows.Err()
}

// LedgerOwners returns, for every occurrence any of the given flows has in
// the ledger, the lowest of those flows' ids that has it: copies of one
// ready-made flow leave an occurrence to the copy that entered it.
func (s *DB) LedgerOwners(ctx context.Context, ruleIDs []int64) (map[string]int64, error) {
	out := map[string]int64{}
	if len(ruleIDs) == 0 {
		return out, nil
	}
	rows, err := s.SQL().QueryContext(ctx, q("RuleLedgerOwners"), idsJSON(ruleIDs))
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the automation ledger")
	}
	defer rows.Close()
	for rows.Next() {
		var occ string
		var id int64
		if err := rows.Scan(&occ, &id); err != nil {
			return nil, err
		}
		out[occ] = id
	}
	return out, rows.Err()
}

// FactPrints returns, per order id (or customer id when customers is set),
// a fingerprint of the facts a condition can read about it: it changes
// whenever an import or an automation changes them.
func (s *DB) FactPrints(ctx context.Context, ids []int64, customers bool) (map[int64]string, error) {
	name := "RuleFactPrints"
	if customers {
		name = "RuleCustomerPrints"
	}
	out := make(map[int64]string, len(ids))
	err := chunks(ids, func(part []int64) error {
		rows, err := s.SQL().QueryContext(ctx, q(name), idsJSON(part))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var p string
			if err := rows.Scan(&id, &p); err != nil {
				return err
			}
			out[id] = p
		}
		return rows.Err()
	})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the shop data for the automations")
	}
	return out, nil
}

// MemoEntry remembers why an occurrence planned nothing, valid while its
// facts keep the same fingerprint.
type MemoEntry struct {
	Occurrence string
	Print      string
	Reason     string
}

// The memo is a cache, never a record: losing it only costs one slower
// plan. So it is created on first use rather than by a migration, and shops
// migrated before it existed get it too.
// RuleMemo returns a flow's remembered outcomes by occurrence.
func (s *DB) RuleMemo(ctx context.Context, ruleID int64) (map[string]MemoEntry, error) {
	rows, err := s.SQL().QueryContext(ctx, q("RuleMemoLoad"), ruleID)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the automation cache")
	}
	defer rows.Close()
	out := map[string]MemoEntry{}
	for rows.Next() {
		var m MemoEntry
		if err := rows.Scan(&m.Occurrence, &m.Print, &m.Reason); err != nil {
			return nil, err
		}
		out[m.Occurrence] = m
	}
	return out, rows.Err()
}

// SaveRuleMemo stores remembered outcomes for a flow in one transaction.
func (s *DB) SaveRuleMemo(ctx context.Context, ruleID int64, entries []MemoEntry) error {
	if len(entries) == 0 {
		return nil
	}
	return s.InTx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, q("RuleMemoSet"))
		if err != nil {
			return err
		}
		defer st.Close()
		for _, m := range entries {
			if _, err := st.ExecContext(ctx, ruleID, m.Occurrence, m.Print, m.Reason); err != nil {
				return err
			}
		}
		return nil
	})
}
