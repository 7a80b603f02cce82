package shopify

import (
	"strings"
	"time"

	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
)

// The answers' shapes, as the Admin GraphQL reference documents them, and
// their mapping onto the records Shopify's CSV exports import as.

type pageInfo struct {
	HasNextPage bool   `json:"hasNextPage"`
	EndCursor   string `json:"endCursor"`
}

type money struct {
	ShopMoney struct {
		Amount       string `json:"amount"`
		CurrencyCode string `json:"currencyCode"`
	} `json:"shopMoney"`
}

// address is a MailingAddress as addressFields asks for it: the fields
// named as in domain.Address, and the province and country as codes (the
// query asks for no "province" or "country" names).
type address struct {
	domain.Address
	ProvinceCode string `json:"provinceCode"`
	CountryCode  string `json:"countryCodeV2"`
}

func (a *address) domain() domain.Address {
	if a == nil {
		return domain.Address{}
	}
	d := a.Address
	d.Province, d.Country = a.ProvinceCode, strings.ToUpper(a.CountryCode)
	return d
}

type consent struct {
	MarketingState   string     `json:"marketingState"`
	ConsentUpdatedAt *time.Time `json:"consentUpdatedAt"`
}

func (c *consent) subscribed() bool { return c != nil && c.MarketingState == "SUBSCRIBED" }

type customer struct {
	ID                    string    `json:"id"`
	Email                 string    `json:"email"`
	FirstName             string    `json:"firstName"`
	LastName              string    `json:"lastName"`
	Phone                 string    `json:"phone"`
	CreatedAt             time.Time `json:"createdAt"`
	UpdatedAt             time.Time `json:"updatedAt"`
	Tags                  []string  `json:"tags"`
	Note                  string    `json:"note"`
	EmailMarketingConsent *consent  `json:"emailMarketingConsent"`
	SMSMarketingConsent   *consent  `json:"smsMarketingConsent"`
	DefaultAddress        *address  `json:"defaultAddress"`
}

type lineItem struct {
	Name                 string `json:"name"`
	Title                string `json:"title"`
	VariantTitle         string `json:"variantTitle"`
	SKU                  string `json:"sku"`
	Quantity             int    `json:"quantity"`
	Vendor               string `json:"vendor"`
	RequiresShipping     *bool  `json:"requiresShipping"`
	UnfulfilledQuantity  *int   `json:"unfulfilledQuantity"`
	OriginalUnitPriceSet money  `json:"originalUnitPriceSet"`
	TotalDiscountSet     money  `json:"totalDiscountSet"`
	Variant              *struct {
		CompareAtPrice string `json:"compareAtPrice"`
	} `json:"variant"`
}

type fulfillment struct {
	CreatedAt     time.Time  `json:"createdAt"`
	UpdatedAt     time.Time  `json:"updatedAt"`
	DeliveredAt   *time.Time `json:"deliveredAt"`
	InTransitAt   *time.Time `json:"inTransitAt"`
	DisplayStatus string     `json:"displayStatus"`
	Status        string     `json:"status"`
	TrackingInfo  []struct {
		Company string `json:"company"`
		Number  string `json:"number"`
		URL     string `json:"url"`
	} `json:"trackingInfo"`
}

type order struct {
	ID                       string     `json:"id"`
	Name                     string     `json:"name"`
	Email                    string     `json:"email"`
	Phone                    string     `json:"phone"`
	CreatedAt                time.Time  `json:"createdAt"`
	UpdatedAt                time.Time  `json:"updatedAt"`
	ProcessedAt              *time.Time `json:"processedAt"`
	CancelledAt              *time.Time `json:"cancelledAt"`
	DisplayFinancialStatus   string     `json:"displayFinancialStatus"`
	DisplayFulfillmentStatus string     `json:"displayFulfillmentStatus"`
	CurrencyCode             string     `json:"currencyCode"`
	SubtotalPriceSet         money      `json:"subtotalPriceSet"`
	TotalShippingPriceSet    money      `json:"totalShippingPriceSet"`
	TotalTaxSet              money      `json:"totalTaxSet"`
	TotalPriceSet            money      `json:"totalPriceSet"`
	TotalDiscountsSet        money      `json:"totalDiscountsSet"`
	TotalRefundedSet         money      `json:"totalRefundedSet"`
	DiscountCodes            []string   `json:"discountCodes"`
	PaymentGatewayNames      []string   `json:"paymentGatewayNames"`
	Tags                     []string   `json:"tags"`
	Note                     string     `json:"note"`
	ShippingLine             *struct {
		Title string `json:"title"`
	} `json:"shippingLine"`
	Risk *struct {
		Recommendation string `json:"recommendation"`
		Assessments    []struct {
			RiskLevel string `json:"riskLevel"`
		} `json:"assessments"`
	} `json:"risk"`
	Customer        *customer `json:"customer"`
	BillingAddress  *address  `json:"billingAddress"`
	ShippingAddress *address  `json:"shippingAddress"`
	Transactions    []struct {
		Kind        string     `json:"kind"`
		Status      string     `json:"status"`
		ProcessedAt *time.Time `json:"processedAt"`
	} `json:"transactions"`
	LineItems struct {
		Nodes []lineItem `json:"nodes"`
	} `json:"lineItems"`
	Fulfillments []fulfillment `json:"fulfillments"`
}

// orderOf maps an order as the orders export would have it.
func orderOf(o *order) connector.Order {
	cur := strings.ToUpper(o.CurrencyCode)
	exp := domain.CurrencyDigits(cur)
	amt := func(m money) int64 { return connector.Minor(m.ShopMoney.Amount, exp) }
	out := connector.Order{UpdatedAt: o.UpdatedAt, DiscountCodes: nonNil(o.DiscountCodes)}
	d := &out.Order
	d.Source, d.ExternalID, d.Name = domain.SourceShopify, o.Name, o.Name
	d.Email = strings.TrimSpace(o.Email)
	d.Currency = cur
	d.FinancialStatus = domain.FinancialStatus(strings.ToLower(o.DisplayFinancialStatus))
	d.FulfillmentStatus = fulfillmentStatus(o.DisplayFulfillmentStatus)
	d.Subtotal, d.Shipping, d.Taxes = amt(o.SubtotalPriceSet), amt(o.TotalShippingPriceSet), amt(o.TotalTaxSet)
	d.Total, d.Discount, d.Refunded = amt(o.TotalPriceSet), amt(o.TotalDiscountsSet), amt(o.TotalRefundedSet)
	d.DiscountCode = strings.Join(o.DiscountCodes, ", ")
	if o.ShippingLine != nil {
		d.ShippingMethod = o.ShippingLine.Title
	}
	d.PaymentMethod = strings.Join(o.PaymentGatewayNames, " + ")
	d.RiskLevel = riskLevel(o)
	d.Tags = nonNil(o.Tags)
	if len(d.Tags) == 0 {
		d.Tags = nil
	}
	d.Note = o.Note
	d.Billing, d.ShippingAddress = o.BillingAddress.domain(), o.ShippingAddress.domain()
	d.CreatedAt = o.CreatedAt.UTC()
	d.CancelledAt = utcPtr(o.CancelledAt)
	for _, t := range o.Transactions {
		if (t.Kind == "SALE" || t.Kind == "CAPTURE") && t.Status == "SUCCESS" && t.ProcessedAt != nil {
			d.PaidAt = utcPtr(t.ProcessedAt)
			break
		}
	}
	for i, l := range o.LineItems.Nodes {
		li := domain.LineItem{Position: i + 1, SKU: strings.TrimSpace(l.SKU), Name: l.Name, Vendor: l.Vendor, Quantity: l.Quantity,
			Price: amt(l.OriginalUnitPriceSet), Discount: amt(l.TotalDiscountSet), RequiresShipping: l.RequiresShipping == nil || *l.RequiresShipping,
			FulfillmentStatus: "pending"}
		if l.UnfulfilledQuantity != nil && *l.UnfulfilledQuantity == 0 && l.Quantity > 0 {
			li.FulfillmentStatus = "fulfilled"
		}
		if l.Variant != nil {
			li.CompareAtPrice = connector.Minor(l.Variant.CompareAtPrice, exp)
		}
		d.Lines = append(d.Lines, li)
	}
	for _, f := range o.Fulfillments {
		if f.Status == "CANCELLED" || f.Status == "ERROR" || f.Status == "FAILURE" {
			continue
		}
		if d.FulfillmentStatus == domain.FulfillmentFulfilled && (d.FulfilledAt == nil || f.CreatedAt.After(*d.FulfilledAt)) {
			t := f.CreatedAt.UTC()
			d.FulfilledAt = &t
		}
		for _, ti := range f.TrackingInfo {
			out.Shipments = append(out.Shipments, domain.Shipment{Carrier: ti.Company, TrackingNumber: ti.Number, TrackingURL: ti.URL,
				Status: shipmentStatus(f.DisplayStatus), ShippedAt: f.CreatedAt.UTC(), DeliveredAt: utcPtr(f.DeliveredAt), UpdatedAt: f.UpdatedAt.UTC()})
		}
	}
	out.Customer = orderCustomer(o, d)
	return out
}

// orderCustomer is the buyer as an orders export derives it (the email,
// the billing name, phone and place), so the two paths fill the same blanks.
func orderCustomer(o *order, d *domain.Order) *domain.Customer {
	if d.Email == "" {
		return nil
	}
	c := &domain.Customer{Source: domain.SourceShopify, Email: d.Email, CreatedAt: d.CreatedAt, AcceptsMarketing: d.AcceptsMarketing}
	if o.Customer != nil {
		c.FirstName, c.LastName = o.Customer.FirstName, o.Customer.LastName
		if o.Customer.EmailMarketingConsent.subscribed() {
			c.AcceptsMarketing, d.AcceptsMarketing = true, true
		}
	}
	if c.FirstName == "" && c.LastName == "" {
		name := firstNonEmpty(d.Billing.Name, d.ShippingAddress.Name)
		if i := strings.LastIndex(name, " "); i > 0 {
			c.FirstName, c.LastName = strings.TrimSpace(name[:i]), strings.TrimSpace(name[i+1:])
		} else {
			c.FirstName = name
		}
	}
	c.Phone = firstNonEmpty(o.Phone, d.Billing.Phone, d.ShippingAddress.Phone)
	c.Country = firstNonEmpty(d.Billing.Country, d.ShippingAddress.Country)
	c.City = firstNonEmpty(d.Billing.City, d.ShippingAddress.City)
	return c
}

func fulfillmentStatus(s string) domain.FulfillmentStatus {
	switch s {
	case "FULFILLED":
		return domain.FulfillmentFulfilled
	case "PARTIALLY_FULFILLED":
		return domain.FulfillmentPartial
	case "", "UNFULFILLED", "OPEN", "IN_PROGRESS", "ON_HOLD", "PENDING_FULFILLMENT", "SCHEDULED", "REQUEST_DECLINED", "RESTOCKED":
		return domain.FulfillmentUnfulfilled
	}
	return domain.FulfillmentStatus(strings.ToLower(s))
}

// riskLevel is the highest assessed risk, worded as the orders export does.
func riskLevel(o *order) string {
	if o.Risk == nil {
		return ""
	}
	rank := map[string]int{"NONE": 1, "LOW": 1, "MEDIUM": 2, "HIGH": 3}
	best := 0
	for _, a := range o.Risk.Assessments {
		best = max(best, rank[a.RiskLevel])
	}
	if o.Risk.Recommendation == "CANCEL" {
		best = 3
	} else if o.Risk.Recommendation == "INVESTIGATE" {
		best = max(best, 2)
	}
	return [...]string{"", "Low", "Medium", "High"}[best]
}

// shipmentStatus maps a fulfilment's display status onto the carriers'
// normalised statuses.
func shipmentStatus(s string) domain.ShipmentStatus {
	switch s {
	case "DELIVERED", "PICKED_UP":
		return domain.ShipmentDelivered
	case "OUT_FOR_DELIVERY", "READY_FOR_PICKUP":
		return domain.ShipmentOutForDelivery
	case "IN_TRANSIT", "CONFIRMED", "ATTEMPTED_DELIVERY":
		return domain.ShipmentInTransit
	case "FAILURE", "NOT_DELIVERED", "CANCELED", "LABEL_VOIDED":
		return domain.ShipmentException
	}
	return domain.ShipmentLabelCreated
}

func customerOf(c *customer) domain.Customer {
	out := domain.Customer{Source: domain.SourceShopify, ExternalID: gidNumber(c.ID), Email: strings.TrimSpace(c.Email),
		FirstName: c.FirstName, LastName: c.LastName, Phone: c.Phone, Note: c.Note, Tags: c.Tags, CreatedAt: c.CreatedAt.UTC()}
	if len(out.Tags) == 0 {
		out.Tags = nil
	}
	if c.EmailMarketingConsent.subscribed() {
		out.AcceptsMarketing = true
		out.ConsentAt = utcPtr(c.EmailMarketingConsent.ConsentUpdatedAt)
	}
	if c.SMSMarketingConsent != nil { // given or withdrawn, with the store's date
		out.AcceptsSMS = c.SMSMarketingConsent.subscribed()
		out.SMSConsentAt = utcPtr(c.SMSMarketingConsent.ConsentUpdatedAt)
	}
	if c.DefaultAddress != nil {
		out.City, out.Country = c.DefaultAddress.City, strings.ToUpper(c.DefaultAddress.CountryCode)
	}
	return out
}

type product struct {
	ID          string    `json:"id"`
	Handle      string    `json:"handle"`
	Title       string    `json:"title"`
	Vendor      string    `json:"vendor"`
	ProductType string    `json:"productType"`
	Status      string    `json:"status"`
	Tags        []string  `json:"tags"`
	UpdatedAt   time.Time `json:"updatedAt"`
	Variants    struct {
		Nodes []variant `json:"nodes"`
	} `json:"variants"`
}

type option struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

type variant struct {
	SKU             string   `json:"sku"`
	Title           string   `json:"title"`
	Barcode         string   `json:"barcode"`
	Price           string   `json:"price"`
	CompareAtPrice  string   `json:"compareAtPrice"`
	SelectedOptions []option `json:"selectedOptions"`
	InventoryItem   *struct {
		UnitCost *struct {
			Amount       string `json:"amount"`
			CurrencyCode string `json:"currencyCode"`
		} `json:"unitCost"`
	} `json:"inventoryItem"`
}

// variantKey is a variant's SKU, or the key the importer gives a variant
// without one (the handle and its option values).
func variantKey(sku, handle string, opts []option) (string, bool) {
	if sku = strings.TrimSpace(sku); sku != "" {
		return sku, false
	}
	values := make([]string, 0, len(opts))
	for _, o := range opts {
		values = append(values, o.Value)
	}
	return domain.ShopifyKey(handle, values...), true
}

func productsOf(p *product, currency string) []domain.Product {
	exp := domain.CurrencyDigits(currency)
	var out []domain.Product
	for _, v := range p.Variants.Nodes {
		key, gen := variantKey(v.SKU, p.Handle, v.SelectedOptions)
		title := v.Title
		if title == "Default Title" {
			title = ""
		}
		dp := domain.Product{SKU: key, SKUGenerated: gen, Handle: p.Handle, Title: p.Title, VariantTitle: title, Vendor: p.Vendor,
			Type: p.ProductType, Barcode: v.Barcode, Status: strings.ToLower(p.Status), Tags: p.Tags,
			Price: domain.Money{Amount: connector.Minor(v.Price, exp), Currency: currency}}
		if len(dp.Tags) == 0 {
			dp.Tags = nil
		}
		if v.InventoryItem != nil && v.InventoryItem.UnitCost != nil {
			dp.Cost = domain.Money{Amount: connector.Minor(v.InventoryItem.UnitCost.Amount, exp), Currency: currency}
		}
		out = append(out, dp)
	}
	return out
}

type inventoryItem struct {
	ID        string    `json:"id"` // asked for by the write-back only
	SKU       string    `json:"sku"`
	UpdatedAt time.Time `json:"updatedAt"`
	Tracked   bool      `json:"tracked"`
	Variant   *struct {
		Title           string   `json:"title"`
		SelectedOptions []option `json:"selectedOptions"`
		Product         struct {
			Handle string `json:"handle"`
			Title  string `json:"title"`
			Vendor string `json:"vendor"`
		} `json:"product"`
	} `json:"variant"`
	InventoryLevels struct {
		Nodes []struct {
			UpdatedAt time.Time `json:"updatedAt"`
			Location  struct {
				ID   string `json:"id"` // asked for by the write-back only
				Name string `json:"name"`
			} `json:"location"`
			Quantities []struct {
				Name     string `json:"name"`
				Quantity int    `json:"quantity"`
			} `json:"quantities"`
		} `json:"nodes"`
	} `json:"inventoryLevels"`
}

func stockOf(it *inventoryItem) []connector.Stock {
	if it.Variant == nil {
		return nil
	}
	key, gen := variantKey(it.SKU, it.Variant.Product.Handle, it.Variant.SelectedOptions)
	title := it.Variant.Title
	if title == "Default Title" {
		title = ""
	}
	var out []connector.Stock
	for _, lv := range it.InventoryLevels.Nodes {
		sl := domain.StockLevel{SKU: key, Location: lv.Location.Name, Stocked: true, UpdatedAt: lv.UpdatedAt.UTC()}
		for _, q := range lv.Quantities {
			switch q.Name {
			case "available":
				sl.Available = q.Quantity
			case "on_hand":
				sl.OnHand = q.Quantity
			case "committed":
				sl.Committed = q.Quantity
			case "incoming":
				sl.Incoming = q.Quantity
			}
		}
		out = append(out, connector.Stock{StockLevel: sl, Product: &domain.Product{SKU: key, SKUGenerated: gen,
			Handle: it.Variant.Product.Handle, Title: it.Variant.Product.Title, VariantTitle: title, Vendor: it.Variant.Product.Vendor}})
	}
	return out
}

type checkout struct {
	ID                   string     `json:"id"`
	Name                 string     `json:"name"`
	AbandonedCheckoutURL string     `json:"abandonedCheckoutUrl"`
	CreatedAt            time.Time  `json:"createdAt"`
	UpdatedAt            time.Time  `json:"updatedAt"`
	CompletedAt          *time.Time `json:"completedAt"`
	TotalPriceSet        money      `json:"totalPriceSet"`
	Customer             *customer  `json:"customer"`
	LineItems            struct {
		Nodes []lineItem `json:"nodes"`
	} `json:"lineItems"`
}

// cartOf maps an abandoned checkout as the checkouts export would have it:
// its external id is the checkout's number (the export's Name less "#").
func cartOf(c *checkout) connector.Cart {
	cur := strings.ToUpper(c.TotalPriceSet.ShopMoney.CurrencyCode)
	exp := domain.CurrencyDigits(cur)
	out := connector.Cart{Cart: domain.Cart{Source: domain.SourceShopify, ExternalID: strings.TrimPrefix(c.Name, "#"), Currency: cur,
		Total: connector.Minor(c.TotalPriceSet.ShopMoney.Amount, exp), RecoveryURL: c.AbandonedCheckoutURL,
		CreatedAt: c.CreatedAt.UTC(), UpdatedAt: c.UpdatedAt.UTC(), RecoveredAt: utcPtr(c.CompletedAt)}}
	if out.ExternalID == "" {
		out.ExternalID = gidNumber(c.ID)
	}
	if c.Customer != nil && strings.TrimSpace(c.Customer.Email) != "" {
		out.Email = strings.TrimSpace(c.Customer.Email)
		out.Customer = &domain.Customer{Source: domain.SourceShopify, Email: out.Email, FirstName: c.Customer.FirstName,
			LastName: c.Customer.LastName, CreatedAt: out.CreatedAt}
	}
	for i, l := range c.LineItems.Nodes {
		out.Lines = append(out.Lines, domain.LineItem{Position: i + 1, SKU: strings.TrimSpace(l.SKU), Name: domain.LineName(l.Title, l.VariantTitle),
			Quantity: l.Quantity, Price: connector.Minor(l.OriginalUnitPriceSet.ShopMoney.Amount, exp), RequiresShipping: true})
	}
	return out
}

// gidNumber is the number at the end of a global id
// ("gid://shopify/Customer/207119551" -> "207119551").
func gidNumber(gid string) string {
	if i := strings.LastIndexByte(gid, '/'); i >= 0 {
		return gid[i+1:]
	}
	return gid
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil || t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
