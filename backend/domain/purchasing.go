package domain

import "time"

// Purchasing's vocabulary: purchase orders and their statuses, supplier
// offers, receipts and the seller's per-SKU reorder choices. inventory
// drafts, sends and receives them, rules adds lines from a flow's step, the
// app shows them; store keeps the rows.

// POStatus is where a purchase order stands.
type POStatus string

const (
	PODraft          POStatus = "draft"
	POSent           POStatus = "sent"
	POConfirmed      POStatus = "confirmed"
	POPartlyReceived POStatus = "partly_received"
	POReceived       POStatus = "received"
	// POClosedShort: part of the order arrived and the seller closed it;
	// what is still outstanding will not come and is no longer incoming.
	POClosedShort POStatus = "closed_short"
	POCancelled   POStatus = "cancelled"
)

// poMoves is every status change a purchase order can make, the one place
// they are decided: sending, receiving, confirming, closing short and
// cancelling all ask CanBecome. Receiving into a partly received order
// keeps it partly received until every line is in. Once goods are in, the
// order can no longer be cancelled (the stock moved): it is closed short.
var poMoves = map[POStatus][]POStatus{
	PODraft:          {POSent, POCancelled},
	POSent:           {POConfirmed, POPartlyReceived, POReceived, POCancelled},
	POConfirmed:      {POPartlyReceived, POReceived, POCancelled},
	POPartlyReceived: {POPartlyReceived, POReceived, POClosedShort},
}

// CanBecome tells whether an order in status s may move to status to.
func (s POStatus) CanBecome(to POStatus) bool {
	for _, ok := range poMoves[s] {
		if ok == to {
			return true
		}
	}
	return false
}

// Receivable tells whether goods may be booked in against an order.
func (s POStatus) Receivable() bool { return s.CanBecome(POReceived) }

// Label is the status in the seller's words.
func (s POStatus) Label() string {
	switch s {
	case POPartlyReceived:
		return "partly received"
	case POClosedShort:
		return "closed short"
	}
	return string(s)
}

// PurchaseOrderLine is one SKU on a purchase order.
type PurchaseOrderLine struct {
	SKU          string `json:"sku"`
	SupplierSKU  string `json:"supplierSku"`
	Title        string `json:"title"`
	VariantTitle string `json:"variantTitle"`
	Quantity     int    `json:"quantity"`
	ReceivedQty  int    `json:"receivedQty"`
	UnitCost     int64  `json:"unitCost"` // minor units of the order's currency
}

// PurchaseOrder is an order to a supplier with its lines.
type PurchaseOrder struct {
	ID            int64               `json:"id"`
	Number        string              `json:"number"` // PO-000123, what the supplier sees
	SupplierID    int64               `json:"supplierId"`
	SupplierName  string              `json:"supplierName"`
	SupplierEmail string              `json:"supplierEmail"`
	Status        POStatus            `json:"status"`
	Currency      string              `json:"currency"`
	Note          string              `json:"note"`
	Location      string              `json:"location"`
	MessageID     string              `json:"messageId"`
	CreatedAt     time.Time           `json:"createdAt"`
	SentAt        *time.Time          `json:"sentAt"`
	ExpectedAt    *time.Time          `json:"expectedAt"`
	ReceivedAt    *time.Time          `json:"receivedAt"`
	ClosedAt      *time.Time          `json:"closedAt"` // closed short
	Lines         []PurchaseOrderLine `json:"lines"`
	// Receipts is every booking-in, oldest first: the order's history.
	Receipts []POReceipt `json:"receipts"`
	Total    int64       `json:"total"`
}

// DraftLine is a line to put on a supplier's draft purchase order: one
// "Reorder now" proposes, or one a flow's create_purchase_order step adds.
type DraftLine struct {
	SKU         string
	SupplierSKU string
	Quantity    int
	UnitCost    int64
}

// Receipt is goods that arrived for one line.
type Receipt struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
}

// POReceipt is one booking-in of a line, as the order's history shows it.
type POReceipt struct {
	SKU      string    `json:"sku"`
	Quantity int       `json:"quantity"`
	Location string    `json:"location"`
	At       time.Time `json:"at"`
}

// ReorderAdvice is the reorder decision for one SKU: what the Inventory
// screen and "Reorder now" would order, which a low-stock flow drafts too.
type ReorderAdvice struct {
	SKU   string `json:"sku"`
	Title string `json:"title"`
	// Quantity is what to order now; 0 orders nothing (enough stock or
	// stock on its way, snoozed, already on a draft, stocked nowhere).
	Quantity int `json:"quantity"`
	// ReorderPoint is the point the SKU is reordered at, when Quantity > 0.
	ReorderPoint int `json:"reorderPoint"`
	// Available and Incoming are summed over the locations that stock the
	// SKU; Incoming counts open purchase orders too.
	Available    int    `json:"available"`
	Incoming     int    `json:"incoming"`
	SupplierID   int64  `json:"supplierId"` // 0: none
	SupplierName string `json:"supplierName"`
	SupplierSKU  string `json:"supplierSku"`
	UnitCost     int64  `json:"unitCost"`
	Currency     string `json:"currency"`
	// NotStocked: no location stocks the SKU, so nothing is ordered.
	NotStocked bool `json:"notStocked"`
	// Problem says why the SKU cannot be ordered (no supplier, unusable
	// supplier figures), in the seller's words; empty when it can.
	Problem string `json:"problem"`
}

// SupplierOffer is what one supplier charges for one SKU.
type SupplierOffer struct {
	SupplierID  int64  `json:"supplierId"`
	SKU         string `json:"sku"`
	SupplierSKU string `json:"supplierSku"`
	UnitCost    int64  `json:"unitCost"`
}

// SKUPolicy is the seller's per-SKU reorder choices. A nil field is left as it is.
type SKUPolicy struct {
	SKU string `json:"sku"`
	// ReorderPoint sets the manual reorder point; ClearReorderPoint goes
	// back to the computed one.
	ReorderPoint      *int `json:"reorderPoint"`
	ClearReorderPoint bool `json:"clearReorderPoint"`
	// SnoozeUntil hides the SKU from reordering until then; the zero time
	// ends a snooze.
	SnoozeUntil *time.Time `json:"snoozeUntil"`
	OrderOnce   *bool      `json:"orderOnce"`
}
