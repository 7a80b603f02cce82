package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/campaigns"
)

// campaignShop is a shop with n customers who agreed to marketing email and
// m who did not.
func campaignShop(t *testing.T, n, m int) (string, time.Time) {
	t.Helper()
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	db, st := shopFile(t, now)
	for i := range n + m {
		consent := 0
		if i < n {
			consent = 1
		}
		if _, err := st.SQL().ExecContext(context.Background(), `INSERT INTO customers (email, source, first_name, accepts_marketing, created_at, updated_at)
			VALUES (?, 'shopify', 'C', ?, 1, 1)`, fmt.Sprintf("c%03d@example.com", i), consent); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	return db, now
}

// TestCLICampaign creates an A/B campaign, sends its sample, lets the
// pinned clock pass the decision time, sends the rest, and reads its status.
func TestCLICampaign(t *testing.T) {
	db, now := campaignShop(t, 60, 10)
	code, out, errOut := runCLI(t, db, now, "campaign", "create", "--segment", "all", "--subject", "Spring", "--subject-b", "Spring sale",
		"--body", "<p>Hi {{.Customer.FirstName}}</p>", "--sample", "25", "--decide-after", "2h", "--by", "replies")
	if code != 0 || !strings.Contains(out, "10 of 70 have not agreed to marketing email") || !strings.Contains(out, "Subject: Spring sale") {
		t.Fatalf("create: %d\n%s\n%s", code, out, errOut)
	}
	if code, _, errOut = runCLI(t, db, now, "campaign", "send", "1"); code == 0 || !strings.Contains(errOut, "--yes") {
		t.Fatalf("send without --yes to 60 > 50? %d %s", code, errOut)
	}
	code, out, errOut = runCLI(t, db, now, "campaign", "send", "1", "--yes", "--json")
	var c campaigns.Campaign
	if code != 0 || json.Unmarshal([]byte(out), &c) != nil || c.Status != "testing" || len(c.Parts) != 3 || c.Parts[0].Queued+c.Parts[1].Queued != 15 {
		t.Fatalf("send: %d %+v\n%s", code, c, errOut)
	}
	later := now.Add(2 * time.Hour)
	code, out, errOut = runCLI(t, db, later, "campaign", "send", "--json", "1")
	if code != 0 || json.Unmarshal([]byte(out), &c) != nil || c.Winner != "A" || c.Parts[2].Queued != 45 {
		t.Fatalf("send after the decision time: %d %+v\n%s", code, c, errOut)
	}
	code, out, _ = runCLI(t, db, later, "campaign", "status")
	if code != 0 || !strings.Contains(out, "A tie") || !strings.Contains(out, "rest  45 recipients, 45 queued") {
		t.Fatalf("status:\n%s", out)
	}
	if code, _, errOut = runCLI(t, db, later, "campaign", "create", "--segment", "all", "--subject", "x", "--body", "y", "--at", "2026-03-01 10:00"); code == 0 ||
		!strings.Contains(errOut, "in the past") {
		t.Fatalf("a time in the past: %d %s", code, errOut)
	}
}
