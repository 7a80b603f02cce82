package demo

import (
	"strconv"
	"strings"

	"shopclerk/backend/domain"
)

// checkout writes an abandoned checkout in the orders layout, projected onto
// the checkouts header: no payment, unfulfilled, lines pending.
func (s *csvSink) checkout(cr *cartRec) error {
	c := &cr.c
	o := domain.Order{Name: "#" + c.ExternalID, Email: c.Email, Currency: c.Currency, CreatedAt: c.CreatedAt,
		Subtotal: c.Total, Total: c.Total, FulfillmentStatus: domain.FulfillmentUnfulfilled}
	if cr.cust != nil {
		o.Billing, o.ShippingAddress, o.AcceptsMarketing = cr.cust.addr, cr.cust.addr, cr.cust.c.AcceptsMarketing
	} else if cr.ctry != nil {
		o.ShippingAddress.Country, o.Billing.Country = cr.ctry.code, cr.ctry.code
	}
	for i := range c.Lines {
		l := &c.Lines[i]
		clear(s.row)
		fillLine(s.row, &o, l)
		quote := checkLineQ
		if i == 0 {
			quote = checkQuote
			row := s.row
			row[oc.at("Fulfillment Status")] = string(o.FulfillmentStatus)
			row[oc.at("Accepts Marketing")] = yesNo(o.AcceptsMarketing)
			row[oc.at("Currency")] = o.Currency
			row[oc.at("Subtotal")] = money(o.Subtotal)
			row[oc.at("Shipping")] = money(0)
			row[oc.at("Taxes")] = money(0)
			row[oc.at("Total")] = money(o.Total)
			row[oc.at("Discount Amount")] = money(0)
			if o.Billing.Name != "" {
				fillAddress(row, "Billing", o.Billing)
				fillAddress(row, "Shipping", o.ShippingAddress)
			} else {
				row[oc.at("Shipping Country")] = o.ShippingAddress.Country
			}
			row[oc.at("Id")] = c.ExternalID
			row[oc.at("Source")] = "web"
		}
		for j, from := range checkoutMap {
			s.crow[j] = s.row[from]
		}
		if err := s.checks.row(s.crow, quote); err != nil {
			return err
		}
	}
	return nil
}

// product writes one variant row; the first variant of a handle carries the
// product-level columns.
func (s *csvSink) product(sk *skuGen) error {
	p := &sk.prod
	row := make([]string, len(ProductsHeader))
	set := func(name, v string) { row[pc.at(name)] = v }
	set("Handle", p.Handle)
	if sk.first {
		set("Title", p.Title)
		set("Body (HTML)", "<p>"+p.Title+": made in small batches for the demo shop. Not a real product.</p>")
		set("Vendor", p.Vendor)
		set("Type", p.Type)
		set("Tags", strings.Join(p.Tags, ", "))
		set("Published", strconv.FormatBool(p.Status == "active"))
		set("Gift Card", "false")
		set("Status", p.Status)
		if sk.optName == "" {
			set("Option1 Name", "Title")
		} else {
			set("Option1 Name", sk.optName)
		}
	}
	if sk.optValue == "" {
		set("Option1 Value", "Default Title")
	} else {
		set("Option1 Value", sk.optValue)
	}
	set("Variant SKU", p.SKU)
	set("Variant Grams", strconv.Itoa(sk.grams))
	set("Variant Inventory Tracker", "shopify")
	set("Variant Inventory Policy", "deny")
	set("Variant Fulfillment Service", "manual")
	set("Variant Price", money(p.Price.Amount))
	set("Variant Compare At Price", moneyOrBlank(sk.compare))
	set("Variant Requires Shipping", "true")
	set("Variant Taxable", "true")
	set("Variant Barcode", p.Barcode)
	set("Variant Weight Unit", "g")
	set("Cost per item", money(p.Cost.Amount))
	return s.products.row(row, nil)
}

// stock writes one SKU at one location; "not stocked" where it isn't.
func (s *csvSink) stock(sk *skuGen, l *domain.StockLevel) error {
	p := &sk.prod
	row := make([]string, len(InventoryHeader))
	set := func(name, v string) { row[ic.at(name)] = v }
	set("Handle", p.Handle)
	set("Title", p.Title)
	if sk.optName == "" {
		set("Option1 Name", "Title")
		set("Option1 Value", "Default Title")
	} else {
		set("Option1 Name", sk.optName)
		set("Option1 Value", sk.optValue)
	}
	set("SKU", p.SKU)
	set("Location", l.Location)
	qty := func(n int) string {
		if !l.Stocked {
			return "not stocked"
		}
		return strconv.Itoa(n)
	}
	set("Incoming (not editable)", qty(l.Incoming))
	set("Unavailable (not editable)", qty(0))
	set("Committed (not editable)", qty(l.Committed))
	set("Available (not editable)", qty(l.Available))
	set("On hand (current)", qty(l.OnHand))
	return s.inv.row(row, nil)
}

// finish writes the customers with their final totals, in the order they
// were introduced.
func (s *csvSink) finish(g *generator) error {
	row := make([]string, len(CustomersHeader))
	for _, cg := range g.custs {
		c, a := &cg.c, &cg.addr
		clear(row)
		vals := []string{"'" + c.ExternalID, c.FirstName, c.LastName, c.Email, yesNo(c.AcceptsMarketing), a.Company, a.Address1,
			a.Address2, a.City, a.Province, a.Country, spreadsheetSafe(a.Zip), spreadsheetSafe(a.Phone), "", "no",
			money(cg.spent), strconv.Itoa(cg.orders), c.Note, "no", strings.Join(c.Tags, ", "), c.Birthday}
		copy(row, vals)
		if err := s.customers.row(row, nil); err != nil {
			return err
		}
	}
	return nil
}
