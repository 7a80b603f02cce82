package email

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/domain"
)

// FormatMoney is an amount as an email shows it, the currency code after
// the number: 1234 EUR -> "12.34 EUR". Emails to customers and suppliers,
// the CLI and the plan summaries all print money this way.
func FormatMoney(amount int64, currency string) string {
	return strings.TrimSpace(Decimal(amount, currency) + " " + currency)
}

// Decimal is the number alone, in the currency's own decimals (1234 EUR ->
// "12.34", 5000 UGX -> "5000"), with integer arithmetic only. Spreadsheet
// cells, CSV columns and the purchase order PDF use it: their heading names
// the currency once, and a number without a code stays a number.
func Decimal(amount int64, currency string) string {
	digits := domain.CurrencyDigits(currency)
	sign := ""
	if amount < 0 {
		sign, amount = "-", -amount
	}
	if digits == 0 {
		return sign + strconv.FormatInt(amount, 10)
	}
	scale := int64(1)
	for range digits {
		scale *= 10
	}
	return fmt.Sprintf("%s%d.%0*d", sign, amount/scale, digits, amount%scale)
}

// AddressLines is an address as the lines an email prints, empty parts left out.
func AddressLines(a domain.Address) []string {
	var out []string
	for _, s := range []string{a.Name, a.Company, a.Address1, a.Address2, strings.TrimSpace(a.Zip + " " + a.City), a.Province, a.Country} {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Lines are an order's or a cart's lines with their amounts formatted.
func Lines(lines []domain.LineItem, currency string) []Line {
	out := make([]Line, 0, len(lines))
	for _, l := range lines {
		out = append(out, Line{Name: l.Name, SKU: l.SKU, Quantity: l.Quantity, Price: FormatMoney(l.Price, currency),
			Total: FormatMoney(l.Price*int64(l.Quantity)-l.Discount, currency)})
	}
	return out
}

// OrderIn is an order as email templates show it, its date in loc
// (the shop's zone). The template editor's preview uses it too, so the
// seller sees what the customer will get.
func OrderIn(o domain.Order, loc *time.Location) Order {
	return Order{Name: o.Name, Lines: Lines(o.Lines, o.Currency), Subtotal: FormatMoney(o.Subtotal, o.Currency),
		Shipping: FormatMoney(o.Shipping, o.Currency), Taxes: FormatMoney(o.Taxes, o.Currency),
		Discount: FormatMoney(o.Discount, o.Currency), Total: FormatMoney(o.Total, o.Currency),
		ShippingAddress: AddressLines(o.ShippingAddress), BillingAddress: AddressLines(o.Billing),
		CreatedOn: FormatDate(o.CreatedAt, loc)}
}

// CouponDescription words a coupon's value: "10 % off + free shipping".
func CouponDescription(percent int, amount int64, currency string, free bool) string {
	var parts []string
	if percent > 0 {
		parts = append(parts, fmt.Sprintf("%d %% off", percent))
	}
	if amount > 0 {
		parts = append(parts, FormatMoney(amount, currency)+" off")
	}
	if free {
		parts = append(parts, "free shipping")
	}
	return strings.Join(parts, " + ")
}

// dateLayout is how every email prints a day: "1 March 2026".
const dateLayout = "2 January 2006"

// FormatDate prints t's day in loc (the shop's time zone) as emails show
// it: "1 March 2026".
func FormatDate(t time.Time, loc *time.Location) string {
	return t.In(loc).Format(dateLayout)
}
