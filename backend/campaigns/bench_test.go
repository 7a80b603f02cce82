//go:build bench

package campaigns

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"shopclerk/backend/email"
	"shopclerk/backend/mail"
	"shopclerk/backend/store/rulesdb"
	"shopclerk/backend/store/storetest"
)

// cpuTime is the CPU this process has used so far: on a machine shared with
// other work the wall time says more about the neighbours than the plan.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchRecipients is the campaign's size in the target.
const benchRecipients = 50_000

// TestPlanSpeed plans one campaign to 50,000 consenting customers (each
// email rendered with the shop's layout, a coupon issued per recipient, the
// recipients, coupons and outbox rows written) and prints the time beside
// the sqlite3 shell inserting the same rows (as many recipients, coupons
// and messages of the same size) into a copy of the same file.
// It reports; it never fails on timing.
func TestPlanSpeed(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "shop.db")
	f := newFixture(t, storetest.Path(path))
	ctx := context.Background()
	storetest.Exec(f.t, f.st, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		INSERT INTO customers (email, source, first_name, last_name, accepts_marketing, currency, created_at, updated_at)
		SELECT printf('customer%06d@example.com', i), 'shopify', 'Customer' || i, 'Test', 1, 'EUR', 1, 1 FROM n`, benchRecipients)
	storetest.Exec(f.t, f.st, `PRAGMA wal_checkpoint(TRUNCATE)`)
	tpl := &mail.Templates{Store: rulesdb.New(f.st).DB}
	f.svc.opt.Renderer = func(ctx context.Context) (email.Renderer, error) { return tpl.Snapshot(ctx) }
	c := f.create(Spec{Segment: "all", SubjectA: "Spring is here, {{.Customer.FirstName}}",
		BodyA:  "<p>Hi {{.Customer.FirstName}},</p><p>spring is here: {{.Coupon.Code}} gives you {{.Coupon.Description}} until {{.Coupon.ExpiresOn}}.</p>",
		Coupon: &CouponSpec{PercentOff: 10, ValidDays: 14}})
	// The reference starts from the same file, before the plan.
	ref := filepath.Join(dir, "ref.db")
	if out, err := exec.Command("sqlite3", path, ".backup "+ref).CombinedOutput(); err != nil {
		t.Fatalf("copy: %v %s", err, out)
	}
	start, cpu0 := time.Now(), cpuTime()
	if _, err := f.svc.Send(ctx, c.ID, true); err != nil {
		t.Fatal(err)
	}
	took, cpu := time.Since(start), cpuTime()-cpu0
	var msgs, coupons int
	var htmlLen float64
	f.st.SQL().QueryRowContext(ctx, `SELECT COUNT(*), AVG(length(html) + length(text)) FROM messages`).Scan(&msgs, &htmlLen)
	f.st.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM coupons`).Scan(&coupons)
	if msgs != benchRecipients || coupons != benchRecipients {
		t.Fatalf("%d messages and %d coupons, want %d each", msgs, coupons, benchRecipients)
	}
	f.st.Close()

	pad := strings.Repeat("x", int(htmlLen)/2)
	script := fmt.Sprintf(`BEGIN;
INSERT INTO campaign_recipients (campaign_id, customer_id, grp) SELECT %[1]d, id, 'A' FROM customers;
INSERT INTO coupons (code, customer_id, percent_off, currency, issued_at, expires_at, ledger_key)
  SELECT 'REF-' || id, id, 10, 'EUR', 1, 2, 'ref/' || id || '/coupon' FROM customers;
INSERT INTO messages (message_id, kind, to_addr, to_name, subject, html, text, headers, status, customer_id, ledger_key, created_at, template)
  SELECT '<ref.' || id || '@example.com>', 'marketing', email, first_name, 'Spring is here, ' || first_name,
    '<p>Hi ' || first_name || '</p>' || '%[2]s', '%[2]s', '{}', 'queued', id, 'ref/' || id || '/email', 1, 'campaign' FROM customers;
UPDATE campaign_recipients SET variant = 'A', message_id = (SELECT m.id FROM messages m WHERE m.ledger_key = 'ref/' || customer_id || '/email'),
  coupon_id = (SELECT k.id FROM coupons k WHERE k.ledger_key = 'ref/' || customer_id || '/coupon') WHERE campaign_id = %[1]d;
COMMIT;`, c.ID, pad)
	start = time.Now()
	cmd := exec.Command("sqlite3", ref)
	cmd.Stdin = strings.NewReader(script)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("reference: %v %s", err, out)
	}
	refTook := time.Since(start)
	refCPU := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	fmt.Printf("| campaign planned to %d recipients (each email rendered with the layout, %.1f KB; a coupon each; recipients, coupons, outbox rows in one transaction) | %.2f s (%.2f s CPU) | sqlite3 shell inserting the same rows: %.2f s (%.2f s CPU) | < 30 s |\n",
		benchRecipients, htmlLen/1024, took.Seconds(), cpu.Seconds(), refTook.Seconds(), refCPU.Seconds())
}
