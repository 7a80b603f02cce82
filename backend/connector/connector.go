// Package connector keeps the shop current from the seller's online stores
// over their APIs, the half of "import from CSV and Excel or store APIs"
// that spreadsheets cannot do: tracking numbers, recovery links and every
// change since the last look, without the seller exporting anything.
//
// A connector is one store platform's client (a subpackage: shopify/,
// woocommerce/). It knows the platform's API (authentication, pagination,
// rate limits, its record shapes) and turns each page it reads into the
// same domain records the importers make from that platform's spreadsheet
// exports: same source, same external id (the order name a spreadsheet
// shows), same SKU keys. It knows nothing of the database.
//
// The sync engine (Syncer, sync.go) drives a connector resource by resource
// and hands its records to the store through the importer's path
// (connectordb over importdb's batch Writer), so a record that arrived from
// a CSV and then from the API is one record, counted unchanged when nothing
// changed, and the automations see API data exactly as imported data.
// Incremental syncs read what changed since each resource's high-water mark
// (less an overlap window, so an update landing during a sync is never
// skipped); the mark moves in the same transaction as the rows it covers.
//
// HTTP goes through Transport (http.go): retries with back-off on 429 and
// 5xx answers (honouring Retry-After), an injected sleeper so tests never
// wait, no redirect followed to another host (credentials never leave the
// store's address), and clear errors for answers that are not JSON.
package connector

import (
	"context"
	"time"

	"shopclerk/backend/domain"
)

// Resource is one kind of record a store syncs.
type Resource string

const (
	ResourceOrders    Resource = "orders"
	ResourceCustomers Resource = "customers"
	ResourceProducts  Resource = "products"
	ResourceInventory Resource = "inventory"
	ResourceCheckouts Resource = "checkouts"
)

// ResourceSpec says how a connector reads a resource.
type ResourceSpec struct {
	Resource Resource
	// Ordered: pages come sorted by updated_at, oldest first, so the mark
	// may move page by page. Otherwise it moves only with the last page.
	Ordered bool
	// Complete: a full read lists every record of the resource the store
	// has, so one it delivered before and no longer lists was deleted there.
	Complete bool
}

// Query asks for one page of a resource.
type Query struct {
	// Since: records updated at or after this time; zero reads everything.
	Since time.Time
	// Cursor continues from the page before ("" for the first page); what
	// it holds is the connector's business.
	Cursor string
}

// Page is one page of a resource, already in the importers' shapes.
type Page struct {
	Orders    []Order
	Customers []domain.Customer
	Products  []domain.Product
	Stock     []Stock
	Carts     []Cart
	Deleted   []Deletion
	// Newest is the latest updated_at among the page's records.
	Newest time.Time
	// Next is the cursor of the next page; "" on the last.
	Next string
	// Unordered: this page's records are not sorted by updated_at (a bulk
	// file), so the mark moves only with the last page whatever the spec says.
	Unordered bool
}

// Records counts what the page holds.
func (p *Page) Records() int {
	return len(p.Orders) + len(p.Customers) + len(p.Products) + len(p.Stock) + len(p.Carts) + len(p.Deleted)
}

// Order is an order with what the API tells beside it.
type Order struct {
	domain.Order
	// Customer is the buyer, as an orders export derives it.
	Customer      *domain.Customer
	DiscountCodes []string
	Shipments     []domain.Shipment
	UpdatedAt     time.Time
}

// Cart is an abandoned checkout with its buyer.
type Cart struct {
	domain.Cart
	Customer *domain.Customer
}

// Stock is a stock level with its product (created if missing).
type Stock struct {
	domain.StockLevel
	Product *domain.Product
}

// Deletion is a record the store deleted.
type Deletion struct {
	Kind       string // order, customer, product, checkout
	ExternalID string
	At         time.Time
}

// ShopInfo is what a connection test learns about the store.
type ShopInfo struct {
	Name     string `json:"name"`
	Domain   string `json:"domain"`
	Currency string `json:"currency"`
	TimeZone string `json:"timeZone"`
	// Missing are the permissions the credentials lack, with where to grant
	// them, in the store's own words.
	Missing []string `json:"missing"`
	// Notes are things the seller should know (another currency, ...).
	Notes []string `json:"notes"`
}

// Connector is one store's API, as the sync engine uses it.
type Connector interface {
	// Check signs in and reads the store's details and permissions.
	Check(ctx context.Context) (ShopInfo, error)
	// Resources lists what the store syncs, in the order to sync it
	// (products before the orders and stock that name their SKUs).
	Resources() []ResourceSpec
	// Fetch reads one page of a resource.
	Fetch(ctx context.Context, r Resource, q Query) (Page, error)
}

// Later returns the later of a and b.
func Later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
