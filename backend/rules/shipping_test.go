package rules

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/rulesdb"
	"shopclerk/backend/store/shippingdb"
	"shopclerk/backend/store/storetest"
)

// movingClock is the store's "now", moved by the test.
type movingClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *movingClock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *movingClock) set(t time.Time) { c.mu.Lock(); c.t = t; c.mu.Unlock() }

// shipShop is a real SQLite shop with the five ready-made shipping flows
// switched on, and the three ways a status arrives: a tracking file, the
// store's sync, carrier polling.
type shipShop struct {
	*shop
	clk  *movingClock
	ship *shippingdb.DB
}

func newShipShop(t *testing.T) *shipShop {
	clk := &movingClock{t: t0}
	st := storetest.Open(t, storetest.Clock(clk))
	rs := rulesdb.New(st)
	s := &shipShop{shop: &shop{t: t, ctx: t.Context(), st: rs, e: New(rs, Options{Log: quietLog})}, clk: clk, ship: shippingdb.New(st)}
	for _, key := range []string{"shipping_shipped", "shipping_out_for_delivery", "shipping_delivered", "shipping_problem", "shipping_stuck"} {
		s.template(key)
	}
	return s
}

// tick moves the clock to at, plans and runs everything due, and returns
// what was done: "email: subject" and "task: title", sorted.
func (s *shipShop) tick(at time.Time) []string {
	s.t.Helper()
	s.clk.set(at)
	p := s.plan(at)
	var out []string
	for _, f := range p.Flows {
		for _, it := range f.Items {
			switch {
			case it.Problem != "" || it.DueAt.After(at):
			case it.Email != nil:
				out = append(out, "email: "+it.Email.Subject)
			case it.Task != nil:
				out = append(out, "task: "+it.Task.Title)
			}
		}
	}
	res, err := s.e.Run(s.ctx, at, p.AllKeys())
	if err != nil || len(res.Failed) > 0 {
		s.t.Fatalf("run: %v %+v", err, res.Failed)
	}
	slices.Sort(out)
	return out
}

func (s *shipShop) order(ext, email string) {
	c := cust(email, strings.Split(email, "@")[0], "DE", false)
	s.write(func(w *importdb.Writer) error { return w.UpsertOrder(order(ext, c.Email, 25000, t0.Add(-3*day)), &c) })
}

// file imports a tracking file's rows: order, number.
func (s *shipShop) file(rows ...string) {
	s.write(func(w *importdb.Writer) error {
		for i := 0; i < len(rows); i += 2 {
			if _, err := w.Tracking(domain.TrackingRow{OrderRef: rows[i], Number: rows[i+1], Carrier: "DHL", CarrierID: "dhl_paket",
				URL: "https://track.example/" + rows[i+1], File: "labels.csv", Row: i/2 + 2}); err != nil {
				return err
			}
		}
		return nil
	})
}

func (s *shipShop) shipmentID(number string) int64 {
	s.t.Helper()
	page, err := s.ship.Shipments(s.ctx, domain.ShipmentFilter{Search: number, Limit: 5})
	if err != nil || len(page.Rows) != 1 {
		s.t.Fatalf("shipment %s: %v %+v", number, err, page.Rows)
	}
	return page.Rows[0].ID
}

// carrier applies carrier events (polling) to a parcel: status, at, ...
func (s *shipShop) carrier(number string, evs ...any) {
	s.t.Helper()
	var list []domain.ShipmentEvent
	for i := 0; i < len(evs); i += 2 {
		st := evs[i].(domain.ShipmentStatus)
		list = append(list, domain.ShipmentEvent{Status: st, At: evs[i+1].(time.Time), Text: "DHL: " + string(st), Source: "dhl"})
	}
	if _, err := s.ship.ApplyEvents(s.ctx, s.shipmentID(number), list); err != nil {
		s.t.Fatal(err)
	}
}

func want(t *testing.T, when string, got []string, want ...string) {
	t.Helper()
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("%s:\n got  %q\n want %q", when, got, want)
	}
}

// TestShippingFlowsTellEachStatusOnce follows two orders through the
// ready-made shipping flows with a pinned clock: each status is told once
// per parcel, whichever source brings it and however often; a flapping
// status does not come again; a back-filled delivery never says "out for
// delivery"; an order of two parcels says which, and asks for feedback
// once, after its last parcel.
func TestShippingFlowsTellEachStatusOnce(t *testing.T) {
	s := newShipShop(t)
	s.order("A1", "ann@example.com")
	s.order("B2", "bob@example.com")
	s.tick(t0)

	h := t0.Add(time.Hour)
	s.clk.set(h)
	s.file("#A1", "00340434161234567890", "B2", "JJD0001", "#B2", "JJD0002")
	seen := 0
	for _, it := range flowItems(s.plan(h), 1) {
		if it.Email == nil || !strings.Contains(it.Email.Subject, "#A1") {
			continue
		}
		seen++
		for _, w := range []string{`href="https://track.example/00340434161234567890"`, "with DHL", "tracking number is 00340434161234567890"} {
			if !strings.Contains(it.Email.HTML, w) {
				t.Errorf("the shipped email lacks %s:\n%s", w, it.Email.HTML)
			}
		}
	}
	if seen != 1 {
		t.Errorf("%d shipped emails for #A1 in the plan, want 1", seen)
	}
	want(t, "tracking file", s.tick(h),
		"email: Your order #A1 is on its way",
		"email: Your order #B2 (parcel 1 of 2) is on its way",
		"email: Your order #B2 (parcel 2 of 2) is on its way")

	// The same file again, and the store's sync bringing the same parcel:
	// nothing new to tell.
	h = h.Add(time.Hour)
	s.clk.set(h)
	s.file("#A1", "00340434161234567890", "B2", "JJD0001", "#B2", "JJD0002")
	s.write(func(w *importdb.Writer) error {
		oid, err := w.OrderID(domain.SourceShopify, "A1")
		if err != nil {
			return err
		}
		return w.UpsertShipment(domain.Shipment{OrderID: oid, Carrier: "DHL", TrackingNumber: "00340434161234567890",
			Status: domain.ShipmentLabelCreated, ShippedAt: t0, UpdatedAt: h})
	})
	want(t, "re-import and store sync", s.tick(h))

	// Carrier polling: A goes out for delivery, then is delivered.
	d1 := t0.Add(day)
	s.clk.set(d1)
	s.carrier("00340434161234567890", domain.ShipmentInTransit, t0.Add(20*hour), domain.ShipmentOutForDelivery, d1.Add(-time.Hour))
	want(t, "out for delivery", s.tick(d1), "email: Your order #A1 arrives today")
	s.clk.set(d1.Add(4 * hour))
	s.carrier("00340434161234567890", domain.ShipmentDelivered, d1.Add(3*hour))
	want(t, "delivered", s.tick(d1.Add(4*hour)), "email: Your order #A1 has been delivered")

	// B's second parcel: its whole story arrives at once, a day late. Only
	// "delivered" is news; "out for delivery" is never told.
	d2 := t0.Add(2 * day)
	s.clk.set(d2)
	s.carrier("JJD0002", domain.ShipmentInTransit, d1, domain.ShipmentOutForDelivery, d1.Add(2*hour), domain.ShipmentDelivered, d1.Add(5*hour))
	want(t, "back-filled", s.tick(d2), "email: Your order #B2 (parcel 2 of 2) has been delivered")

	// B's first parcel flaps: exception, in transit, exception again. One
	// apology and one task.
	s.carrier("JJD0001", domain.ShipmentException, d2.Add(-3*hour))
	want(t, "exception", s.tick(d2.Add(time.Hour)),
		"email: We are sorry: a delivery problem with your order #B2",
		"task: Delivery problem: order #B2 (parcel 1 of 2)")
	s.clk.set(d2.Add(2 * hour))
	s.carrier("JJD0001", domain.ShipmentInTransit, d2.Add(time.Hour))
	want(t, "back in transit", s.tick(d2.Add(2*hour)))
	s.clk.set(d2.Add(4 * hour))
	s.carrier("JJD0001", domain.ShipmentException, d2.Add(3*hour))
	want(t, "exception again", s.tick(d2.Add(4*hour)))

	// A week after A's delivery: its feedback request. B2 was delivered a
	// day later but B1 is still out, and has had no news for 5 days: the
	// seller gets the stuck task; B asks nothing yet.
	d8 := d1.Add(7*day + 5*hour)
	s.clk.set(d8)
	want(t, "a week after A", s.tick(d8), "email: How do you like your order #A1?", "task: No news for JJD0001: order #B2")
	// B1 arrives; a week later B asks once, from its last parcel.
	s.carrier("JJD0001", domain.ShipmentDelivered, d8.Add(time.Hour))
	want(t, "B1 delivered", s.tick(d8.Add(2*hour)), "email: Your order #B2 (parcel 1 of 2) has been delivered")
	d9 := d2.Add(7*day + time.Hour)
	s.clk.set(d9)
	want(t, "a week after B2", s.tick(d9))
	d15 := d8.Add(7*day + 3*hour)
	s.clk.set(d15)
	want(t, "a week after B1", s.tick(d15), "email: How do you like your order #B2?")
	// Nothing more, ever.
	s.clk.set(d15.Add(30 * day))
	want(t, "a month on", s.tick(d15.Add(30*day)))
}

// TestStuckParcel: a parcel without news for 5 days gives the seller a
// task, the customer a note 3 days later if there is still no news; news
// and a new silence make a new task; a parcel that moves in time is left
// alone.
func TestStuckParcel(t *testing.T) {
	s := newShipShop(t)
	s.order("C3", "cid@example.com")
	s.order("D4", "dan@example.com")
	s.file("#C3", "JJD0003", "#D4", "JJD0004")
	want(t, "shipped", s.tick(t0.Add(time.Hour)),
		"email: Your order #C3 is on its way", "email: Your order #D4 is on its way")
	s.clk.set(t0.Add(2 * hour))
	s.carrier("JJD0003", domain.ShipmentInTransit, t0.Add(2*hour))
	s.carrier("JJD0004", domain.ShipmentInTransit, t0.Add(2*hour))
	s.tick(t0.Add(3 * hour))

	// D4 moves on day 4; C3 says nothing.
	s.clk.set(t0.Add(4 * day))
	s.carrier("JJD0004", domain.ShipmentInTransit, t0.Add(4*day), domain.ShipmentInTransit, t0.Add(4*day))
	want(t, "day 4", s.tick(t0.Add(4*day)))
	want(t, "day 5", s.tick(t0.Add(5*day+3*hour)), "task: No news for JJD0003: order #C3")
	want(t, "day 6", s.tick(t0.Add(6*day+3*hour)))
	want(t, "day 8", s.tick(t0.Add(8*day+3*hour)), "email: An update on your order #C3")
	want(t, "day 9", s.tick(t0.Add(9*day+3*hour)), "task: No news for JJD0004: order #D4")

	// C3 moves again on day 10, then goes quiet: a new task 5 days on.
	// D4 is delivered on day 11, so its note due on day 12 is not sent.
	s.clk.set(t0.Add(10 * day))
	s.carrier("JJD0003", domain.ShipmentInTransit, t0.Add(10*day))
	want(t, "day 10", s.tick(t0.Add(10*day)))
	s.clk.set(t0.Add(11 * day))
	s.carrier("JJD0004", domain.ShipmentDelivered, t0.Add(11*day))
	want(t, "day 11", s.tick(t0.Add(11*day)), "email: Your order #D4 has been delivered")
	want(t, "day 15", s.tick(t0.Add(15*day+time.Hour)), "task: No news for JJD0003: order #C3")
}
