package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"
)

// Automations see synced orders exactly as imported ones: a flow acts on
// each paid order once, whether it came by the API or the export, and an
// import of the same orders after a sync (or another sync) plans nothing.
func TestSyncedOrdersTriggerFlowsOnce(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "shop.db")
	now := time.Date(2025, 4, 9, 12, 0, 0, 0, time.UTC) // the day after the export's newest order
	enableFlow(t, db, now, "order_confirmation")
	shop, _ := cadShop(t)
	pin := []string{"--db", db, "--now", now.Format(time.RFC3339)}
	if code, out := cli(t, shop.Token+"\n", "store", append(pin, "add", "--kind", "shopify", "--url", shop.URL, "--token-stdin")...); code != 0 {
		t.Fatalf("store add: %s", out)
	}
	run := func() int {
		t.Helper()
		var out, errOut bytes.Buffer
		if code := RunCommand(ctx, "run", append(pin, "--json"), &out, &errOut); code != 0 {
			t.Fatalf("run: exit %d: %s", code, errOut.String())
		}
		var o runOutput
		if err := json.Unmarshal(out.Bytes(), &o); err != nil {
			t.Fatalf("%v: %s", err, out.String())
		}
		return o.Result.Done
	}
	if code, out := cli(t, "", "sync", pin...); code != 0 {
		t.Fatalf("sync: %s", out)
	}
	first := run()
	if first == 0 {
		t.Fatal("the synced paid orders triggered nothing")
	}
	if code, out := cli(t, "", "import", append(pin, realOrders)...); code != 0 {
		t.Fatalf("import: %s", out)
	}
	if n := run(); n != 0 {
		t.Errorf("the export after the sync made the flow act %d more times", n)
	}
	if code, out := cli(t, "", "sync", append(pin, "--full")...); code != 0 {
		t.Fatalf("sync again: %s", out)
	}
	if n := run(); n != 0 {
		t.Errorf("a second sync made the flow act %d more times", n)
	}
	t.Logf("order confirmations: %d", first)
}
