package connector

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/connectordb"
)

// Pusher is a connector that writes back to its store (the write-back
// queue, Writer). Each method is one step the queue can record around:
// the Writer commits what it is about to send before calling, and
// resumes a call whose outcome it never recorded by reading back.
type Pusher interface {
	// CheckWrites says which permissions the switched-on writes lack, in
	// the store's own words of where to grant them.
	CheckWrites(ctx context.Context, w domain.StoreWrites) ([]string, error)
	// CreateCoupon makes the coupon a discount code in the store and returns
	// the store's id for it, with notes on what the store could not take
	// (free shipping beside a value, a customer it does not know...). A code
	// the store has already is ErrExists.
	CreateCoupon(ctx context.Context, c connectordb.Coupon) (remoteID string, notes []string, err error)
	// FindCoupon reads a discount code back.
	FindCoupon(ctx context.Context, code string) (remoteID string, found bool, err error)
	// ReadStock reads a SKU's available quantity where receipts at location
	// go; ErrNotInStore when the store does not sell the SKU.
	ReadStock(ctx context.Context, sku, location string) (StockRead, error)
	// SetStock sets the quantity to s.To if it is still s.From (ErrStale
	// when it is not). resumed: a call with this same s.Key may have
	// landed before; it must not land twice (the store's idempotency key,
	// or a read-back of the key written beside the quantity).
	SetStock(ctx context.Context, s StockSet, resumed bool) error
	// SetTag adds or removes a tag on a customer (found by email) or, for
	// t.Order, on an order; ErrNotInStore when the store has neither. Adding
	// a tag that is there or removing one that is not changes nothing, so a
	// try sent again after a crash lands once.
	SetTag(ctx context.Context, t TagSet) (note string, err error)
	// SetHold puts an order on hold in the store or releases the hold
	// Shopclerk put there; it reads the order first and does only what is
	// not so yet, so a try sent again after a crash lands once.
	// ErrNotInStore when the store does not have the order.
	SetHold(ctx context.Context, h HoldSet) (note string, err error)
}

// TagSet is one tag to add to or remove from a customer or an order.
type TagSet struct {
	Email string // the customer's; "" for an order's tag
	// Order is the order's name (#1001) and OrderID the id its platform
	// gave it (Shopify's name, WooCommerce's number).
	Order, OrderID string
	Tag            string
	Add            bool
}

// HoldSet is one order to hold (Hold) or release.
type HoldSet struct {
	Order, OrderID string
	Hold           bool
	Reason         string
}

// Write-back errors a Pusher returns.
var (
	ErrExists     = errors.New("the store has this already")
	ErrStale      = errors.New("the quantity changed in the store since it was read")
	ErrNotInStore = errors.New("the store does not sell this SKU")
)

// SharedSKU is the error for a SKU the store has on more than one product
// or variant (ids): Shopclerk keeps one stock figure per SKU, so it cannot
// tell which of them a receipt is for, and writes to none of them.
func SharedSKU(sku string, ids []string) error {
	return domain.Errorf(domain.CodeInvalid, "%d products in the store have the SKU %s (%s): give each its own SKU in the store; until then Shopclerk writes the stock of none of them",
		len(ids), sku, strings.Join(ids, ", "))
}

// StockRead is a SKU's quantity as a store has it, with the ids the store
// needs to change it.
type StockRead struct {
	Quantity int               `json:"quantity"`
	Handle   map[string]string `json:"handle"`
}

// StockSet is one compare-and-set of a quantity.
type StockSet struct {
	SKU    string            `json:"sku"`
	From   int               `json:"from"`
	To     int               `json:"to"`
	Handle map[string]string `json:"handle"`
	// Key identifies this try: the store's idempotency key, or the mark
	// written beside the quantity for a read-back.
	Key string `json:"key"`
	// Reference names the receipt, for the store's inventory history.
	Reference string `json:"reference"`
}

// Writer applies a store's write-back queue.
type Writer struct {
	DB    *connectordb.DB
	Clock clock.Clock
	// AfterCall, if set, runs after the store answered a write and before
	// the answer is recorded: the crash tests stop the process there.
	AfterCall func()
}

// casTries bounds the compare-and-set rounds of one stock write in one
// run: each lost round means a sale landed between read and write.
const casTries = 5

// maxPerRun bounds the writes one run makes; the rest go next run.
const maxPerRun = 500

// WriteResult is what one run of the queue did for a store.
type WriteResult struct {
	Store   string `json:"store"`
	Done    int    `json:"done"`
	Skipped int    `json:"skipped"`
	Waiting int    `json:"waiting"`
	// Error is the reason the last write that could not be made waits.
	Error string `json:"error,omitempty"`
}

// Run queues what is new for the store and makes the writes that are due,
// one at a time. A write the store could not take waits, with its reason,
// for a later run; ctx ending stops between writes.
func (w *Writer) Run(ctx context.Context, cs domain.ConnectedStore, p Pusher) (WriteResult, error) {
	res := WriteResult{Store: cs.Name}
	if err := w.DB.Sweep(ctx, cs.ID); err != nil {
		return res, err
	}
	due, err := w.DB.DueWrites(ctx, cs.ID, maxPerRun)
	if err != nil {
		return res, err
	}
	for _, d := range due {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		status, remote, note, werr := w.apply(ctx, cs, p, d)
		if werr != nil {
			var de *domain.Error
			if !errors.As(werr, &de) && ctx.Err() != nil {
				return res, ctx.Err()
			}
			res.Waiting++
			res.Error = werr.Error()
			next := w.now().Add(writeBackoff(d))
			if err := w.DB.WaitWrite(ctx, d.ID, werr.Error(), next); err != nil {
				return res, err
			}
			continue
		}
		if err := w.DB.FinishWrite(ctx, d.ID, status, remote, note); err != nil {
			return res, err
		}
		if status == domain.WriteSkipped {
			res.Skipped++
		} else {
			res.Done++
		}
	}
	return res, nil
}

func (w *Writer) now() time.Time {
	if w.Clock == nil {
		return time.Now()
	}
	return w.Clock.Now()
}

// writeBackoff is how long a write waits after a failed try: a minute,
// then longer, at most an hour (a store that is down comes back; a
// permission the seller grants is used within the hour, or at once with
// "Retry").
func writeBackoff(d connectordb.DueWrite) time.Duration {
	steps := []time.Duration{time.Minute, time.Minute, 5 * time.Minute, 15 * time.Minute}
	if d.Tries < len(steps) {
		return steps[d.Tries]
	}
	return time.Hour
}

func (w *Writer) apply(ctx context.Context, cs domain.ConnectedStore, p Pusher, d connectordb.DueWrite) (domain.WriteStatus, string, string, error) {
	switch d.Kind {
	case domain.WriteCoupon:
		return w.coupon(ctx, cs, p, d)
	case domain.WriteStock:
		return w.stock(ctx, cs, p, d)
	case domain.WriteTag, domain.WriteHold:
		return w.mark(ctx, cs, p, d)
	}
	return domain.WriteSkipped, "", "Shopclerk does not know how to write " + string(d.Kind), nil
}

// coupon makes a coupon a discount code, exactly once: a try that may
// have reached the store is read back first, and a code the store already
// has is read back too.
func (w *Writer) coupon(ctx context.Context, cs domain.ConnectedStore, p Pusher, d connectordb.DueWrite) (domain.WriteStatus, string, string, error) {
	c, err := w.DB.CouponToWrite(ctx, d.SourceID)
	if err != nil {
		return "", "", "", err
	}
	if c.AmountOff > 0 && c.Currency != "" && cs.Currency != "" && c.Currency != cs.Currency {
		return domain.WriteSkipped, "", fmt.Sprintf("the coupon takes off an amount in %s and %s sells in %s", c.Currency, cs.Name, cs.Currency), nil
	}
	if d.Resumed {
		if id, found, err := p.FindCoupon(ctx, c.Code); err != nil {
			return "", "", "", err
		} else if found {
			return domain.WriteDone, id, "", nil
		}
	}
	if err := w.DB.BeginWrite(ctx, d.ID, ""); err != nil {
		return "", "", "", err
	}
	id, notes, err := p.CreateCoupon(ctx, c)
	if w.AfterCall != nil {
		w.AfterCall()
	}
	if errors.Is(err, ErrExists) {
		fid, found, ferr := p.FindCoupon(ctx, c.Code)
		if ferr != nil {
			return "", "", "", ferr
		}
		if found {
			return domain.WriteDone, fid, "the store had this code already", nil
		}
	}
	if err != nil {
		return "", "", "", err
	}
	return domain.WriteDone, id, strings.Join(notes, " "), nil
}

// stock adds a receipt to the store's quantity by compare-and-set: read
// the quantity, set it to that plus the receipt if it is still that; a
// sale in between makes the set fail and the round starts again from the
// new quantity. Never a blind write.
func (w *Writer) stock(ctx context.Context, cs domain.ConnectedStore, p Pusher, d connectordb.DueWrite) (domain.WriteStatus, string, string, error) {
	rc, err := w.DB.ReceiptToWrite(ctx, d.SourceID)
	if err != nil {
		return "", "", "", err
	}
	var set StockSet
	resumed := d.Resumed && d.Attempt != "" && json.Unmarshal([]byte(d.Attempt), &set) == nil && set.Key != ""
	for round := 0; round < casTries; round++ {
		if !resumed {
			read, err := p.ReadStock(ctx, rc.SKU, rc.Location)
			if errors.Is(err, ErrNotInStore) {
				return domain.WriteSkipped, "", fmt.Sprintf("%s does not sell %s", cs.Name, rc.SKU), nil
			}
			if err != nil {
				return "", "", "", err
			}
			set = StockSet{SKU: rc.SKU, From: read.Quantity, To: read.Quantity + rc.Delta, Handle: read.Handle,
				Key: fmt.Sprintf("shopclerk-stock-%d-%d-%d", cs.ID, d.ID, d.Tries+round+1), Reference: fmt.Sprintf("receipt-%d", d.SourceID)}
			attempt, _ := json.Marshal(set)
			if err := w.DB.BeginWrite(ctx, d.ID, string(attempt)); err != nil {
				return "", "", "", err
			}
		}
		err = p.SetStock(ctx, set, resumed)
		if w.AfterCall != nil {
			w.AfterCall()
		}
		resumed = false
		if errors.Is(err, ErrStale) {
			continue // a sale landed: read again, add to what is there now
		}
		if err != nil {
			return "", "", "", err
		}
		return domain.WriteDone, "", fmt.Sprintf("%d → %d", set.From, set.To), nil
	}
	return "", "", "", domain.Errorf(domain.CodeTemporary, "the stock of %s in %s kept changing while Shopclerk wrote it (%d tries); it tries again shortly", rc.SKU, cs.Name, casTries)
}

// mark writes a tag or a hold. Both are states, not increments: the Pusher
// reads or sets the state, so a try resumed after a crash lands once. A
// write Shopclerk no longer agrees with (a tag removed again, a hold
// released, while it waited) is skipped: the later write says what is so.
func (w *Writer) mark(ctx context.Context, cs domain.ConnectedStore, p Pusher, d connectordb.DueWrite) (domain.WriteStatus, string, string, error) {
	m, err := w.DB.MarkToWrite(ctx, d.SourceID)
	if err != nil {
		return "", "", "", err
	}
	if !m.Current {
		return domain.WriteSkipped, "", "changed again in Shopclerk since; the later change is written instead", nil
	}
	if err := w.DB.BeginWrite(ctx, d.ID, ""); err != nil {
		return "", "", "", err
	}
	var note string
	if d.Kind == domain.WriteHold {
		note, err = p.SetHold(ctx, HoldSet{Order: m.Order, OrderID: m.OrderID, Hold: m.Add, Reason: m.Reason})
	} else {
		t := TagSet{Email: m.Email, Tag: m.Tag, Add: m.Add}
		if m.Hold {
			t = TagSet{Order: m.Order, OrderID: m.OrderID, Tag: m.Tag, Add: m.Add}
		}
		note, err = p.SetTag(ctx, t)
	}
	if w.AfterCall != nil {
		w.AfterCall()
	}
	if errors.Is(err, ErrNotInStore) {
		return domain.WriteSkipped, "", fmt.Sprintf("%s does not have %s", cs.Name, d.Subject[strings.LastIndex(d.Subject, " ")+1:]), nil
	}
	if err != nil {
		return "", "", "", err
	}
	return domain.WriteDone, "", note, nil
}
