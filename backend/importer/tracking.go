package importer

import (
	"fmt"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/tracking"
)

// Tracking files (issue 12): the exports of label tools and any sheet with an
// order number and a tracking number. Each number's carrier is found by
// backend/tracking (the file's carrier column, when there is one, settles
// numbers several carriers write); the store makes each a shipment of its
// order, or keeps it until the order arrives.

// KindShipments is a tracking file's kind.
const KindShipments Kind = "shipments"

// Tracking file fields.
const (
	FTrackingNumber Field = "tracking_number"
	FCarrier        Field = "carrier"
	FService        Field = "shipping_service"
	FTrackingURL    Field = "tracking_url"
)

// The label tools' presets. Their headers are the column names each tool's
// documentation gives (see testdata/tracking/README.md); a file of any of
// them that drifts still imports through PresetTracking.
const (
	PresetShipStation PresetName = "shipstation_shipments"
	PresetPirateShip  PresetName = "pirateship_shipments"
	PresetSendcloud   PresetName = "sendcloud_parcels"
	PresetClickDrop   PresetName = "royalmail_clickdrop"
	PresetEtsyLabels  PresetName = "etsy_shipping_labels"
	PresetEbayLabels  PresetName = "ebay_shipping_labels"
	PresetTracking    PresetName = "tracking_numbers"
)

// trackingColumns are the names any tracking file may use per field.
var trackingColumns = map[Field][]string{
	FOrderID: {"order #", "order number", "order no", "order no.", "order id", "order_number", "order_id", "order reference",
		"order ref", "channel reference", "reference", "sales record number", "bestellnummer", "numéro de commande", "order"},
	FTrackingNumber: {"tracking #", "tracking number", "tracking no", "tracking no.", "tracking code", "tracking_number",
		"tracking_code", "tracking id", "trackingnumber", "tracking", "sendungsnummer", "numéro de suivi", "parcel number",
		"consignment number"},
	FCarrier: {"carrier", "carrier name", "carrier_name", "carrier_code", "courier", "shipping carrier", "shipping provider",
		"provider", "carrier code"},
	FService: {"service", "shipping service", "service name", "shipping method", "shipping_method", "mail class"},
	FFulfilledAt: {"ship date", "shipped date", "shipping date", "despatch date", "dispatch date", "date shipped",
		"date despatched", "label purchase date", "label date", "created date", "date_created", "created_at", "shipped at", "date"},
	FTrackingURL: {"tracking url", "tracking link", "tracking_url"},
}

func trackingPreset(name PresetName, label string, signature ...[]string) *preset {
	return &preset{name: name, source: domain.SourceManual, kind: KindShipments, label: label,
		columns: trackingColumns, signature: signature, newBuilder: newTrackingRows}
}

// us: the American label tools write slashed dates month first.
func us(p *preset) *preset {
	p.dateOrder = DateMDY
	return p
}

func init() {
	presets = append(presets,
		us(trackingPreset(PresetShipStation, "ShipStation shipments export", []string{"order #"}, []string{"tracking #", "tracking number"}, []string{"ship date"}, []string{"service"})),
		us(trackingPreset(PresetPirateShip, "Pirate Ship shipments export", []string{"order id"}, []string{"tracking number"}, []string{"created date"}, []string{"recipient"})),
		trackingPreset(PresetSendcloud, "Sendcloud parcels report", []string{"order_number"}, []string{"tracking_number"}, []string{"carrier_code", "carrier"}),
		trackingPreset(PresetClickDrop, "Royal Mail Click & Drop export", []string{"order reference"}, []string{"tracking number"}, []string{"channel reference", "despatch date"}),
		us(trackingPreset(PresetEtsyLabels, "Etsy shipping labels", []string{"order id"}, []string{"tracking number"}, []string{"label cost"}, []string{"ship date"})),
		us(trackingPreset(PresetEbayLabels, "eBay shipping labels", []string{"order number"}, []string{"tracking number"}, []string{"label purchase date"})),
		// Any sheet with an order and a tracking number, last so that the
		// tools' own presets win a tie.
		trackingPreset(PresetTracking, "Tracking numbers", trackingColumns[FOrderID], trackingColumns[FTrackingNumber]),
	)
	genericFields[KindShipments] = []FieldInfo{
		{FOrderID, "Order number", true}, {FTrackingNumber, "Tracking number", true},
		{FCarrier, "Carrier", false}, {FService, "Shipping service", false}, {FFulfilledAt, "Ship date", false},
		{FTrackingURL, "Tracking link", false},
	}
	codeFields[FTrackingNumber] = true
}

// trackingRows turns each row into one record per tracking number it holds.
type trackingRows struct {
	e                           *env
	order, number, carrier, svc colRef
	shipped, url                colRef
}

func newTrackingRows(e *env) builder {
	return &trackingRows{e: e, order: e.ref(FOrderID), number: e.ref(FTrackingNumber), carrier: e.ref(FCarrier),
		svc: e.ref(FService), shipped: e.ref(FFulfilledAt), url: e.ref(FTrackingURL)}
}

func (b *trackingRows) row(r *rowCtx) {
	ref := r.cell(b.order)
	cell := r.cell(b.number)
	if ref == "" {
		r.rejectAt(FOrderID, "", "has no order number, so the tracking number cannot be given to an order")
		return
	}
	if cell == "" {
		r.rejectAt(FTrackingNumber, "", "has no tracking number")
		return
	}
	hint := r.cell(b.carrier)
	if hint == "" {
		hint = r.cell(b.svc) // "USPS Priority Mail", "Royal Mail Tracked 24"
	}
	shipped := b.shipDate(r)
	for _, raw := range splitNumbers(cell) {
		d := tracking.Detect(raw, hint)
		if d.Number == "" {
			r.rejectAt(FTrackingNumber, raw, "is not a tracking number (carriers write letters and digits only)")
			continue
		}
		if reason := detectionWarning(d); reason != "" {
			r.warnAt(FTrackingNumber, raw, reason)
		}
		row := domain.TrackingRow{OrderRef: own(ref), Number: d.Number, Carrier: d.CarrierName(), URL: d.Link(),
			ShippedAt: shipped, File: r.e.file, Row: r.num}
		if d.Carrier != nil {
			row.CarrierID = string(d.Carrier.ID)
		}
		if u := r.cell(b.url); u != "" && strings.HasPrefix(u, "http") {
			row.URL = own(u)
		}
		r.e.emit(Record{Row: r.num, Tracking: &row})
	}
}

func (b *trackingRows) end() {}

// shipDate reads the ship date; one Shopclerk cannot read costs the row
// nothing but the date (the import's time stands in), since the number is
// what the seller imports the file for.
func (b *trackingRows) shipDate(r *rowCtx) *time.Time {
	s := r.cell(b.shipped)
	if s == "" {
		return nil
	}
	t, err := parseDate(s, b.shipped.order, r.e.opts.location())
	if err != nil {
		r.warnAt(b.shipped.f, s, "is not a date Shopclerk can read; the time of the import stands in for the ship date")
		return nil
	}
	return &t
}

// splitNumbers: one cell may hold a split shipment's numbers.
func splitNumbers(cell string) []string {
	parts := strings.FieldsFunc(cell, func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '\n' })
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// detectionWarning says what the seller should know about a number's
// carrier; "" when it is plain.
func detectionWarning(d tracking.Detection) string {
	switch d.Problem {
	case tracking.ProblemCheckDigit:
		if d.Carrier != nil {
			return fmt.Sprintf("the check digit does not fit %s's numbers: a typo? Kept as %s's", d.Carrier.Name, d.Carrier.Name)
		}
		return "has the shape of a carrier's number but a wrong check digit (a typo?), so its carrier is unknown and it has no tracking link"
	case tracking.ProblemAmbiguous:
		if d.HintName != "" {
			return fmt.Sprintf("Shopclerk does not know the carrier %q, so this number has no tracking link", d.HintName)
		}
		return "several carriers write numbers like this; add a carrier column to the file to get a tracking link"
	case tracking.ProblemFormat:
		if d.HintName != "" {
			return fmt.Sprintf("Shopclerk does not know the carrier %q, so this number has no tracking link", d.HintName)
		}
		return "no carrier Shopclerk knows writes numbers like this, so it has no tracking link"
	case tracking.ProblemHintMismatch:
		return fmt.Sprintf("the file names another carrier, but this is unmistakably a %s number; kept as %s's", d.Carrier.Name, d.Carrier.Name)
	}
	return ""
}

// applyTracking hands a tracking record to the batch and keeps what the
// store says about it (unmatched, on another order too) for the report;
// it runs on the writing goroutine, so the notes wait in p.trackingNotes.
func (p *parsed) applyTracking(w domain.RecordSink, rec Record) error {
	note, err := w.Tracking(*rec.Tracking)
	if err != nil {
		return err
	}
	t := rec.Tracking
	col := p.b.columnOf(FTrackingNumber)
	switch {
	case note.Unmatched:
		p.trackingNotes = append(p.trackingNotes, Issue{File: p.in.Name, Row: rec.Row, Column: p.b.columnOf(FOrderID), Value: t.OrderRef,
			Reason: fmt.Sprintf("no order %s is in the shop yet; tracking number %s is kept and joins the order when you import it", t.OrderRef, t.Number)})
	case len(note.OtherOrders) > 0:
		p.trackingNotes = append(p.trackingNotes, Issue{File: p.in.Name, Row: rec.Row, Column: col, Value: t.Number,
			Reason: fmt.Sprintf("this tracking number is also on order %s; check it was not pasted twice", strings.Join(note.OtherOrders, ", "))})
	}
	if note.ManyOrders {
		p.trackingNotes = append(p.trackingNotes, Issue{File: p.in.Name, Row: rec.Row, Column: p.b.columnOf(FOrderID), Value: t.OrderRef,
			Reason: fmt.Sprintf("more than one order in the shop is called %s; the newest got the tracking number", t.OrderRef)})
	}
	return nil
}

// addTrackingNotes reports the store's notes with the parser's warnings,
// once the parser is done.
func (p *parsed) addTrackingNotes() {
	for _, is := range p.trackingNotes {
		p.addWarning(is)
	}
	p.trackingNotes = nil
}
