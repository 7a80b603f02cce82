package runner

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/rulesdb"
	"shopclerk/backend/store/shippingdb"
	"shopclerk/backend/store/storetest"
	"shopclerk/backend/tracking"
	"shopclerk/backend/tracking/carrierapi"
)

// movingClock is a clock the test moves.
type movingClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *movingClock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *movingClock) Add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// fakeCarrier answers from a script per number and counts the calls.
type fakeCarrier struct {
	name    string
	ids     []tracking.CarrierID
	rate    carrierapi.Rate
	answers map[string]func() (carrierapi.Result, error)
	asked   []string
}

func (f *fakeCarrier) Name() string                   { return f.name }
func (f *fakeCarrier) Carriers() []tracking.CarrierID { return f.ids }
func (f *fakeCarrier) Rate() carrierapi.Rate          { return f.rate }
func (f *fakeCarrier) Track(_ context.Context, n string) (carrierapi.Result, error) {
	f.asked = append(f.asked, n)
	if a, ok := f.answers[n]; ok {
		return a()
	}
	return carrierapi.Result{}, &carrierapi.Failure{Kind: carrierapi.FailNotFound, Carrier: f.name}
}

func events(evs ...domain.ShipmentEvent) func() (carrierapi.Result, error) {
	return func() (carrierapi.Result, error) { return carrierapi.Result{Events: evs}, nil }
}

func ev(at time.Time, st domain.ShipmentStatus, text string) domain.ShipmentEvent {
	return domain.ShipmentEvent{At: at, Status: st, Text: text, Source: "dhl"}
}

type trackingFixture struct {
	clk   *movingClock
	ship  *shippingdb.DB
	rules *rulesdb.DB
	ids   map[string]int64 // tracking number -> shipment id
	sleep []time.Duration
}

// newTrackingFixture: a shop with one order per number, each number
// imported as a tracking row shipped at now (less age, when given).
func newTrackingFixture(t *testing.T, numbers map[string]time.Duration) *trackingFixture {
	t.Helper()
	ctx := context.Background()
	f := &trackingFixture{clk: &movingClock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}, ids: map[string]int64{}}
	st := storetest.Open(t, storetest.Clock(f.clk))
	f.ship, f.rules = shippingdb.New(st), rulesdb.New(st)
	_, _, err := importdb.New(st).WriteBatch(ctx, domain.BatchMeta{FileName: "seed", Kind: "test"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		i := 0
		for n, age := range numbers {
			i++
			name := "#" + string(rune('A'+i))
			if err := w.UpsertOrder(storetest.Order(name, 1000, name[1:]+"@example.com", f.clk.Now()), nil); err != nil {
				return err
			}
			d := tracking.Detect(n, "")
			shipped := f.clk.Now().Add(-age)
			if _, err := w.Tracking(domain.TrackingRow{OrderRef: name, Number: d.Number, Carrier: d.CarrierName(), CarrierID: string(d.Carrier.ID),
				URL: d.Link(), ShippedAt: &shipped}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	page, err := f.ship.Shipments(ctx, domain.ShipmentFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range page.Rows {
		f.ids[r.TrackingNumber] = r.ID
	}
	return f
}

func (f *trackingFixture) poller(clients ...carrierapi.Client) *Tracking {
	tr := NewTracking(f.ship, func() ([]carrierapi.Client, error) { return clients, nil }, f.clk, quietLog)
	tr.Sleep = func(_ context.Context, d time.Duration) error { f.sleep = append(f.sleep, d); return nil }
	return tr
}

func (f *trackingFixture) row(t *testing.T, number string) domain.ShipmentRow {
	t.Helper()
	r, err := f.ship.Shipment(context.Background(), f.ids[number])
	if err != nil {
		t.Fatal(err)
	}
	return r
}

const (
	dhlPaket = "00340433836442636597"
	dhlExp   = "1234567891"
	usps     = "9400111899223851071816"
)

func dhlFake(answers map[string]func() (carrierapi.Result, error)) *fakeCarrier {
	return &fakeCarrier{name: "DHL", ids: (&carrierapi.DHL{}).Carriers(), rate: carrierapi.Rate{Every: 5 * time.Second, PerDay: 240}, answers: answers}
}

// A round asks each carrier about its shipments at the carrier's pace,
// keeps the events, moves the status, and leaves a shipment alone until
// its next check; final shipments and carriers without a client are not
// asked at all.
func TestTrackingRound(t *testing.T) {
	ctx := context.Background()
	f := newTrackingFixture(t, map[string]time.Duration{dhlPaket: 0, "DHL 1234567891": 0, usps: 0})
	now := f.clk.Now()
	dhl := dhlFake(map[string]func() (carrierapi.Result, error){
		dhlPaket: events(ev(now.Add(-time.Hour), domain.ShipmentLabelCreated, "Elektronisch angekündigt"), ev(now.Add(time.Minute), domain.ShipmentInTransit, "Bearbeitet")),
	})
	tr := f.poller(dhl)
	var told []TrackProgress
	rep, err := tr.RunReporting(ctx, Scheduled, func(p TrackProgress) { told = append(told, p) })
	if err != nil {
		t.Fatal(err)
	}
	if len(told) != 2 || told[1].Asked != 2 || told[1].Carrier != "DHL" {
		t.Errorf("progress %+v", told)
	}
	if len(dhl.asked) != 2 || len(rep.Carriers) != 1 || rep.Carriers[0].Asked != 2 || rep.Carriers[0].Changed != 1 {
		t.Fatalf("asked %v report %+v", dhl.asked, rep)
	}
	if len(f.sleep) != 1 || f.sleep[0] != 5*time.Second {
		t.Errorf("paced %v, want one 5 s wait between two calls", f.sleep)
	}
	r := f.row(t, dhlPaket)
	if r.Status != domain.ShipmentInTransit || r.LastEvent != "Bearbeitet" {
		t.Errorf("after the round: %+v", r)
	}
	if evs, _ := f.ship.Events(ctx, r.ID); len(evs) != 2 {
		t.Errorf("events %+v", evs)
	}
	if r := f.row(t, dhlExp); r.CheckError == "" {
		t.Errorf("the unknown number's failure is not shown: %+v", r)
	}
	// Nothing is due an hour later; the USPS shipment has no client.
	f.clk.Add(time.Hour)
	dhl.asked = nil
	if _, err := tr.Run(ctx, Scheduled); err != nil || len(dhl.asked) != 0 {
		t.Errorf("asked again too soon: %v %v", dhl.asked, err)
	}
	// Four hours on, the fresh parcel is due again (every 3 h while young).
	f.clk.Add(3 * time.Hour)
	dhl.answers[dhlPaket] = events(ev(now.Add(4*time.Hour), domain.ShipmentDelivered, "Zugestellt"))
	if _, err := tr.Run(ctx, Scheduled); err != nil || len(dhl.asked) == 0 {
		t.Fatalf("not asked again: %v", err)
	}
	if r := f.row(t, dhlPaket); r.Status != domain.ShipmentDelivered || r.DeliveredAt == nil {
		t.Errorf("%+v", r)
	}
	// Delivered is final: never asked again.
	f.clk.Add(7 * 24 * time.Hour)
	dhl.asked = nil
	tr.Run(ctx, Scheduled)
	for _, n := range dhl.asked {
		if n == dhlPaket {
			t.Error("a delivered shipment was asked about")
		}
	}
}

// A back-filled status never counts as a newer one: events that arrive late
// (re-synced, or older than the status the shipment has) change nothing, and
// a late "delivered" with its older "out for delivery" moves the shipment
// to delivered once, never through "out for delivery"; the automations'
// detector hears each new status exactly once.
func TestTrackingBackfilledStatus(t *testing.T) {
	ctx := context.Background()
	f := newTrackingFixture(t, map[string]time.Duration{dhlPaket: 0})
	now := f.clk.Now()
	id := f.ids[dhlPaket]
	heard := func() []string {
		t.Helper()
		if _, err := f.rules.DetectRuleEvents(ctx); err != nil {
			t.Fatal(err)
		}
		var out []string
		occ, err := f.rules.EventOccurrences(ctx, domain.TriggerShipmentStatus, time.Time{}, now.Add(365*24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range occ {
			out = append(out, o.Value)
		}
		return out
	}
	apply := func(evs ...domain.ShipmentEvent) shippingdb.Applied {
		t.Helper()
		a, err := f.ship.ApplyEvents(ctx, id, evs)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	heard() // the import's label_created
	f.clk.Add(time.Minute)
	if a := apply(ev(now.Add(2*time.Hour), domain.ShipmentInTransit, "Bearbeitet")); a.Status != domain.ShipmentInTransit {
		t.Fatalf("%+v", a)
	}
	heard()
	f.clk.Add(time.Minute)
	// The same event again, and an older one: no news.
	if a := apply(ev(now.Add(2*time.Hour), domain.ShipmentInTransit, "Bearbeitet"), ev(now.Add(time.Hour), domain.ShipmentOutForDelivery, "In Zustellung")); a.Status != "" || a.NewEvents != 1 {
		t.Errorf("a late event counted as news: %+v", a)
	}
	if r := f.row(t, dhlPaket); r.Status != domain.ShipmentInTransit {
		t.Errorf("status %q", r.Status)
	}
	heard()
	// Delivered arrives a week late, with its out-for-delivery scan.
	f.clk.Add(7 * 24 * time.Hour)
	a := apply(ev(now.Add(26*time.Hour), domain.ShipmentOutForDelivery, "In Zustellung"), ev(now.Add(30*time.Hour), domain.ShipmentDelivered, "Zugestellt"))
	if a.Status != domain.ShipmentDelivered {
		t.Errorf("%+v", a)
	}
	r := f.row(t, dhlPaket)
	if r.Status != domain.ShipmentDelivered || r.DeliveredAt == nil || !r.DeliveredAt.Equal(now.Add(30*time.Hour)) || r.DaysInTransit != 1 {
		t.Errorf("%+v", r)
	}
	// Re-synced once more: still nothing new for the automations.
	apply(ev(now.Add(30*time.Hour), domain.ShipmentDelivered, "Zugestellt"))
	got := heard()
	if want := []string{"label_created", "in_transit", "delivered"}; !equalStrings(got, want) {
		t.Errorf("the automations heard %v, want %v once each", got, want)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Rate limits pause the carrier (Retry-After, or an hour), a refused key
// stops it for the round and is shown, an outage ends the round after a few.
func TestTrackingFailures(t *testing.T) {
	ctx := context.Background()
	f := newTrackingFixture(t, map[string]time.Duration{dhlPaket: 0, "DHL 1234567891": 0})
	limited := &carrierapi.Failure{Kind: carrierapi.FailRateLimited, Carrier: "DHL", RetryAfter: 10 * time.Minute}
	fail := func(err error) func() (carrierapi.Result, error) {
		return func() (carrierapi.Result, error) { return carrierapi.Result{}, err }
	}
	dhl := dhlFake(map[string]func() (carrierapi.Result, error){dhlPaket: fail(limited), dhlExp: fail(limited)})
	tr := f.poller(dhl)
	rep, err := tr.Run(ctx, Scheduled)
	if err != nil || len(dhl.asked) != 1 || rep.Carriers[0].Stopped == "" {
		t.Fatalf("rate limit: asked %v report %+v %v", dhl.asked, rep, err)
	}
	f.clk.Add(5 * time.Minute)
	if tr.Run(ctx, Scheduled); len(dhl.asked) != 1 {
		t.Errorf("asked during the pause: %v", dhl.asked)
	}
	f.clk.Add(6 * time.Minute)
	refused := &carrierapi.Failure{Kind: carrierapi.FailAuth, Carrier: "DHL"}
	dhl.answers[dhlPaket], dhl.answers[dhlExp] = fail(refused), fail(refused)
	rep, _ = tr.Run(ctx, Scheduled)
	if len(dhl.asked) != 2 || rep.Carriers[0].Stopped != refused.Error() {
		t.Errorf("refused key: asked %v report %+v", dhl.asked, rep)
	}
	if r := f.row(t, dhl.asked[1]); r.CheckError != refused.Error() {
		t.Errorf("the refused key is not shown on the shipment: %q", r.CheckError)
	}
	// A new key: the pause ends.
	tr.Resume()
	down := &carrierapi.Failure{Kind: carrierapi.FailUnavailable, Carrier: "DHL", Detail: "it answered a web page instead of tracking data"}
	dhl.answers[dhlPaket], dhl.answers[dhlExp] = fail(down), fail(down)
	f.clk.Add(7 * 24 * time.Hour)
	dhl.asked = nil
	rep, _ = tr.Run(ctx, Scheduled)
	if len(dhl.asked) != 2 || rep.Carriers[0].Failed != 2 {
		t.Errorf("outage: asked %v %+v", dhl.asked, rep)
	}
}

// Old parcels are asked less often than new ones, failing ones less and
// less, and a number unknown a month after its label expires.
func TestTrackingPace(t *testing.T) {
	now := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	young := shippingdb.DueShipment{ShippedAt: now.Add(-time.Hour), Status: domain.ShipmentInTransit}
	old := shippingdb.DueShipment{ShippedAt: now.Add(-40 * 24 * time.Hour), Status: domain.ShipmentInTransit}
	if checkEvery(young, now) >= checkEvery(old, now) {
		t.Errorf("young every %s, old every %s", checkEvery(young, now), checkEvery(old, now))
	}
	if a, b := retryIn(young, now, 1), retryIn(young, now, 3); b != 4*a {
		t.Errorf("back-off %s then %s", a, b)
	}
	if d := retryIn(old, now, 10); d != 7*24*time.Hour {
		t.Errorf("back-off capped at %s", d)
	}
	if budget(carrierapi.Rate{PerDay: 240}, Scheduled) != 10 || budget(carrierapi.Rate{PerDay: 240}, Manual) != 60 {
		t.Error("budgets")
	}

	ctx := context.Background()
	f := newTrackingFixture(t, map[string]time.Duration{dhlPaket: 31 * 24 * time.Hour})
	tr := f.poller(dhlFake(nil))
	if rep, err := tr.Run(ctx, Scheduled); err != nil || rep.Carriers[0].Changed != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	if r := f.row(t, dhlPaket); r.Status != domain.ShipmentExpired {
		t.Errorf("status %q, want expired", r.Status)
	}
}

// Shipments from the store come with a carrier name but no carrier id: a
// round places them by number and name, and then asks about them; one whose
// number fits no carrier for sure is left alone.
func TestTrackingPlacesStoreShipments(t *testing.T) {
	ctx := context.Background()
	clk := &movingClock{t: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}
	st := storetest.Open(t, storetest.Clock(clk))
	ship := shippingdb.New(st)
	_, _, err := importdb.New(st).WriteBatch(ctx, domain.BatchMeta{FileName: "store", Kind: "test"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		for i, n := range []string{dhlExp, "786123456789"} {
			name := fmt.Sprintf("#%d", 2001+i)
			if err := w.UpsertOrder(storetest.Order(name, 1000, "a@example.com", clk.Now()), nil); err != nil {
				return err
			}
			id, err := w.OrderID(domain.SourceShopify, name)
			if err != nil {
				return err
			}
			if err := w.UpsertShipment(domain.Shipment{OrderID: id, Carrier: "DHL", TrackingNumber: n, Status: domain.ShipmentInTransit,
				ShippedAt: clk.Now(), UpdatedAt: clk.Now()}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	dhl := dhlFake(map[string]func() (carrierapi.Result, error){dhlExp: events(ev(clk.Now().Add(time.Hour), domain.ShipmentOutForDelivery, "With delivery courier"))})
	tr := NewTracking(ship, func() ([]carrierapi.Client, error) { return []carrierapi.Client{dhl}, nil }, clk, quietLog)
	tr.Sleep = func(context.Context, time.Duration) error { return nil }
	if _, err := tr.Run(ctx, Scheduled); err != nil {
		t.Fatal(err)
	}
	if len(dhl.asked) != 1 || dhl.asked[0] != dhlExp {
		t.Errorf("asked %v, want only the DHL Express number (twelve digits named DHL fit no DHL shape)", dhl.asked)
	}
}
