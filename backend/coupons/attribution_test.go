package coupons_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/couponsdb"
)

// sent records a flow step's ledger row and its email, sent at.
func (f *fixture) sent(flow int64, subject, occ string, step int, at time.Time) {
	key := fmt.Sprintf("%d/%s/%s/%d", flow, subject, occ, step)
	f.exec(`INSERT INTO rule_ledger (key, rule_id, subject, occurrence, step, status, due_at, done_at) VALUES (?, ?, ?, ?, ?, 'done', ?, ?)`,
		key, flow, subject, occ, step, at.Unix(), at.Unix())
	f.exec(`INSERT INTO messages (message_id, kind, to_addr, subject, status, ledger_key, created_at, sent_at) VALUES (?, 'marketing', 'x@example.com', 's', 'sent', ?, ?, ?)`,
		"<"+key+">", key, at.Unix(), at.Unix())
}

var orderN int

func (f *fixture) order(customer int64, email, code string, total int64, at time.Time) {
	orderN++
	f.exec(`INSERT INTO orders (source, external_id, name, email, customer_id, currency, total, discount_code, created_at, updated_at)
		VALUES ('manual', ?, ?, ?, ?, 'EUR', ?, ?, ?, ?)`, fmt.Sprint(orderN), fmt.Sprintf("#%d", 2000+orderN), email, customer, total, code, at.Unix(), at.Unix())
}

// Attribution counts only what the orders prove: a redemption goes to the
// last email before its order, a code someone else used is shared (no
// revenue for the flow), a cart counts once when its customer orders within
// the recovery days after a reminder, and never when the order came later.
func TestAttributionFromOrders(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	ann, bob, cat := f.customer("ann@example.com"), f.customer("bob@example.com"), f.customer("cat@example.com")
	f.exec(`INSERT INTO rules (id, name, definition, created_at, updated_at) VALUES
		(1, 'Win-back', '{"steps":[{"action":"issue_coupon"},{"action":"send_email","subject":"We miss you"},{"action":"wait","days":3},{"action":"send_email","subject":"Last chance"}]}', 0, 0),
		(2, 'Abandoned cart', '{"steps":[{"action":"send_email","template":"cart_reminder"}]}', 0, 0)`)
	day := func(d int) time.Time { return now.AddDate(0, 0, -d) }
	// Ann: coupon, both emails, then she orders with it (lower case).
	annKey := fmt.Sprintf("customer:%d", ann)
	f.issue("1/"+annKey+"/winback:1/0", couponsdb.NewCoupon{CustomerID: ann, PercentOff: 10, FlowID: 1}, fixed("WB-ANN1"))
	f.sent(1, annKey, "winback:1", 1, day(20))
	f.sent(1, annKey, "winback:1", 3, day(17))
	f.order(ann, "ann@example.com", "wb-ann1", 5000, day(16))
	// Bob: coupon and first email; Cat uses his code: shared.
	bobKey := fmt.Sprintf("customer:%d", bob)
	f.issue("1/"+bobKey+"/winback:2/0", couponsdb.NewCoupon{CustomerID: bob, PercentOff: 10, FlowID: 1}, fixed("WB-BOB1"))
	f.sent(1, bobKey, "winback:2", 1, day(20))
	f.order(cat, "cat@example.com", "WB-BOB1", 7000, day(19))
	// Carts: Cat's reminder, then two orders within 7 days (one cart), and
	// Bob's reminder with an order 9 days later (not recovered).
	f.exec(`INSERT INTO carts (id, source, external_id, email, customer_id, currency, total, created_at, updated_at) VALUES
		(10, 'manual', 'c10', 'cat@example.com', ?, 'EUR', 3000, 0, 0), (11, 'manual', 'c11', 'bob@example.com', ?, 'EUR', 3000, 0, 0)`, cat, bob)
	f.sent(2, fmt.Sprintf("customer:%d", cat), "cart:10:idle", 0, day(10))
	f.order(cat, "cat@example.com", "", 3100, day(8))
	f.order(cat, "cat@example.com", "", 900, day(7))
	f.sent(2, bobKey, "cart:11:idle", 0, day(30))
	f.order(bob, "bob@example.com", "", 4000, day(21))

	a, err := f.svc.Attribution(ctx, domain.AttributionFilter{Weeks: 8})
	if err != nil {
		t.Fatal(err)
	}
	if a.Totals.Sent != 5 || a.Totals.Redeemed != 1 || a.Totals.Shared != 1 || a.Totals.CartsRecovered != 1 {
		t.Errorf("totals %+v; want 5 sent, 1 redeemed, 1 shared, 1 cart", a.Totals)
	}
	if len(a.Totals.Revenue) != 1 || a.Totals.Revenue[0] != (domain.Money{Amount: 5000, Currency: "EUR"}) {
		t.Errorf("revenue %v, want 50.00 EUR (the shared order is not the flow's)", a.Totals.Revenue)
	}
	if len(a.Totals.CartRevenue) != 1 || a.Totals.CartRevenue[0].Amount != 3100 {
		t.Errorf("cart revenue %v, want the first order's 31.00", a.Totals.CartRevenue)
	}
	if len(a.Sources) != 2 {
		t.Fatalf("sources %+v", a.Sources)
	}
	wb := a.Sources[0]
	if wb.Name != "Win-back" || wb.Sent != 3 || wb.Redeemed != 1 || wb.Shared != 1 {
		t.Errorf("win-back %+v", wb)
	}
	steps := map[int]domain.AttributionStep{}
	for _, s := range wb.Steps {
		steps[s.Step] = s
	}
	if s := steps[3]; s.Label != "Email 2: Last chance" || s.Redeemed != 1 || s.Sent != 1 {
		t.Errorf("step 3 %+v, want Ann's redemption after the last email", s)
	}
	if s := steps[1]; s.Label != "Email 1: We miss you" || s.Redeemed != 0 || s.Shared != 1 || s.Sent != 2 {
		t.Errorf("step 1 %+v, want the shared one and two sent", s)
	}
	if c := a.Sources[1]; c.Name != "Abandoned cart" || c.CartsRecovered != 1 || c.Sent != 2 {
		t.Errorf("cart flow %+v", c)
	}
	var weekly, sent int
	for _, w := range a.Weeks {
		weekly += w.Redeemed
		sent += w.Sent
	}
	if len(a.Weeks) != 8 || weekly != 1 || sent != 5 || a.Currency != "EUR" || a.RecoveryDays != 7 {
		t.Errorf("weeks %+v (currency %s, %d days)", a.Weeks, a.Currency, a.RecoveryDays)
	}
	// A longer window: Bob's order 9 days after his reminder now counts.
	f.exec(`INSERT INTO settings (key, value) VALUES (?, '10')`, domain.SettingRecoveryDays)
	a, _ = f.svc.Attribution(ctx, domain.AttributionFilter{FlowID: 2})
	if len(a.Sources) != 1 || a.Sources[0].CartsRecovered != 2 || a.RecoveryDays != 10 {
		t.Errorf("with 10 days: %+v", a.Sources)
	}
	// A campaign's coupon is attributed to the campaign, by its name.
	f.exec(`INSERT INTO campaigns (id, name, segment, subject_a, created_at) VALUES (7, 'Spring sale', 'all', 'Spring', 1)`)
	f.issue("", couponsdb.NewCoupon{CustomerID: ann, PercentOff: 5, CampaignID: 7}, fixed("CAMP-7"))
	f.order(ann, "ann@example.com", "camp-7", 2500, day(1))
	a, _ = f.svc.Attribution(ctx, domain.AttributionFilter{CampaignID: 7})
	if len(a.Sources) != 1 || a.Sources[0].CampaignID != 7 || a.Sources[0].Name != "Spring sale" || a.Sources[0].Redeemed != 1 || a.Sources[0].Revenue[0].Amount != 2500 {
		t.Errorf("campaign 7: %+v", a.Sources)
	}
}
