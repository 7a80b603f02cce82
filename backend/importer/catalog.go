package importer

import (
	"strings"

	"shopclerk/backend/domain"
)

// shopifyProducts: rows are grouped by Handle; the first row of a handle
// carries the product fields, the next ones variants or images only.
type shopifyProducts struct {
	e      *env
	handle string
	first  domain.Product
	gen    genKeys
}

var _ builder = (*shopifyProducts)(nil)

func newShopifyProducts(e *env) builder { return &shopifyProducts{e: e} }

func (b *shopifyProducts) row(r *rowCtx) {
	handle := r.str(FHandle)
	if handle != b.handle || handle == "" {
		b.handle = handle
		b.first = domain.Product{Handle: handle, Title: r.str(FTitle), Vendor: r.str(FVendor), Type: r.str(FType),
			Tags: splitTags(r.str(FTags)), Status: productStatus(r)}
	}
	sku, price := own(r.str(FSKU)), r.str(FPrice)
	o1, o2, o3 := r.str(FOption1), r.str(FOption2), r.str(FOption3)
	if sku == "" && price == "" && o1 == "" {
		return // an image-only row
	}
	sku, generated, former, ok := r.e.keys.variantKey(sku, handle, func() string { return shopifyKey(handle, o1, o2, o3) })
	if !ok {
		r.rejectAt(FSKU, "", "this variant has neither a SKU nor a Handle, so Shopclerk cannot tell it from other variants; give it a SKU in your store and export again")
		return
	}
	cur := r.e.opts.currency()
	exp := domain.CurrencyDigits(cur)
	p := b.first
	p.SKU, p.SKUGenerated = sku, generated
	p.VariantTitle = variantTitle(o1, o2, o3)
	p.Barcode = r.str(FBarcode)
	p.Price = domain.Money{Amount: r.money(FPrice, exp), Currency: cur}
	p.Cost = domain.Money{Amount: r.money(FCost, exp), Currency: cur}
	if !r.bad {
		if generated {
			b.gen.add(r, sku)
		}
		r.e.emit(Record{Row: r.num, Product: &p, takeOver: former})
	}
}

func productStatus(r *rowCtx) string {
	if s := strings.ToLower(r.str(FStatus)); s != "" {
		return s
	}
	if r.e.b.has(FPublished) {
		switch strings.ToLower(r.str(FPublished)) {
		case "false", "0", "-1", "2":
			return "draft"
		}
	}
	return "active"
}

func variantTitle(opts ...string) string {
	var parts []string
	for _, o := range opts {
		if o != "" && o != "Default Title" {
			parts = append(parts, o)
		}
	}
	return strings.Join(parts, " / ")
}

// stockRow builds stock levels. Shopify writes "not stocked" where a SKU is
// not carried at a location; that is a state, not a zero.
type stockRow struct {
	e        *env
	location string
	gen      genKeys
}

var _ builder = (*stockRow)(nil)

func newShopifyInventory(e *env) builder { return &stockRow{e: e} }

func (b *stockRow) row(r *rowCtx) {
	sku, handle := own(r.str(FSKU)), r.str(FHandle)
	o1, o2, o3 := r.str(FOption1), r.str(FOption2), r.str(FOption3)
	sku, generated, former, ok := r.e.keys.variantKey(sku, handle, func() string { return shopifyKey(handle, o1, o2, o3) })
	if !ok {
		r.rejectAt(FSKU, "", "has no SKU; Shopclerk tracks stock by SKU, so give this variant one in your store and export again")
		return
	}
	loc := firstNonEmpty(r.str(FLocation), b.location, "Default")
	l := domain.StockLevel{SKU: sku, Location: loc, Stocked: true}
	for _, q := range []struct {
		f   Field
		dst *int
	}{{FAvailable, &l.Available}, {FOnHand, &l.OnHand}, {FCommitted, &l.Committed}, {FIncoming, &l.Incoming}} {
		s := strings.ToLower(r.str(q.f))
		if s == "not stocked" {
			l.Stocked = false
			continue
		}
		*q.dst = r.qty(q.f)
	}
	if !l.Stocked {
		l.Available, l.OnHand, l.Committed, l.Incoming = 0, 0, 0, 0
	}
	if r.bad {
		return
	}
	if generated {
		b.gen.add(r, sku)
	}
	title := domain.LineName(r.str(FTitle), variantTitle(o1, o2, o3))
	r.e.emit(Record{Row: r.num, Stock: &l, Product: &domain.Product{SKU: sku, Title: title, Handle: handle, SKUGenerated: generated}, takeOver: former})
}

func (b *stockRow) end() {
	b.gen.warn(b.e, FSKU, "variant", "handle and options", "your store")
}

// customers: one customer per row, authoritative over what orders derived.
type customers struct{ e *env }

var _ builder = customers{}

func newCustomers(e *env) builder { return customers{e: e} }

func (b customers) row(r *rowCtx) {
	email := strings.ToLower(r.str(FEmail))
	c := domain.Customer{Source: r.e.b.preset.source, ExternalID: r.str(FExternalID),
		FirstName: r.str(FFirstName), LastName: r.str(FLastName), Phone: r.str(FPhone), City: r.str(FCity),
		Country: strings.ToUpper(r.str(FCountry)), Tags: splitTags(r.str(FTags)), Note: r.str(FNote)}
	if r.e.b.has(FAcceptsMarketing) {
		c.AcceptsMarketing = r.boolean(FAcceptsMarketing)
	}
	if r.e.b.has(FAcceptsSMS) {
		c.AcceptsSMS = r.boolean(FAcceptsSMS)
	}
	if r.e.b.has(FBirthday) {
		if t := r.date(FBirthday); !t.IsZero() {
			c.Birthday = t.Format("2006-01-02")
		}
	}
	r.zip(FZip, c.Country)
	switch {
	case email != "" && !plainEmail(email) && c.ExternalID == "":
		r.rejectAt(FEmail, email, "is not one plain email address, and the row has no customer id, so the customer cannot be told apart from others")
		return
	case email == "" && c.ExternalID == "":
		r.rejectAt(FEmail, "", "has neither an email nor a customer id, so the customer cannot be told apart from others")
		return
	}
	c.Email = r.emailAt(r.e.ref(FEmail))
	if !r.bad {
		r.e.emit(Record{Row: r.num, Customer: &c})
	}
}

func (b customers) end() {}

func (b *shopifyProducts) end() {
	b.gen.warn(b.e, FSKU, "variant", "handle and options", "your store")
}

// wooProducts: one product or variation per row; Stock feeds the
// "WooCommerce" location when stock is managed.
type wooProducts struct {
	e   *env
	gen genKeys
}

var _ builder = (*wooProducts)(nil)

func newWooProducts(e *env) builder { return &wooProducts{e: e} }

func (b *wooProducts) row(r *rowCtx) {
	sku := own(r.str(FSKU))
	typ := strings.ToLower(r.str(FType))
	id := r.str(FExternalID)
	sku, generated, former, ok := r.e.keys.variantKey(sku, id, func() string { return wooKey(id) })
	if !ok {
		r.rejectAt(FSKU, "", "this product has neither a SKU nor an ID, so Shopclerk cannot tell it from other products; give it a SKU in WooCommerce and export again")
		return
	}
	cur := r.e.opts.currency()
	exp := domain.CurrencyDigits(cur)
	p := domain.Product{SKU: sku, SKUGenerated: generated, Title: r.str(FTitle), Type: typ, Barcode: r.str(FBarcode), Tags: splitTags(r.str(FTags)),
		Status: productStatus(r), Price: domain.Money{Amount: r.money(FPrice, exp), Currency: cur},
		Cost: domain.Money{Amount: r.money(FCost, exp), Currency: cur}}
	if sale := r.money(FSalePrice, exp); sale > 0 {
		p.Price.Amount = sale
	}
	if r.bad {
		return
	}
	if generated {
		b.gen.add(r, sku)
	}
	r.e.emit(Record{Row: r.num, Product: &p, takeOver: former})
	if s := r.str(FAvailable); s != "" {
		n := r.qty(FAvailable)
		if !r.bad {
			// The product rides along so the Writer checks its key again:
			// stock never lands on a product the row's was refused for.
			r.e.emit(Record{Row: r.num, Stock: &domain.StockLevel{SKU: sku, Location: "WooCommerce", Available: n, OnHand: n, Stocked: true}, Product: &p})
		}
	}
}

func (b *wooProducts) end() {
	b.gen.warn(b.e, FSKU, "product", "product ID", "WooCommerce")
}

// amazonInventory: the listings report (seller-sku, quantity) or the FBA
// report (afn-fulfillable-quantity). An FBA listing leaves quantity empty.
type amazonInventory struct{ e *env }

var _ builder = amazonInventory{}

func newAmazonInventory(e *env) builder { return amazonInventory{e: e} }

func (b amazonInventory) row(r *rowCtx) {
	sku := own(r.str(FSKU))
	if sku == "" {
		r.rejectAt(FSKU, "", "has no SKU")
		return
	}
	cur := r.e.opts.currency()
	status := "active"
	if s := strings.ToLower(r.str(FStatus)); s != "" && s != "active" {
		status = "draft"
	}
	p := domain.Product{SKU: sku, Title: r.str(FTitle), Status: status,
		Price: domain.Money{Amount: r.money(FPrice, domain.CurrencyDigits(cur)), Currency: cur}}
	var levels []domain.StockLevel
	if s := r.str(FAvailable); s != "" {
		n := r.qty(FAvailable)
		levels = append(levels, domain.StockLevel{SKU: sku, Location: "Amazon", Available: n, OnHand: n, Stocked: true})
	}
	if s := r.str(FAFNAvailable); s != "" {
		n := r.qty(FAFNAvailable)
		levels = append(levels, domain.StockLevel{SKU: sku, Location: "Amazon FBA", Available: n, OnHand: n, Stocked: true})
	}
	if r.bad {
		return
	}
	r.e.emit(Record{Row: r.num, Product: &p})
	for i := range levels {
		r.e.emit(Record{Row: r.num, Stock: &levels[i], Product: &p})
	}
}

func (b amazonInventory) end() {}
