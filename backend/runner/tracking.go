package runner

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/shippingdb"
	"shopclerk/backend/tracking"
	"shopclerk/backend/tracking/carrierapi"
)

// Tracking asks the carriers' APIs, with the seller's keys, what became of
// the shipments that are not final yet, while the app is open (and once
// for `shopclerk track`). It is polite: each carrier at its own pace and
// within its daily allowance, the newest parcels more often than old ones,
// a failing number less and less often, a carrier that says "slow down"
// left alone until it allows, and one that refuses the key not asked again
// until the key changes.
type Tracking struct {
	db      *shippingdb.DB
	clients func() ([]carrierapi.Client, error)
	clk     clock.Clock
	log     *slog.Logger
	// Sleep waits between two calls to one carrier; tests make it instant.
	Sleep func(ctx context.Context, d time.Duration) error
	hourly

	mu     sync.Mutex
	paused map[string]pause // per carrier API name
}

type pause struct {
	until  time.Time
	reason string
}

// NewTracking builds the poller; clients gives the clients the seller's
// current keys allow (read at each run: keys change while the app is open).
func NewTracking(db *shippingdb.DB, clients func() ([]carrierapi.Client, error), clk clock.Clock, log *slog.Logger) *Tracking {
	if log == nil {
		log = slog.Default()
	}
	return &Tracking{db: db, clients: clients, clk: clk, log: log, Sleep: clock.Sleep, paused: map[string]pause{}}
}

// trackingFirstAfter keeps the first round away from the app's start.
const trackingFirstAfter = 3 * time.Minute

// Start polls three minutes from now and then every hour, until Stop.
func (t *Tracking) Start(ctx context.Context) {
	t.start(trackingFirstAfter, func() {
		if _, err := t.Run(ctx, Scheduled); err != nil {
			t.log.Info("tracking round not done", "reason", err)
		}
	})
}

// Stop ends the rounds and waits for one in progress.
func (t *Tracking) Stop() { t.stop() }

// RunKind says who asked for a round: the hourly schedule spreads a
// carrier's daily allowance over the day; the seller asking now may spend
// a quarter of it.
type RunKind int

const (
	Scheduled RunKind = iota
	Manual
)

// CarrierReport is one carrier API's part of a round.
type CarrierReport struct {
	Carrier string `json:"carrier"`
	Asked   int    `json:"asked"`
	Changed int    `json:"changed"`
	Failed  int    `json:"failed"`
	// Stopped says why the round left this carrier early ("" when it did
	// not): a refused key, a rate limit, an outage.
	Stopped string `json:"stopped"`
}

// TrackReport is what a round did.
type TrackReport struct {
	Carriers []CarrierReport `json:"carriers"`
	// NoKeys: no carrier API key is set, so nothing was asked.
	NoKeys bool `json:"noKeys"`
}

// Run asks each carrier about its due shipments.
func (t *Tracking) Run(ctx context.Context, kind RunKind) (TrackReport, error) {
	return t.RunReporting(ctx, kind, nil)
}

// TrackProgress is a round under way: the shipments asked about so far and
// the carrier being asked.
type TrackProgress struct {
	Asked   int
	Carrier string
}

// RunReporting is Run telling progress after each call (nil: nobody asks).
// A manual round paces its calls too, so it can take minutes: the app runs
// it as a job the seller can follow and cancel.
func (t *Tracking) RunReporting(ctx context.Context, kind RunKind, progress func(TrackProgress)) (TrackReport, error) {
	var rep TrackReport
	clients, err := t.clients()
	if err != nil {
		return rep, err
	}
	rep.NoKeys = len(clients) == 0
	if !rep.NoKeys {
		if err := t.placeCarriers(ctx); err != nil {
			return rep, err
		}
	}
	asked := 0
	for _, c := range clients {
		report := func() {
			asked++
			if progress != nil {
				progress(TrackProgress{Asked: asked, Carrier: c.Name()})
			}
		}
		cr, err := t.runClient(ctx, c, kind, report)
		rep.Carriers = append(rep.Carriers, cr)
		if err != nil {
			return rep, err
		}
	}
	return rep, nil
}

// placeAtOnce bounds the shipments placed per round.
const placeAtOnce = 5000

// placeCarriers gives shipments that came from the store (or were written
// before carrier detection) their carrier id, from their number and the
// carrier name they came with, so the clients can ask about them; a number
// no carrier can be sure of is marked "unknown" and left alone.
func (t *Tracking) placeCarriers(ctx context.Context) error {
	list, err := t.db.WithoutCarrierID(ctx, placeAtOnce)
	if err != nil {
		return err
	}
	for _, u := range list {
		id := "unknown"
		if d := tracking.Detect(u.Number, u.Carrier); d.Carrier != nil && d.Problem != tracking.ProblemCheckDigit {
			id = string(d.Carrier.ID)
		}
		if err := t.db.SetCarrierID(ctx, u.ID, id); err != nil {
			return err
		}
	}
	return nil
}

// budget is how many calls one round may make of a carrier's allowance.
func budget(r carrierapi.Rate, kind RunKind) int {
	if r.PerDay <= 0 {
		return 100
	}
	n := r.PerDay / 24
	if kind == Manual {
		n = r.PerDay / 4
	}
	return max(n, 1)
}

// maxOutages in a row end a carrier's round: it is down, not the number.
const maxOutages = 3

func (t *Tracking) runClient(ctx context.Context, c carrierapi.Client, kind RunKind, asked func()) (CarrierReport, error) {
	rep := CarrierReport{Carrier: c.Name()}
	now := t.clk.Now()
	t.mu.Lock()
	p, paused := t.paused[c.Name()]
	t.mu.Unlock()
	if paused && now.Before(p.until) {
		rep.Stopped = p.reason
		return rep, nil
	}
	var ids []string
	for _, id := range c.Carriers() {
		ids = append(ids, string(id))
	}
	due, err := t.db.Due(ctx, ids, budget(c.Rate(), kind))
	if err != nil {
		return rep, err
	}
	outages := 0
	for i, sh := range due {
		if i > 0 {
			if err := t.Sleep(ctx, c.Rate().Every); err != nil {
				return rep, err
			}
		}
		rep.Asked++
		res, err := c.Track(ctx, sh.Number)
		asked()
		if ctx.Err() != nil {
			return rep, ctx.Err()
		}
		now := t.clk.Now()
		if err == nil {
			outages = 0
			if err := t.apply(ctx, sh, res, now, &rep); err != nil {
				return rep, err
			}
			continue
		}
		rep.Failed++
		f := carrierapi.AsFailure(c.Name(), err)
		next := now.Add(retryIn(sh, now, sh.Failures+1))
		switch f.Kind {
		case carrierapi.FailAuth:
			// Until the seller changes the key (a new round builds new
			// clients and the pause is per name, so a day at most).
			t.pause(c.Name(), now.Add(24*time.Hour), f.Error())
			rep.Stopped = f.Error()
			return rep, t.db.CheckFailed(ctx, sh.ID, next, f.Error())
		case carrierapi.FailRateLimited:
			wait := f.RetryAfter
			if wait <= 0 {
				wait = time.Hour
			}
			t.pause(c.Name(), now.Add(wait), f.Error())
			rep.Stopped = f.Error()
			rep.Asked--
			rep.Failed--
			return rep, nil
		case carrierapi.FailNotFound:
			if now.Sub(sh.ShippedAt) > expireAfter {
				if err := t.expire(ctx, sh, now, &rep); err != nil {
					return rep, err
				}
				continue
			}
		case carrierapi.FailUnavailable:
			outages++
		}
		if err := t.db.CheckFailed(ctx, sh.ID, next, f.Error()); err != nil {
			return rep, err
		}
		if outages >= maxOutages {
			t.pause(c.Name(), now.Add(time.Hour), f.Error())
			rep.Stopped = f.Error()
			return rep, nil
		}
	}
	return rep, nil
}

func (t *Tracking) apply(ctx context.Context, sh shippingdb.DueShipment, res carrierapi.Result, now time.Time, rep *CarrierReport) error {
	events := res.Events
	if len(events) == 0 && res.Status != "" {
		at := res.At
		if at.IsZero() {
			at = now
		}
		events = []domain.ShipmentEvent{{At: at, Status: res.Status, Text: res.Text}}
	}
	applied, err := t.db.ApplyEvents(ctx, sh.ID, events)
	if err != nil {
		return err
	}
	if applied.Status != "" {
		rep.Changed++
		sh.Status = applied.Status
	}
	return t.db.Checked(ctx, sh.ID, now.Add(checkEvery(sh, now)))
}

// expireAfter: a number the carrier still does not know this long after
// the label was made will not be used (a label never posted).
const expireAfter = 30 * 24 * time.Hour

func (t *Tracking) expire(ctx context.Context, sh shippingdb.DueShipment, now time.Time, rep *CarrierReport) error {
	ev := domain.ShipmentEvent{At: now, Status: domain.ShipmentExpired, Source: "shopclerk",
		Text: fmt.Sprintf("The carrier still has no record of this number %d days after the label was made", int(now.Sub(sh.ShippedAt)/(24*time.Hour)))}
	applied, err := t.db.ApplyEvents(ctx, sh.ID, []domain.ShipmentEvent{ev})
	if err != nil {
		return err
	}
	if applied.Status != "" {
		rep.Changed++
	}
	return t.db.Checked(ctx, sh.ID, now.Add(24*time.Hour))
}

func (t *Tracking) pause(name string, until time.Time, reason string) {
	t.mu.Lock()
	t.paused[name] = pause{until: until, reason: reason}
	t.mu.Unlock()
}

// checkEvery is how long a shipment rests after a look-up: a parcel of the
// last days changes by the hour, one shipped weeks ago rarely does, and one
// out for delivery is worth a look sooner.
func checkEvery(sh shippingdb.DueShipment, now time.Time) time.Duration {
	age := now.Sub(sh.ShippedAt)
	switch {
	case sh.Status == domain.ShipmentOutForDelivery || sh.Status == domain.ShipmentAvailableForPickup:
		return 2 * time.Hour
	case age < 3*24*time.Hour:
		return 3 * time.Hour
	case age < 14*24*time.Hour:
		return 6 * time.Hour
	case age < 30*24*time.Hour:
		return 24 * time.Hour
	}
	return 72 * time.Hour
}

// retryIn backs a failing shipment off: its usual rest doubled per failure
// in a row, at most a week.
func retryIn(sh shippingdb.DueShipment, now time.Time, failures int) time.Duration {
	d := checkEvery(sh, now)
	for i := 1; i < failures && d < 7*24*time.Hour; i++ {
		d *= 2
	}
	return min(d, 7*24*time.Hour)
}

// Resume forgets every pause: the seller changed a key.
func (t *Tracking) Resume() {
	t.mu.Lock()
	t.paused = map[string]pause{}
	t.mu.Unlock()
}
