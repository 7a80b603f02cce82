// Package domain is Shopclerk's vocabulary: the types and typed constants two
// or more packages speak, and the error codes. It imports nothing internal,
// so every other package can depend on it without cycles. A type only one
// package and store share stays beside that package's store methods.
//
// One file per concern: shop data (this file), list pages (views.go),
// imports, outbox (messages and their states), inbox, purchasing (purchase
// orders and their statuses), automation (triggers, step kinds, ledger,
// occurrences) and settings keys.
//
// Money is always integer minor units plus an ISO 4217 currency (invariant 4);
// times are always UTC (invariant 5).
package domain

import (
	"strings"
	"time"
)

// Money is an amount in minor units (cents, pence, paisa) of Currency.
type Money struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

// Source names where a record came from; with an external id it forms the
// natural key that makes imports idempotent (invariant 1).
type Source string

const (
	SourceShopify     Source = "shopify"
	SourceWooCommerce Source = "woocommerce"
	SourceEtsy        Source = "etsy"
	SourceAmazon      Source = "amazon"
	SourceManual      Source = "manual"
	SourceDemo        Source = "demo"
)

// FinancialStatus follows Shopify's vocabulary, the widest of the sources.
type FinancialStatus string

const (
	FinancialPending           FinancialStatus = "pending"
	FinancialAuthorized        FinancialStatus = "authorized"
	FinancialPaid              FinancialStatus = "paid"
	FinancialPartiallyPaid     FinancialStatus = "partially_paid"
	FinancialPartiallyRefunded FinancialStatus = "partially_refunded"
	FinancialRefunded          FinancialStatus = "refunded"
	FinancialVoided            FinancialStatus = "voided"
	FinancialExpired           FinancialStatus = "expired"
)

// FulfillmentStatus of an order as a whole.
type FulfillmentStatus string

const (
	FulfillmentUnfulfilled FulfillmentStatus = "unfulfilled"
	FulfillmentPartial     FulfillmentStatus = "partial"
	FulfillmentFulfilled   FulfillmentStatus = "fulfilled"
)

// Address is a postal address as the store exported it.
type Address struct {
	Name     string `json:"name"`
	Company  string `json:"company"`
	Address1 string `json:"address1"`
	Address2 string `json:"address2"`
	City     string `json:"city"`
	Zip      string `json:"zip"`
	Province string `json:"province"`
	Country  string `json:"country"` // ISO 3166-1 alpha-2
	Phone    string `json:"phone"`
}

// Customer is keyed by email (lower-cased); a customer without email is keyed
// by source + external id.
type Customer struct {
	ID               int64      `json:"id"`
	Source           Source     `json:"source"`
	ExternalID       string     `json:"externalId"`
	Email            string     `json:"email"`
	FirstName        string     `json:"firstName"`
	LastName         string     `json:"lastName"`
	Phone            string     `json:"phone"`
	Country          string     `json:"country"`
	City             string     `json:"city"`
	AcceptsMarketing bool       `json:"acceptsMarketing"`
	ConsentAt        *time.Time `json:"consentAt"`
	// AcceptsSMS and SMSConsentAt are the store's SMS marketing consent and
	// its date (Shopify's "Accepts SMS Marketing", smsMarketingConsent);
	// kept and shown, never used: Shopclerk sends no SMS.
	AcceptsSMS   bool       `json:"acceptsSms"`
	SMSConsentAt *time.Time `json:"smsConsentAt"`
	Birthday     string     `json:"birthday"` // MM-DD or YYYY-MM-DD; empty when unknown
	Tags         []string   `json:"tags"`
	Note         string     `json:"note"`
	CreatedAt    time.Time  `json:"createdAt"`
	// Derived by the store from orders; ignored on write.
	OrdersCount int        `json:"ordersCount"`
	TotalSpent  Money      `json:"totalSpent"`
	LastOrderAt *time.Time `json:"lastOrderAt"`
}

// Product is one sellable variant, keyed by SKU. Shopify's product/variant
// split collapses here: the handle and option values are kept for display.
type Product struct {
	ID           int64    `json:"id"`
	SKU          string   `json:"sku"`
	Handle       string   `json:"handle"`
	Title        string   `json:"title"`
	VariantTitle string   `json:"variantTitle"`
	Vendor       string   `json:"vendor"`
	Type         string   `json:"type"`
	Barcode      string   `json:"barcode"`
	Price        Money    `json:"price"`
	Cost         Money    `json:"cost"`
	Status       string   `json:"status"` // active, draft, archived
	SupplierID   *int64   `json:"supplierId"`
	ReorderPoint *int     `json:"reorderPoint"` // manual override; nil means computed
	Tags         []string `json:"tags"`
	// SKUGenerated says SKU is a key Shopclerk made because the store gave
	// the variant no SKU (see GeneratedSKUPrefix), not the seller's own.
	SKUGenerated bool `json:"skuGenerated"`
}

// GeneratedSKUPrefix starts every key Shopclerk makes for a variant that has
// no SKU in the seller's store: "~" + the Shopify handle, then "/" and each
// option value ("~linen-apron", "~linen-apron/Blue/M"), or "~woo:" + the
// WooCommerce product id. Store exports carry the handle, options and id
// in every file, so products, inventory and orders files all reach the same
// key. A real SKU may start with "~" too; products.sku_generated tells them
// apart, and an import refuses to give one product both meanings.
const GeneratedSKUPrefix = "~"

var keyEscaper = strings.NewReplacer("%", "%25", "/", "%2F")

// ShopifyKey is the generated key of a Shopify variant without a SKU:
// "~" + the handle, then "/" + each option value other than "Default
// Title"; "/" and "%" inside them are written %2F and %25. The importers
// and the store connectors both key such a variant by it.
func ShopifyKey(handle string, options ...string) string {
	var b strings.Builder
	b.WriteString(GeneratedSKUPrefix)
	b.WriteString(keyEscaper.Replace(handle))
	for _, o := range options {
		if o != "" && o != "Default Title" {
			b.WriteByte('/')
			b.WriteString(keyEscaper.Replace(o))
		}
	}
	return b.String()
}

// WooKey is the generated key of a WooCommerce product without a SKU.
func WooKey(id string) string {
	return GeneratedSKUPrefix + "woo:" + keyEscaper.Replace(id)
}

// EtsyKey is the generated key of an Etsy listing product without a SKU:
// "~etsy:" + the product id, which an order's transaction names too.
func EtsyKey(productID string) string {
	return GeneratedSKUPrefix + "etsy:" + keyEscaper.Replace(productID)
}

// StockLevel is the quantity of one SKU at one location.
type StockLevel struct {
	SKU       string    `json:"sku"`
	Location  string    `json:"location"`
	OnHand    int       `json:"onHand"`
	Committed int       `json:"committed"`
	Available int       `json:"available"`
	Incoming  int       `json:"incoming"`
	Stocked   bool      `json:"stocked"` // false for Shopify's "not stocked"
	UpdatedAt time.Time `json:"updatedAt"`
}

// Order is keyed by source + external id (Shopify's Name, e.g. "#1058").
type Order struct {
	ID                int64             `json:"id"`
	Source            Source            `json:"source"`
	ExternalID        string            `json:"externalId"`
	Name              string            `json:"name"`
	Email             string            `json:"email"`
	CustomerID        *int64            `json:"customerId"`
	FinancialStatus   FinancialStatus   `json:"financialStatus"`
	FulfillmentStatus FulfillmentStatus `json:"fulfillmentStatus"`
	Currency          string            `json:"currency"`
	Subtotal          int64             `json:"subtotal"`
	Shipping          int64             `json:"shipping"`
	Taxes             int64             `json:"taxes"`
	Discount          int64             `json:"discount"`
	Total             int64             `json:"total"`
	Refunded          int64             `json:"refunded"`
	DiscountCode      string            `json:"discountCode"`
	ShippingMethod    string            `json:"shippingMethod"`
	PaymentMethod     string            `json:"paymentMethod"`
	RiskLevel         string            `json:"riskLevel"`
	Tags              []string          `json:"tags"`
	Note              string            `json:"note"`
	Billing           Address           `json:"billing"`
	ShippingAddress   Address           `json:"shippingAddress"`
	CreatedAt         time.Time         `json:"createdAt"`
	PaidAt            *time.Time        `json:"paidAt"`
	FulfilledAt       *time.Time        `json:"fulfilledAt"`
	CancelledAt       *time.Time        `json:"cancelledAt"`
	AcceptsMarketing  bool              `json:"acceptsMarketing"`
	Lines             []LineItem        `json:"lines"`
}

// LineItem is one row of an order; Position keeps the export's order so a
// re-import replaces lines instead of duplicating them.
type LineItem struct {
	Position          int    `json:"position"`
	SKU               string `json:"sku"`
	Name              string `json:"name"`
	Vendor            string `json:"vendor"`
	Quantity          int    `json:"quantity"`
	Price             int64  `json:"price"`
	CompareAtPrice    int64  `json:"compareAtPrice"`
	Discount          int64  `json:"discount"`
	RequiresShipping  bool   `json:"requiresShipping"`
	FulfillmentStatus string `json:"fulfillmentStatus"`
}

// Cart is an abandoned checkout, keyed by source + external id.
type Cart struct {
	ID          int64      `json:"id"`
	Source      Source     `json:"source"`
	ExternalID  string     `json:"externalId"`
	Email       string     `json:"email"`
	CustomerID  *int64     `json:"customerId"`
	Currency    string     `json:"currency"`
	Total       int64      `json:"total"`
	RecoveryURL string     `json:"recoveryUrl"`
	CreatedAt   time.Time  `json:"createdAt"`
	UpdatedAt   time.Time  `json:"updatedAt"`
	RecoveredAt *time.Time `json:"recoveredAt"`
	Lines       []LineItem `json:"lines"`
}

// ShipmentStatus is the normalised carrier status.
type ShipmentStatus string

const (
	ShipmentLabelCreated   ShipmentStatus = "label_created"
	ShipmentInTransit      ShipmentStatus = "in_transit"
	ShipmentOutForDelivery ShipmentStatus = "out_for_delivery"
	ShipmentDelivered      ShipmentStatus = "delivered"
	ShipmentException      ShipmentStatus = "exception"
)

// Shipment is one parcel of an order.
type Shipment struct {
	ID             int64          `json:"id"`
	OrderID        int64          `json:"orderId"`
	Carrier        string         `json:"carrier"`
	TrackingNumber string         `json:"trackingNumber"`
	TrackingURL    string         `json:"trackingUrl"`
	Status         ShipmentStatus `json:"status"`
	ShippedAt      time.Time      `json:"shippedAt"`
	DeliveredAt    *time.Time     `json:"deliveredAt"`
	UpdatedAt      time.Time      `json:"updatedAt"`
}

// Supplier sells stock to the seller.
type Supplier struct {
	ID              int64   `json:"id"`
	Name            string  `json:"name"`
	Email           string  `json:"email"`
	Currency        string  `json:"currency"`
	LeadTimeDays    float64 `json:"leadTimeDays"`
	LeadTimeStdDays float64 `json:"leadTimeStdDays"`
	MinOrderQty     int     `json:"minOrderQty"`
	PackSize        int     `json:"packSize"`
}
