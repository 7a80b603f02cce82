package importdb

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/importdb/internal/queries"
)

// Mapping returns the column mapping remembered for a header set.
func (s *DB) Mapping(ctx context.Context, headerHash string) (kind string, mapping map[string]string, found bool, err error) {
	r, err := s.gen().MappingGet(ctx, headerHash)
	if err == sql.ErrNoRows {
		return "", nil, false, nil
	}
	if err != nil {
		return "", nil, false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the saved column mappings")
	}
	if err := json.Unmarshal([]byte(r.Mapping), &mapping); err != nil {
		return "", nil, false, nil // a damaged mapping is as good as none
	}
	return r.Kind, mapping, true, nil
}

// SaveMapping remembers a column mapping for a header set, so the next
// export with the same columns imports without asking.
func (s *DB) SaveMapping(ctx context.Context, headerHash, kind string, mapping map[string]string) error {
	b, _ := json.Marshal(mapping)
	if err := s.gen().MappingPut(ctx, queries.MappingPutParams{HeaderHash: headerHash, Kind: kind, Mapping: string(b), UpdatedAt: s.Now()}); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the column mapping")
	}
	return nil
}

// ImportBatches lists the import history, newest first. Demo batches are
// left out unless includeDemo.
func (s *DB) ImportBatches(ctx context.Context, limit, offset int, includeDemo bool) ([]domain.ImportBatch, error) {
	if limit <= 0 {
		limit = 100
	}
	rows, err := s.gen().BatchList(ctx, queries.BatchListParams{IncludeDemo: int64(store.BoolInt(includeDemo)), MaxRows: int64(limit), Skip: int64(offset)})
	return batchesOf(rows, err)
}

// BatchesByHash finds earlier imports of the exact same file.
func (s *DB) BatchesByHash(ctx context.Context, fileHash string) ([]domain.ImportBatch, error) {
	return batchesOf(s.gen().BatchesByHash(ctx, fileHash))
}

func batchesOf(rows []queries.ImportBatch, err error) ([]domain.ImportBatch, error) {
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the import history")
	}
	var out []domain.ImportBatch
	for _, r := range rows {
		out = append(out, domain.ImportBatch{ID: r.ID, FileName: r.FileName, FileHash: r.FileHash, FileSize: r.FileSize, Preset: r.Preset,
			Kind: r.Kind, Status: r.Status, Rows: int(r.RowsTotal), Message: r.Message,
			Counts:    domain.Counts{Created: int(r.Created), Updated: int(r.Updated), Unchanged: int(r.Unchanged), Rejected: int(r.Rejected)},
			StartedAt: time.Unix(r.StartedAt, 0).UTC(), FinishedAt: store.FromUnix(r.FinishedAt)})
	}
	return out, nil
}

// BatchRejects returns the rows a batch could not take.
func (s *DB) BatchRejects(ctx context.Context, batchID int64) ([]domain.Reject, error) {
	rows, err := s.gen().BatchRejects(ctx, batchID)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the rejected rows")
	}
	var out []domain.Reject
	for _, r := range rows {
		out = append(out, domain.Reject{File: r.File, Row: int(r.RowNo), Column: r.Col, Value: r.Value, Reason: r.Reason})
	}
	return out, nil
}

// EnsureProduct makes sure the SKU of a stock row has a product row, without
// touching a product that exists. A generated key (p.SKUGenerated) is stored
// as one; a key that a stored product holds with the other meaning returns a
// *domain.SKUClashError.
func (w *Writer) EnsureProduct(p domain.Product) error {
	sku := strings.TrimSpace(p.SKU)
	if sku == "" {
		return nil
	}
	if err := w.checkSKUKind(sku, p.SKUGenerated); err != nil {
		return err
	}
	if _, ok := w.skus[sku]; ok {
		return nil
	}
	w.rememberSKU(sku)
	_, err := w.exec("ImportProductEnsure", sku, p.Handle, p.Title, p.Vendor, p.Price.Currency, w.now, store.BoolInt(p.SKUGenerated))
	return err
}

// checkSKUKind refuses a key that a stored product holds with the other
// meaning (real SKU or generated key). Only keys with the generated prefix
// can clash, so other SKUs cost no look-up.
func (w *Writer) checkSKUKind(sku string, generated bool) error {
	if w.fresh || !strings.HasPrefix(sku, domain.GeneratedSKUPrefix) {
		return nil
	}
	row, err := w.queryRow("ImportProductSKUGenerated", sku)
	if err != nil {
		return err
	}
	var stored bool
	switch err := row.Scan(&stored); {
	case err == sql.ErrNoRows:
		return nil
	case err != nil:
		return err
	case stored != generated:
		return &domain.SKUClashError{SKU: sku, StoredGenerated: stored}
	}
	return nil
}

// GeneratedSKUNames maps the name an order line shows for each product with a
// generated key ("Title - Variant title", or the title alone) to that key,
// so an order import can link a SKU-less line to it. A name two such
// products share is left out: the line cannot be told apart.
func (s *DB) GeneratedSKUNames(ctx context.Context) (map[string]string, error) {
	return generatedSKUNames(ctx, s.SQL())
}

// GeneratedSKUNames is Store.GeneratedSKUNames inside the batch, so an
// orders file links its lines to the products as its transaction sees them.
func (w *Writer) GeneratedSKUNames() (map[string]string, error) {
	return generatedSKUNames(w.ctx, w.tx)
}

func generatedSKUNames(ctx context.Context, db store.Queryer) (map[string]string, error) {
	rows, err := db.QueryContext(ctx, q("ImportGeneratedSKUNames"))
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the products without a SKU")
	}
	defer rows.Close()
	out := map[string]string{}
	ambiguous := map[string]bool{}
	for rows.Next() {
		var sku, title, variant string
		if err := rows.Scan(&sku, &title, &variant); err != nil {
			return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the products without a SKU")
		}
		name := domain.LineName(title, variant)
		if name == "" || ambiguous[name] {
			continue
		}
		if _, dup := out[name]; dup {
			delete(out, name)
			ambiguous[name] = true
			continue
		}
		out[name] = sku
	}
	if err := rows.Err(); err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the products without a SKU")
	}
	return out, nil
}

// EnsureDiscountCode records a discount code seen on an imported order, so
// the coupons list knows the store's codes; an existing code is left alone.
func (w *Writer) EnsureDiscountCode(code, currency string, seenAt time.Time) error {
	code = strings.TrimSpace(code)
	if code == "" {
		return nil
	}
	_, err := w.exec("DiscountCodeEnsure", code, currency, seenAt.Unix())
	return err
}

// StoredOrder reads an order as stored, lines included, so an import that
// holds only part of an order (Etsy's orders and items files) can merge.
func (w *Writer) StoredOrder(source domain.Source, externalID string) (domain.Order, bool, error) {
	st, err := w.stmt("OrderStored")
	if err != nil {
		return domain.Order{}, false, err
	}
	o := domain.Order{Source: source, ExternalID: externalID}
	var id, created int64
	var fin, ful, tags, billing, shipping string
	var accepts int
	var paid, fulfilled, cancelled sql.NullInt64
	err = st.QueryRowContext(w.ctx, string(source), externalID).Scan(&id, &o.Name, &o.Email, &fin, &ful, &o.Currency,
		&o.Subtotal, &o.Shipping, &o.Taxes, &o.Discount, &o.Total, &o.Refunded, &o.DiscountCode, &o.ShippingMethod,
		&o.PaymentMethod, &o.RiskLevel, &accepts, &tags, &o.Note, &billing, &shipping, &created, &paid, &fulfilled, &cancelled)
	if err == sql.ErrNoRows {
		return domain.Order{}, false, nil
	}
	if err != nil {
		return domain.Order{}, false, err
	}
	o.FinancialStatus, o.FulfillmentStatus = domain.FinancialStatus(fin), domain.FulfillmentStatus(ful)
	o.AcceptsMarketing = accepts != 0
	if tags != "" {
		o.Tags = strings.Split(tags, ", ")
	}
	json.Unmarshal([]byte(billing), &o.Billing)
	json.Unmarshal([]byte(shipping), &o.ShippingAddress)
	o.CreatedAt = time.Unix(created, 0).UTC()
	o.PaidAt, o.FulfilledAt, o.CancelledAt = store.FromUnix(paid), store.FromUnix(fulfilled), store.FromUnix(cancelled)
	ls, err := w.stmt("OrderStoredLines")
	if err != nil {
		return domain.Order{}, false, err
	}
	rows, err := ls.QueryContext(w.ctx, id)
	if err != nil {
		return domain.Order{}, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var l domain.LineItem
		var ship int
		if err := rows.Scan(&l.Position, &l.SKU, &l.Name, &l.Vendor, &l.Quantity, &l.Price, &l.CompareAtPrice, &l.Discount, &ship, &l.FulfillmentStatus); err != nil {
			return domain.Order{}, false, err
		}
		l.RequiresShipping = ship != 0
		o.Lines = append(o.Lines, l)
	}
	return o, true, rows.Err()
}

// RowCounts counts what the shop holds per table, for import summaries and
// tests that compare a database before and after.
func (s *DB) RowCounts(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	for _, t := range []string{"orders", "line_items", "customers", "products", "stock_levels", "stock_changes", "carts", "cart_lines", "coupons", "messages", "import_batches", "import_rejects"} {
		var n int
		// The table names are the constants above, never input.
		if err := s.SQL().QueryRowContext(ctx, "SELECT COUNT(*) FROM "+t).Scan(&n); err != nil {
			return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not count the shop's rows")
		}
		out[t] = n
	}
	return out, nil
}

// SetFileHash records the batch's file hash when it is known only at the
// end (the importer hashes a CSV file as it reads it).
func (w *Writer) SetFileHash(hash string) error {
	_, err := w.tx.ExecContext(w.ctx, q("ImportBatchSetHash"), hash, w.batchID)
	return err
}
