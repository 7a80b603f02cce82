package demo

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"shopclerk/backend/domain"
)

// File names of the Shopify exports the demo writes.
const (
	OrdersCSV    = "orders_export.csv"
	CustomersCSV = "customers_export.csv"
	ProductsCSV  = "products_export.csv"
	InventoryCSV = "inventory_export.csv"
	CheckoutsCSV = "checkouts_export.csv"
)

// OrdersHeader is Shopify's current 79-column orders export (formats.md 1.1).
var OrdersHeader = strings.Split("Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At,Payment References", ",")

// CheckoutsHeader is the 70-column abandoned checkouts export (formats.md 1.6).
var CheckoutsHeader = strings.Split("Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Billing Province Name,Shipping Province Name", ",")

// CustomersHeader is the 2024 customers export plus a birthday metafield
// column, appended the way Shopify appends metafields (formats.md 3).
var CustomersHeader = strings.Split("Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,Default Address Address1,Default Address Address2,Default Address City,Default Address Province Code,Default Address Country Code,Default Address Zip,Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags,Birth date (customer.metafields.facts.birth_date)", ",")

// ProductsHeader is the 2025 products export of a multi-location store
// without markets or metafields (formats.md 2.1): no Variant Inventory Qty.
var ProductsHeader = strings.Split("Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,Option1 Value,Option1 Linked To,Option2 Name,Option2 Value,Option2 Linked To,Option3 Name,Option3 Value,Option3 Linked To,Variant SKU,Variant Grams,Variant Inventory Tracker,Variant Inventory Policy,Variant Fulfillment Service,Variant Price,Variant Compare At Price,Variant Requires Shipping,Variant Taxable,Unit Price Total Measure,Unit Price Total Measure Unit,Unit Price Base Measure,Unit Price Base Measure Unit,Variant Barcode,Image Src,Image Position,Image Alt Text,Gift Card,SEO Title,SEO Description,Google Shopping / Google Product Category,Google Shopping / Gender,Google Shopping / Age Group,Google Shopping / MPN,Google Shopping / Condition,Google Shopping / Custom Product,Google Shopping / Custom Label 0,Google Shopping / Custom Label 1,Google Shopping / Custom Label 2,Google Shopping / Custom Label 3,Google Shopping / Custom Label 4,Variant Image,Variant Weight Unit,Variant Tax Code,Cost per item,Status", ",")

// InventoryHeader is the 2024 inventory export, one row per SKU and location.
var InventoryHeader = strings.Split("Handle,Title,Option1 Name,Option1 Value,Option2 Name,Option2 Value,Option3 Name,Option3 Value,SKU,HS Code,COO,Location,Bin name,Incoming (not editable),Unavailable (not editable),Committed (not editable),Available (not editable),On hand (current),On hand (new)", ",")

// OrderLevelColumns are blank on an order's continuation rows; the others
// (Name, Email, Created at, the Lineitem columns, Vendor, Lineitem discount)
// repeat on every row (formats.md 1.3).
var lineColumns = map[string]bool{"Name": true, "Email": true, "Created at": true, "Lineitem quantity": true, "Lineitem name": true,
	"Lineitem price": true, "Lineitem compare at price": true, "Lineitem sku": true, "Lineitem requires shipping": true,
	"Lineitem taxable": true, "Lineitem fulfillment status": true, "Vendor": true, "Lineitem discount": true}

// IsOrderLevelColumn tells whether an orders-export column appears only on
// the first row of an order.
func IsOrderLevelColumn(name string) bool { return !lineColumns[name] }

var (
	oc          = newColumns(OrdersHeader)
	orderQuote  = quoteMask(OrdersHeader, "Discount Code", "Shipping Method", "Note Attributes", "Tags", "Lineitem sku")
	lineQuote   = quoteMask(OrdersHeader, "Lineitem sku")
	checkoutMap = projection(OrdersHeader, CheckoutsHeader)
	checkQuote  = quoteMask(CheckoutsHeader, "Discount Code", "Shipping Method", "Note Attributes", "Tags", "Lineitem sku")
	checkLineQ  = quoteMask(CheckoutsHeader, "Lineitem sku")
	pc          = newColumns(ProductsHeader)
	ic          = newColumns(InventoryHeader)
)

// projection maps each column of to onto its position in from.
func projection(from, to []string) []int {
	c := newColumns(from)
	out := make([]int, len(to))
	for i, n := range to {
		out[i] = c.at(n)
	}
	return out
}

// csvSink writes the Shopify exports as records arrive; customers are
// written at the end, when their totals are known.
type csvSink struct {
	files                                    []*os.File
	orders, customers, products, inv, checks *csvWriter
	row, crow                                []string
	dir                                      string
}

func newCSVSink(dir string) (*csvSink, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, domain.Wrap(err, domain.CodeInvalid, "Shopclerk cannot create the folder "+dir)
	}
	s := &csvSink{dir: dir, row: make([]string, len(OrdersHeader)), crow: make([]string, len(CheckoutsHeader))}
	open := func(name string, header []string) (*csvWriter, error) {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return nil, domain.Wrap(err, domain.CodeInvalid, "Shopclerk cannot write "+filepath.Join(dir, name))
		}
		s.files = append(s.files, f)
		w := newCSVWriter(f)
		return w, w.row(header, nil)
	}
	var err error
	for _, f := range []struct {
		w      **csvWriter
		name   string
		header []string
	}{{&s.orders, OrdersCSV, OrdersHeader}, {&s.customers, CustomersCSV, CustomersHeader}, {&s.products, ProductsCSV, ProductsHeader},
		{&s.inv, InventoryCSV, InventoryHeader}, {&s.checks, CheckoutsCSV, CheckoutsHeader}} {
		if *f.w, err = open(f.name, f.header); err != nil {
			s.close()
			return nil, err
		}
	}
	return s, nil
}

// close flushes and closes the files; safe on a nil sink and twice.
func (s *csvSink) close() error {
	if s == nil {
		return nil
	}
	var first error
	for _, w := range []*csvWriter{s.orders, s.customers, s.products, s.inv, s.checks} {
		if w != nil {
			if err := w.flush(); err != nil && first == nil {
				first = err
			}
		}
	}
	for _, f := range s.files {
		if err := f.Close(); err != nil && first == nil {
			first = err
		}
	}
	s.files = nil
	if first != nil {
		return domain.Wrap(first, domain.CodeInvalid, "Shopclerk could not write the CSV files in "+s.dir)
	}
	return nil
}

func (s *csvSink) emit(ev event) error {
	switch ev.kind {
	case evOrder:
		return s.order(ev.order)
	case evCart:
		return s.checkout(ev.cart)
	case evProduct:
		return s.product(ev.sku)
	case evStock:
		return s.stock(ev.sku, ev.stock)
	}
	return nil
}

// fillAddress writes an address into the Billing or Shipping block.
func fillAddress(row []string, prefix string, a domain.Address) {
	street := a.Address1
	if a.Address2 != "" {
		street += ", " + a.Address2
	}
	row[oc.at(prefix+" Name")] = a.Name
	row[oc.at(prefix+" Street")] = street
	row[oc.at(prefix+" Address1")] = a.Address1
	row[oc.at(prefix+" Address2")] = a.Address2
	row[oc.at(prefix+" Company")] = a.Company
	row[oc.at(prefix+" City")] = a.City
	row[oc.at(prefix+" Zip")] = spreadsheetSafe(a.Zip)
	row[oc.at(prefix+" Province")] = a.Province
	row[oc.at(prefix+" Country")] = a.Country
	row[oc.at(prefix+" Phone")] = a.Phone
	row[oc.at(prefix+" Province Name")] = provinceName(a.Province)
}

func provinceName(code string) string {
	switch code {
	case "NY":
		return "New York"
	case "IL":
		return "Illinois"
	case "WA":
		return "Washington"
	case "TX":
		return "Texas"
	case "MA":
		return "Massachusetts"
	}
	return ""
}

// fillLine writes the columns every row of an order carries.
func fillLine(row []string, o *domain.Order, l *domain.LineItem) {
	row[oc.at("Name")] = o.Name
	row[oc.at("Email")] = o.Email
	row[oc.at("Created at")] = shopTime(o.CreatedAt)
	row[oc.at("Lineitem quantity")] = strconv.Itoa(l.Quantity)
	row[oc.at("Lineitem name")] = l.Name
	row[oc.at("Lineitem price")] = money(l.Price)
	row[oc.at("Lineitem compare at price")] = moneyOrBlank(l.CompareAtPrice)
	row[oc.at("Lineitem sku")] = l.SKU
	row[oc.at("Lineitem requires shipping")] = strconv.FormatBool(l.RequiresShipping)
	row[oc.at("Lineitem taxable")] = "true"
	row[oc.at("Lineitem fulfillment status")] = l.FulfillmentStatus
	row[oc.at("Vendor")] = l.Vendor
	row[oc.at("Lineitem discount")] = money(l.Discount)
}

// order writes one row per line item; order-level columns on the first only.
func (s *csvSink) order(rec *orderRec) error {
	o := &rec.o
	row := s.row
	for i := range o.Lines {
		clear(row)
		fillLine(row, o, &o.Lines[i])
		if i > 0 {
			if err := s.orders.row(row, lineQuote); err != nil {
				return err
			}
			continue
		}
		s.orderLevel(row, rec)
		if err := s.orders.row(row, orderQuote); err != nil {
			return err
		}
	}
	return nil
}

func (s *csvSink) orderLevel(row []string, rec *orderRec) {
	o := &rec.o
	row[oc.at("Financial Status")] = string(o.FinancialStatus)
	row[oc.at("Paid at")] = shopTimePtr(o.PaidAt)
	row[oc.at("Fulfillment Status")] = string(o.FulfillmentStatus)
	row[oc.at("Fulfilled at")] = shopTimePtr(o.FulfilledAt)
	row[oc.at("Accepts Marketing")] = yesNo(o.AcceptsMarketing)
	row[oc.at("Currency")] = o.Currency
	row[oc.at("Subtotal")] = money(o.Subtotal)
	row[oc.at("Shipping")] = money(o.Shipping)
	row[oc.at("Taxes")] = money(o.Taxes)
	row[oc.at("Total")] = money(o.Total)
	row[oc.at("Discount Code")] = o.DiscountCode
	row[oc.at("Discount Amount")] = money(o.Discount)
	row[oc.at("Shipping Method")] = o.ShippingMethod
	fillAddress(row, "Billing", o.Billing)
	fillAddress(row, "Shipping", o.ShippingAddress)
	row[oc.at("Notes")] = o.Note
	row[oc.at("Cancelled at")] = shopTimePtr(o.CancelledAt)
	row[oc.at("Payment Method")] = o.PaymentMethod
	row[oc.at("Payment Reference")] = rec.payRef
	row[oc.at("Refunded Amount")] = money(o.Refunded)
	outstanding := int64(0)
	if o.FinancialStatus == domain.FinancialPending || o.FinancialStatus == domain.FinancialAuthorized {
		outstanding = o.Total
	}
	row[oc.at("Outstanding Balance")] = money(outstanding)
	row[oc.at("Id")] = strconv.FormatInt(rec.shopID, 10)
	row[oc.at("Tags")] = strings.Join(o.Tags, ", ")
	row[oc.at("Risk Level")] = o.RiskLevel
	row[oc.at("Source")] = "web"
	if rec.vat > 0 {
		row[oc.at("Tax 1 Name")] = o.Billing.Country + " VAT " + strconv.FormatInt(rec.vat, 10) + "%"
		row[oc.at("Tax 1 Value")] = money(o.Taxes)
	}
	row[oc.at("Payment ID")] = rec.payRef
	row[oc.at("Payment References")] = rec.payRef
}
