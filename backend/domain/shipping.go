package domain

import "time"

// Shipping's vocabulary beyond the Shipment row (domain.go): the statuses a
// carrier reports, a tracking file's rows as the importer hands them to the
// store, and the carrier events kept per shipment.

// The statuses past the first five (domain.go).
const (
	ShipmentAvailableForPickup ShipmentStatus = "available_for_pickup"
	ShipmentFailedAttempt      ShipmentStatus = "failed_attempt"
	ShipmentReturned           ShipmentStatus = "returned"
	ShipmentExpired            ShipmentStatus = "expired"
)

// ShipmentStatuses lists every status, in the order a parcel usually
// meets them (the screens' filters use it).
var ShipmentStatuses = []ShipmentStatus{
	ShipmentLabelCreated, ShipmentInTransit, ShipmentOutForDelivery, ShipmentAvailableForPickup,
	ShipmentDelivered, ShipmentFailedAttempt, ShipmentException, ShipmentReturned, ShipmentExpired,
}

// Valid reports whether s is one of ShipmentStatuses.
func (s ShipmentStatus) Valid() bool {
	for _, x := range ShipmentStatuses {
		if x == s {
			return true
		}
	}
	return false
}

// Final: nothing more will happen to the parcel, so nobody asks the carrier
// again.
func (s ShipmentStatus) Final() bool {
	return s == ShipmentDelivered || s == ShipmentReturned || s == ShipmentExpired
}

// TrackingRow is one tracking number of a tracking file (a label tool's
// export, or any sheet with an order number and a tracking number), with
// the carrier found for it.
type TrackingRow struct {
	// OrderRef is the order as the file writes it ("#1001", "1001",
	// "12-34567-89012"); the store finds the order by name or id.
	OrderRef string `json:"orderRef"`
	// Number is the normalised tracking number.
	Number string `json:"number"`
	// Carrier is the carrier's name to show ("" unknown); CarrierID the
	// tracking package's id for it ("" when Shopclerk knows no such carrier).
	Carrier   string `json:"carrier"`
	CarrierID string `json:"carrierId"`
	// URL is the tracking link ("" for an unknown carrier).
	URL       string     `json:"url"`
	ShippedAt *time.Time `json:"shippedAt"`
	File      string     `json:"file"`
	Row       int        `json:"row"`
}

// TrackingNote is what the store made of a TrackingRow, for the import's
// report.
type TrackingNote struct {
	// Unmatched: no order in the shop has OrderRef yet; the number is kept
	// and joins its order when the order is imported.
	Unmatched bool
	// OtherOrders names the other orders that already have this number.
	OtherOrders []string
	// ManyOrders: OrderRef named more than one order (two stores both have
	// a #1001); the newest took the number.
	ManyOrders bool
}

// ShipmentEvent is one scan or status a carrier (or the store, or an
// import) reported for a shipment: the timeline.
type ShipmentEvent struct {
	At       time.Time      `json:"at"`
	Status   ShipmentStatus `json:"status"`
	Text     string         `json:"text"`     // the carrier's own words
	Location string         `json:"location"` // where, when the carrier says
	Source   string         `json:"source"`   // dhl, usps, import, store
}

// ShipmentRow is a shipment as the Shipments screen and `shopclerk
// shipments` list it.
type ShipmentRow struct {
	ID             int64          `json:"id"`
	OrderID        int64          `json:"orderId"`
	OrderName      string         `json:"orderName"`
	CustomerID     int64          `json:"customerId"`
	CustomerName   string         `json:"customerName"`
	Email          string         `json:"email"`
	Carrier        string         `json:"carrier"`
	CarrierID      string         `json:"carrierId"`
	TrackingNumber string         `json:"trackingNumber"`
	TrackingURL    string         `json:"trackingUrl"`
	Status         ShipmentStatus `json:"status"`
	ShippedAt      time.Time      `json:"shippedAt"`
	DeliveredAt    *time.Time     `json:"deliveredAt"`
	StatusAt       *time.Time     `json:"statusAt"`
	LastEvent      string         `json:"lastEvent"`
	LastEventAt    *time.Time     `json:"lastEventAt"`
	// DaysInTransit counts from shipping to delivery, or to now.
	DaysInTransit int `json:"daysInTransit"`
	// Stuck: not final and nothing new for the stuck threshold.
	Stuck      bool   `json:"stuck"`
	CheckError string `json:"checkError"`
}

// ShipmentFilter narrows the shipments list. Zero values filter nothing.
type ShipmentFilter struct {
	Status ShipmentStatus `json:"status"`
	// Stuck: not final, no event for StuckDays (default 5).
	Stuck     bool `json:"stuck"`
	StuckDays int  `json:"stuckDays"`
	// Problems: exceptions and failed attempts.
	Problems bool `json:"problems"`
	// InTransitOver: not final and shipped more than this many days ago.
	InTransitOver int    `json:"inTransitOver"`
	Search        string `json:"search"`
	Limit         int    `json:"limit"`
	Offset        int    `json:"offset"`
}

// ShipmentPage is one page of the shipments list.
type ShipmentPage struct {
	Rows  []ShipmentRow `json:"rows"`
	Total int           `json:"total"`
}

// ShipmentCounts are the dashboard's and the filters' numbers.
type ShipmentCounts struct {
	ByStatus  map[string]int `json:"byStatus"`
	Stuck     int            `json:"stuck"`
	Unmatched int            `json:"unmatched"`
}

// UnmatchedTracking is a tracking number waiting for its order.
type UnmatchedTracking struct {
	ID             int64      `json:"id"`
	OrderRef       string     `json:"orderRef"`
	TrackingNumber string     `json:"trackingNumber"`
	Carrier        string     `json:"carrier"`
	TrackingURL    string     `json:"trackingUrl"`
	ShippedAt      *time.Time `json:"shippedAt"`
	File           string     `json:"file"`
	Row            int        `json:"row"`
	At             time.Time  `json:"at"`
}

// DefaultStuckDays is how long a parcel may go without news before it
// counts as stuck.
const DefaultStuckDays = 5
