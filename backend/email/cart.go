package email

import (
	"net/url"
	"strings"
)

// CartLink is where a cart reminder's button goes: the store's own
// recovery link for that checkout where it gave one (an API, or a
// spreadsheet column that has it), else the shop's cart page built from its
// web address (https://myshop.com/cart; a shop page inside a marketplace,
// such as https://www.etsy.com/shop/ClayCo, is linked as it is, for its
// products). "" when there is neither: the reminder has nowhere to send
// the customer, and is not sent (NoCartLink).
//
// Shopify's checkouts export has no recovery link, so imported carts
// usually take the second way.
func CartLink(recoveryURL string, shop Shop) string {
	if u, ok := webURL(recoveryURL); ok {
		return u.String()
	}
	u, ok := webURL(shop.Website)
	if !ok {
		return ""
	}
	if strings.Trim(u.Path, "/") == "" {
		u.Path, u.RawPath, u.RawQuery, u.Fragment = "/cart", "", "", ""
	}
	return u.String()
}

// webURL parses an http(s) address with a host; anything else (empty, a
// javascript: or relative link from a hostile file) is no link at all.
func webURL(s string) (*url.URL, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, false
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return nil, false
	}
	return u, true
}

// UsesCartLink says whether a template links to the cart
// ({{.Cart.RecoveryURL}}), so an email of it without one would have a dead
// button.
func UsesCartLink(tp Template) bool {
	return strings.Contains(tp.Subject+tp.HTML+tp.Text, ".Cart.RecoveryURL")
}

// UsesCoupon says whether a template shows the sequence's coupon
// ({{.Coupon.Code}} and the like): only such an email must wait for it.
func UsesCoupon(tp Template) bool {
	return strings.Contains(tp.Subject+tp.HTML+tp.Text, ".Coupon.")
}

// NoCartLink is why a cart reminder cannot go: its button would lead nowhere.
const NoCartLink = "this cart has no recovery link from the store and the shop has no web address: " +
	"add your web address in Settings > Shop, and the button links to your shop's cart"
