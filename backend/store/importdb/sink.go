package importdb

import (
	"context"
	"database/sql"
	"fmt"

	"shopclerk/backend/domain"
)

// ApplyBatch runs fn in one batch transaction with the batch as a
// domain.RecordSink: how backend/importer hands an import's records to the
// store (DB is its importer.Applier) without driving the Writer itself.
// An erased customer's records are left out or anonymised (erased.go).
func (s *DB) ApplyBatch(ctx context.Context, meta domain.BatchMeta, fn func(domain.RecordSink) error) (int64, domain.Counts, error) {
	return s.WriteBatch(ctx, meta, WriteOptions{}, func(w *Writer) error {
		erased, err := loadErased(ctx, w.tx)
		if err != nil {
			return err
		}
		return fn(&sink{Writer: w, erased: erased})
	})
}

// ApplyBatchTx is ApplyBatch for another concern of the store: fn gets the
// batch's transaction too, so what it writes beside the records (a store
// sync's high-water mark) commits or rolls back with them.
func (s *DB) ApplyBatchTx(ctx context.Context, meta domain.BatchMeta, fn func(domain.RecordSink, *sql.Tx) error) (int64, domain.Counts, error) {
	return s.WriteBatch(ctx, meta, WriteOptions{}, func(w *Writer) error { return fn(&sink{Writer: w}, w.tx) })
}

// sink is the Writer seen as a domain.RecordSink.
type sink struct {
	*Writer
	orders []OrderRecord // Orders' buffer, reused batch after batch
	erased erasedSet
}

var _ domain.RecordSink = (*sink)(nil)

// PreparedOrder marks an OrderRecord as a domain.PreparedOrder.
func (*OrderRecord) PreparedOrder() {}

func (s *sink) Order(o domain.Order, c *domain.Customer, discountCodes []string) error {
	if s.erased.has(o.Email, c) {
		scrubOrder(&o)
		c = nil
	}
	if err := s.UpsertOrder(o, c); err != nil {
		return fmt.Errorf("order %s: %w", o.Name, err)
	}
	for _, code := range discountCodes {
		if err := s.EnsureDiscountCode(code, o.Currency, o.CreatedAt); err != nil {
			return err
		}
	}
	return nil
}

// OrderPreparer returns a preparer for one goroutine (it keeps a hasher).
func (s *sink) OrderPreparer() func(o *domain.Order, c *domain.Customer, discountCodes []string) domain.PreparedOrder {
	var p OrderPreparer
	return func(o *domain.Order, c *domain.Customer, discountCodes []string) domain.PreparedOrder {
		r := &OrderRecord{Order: *o, Customer: c, DiscountCodes: discountCodes}
		p.Prepare(r)
		return r
	}
}

// Orders writes orders its preparer readied, as UpsertOrders does.
func (s *sink) Orders(prepared []domain.PreparedOrder) error {
	s.orders = s.orders[:0]
	for _, p := range prepared {
		r := *p.(*OrderRecord)
		if s.erased.has(r.Order.Email, r.Customer) {
			scrubOrder(&r.Order)
			r.Customer, r.prepared = nil, false // prepared again, as scrubbed
		}
		s.orders = append(s.orders, r)
	}
	return s.UpsertOrders(s.orders)
}

func (s *sink) Cart(c domain.Cart, cust *domain.Customer) error {
	if s.erased.has(c.Email, cust) {
		scrubCart(&c)
		cust = nil
	}
	return s.UpsertCart(c, cust)
}

func (s *sink) Product(p domain.Product) error { return s.UpsertProduct(p) }

func (s *sink) Stock(l domain.StockLevel, p *domain.Product) error {
	if p != nil {
		if err := s.EnsureProduct(*p); err != nil {
			return err
		}
	}
	return s.SetStock(l, "import")
}

// Customer writes a customers file's row, authoritative over what orders
// derived.
// An erased customer's row is left out: the database holds nothing of them
// to change, so it counts as unchanged.
func (s *sink) Customer(c domain.Customer) error {
	if s.erased.has(c.Email, &c) {
		s.counts.Unchanged++
		return nil
	}
	_, err := s.UpsertCustomer(c, CustomerAuthoritative)
	return err
}

func (s *sink) DropIndexesForBulk(cacheKiB int64) (domain.BulkIndexes, error) {
	b, err := s.Writer.DropIndexesForBulk(cacheKiB)
	if err != nil {
		return nil, err
	}
	return b, nil
}
