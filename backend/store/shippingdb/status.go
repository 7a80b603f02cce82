package shippingdb

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/shippingdb/internal/queries"
)

// DueShipment is a shipment a carrier client may be asked about.
type DueShipment struct {
	ID        int64
	CarrierID string
	Number    string
	Status    domain.ShipmentStatus
	ShippedAt time.Time
	Failures  int
}

// Due lists up to limit shipments of the given carriers that are not final
// and whose next check has come, the longest-waiting first.
func (s *DB) Due(ctx context.Context, carriers []string, limit int) ([]DueShipment, error) {
	if len(carriers) == 0 || limit <= 0 {
		return nil, nil
	}
	rows, err := s.gen().ShipmentDue(ctx, queries.ShipmentDueParams{Carriers: carriers, NextCheckAt: sql.NullInt64{Int64: s.Now(), Valid: true}, Limit: int64(limit)})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the shipments to track")
	}
	out := make([]DueShipment, 0, len(rows))
	for _, r := range rows {
		out = append(out, DueShipment{ID: r.ID, CarrierID: r.CarrierID, Number: r.TrackingNumber, Status: domain.ShipmentStatus(r.Status),
			ShippedAt: time.Unix(r.ShippedAt, 0).UTC(), Failures: int(r.CheckFailures)})
	}
	return out, nil
}

// Applied is what ApplyEvents changed.
type Applied struct {
	NewEvents int
	// Status is the shipment's new status; "" when it kept its own.
	Status domain.ShipmentStatus
}

// ApplyEvents keeps a shipment's events (one row each; an event seen again
// changes nothing) and moves its status to that of the newest event that
// names one, but only when that event is newer than the one the status came
// from: a status that arrives late (a "delivered" back-filled a week after
// an "in transit" of later date, or the same old events re-synced) never
// counts as news, so the automations hear each status once and in order.
func (s *DB) ApplyEvents(ctx context.Context, shipmentID int64, events []domain.ShipmentEvent) (Applied, error) {
	var out Applied
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		g := queries.New(tx)
		cur, err := g.ShipmentStatusOf(ctx, shipmentID)
		if err == sql.ErrNoRows {
			return domain.Errorf(domain.CodeNotFound, "shipment %d was not found", shipmentID)
		}
		if err != nil {
			return err
		}
		now := s.Now()
		var best, last *domain.ShipmentEvent
		for i := range events {
			e := &events[i]
			n, err := g.ShipmentEventInsert(ctx, queries.ShipmentEventInsertParams{ShipmentID: shipmentID, At: e.At.Unix(), Status: string(e.Status),
				Text: clipText(e.Text), Location: clipText(e.Location), Source: e.Source, RecordedAt: now})
			if err != nil {
				return err
			}
			out.NewEvents += int(n)
			if last == nil || e.At.After(last.At) {
				last = e
			}
			if e.Status != "" && e.Status.Valid() && (best == nil || e.At.After(best.At)) {
				best = e
			}
		}
		if last != nil {
			if err := g.ShipmentSetLastEvent(ctx, queries.ShipmentSetLastEventParams{ID: shipmentID, LastEvent: clipText(last.Text),
				LastEventAt: sql.NullInt64{Int64: last.At.Unix(), Valid: true}}); err != nil {
				return err
			}
		}
		newer := best != nil && (!cur.StatusAt.Valid || best.At.Unix() > cur.StatusAt.Int64)
		if !newer || best.Status == domain.ShipmentStatus(cur.Status) {
			return nil
		}
		var delivered sql.NullInt64
		if best.Status == domain.ShipmentDelivered {
			delivered = sql.NullInt64{Int64: best.At.Unix(), Valid: true}
		}
		out.Status = best.Status
		return g.ShipmentSetStatus(ctx, queries.ShipmentSetStatusParams{ID: shipmentID, Status: string(best.Status),
			StatusAt: sql.NullInt64{Int64: best.At.Unix(), Valid: true}, LastEvent: clipText(best.Text), DeliveredAt: delivered, UpdatedAt: now})
	})
	if err != nil {
		return out, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the carrier's news")
	}
	return out, nil
}

// Checked records a successful look-up and when to look again.
func (s *DB) Checked(ctx context.Context, shipmentID int64, next time.Time) error {
	err := s.gen().ShipmentChecked(ctx, queries.ShipmentCheckedParams{ID: shipmentID, CheckedAt: sql.NullInt64{Int64: s.Now(), Valid: true},
		NextCheckAt: sql.NullInt64{Int64: next.Unix(), Valid: true}})
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save when to track the shipment again")
	}
	return nil
}

// CheckFailed records a failed look-up, its reason for the screen, and
// when to try again.
func (s *DB) CheckFailed(ctx context.Context, shipmentID int64, next time.Time, reason string) error {
	err := s.gen().ShipmentCheckFailed(ctx, queries.ShipmentCheckFailedParams{ID: shipmentID, CheckedAt: sql.NullInt64{Int64: s.Now(), Valid: true},
		NextCheckAt: sql.NullInt64{Int64: next.Unix(), Valid: true}, CheckError: clipText(reason)})
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the failed look-up")
	}
	return nil
}

// clipText bounds a carrier's text: an answer is a stranger's input.
func clipText(s string) string {
	s = strings.TrimSpace(s)
	if len(s) <= 500 {
		return s
	}
	cut := 500
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut]
}

// Unplaced is a shipment whose carrier id is not known yet.
type Unplaced struct {
	ID      int64
	Carrier string
	Number  string
}

// WithoutCarrierID lists up to limit shipments not final whose carrier has
// not been placed (from the store, or written before carrier detection).
func (s *DB) WithoutCarrierID(ctx context.Context, limit int) ([]Unplaced, error) {
	rows, err := s.gen().ShipmentsWithoutCarrierID(ctx, int64(limit))
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the shipments to place")
	}
	out := make([]Unplaced, 0, len(rows))
	for _, r := range rows {
		out = append(out, Unplaced{ID: r.ID, Carrier: r.Carrier, Number: r.TrackingNumber})
	}
	return out, nil
}

// SetCarrierID places a shipment's carrier ("unknown": looked at, none fits).
func (s *DB) SetCarrierID(ctx context.Context, id int64, carrierID string) error {
	if err := s.gen().ShipmentSetCarrierID(ctx, queries.ShipmentSetCarrierIDParams{CarrierID: carrierID, ID: id}); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the shipment's carrier")
	}
	return nil
}
