package rules

import (
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/store/importdb"
)

// testShop is a shop the seller has described in Settings > Shop.
var testShop = domain.ShopIdentity{Name: "Ann's Pottery", Email: "shop@example.com", Website: "https://shop.example.com",
	Currency: "EUR", TimeZone: "UTC"}

// A cart reminder's button goes to the store's recovery link, else to the
// shop's cart built from its web address; with neither, the email is shown
// but cannot run, and the preview says why. Before, a cart without a link
// (every cart of a Shopify checkouts export) got "Finish your order ()".
func TestCartReminderButtonHasSomewhereToGo(t *testing.T) {
	for _, c := range []struct {
		name, recovery, website, link, problem string
	}{
		{"the store's recovery link", "https://clay.test/c/abc/recover", "https://clay.test", "https://clay.test/c/abc/recover", ""},
		{"the shop's cart", "", "https://clay.test", "https://clay.test/cart", ""},
		{"neither", "", "", "", email.NoCartLink},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := newShop(t)
			id := testShop
			id.Website = c.website
			if _, err := s.st.SetShop(s.ctx, id); err != nil {
				t.Fatal(err)
			}
			flow := s.template("cart_abandoned")
			carl := cust("carl@example.com", "Carl", "DE", true)
			cr := cart("c-carl", carl.Email, t0.Add(-2*time.Hour))
			cr.RecoveryURL = c.recovery
			s.write(func(w *importdb.Writer) error { return w.UpsertCart(cr, &carl) })
			items := flowItems(s.plan(t0), flow)
			if len(items) != 1 || items[0].Email == nil {
				t.Fatalf("items %+v", items)
			}
			it := items[0]
			if it.Problem != c.problem {
				t.Fatalf("problem %q, want %q", it.Problem, c.problem)
			}
			if c.link != "" && (strings.Contains(it.Email.Text, "()") || strings.Contains(it.Email.HTML, `href=""`)) {
				t.Errorf("a dead button:\n%s", it.Email.Text)
			}
			if c.link != "" && !strings.Contains(it.Email.Text, "Finish your order ("+c.link+")") {
				t.Errorf("the button does not go to %s:\n%s", c.link, it.Email.Text)
			}
			if c.problem != "" && len(s.plan(t0).ApprovableKeys()) != 0 {
				t.Error("a reminder with a dead button can be approved")
			}
		})
	}
}

// A shop not named yet signs no email: "our shop" used to stand in.
func TestEmailsWaitForTheShopsName(t *testing.T) {
	s := newShop(t)
	if _, err := s.st.SetShop(s.ctx, domain.ShopIdentity{}); err == nil {
		t.Fatal("an identity without a name was saved")
	}
	if err := s.st.SetSetting(s.ctx, domain.SettingShopName, ""); err != nil {
		t.Fatal(err)
	}
	flow := s.template("cart_abandoned")
	carl := cust("carl@example.com", "Carl", "DE", true)
	s.write(func(w *importdb.Writer) error {
		return w.UpsertCart(cart("c-carl", carl.Email, t0.Add(-2*time.Hour)), &carl)
	})
	items := flowItems(s.plan(t0), flow)
	if len(items) != 1 || items[0].Email == nil || items[0].Problem != email.NoShopName {
		t.Fatalf("got %+v", items)
	}
	for _, bad := range []string{"our shop", "Your shop", "Demo shop"} {
		if strings.Contains(items[0].Email.HTML, bad) {
			t.Errorf("placeholder %q in the email", bad)
		}
	}
}
