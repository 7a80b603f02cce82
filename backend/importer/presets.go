package importer

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"shopclerk/backend/domain"
)

// PresetName names a known export layout.
type PresetName string

const (
	PresetShopifyOrders    PresetName = "shopify_orders"
	PresetShopifyCheckouts PresetName = "shopify_checkouts"
	PresetShopifyProducts  PresetName = "shopify_products"
	PresetShopifyInventory PresetName = "shopify_inventory"
	PresetShopifyCustomers PresetName = "shopify_customers"
	PresetWooProducts      PresetName = "woocommerce_products"
	PresetWooOrders        PresetName = "woocommerce_orders"
	PresetEtsyOrders       PresetName = "etsy_orders"
	PresetEtsyItems        PresetName = "etsy_order_items"
	PresetAmazonOrders     PresetName = "amazon_orders"
	PresetAmazonInventory  PresetName = "amazon_inventory"
	PresetGeneric          PresetName = "generic"
)

// preset is one export layout: which headers fill which fields, which
// headers prove the layout, and how its rows become records.
type preset struct {
	name   PresetName
	source domain.Source
	kind   Kind
	label  string
	// columns lists, per field, the header names that may fill it
	// (normalised: lower case, single spaces). The first present one wins.
	columns map[Field][]string
	// signature: every group needs one of its names in the header.
	signature [][]string
	// forbid: none of these may be in the header (tells look-alikes apart).
	forbid []string
	// dateOrder is the layout's known order for slashed dates (Etsy writes
	// MM/DD/YY), used when a column's values fit both.
	dateOrder  DateOrder
	newBuilder func(e *env) builder
}

func normHeader(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	return strings.Join(strings.Fields(strings.ToLower(s)), " ")
}

var shopifyOrderColumns = map[Field][]string{
	FOrderID: {"name"}, FOrderName: {"name"}, FEmail: {"email"}, FPhone: {"phone"},
	FFinancialStatus: {"financial status"}, FPaidAt: {"paid at"}, FFulfillmentStatus: {"fulfillment status"},
	FFulfilledAt: {"fulfilled at"}, FAcceptsMarketing: {"accepts marketing"}, FCurrency: {"currency"},
	FSubtotal: {"subtotal"}, FShipping: {"shipping"}, FTaxes: {"taxes"}, FTotal: {"total"},
	FDiscountCode: {"discount code"}, FDiscountAmount: {"discount amount"}, FShippingMethod: {"shipping method"},
	FCreatedAt: {"created at"}, FCancelledAt: {"cancelled at"}, FPaymentMethod: {"payment method"},
	FRefunded: {"refunded amount"}, FTags: {"tags"}, FRiskLevel: {"risk level"}, FNote: {"notes"}, FExternalID: {"id"},
	FLineQuantity: {"lineitem quantity"}, FLineName: {"lineitem name"}, FLinePrice: {"lineitem price"},
	FLineCompareAt: {"lineitem compare at price"}, FLineSKU: {"lineitem sku"},
	FLineRequiresShipping: {"lineitem requires shipping"}, FLineFulfillment: {"lineitem fulfillment status"},
	FLineDiscount: {"lineitem discount"}, FLineVendor: {"vendor"},
	FBillName: {"billing name"}, FBillCompany: {"billing company"}, FBillAddress1: {"billing address1"},
	FBillAddress2: {"billing address2"}, FBillCity: {"billing city"}, FBillZip: {"billing zip"},
	FBillProvince: {"billing province"}, FBillCountry: {"billing country"}, FBillPhone: {"billing phone"},
	FShipName: {"shipping name"}, FShipCompany: {"shipping company"}, FShipAddress1: {"shipping address1"},
	FShipAddress2: {"shipping address2"}, FShipCity: {"shipping city"}, FShipZip: {"shipping zip"},
	FShipProvince: {"shipping province"}, FShipCountry: {"shipping country"}, FShipPhone: {"shipping phone"},
}

var presets = []*preset{
	{
		name: PresetShopifyOrders, source: domain.SourceShopify, kind: KindOrders, label: "Shopify orders export",
		columns:    shopifyOrderColumns,
		signature:  [][]string{{"name"}, {"lineitem name", "lineitem sku"}, {"lineitem quantity"}},
		newBuilder: newShopifyOrders,
	},
	{
		name: PresetShopifyCheckouts, source: domain.SourceShopify, kind: KindCarts, label: "Shopify abandoned checkouts export",
		columns:    shopifyOrderColumns,
		signature:  [][]string{{"name"}, {"lineitem name", "lineitem sku"}, {"lineitem quantity"}},
		newBuilder: newShopifyOrders,
	},
	{
		name: PresetShopifyProducts, source: domain.SourceShopify, kind: KindProducts, label: "Shopify products export",
		columns: map[Field][]string{
			FHandle: {"handle", "url handle"}, FTitle: {"title"}, FSKU: {"variant sku", "sku"},
			FPrice: {"variant price", "price"}, FCost: {"cost per item"}, FBarcode: {"variant barcode", "barcode"},
			FVendor: {"vendor"}, FType: {"type", "custom product type", "product type"}, FTags: {"tags"},
			FStatus: {"status"}, FPublished: {"published", "published on online store"},
			FOption1: {"option1 value"}, FOption2: {"option2 value"}, FOption3: {"option3 value"},
			FAvailable: {"variant inventory qty", "inventory quantity"}, FImageSrc: {"image src", "product image url"},
		},
		signature:  [][]string{{"handle", "url handle"}, {"title"}, {"variant sku", "sku"}, {"variant price", "price"}},
		forbid:     []string{"location"},
		newBuilder: newShopifyProducts,
	},
	{
		name: PresetShopifyInventory, source: domain.SourceShopify, kind: KindInventory, label: "Shopify inventory export",
		columns: map[Field][]string{
			FHandle: {"handle"}, FTitle: {"title"}, FSKU: {"sku"}, FLocation: {"location"},
			FOption1: {"option1 value"}, FOption2: {"option2 value"}, FOption3: {"option3 value"},
			FIncoming: {"incoming (not editable)", "incoming"}, FUnavailable: {"unavailable (not editable)", "unavailable"},
			FCommitted: {"committed (not editable)", "committed"}, FAvailable: {"available (not editable)", "available"},
			FOnHand: {"on hand (current)", "on hand"},
		},
		signature:  [][]string{{"handle"}, {"sku"}, {"location"}, {"available", "available (not editable)"}},
		newBuilder: newShopifyInventory,
	},
	{
		name: PresetShopifyCustomers, source: domain.SourceShopify, kind: KindCustomers, label: "Shopify customers export",
		columns: map[Field][]string{
			FExternalID: {"customer id"}, FFirstName: {"first name"}, FLastName: {"last name"}, FEmail: {"email"},
			FAcceptsMarketing: {"accepts email marketing", "accepts marketing"},
			FAcceptsSMS:       {"accepts sms marketing"},
			FCity:             {"default address city", "city"}, FCountry: {"default address country code", "country code"},
			FZip: {"default address zip", "zip"}, FPhone: {"phone", "default address phone"},
			FTags: {"tags"}, FNote: {"note"}, FTotalSpent: {"total spent"}, FTotalOrders: {"total orders"},
		},
		signature:  [][]string{{"email"}, {"first name"}, {"last name"}, {"total spent"}},
		newBuilder: newCustomers,
	},
	{
		name: PresetWooProducts, source: domain.SourceWooCommerce, kind: KindProducts, label: "WooCommerce products export",
		columns: map[Field][]string{
			FExternalID: {"id"}, FType: {"type"}, FSKU: {"sku"}, FTitle: {"name"}, FPublished: {"published"},
			FPrice: {"regular price"}, FSalePrice: {"sale price"}, FAvailable: {"stock"}, FTags: {"tags"},
			FParent: {"parent"}, FCost: {"cost of goods"}, FBarcode: {"gtin, upc, ean, or isbn"},
		},
		signature:  [][]string{{"sku"}, {"name"}, {"regular price"}, {"type"}},
		newBuilder: newWooProducts,
	},
	{
		name: PresetWooOrders, source: domain.SourceWooCommerce, kind: KindOrders, label: "WooCommerce orders (Analytics) export",
		columns: map[Field][]string{
			FCreatedAt: {"date"}, FOrderID: {"order #"}, FOrderStatus: {"status"}, FFullName: {"customer"},
			FProducts: {"product(s)"}, FDiscountCode: {"coupon(s)"}, FTotal: {"net sales"}, FPaymentMethod: {"payment method"},
		},
		signature:  [][]string{{"order #"}, {"date"}, {"net sales"}, {"product(s)"}},
		newBuilder: newWooOrders,
	},
	{
		name: PresetEtsyOrders, source: domain.SourceEtsy, kind: KindOrders, label: "Etsy sold orders export", dateOrder: DateMDY,
		columns: map[Field][]string{
			FCreatedAt: {"sale date"}, FOrderID: {"order id"}, FBuyerID: {"buyer user id"}, FFullName: {"full name"},
			FFirstName: {"first name"}, FLastName: {"last name"}, FPaymentMethod: {"payment method"},
			FFulfilledAt: {"date shipped", "date posted"}, FShipAddress1: {"street 1"}, FShipAddress2: {"street 2"},
			FShipCity: {"ship city", "delivery city"}, FShipProvince: {"ship state", "delivery state"},
			FShipZip: {"ship zipcode", "delivery zipcode"}, FShipCountry: {"ship country", "delivery country"},
			FCurrency: {"currency"}, FSubtotal: {"order value"}, FDiscountCode: {"coupon code"},
			FDiscountAmount: {"discount amount"}, FShipping: {"shipping", "delivery"}, FTaxes: {"sales tax"},
			FTotal: {"order total"}, FOrderStatus: {"status"}, FSKU: {"sku"},
		},
		signature:  [][]string{{"sale date"}, {"order id"}, {"number of items"}, {"order total", "order value"}},
		newBuilder: newEtsyOrders,
	},
	{
		name: PresetEtsyItems, source: domain.SourceEtsy, kind: KindOrders, label: "Etsy sold order items export", dateOrder: DateMDY,
		columns: map[Field][]string{
			FCreatedAt: {"sale date"}, FLineName: {"item name"}, FFullName: {"buyer"}, FLineQuantity: {"quantity"},
			FLinePrice: {"price"}, FDiscountCode: {"coupon code"}, FLineDiscount: {"discount amount"},
			FShipping: {"order shipping", "order delivery"}, FTaxes: {"order sales tax"}, FLineTotal: {"item total"},
			FCurrency: {"currency"}, FExternalID: {"transaction id"}, FPaidAt: {"date paid"},
			FFulfilledAt: {"date shipped", "date posted"}, FShipName: {"ship name", "delivery name"},
			FShipAddress1: {"ship address1", "delivery address1"}, FShipAddress2: {"ship address2", "delivery address2"},
			FShipCity: {"ship city", "delivery city"}, FShipProvince: {"ship state", "delivery state"},
			FShipZip: {"ship zipcode", "delivery zipcode"}, FShipCountry: {"ship country", "delivery country"},
			FOrderID: {"order id"}, FLineSKU: {"sku"}, FOption1: {"variations"},
		},
		signature:  [][]string{{"order id"}, {"transaction id"}, {"item name"}},
		newBuilder: newEtsyItems,
	},
	{
		name: PresetAmazonOrders, source: domain.SourceAmazon, kind: KindOrders, label: "Amazon order report",
		columns: map[Field][]string{
			FOrderID: {"order-id", "amazon-order-id"}, FCreatedAt: {"purchase-date"}, FPaidAt: {"payments-date"},
			FEmail: {"buyer-email"}, FFullName: {"buyer-name"}, FPhone: {"buyer-phone-number"},
			FLineSKU: {"sku"}, FLineName: {"product-name"}, FLineQuantity: {"quantity-purchased", "quantity"},
			FCurrency: {"currency"}, FLineTotal: {"item-price"}, FLineTax: {"item-tax"}, FLineShipping: {"shipping-price"},
			FLineDiscount: {"item-promotion-discount"}, FShippingMethod: {"ship-service-level"},
			FShipName: {"recipient-name"}, FShipAddress1: {"ship-address-1"}, FShipAddress2: {"ship-address-2"},
			FShipCity: {"ship-city"}, FShipProvince: {"ship-state"}, FShipZip: {"ship-postal-code"},
			FShipCountry: {"ship-country"}, FShipPhone: {"ship-phone-number"}, FOrderStatus: {"order-status"},
			FLineFulfillment: {"item-status"},
		},
		signature:  [][]string{{"order-id", "amazon-order-id"}, {"sku"}, {"purchase-date"}},
		newBuilder: newAmazonOrders,
	},
	{
		name: PresetAmazonInventory, source: domain.SourceAmazon, kind: KindInventory, label: "Amazon inventory report",
		columns: map[Field][]string{
			FSKU: {"seller-sku", "sku"}, FTitle: {"item-name", "product-name"}, FPrice: {"price", "your-price"},
			FAvailable: {"quantity", "mfn-fulfillable-quantity"}, FAFNAvailable: {"afn-fulfillable-quantity"},
			FStatus: {"status"}, FFulfillChan: {"fulfillment-channel"}, FCreatedAt: {"open-date"},
		},
		signature:  [][]string{{"seller-sku", "sku"}, {"item-name", "product-name"}, {"quantity", "afn-fulfillable-quantity", "mfn-fulfillable-quantity"}},
		forbid:     []string{"order-id", "amazon-order-id"},
		newBuilder: newAmazonInventory,
	},
}

func presetByName(n PresetName) *preset {
	for _, p := range presets {
		if p.name == n {
			return p
		}
	}
	return nil
}

// PresetNames lists the presets the CLI's --preset accepts.
func PresetNames() []string {
	out := []string{string(PresetGeneric)}
	for _, p := range presets {
		out = append(out, string(p.name))
	}
	sort.Strings(out)
	return out
}

// binding ties a preset's fields to the columns of one file.
type binding struct {
	preset  *preset
	idx     map[Field]int
	columns []string
}

func (b *binding) has(f Field) bool { _, ok := b.idx[f]; return ok }

// bind finds each field's column by name. Names are compared normalised.
func bind(p *preset, header []string) *binding {
	pos := map[string]int{}
	for i, h := range header {
		if n := normHeader(h); n != "" {
			if _, dup := pos[n]; !dup {
				pos[n] = i
			}
		}
	}
	b := &binding{preset: p, idx: map[Field]int{}, columns: header}
	for f, names := range p.columns {
		for _, n := range names {
			if i, ok := pos[n]; ok {
				b.idx[f] = i
				break
			}
		}
	}
	return b
}

// matches says whether the header proves this preset.
func (p *preset) matches(header map[string]bool) bool {
	for _, f := range p.forbid {
		if header[f] {
			return false
		}
	}
	if len(p.signature) == 0 {
		return false
	}
	for _, group := range p.signature {
		ok := false
		for _, n := range group {
			if header[n] {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// detect picks the preset whose signature the header holds and that binds
// the most columns. Shopify orders and abandoned checkouts share a header;
// the rows tell them apart (see isCheckouts).
func detect(header []string, fileName string, sample [][]string) *binding {
	set := map[string]bool{}
	for _, h := range header {
		set[normHeader(h)] = true
	}
	var best *binding
	for _, p := range presets {
		if p.name == PresetShopifyCheckouts || !p.matches(set) {
			continue
		}
		b := bind(p, header)
		if best == nil || len(b.idx) > len(best.idx) {
			best = b
		}
	}
	if best != nil && best.preset.name == PresetShopifyOrders && isCheckouts(best, fileName, sample) {
		best = bind(presetByName(PresetShopifyCheckouts), header)
	}
	return best
}

// isCheckouts: Shopify's abandoned-checkout export has the orders header,
// but its Name is "#<checkout id>" equal to Id and it has no payment status.
func isCheckouts(b *binding, fileName string, sample [][]string) bool {
	if strings.Contains(strings.ToLower(fileName), "checkout") {
		return true
	}
	seen := 0
	for _, rec := range sample {
		name := cellAt(rec, b, FOrderName)
		id := cellAt(rec, b, FExternalID)
		if name == "" || id == "" {
			continue
		}
		if cellAt(rec, b, FFinancialStatus) != "" || strings.TrimPrefix(name, "#") != id {
			return false
		}
		seen++
	}
	return seen > 0
}

func cellAt(rec []string, b *binding, f Field) string {
	i, ok := b.idx[f]
	if !ok || i >= len(rec) {
		return ""
	}
	return cleanCell(rec[i])
}

// headerHash identifies a header set, so a mapping made once is offered
// again for the next export with the same columns (in any order).
func headerHash(header []string) string {
	names := make([]string, 0, len(header))
	for _, h := range header {
		if n := normHeader(h); n != "" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	sum := sha256.Sum256([]byte(strings.Join(names, "\x00")))
	return hex.EncodeToString(sum[:16])
}

// genericBinding binds a seller's mapping. Unknown columns are an error the
// mapping editor shows.
func genericBinding(kind Kind, m Mapping, header []string) (*binding, error) {
	fields, ok := genericFields[kind]
	if !ok {
		return nil, domain.Errorf(domain.CodeInvalid, "Choose what the file holds (orders, products, inventory, customers or carts) before mapping its columns.")
	}
	p := &preset{name: PresetGeneric, source: domain.SourceManual, kind: kind, label: "Mapped " + string(kind) + " file", columns: map[Field][]string{}}
	for f, col := range m {
		if col == "" {
			continue
		}
		p.columns[f] = []string{normHeader(col)}
	}
	b := bind(p, header)
	for f, col := range m {
		if col != "" && !b.has(f) {
			return nil, domain.Errorf(domain.CodeInvalid, "The mapping uses a column %q that this file does not have.", col)
		}
	}
	for _, fi := range fields {
		if fi.Required && !b.has(fi.Field) {
			return nil, domain.Errorf(domain.CodeInvalid, "Map a column to %q: Shopclerk needs it for %s.", fi.Label, kind)
		}
	}
	p.newBuilder = genericBuilder(kind)
	return b, nil
}

// duplicateColumn returns a seller-facing message when a header repeats a
// name: we match by name, so two columns of one name cannot be told apart.
func duplicateColumn(header []string) string {
	seen := map[string]int{}
	for i, h := range header {
		n := normHeader(h)
		if n == "" {
			continue
		}
		if j, ok := seen[n]; ok {
			return fmt.Sprintf("The column %q appears twice (columns %d and %d). Shopclerk matches columns by name, so rename or delete one and import again.", strings.TrimSpace(h), j+1, i+1)
		}
		seen[n] = i
	}
	return ""
}
