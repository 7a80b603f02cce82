package importer

// Field is a target a column can fill. Presets bind fields to header names;
// the generic preset lets the seller bind them (Mapping: field -> column).
type Field string

// Mapping binds target fields to source column names.
type Mapping map[Field]string

// Order and cart fields. Line fields repeat on every row of an order.
const (
	FOrderID           Field = "order_id"
	FOrderName         Field = "order_name"
	FEmail             Field = "email"
	FPhone             Field = "phone"
	FCreatedAt         Field = "created_at"
	FPaidAt            Field = "paid_at"
	FFulfilledAt       Field = "fulfilled_at"
	FCancelledAt       Field = "cancelled_at"
	FFinancialStatus   Field = "financial_status"
	FFulfillmentStatus Field = "fulfillment_status"
	FCurrency          Field = "currency"
	FSubtotal          Field = "subtotal"
	FShipping          Field = "shipping"
	FTaxes             Field = "taxes"
	FTotal             Field = "total"
	FDiscountCode      Field = "discount_code"
	FDiscountAmount    Field = "discount_amount"
	FRefunded          Field = "refunded"
	FShippingMethod    Field = "shipping_method"
	FPaymentMethod     Field = "payment_method"
	FRiskLevel         Field = "risk_level"
	FTags              Field = "tags"
	FNote              Field = "note"
	FAcceptsMarketing  Field = "accepts_marketing"
	FAcceptsSMS        Field = "accepts_sms"
	FBuyerID           Field = "buyer_id"
	FFirstName         Field = "first_name"
	FLastName          Field = "last_name"
	FFullName          Field = "full_name"
	FOrderStatus       Field = "order_status"

	FBillName     Field = "billing_name"
	FBillCompany  Field = "billing_company"
	FBillAddress1 Field = "billing_address1"
	FBillAddress2 Field = "billing_address2"
	FBillCity     Field = "billing_city"
	FBillZip      Field = "billing_zip"
	FBillProvince Field = "billing_province"
	FBillCountry  Field = "billing_country"
	FBillPhone    Field = "billing_phone"
	FShipName     Field = "shipping_name"
	FShipCompany  Field = "shipping_company"
	FShipAddress1 Field = "shipping_address1"
	FShipAddress2 Field = "shipping_address2"
	FShipCity     Field = "shipping_city"
	FShipZip      Field = "shipping_zip"
	FShipProvince Field = "shipping_province"
	FShipCountry  Field = "shipping_country"
	FShipPhone    Field = "shipping_phone"

	FLineSKU              Field = "line_sku"
	FLineName             Field = "line_name"
	FLineVendor           Field = "line_vendor"
	FLineQuantity         Field = "line_quantity"
	FLinePrice            Field = "line_price"
	FLineTotal            Field = "line_total" // price of the whole line (Amazon's item-price)
	FLineCompareAt        Field = "line_compare_at_price"
	FLineDiscount         Field = "line_discount"
	FLineRequiresShipping Field = "line_requires_shipping"
	FLineFulfillment      Field = "line_fulfillment_status"
	FLineTax              Field = "line_tax"
	FLineShipping         Field = "line_shipping"
	FProducts             Field = "products" // WooCommerce Analytics "2× Hoodie, 1× Beanie"
)

// Product, stock and customer fields.
const (
	FSKU          Field = "sku"
	FHandle       Field = "handle"
	FTitle        Field = "title"
	FOption1      Field = "option1"
	FOption2      Field = "option2"
	FOption3      Field = "option3"
	FVendor       Field = "vendor"
	FType         Field = "type"
	FBarcode      Field = "barcode"
	FPrice        Field = "price"
	FSalePrice    Field = "sale_price"
	FCost         Field = "cost"
	FStatus       Field = "status"
	FPublished    Field = "published"
	FParent       Field = "parent"
	FImageSrc     Field = "image_src"
	FLocation     Field = "location"
	FOnHand       Field = "on_hand"
	FCommitted    Field = "committed"
	FAvailable    Field = "available"
	FIncoming     Field = "incoming"
	FUnavailable  Field = "unavailable"
	FExternalID   Field = "external_id"
	FCity         Field = "city"
	FCountry      Field = "country"
	FZip          Field = "zip"
	FBirthday     Field = "birthday"
	FTotalOrders  Field = "total_orders"
	FTotalSpent   Field = "total_spent"
	FFulfillChan  Field = "fulfillment_channel"
	FAFNAvailable Field = "afn_fulfillable_quantity"
)

// FieldInfo describes a field for the mapping editor.
type FieldInfo struct {
	Field    Field  `json:"field"`
	Label    string `json:"label"`
	Required bool   `json:"required"`
}

// genericFields are what the mapping editor offers per kind, the required
// ones first.
var genericFields = map[Kind][]FieldInfo{
	KindOrders: {
		{FOrderID, "Order number", true}, {FCreatedAt, "Order date", true},
		{FEmail, "Customer email", false}, {FCurrency, "Currency", false}, {FTotal, "Order total", false},
		{FFinancialStatus, "Payment status", false}, {FFulfillmentStatus, "Fulfilment status", false},
		{FSubtotal, "Subtotal", false}, {FShipping, "Shipping", false}, {FTaxes, "Taxes", false},
		{FDiscountCode, "Discount code", false}, {FDiscountAmount, "Discount amount", false},
		{FLineSKU, "Item SKU", false}, {FLineName, "Item name", false}, {FLineQuantity, "Item quantity", false},
		{FLinePrice, "Item unit price", false}, {FFirstName, "First name", false}, {FLastName, "Last name", false},
		{FShipCountry, "Shipping country", false}, {FShipCity, "Shipping city", false}, {FShipZip, "Shipping postcode", false},
	},
	KindProducts: {
		{FSKU, "SKU", true}, {FTitle, "Title", false}, {FPrice, "Price", false}, {FCost, "Cost", false},
		{FVendor, "Vendor", false}, {FType, "Type", false}, {FBarcode, "Barcode", false}, {FStatus, "Status", false},
		{FAvailable, "Stock quantity", false}, {FCurrency, "Currency", false},
	},
	KindInventory: {
		{FSKU, "SKU", true}, {FAvailable, "Available", true}, {FLocation, "Location", false},
		{FOnHand, "On hand", false}, {FCommitted, "Committed", false}, {FIncoming, "Incoming", false},
	},
	KindCustomers: {
		{FEmail, "Email", true}, {FFirstName, "First name", false}, {FLastName, "Last name", false},
		{FPhone, "Phone", false}, {FCountry, "Country", false}, {FCity, "City", false},
		{FAcceptsMarketing, "Accepts marketing", false}, {FTags, "Tags", false}, {FNote, "Note", false},
		{FBirthday, "Birthday", false}, {FExternalID, "Customer ID", false},
		{FAcceptsSMS, "Accepts SMS marketing", false},
	},
	KindCarts: {
		{FOrderID, "Checkout id", true}, {FCreatedAt, "Date", true}, {FEmail, "Email", false},
		{FCurrency, "Currency", false}, {FTotal, "Total", false}, {FLineSKU, "Item SKU", false},
		{FLineName, "Item name", false}, {FLineQuantity, "Item quantity", false}, {FLinePrice, "Item price", false},
	},
}

// dateFields are parsed as dates, so their columns are scanned for the
// day/month order.
var dateFields = map[Field]bool{
	FCreatedAt: true, FPaidAt: true, FFulfilledAt: true, FCancelledAt: true, FBirthday: true,
}

// codeFields hold identifiers that Excel damages by turning them into
// numbers: scientific notation there is flagged.
var codeFields = map[Field]bool{
	FSKU: true, FLineSKU: true, FBarcode: true, FOrderID: true, FExternalID: true, FBuyerID: true,
	FZip: true, FBillZip: true, FShipZip: true, FPhone: true, FBillPhone: true, FShipPhone: true,
}
