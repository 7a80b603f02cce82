package etsy

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
)

// The answers' shapes, as Etsy's Open API v3 reference shows them
// (ShopReceipt, ShopReceiptTransaction, ShopReceiptShipment, ShopListing,
// ListingInventory; testdata/README.md names the sources). Money is an
// integer amount over a divisor, with its currency.

type money struct {
	Amount       int64  `json:"amount"`
	Divisor      int64  `json:"divisor"`
	CurrencyCode string `json:"currency_code"`
}

// minor is the amount in the currency's minor units (Etsy's divisor is
// normally 100 for two-digit currencies, but is not assumed).
func (m money) minor() int64 {
	exp := domain.CurrencyDigits(strings.ToUpper(m.CurrencyCode))
	d := m.Divisor
	if d <= 0 {
		d = 1
	}
	scale := int64(1)
	for range exp {
		scale *= 10
	}
	n := m.Amount * scale
	if n%d*2 >= d { // half up
		return n/d + 1
	}
	return n / d
}

// list is Etsy's envelope of a list: the total and one page.
type list[T any] struct {
	Count   int `json:"count"`
	Results []T `json:"results"`
}

type receipt struct {
	ReceiptID       int64   `json:"receipt_id"`
	BuyerUserID     int64   `json:"buyer_user_id"`
	BuyerEmail      *string `json:"buyer_email"`
	Name            string  `json:"name"`
	FirstLine       string  `json:"first_line"`
	SecondLine      *string `json:"second_line"`
	City            string  `json:"city"`
	State           *string `json:"state"`
	Zip             string  `json:"zip"`
	Status          string  `json:"status"`
	CountryISO      string  `json:"country_iso"`
	PaymentMethod   string  `json:"payment_method"`
	MessageFromBuyr string  `json:"message_from_buyer"`
	IsPaid          bool    `json:"is_paid"`
	IsShipped       bool    `json:"is_shipped"`
	CreateTimestamp int64   `json:"create_timestamp"`
	UpdateTimestamp int64   `json:"update_timestamp"`
	Grandtotal      money   `json:"grandtotal"`
	Subtotal        money   `json:"subtotal"`
	TotalPrice      money   `json:"total_price"`
	TotalShipping   money   `json:"total_shipping_cost"`
	TotalTax        money   `json:"total_tax_cost"`
	TotalVAT        money   `json:"total_vat_cost"`
	DiscountAmt     money   `json:"discount_amt"`
	Shipments       []struct {
		NotificationTimestamp int64  `json:"shipment_notification_timestamp"`
		CarrierName           string `json:"carrier_name"`
		TrackingCode          string `json:"tracking_code"`
	} `json:"shipments"`
	Transactions []struct {
		TransactionID    int64  `json:"transaction_id"`
		Title            string `json:"title"`
		Quantity         int    `json:"quantity"`
		ListingID        int64  `json:"listing_id"`
		ProductID        int64  `json:"product_id"`
		SKU              string `json:"sku"`
		Price            money  `json:"price"`
		ShippedTimestamp *int64 `json:"shipped_timestamp"`
		IsDigital        bool   `json:"is_digital"`
	} `json:"transactions"`
	Refunds []struct {
		Amount money `json:"amount"`
	} `json:"refunds"`
}

func unix(s int64) time.Time {
	if s <= 0 {
		return time.Time{}
	}
	return time.Unix(s, 0).UTC()
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// orderOf maps a receipt as the Sold Orders export does: the receipt id is
// the order's id and name; the buyer is keyed by the Etsy user id, with
// the email only when Etsy shares it with the app.
func orderOf(r *receipt) connector.Order {
	out := connector.Order{UpdatedAt: unix(r.UpdateTimestamp)}
	d := &out.Order
	id := strconv.FormatInt(r.ReceiptID, 10)
	d.Source, d.ExternalID, d.Name = domain.SourceEtsy, id, id
	d.Currency = strings.ToUpper(r.Grandtotal.CurrencyCode)
	d.CreatedAt = unix(r.CreateTimestamp)
	d.Email = strings.TrimSpace(str(r.BuyerEmail))
	d.Subtotal, d.Discount, d.Shipping = r.TotalPrice.minor(), r.DiscountAmt.minor(), r.TotalShipping.minor()
	d.Taxes, d.Total = r.TotalTax.minor()+r.TotalVAT.minor(), r.Grandtotal.minor()
	d.PaymentMethod, d.Note = r.PaymentMethod, r.MessageFromBuyr
	d.FinancialStatus, d.FulfillmentStatus = domain.FinancialPending, domain.FulfillmentUnfulfilled
	if r.IsPaid {
		d.FinancialStatus = domain.FinancialPaid
		d.PaidAt = &d.CreatedAt
	}
	d.ApplyStatus(r.Status)
	if r.IsShipped {
		d.FulfillmentStatus = domain.FulfillmentFulfilled
	}
	for _, rf := range r.Refunds {
		d.Refunded += rf.Amount.minor()
	}
	if d.Refunded > 0 && d.FinancialStatus == domain.FinancialPaid {
		d.FinancialStatus = domain.FinancialPartiallyRefunded
		if d.Refunded >= d.Total {
			d.FinancialStatus = domain.FinancialRefunded
		}
	}
	d.ShippingAddress = domain.Address{Name: r.Name, Address1: r.FirstLine, Address2: str(r.SecondLine), City: r.City,
		Zip: r.Zip, Province: str(r.State), Country: strings.ToUpper(r.CountryISO)}
	for i, t := range r.Transactions {
		sku := strings.TrimSpace(t.SKU)
		if sku == "" && t.ProductID != 0 {
			sku = domain.EtsyKey(strconv.FormatInt(t.ProductID, 10))
		}
		li := domain.LineItem{Position: i + 1, SKU: sku, Name: t.Title, Quantity: t.Quantity, Price: t.Price.minor(),
			RequiresShipping: !t.IsDigital, FulfillmentStatus: "pending"}
		if t.ShippedTimestamp != nil && *t.ShippedTimestamp > 0 || r.IsShipped {
			li.FulfillmentStatus = "fulfilled"
		}
		d.Lines = append(d.Lines, li)
	}
	for _, s := range r.Shipments {
		if strings.TrimSpace(s.TrackingCode) == "" {
			continue
		}
		sh := domain.Shipment{Carrier: s.CarrierName, TrackingNumber: strings.TrimSpace(s.TrackingCode), Status: domain.ShipmentInTransit,
			ShippedAt: unix(s.NotificationTimestamp)}
		if d.FulfilledAt == nil && !sh.ShippedAt.IsZero() {
			t := sh.ShippedAt
			d.FulfilledAt = &t
		}
		out.Shipments = append(out.Shipments, sh)
	}
	if r.BuyerUserID != 0 || d.Email != "" {
		first, last, _ := strings.Cut(strings.TrimSpace(r.Name), " ")
		out.Customer = &domain.Customer{Source: domain.SourceEtsy, Email: d.Email, FirstName: first, LastName: strings.TrimSpace(last),
			Country: d.ShippingAddress.Country, City: d.ShippingAddress.City, CreatedAt: d.CreatedAt}
		if r.BuyerUserID != 0 {
			out.Customer.ExternalID = strconv.FormatInt(r.BuyerUserID, 10)
		}
	}
	return out
}

type offering struct {
	OfferingID int64 `json:"offering_id"`
	Quantity   int   `json:"quantity"`
	IsEnabled  bool  `json:"is_enabled"`
	IsDeleted  bool  `json:"is_deleted"`
	Price      money `json:"price"`
}

type inventoryProduct struct {
	ProductID      int64           `json:"product_id"`
	SKU            string          `json:"sku"`
	IsDeleted      bool            `json:"is_deleted"`
	Offerings      []offering      `json:"offerings"`
	PropertyValues []propertyValue `json:"property_values"`
}

type propertyValue struct {
	PropertyID   int64    `json:"property_id"`
	PropertyName string   `json:"property_name"`
	ScaleID      *int64   `json:"scale_id"`
	ValueIDs     []int64  `json:"value_ids"`
	Values       []string `json:"values"`
}

type inventory struct {
	Products           []inventoryProduct `json:"products"`
	PriceOnProperty    []int64            `json:"price_on_property"`
	QuantityOnProperty []int64            `json:"quantity_on_property"`
	SKUOnProperty      []int64            `json:"sku_on_property"`
}

// key is a product's SKU, or the key made from its id.
func (p *inventoryProduct) key() (string, bool) {
	if s := strings.TrimSpace(p.SKU); s != "" {
		return s, false
	}
	return domain.EtsyKey(strconv.FormatInt(p.ProductID, 10)), true
}

// quantity is what the product has for sale: its enabled offerings'.
func (p *inventoryProduct) quantity() int {
	n := 0
	for _, o := range p.Offerings {
		if o.IsEnabled && !o.IsDeleted {
			n += o.Quantity
		}
	}
	return n
}

type listing struct {
	ListingID       int64      `json:"listing_id"`
	Title           string     `json:"title"`
	State           string     `json:"state"`
	URL             string     `json:"url"`
	UpdatedTimestam int64      `json:"updated_timestamp"`
	Tags            []string   `json:"tags"`
	Price           money      `json:"price"`
	Inventory       *inventory `json:"inventory"`
}

// productsOf maps a listing's inventory products: each product (a
// combination of the listing's variations) is one SKU, with its stock at
// the location "Etsy".
func productsOf(l *listing, inv *inventory, currency string) ([]domain.Product, []connector.Stock) {
	var ps []domain.Product
	var st []connector.Stock
	status := "active"
	if l.State != "active" && l.State != "sold_out" {
		status = "draft"
	}
	for i := range inv.Products {
		p := &inv.Products[i]
		if p.IsDeleted {
			continue
		}
		sku, gen := p.key()
		title := l.Title
		var opts []string
		for _, pv := range p.PropertyValues {
			opts = append(opts, pv.Values...)
		}
		if len(opts) > 0 {
			title += " - " + strings.Join(opts, " / ")
		}
		price := l.Price
		if len(p.Offerings) > 0 {
			price = p.Offerings[0].Price
		}
		cur := strings.ToUpper(price.CurrencyCode)
		if cur == "" {
			cur = currency
		}
		dp := domain.Product{SKU: sku, SKUGenerated: gen, Handle: strconv.FormatInt(l.ListingID, 10), Title: title, Status: status,
			Tags: l.Tags, Price: domain.Money{Amount: price.minor(), Currency: cur}}
		n := p.quantity()
		ps = append(ps, dp)
		st = append(st, connector.Stock{StockLevel: domain.StockLevel{SKU: sku, Location: Location, Available: n, OnHand: n, Stocked: true,
			UpdatedAt: unix(l.UpdatedTimestam)}, Product: &ps[len(ps)-1]})
	}
	return ps, st
}

// Location is where an Etsy shop's stock is: Etsy keeps one quantity per
// product.
const Location = "Etsy"

// listingStates are the listings read, one state after the other: a sold
// out listing's zero counts as much as an active one's stock.
var listingStates = []string{"active", "sold_out", "inactive", "draft", "expired"}

// Fetch reads one page. Cursors: receipts, the offset; listings,
// "state-index:offset".
func (c *Client) Fetch(ctx context.Context, r connector.Resource, q connector.Query) (connector.Page, error) {
	var out connector.Page
	switch r {
	case connector.ResourceOrders:
		off, _ := strconv.Atoi(q.Cursor)
		v := url.Values{"limit": {strconv.Itoa(c.cfg.PageSize)}, "offset": {strconv.Itoa(off)}, "sort_on": {"updated"}, "sort_order": {"asc"}}
		if !q.Since.IsZero() {
			v.Set("min_last_modified", strconv.FormatInt(q.Since.Unix(), 10))
		}
		path, err := c.shopPath(ctx, "/receipts")
		if err != nil {
			return out, err
		}
		var page list[receipt]
		if err := c.call(ctx, http.MethodGet, path, v, nil, &page); err != nil {
			return out, err
		}
		for i := range page.Results {
			o := orderOf(&page.Results[i])
			out.Orders = append(out.Orders, o)
			out.Newest = connector.Later(out.Newest, o.UpdatedAt)
		}
		if n := off + len(page.Results); len(page.Results) > 0 && n < page.Count {
			out.Next = strconv.Itoa(n)
		}
		return out, nil
	case connector.ResourceProducts:
		return c.listings(ctx, q.Cursor)
	}
	return out, domain.Errorf(domain.CodeInvalid, "Etsy has no %s to sync", r)
}

func (c *Client) listings(ctx context.Context, cursor string) (connector.Page, error) {
	var out connector.Page
	si, off := splitCursor(cursor)
	if si >= len(listingStates) {
		return out, nil
	}
	path, err := c.shopPath(ctx, "/listings")
	if err != nil {
		return out, err
	}
	v := url.Values{"state": {listingStates[si]}, "limit": {strconv.Itoa(c.cfg.PageSize)}, "offset": {strconv.Itoa(off)}, "includes": {"Inventory"}}
	var page list[listing]
	if err := c.call(ctx, http.MethodGet, path, v, nil, &page); err != nil {
		return out, err
	}
	c.mu.Lock()
	cur := c.currency
	c.mu.Unlock()
	for i := range page.Results {
		l := &page.Results[i]
		inv := l.Inventory
		if inv == nil {
			if inv, err = c.inventory(ctx, l.ListingID); err != nil {
				return out, err
			}
		}
		ps, st := productsOf(l, inv, cur)
		out.Products = append(out.Products, ps...)
		out.Stock = append(out.Stock, st...)
		out.Newest = connector.Later(out.Newest, unix(l.UpdatedTimestam))
	}
	out.Unordered = true
	out.Next = nextCursor(si, off, len(page.Results), page.Count)
	return out, nil
}

// splitCursor reads a listings cursor: the state's index and the offset.
func splitCursor(cursor string) (si, off int) {
	if a, b, ok := strings.Cut(cursor, ":"); ok {
		si, _ = strconv.Atoi(a)
		off, _ = strconv.Atoi(b)
	}
	return min(max(si, 0), len(listingStates)), max(off, 0)
}

// nextCursor is the listings page after one of n records at off of count:
// the same state's next page, else the next state's first ("" after the last).
func nextCursor(si, off, n, count int) string {
	switch {
	case n > 0 && off+n < count:
		return strconv.Itoa(si) + ":" + strconv.Itoa(off+n)
	case si+1 < len(listingStates):
		return strconv.Itoa(si+1) + ":0"
	}
	return ""
}

// inventory reads a listing's inventory (getListingInventory).
func (c *Client) inventory(ctx context.Context, listingID int64) (*inventory, error) {
	var inv inventory
	err := c.call(ctx, http.MethodGet, "/listings/"+strconv.FormatInt(listingID, 10)+"/inventory", nil, nil, &inv)
	return &inv, err
}
