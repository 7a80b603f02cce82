package demo

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/domain"
)

// carrier is a parcel service with its tracking number shape and the public
// tracking page the notices link to.
type carrier struct {
	name   string
	number func(g *generator) string
	url    string // %s is the tracking number
}

var (
	carrierDHL = carrier{"DHL", func(g *generator) string { return fmt.Sprintf("00340434%012d", g.trackSeq()) },
		"https://www.dhl.com/de-en/home/tracking/tracking-parcel.html?submit=1&tracking-id=%s"}
	carrierDPD = carrier{"DPD", func(g *generator) string { return fmt.Sprintf("0%013d", 1_500_000_000_000+g.trackSeq()) },
		"https://tracking.dpd.de/status/en_US/parcel/%s"}
	carrierGLS = carrier{"GLS", func(g *generator) string { return fmt.Sprintf("%011d", 60_000_000_000+g.trackSeq()) },
		"https://gls-group.com/DE/en/parcel-tracking?match=%s"}
	carrierUPS = carrier{"UPS", func(g *generator) string {
		return fmt.Sprintf("1Z%06X68%08d", 0xA10000+g.trackSeq()%0xFFFF, g.trackSeq())
	},
		"https://www.ups.com/track?tracknum=%s"}
	carrierPostNL = carrier{"PostNL", func(g *generator) string { return fmt.Sprintf("3SDEMO%09d", g.trackSeq()) },
		"https://postnl.nl/tracktrace/?B=%s&D=NL&T=C"}
	carrierColissimo = carrier{"Colissimo", func(g *generator) string { return fmt.Sprintf("6A%011d", g.trackSeq()) },
		"https://www.laposte.fr/outils/suivre-vos-envois?code=%s"}
	carrierRoyalMail = carrier{"Royal Mail", func(g *generator) string { return fmt.Sprintf("DM%09dGB", g.trackSeq()) },
		"https://www.royalmail.com/track-your-item#/tracking-results/%s"}
)

func (g *generator) trackSeq() int64 {
	g.shipSeq++
	return int64(g.shipSeq)
}

// transitDays is how long a parcel to ctry usually travels.
func transitDays(ctry *country) (lo, hi int) {
	switch ctry.code {
	case "DE":
		return 1, 2
	case "US", "GB", "CH":
		return 4, 8
	}
	return 2, 4
}

// shipment makes the parcel of an order fulfilled at shipped, with the
// carrier status it has reached by now: label created before the first scan,
// in transit, out for delivery on the last morning, delivered, or (rarely) an
// exception or a parcel stuck in transit.
func (g *generator) shipment(o *orderRec, shipped time.Time) domain.Shipment {
	r := g.r
	c := o.ctry.carriers[r.IntN(len(o.ctry.carriers))]
	num := c.number(g)
	sh := domain.Shipment{Carrier: c.name, TrackingNumber: num, TrackingURL: fmt.Sprintf(c.url, num), ShippedAt: shipped}
	lo, hi := transitDays(o.ctry)
	firstScan := shipped.Add(time.Duration(4+r.IntN(16)) * time.Hour)
	delivered := shipped.Add(time.Duration(lo*24+r.IntN((hi-lo+1)*24)) * time.Hour)
	if h := delivered.Hour(); h < 8 || h > 19 {
		delivered = delivered.Add(time.Duration(12-h) * time.Hour) // daytime delivery
	}
	outFor := delivered.Add(-time.Duration(2+r.IntN(5)) * time.Hour)
	x := r.Float64()
	switch {
	case g.now.Before(firstScan):
		sh.Status, sh.UpdatedAt = domain.ShipmentLabelCreated, shipped
	case x < 0.025:
		sh.Status, sh.UpdatedAt = domain.ShipmentException, minTime(firstScan.Add(time.Duration(r.IntN(48))*time.Hour), g.now)
	case x < 0.035 && g.now.Sub(shipped) > 6*day:
		sh.Status, sh.UpdatedAt = domain.ShipmentInTransit, firstScan // stuck: no scan for days
	case !g.now.Before(delivered):
		at := delivered
		sh.Status, sh.UpdatedAt, sh.DeliveredAt = domain.ShipmentDelivered, delivered, &at
	case !g.now.Before(outFor):
		sh.Status, sh.UpdatedAt = domain.ShipmentOutForDelivery, outFor
	default:
		sh.Status, sh.UpdatedAt = domain.ShipmentInTransit, firstScan
	}
	return sh
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// fixTail makes sure the newest shipments show every carrier status, which a
// small shop would otherwise miss by chance (a label created in the last few
// hours, a parcel out for delivery right now). It only moves orders of the
// held-back last days, so the change stays plausible.
func (g *generator) fixTail() {
	seen := map[domain.ShipmentStatus]bool{}
	var orders []*orderRec
	for _, ev := range g.tail {
		if ev.kind != evOrder {
			continue
		}
		o := ev.order
		for _, sh := range o.ships {
			seen[sh.Status] = true
		}
		if o.o.CancelledAt == nil && (o.o.FinancialStatus == domain.FinancialPaid || o.o.FinancialStatus == domain.FinancialAuthorized) {
			orders = append(orders, o)
		}
	}
	used := map[*orderRec]bool{}
	// Youngest first for a fresh label; oldest first for parcels under way.
	pick := func(youngest bool) *orderRec {
		for i := range orders {
			o := orders[i]
			if youngest {
				o = orders[len(orders)-1-i]
			}
			if !used[o] {
				used[o] = true
				return o
			}
		}
		return nil
	}
	for _, st := range []domain.ShipmentStatus{domain.ShipmentLabelCreated, domain.ShipmentOutForDelivery,
		domain.ShipmentInTransit, domain.ShipmentException, domain.ShipmentDelivered} {
		if seen[st] {
			continue
		}
		o := pick(st == domain.ShipmentLabelCreated)
		if o == nil {
			return
		}
		age := g.now.Sub(o.o.CreatedAt)
		shipped := o.o.CreatedAt.Add(age / 4)
		if st == domain.ShipmentLabelCreated {
			shipped = o.o.CreatedAt.Add(age / 2)
		}
		g.fulfil(o, shipped)
		sh := g.shipment(o, shipped)
		sh.Status, sh.DeliveredAt = st, nil
		sh.UpdatedAt = shipped.Add(g.now.Sub(shipped) / 2)
		switch st {
		case domain.ShipmentLabelCreated:
			sh.UpdatedAt = shipped
		case domain.ShipmentDelivered:
			at := sh.UpdatedAt
			sh.DeliveredAt = &at
		}
		o.ships = []domain.Shipment{sh}
		seen[st] = true
	}
}

// fulfil marks every line of o shipped at t.
func (g *generator) fulfil(o *orderRec, t time.Time) {
	o.o.FulfillmentStatus = domain.FulfillmentFulfilled
	at := t
	o.o.FulfilledAt = &at
	for i := range o.o.Lines {
		o.o.Lines[i].FulfillmentStatus = "fulfilled"
	}
}

// shippingMethod names the rate the customer chose.
func shippingMethod(ctry *country, free bool, express bool) string {
	switch {
	case express:
		return "Express"
	case free:
		return "Free shipping"
	case ctry.code == "DE":
		return "Standard (DHL Paket)"
	}
	return "International " + strings.ToLower("Standard")
}

// vatRate is the VAT included in prices for a destination; exports outside
// the EU carry none.
func vatRate(code string) int64 {
	switch code {
	case "DE":
		return 19
	case "FR", "AT":
		return 20
	case "NL", "BE", "ES":
		return 21
	case "IT":
		return 22
	case "IE":
		return 23
	}
	return 0
}

func itoa(n int) string { return strconv.Itoa(n) }
