package inventorydb

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/inventorydb/internal/queries"
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
	return s.sales(ctx, q("InvSalesSince"), since.Unix())
}

// SKUSalesSince is SalesSince for one SKU.
func (s *DB) SKUSalesSince(ctx context.Context, sku string, since time.Time) ([]SaleRow, error) {
	return s.sales(ctx, q("InvSKUSalesSince"), sku, since.Unix())
}

func (s *DB) sales(ctx context.Context, query string, args ...any) ([]SaleRow, error) {
	var out []SaleRow
	err := s.invEach(ctx, query, args, func(rows *sql.Rows) error {
		var r SaleRow
		var at int64
		if err := rows.Scan(&r.SKU, &at, &r.Quantity); err != nil {
			return err
		}
		r.At = time.Unix(at, 0).UTC()
		out = append(out, r)
		return nil
	})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the sales history")
	}
	return out, nil
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
	return s.inventoryItems(ctx, "")
}

// InventoryItem is InventoryItems for one SKU, read alone; false when no
// product that is not archived has it.
func (s *DB) InventoryItem(ctx context.Context, sku string) (InventoryItem, bool, error) {
	items, err := s.inventoryItems(ctx, sku)
	if err != nil || len(items) == 0 {
		return InventoryItem{}, false, err
	}
	return items[0], true, nil
}

// inventoryItems reads every SKU's items, or only sku's when it is not "".
func (s *DB) inventoryItems(ctx context.Context, sku string) ([]InventoryItem, error) {
	fail := func(err error) ([]InventoryItem, error) {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the stock figures")
	}
	g, one := s.gen(), sku != ""
	if one {
		g = s.prepared()
	}
	var products []queries.InvProductsRow
	var err error
	if one {
		var rows []queries.InvProductOneRow
		rows, err = g.InvProductOne(ctx, sku)
		for _, r := range rows {
			products = append(products, queries.InvProductsRow(r))
		}
	} else {
		products, err = g.InvProducts(ctx)
	}
	if err != nil || len(products) == 0 {
		if err != nil {
			return fail(err)
		}
		return nil, nil
	}
	var items []InventoryItem
	idx := make(map[string]int, len(products))
	for _, p := range products {
		it := InventoryItem{SKU: p.Sku, Title: p.Title, VariantTitle: p.VariantTitle, Currency: p.Currency, Cost: p.Cost,
			Status: p.Status, SKUGenerated: p.SkuGenerated != 0, OrderOnce: p.OrderOnce != 0, SnoozeUntil: store.FromUnix(p.SnoozeUntil),
			Levels: []domain.StockLevel{}, Offers: []domain.SupplierOffer{}}
		if p.ReorderPoint.Valid {
			v := int(p.ReorderPoint.Int64)
			it.ReorderPoint = &v
		}
		if p.SupplierID.Valid {
			it.SupplierID = &p.SupplierID.Int64
		}
		idx[it.SKU] = len(items)
		items = append(items, it)
	}
	var levels []queries.StockLevel
	if one {
		levels, err = g.InvStockLevelsOne(ctx, sku)
	} else {
		levels, err = g.InvStockLevels(ctx)
	}
	if err != nil {
		return fail(err)
	}
	for _, l := range levels {
		if i, ok := idx[l.Sku]; ok {
			items[i].Levels = append(items[i].Levels, domain.StockLevel{SKU: l.Sku, Location: l.Location, OnHand: int(l.OnHand),
				Committed: int(l.Committed), Available: int(l.Available), Incoming: int(l.Incoming), Stocked: l.Stocked != 0,
				UpdatedAt: time.Unix(l.UpdatedAt, 0).UTC()})
		}
	}
	var offers []queries.SupplierProduct
	if one {
		offers, err = g.InvSupplierProductsOne(ctx, sku)
	} else {
		offers, err = g.InvSupplierProducts(ctx)
	}
	if err != nil {
		return fail(err)
	}
	for _, o := range offers {
		if i, ok := idx[o.Sku]; ok {
			items[i].Offers = append(items[i].Offers, domain.SupplierOffer{SupplierID: o.SupplierID, SKU: o.Sku, SupplierSKU: o.SupplierSku, UnitCost: o.UnitCost})
		}
	}
	// Hand-bound: sqlc types SUM and MIN over this join as float and any.
	incoming, args := q("InvOpenIncoming"), []any(nil)
	if one {
		incoming, args = q("InvOpenIncomingOne"), []any{sku}
	}
	err = s.invEach(ctx, incoming, args, func(r *sql.Rows) error {
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
	var drafts []string
	if one {
		drafts, err = g.InvDraftSKUsOne(ctx, sku)
	} else {
		drafts, err = g.InvDraftSKUs(ctx)
	}
	if err != nil {
		return fail(err)
	}
	for _, sku := range drafts {
		if i, ok := idx[sku]; ok {
			items[i].OnDraft = true
		}
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
	rows, err := s.PreparedQuery(ctx, query, args...)
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
	rows, err := s.gen().InvLeadObservations(ctx)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the suppliers' delivery times")
	}
	out := map[int64][]float64{}
	for _, r := range rows {
		out[r.SupplierID] = append(out[r.SupplierID], r.Days)
	}
	return out, nil
}

// Suppliers lists every supplier by name.
func (s *DB) Suppliers(ctx context.Context) ([]domain.Supplier, error) {
	rows, err := s.gen().InvSupplierList(ctx)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the suppliers")
	}
	out := make([]domain.Supplier, len(rows))
	for i, r := range rows {
		out[i] = supplierOf(r)
	}
	return out, nil
}

func supplierOf(r queries.Supplier) domain.Supplier {
	return domain.Supplier{ID: r.ID, Name: r.Name, Email: r.Email, Currency: r.Currency, LeadTimeDays: r.LeadTimeDays,
		LeadTimeStdDays: r.LeadTimeStdDays, MinOrderQty: int(r.MinOrderQty), PackSize: int(r.PackSize)}
}

// Supplier returns one supplier.
func (s *DB) Supplier(ctx context.Context, id int64) (domain.Supplier, error) {
	r, err := s.gen().InvSupplierGet(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Supplier{}, domain.Errorf(domain.CodeNotFound, "There is no supplier number %d.", id)
	}
	if err != nil {
		return domain.Supplier{}, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the supplier")
	}
	return supplierOf(r), nil
}

// SaveSupplier creates (ID 0) or updates a supplier and returns its id. The
// caller validates the figures; the store only keeps names unique.
func (s *DB) SaveSupplier(ctx context.Context, sp domain.Supplier) (int64, error) {
	arg := queries.InvSupplierUpdateParams{ID: sp.ID, Name: sp.Name, Email: sp.Email, Currency: sp.Currency, LeadTimeDays: sp.LeadTimeDays,
		LeadTimeStdDays: sp.LeadTimeStdDays, MinOrderQty: int64(sp.MinOrderQty), PackSize: int64(sp.PackSize)}
	var err error
	id := sp.ID
	if id == 0 {
		var res sql.Result
		if res, err = s.gen().InvSupplierInsert(ctx, queries.InvSupplierInsertParams{Name: arg.Name, Email: arg.Email, Currency: arg.Currency,
			LeadTimeDays: arg.LeadTimeDays, LeadTimeStdDays: arg.LeadTimeStdDays, MinOrderQty: arg.MinOrderQty, PackSize: arg.PackSize}); err == nil {
			id, err = res.LastInsertId()
		}
	} else {
		var res sql.Result
		if res, err = s.gen().InvSupplierUpdate(ctx, arg); err == nil {
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
	n, err := s.gen().InvSupplierPOCount(ctx, id)
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not delete the supplier")
	}
	if n > 0 {
		return domain.Errorf(domain.CodeConflict, "This supplier has %d purchase orders; it is kept so they stay readable.", n)
	}
	if err := s.gen().InvSupplierDelete(ctx, id); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not delete the supplier")
	}
	return nil
}

// SetSupplierOffer links a SKU to a supplier with the supplier's own SKU and
// unit cost, and makes that supplier the SKU's main supplier.
func (s *DB) SetSupplierOffer(ctx context.Context, o domain.SupplierOffer) error {
	return s.InTx(ctx, func(tx *sql.Tx) error {
		qt := queries.New(tx)
		if err := skuExists(ctx, qt, o.SKU); err != nil {
			return err
		}
		if err := qt.InvSupplierProductUpsert(ctx, queries.InvSupplierProductUpsertParams{SupplierID: o.SupplierID, Sku: o.SKU,
			SupplierSku: o.SupplierSKU, UnitCost: o.UnitCost}); err != nil {
			return domain.Wrap(err, domain.CodeInvalid, "Shopclerk could not link the SKU to that supplier (does the supplier exist?)")
		}
		return qt.InvProductSetSupplier(ctx, queries.InvProductSetSupplierParams{Sku: o.SKU, SupplierID: sql.NullInt64{Int64: o.SupplierID, Valid: true}})
	})
}

func skuExists(ctx context.Context, qt *queries.Queries, sku string) error {
	n, err := qt.InvProductExists(ctx, sku)
	if err != nil {
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
		qt := queries.New(tx)
		if err := skuExists(ctx, qt, p.SKU); err != nil {
			return err
		}
		if p.ClearReorderPoint {
			if err := qt.InvProductSetReorderPoint(ctx, queries.InvProductSetReorderPointParams{Sku: p.SKU}); err != nil {
				return err
			}
		} else if p.ReorderPoint != nil {
			rp := sql.NullInt64{Int64: int64(*p.ReorderPoint), Valid: true}
			if err := qt.InvProductSetReorderPoint(ctx, queries.InvProductSetReorderPointParams{Sku: p.SKU, ReorderPoint: rp}); err != nil {
				return err
			}
		}
		if p.SnoozeUntil != nil {
			var until sql.NullInt64
			if !p.SnoozeUntil.IsZero() {
				until = sql.NullInt64{Int64: p.SnoozeUntil.Unix(), Valid: true}
			}
			if err := qt.InvPolicySetSnooze(ctx, queries.InvPolicySetSnoozeParams{Sku: p.SKU, SnoozeUntil: until, UpdatedAt: now}); err != nil {
				return err
			}
		}
		if p.OrderOnce != nil {
			once := int64(store.BoolInt(*p.OrderOnce))
			if err := qt.InvPolicySetOrderOnce(ctx, queries.InvPolicySetOrderOnceParams{Sku: p.SKU, OrderOnce: once, UpdatedAt: now}); err != nil {
				return err
			}
		}
		return nil
	})
}

// ShopCurrency is the currency most products that are not archived are
// priced in (of equally common ones, the first by code); "" when none is.
func (s *DB) ShopCurrency(ctx context.Context) (string, error) {
	rows, err := s.gen().InvShopCurrency(ctx)
	if err != nil {
		return "", domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the stock figures")
	}
	best, n := "", int64(0)
	for _, r := range rows {
		if r.Count > n || (r.Count == n && r.Currency < best) {
			best, n = r.Currency, r.Count
		}
	}
	return best, nil
}
