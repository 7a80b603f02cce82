package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/rules"
	"shopclerk/backend/service"
	"shopclerk/backend/store/rulesdb"
	"shopclerk/backend/store/storetest"
)

// The spend-tier flow's coupons, headless: with the coupon switch on, each
// email that shows a coupon waits (and says why) until `shopclerk sync`
// has made the coupon a discount code in the store; then it may go. A
// store whose app lacks write_discounts keeps the switch off.
func TestCouponEmailsWaitForTheStore(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "shop.db")
	now := time.Date(2025, 4, 9, 12, 0, 0, 0, time.UTC)
	enableFlow(t, db, now, "spend_tiers")
	shop, fixture := cadShop(t)
	// Two big orders paid after the flow was switched on (it skips older ones).
	var orders []map[string]any
	json.Unmarshal(fixture, &orders)
	for i, o := range orders[:2] {
		at := now.Add(time.Duration(i+1) * time.Hour).Format(time.RFC3339)
		o["id"], o["name"] = fmt.Sprintf("gid://shopify/Order/%d", 91000+i), fmt.Sprintf("#%d", 9100+i)
		o["createdAt"], o["processedAt"], o["updatedAt"] = at, at, at
		o["transactions"] = []any{map[string]any{"kind": "SALE", "status": "SUCCESS", "processedAt": at}}
		shop.Put("orders", o)
	}
	now = now.Add(3 * time.Hour)
	pin := []string{"--db", db, "--now", now.Format(time.RFC3339)}
	if code, out := cli(t, shop.Token+"\n", "store", append(pin, "add", "--kind", "shopify", "--url", shop.URL, "--name", "maple", "--token-stdin")...); code != 0 {
		t.Fatalf("store add: %s", out)
	}
	scopes := shop.Shop.Scopes
	shop.Shop.Scopes = []string{"read_orders", "read_customers", "read_products", "read_inventory"}
	if code, out := cli(t, "", "store", append(pin, "writes", "maple", "--coupons", "on")...); code == 0 || !strings.Contains(out, "write_discounts (grant in Shopify admin") {
		t.Fatalf("writes without the scope: exit %d\n%s", code, out)
	}
	shop.Shop.Scopes = scopes
	if code, out := cli(t, "", "store", append(pin, "writes", "maple", "--coupons", "on")...); code != 0 || !strings.Contains(out, "coupons on, stock off") {
		t.Fatalf("writes: exit %d\n%s", code, out)
	}
	if code, out := cli(t, "", "sync", pin...); code != 0 {
		t.Fatalf("sync: %s", out)
	}
	if code, out := cli(t, "", "run", pin...); code != 0 || !strings.Contains(out, "Done 2") {
		t.Fatalf("run: %s", out)
	}

	// The window's graph over the same file: its outbox asks the hold.
	b := service.New(storetest.Open(t, storetest.Path(db), storetest.At(now)), clock.Fixed{T: now}, nil, slog.New(slog.DiscardHandler))
	held := func() (n, coupons int, why string) {
		t.Helper()
		msgs, err := b.Outbox.ListMessages(ctx, domain.MsgQueued, 500, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range msgs {
			full, _ := b.Outbox.GetMessage(ctx, m.ID)
			if !strings.Contains(full.Text, "SC-") {
				continue
			}
			coupons++
			if w, err := b.Mail.Hold(ctx, full); err != nil {
				t.Fatal(err)
			} else if w != "" {
				n, why = n+1, w
			}
		}
		return n, coupons, why
	}
	n, coupons, why := held()
	if coupons == 0 || n != coupons || !strings.Contains(why, "is a discount code in maple") {
		t.Fatalf("before the push: %d of %d coupon emails held (%q)", n, coupons, why)
	}
	b.Store.Close()
	if code, out := cli(t, "", "sync", pin...); code != 0 {
		t.Fatalf("sync (push): %s", out)
	}
	b = service.New(storetest.Open(t, storetest.Path(db), storetest.At(now)), clock.Fixed{T: now}, nil, slog.New(slog.DiscardHandler))
	if n, _, why := held(); n != 0 {
		t.Fatalf("after the push %d coupon emails still held: %s", n, why)
	}
	if len(shop.Discounts()) != coupons {
		t.Errorf("%d discount codes in the store for %d coupon emails", len(shop.Discounts()), coupons)
	}
}

// enableFlow makes the shop at db with a ready-made flow switched on at now.
func enableFlow(t *testing.T, db string, now time.Time, key string) {
	t.Helper()
	ctx := context.Background()
	st := storetest.Open(t, storetest.Path(db), storetest.At(now))
	defer st.Close()
	e := rules.New(rulesdb.New(st), rules.Options{})
	id, err := e.InstallTemplate(ctx, key)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.SetEnabled(ctx, id, true); err != nil {
		t.Fatal(err)
	}
}
