package importdb

import (
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
)

// OrderRecord is one order of an import for Writer.UpsertOrders: the order,
// the customer derived from it, and the discount codes it used.
type OrderRecord struct {
	Order         domain.Order
	Customer      *domain.Customer
	DiscountCodes []string

	prepared bool
	hash     string
	// args are ImportOrderInsert's values, the first two (id, customer_id)
	// left for the Writer; lineArgs are ImportLineItemInsert's values of
	// every line, each line's first (order_id) left for the Writer.
	args     []any
	lineArgs []any
}

// OrderPreparer does the per-order work that needs no database (normalising,
// the row hash, the addresses' JSON, the statements' values) on the caller's
// goroutine, so an import's parser does it while the Writer writes.
type OrderPreparer struct {
	h rowHasher
}

const (
	orderCols = 31 // ImportOrderInsert
	lineCols  = 11 // ImportLineItemInsert
	// Rows per multi-row INSERT: one statement of 32 orders or 64 lines
	// costs about what one row costs through database/sql and the driver.
	orderChunk = 32
	lineChunk  = 64
)

// aggMax bounds the customers whose aggregates the Writer sums in memory
// (about 100 bytes each); past it they are added to the rows. Tests lower it.
var aggMax = 1 << 16

// Prepare readies r for UpsertOrders; the Writer prepares what arrives
// unprepared itself.
func (p *OrderPreparer) Prepare(r *OrderRecord) { prepareOrder(&p.h, r) }

func prepareOrder(h *rowHasher, r *OrderRecord) {
	o := &r.Order
	o.Email = store.NormEmail(o.Email)
	o.ID, o.CustomerID = 0, nil
	r.hash = h.order(o)
	billing, _ := json.Marshal(o.Billing)
	shipping, _ := json.Marshal(o.ShippingAddress)
	r.args = append(r.args[:0], nil, nil, string(o.Source), o.ExternalID, o.Name, o.Email, string(o.FinancialStatus),
		string(o.FulfillmentStatus), o.Currency, o.Subtotal, o.Shipping, o.Taxes, o.Discount, o.Total, o.Refunded,
		o.DiscountCode, o.ShippingMethod, o.PaymentMethod, o.RiskLevel, int64(store.BoolInt(o.AcceptsMarketing)),
		store.JoinTags(o.Tags), o.Note, string(billing), string(shipping), o.CreatedAt.Unix(), store.UnixOrNull(o.PaidAt),
		store.UnixOrNull(o.FulfilledAt), store.UnixOrNull(o.CancelledAt), nil, nil, r.hash)
	r.lineArgs = r.lineArgs[:0]
	for i, l := range o.Lines {
		if l.Position == 0 {
			l.Position = i + 1
		}
		r.lineArgs = append(r.lineArgs, nil, int64(l.Position), l.SKU, l.Name, l.Vendor, int64(l.Quantity), l.Price,
			l.CompareAtPrice, l.Discount, int64(store.BoolInt(l.RequiresShipping)), l.FulfillmentStatus)
	}
	codes := r.DiscountCodes[:0:0]
	for _, c := range r.DiscountCodes {
		if c = strings.TrimSpace(c); c != "" {
			codes = append(codes, c)
		}
	}
	r.DiscountCodes = codes
	r.prepared = true
}

// importState is what UpsertOrders keeps for the rest of its batch.
type importState struct {
	started bool
	// custMax is the largest customer id before the first UpsertOrders:
	// customers above it were created by this batch, with zero aggregates.
	custMax int64
	// custCleared says custByEm was emptied once (keyCacheMax), so it may
	// no longer hold every customer the batch created.
	custCleared bool
	// aggs sums the orders this batch inserted for customers it created,
	// so their aggregates are written once instead of re-read from orders.
	aggs map[int64]custAgg
	// codes are discount codes already ensured in this batch.
	codes map[string]struct{}
	// currencies numbers the currency codes of aggs, which so hold no
	// pointer for the GC to follow, and no slice of a CSV record.
	currencies map[string]uint32
	curNames   []string
	// pending inserts of the current call
	orders, lines []any
	nOrders       int
	nLines        int
	inCall        map[string]bool // order keys of the current call
	// onlyOurs says the orders table was empty before the first call and
	// holds only the orders these calls inserted (its largest id is ourMax,
	// the one the last flush left): then an order key that seen has not
	// seen is surely not stored, and is not looked up (a first import).
	onlyOurs bool
	ourMax   int64
	seen     keyFilter
}

// keyFilter is a Bloom filter of the order keys a batch inserted: fixed
// size (1 MB), never a false "not seen"; at a million keys about 1 in 300
// unseen keys reads as seen, and is looked up.
type keyFilter struct {
	bits []uint64
}

const keyFilterBits = 1 << 23

// hashes are two FNV-1a based hashes of key, combined as a + i*b.
func (f *keyFilter) hashes(key string) (uint64, uint64) {
	a := uint64(14695981039346656037)
	for i := 0; i < len(key); i++ {
		a ^= uint64(key[i])
		a *= 1099511628211
	}
	return a, a>>33 | a<<31 | 1
}

func (f *keyFilter) add(key string) {
	if f.bits == nil {
		f.bits = make([]uint64, keyFilterBits/64)
	}
	a, b := f.hashes(key)
	for i := uint64(0); i < 4; i++ {
		n := (a + i*b) % keyFilterBits
		f.bits[n/64] |= 1 << (n % 64)
	}
}

func (f *keyFilter) mayHave(key string) bool {
	if f.bits == nil {
		return false
	}
	a, b := f.hashes(key)
	for i := uint64(0); i < 4; i++ {
		n := (a + i*b) % keyFilterBits
		if f.bits[n/64]&(1<<(n%64)) == 0 {
			return false
		}
	}
	return true
}

// noCustomersBefore says that no customer was stored before the batch and
// custByEm holds every customer the batch created: an email it lacks is not
// stored, and UpsertCustomer need not look it up (an import into an empty
// shop). Nil-safe: a Writer without UpsertOrders has no import state.
func (s *importState) noCustomersBefore() bool {
	return s != nil && s.started && s.custMax == 0 && !s.custCleared
}

func (s *importState) cacheCleared() {
	if s != nil {
		s.custCleared = true
	}
}

type custAgg struct {
	n, spent, first, last int64
	currency              uint32
	hasOrders             bool
}

func (w *Writer) importState() (*importState, error) {
	if w.imp == nil {
		w.imp = &importState{aggs: map[int64]custAgg{}, codes: map[string]struct{}{}, currencies: map[string]uint32{},
			inCall: map[string]bool{}}
	}
	s := w.imp
	if !s.started {
		if err := w.tx.QueryRowContext(w.ctx, "SELECT COALESCE(MAX(id), 0) FROM customers").Scan(&s.custMax); err != nil {
			return nil, err
		}
		s.started = true
	}
	return s, nil
}

// UpsertOrders does what UpsertOrder and EnsureDiscountCode do for each
// record, in the records' order, with the same counts and the same rows,
// but in far fewer statements: one look-up of every order key, and
// multi-row INSERTs (with ids taken from the end of the table, which is what
// SQLite would give them) for the orders that are new and their lines. An
// order that is stored and changed, or repeats a key of the same call, goes
// through UpsertOrder.
func (w *Writer) UpsertOrders(recs []OrderRecord) error {
	s, err := w.importState()
	if err != nil {
		return err
	}
	for i := range recs {
		if !recs[i].prepared {
			prepareOrder(&w.hash, &recs[i])
		}
	}
	nextID, err := w.TableRows("orders")
	if err != nil {
		return err
	}
	// The orders table holds only what these calls inserted since it was
	// empty at the first: a key the filter has not seen is not stored.
	s.onlyOurs = nextID == s.ourMax && (s.onlyOurs || nextID == 0)
	stored, err := w.storedOrders(recs, s)
	if err != nil {
		return err
	}
	nextID++
	clear(s.inCall)
	s.orders, s.lines, s.nOrders, s.nLines = s.orders[:0], s.lines[:0], 0, 0
	for i := range recs {
		r := &recs[i]
		o := &r.Order
		key := string(o.Source) + "\x00" + o.ExternalID
		if s.inCall[key] {
			// The same order twice in one call: what the first wrote must be
			// in the table before the second is compared with it.
			if err := w.flushOrderInserts(); err != nil {
				return err
			}
			if nextID, err = w.TableRows("orders"); err != nil {
				return err
			}
			nextID++
			if err := w.UpsertOrder(r.Order, r.Customer); err != nil {
				return err
			}
			if err := w.ensureCodes(r); err != nil {
				return err
			}
			continue
		}
		s.inCall[key] = true
		if st, found := stored[key]; found {
			if st.hash == r.hash {
				w.counts.Unchanged++
			} else if err := w.UpsertOrder(r.Order, r.Customer); err != nil {
				return err
			}
			if err := w.ensureCodes(r); err != nil {
				return err
			}
			continue
		}
		w.counts.Created++
		var custID any
		if c := r.Customer; c != nil && (c.Email != "" || c.ExternalID != "") {
			cid, err := w.UpsertCustomer(*c, CustomerFromOrder)
			if err != nil {
				return err
			}
			custID = cid
			if err := w.addToAggregates(s, cid, o); err != nil {
				return err
			}
		}
		id := nextID
		nextID++
		s.seen.add(key)
		s.orders = append(s.orders, r.args...)
		base := len(s.orders) - orderCols
		s.orders[base], s.orders[base+1] = id, custID
		s.orders[base+28], s.orders[base+29] = w.now, w.batchID
		s.nOrders++
		for j := 0; j < len(r.lineArgs); j += lineCols {
			s.lines = append(s.lines, r.lineArgs[j:j+lineCols]...)
			s.lines[len(s.lines)-lineCols] = id
			s.nLines++
		}
		for _, l := range o.Lines {
			if err := w.ensureProduct(l, o.Currency); err != nil {
				return err
			}
		}
		if err := w.ensureCodes(r); err != nil {
			return err
		}
	}
	return w.flushOrderInserts()
}

func (w *Writer) ensureCodes(r *OrderRecord) error {
	s := w.imp
	for _, code := range r.DiscountCodes {
		if _, ok := s.codes[code]; ok {
			continue
		}
		if len(s.codes) >= keyCacheMax {
			clear(s.codes)
		}
		s.codes[strings.Clone(code)] = struct{}{} // not the record it was cut from
		if err := w.EnsureDiscountCode(code, r.Order.Currency, r.Order.CreatedAt); err != nil {
			return err
		}
	}
	return nil
}

// addToAggregates sums an inserted order into its customer's aggregates when
// the batch created the customer; any other customer is refreshed from the
// orders table at the end of the batch, like UpsertOrder's.
func (w *Writer) addToAggregates(s *importState, cid int64, o *domain.Order) error {
	if cid <= s.custMax {
		w.touched[cid] = struct{}{}
		return nil
	}
	a, ok := s.aggs[cid]
	if !ok && len(s.aggs) >= aggMax {
		// Flushing adds to the rows, so it may happen any number of times.
		if err := w.flushAggregates(); err != nil {
			return err
		}
	}
	at := o.CreatedAt.Unix()
	if o.CancelledAt == nil || o.CancelledAt.IsZero() {
		a.n++
		a.spent += o.Total - o.Refunded
	}
	if !a.hasOrders || at < a.first {
		a.first = at
	}
	if !a.hasOrders || at >= a.last {
		a.last, a.currency = at, s.currencyNo(o.Currency)
	}
	a.hasOrders = true
	s.aggs[cid] = a
	return nil
}

func (s *importState) currencyNo(cur string) uint32 {
	if n, ok := s.currencies[cur]; ok {
		return n
	}
	n := uint32(len(s.curNames))
	s.curNames = append(s.curNames, strings.Clone(cur)) // not the record it was cut from
	s.currencies[s.curNames[n]] = n
	return n
}

// flushAggregates adds the summed aggregates to their customers' rows.
func (w *Writer) flushAggregates() error {
	s := w.imp
	if s == nil || len(s.aggs) == 0 {
		return nil
	}
	st, err := w.stmt("ImportCustomerAggregatesAdd")
	if err != nil {
		return err
	}
	for id, a := range s.aggs {
		if _, err := st.ExecContext(w.rowCtx, id, a.n, a.spent, a.last, s.curNames[a.currency], a.first); err != nil {
			return err
		}
	}
	clear(s.aggs)
	return w.ctx.Err()
}

type storedOrder struct {
	id   int64
	hash string
}

// storedOrders looks up every order key of recs in one statement per source.
func (w *Writer) storedOrders(recs []OrderRecord, s *importState) (map[string]storedOrder, error) {
	out := map[string]storedOrder{}
	if w.fresh {
		return out, nil
	}
	bySource := map[domain.Source][]string{}
	for i := range recs {
		o := &recs[i].Order
		if s.onlyOurs && !s.seen.mayHave(string(o.Source)+"\x00"+o.ExternalID) {
			continue
		}
		bySource[o.Source] = append(bySource[o.Source], o.ExternalID)
	}
	for src, keys := range bySource {
		js, err := json.Marshal(keys)
		if err != nil {
			return nil, err
		}
		row, err := w.stmt("ImportOrdersByKeys")
		if err != nil {
			return nil, err
		}
		rows, err := row.QueryContext(w.rowCtx, string(src), string(js))
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var ext string
			var so storedOrder
			if err := rows.Scan(&ext, &so.id, &so.hash); err != nil {
				rows.Close()
				return nil, err
			}
			out[string(src)+"\x00"+ext] = so
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// flushOrderInserts writes the pending orders, then their lines.
func (w *Writer) flushOrderInserts() (err error) {
	s := w.imp
	if err := w.insertRows("ImportOrderInsert", orderCols, orderChunk, s.orders, s.nOrders); err != nil {
		return err
	}
	if err := w.insertRows("ImportLineItemInsert", lineCols, lineChunk, s.lines, s.nLines); err != nil {
		return err
	}
	s.orders, s.lines, s.nOrders, s.nLines = s.orders[:0], s.lines[:0], 0, 0
	if s.ourMax, err = w.TableRows("orders"); err != nil {
		return err
	}
	if _, err := w.rctx(); err != nil {
		return err
	}
	return nil
}

// insertRows runs the one-row INSERT name over n rows of args, chunk rows a
// statement and the rest in power-of-two statements, so a batch prepares a
// handful of statement sizes, not one per remainder.
func (w *Writer) insertRows(name string, cols, chunk int, args []any, n int) error {
	for n > 0 {
		k := chunk
		for k > n {
			k /= 2
		}
		st, err := w.multiRowStmt(name, k)
		if err != nil {
			return err
		}
		if _, err := st.ExecContext(w.rowCtx, args[:k*cols]...); err != nil {
			return err
		}
		args, n = args[k*cols:], n-k
	}
	return nil
}

// multiRowStmt prepares the INSERT name with its VALUES tuple repeated k times.
func (w *Writer) multiRowStmt(name string, k int) (*sql.Stmt, error) {
	key := name + "#" + strconv.Itoa(k)
	if st, ok := w.stmts[key]; ok {
		return st, nil
	}
	text := strings.TrimRight(strings.TrimSpace(q(name)), ";")
	i := strings.LastIndex(text, "VALUES")
	head, tuple := text[:i+len("VALUES")], strings.TrimSpace(text[i+len("VALUES"):])
	var b strings.Builder
	b.WriteString(head)
	for j := 0; j < k; j++ {
		if j > 0 {
			b.WriteByte(',')
		}
		b.WriteByte(' ')
		b.WriteString(tuple)
	}
	st, err := w.tx.PrepareContext(w.ctx, b.String())
	if err != nil {
		return nil, err
	}
	w.stmts[key] = st
	return st, nil
}
