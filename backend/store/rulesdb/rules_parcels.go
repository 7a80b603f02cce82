package rulesdb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
)

// The shipping flows' facts (issue 12): the "shipped" event a parcel makes
// when it first appears, the parcels that went quiet, and an order's
// parcels so an email can say which one it is about.

// shipped records the shipment_shipped event of a parcel seen for the first
// time. It is keyed by order and tracking number, not by shipment row: the
// same parcel brought again by another source (a store re-sync after a
// tracking file, a row re-created) tells the customer nothing new. A parcel
// that first appears already delivered, returned or expired was never "on
// its way" to tell about (a back-filled import).
func (d *detector) shipped(id, customer, order int64, number string, status domain.ShipmentStatus, at int64) error {
	if status.Final() {
		return nil
	}
	occ := fmt.Sprintf("order:%d:parcel:%s:shipped", order, strings.ToUpper(number))
	if number == "" {
		occ = fmt.Sprintf("shipment:%d:shipped", id)
	}
	return d.event(domain.TriggerShipmentShipped, occ, customer, id, string(status), at)
}

// StuckOccurrences lists parcels not yet final whose last carrier news fell
// between from and to. The occurrence carries that time: a parcel that
// moves again and then goes quiet again is a new occurrence.
func (s *DB) StuckOccurrences(ctx context.Context, from, to time.Time) ([]domain.RuleOccurrence, error) {
	return s.occurrences(ctx, "Shopclerk could not read the parcels without news", q("OccStuckShipments"), []any{from.Unix(), to.Unix()}, func(rows *sql.Rows, o *domain.RuleOccurrence) error {
		var at int64
		if err := rows.Scan(&o.ShipmentID, &o.OrderID, &o.CustomerID, &o.Email, &at); err != nil {
			return err
		}
		o.Occurrence = fmt.Sprintf("shipment:%d:stuck:%d", o.ShipmentID, at)
		o.Subject = SubjectFor(o.CustomerID, o.Email)
		o.At = time.Unix(at, 0).UTC()
		o.Value = "stuck"
		return nil
	})
}

// Parcel is one shipment of an order as the shipping emails describe it.
type Parcel struct {
	ID             int64
	Status         domain.ShipmentStatus
	DeliveredAt    *time.Time
	LastEvent      string
	LastEventAt    *time.Time
	CarrierID      string
	TrackingNumber string
}

// OrderParcels lists an order's parcels, oldest first (the order "parcel 1
// of 2" counts in).
func (s *DB) OrderParcels(ctx context.Context, orderID int64) ([]Parcel, error) {
	rows, err := s.namedQuery(ctx, "RuleOrderParcels", orderID)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the order's parcels")
	}
	defer rows.Close()
	var out []Parcel
	for rows.Next() {
		var p Parcel
		var delivered, last sql.NullInt64
		if err := rows.Scan(&p.ID, &p.Status, &delivered, &p.LastEvent, &last, &p.CarrierID, &p.TrackingNumber); err != nil {
			return nil, err
		}
		p.DeliveredAt, p.LastEventAt = store.FromUnix(delivered), store.FromUnix(last)
		out = append(out, p)
	}
	return out, rows.Err()
}
