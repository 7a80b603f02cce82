package email

import "testing"

// The cart button goes to the store's recovery link where there is one,
// else to the shop's cart page from its web address (a marketplace shop
// page as it is), else nowhere: "" (and the reminder is not sent).
func TestCartLink(t *testing.T) {
	for _, c := range []struct {
		name, recovery, website, want string
	}{
		{"the store's recovery link", "https://clay.test/123/checkouts/abc/recover?key=9", "https://clay.test", "https://clay.test/123/checkouts/abc/recover?key=9"},
		{"no recovery link: the shop's cart", "", "https://clay.test", "https://clay.test/cart"},
		{"a web address with a slash", "", "https://clay.test/", "https://clay.test/cart"},
		{"a shop page in a marketplace", "", "https://www.etsy.com/shop/ClayCo", "https://www.etsy.com/shop/ClayCo"},
		{"a recovery link that is no web link", "javascript:alert(1)", "https://clay.test", "https://clay.test/cart"},
		{"neither", "", "", ""},
		{"a web address that is none", "", "clay", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := CartLink(c.recovery, Shop{Website: c.website}); got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
	for name, want := range map[string]bool{"cart_reminder": true, "cart_last_chance": true, "winback_news": false} {
		if tp, _ := (Fallback{}).Lookup(name); UsesCartLink(tp) != want {
			t.Errorf("UsesCartLink(%s) = %v", name, !want)
		}
	}
}
