package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"shopclerk/backend/email"
	"shopclerk/backend/rules"
)

const realCheckouts = "../../testdata/real/shopify/checkouts_export_2023-03_GBP_abandoned_70col.csv"

// A real Shopify checkouts export has no recovery link, and the reminder
// said "Finish your order ()" with an empty link. Now, with no web address
// for the shop, the reminder is shown but cannot run and says why; with one,
// its button goes to the shop's cart.
func TestCartReminderFromARealCheckoutsExport(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "shop.db")
	const now = "2023-04-14T10:00:00Z" // customer015 (who accepts marketing) left a cart at 08:28 UTC
	cli := func(name string, args ...string) string {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := RunCommand(ctx, name, append(args, "--db", db, "--now", now, "--json"), &out, &errOut); code != 0 {
			t.Fatalf("%s %q: exit %d: %s %s", name, args, code, out.String(), errOut.String())
		}
		return out.String()
	}
	cli("shop", "set", "--name", "Clay Shop", "--currency", "GBP", "--time-zone", "Europe/London")
	cli("import", realCheckouts)
	reminder := func(args ...string) rules.Item {
		t.Helper()
		var o runOutput
		if err := json.Unmarshal([]byte(cli("run", append([]string{"--dry-run"}, args...)...)), &o); err != nil {
			t.Fatal(err)
		}
		for _, f := range o.Preview.Flows {
			for _, it := range f.Items {
				if f.Template == "cart_abandoned" && it.Email != nil {
					return it
				}
			}
		}
		t.Fatalf("no cart reminder planned: %+v", o.Preview)
		return rules.Item{}
	}
	it := reminder("--install-templates")
	if it.Email.To != "customer015@example.com" || it.Problem != email.NoCartLink {
		t.Fatalf("without a link: to %s, problem %q, want %q", it.Email.To, it.Problem, email.NoCartLink)
	}

	cli("shop", "set", "--website", "https://clay-shop.example.com")
	it = reminder()
	if it.Problem != "" || !strings.Contains(it.Email.HTML, `href="https://clay-shop.example.com/cart"`) ||
		!strings.Contains(it.Email.Text, "Finish your order (https://clay-shop.example.com/cart)") || strings.Contains(it.Email.Text, "()") {
		t.Fatalf("with the shop's web address: problem %q\n%s", it.Problem, it.Email.Text)
	}
	if !strings.Contains(it.Email.Text, "-- \nClay Shop\nclay-shop.example.com") {
		t.Errorf("the footer lacks the shop:\n%s", it.Email.Text)
	}
}
