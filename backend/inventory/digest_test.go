package inventory

import (
	"context"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/mail"
	"shopclerk/backend/store/outboxdb"
)

func TestDigestOncePerShopDay(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, testNow)
	seedShop(t, st, "orders@potter.test")
	st.SetSetting(ctx, domain.SettingTimeZone, "Europe/Berlin")
	opt := DigestOptions{To: "Ann@Clay.test", ToName: "Ann", ShopName: "Clay Shop", Renderer: &mail.Templates{}}
	count := func() int {
		t.Helper()
		msgs, err := outboxdb.New(st.Store).ListMessages(ctx, "", 100, 0)
		if err != nil {
			t.Fatal(err)
		}
		return len(msgs)
	}

	svc := New(st, clock.Fixed{T: testNow}, nil)
	dry := opt
	dry.DryRun = true
	d, err := svc.SendDigest(ctx, dry)
	if err != nil || d.Queued || !d.Sendable || d.Skipped != "dry run" || count() != 0 {
		t.Fatalf("dry run: %+v %v, %d messages", d, err, count())
	}
	// MUG: 10 left, sells 3 a day, 12 days' lead time: it sells out first.
	if len(d.AtRisk) != 2 || d.AtRisk[0].SKU != "MUG" || d.AtRisk[1].SKU != "ORPHAN" {
		t.Fatalf("at risk: %+v", d.AtRisk)
	}
	mug := d.AtRisk[0]
	if !strings.HasPrefix(mug.Why, "10 units left, about 3.3 days of stock; the next delivery can arrive in 12 days; sells about 3 a day") {
		t.Errorf("MUG why: %q", mug.Why)
	}
	if !strings.Contains(d.AtRisk[1].Why, "no supplier linked") {
		t.Errorf("ORPHAN why: %q", d.AtRisk[1].Why)
	}
	for _, it := range append(d.AtRisk, d.Low...) {
		if it.SKU == "PLATE" {
			t.Errorf("PLATE has 200 days of stock: %+v", it)
		}
	}

	first, err := svc.SendDigest(ctx, opt)
	if err != nil || !first.Queued || first.Day != "2026-03-01" || count() != 1 {
		t.Fatalf("first send: %+v %v", first, err)
	}
	m, err := outboxdb.New(st.Store).GetMessage(ctx, first.OutboxID)
	if err != nil {
		t.Fatal(err)
	}
	if m.ToAddr != "ann@clay.test" || m.Kind != domain.KindTransactional || m.Status != domain.MsgQueued ||
		m.LedgerKey != "inventory.digest:2026-03-01" || m.Template != DigestTemplate {
		t.Errorf("message: %+v", m)
	}
	if m.Subject != "Low stock 2026-03-01: 2 at risk of selling out" || !strings.Contains(m.HTML, "Mug =cheap") ||
		!strings.Contains(m.Text, "MUG") || !strings.Contains(m.HTML, "Clay Shop") {
		t.Errorf("rendered: %q\n%s", m.Subject, m.Text)
	}

	// Later the same shop day (23:30 in Berlin is still 1 March): no second email.
	later := New(st, clock.Fixed{T: time.Date(2026, 3, 1, 22, 30, 0, 0, time.UTC)}, nil)
	again, err := later.SendDigest(ctx, opt)
	if err != nil || again.Queued || !again.AlreadySent || again.OutboxID != first.OutboxID || count() != 1 {
		t.Fatalf("same day: %+v %v, %d messages", again, err, count())
	}
	// The next shop day (00:30 Berlin on 2 March) gets its own digest.
	next := New(st, clock.Fixed{T: time.Date(2026, 3, 1, 23, 30, 0, 0, time.UTC)}, nil)
	d2, err := next.SendDigest(ctx, opt)
	if err != nil || !d2.Queued || d2.Day != "2026-03-02" || count() != 2 {
		t.Fatalf("next day: %+v %v, %d messages", d2, err, count())
	}
	if dd, err := next.SendDigest(ctx, dry); err != nil || !dd.AlreadySent || dd.Sendable || count() != 2 {
		t.Fatalf("dry run after the send: %+v %v", dd, err)
	}
}

func TestDigestNeedsAnAddressAndSomethingLow(t *testing.T) {
	ctx := context.Background()
	st := openStore(t, testNow)
	seedShop(t, st, "orders@potter.test")
	svc := New(st, clock.Fixed{T: testNow}, nil)
	if _, err := svc.SendDigest(ctx, DigestOptions{}); err == nil {
		t.Fatal("a digest without the seller's address must fail")
	}
	if d, err := svc.SendDigest(ctx, DigestOptions{DryRun: true}); err != nil || d.Empty() || d.Queued || d.Sendable {
		t.Fatalf("dry run without an account: %+v %v", d, err)
	}
	// Snoozed SKUs stay out; with everything snoozed there is nothing to send.
	until := testNow.AddDate(0, 0, 7)
	for _, sku := range []string{"MUG", "PLATE", "ORPHAN"} {
		if err := st.SetSKUPolicy(ctx, domain.SKUPolicy{SKU: sku, SnoozeUntil: &until}); err != nil {
			t.Fatal(err)
		}
	}
	d, err := svc.SendDigest(ctx, DigestOptions{To: "ann@clay.test"})
	if err != nil || !d.Empty() || d.Queued || d.Skipped != "nothing is low" {
		t.Fatalf("all snoozed: %+v %v", d, err)
	}
}
