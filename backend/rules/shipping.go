package rules

import (
	"context"
	"fmt"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/rules/flow"
	"shopclerk/backend/store/rulesdb"
	"shopclerk/backend/tracking"
)

// The shipping flows (issue 12): what a condition and an email know about
// the parcel a flow is about, among its order's parcels.

// loadParcels reads the subject's order's parcels and fills the condition
// environment's shipment.
func (e *Engine) loadParcels(ctx context.Context, sub *Subject, now time.Time) error {
	sh := sub.Shipment
	ps, err := e.st.OrderParcels(ctx, sh.OrderID)
	if err != nil {
		return err
	}
	sub.Parcels = ps
	sub.Env.Shipment = shipmentEnv(*sh, ps, now)
	return nil
}

func shipmentEnv(sh domain.Shipment, ps []rulesdb.Parcel, now time.Time) flow.ShipmentEnv {
	env := flow.ShipmentEnv{Status: string(sh.Status), Carrier: sh.Carrier, Final: sh.Status.Final(), Parcels: len(ps), Parcel: 1}
	quiet := sh.ShippedAt
	allDelivered := len(ps) > 0
	var last *rulesdb.Parcel
	for i := range ps {
		p := &ps[i]
		if p.ID == sh.ID {
			env.Parcel = i + 1
			if p.LastEventAt != nil {
				quiet = *p.LastEventAt
			}
		}
		if p.Status != domain.ShipmentDelivered {
			allDelivered = false
			continue
		}
		if last == nil || deliveredAfter(p, last) {
			last = p
		}
	}
	env.DaysQuiet = int(now.Sub(quiet).Hours() / 24)
	env.LastToArrive = allDelivered && last != nil && last.ID == sh.ID
	return env
}

// deliveredAfter: p arrived after q (the later id wins a tie, so exactly
// one parcel is the last).
func deliveredAfter(p, q *rulesdb.Parcel) bool {
	var pa, qa int64
	if p.DeliveredAt != nil {
		pa = p.DeliveredAt.Unix()
	}
	if q.DeliveredAt != nil {
		qa = q.DeliveredAt.Unix()
	}
	return pa > qa || pa == qa && p.ID > q.ID
}

// parcelData adds to an email's shipment which parcel it is ("parcel 2 of
// 3", empty for an order's only parcel), what the carrier said last and
// when (in the shop's time zone), and where to ask the carrier about it.
func parcelData(d *email.Shipment, sub *Subject, loc *time.Location) {
	sh := sub.Shipment
	for i, p := range sub.Parcels {
		if p.ID != sh.ID {
			continue
		}
		if len(sub.Parcels) > 1 {
			d.Parcel = fmt.Sprintf("parcel %d of %d", i+1, len(sub.Parcels))
		}
		d.LastEvent = p.LastEvent
		if p.LastEventAt != nil {
			d.LastEventOn = p.LastEventAt.In(loc).Format("2 January 2006, 15:04")
		}
		if c := tracking.ByID(tracking.CarrierID(p.CarrierID)); c != nil {
			d.CarrierHelp = c.Help
		}
	}
}
