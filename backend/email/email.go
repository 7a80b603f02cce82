// Package email is what every email Shopclerk writes shares, whoever sends
// it: the automations' customer emails (rules), the designed templates and
// the outbox (mail), the purchase orders and stock digests to the seller and
// suppliers (inventory). It holds the data a template sees, the built-in
// templates and the layout of every email, the template functions, the
// plain-text version of an HTML body, the seller-facing wording of a
// template mistake, and the money and date formats.
//
// It sits below rules, mail and inventory and imports only domain: those
// three each render emails, and before this package they did it through
// rules, which put the automation engine beneath the outbox and the
// purchase orders.
package email

import (
	"strings"

	"shopclerk/backend/domain"
)

// Data is what an email template can use: {{.Customer.FirstName}},
// {{range .Order.Lines}}…{{end}}, {{.Coupon.Code}}, {{.Vars.headline}}.
// Amounts are preformatted strings with their currency.
type Data struct {
	Shop     Shop
	Customer Customer
	Order    Order
	Cart     Cart
	Shipment Shipment
	Coupon   Coupon
	Product  Product
	// PurchaseOrder is set in the emails to suppliers only.
	PurchaseOrder PurchaseOrder
	Vars          map[string]string
}

// Shop is the shop as its emails show it: the name heads and signs every
// email, the rest is the footer (the sender's address that the law of many
// countries asks for in marketing mail). ShopOf fills it from the seller's
// Settings > Shop.
type Shop struct {
	Name  string
	Email string
	// Lang is the language the shop writes to its customers in ("de"):
	// the emails' <html lang>. Empty until the shop has a language
	// setting, which is English.
	Lang      string
	LegalName string
	Address   []string
	Phone     string
	Website   string
	VATNumber string
	// Logo: the shop has a logo mail clients show (PNG, JPEG or GIF; no
	// SVG, which Gmail and Outlook do not draw). It heads the email as an
	// inline image (LogoCID), which the mail package embeds when it sends.
	Logo bool
}

// ShopOf is the shop's identity as emails show it.
func ShopOf(id domain.ShopIdentity) Shop {
	return Shop{Name: id.Name, Email: id.Email, Lang: id.Language, LegalName: id.LegalName, Address: id.AddressLines(),
		Phone: id.Phone, Website: id.Website, VATNumber: id.VATNumber, Logo: EmailLogoType(id.Logo)}
}

// NoShopName is why an email cannot go before the seller has named the
// shop: it would have no name to sign with (and a placeholder such as
// "Your shop" must never reach a customer).
const NoShopName = "your shop has no name yet: fill in Settings > Shop, then the emails can be signed with it"

// Customer is the recipient.
type Customer struct {
	FirstName string
	LastName  string
	Email     string
	Country   string
}

// Line is one order or cart line.
type Line struct {
	Name     string
	SKU      string
	Quantity int
	Price    string
	Total    string
}

// Order is the order the email is about.
type Order struct {
	Name            string
	Lines           []Line
	Subtotal        string
	Shipping        string
	Taxes           string
	Discount        string
	Total           string
	ShippingAddress []string
	BillingAddress  []string
	CreatedOn       string
}

// Cart is the abandoned checkout.
type Cart struct {
	Lines       []Line
	Total       string
	RecoveryURL string
}

// Shipment is the parcel.
type Shipment struct {
	Carrier        string
	TrackingNumber string
	TrackingURL    string
	Status         string
	// Parcel says which of the order's parcels this is ("parcel 2 of 3");
	// empty when the order has one.
	Parcel      string
	LastEvent   string // the carrier's own words, last
	LastEventOn string // when, in the shop's time zone
	CarrierHelp string // the carrier's page to call or claim
}

// Coupon is the coupon issued earlier in the sequence. Before the run
// issues it, Code shows a placeholder.
type Coupon struct {
	Code        string
	Description string
	ExpiresOn   string
}

// Product is the SKU of a stock flow.
type Product struct {
	SKU   string
	Title string
}

// UsesPurchaseOrder says whether a template uses .PurchaseOrder, which only
// the purchase order email to a supplier is given: anywhere else it would
// print blanks to a customer.
func UsesPurchaseOrder(tp Template) bool {
	return strings.Contains(tp.Subject+tp.HTML+tp.Text, ".PurchaseOrder")
}

// NoPurchaseOrder is the problem of an email other than the purchase order
// that uses .PurchaseOrder.
const NoPurchaseOrder = "the email uses .PurchaseOrder, which only the purchase order email to a supplier is given"

// PurchaseOrder is the purchase order a supplier's email is about.
// Its lines' SKU is the supplier's code for the item where one is known.
type PurchaseOrder struct {
	Number   string
	Supplier string
	Lines    []Line
	Total    string
	Note     string
}

// Template is a subject and an HTML body in Go template syntax.
type Template struct {
	Name    string `json:"name"`
	Subject string `json:"subject"`
	HTML    string `json:"html"`
	// Text is an optional plain-text version of HTML (the seller's own);
	// empty means the renderer derives the plain-text part from HTML.
	Text string `json:"text,omitempty"`
	// Lang is the language a built-in template is written in when it is
	// not the shop's ("de" for onboarding_de); see Language.
	Lang string `json:"lang,omitempty"`
}

// Rendered is an email as the customer will see it.
type Rendered struct {
	Template string `json:"template"`
	Subject  string `json:"subject"`
	HTML     string `json:"html"`
	Text     string `json:"text"`
}

// SettingShopEmail is the settings key of the shop's own address: the
// footer of every email, and the domain of Message-IDs before there is a
// mail account.
const SettingShopEmail = domain.SettingShopEmail
