package store

import (
	"context"
	"io/fs"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// TestMigrationSpendTierMoney: a spend-tier flow installed before its tier
// was marked as money gets the mark and its tier in cents ("200" is 20000,
// as its condition compares order.total), once, wherever its email step is;
// a tier the seller changed to a word, another flow, and a flow that has the
// mark already are left as they were.
func TestMigrationSpendTierMoney(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	all, err := fs.Sub(migrationFS, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	before := fstest.MapFS{}
	entries, _ := fs.ReadDir(all, ".")
	for _, e := range entries {
		if e.Name() < "00017" {
			b, _ := fs.ReadFile(all, e.Name())
			before[e.Name()] = &fstest.MapFile{Data: b}
		}
	}
	old := openTest(t, path, Options{Migrations: before})
	coupon := `{"action":"issue_coupon","percentOff":5}`
	flows := map[string]struct{ template, def string }{
		"installed": {"spend_tiers", `{"trigger":{"event":"order_paid"},"steps":[` + coupon + `,` + coupon + `,{"action":"send_email","template":"spend_tier_coupon","vars":{"tier":"200"}}],"policy":{}}`},
		"reordered": {"spend_tiers", `{"trigger":{"event":"order_paid"},"steps":[{"action":"send_email","template":"spend_tier_coupon","vars":{"tier":"150.50"}},` + coupon + `],"policy":{}}`},
		"word":      {"spend_tiers", `{"trigger":{"event":"order_paid"},"steps":[{"action":"send_email","template":"spend_tier_coupon","vars":{"tier":"gold"}}],"policy":{}}`},
		"marked":    {"spend_tiers", `{"trigger":{"event":"order_paid"},"steps":[{"action":"send_email","template":"spend_tier_coupon","vars":{"tier":"20000"},"moneyVars":["tier"]}],"policy":{}}`},
		"other":     {"welcome", `{"trigger":{"event":"customer_created"},"steps":[{"action":"send_email","template":"spend_tier_coupon","vars":{"tier":"200"}}],"policy":{}}`},
		// Damaged definitions must not stop the shop from opening.
		"steps object": {"spend_tiers", `{"steps":{"x":{"template":"spend_tier_coupon","vars":{"tier":"200"}}}}`},
		"not json":     {"spend_tiers", `{"steps":[`},
	}
	for name, f := range flows {
		if _, err := old.db.Exec(`INSERT INTO rules (name, template, definition, created_at, updated_at) VALUES (?, ?, ?, 0, 0)`, name, f.template, f.def); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	st := openTest(t, path, Options{})
	want := map[string]string{
		"installed":    `[[null,null],[null,null],[["tier"],"20000"]]`,
		"reordered":    `[[["tier"],"15050"],[null,null]]`,
		"word":         `[[null,"gold"]]`,
		"marked":       `[[["tier"],"20000"]]`,
		"other":        `[[null,"200"]]`,
		"steps object": `[[null,"200"]]`,
	}
	for name, w := range want {
		var got string
		err := st.db.QueryRowContext(context.Background(),
			`SELECT json_group_array(json_array(json_extract(s.value, '$.moneyVars'), json_extract(s.value, '$.vars.tier'))) FROM rules, json_each(rules.definition, '$.steps') s WHERE rules.name = ?`, name).Scan(&got)
		if err != nil || got != w {
			t.Errorf("%s: moneyVars and tier of its steps %s (%v), want %s", name, got, err, w)
		}
	}
}
