package demo

import (
	"context"
	"errors"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
)

// evKind is what one generated record is.
type evKind uint8

const (
	evSupplier evKind = iota
	evProduct
	evCustomer
	evOrder
	evCart
	evStock
)

// event is one generated record on its way to the sinks. Records are never
// changed after they are emitted, so the store can read them on another
// goroutine.
type event struct {
	kind  evKind
	idx   int
	sup   *domain.Supplier
	sku   *skuGen
	cust  *custGen
	order *orderRec
	cart  *cartRec
	stock *domain.StockLevel
}

// sink receives the generated records in order.
type sink interface {
	emit(ev event) error
	finish(g *generator) error
}

type multiSink []sink

func (m multiSink) emit(ev event) error {
	for _, s := range m {
		if err := s.emit(ev); err != nil {
			return err
		}
	}
	return nil
}

func (m multiSink) finish(g *generator) error {
	for _, s := range m {
		if err := s.finish(g); err != nil {
			return err
		}
	}
	return nil
}

// emit tallies a record and hands it to the sinks, or holds it back while
// the last days are generated (see fixTail).
func (g *generator) emit(ev event) error {
	if g.inTail {
		g.tail = append(g.tail, ev)
		return nil
	}
	g.tally(ev)
	return g.out.emit(ev)
}

// tally counts what the sinks receive and folds it into the checksum.
func (g *generator) tally(ev event) {
	h := &g.h
	switch ev.kind {
	case evSupplier:
		g.sum.Suppliers++
		h.str(ev.sup.Name)
	case evProduct:
		g.sum.Products++
		h.str(ev.sku.prod.SKU)
		h.int(ev.sku.prod.Price.Amount)
	case evCustomer:
		g.sum.Customers++
		h.str(ev.cust.c.Email)
	case evOrder:
		rec := ev.order
		o := &rec.o
		g.sum.Orders++
		g.sum.LineItems += len(o.Lines)
		g.sum.Shipments += len(rec.ships)
		if g.sum.FirstOrder == "" {
			g.sum.FirstOrder = o.Name
		}
		g.sum.LastOrder = o.Name
		if !o.CreatedAt.Before(g.today) {
			g.sum.TodayOrders++
		}
		h.str(o.Name)
		h.str(o.Email)
		h.int(o.Total)
		h.int(o.CreatedAt.Unix())
		h.str(string(o.FinancialStatus))
		h.str(string(o.FulfillmentStatus))
		live := o.CancelledAt == nil
		if live {
			rec.cust.orders++
			rec.cust.spent += o.Total - o.Refunded
		}
		recent := g.now.Sub(o.CreatedAt) <= 30*day
		for i, l := range o.Lines {
			h.str(l.SKU)
			h.int(int64(l.Quantity))
			s := g.skus[rec.skuIdx[i]]
			if live && l.FulfillmentStatus == "pending" {
				s.committed += l.Quantity
			}
			if live && recent {
				s.sold30 += l.Quantity
			}
		}
		for _, sh := range rec.ships {
			h.str(sh.TrackingNumber)
			h.str(string(sh.Status))
		}
	case evCart:
		g.sum.Carts++
		if ev.cart.c.RecoveredAt != nil {
			g.sum.RecoveredCarts++
		}
		h.str(ev.cart.c.ExternalID)
		h.int(ev.cart.c.Total)
	case evStock:
		g.sum.StockLevels++
		h.str(ev.stock.SKU)
		h.str(ev.stock.Location)
		h.int(int64(ev.stock.Available))
	}
}

// dbBatch is how many records travel to the store goroutine at once.
const dbBatch = 2048

// dbSink passes records to the goroutine that writes them.
type dbSink struct {
	ctx context.Context
	ch  chan []event
	buf []event
}

func (d *dbSink) emit(ev event) error {
	d.buf = append(d.buf, ev)
	if len(d.buf) >= dbBatch {
		return d.flush()
	}
	return nil
}

func (d *dbSink) flush() error {
	if len(d.buf) == 0 {
		return nil
	}
	select {
	case d.ch <- d.buf:
		d.buf = make([]event, 0, dbBatch)
		return nil
	case <-d.ctx.Done():
		return d.ctx.Err()
	}
}

func (d *dbSink) finish(*generator) error { return d.flush() }

// writeStore runs the generator on its own goroutine and writes its records
// in one batch: the store gets a consistent shop or nothing.
func writeStore(ctx context.Context, st *importdb.DB, meta domain.BatchMeta, g *generator, extra []sink, progress Progress) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ds := &dbSink{ctx: ctx, ch: make(chan []event, 8), buf: make([]event, 0, dbBatch)}
	var genErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(ds.ch)
		genErr = g.run(ctx, append(multiSink{ds}, extra...), progress)
	}()
	_, _, err := st.WriteBatch(ctx, meta, importdb.WriteOptions{Fresh: true}, func(w *importdb.Writer) error {
		var supIDs []int64
		for batch := range ds.ch {
			for i := range batch {
				if err := apply(w, &batch[i], &supIDs); err != nil {
					return err
				}
			}
		}
		<-done
		return genErr
	})
	cancel()
	for range ds.ch {
	}
	<-done
	if err != nil && genErr != nil && !errors.Is(genErr, context.Canceled) {
		return genErr
	}
	return err
}

// apply writes one record through the batch Writer.
func apply(w *importdb.Writer, ev *event, supIDs *[]int64) error {
	switch ev.kind {
	case evSupplier:
		id, err := w.UpsertSupplier(*ev.sup)
		*supIDs = append(*supIDs, id)
		return err
	case evProduct:
		p := ev.sku.prod
		id := (*supIDs)[ev.sku.supplier]
		p.SupplierID = &id
		return w.UpsertProduct(p)
	case evCustomer:
		_, err := w.UpsertCustomer(ev.cust.c, importdb.CustomerAuthoritative)
		return err
	case evOrder:
		rec := ev.order
		if err := w.UpsertOrder(rec.o, &rec.cust.c); err != nil {
			return err
		}
		if len(rec.ships) == 0 {
			return nil
		}
		id, err := w.OrderID(rec.o.Source, rec.o.ExternalID)
		if err != nil {
			return err
		}
		for _, sh := range rec.ships {
			sh.OrderID = id
			if err := w.UpsertShipment(sh); err != nil {
				return err
			}
		}
	case evCart:
		var c *domain.Customer
		if ev.cart.cust != nil {
			c = &ev.cart.cust.c
		}
		return w.UpsertCart(ev.cart.c, c)
	case evStock:
		return w.SetStock(*ev.stock, "demo")
	}
	return nil
}
