package inventorydb

import (
	"context"
	"database/sql"
	"errors"
	"shopclerk/backend/store"
	"strings"
	"time"

	"shopclerk/backend/domain"
)

// Inventory (issue 6): the facts forecasting and reordering read, suppliers,
// and per-SKU reorder choices. Purchase orders are in inventory_po.go.

// SaleRow is units of one SKU sold on one order line at a time. Rows come
// oldest first per SKU; the caller buckets them into the shop's days.
type SaleRow struct {
	SKU      string
	At       time.Time
	Quantity int
}

// SalesSince returns the demand history since a time: cancelled, refunded
// and voided orders and returned lines left out.
func (s *DB) SalesSince(ctx context.Context, since time.Time) ([]SaleRow, error) {
	rows, err := s.SQL().QueryContext(ctx, q("InvSalesSince"), since.Unix())
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the sales history")
	}
	defer rows.Close()
	var out []SaleRow
	for rows.Next() {
		var r SaleRow
		var at int64
		if err := rows.Scan(&r.SKU, &at, &r.Quantity); err != nil {
			return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the sales history")
		}
		r.At = time.Unix(at, 0).UTC()
		out = append(out, r)
	}
	return out, rows.Err()
}

// InventoryItem is one SKU with what the reorder logic needs: the product,
// its stock at every location, its suppliers' offers and the seller's
// per-SKU choices.
type InventoryItem struct {
	SKU          string                 `json:"sku"`
	SKUGenerated bool                   `json:"skuGenerated"` // a key Shopclerk made: no SKU in the store
	Title        string                 `json:"title"`
	VariantTitle string                 `json:"variantTitle"`
	Currency     string                 `json:"currency"`
	Cost         int64                  `json:"cost"`
	Status       string                 `json:"status"`
	SupplierID   *int64                 `json:"supplierId"`
	ReorderPoint *int                   `json:"reorderPoint"` // manual override
	SnoozeUntil  *time.Time             `json:"snoozeUntil"`
	OrderOnce    bool                   `json:"orderOnce"`
	Levels       []domain.StockLevel    `json:"levels"`
	Offers       []domain.SupplierOffer `json:"offers"` // cheapest first
	// OpenIncoming is what sent, unreceived purchase orders still bring;
	// NextDelivery is the earliest of their expected dates.
	OpenIncoming int        `json:"openIncoming"`
	NextDelivery *time.Time `json:"nextDelivery"`
	// OnDraft is true when a draft purchase order already lists the SKU.
	OnDraft bool `json:"onDraft"`
}

// InventoryItems returns every product that is not archived, with stock,
// offers and open orders. A shop has thousands of SKUs at most, so this is
// five plain reads joined in Go rather than one wide query.
func (s *DB) InventoryItems(ctx context.Context) ([]InventoryItem, error) {
	fail := func(err error) ([]InventoryItem, error) {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the stock figures")
	}
	var items []InventoryItem
	idx := map[string]int{}
	rows, err := s.SQL().QueryContext(ctx, q("InvProducts"))
	if err != nil {
		return fail(err)
	}
	defer rows.Close()
	for rows.Next() {
		var it InventoryItem
		var rp, sup, snooze sql.NullInt64
		var once int
		if err := rows.Scan(&it.SKU, &it.Title, &it.VariantTitle, &it.Currency, &it.Cost, &it.Status, &rp, &sup, &snooze, &once, &it.SKUGenerated); err != nil {
			return fail(err)
		}
		if rp.Valid {
			v := int(rp.Int64)
			it.ReorderPoint = &v
		}
		if sup.Valid {
			it.SupplierID = &sup.Int64
		}
		it.SnoozeUntil, it.OrderOnce = store.FromUnix(snooze), once != 0
		it.Levels, it.Offers = []domain.StockLevel{}, []domain.SupplierOffer{}
		idx[it.SKU] = len(items)
		items = append(items, it)
	}
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	err = s.invEach(ctx, q("InvStockLevels"), nil, func(r *sql.Rows) error {
		var l domain.StockLevel
		var at int64
		if err := r.Scan(&l.SKU, &l.Location, &l.OnHand, &l.Committed, &l.Available, &l.Incoming, &l.Stocked, &at); err != nil {
			return err
		}
		l.UpdatedAt = time.Unix(at, 0).UTC()
		if i, ok := idx[l.SKU]; ok {
			items[i].Levels = append(items[i].Levels, l)
		}
		return nil
	})
	if err != nil {
		return fail(err)
	}
	err = s.invEach(ctx, q("InvSupplierProducts"), nil, func(r *sql.Rows) error {
		var o domain.SupplierOffer
		if err := r.Scan(&o.SupplierID, &o.SKU, &o.SupplierSKU, &o.UnitCost); err != nil {
			return err
		}
		if i, ok := idx[o.SKU]; ok {
			items[i].Offers = append(items[i].Offers, o)
		}
		return nil
	})
	if err != nil {
		return fail(err)
	}
	err = s.invEach(ctx, q("InvOpenIncoming"), nil, func(r *sql.Rows) error {
		var sku string
		var n int
		var next sql.NullInt64
		if err := r.Scan(&sku, &n, &next); err != nil {
			return err
		}
		if i, ok := idx[sku]; ok {
			items[i].OpenIncoming, items[i].NextDelivery = n, store.FromUnix(next)
		}
		return nil
	})
	if err != nil {
		return fail(err)
	}
	err = s.invEach(ctx, `SELECT DISTINCT l.sku FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id WHERE po.status = 'draft'`, nil,
		func(r *sql.Rows) error {
			var sku string
			if err := r.Scan(&sku); err != nil {
				return err
			}
			if i, ok := idx[sku]; ok {
				items[i].OnDraft = true
			}
			return nil
		})
	if err != nil {
		return fail(err)
	}
	return items, nil
}

// invUniqueViolation tells a UNIQUE constraint failure from other errors;
// modernc's sqlite reports it in the message.
func invUniqueViolation(err error) bool {
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}

// invEach runs a query and calls fn for every row.
func (s *DB) invEach(ctx context.Context, query string, args []any, fn func(*sql.Rows) error) error {
	rows, err := s.SQL().QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// LeadTimeObservations returns the measured lead times per supplier, oldest first.
func (s *DB) LeadTimeObservations(ctx context.Context) (map[int64][]float64, error) {
	out := map[int64][]float64{}
	err := s.invEach(ctx, q("InvLeadObservations"), nil, func(r *sql.Rows) error {
		var id int64
		var days float64
		if err := r.Scan(&id, &days); err != nil {
			return err
		}
		out[id] = append(out[id], days)
		return nil
	})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the suppliers' delivery times")
	}
	return out, nil
}

// Suppliers lists every supplier by name.
func (s *DB) Suppliers(ctx context.Context) ([]domain.Supplier, error) {
	out := []domain.Supplier{}
	err := s.invEach(ctx, q("InvSupplierList"), nil, func(r *sql.Rows) error {
		sp, err := scanSupplier(r)
		if err == nil {
			out = append(out, sp)
		}
		return err
	})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the suppliers")
	}
	return out, nil
}

func scanSupplier(r store.Scanner) (domain.Supplier, error) {
	var sp domain.Supplier
	err := r.Scan(&sp.ID, &sp.Name, &sp.Email, &sp.Currency, &sp.LeadTimeDays, &sp.LeadTimeStdDays, &sp.MinOrderQty, &sp.PackSize)
	return sp, err
}

// Supplier returns one supplier.
func (s *DB) Supplier(ctx context.Context, id int64) (domain.Supplier, error) {
	sp, err := scanSupplier(s.SQL().QueryRowContext(ctx, q("InvSupplierGet"), id))
	if errors.Is(err, sql.ErrNoRows) {
		return sp, domain.Errorf(domain.CodeNotFound, "There is no supplier number %d.", id)
	}
	if err != nil {
		return sp, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the supplier")
	}
	return sp, nil
}

// SaveSupplier creates (ID 0) or updates a supplier and returns its id. The
// caller validates the figures; the store only keeps names unique.
func (s *DB) SaveSupplier(ctx context.Context, sp domain.Supplier) (int64, error) {
	args := []any{sp.Name, sp.Email, sp.Currency, sp.LeadTimeDays, sp.LeadTimeStdDays, sp.MinOrderQty, sp.PackSize}
	var err error
	id := sp.ID
	if id == 0 {
		var res sql.Result
		if res, err = s.SQL().ExecContext(ctx, q("InvSupplierInsert"), args...); err == nil {
			id, err = res.LastInsertId()
		}
	} else {
		var res sql.Result
		if res, err = s.SQL().ExecContext(ctx, q("InvSupplierUpdate"), append([]any{id}, args...)...); err == nil {
			if n, _ := res.RowsAffected(); n == 0 {
				return 0, domain.Errorf(domain.CodeNotFound, "There is no supplier number %d.", id)
			}
		}
	}
	if invUniqueViolation(err) {
		return 0, domain.Errorf(domain.CodeConflict, "There is already a supplier called %q.", sp.Name)
	}
	if err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the supplier")
	}
	return id, nil
}

// DeleteSupplier removes a supplier that no purchase order refers to.
func (s *DB) DeleteSupplier(ctx context.Context, id int64) error {
	var n int
	if err := s.SQL().QueryRowContext(ctx, q("InvSupplierPOCount"), id).Scan(&n); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not delete the supplier")
	}
	if n > 0 {
		return domain.Errorf(domain.CodeConflict, "This supplier has %d purchase orders; it is kept so they stay readable.", n)
	}
	if _, err := s.SQL().ExecContext(ctx, q("InvSupplierDelete"), id); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not delete the supplier")
	}
	return nil
}

// SetSupplierOffer links a SKU to a supplier with the supplier's own SKU and
// unit cost, and makes that supplier the SKU's main supplier.
func (s *DB) SetSupplierOffer(ctx context.Context, o domain.SupplierOffer) error {
	return s.InTx(ctx, func(tx *sql.Tx) error {
		if err := skuExists(ctx, tx, o.SKU); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, q("InvSupplierProductUpsert"), o.SupplierID, o.SKU, o.SupplierSKU, o.UnitCost); err != nil {
			return domain.Wrap(err, domain.CodeInvalid, "Shopclerk could not link the SKU to that supplier (does the supplier exist?)")
		}
		_, err := tx.ExecContext(ctx, q("InvProductSetSupplier"), o.SKU, o.SupplierID)
		return err
	})
}

func skuExists(ctx context.Context, tx *sql.Tx, sku string) error {
	var n int
	if err := tx.QueryRowContext(ctx, q("InvProductExists"), sku).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return domain.Errorf(domain.CodeNotFound, "There is no product with SKU %q.", sku)
	}
	return nil
}

// SetSKUPolicy stores a SKU's reorder choices in one transaction.
func (s *DB) SetSKUPolicy(ctx context.Context, p domain.SKUPolicy) error {
	now := s.Now()
	return s.InTx(ctx, func(tx *sql.Tx) error {
		if err := skuExists(ctx, tx, p.SKU); err != nil {
			return err
		}
		if p.ClearReorderPoint {
			if _, err := tx.ExecContext(ctx, q("InvProductSetReorderPoint"), p.SKU, nil); err != nil {
				return err
			}
		} else if p.ReorderPoint != nil {
			if _, err := tx.ExecContext(ctx, q("InvProductSetReorderPoint"), p.SKU, *p.ReorderPoint); err != nil {
				return err
			}
		}
		if p.SnoozeUntil != nil {
			if _, err := tx.ExecContext(ctx, q("InvPolicySetSnooze"), p.SKU, store.UnixOrNull(p.SnoozeUntil), now); err != nil {
				return err
			}
		}
		if p.OrderOnce != nil {
			if _, err := tx.ExecContext(ctx, q("InvPolicySetOrderOnce"), p.SKU, store.BoolInt(*p.OrderOnce), now); err != nil {
				return err
			}
		}
		return nil
	})
}
