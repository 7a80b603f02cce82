package connector

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/connectordb"
)

// Overlap is how far before the high-water mark an incremental sync starts
// reading again: a record updated while the last sync ran, or stamped a
// little behind by a store's clock, is read again rather than skipped; the
// row hashes make what did not change count as unchanged.
const Overlap = 10 * time.Minute

// flushRecords is how many records gather before a transaction writes them
// (pages are smaller; fewer commits keep the import history short).
const flushRecords = 1000

// Syncer syncs connected stores into the shop.
type Syncer struct {
	DB *connectordb.DB
	// Progress, if set, hears about each page read.
	Progress func(Progress)
	// FlushRecords is how many records gather before a transaction writes
	// them (default flushRecords; tests make it small).
	FlushRecords int
}

// Progress is reported as a sync goes.
type Progress struct {
	Store    string   `json:"store"`
	Resource Resource `json:"resource"`
	Records  int      `json:"records"`
	Pages    int      `json:"pages"`
}

// ResourceResult is what a sync did to one resource.
type ResourceResult struct {
	Resource Resource      `json:"resource"`
	Counts   domain.Counts `json:"counts"`
	Deleted  int           `json:"deleted"`
	Pages    int           `json:"pages"`
	Since    *time.Time    `json:"since"`
	Mark     *time.Time    `json:"mark"`
	notes    []string      // said in the run's notes (Result.Notes)
}

// Result is what one store's sync did.
type Result struct {
	Store     string           `json:"store"`
	RunID     int64            `json:"runId"`
	Full      bool             `json:"full"`
	Resources []ResourceResult `json:"resources"`
	Counts    domain.Counts    `json:"counts"`
	Deleted   int              `json:"deleted"`
	Notes     []string         `json:"notes"`
	Error     string           `json:"error,omitempty"`
	ErrorCode domain.Code      `json:"errorCode,omitempty"`
}

// Sync reads what changed in the store since the last sync (everything
// when full, or the first time) and writes it. Each flush of pages is one
// transaction with its high-water mark, so a sync that fails or is killed
// keeps what it committed, and the next one starts from there.
func (s *Syncer) Sync(ctx context.Context, cs domain.ConnectedStore, c Connector, full bool) (Result, error) {
	res := Result{Store: cs.Name, Full: full, Resources: []ResourceResult{}, Notes: []string{}}
	runID, err := s.DB.StartRun(ctx, cs.ID, full)
	if err != nil {
		return res, err
	}
	res.RunID = runID
	err = s.sync(ctx, cs, c, full, &res)
	run := domain.SyncRun{ID: runID, Status: "done", Counts: res.Counts, Deleted: res.Deleted, Message: strings.Join(res.Notes, " ")}
	if err != nil {
		run.Status, run.Message = "failed", err.Error()
		if errors.Is(err, context.Canceled) {
			run.Message = "cancelled; what was read before is kept"
		}
		res.Error, res.ErrorCode = run.Message, domain.CodeOf(err)
	}
	if ferr := s.DB.FinishRun(ctx, run); ferr != nil && err == nil {
		err = ferr
	}
	return res, err
}

func (s *Syncer) sync(ctx context.Context, cs domain.ConnectedStore, c Connector, full bool, res *Result) error {
	info, err := c.Check(ctx)
	if err != nil {
		return err
	}
	if err := s.DB.SetShopInfo(ctx, cs.ID, info.Currency, info.TimeZone); err != nil {
		return err
	}
	res.Notes = append(res.Notes, info.Notes...)
	res.Notes = append(res.Notes, s.shopNotes(ctx, cs, info)...)
	if len(info.Missing) > 0 {
		return domain.Errorf(domain.CodeAuthFailed, "%s cannot be synced until these permissions are granted: %s", cs.Name, strings.Join(info.Missing, "; "))
	}
	for _, spec := range c.Resources() {
		rr, err := s.resource(ctx, cs, c, spec, full, res.RunID)
		res.Resources = append(res.Resources, rr)
		res.Counts.Created += rr.Counts.Created
		res.Counts.Updated += rr.Counts.Updated
		res.Counts.Unchanged += rr.Counts.Unchanged
		res.Counts.Rejected += rr.Counts.Rejected
		res.Deleted += rr.Deleted
		res.Notes = append(res.Notes, rr.notes...)
		if err != nil {
			return err
		}
	}
	return nil
}

// shopNotes says where the store differs from the shop's own settings:
// amounts keep the store's currency and times are stored in UTC either way,
// but the seller should know.
func (s *Syncer) shopNotes(ctx context.Context, cs domain.ConnectedStore, info ShopInfo) []string {
	var notes []string
	if cur, _ := s.DB.Setting(ctx, "shop.currency", ""); cur != "" && info.Currency != "" && !strings.EqualFold(cur, info.Currency) {
		notes = append(notes, fmt.Sprintf("%s sells in %s, the shop's currency is %s: its amounts are kept in %s.", cs.Name, info.Currency, cur, info.Currency))
	}
	if tz, _ := s.DB.Setting(ctx, domain.SettingTimeZone, ""); tz != "" && info.TimeZone != "" && tz != info.TimeZone {
		notes = append(notes, fmt.Sprintf("%s's time zone is %s, the shop's is %s: times are stored in UTC, days counted in the shop's zone.", cs.Name, info.TimeZone, tz))
	}
	return notes
}

// kindOrder is an order in the deletion marks.
const kindOrder = "order"

// pending is the pages read but not yet written.
type pending struct {
	orders    []Order
	customers []domain.Customer
	products  []domain.Product
	stock     []Stock
	carts     []Cart
	deleted   []Deletion
	newest    time.Time
	n         int
}

func (p *pending) add(pg *Page) {
	p.orders = append(p.orders, pg.Orders...)
	p.customers = append(p.customers, pg.Customers...)
	p.products = append(p.products, pg.Products...)
	p.stock = append(p.stock, pg.Stock...)
	p.carts = append(p.carts, pg.Carts...)
	p.deleted = append(p.deleted, pg.Deleted...)
	p.newest = Later(p.newest, pg.Newest)
	p.n += pg.Records()
}

func (s *Syncer) resource(ctx context.Context, cs domain.ConnectedStore, c Connector, spec ResourceSpec, full bool, runID int64) (ResourceResult, error) {
	rr := ResourceResult{Resource: spec.Resource}
	mark, err := s.DB.Mark(ctx, cs.ID, string(spec.Resource))
	if err != nil {
		return rr, err
	}
	q := Query{}
	if !full && !mark.IsZero() {
		// A mark ahead of this computer's clock (a record stamped in the
		// future, a store's clock put back) would skip what changes next:
		// read from now instead. A clock behind only reads more again.
		from := mark
		if now := time.Unix(s.DB.Now(), 0).UTC(); from.After(now) {
			from = now
		}
		q.Since = from.Add(-Overlap)
		rr.Since = &q.Since
	}
	var buf pending
	records := 0
	// newest over every page read: an unordered read's mark, at its end.
	var newest time.Time
	skus := sharedSKUs{store: cs.Name, seen: map[string]string{}, said: map[string]bool{}}
	for {
		page, err := c.Fetch(ctx, spec.Resource, q)
		if err != nil {
			return rr, err
		}
		rr.Pages++
		records += page.Records()
		buf.add(&page)
		newest = Later(newest, page.Newest)
		skus.check(page.Products, &rr.notes)
		last := page.Next == ""
		if buf.n >= s.flushAt() || last {
			// An unordered read may have its newest record on any page: its
			// mark moves only with the last one, to the newest of them all.
			newMark := time.Time{}
			switch {
			case spec.Ordered && !page.Unordered:
				newMark = buf.newest
			case last:
				newMark = newest
			}
			if err := s.flush(ctx, cs, runID, spec.Resource, &buf, newMark, &rr); err != nil {
				return rr, err
			}
			buf = pending{}
		}
		if s.Progress != nil {
			s.Progress(Progress{Store: cs.Name, Resource: spec.Resource, Records: records, Pages: rr.Pages})
		}
		if last {
			break
		}
		q.Cursor = page.Next
	}
	if full && spec.Complete && spec.Resource == ResourceOrders {
		n, err := s.DB.MarkUnseenDeleted(ctx, cs.ID, runID, cs.Kind.Source(), kindOrder)
		if err != nil {
			return rr, err
		}
		rr.Deleted += n
	}
	if m, err := s.DB.Mark(ctx, cs.ID, string(spec.Resource)); err == nil && !m.IsZero() {
		rr.Mark = &m
	}
	return rr, nil
}

// sharedSKUs finds a SKU the store has on two products in one sync: the
// shop keeps one product per SKU (the last read) and the stock write-back
// refuses it (SharedSKU), so the seller is told which SKU to make unique.
type sharedSKUs struct {
	store string
	seen  map[string]string // SKU -> the product first read with it
	said  map[string]bool
}

func (sh *sharedSKUs) check(ps []domain.Product, notes *[]string) {
	for _, p := range ps {
		if p.SKU == "" || p.SKUGenerated {
			continue
		}
		name := strings.TrimSpace(p.Title + " " + p.VariantTitle)
		first, ok := sh.seen[p.SKU]
		if !ok {
			sh.seen[p.SKU] = name
		} else if first != name && !sh.said[p.SKU] {
			sh.said[p.SKU] = true
			*notes = append(*notes, fmt.Sprintf("%s has the SKU %s on two products (%q and %q): Shopclerk keeps one product and one stock figure per SKU, and writes the stock of neither; give each its own SKU in the store.",
				sh.store, p.SKU, first, name))
		}
	}
}

func (s *Syncer) flushAt() int {
	if s.FlushRecords > 0 {
		return s.FlushRecords
	}
	return flushRecords
}

// flush writes the pending records and moves the mark, in one transaction.
func (s *Syncer) flush(ctx context.Context, cs domain.ConnectedStore, runID int64, r Resource, buf *pending, mark time.Time, rr *ResourceResult) error {
	if buf.n == 0 && mark.IsZero() {
		return nil
	}
	src := cs.Kind.Source()
	meta := domain.BatchMeta{FileName: fmt.Sprintf("%s: %s", cs.Name, r), Preset: "sync_" + string(cs.Kind), Kind: string(r)}
	counts, deleted, err := s.DB.ApplyPage(ctx, cs.ID, runID, string(r), meta, mark, func(w domain.RecordSink, pg *connectordb.Page) error {
		return writeRecords(w, pg, src, buf)
	})
	if err != nil {
		return err
	}
	rr.Counts.Created += counts.Created
	rr.Counts.Updated += counts.Updated
	rr.Counts.Unchanged += counts.Unchanged
	rr.Counts.Rejected += counts.Rejected
	rr.Deleted += deleted
	return nil
}

// writeRecords hands a flush's records to the batch, as the importer hands
// a file's rows: products first, so the orders and stock naming their SKUs
// find them.
func writeRecords(w domain.RecordSink, pg *connectordb.Page, src domain.Source, buf *pending) error {
	for _, p := range buf.products {
		if err := orReject(w, src, p.SKU, w.Product(p)); err != nil {
			return err
		}
	}
	for _, st := range buf.stock {
		if err := orReject(w, src, st.SKU, w.Stock(st.StockLevel, st.Product)); err != nil {
			return err
		}
	}
	for _, c := range buf.customers {
		if err := w.Customer(c); err != nil {
			return err
		}
	}
	var names map[string]string
	link := func(lines []domain.LineItem) error {
		for i := range lines {
			if lines[i].SKU != "" {
				continue
			}
			// A SKU-less line links to the product Shopclerk keyed by its
			// name, exactly as an orders file's line does.
			if names == nil {
				var err error
				if names, err = w.GeneratedSKUNames(); err != nil {
					return err
				}
			}
			lines[i].SKU = names[lines[i].Name]
		}
		return nil
	}
	// Orders go in as an orders file's do: prepared (row hash, values),
	// then written together, new ones in multi-row inserts.
	if len(buf.orders) > 0 {
		prep := w.OrderPreparer()
		prepared := make([]domain.PreparedOrder, 0, len(buf.orders))
		for i := range buf.orders {
			o := &buf.orders[i]
			if err := link(o.Lines); err != nil {
				return err
			}
			prepared = append(prepared, prep(&o.Order, o.Customer, o.DiscountCodes))
		}
		if err := w.Orders(prepared); err != nil {
			return err
		}
	}
	for _, o := range buf.orders {
		if err := pg.Seen(src, kindOrder, o.ExternalID); err != nil {
			return err
		}
		for _, sh := range o.Shipments {
			if err := pg.Shipment(src, o.ExternalID, sh); err != nil {
				return err
			}
		}
	}
	for _, c := range buf.carts {
		if err := link(c.Lines); err != nil {
			return err
		}
		if err := w.Cart(c.Cart, c.Customer); err != nil {
			return err
		}
	}
	for _, d := range buf.deleted {
		if err := pg.Deleted(src, d.Kind, d.ExternalID, d.At); err != nil {
			return err
		}
	}
	return nil
}

// orReject reports a SKU that means a real SKU in one place and a key
// Shopclerk made in the other as a rejected record, as an import does,
// and passes any other error on.
func orReject(w domain.RecordSink, src domain.Source, sku string, err error) error {
	var clash *domain.SKUClashError
	if errors.As(err, &clash) {
		w.Reject(domain.Reject{File: string(src), Column: "SKU", Value: sku, Reason: clash.Error()})
		return nil
	}
	return err
}
