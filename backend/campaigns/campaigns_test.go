package campaigns

import (
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/campaignsdb"
	"shopclerk/backend/store/storetest"
)

// TestSampleAndRestNeverOverlap runs an A/B test to the end and checks that
// every sendable customer got exactly one email, the sample's halves and
// the rest are disjoint, and the rest got the winner's subject.
func TestSampleAndRestNeverOverlap(t *testing.T) {
	f := newFixture(t)
	f.customers(200, 10) // 20 without consent
	storetest.Exec(f.t, f.st, `INSERT INTO suppressions (email, reason, at) VALUES ('c0003@shop.test', 'unsubscribed', 1)`)
	c := f.create(abSpec())
	c = f.send(c.ID)
	if c.Status != "testing" {
		t.Fatalf("status after start = %s, want testing", c.Status)
	}
	const sendable = 200 - 20 - 1
	if c.Audience != sendable {
		t.Fatalf("audience %d, want %d", c.Audience, sendable)
	}
	sample := sampleSize(sendable, 20)
	if got := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM messages`); got != sample {
		t.Fatalf("%d emails queued for the sample, want %d", got, sample)
	}
	// Sending again before the winner is due changes nothing.
	f.send(c.ID)
	if got := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM messages`); got != sample {
		t.Fatalf("a second send queued more: %d", got)
	}
	f.clk.Add(4 * time.Hour)
	c = f.send(c.ID)
	if c.Winner != "A" || c.Status != "sending" {
		t.Fatalf("winner %q status %s, want A (a tie with no redemptions) and sending", c.Winner, c.Status)
	}
	if got := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM messages`); got != sendable {
		t.Fatalf("%d emails in all, want one for each of %d", got, sendable)
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) - COUNT(DISTINCT customer_id) FROM messages`); n != 0 {
		t.Fatalf("%d customers got more than one email", n)
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM messages m JOIN customers c ON c.id = m.customer_id
		WHERE c.accepts_marketing = 0 OR c.email = 'c0003@shop.test'`); n != 0 {
		t.Fatalf("%d emails to customers without consent or suppressed", n)
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM campaign_recipients r JOIN messages m ON m.id = r.message_id
		WHERE r.grp = 'R' AND m.subject <> 'Spring is here'`); n != 0 {
		t.Fatalf("%d of the rest did not get the winner's subject", n)
	}
	a := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM campaign_recipients WHERE grp = 'A'`)
	b := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM campaign_recipients WHERE grp = 'B'`)
	if a+b != sample || a-b > 1 || b > a {
		t.Fatalf("sample halves %d and %d, want %d split evenly", a, b, sample)
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM messages WHERE subject = '20 new things for spring'`); n != b {
		t.Fatalf("%d emails with B's subject, want the %d of half B", n, b)
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(DISTINCT code) FROM coupons WHERE ledger_key LIKE 'campaign/%'`); n != sendable {
		t.Fatalf("%d distinct coupons, want one each for %d", n, sendable)
	}
}

// TestWinnerByRedemptionsPinnedClock chooses the winner from orders that
// used the sample's codes (typed in lower case), only once its time came.
func TestWinnerByRedemptionsPinnedClock(t *testing.T) {
	f := newFixture(t)
	f.customers(100, 0)
	c := f.create(abSpec())
	f.send(c.ID)
	redeem := func(group string, n int) {
		rows, err := f.st.SQL().QueryContext(f.ctx, `SELECT k.code, r.customer_id FROM campaign_recipients r JOIN coupons k ON k.id = r.coupon_id
			WHERE r.campaign_id = ? AND r.grp = ? ORDER BY r.customer_id LIMIT ?`, c.ID, group, n)
		if err != nil {
			t.Fatal(err)
		}
		type hit struct {
			code string
			id   int64
		}
		var hits []hit
		for rows.Next() {
			var h hit
			rows.Scan(&h.code, &h.id)
			hits = append(hits, h)
		}
		rows.Close()
		for i, h := range hits {
			storetest.Exec(f.t, f.st, `INSERT INTO orders (source, external_id, name, email, customer_id, financial_status, currency, total, discount_code, created_at, updated_at)
				VALUES ('shopify', ?, ?, 'x@shop.test', ?, 'paid', 'EUR', 5000, ?, ?, ?)`, group+strings.Repeat("x", i), "#"+group+strings.Repeat("1", i+1),
				h.id, strings.ToLower(h.code), f.clk.Now().Unix(), f.clk.Now().Unix())
		}
	}
	redeem("A", 1)
	redeem("B", 3)
	// Three hours in: not due, nothing decided.
	f.clk.Add(3 * time.Hour)
	if ids, err := f.svc.Advance(f.ctx); err != nil || len(ids) != 0 {
		t.Fatalf("advance before the time: %v %v", ids, err)
	}
	if got, _ := f.svc.Get(f.ctx, c.ID); got.Winner != "" {
		t.Fatalf("decided early: %+v", got)
	}
	f.clk.Add(time.Hour)
	ids, err := f.svc.Advance(f.ctx)
	if err != nil || len(ids) != 1 {
		t.Fatalf("advance at the time: %v %v", ids, err)
	}
	got, _ := f.svc.Get(f.ctx, c.ID)
	if got.Winner != "B" || !strings.Contains(got.Decision, "3 of 10") {
		t.Fatalf("winner %q (%s), want B with 3 of 10", got.Winner, got.Decision)
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM campaign_recipients r JOIN messages m ON m.id = r.message_id
		WHERE r.grp = 'R' AND m.subject = '20 new things for spring'`); n != 80 {
		t.Fatalf("%d of the rest got B's subject, want 80", n)
	}
	var b Variant
	for _, v := range got.Variants {
		if v.Name == "B" {
			b = v
		}
	}
	if b.Redeemed != 3 || b.Revenue != 15000 {
		t.Fatalf("variant B counts %+v, want 3 redeemed for 150.00", b)
	}
	// Advancing again finds nothing to do.
	if ids, err := f.svc.Advance(f.ctx); err != nil || len(ids) != 0 {
		t.Fatalf("advance after: %v %v", ids, err)
	}
}

func TestWinnerRules(t *testing.T) {
	vc := func(g string, n, red, rep int) campaignsdb.VariantCount {
		return campaignsdb.VariantCount{Group: g, Variant: g, Recipients: n, Redeemed: red, Replied: rep}
	}
	for _, tc := range []struct {
		name   string
		counts []campaignsdb.VariantCount
		by     DecideBy
		want   string
		why    string
	}{
		{"nothing at all is a tie for A", []campaignsdb.VariantCount{vc("A", 10, 0, 0), vc("B", 10, 0, 0)}, ByRedemptions, "A", "tie"},
		{"equal shares are a tie for A", []campaignsdb.VariantCount{vc("A", 10, 2, 0), vc("B", 10, 2, 0)}, ByRedemptions, "A", "tie"},
		{"B's share beats A's", []campaignsdb.VariantCount{vc("A", 10, 1, 0), vc("B", 10, 2, 0)}, ByRedemptions, "B", "B won"},
		{"shares, not counts: 2 of 11 < 2 of 10", []campaignsdb.VariantCount{vc("A", 11, 2, 0), vc("B", 10, 2, 0)}, ByRedemptions, "B", "B won"},
		{"replies decide when asked", []campaignsdb.VariantCount{vc("A", 10, 0, 3), vc("B", 10, 5, 1)}, ByReplies, "A", "A won"},
		{"the rest does not count", []campaignsdb.VariantCount{vc("A", 10, 1, 0), vc("B", 10, 0, 0), vc("R", 80, 0, 0)}, ByRedemptions, "A", "A won"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, why := Winner(tc.counts, tc.by)
			if w != tc.want || !strings.Contains(why, tc.why) {
				t.Fatalf("Winner = %s (%s), want %s (%s)", w, why, tc.want, tc.why)
			}
		})
	}
}

// TestBadInput: each refusal says why and writes nothing.
func TestBadInput(t *testing.T) {
	f := newFixture(t)
	f.customers(10, 0)
	for i := 11; i <= 14; i++ { // four more in a segment of their own, none consenting
		storetest.Exec(f.t, f.st, `INSERT INTO customers (email, source, first_name, accepts_marketing, created_at, updated_at, tags)
			VALUES (?, 'shopify', 'N', 0, 1, 1, 'vip')`, "n"+string(rune('a'+i))+"@shop.test")
	}
	storetest.Exec(f.t, f.st, `INSERT INTO segments (name, condition, created_at, updated_at) VALUES ('VIP', '"vip" in customer.tags', 1, 1)`)
	for _, tc := range []struct {
		name string
		spec func(s *Spec)
		want string
	}{
		{"empty subject", func(s *Spec) { s.SubjectA = "  " }, "needs a subject"},
		{"nobody sendable", func(s *Spec) { s.Segment = "VIP" }, "4 of 4 have not agreed to marketing email"},
		{"sample leaves nobody", func(s *Spec) { s.SamplePct = 95 }, "leaves nobody"},
		{"time in the past", func(s *Spec) { s.SendAt = "2026-03-02 09:00" }, "is in the past"},
		{"redemptions without coupon", func(s *Spec) { s.Coupon = nil }, "needs a coupon"},
		{"sample without a test", func(s *Spec) { s.SubjectB = "" }, "a sample is for an A/B test"},
		{"unknown segment", func(s *Spec) { s.Segment = "nobody here" }, "there is no segment"},
		{"unknown variable", func(s *Spec) { s.BodyA = "{{.Customer.Shoe}}" }, "Shoe"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sp := abSpec()
			tc.spec(&sp)
			_, err := f.svc.Create(f.ctx, sp)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			if domain.CodeOf(err) != domain.CodeInvalid {
				t.Fatalf("code %s, want invalid", domain.CodeOf(err))
			}
			if n := storetest.Count(f.t, f.st, `SELECT (SELECT COUNT(*) FROM campaigns) + (SELECT COUNT(*) FROM messages) + (SELECT COUNT(*) FROM coupons)`); n != 0 {
				t.Fatalf("%d rows written", n)
			}
		})
	}
}

// TestConfirmationAndSchedule: above the confirmation setting a send asks
// first; a scheduled campaign's emails wait in the outbox until their time,
// moved past the quiet hours.
func TestConfirmationAndSchedule(t *testing.T) {
	f := newFixture(t)
	f.customers(60, 0)
	sp := Spec{Segment: "all", SubjectA: "Hello", BodyA: "<p>Hi {{.Customer.FirstName}}</p>", SendAt: "2026-03-02 22:30"}
	c := f.create(sp)
	if _, err := f.svc.Send(f.ctx, c.ID, false); domain.CodeOf(err) != domain.CodeConflict || !strings.Contains(err.Error(), "60 people") {
		t.Fatalf("send without confirmation: %v", err)
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM messages`); n != 0 {
		t.Fatalf("%d emails queued without confirmation", n)
	}
	c = f.send(c.ID)
	if c.Status != "scheduled" {
		t.Fatalf("status %s, want scheduled", c.Status)
	}
	// 22:30 Berlin is in the quiet hours (21-8): the emails wait for 08:00.
	want := time.Date(2026, 3, 3, 7, 0, 0, 0, time.UTC).Unix()
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM messages WHERE next_attempt_at = ?`, want); n != 60 {
		t.Fatalf("%d emails due at 08:00 Berlin, want 60", n)
	}
}

// TestWeeklyCap leaves out who had enough marketing email this week.
func TestWeeklyCap(t *testing.T) {
	f := newFixture(t)
	f.customers(5, 0)
	for i := range 3 {
		storetest.Exec(f.t, f.st, `INSERT INTO messages (message_id, kind, to_addr, subject, status, customer_id, created_at)
			VALUES (?, 'marketing', 'c0001@shop.test', 'x', 'sent', 1, ?)`, "<m"+string(rune('0'+i))+">", testNow.Add(-time.Hour).Unix())
	}
	a, err := f.svc.Audience(f.ctx, "all")
	if err != nil {
		t.Fatal(err)
	}
	if a.Sendable != 4 || a.Skipped[SkipCap] != 1 || !strings.Contains(a.Note, "1 of 5") {
		t.Fatalf("audience %+v", a)
	}
}

// TestRFMSegmentOfAShopNeverScored: a campaign to an RFM segment of a shop
// whose customers were never scored scores them first (as the Segments
// screen does) instead of finding the segment empty.
func TestRFMSegmentOfAShopNeverScored(t *testing.T) {
	f := newFixture(t)
	f.customers(3, 0)
	for i := 1; i <= 3; i++ {
		storetest.Exec(f.t, f.st, `INSERT INTO orders (source, external_id, name, email, customer_id, financial_status, currency, total, created_at, updated_at)
			VALUES ('shopify', ?, ?, ?, ?, 'paid', 'EUR', 5000, ?, ?)`, i, "#"+string(rune('0'+i)), "", i,
			testNow.AddDate(0, 0, -400*i/3).Unix(), testNow.Unix())
	}
	seen := 0
	for _, seg := range []string{"champions", "loyal", "potential", "new", "at_risk", "cant_lose", "hibernating", "lost"} {
		a, err := f.svc.Audience(f.ctx, seg)
		if err != nil {
			t.Fatal(err)
		}
		seen += a.Members
	}
	if seen == 0 {
		t.Fatal("every RFM segment is empty: the customers were not scored")
	}
}
