package domain

import "time"

// PageRequest asks for one page of a server-side sorted, filtered, searched table.
type PageRequest struct {
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"`
	Sort   string `json:"sort"` // a column key the table offers; empty is its default
	Desc   bool   `json:"desc"`
	Search string `json:"search"` // prefix search on the table's key columns
	Filter string `json:"filter"` // one status filter the table offers; empty for all
}

// OrderRow is one line of the Orders table.
type OrderRow struct {
	ID                int64     `json:"id"`
	Name              string    `json:"name"`
	Email             string    `json:"email"`
	CustomerName      string    `json:"customerName"`
	CreatedAt         time.Time `json:"createdAt"`
	FinancialStatus   string    `json:"financialStatus"`
	FulfillmentStatus string    `json:"fulfillmentStatus"`
	Total             Money     `json:"total"`
	Items             int       `json:"items"`
	Cancelled         bool      `json:"cancelled"`
	Held              bool      `json:"held"` // held for review by a flow, not released
}

// OrderPage is a page of orders and the number of matching orders.
type OrderPage struct {
	Rows  []OrderRow `json:"rows"`
	Total int        `json:"total"`
}

// OrderDetail is one order with everything the order screen shows.
type OrderDetail struct {
	Order     Order      `json:"order"`
	Customer  *Customer  `json:"customer"`
	Shipments []Shipment `json:"shipments"`
}

// CustomerPage is a page of customers.
type CustomerPage struct {
	Rows  []Customer `json:"rows"`
	Total int        `json:"total"`
}

// StockRow is one SKU at one location in the Inventory table.
type StockRow struct {
	StockLevel
	Title        string `json:"title"`
	ReorderPoint *int   `json:"reorderPoint"`
	Supplier     string `json:"supplier"`
	// SKUGenerated: the SKU is a key Shopclerk made (Product.SKUGenerated).
	SKUGenerated bool `json:"skuGenerated"`
}

// StockPage is a page of stock levels.
type StockPage struct {
	Rows  []StockRow `json:"rows"`
	Total int        `json:"total"`
}

// CartRow is one abandoned checkout in the Carts table.
type CartRow struct {
	ID          int64      `json:"id"`
	ExternalID  string     `json:"externalId"`
	Email       string     `json:"email"`
	Total       Money      `json:"total"`
	Items       int        `json:"items"`
	CreatedAt   time.Time  `json:"createdAt"`
	UpdatedAt   time.Time  `json:"updatedAt"`
	RecoveredAt *time.Time `json:"recoveredAt"`
}

// CartPage is a page of carts.
type CartPage struct {
	Rows  []CartRow `json:"rows"`
	Total int       `json:"total"`
}

// DayPoint is one day of a dashboard chart, in the shop's time zone.
type DayPoint struct {
	Day     string `json:"day"` // YYYY-MM-DD
	Orders  int    `json:"orders"`
	Revenue int64  `json:"revenue"`
}

// Dashboard is the first screen's summary.
type Dashboard struct {
	Currency          string         `json:"currency"`
	TodayRevenue      int64          `json:"todayRevenue"`
	TodayOrders       int            `json:"todayOrders"`
	LowStock          []StockRow     `json:"lowStock"`
	LowStockCount     int            `json:"lowStockCount"`
	AbandonedCarts    int            `json:"abandonedCarts"`
	AbandonedValue    int64          `json:"abandonedValue"`
	OutboxWaiting     int            `json:"outboxWaiting"`
	Last30Days        []DayPoint     `json:"last30Days"`
	TotalOrders       int            `json:"totalOrders"`
	TotalCustomers    int            `json:"totalCustomers"`
	ShipmentsByStatus map[string]int `json:"shipmentsByStatus"`
}
