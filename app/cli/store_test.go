package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shopclerk/backend/connector"
	"shopclerk/backend/connector/shopify/shopifytest"
	"shopclerk/backend/connector/woocommerce/woocommercetest"
	"shopclerk/backend/domain"
)

// cli runs a command with stdin, returning its exit code and stdout.
func cli(t *testing.T, stdin string, name string, args ...string) (int, string) {
	t.Helper()
	old := cliStdin
	cliStdin = strings.NewReader(stdin)
	defer func() { cliStdin = old }()
	var out, errb bytes.Buffer
	code := RunCommand(context.Background(), name, args, &out, &errb)
	return code, out.String() + errb.String()
}

// cadOrders is the stand-in Shopify store's orders: the real Canadian
// orders export's, as the Admin API answers them.
const cadOrders = "../../backend/connector/shopify/testdata/orders_2025-04_CAD.json"

// cadShop is a stand-in Shopify store holding cadOrders, closed at cleanup;
// fixture is the orders' JSON, for tests that add orders of their own.
func cadShop(t *testing.T) (shop *shopifytest.Server, fixture []byte) {
	t.Helper()
	fixture, err := os.ReadFile(cadOrders)
	if err != nil {
		t.Fatal(err)
	}
	shop = shopifytest.New()
	t.Cleanup(shop.Close)
	shop.PutJSON("orders", fixture)
	return shop, fixture
}

// The headless path end to end against the two stand-in stores on
// 127.0.0.1: add (tested before it is saved), list, test, sync, sync
// again (nothing new), remove. Secrets never reach the database file.
func TestCLIStoreAndSync(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent") // the file fallback, not the desktop's keychain
	db := filepath.Join(t.TempDir(), "shop.db")
	shop, _ := cadShop(t)
	woo := woocommercetest.New()
	defer woo.Close()
	wooOrders, _ := os.ReadFile("../../backend/connector/woocommerce/testdata/wc_v3_orders_list_example.json")
	woo.PutJSON("orders", wooOrders)

	// A wrong token is refused, and nothing is added.
	if code, out := cli(t, "shpat_wrong\n", "store", "--db", db, "add", "--kind", "shopify", "--url", shop.URL, "--token-stdin"); code != 1 || !strings.Contains(out, "no longer accepts the access token") {
		t.Fatalf("wrong token: exit %d\n%s", code, out)
	}
	if code, out := cli(t, shop.Token+"\n", "store", "--db", db, "--json", "add", "--kind", "shopify", "--url", shop.URL, "--name", "cad", "--token-stdin"); code != 0 {
		t.Fatalf("add shopify: exit %d\n%s", code, out)
	}
	if code, out := cli(t, woo.Secret, "store", "--db", db, "add", "--kind", "woocommerce", "--url", woo.URL, "--name", "woo", "--key", woo.Key, "--secret-stdin"); code != 0 || !strings.Contains(out, "Added woo") {
		t.Fatalf("add woocommerce: exit %d\n%s", code, out)
	}
	// Plain http to another host is refused before anything is sent.
	if code, out := cli(t, woo.Secret, "store", "--db", db, "add", "--kind", "woocommerce", "--url", "http://shop.example.com", "--key", woo.Key, "--secret-stdin"); code != 1 || !strings.Contains(out, "plain http") {
		t.Fatalf("plain http: exit %d\n%s", code, out)
	}
	code, out := cli(t, "", "store", "--db", db, "--json", "list")
	var stores []domain.ConnectedStore
	if code != 0 || json.Unmarshal([]byte(out), &stores) != nil || len(stores) != 2 || stores[0].Name != "cad" || stores[0].Currency != "CAD" {
		t.Fatalf("list: exit %d\n%s", code, out)
	}
	if code, out := cli(t, "", "store", "--db", db, "test", "cad"); code != 0 || !strings.Contains(out, `connected to "Stand-in Store"`) {
		t.Fatalf("test: exit %d\n%s", code, out)
	}

	code, out = cli(t, "", "sync", "--db", db, "--json", "--now", "2026-03-01T09:00:00Z")
	var res syncResult
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || len(res.Stores) != 2 {
		t.Fatalf("sync: exit %d\n%s", code, out)
	}
	byName := map[string]connector.Result{}
	for _, r := range res.Stores {
		byName[r.Store] = r
	}
	if byName["cad"].Counts.Created < 20 || byName["woo"].Counts.Created < 2 {
		t.Errorf("first sync: %+v", res.Stores)
	}
	code, out = cli(t, "", "sync", "--db", db, "--json", "--store", "cad")
	res = syncResult{}
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || len(res.Stores) != 1 || res.Stores[0].Counts.Created+res.Stores[0].Counts.Updated != 0 {
		t.Errorf("second sync changed things: exit %d\n%s", code, out)
	}

	// The secrets are in the keychain (here its file), never in the shop.
	for _, f := range []string{db, db + "-wal"} {
		b, _ := os.ReadFile(f)
		if bytes.Contains(b, []byte(shop.Token)) || bytes.Contains(b, []byte(woo.Secret)) {
			t.Errorf("%s holds a store secret", f)
		}
	}
	if code, out := cli(t, "", "store", "--db", db, "remove", "woo"); code != 0 || !strings.Contains(out, "stay in the shop") {
		t.Fatalf("remove: exit %d\n%s", code, out)
	}
	if code, out := cli(t, "", "sync", "--db", db, "--store", "woo"); code != 1 || !strings.Contains(out, "no store named") {
		t.Errorf("sync of a removed store: exit %d\n%s", code, out)
	}
}
