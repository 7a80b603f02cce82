package importdb

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
)

// Writer upserts rows inside one batch transaction. Every upsert goes by the
// row's natural key and compares a content hash, so importing the same data
// twice changes nothing and is counted as unchanged (invariant 1).
type Writer struct {
	tx        *sql.Tx
	ctx       context.Context
	now       int64
	batchID   int64
	counts    domain.Counts
	rejects   []domain.Reject
	fresh     bool
	stmts     map[string]*sql.Stmt
	custByEm  map[string]int64
	touched   map[int64]struct{}
	skus      map[string]struct{}
	indexes   []string // CREATE INDEX statements dropped for a fresh bulk load
	cacheSize int64    // the connection's cache_size before a fresh bulk load
	threads   int64    // and its sorter threads
	hash      rowHasher
	rowCtx    context.Context // w.ctx without its cancellation, for per-row statements
	rows      uint            // per-row statements run, to check w.ctx now and then
	imp       *importState    // UpsertOrders' state (imports_orders.go)
}

// WriteOptions tune WriteBatch.
type WriteOptions struct {
	// Fresh promises the database holds none of the batch's keys yet, which
	// lets the demo generator skip the per-row lookups.
	Fresh bool
}

// WriteBatch runs fn inside one transaction: the batch is recorded, fn's
// upserts applied, customer aggregates refreshed, and everything committed
// together. If fn fails or ctx is cancelled nothing of the batch remains.
func (s *DB) WriteBatch(ctx context.Context, meta domain.BatchMeta, opt WriteOptions, fn func(w *Writer) error) (int64, domain.Counts, error) {
	var w *Writer
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		w = &Writer{tx: tx, ctx: ctx, rowCtx: context.WithoutCancel(ctx), now: s.Now(), fresh: opt.Fresh,
			stmts: map[string]*sql.Stmt{}, custByEm: map[string]int64{},
			touched: map[int64]struct{}{}, skus: map[string]struct{}{}}
		defer w.closeStmts()
		res, err := tx.ExecContext(ctx, q("BatchInsert"), meta.FileName, meta.FileHash, meta.FileSize, meta.Preset, meta.Kind, w.now)
		if err != nil {
			return err
		}
		if w.batchID, err = res.LastInsertId(); err != nil {
			return err
		}
		if opt.Fresh {
			if err := w.dropBulkIndexes(); err != nil {
				return err
			}
		}
		if err := fn(w); err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		return w.finish()
	})
	if err != nil {
		if ctx.Err() != nil {
			return 0, domain.Counts{}, domain.Wrap(err, domain.CodeInvalid, "The import was cancelled; nothing was changed.")
		}
		return 0, domain.Counts{}, err
	}
	// A batch can change the shape of the data (the first import into an
	// empty shop); refresh the planner's statistics while it is small work.
	s.Optimize(ctx, 0xfffe)
	return w.batchID, w.counts, nil
}

// BatchID is the id of the batch being written.
func (w *Writer) BatchID() int64 { return w.batchID }

// Reject records a row the importer could not take.
func (w *Writer) Reject(r domain.Reject) {
	w.rejects = append(w.rejects, r)
	w.counts.Rejected++
}

func (w *Writer) stmt(name string) (*sql.Stmt, error) {
	if st, ok := w.stmts[name]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(w.ctx, q(name))
	if err != nil {
		return nil, err
	}
	w.stmts[name] = st
	return st, nil
}

// rctx is the context of a per-row statement. The sqlite driver starts a
// watcher goroutine for each statement run under a cancellable context, which
// cost about a tenth of a demo generation at a million orders. Cancellation
// still ends the batch promptly: database/sql rolls the transaction back when
// w.ctx ends, and every 256 rows the Writer checks w.ctx itself.
func (w *Writer) rctx() (context.Context, error) {
	w.rows++
	if w.rows%256 == 0 {
		if err := w.ctx.Err(); err != nil {
			return nil, err
		}
	}
	return w.rowCtx, nil
}

func (w *Writer) exec(name string, args ...any) (sql.Result, error) {
	st, ctx, err := w.perRow(name)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// queryRow runs a per-row query of one row (see rctx).
func (w *Writer) queryRow(name string, args ...any) (*sql.Row, error) {
	st, ctx, err := w.perRow(name)
	if err != nil {
		return nil, err
	}
	return st.QueryRowContext(ctx, args...), nil
}

// perRow returns a prepared statement and the context to run it under.
func (w *Writer) perRow(name string) (*sql.Stmt, context.Context, error) {
	st, err := w.stmt(name)
	if err != nil {
		return nil, nil, err
	}
	ctx, err := w.rctx()
	return st, ctx, err
}

func (w *Writer) closeStmts() {
	for _, st := range w.stmts {
		st.Close()
	}
}

// lookup returns the id and stored hash of a row by its natural key.
func (w *Writer) lookup(name string, args ...any) (id int64, hash string, found bool, err error) {
	if w.fresh {
		return 0, "", false, nil
	}
	row, err := w.queryRow(name, args...)
	if err != nil {
		return 0, "", false, err
	}
	err = row.Scan(&id, &hash)
	if err == sql.ErrNoRows {
		return 0, "", false, nil
	}
	return id, hash, err == nil, err
}

// seen looks a row up by its natural key and counts it as created, updated or
// unchanged against the new content hash; unchanged rows need no write.
func (w *Writer) seen(hash, query string, key ...any) (id int64, found, unchanged bool, err error) {
	id, oldHash, found, err := w.lookup(query, key...)
	if err != nil {
		return 0, false, false, err
	}
	w.count(found, oldHash == hash)
	return id, found, found && oldHash == hash, nil
}

func (w *Writer) count(found bool, same bool) {
	switch {
	case !found:
		w.counts.Created++
	case same:
		w.counts.Unchanged++
	default:
		w.counts.Updated++
	}
}

// CustomerMode says how much a row may overwrite of an existing customer.
type CustomerMode int

const (
	// CustomerAuthoritative comes from a customers export: it overwrites.
	CustomerAuthoritative CustomerMode = iota
	// CustomerFromOrder is derived from an order's email and addresses: it
	// creates the customer or fills blanks, never overwrites.
	CustomerFromOrder
)

// UpsertCustomer creates or updates a customer keyed by lower-cased email
// (or source + external id without one) and returns its id.
func (w *Writer) UpsertCustomer(c domain.Customer, mode CustomerMode) (int64, error) {
	c.Email = store.NormEmail(c.Email)
	cached := false
	if c.Email != "" {
		var id int64
		if id, cached = w.custByEm[c.Email]; cached && mode == CustomerFromOrder {
			return id, nil
		}
	}
	var id int64
	var oldHash string
	var found bool
	var err error
	switch {
	case c.Email != "" && !cached && w.imp.noCustomersBefore():
		// Not stored: every customer of the batch is in custByEm.
	case c.Email != "":
		id, oldHash, found, err = w.lookup("CustomerByEmail", c.Email)
		if err == nil && !found && c.ExternalID != "" {
			// The same buyer, known so far by the store's id alone (Etsy's
			// export has no emails): one customer, who now has an email.
			if id, oldHash, found, err = w.lookup("CustomerByExternal", string(c.Source), c.ExternalID); err == nil && found {
				_, err = w.exec("CustomerSetEmail", id, c.Email)
			}
		}
	default:
		id, oldHash, found, err = w.lookup("CustomerByExternal", string(c.Source), c.ExternalID)
		if err == nil && !found && c.Source == domain.SourceEtsy {
			// Known by email from the API: the export, which has none,
			// keeps it (CustomerUpdate never blanks an email).
			id, oldHash, found, err = w.lookup("CustomerByEtsyID", c.ExternalID)
		}
	}
	if err != nil {
		return 0, err
	}
	c.ID, c.OrdersCount, c.TotalSpent, c.LastOrderAt = 0, 0, domain.Money{}, nil
	// Hash before defaulting CreatedAt to the batch time: a customers export
	// has no creation date, and the same file must hash the same tomorrow.
	h := w.hash.customer(&c)
	if c.CreatedAt.IsZero() {
		c.CreatedAt = time.Unix(w.now, 0)
	}
	args := []any{c.Email, string(c.Source), c.ExternalID, c.FirstName, c.LastName, c.Phone, c.Country, c.City,
		store.BoolInt(c.AcceptsMarketing), store.UnixOrNull(c.ConsentAt), c.Birthday, store.JoinTags(c.Tags), c.Note, c.CreatedAt.Unix(), w.now, h,
		store.BoolInt(c.AcceptsSMS), store.UnixOrNull(c.SMSConsentAt)}
	switch {
	case !found:
		res, err := w.exec("CustomerInsert", args...)
		if err != nil {
			return 0, err
		}
		id, _ = res.LastInsertId()
		// Counts are about the file's own rows: a customer derived from an
		// order's email is part of that order, so the same file reads
		// "20 created" the first time and "20 unchanged" the second.
		if mode == CustomerAuthoritative {
			w.counts.Created++
		}
	case mode == CustomerFromOrder:
		if _, err := w.exec("CustomerFillBlanks", append([]any{id}, args[3:8]...)...); err != nil {
			return 0, err
		}
	case oldHash == h:
		w.counts.Unchanged++
	default:
		if _, err := w.exec("CustomerUpdate", append([]any{id}, args...)...); err != nil {
			return 0, err
		}
		w.counts.Updated++
	}
	if c.Email != "" {
		// A fresh batch cannot look customers up, so it keeps every email;
		// otherwise the cache is bounded (keyCacheMax) and refills from the
		// database.
		if !w.fresh && len(w.custByEm) >= keyCacheMax {
			clear(w.custByEm)
			w.imp.cacheCleared()
		}
		w.custByEm[c.Email] = id
	}
	return id, nil
}

// keyCacheMax bounds the Writer's caches of emails and SKUs seen in a batch
// (about 10 MB each when full), so memory stays flat whatever the file's
// size: past it a cache is emptied, and the keys are looked up again
// (customers) or ensured again by an INSERT that does nothing (SKUs).
var keyCacheMax = 1 << 17

func (w *Writer) rememberSKU(sku string) {
	if len(w.skus) >= keyCacheMax {
		clear(w.skus)
	}
	w.skus[sku] = struct{}{}
}

// UpsertProduct creates or updates a product by SKU.
func (w *Writer) UpsertProduct(p domain.Product) error {
	p.SKU = strings.TrimSpace(p.SKU)
	if p.SKU == "" {
		return nil
	}
	if err := w.checkSKUKind(p.SKU, p.SKUGenerated); err != nil {
		return err
	}
	p.ID = 0
	h := w.hash.product(&p)
	_, _, unchanged, err := w.seen(h, "ProductBySKU", p.SKU)
	if err != nil {
		return err
	}
	w.rememberSKU(p.SKU)
	if unchanged {
		return nil
	}
	_, err = w.exec("ProductUpsert", p.SKU, p.Handle, p.Title, p.VariantTitle, p.Vendor, p.Type, p.Barcode,
		p.Price.Currency, p.Price.Amount, p.Cost.Amount, nonEmpty(p.Status, "active"), store.JoinTags(p.Tags), p.SupplierID, h, w.now, store.BoolInt(p.SKUGenerated))
	return err
}

// ensureProduct creates a minimal product for a SKU seen on an order line, so
// every sold SKU can be forecast; it never overwrites a real product row.
func (w *Writer) ensureProduct(l domain.LineItem, currency string) error {
	if l.SKU == "" {
		return nil
	}
	if _, ok := w.skus[l.SKU]; ok {
		return nil
	}
	w.rememberSKU(l.SKU)
	_, err := w.exec("ProductEnsure", l.SKU, l.Name, l.Vendor, currency, l.Price, w.now)
	return err
}

// UpsertOrder creates or updates an order with its lines, linking (and if
// need be creating) its customer and products.
func (w *Writer) UpsertOrder(o domain.Order, cust *domain.Customer) error {
	o.Email = store.NormEmail(o.Email)
	o.ID, o.CustomerID = 0, nil
	h := w.hash.order(&o)
	id, found, unchanged, err := w.seen(h, "OrderByKey", string(o.Source), o.ExternalID)
	if err != nil || unchanged {
		return err
	}
	custID, err := w.buyer(cust, cust != nil && cust.ExternalID != "")
	if err != nil {
		return err
	}
	if custID != nil {
		w.touched[*custID] = struct{}{}
	}
	billing, _ := json.Marshal(o.Billing)
	shipping, _ := json.Marshal(o.ShippingAddress)
	args := []any{string(o.Source), o.ExternalID, o.Name, o.Email, custID, string(o.FinancialStatus), string(o.FulfillmentStatus),
		o.Currency, o.Subtotal, o.Shipping, o.Taxes, o.Discount, o.Total, o.Refunded, o.DiscountCode, o.ShippingMethod,
		o.PaymentMethod, o.RiskLevel, store.BoolInt(o.AcceptsMarketing), store.JoinTags(o.Tags), o.Note, string(billing), string(shipping),
		o.CreatedAt.Unix(), store.UnixOrNull(o.PaidAt), store.UnixOrNull(o.FulfilledAt), store.UnixOrNull(o.CancelledAt), w.now, w.batchID, h}
	if id, err = w.saveParent(found, id, "OrderUpdate", "OrderInsert", "LineItemsDelete", args); err != nil {
		return err
	}
	for i, l := range o.Lines {
		if l.Position == 0 {
			l.Position = i + 1
		}
		if _, err := w.exec("LineItemInsert", id, l.Position, l.SKU, l.Name, l.Vendor, l.Quantity, l.Price,
			l.CompareAtPrice, l.Discount, store.BoolInt(l.RequiresShipping), l.FulfillmentStatus); err != nil {
			return err
		}
		if err := w.ensureProduct(l, o.Currency); err != nil {
			return err
		}
	}
	return nil
}

// buyer links an order or cart to its customer, creating or updating the
// customer first. A customer known only by the store's id still counts when
// byExternalID is set (orders carry one; checkouts exports do not).
func (w *Writer) buyer(cust *domain.Customer, byExternalID bool) (*int64, error) {
	if cust == nil || (cust.Email == "" && !byExternalID) {
		return nil, nil
	}
	cid, err := w.UpsertCustomer(*cust, CustomerFromOrder)
	if err != nil {
		return nil, err
	}
	return &cid, nil
}

// saveParent writes an order or cart row: an update that also drops its old
// lines when the row was found, an insert otherwise. It returns the row's id,
// under which the caller writes the lines again.
func (w *Writer) saveParent(found bool, id int64, update, insert, deleteLines string, args []any) (int64, error) {
	if found {
		if _, err := w.exec(update, append(args, id)...); err != nil {
			return 0, err
		}
		_, err := w.exec(deleteLines, id)
		return id, err
	}
	res, err := w.exec(insert, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// UpsertCart creates or updates an abandoned checkout with its lines.
func (w *Writer) UpsertCart(c domain.Cart, cust *domain.Customer) error {
	c.Email = store.NormEmail(c.Email)
	c.ID, c.CustomerID = 0, nil
	h := w.hash.cart(&c)
	id, found, unchanged, err := w.seen(h, "CartByKey", string(c.Source), c.ExternalID)
	if err != nil || unchanged {
		return err
	}
	custID, err := w.buyer(cust, false)
	if err != nil {
		return err
	}
	if c.UpdatedAt.IsZero() {
		c.UpdatedAt = c.CreatedAt
	}
	args := []any{string(c.Source), c.ExternalID, c.Email, custID, c.Currency, c.Total, c.RecoveryURL,
		c.CreatedAt.Unix(), c.UpdatedAt.Unix(), store.UnixOrNull(c.RecoveredAt), w.batchID, h}
	if id, err = w.saveParent(found, id, "CartUpdate", "CartInsert", "CartLinesDelete", args); err != nil {
		return err
	}
	for i, l := range c.Lines {
		if _, err := w.exec("CartLineInsert", id, i+1, l.SKU, l.Name, l.Quantity, l.Price); err != nil {
			return err
		}
		if err := w.ensureProduct(l, c.Currency); err != nil {
			return err
		}
	}
	return nil
}

// SetStock records a SKU's level at a location, and a stock change when the
// available quantity moved, so rules can see thresholds being crossed.
func (w *Writer) SetStock(l domain.StockLevel, reason string) error {
	var before sql.NullInt64
	var onHand, committed, incoming, stocked int64
	found := false
	if !w.fresh {
		row, err := w.queryRow("StockGet", l.SKU, l.Location)
		if err != nil {
			return err
		}
		err = row.Scan(&before, &onHand, &committed, &incoming, &stocked)
		if err != nil && err != sql.ErrNoRows {
			return err
		}
		found = err == nil
	}
	same := found && before.Int64 == int64(l.Available) && onHand == int64(l.OnHand) &&
		committed == int64(l.Committed) && incoming == int64(l.Incoming) && stocked == int64(store.BoolInt(l.Stocked))
	w.count(found, same)
	if same {
		return nil
	}
	if _, err := w.exec("StockUpsert", l.SKU, l.Location, l.OnHand, l.Committed, l.Available, l.Incoming, store.BoolInt(l.Stocked), w.now); err != nil {
		return err
	}
	if !found || before.Int64 != int64(l.Available) {
		if _, err := w.exec("StockChangeInsert", l.SKU, l.Location, before, l.Available, w.batchID, reason, w.now); err != nil {
			return err
		}
	}
	return nil
}

// UpsertSupplier creates or updates a supplier by name and returns its id.
func (w *Writer) UpsertSupplier(s domain.Supplier) (int64, error) {
	var id int64
	row, err := w.queryRow("SupplierUpsert", s.Name, s.Email, s.Currency, s.LeadTimeDays, s.LeadTimeStdDays, s.MinOrderQty, max(s.PackSize, 1))
	if err != nil {
		return 0, err
	}
	err = row.Scan(&id)
	return id, err
}

// UpsertShipment creates or updates a shipment by order and tracking number.
func (w *Writer) UpsertShipment(sh domain.Shipment) error {
	_, err := w.exec("ShipmentUpsert", sh.OrderID, sh.Carrier, sh.TrackingNumber, sh.TrackingURL, string(sh.Status),
		sh.ShippedAt.Unix(), store.UnixOrNull(sh.DeliveredAt), sh.UpdatedAt.Unix())
	return err
}

// OrderID finds an order written earlier in this batch or before.
func (w *Writer) OrderID(source domain.Source, externalID string) (int64, error) {
	row, err := w.queryRow("OrderByKey", string(source), externalID)
	if err != nil {
		return 0, err
	}
	var id int64
	var h string
	err = row.Scan(&id, &h)
	return id, err
}

// finish refreshes customer aggregates and records the batch's outcome.
func (w *Writer) finish() error {
	if err := w.flushAggregates(); err != nil {
		return err
	}
	if w.fresh {
		// Aggregates first: without orders_customer the planner scans orders
		// in rowid order and groups in a sorter, instead of a million random
		// row lookups through the index; and the customer indexes are built
		// once, from the final values.
		if _, err := w.tx.ExecContext(w.ctx, q("CustomerAggregatesAll")); err != nil {
			return err
		}
		if err := w.rebuildBulkIndexes(); err != nil {
			return err
		}
	} else {
		for id := range w.touched {
			if _, err := w.exec("CustomerAggregatesOne", id); err != nil {
				return err
			}
		}
	}
	// Tracking numbers that waited for their order (imports_tracking.go),
	// once the orders' indexes are back.
	if err := w.matchUnmatched(); err != nil {
		return err
	}
	for _, r := range w.rejects {
		if _, err := w.exec("RejectInsert", w.batchID, r.File, r.Row, r.Column, r.Value, r.Reason); err != nil {
			return err
		}
	}
	status := "done"
	if w.counts.Created+w.counts.Updated+w.counts.Unchanged == 0 && w.counts.Rejected > 0 {
		status = "rejected"
	}
	_, err := w.tx.ExecContext(w.ctx, q("BatchFinish"), status, w.counts.Created+w.counts.Updated+w.counts.Unchanged+w.counts.Rejected,
		w.counts.Created, w.counts.Updated, w.counts.Unchanged, w.counts.Rejected, w.now, w.batchID)
	return err
}

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// bulkTables are the tables a fresh batch fills in bulk.
const bulkTables = "'orders', 'line_items', 'customers', 'carts', 'cart_lines', 'shipments'"

// dropBulkIndexes drops the secondary indexes of the bulk tables for a fresh
// batch; rebuildBulkIndexes recreates them from their own definitions before
// commit. Building an index once from sorted rows is several times faster
// than keeping it up to date through a million random inserts (measured on
// the l demo shop). Indexes behind UNIQUE constraints stay, so key lookups
// such as OrderID still work during the batch; a rollback restores them all.
func (w *Writer) dropBulkIndexes() error {
	// A bigger page cache keeps the bulk tables' hot pages out of the WAL
	// until commit, and sorter threads build the indexes on the core the
	// generator has finished with. Both are per connection, restored at finish.
	if err := w.tx.QueryRowContext(w.ctx, "PRAGMA cache_size").Scan(&w.cacheSize); err != nil {
		return err
	}
	if err := w.tx.QueryRowContext(w.ctx, "PRAGMA threads").Scan(&w.threads); err != nil {
		return err
	}
	if _, err := w.tx.ExecContext(w.ctx, "PRAGMA cache_size = -131072"); err != nil {
		return err
	}
	if _, err := w.tx.ExecContext(w.ctx, "PRAGMA threads = 2"); err != nil {
		return err
	}
	all, err := w.secondaryIndexes(bulkTables, "")
	if err != nil {
		return err
	}
	for _, ix := range all {
		w.indexes = append(w.indexes, ix.def)
		if err := w.dropIndex(ix.name); err != nil {
			return err
		}
	}
	return nil
}

// sqlIndex is an index as sqlite_schema holds it.
type sqlIndex struct{ name, table, def string }

// secondaryIndexes lists by name the indexes of the tables in tables (a
// quoted SQL list) that have a definition of their own, which leaves out
// those behind UNIQUE and PRIMARY KEY constraints; cond (" AND ...") narrows
// the list.
func (w *Writer) secondaryIndexes(tables, cond string) ([]sqlIndex, error) {
	rows, err := w.tx.QueryContext(w.ctx, "SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ("+tables+")"+cond+" ORDER BY name")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []sqlIndex
	for rows.Next() {
		var ix sqlIndex
		if err := rows.Scan(&ix.name, &ix.table, &ix.def); err != nil {
			return nil, err
		}
		all = append(all, ix)
	}
	return all, rows.Err()
}

func (w *Writer) dropIndex(name string) error {
	_, err := w.tx.ExecContext(w.ctx, "DROP INDEX "+quoteIdent(name))
	return err
}

// quoteIdent quotes a table or index name for SQL text.
func quoteIdent(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

func (w *Writer) rebuildBulkIndexes() error {
	for _, def := range w.indexes {
		if _, err := w.tx.ExecContext(w.ctx, def); err != nil {
			return err
		}
	}
	w.indexes = nil
	if _, err := w.tx.ExecContext(w.ctx, "PRAGMA threads = "+strconv.FormatInt(w.threads, 10)); err != nil {
		return err
	}
	_, err := w.tx.ExecContext(w.ctx, "PRAGMA cache_size = "+strconv.FormatInt(w.cacheSize, 10))
	return err
}
