package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shopclerk/backend/connector/etsy"
	"shopclerk/backend/connector/etsy/etsytest"
	"shopclerk/backend/secrets"
)

// An Etsy shop headless, against the stand-in on 127.0.0.1: added from a
// refresh token (the token and the shared secret on standard input),
// tested, synced; the refreshed sign-in is what the keychain keeps, and an
// access token Etsy expires early is refreshed and kept again. Coupons
// cannot be switched on for Etsy; stock can. Then removed and added again
// by the sign-in flow.
func TestCLIEtsyStore(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent") // the file fallback, not the desktop's keychain
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.db")
	srv := etsytest.New()
	defer srv.Close()
	for list, file := range map[string]string{"receipts": "getShopReceipts.json", "listings": "getListingsByShop.json"} {
		b, _ := os.ReadFile("../../backend/connector/etsy/testdata/" + file)
		if err := srv.PutJSON(list, b); err != nil {
			t.Fatal(err)
		}
	}
	refresh := srv.RefreshToken()
	if code, out := cli(t, "not-a-token\n"+srv.SharedSecret+"\n", "store", "--db", db, "add", "--kind", "etsy", "--url", srv.URL, "--client-id", srv.Keystring, "--token-stdin"); code != 1 || !strings.Contains(out, "user id and a dot") {
		t.Fatalf("not a token: exit %d\n%s", code, out)
	}
	if code, out := cli(t, refresh+"\n"+srv.SharedSecret+"\n", "store", "--db", db, "add", "--kind", "etsy", "--url", "https://etsy.example.com", "--client-id", srv.Keystring, "--token-stdin"); code != 1 || !strings.Contains(out, "Etsy has one address") {
		t.Fatalf("another address: exit %d\n%s", code, out)
	}
	if code, out := cli(t, refresh+"\n"+srv.SharedSecret+"\n", "store", "--db", db, "add", "--kind", "etsy", "--url", srv.URL, "--client-id", srv.Keystring, "--token-stdin"); code != 0 || !strings.Contains(out, `connected to "StandInCrafts"`) || !strings.Contains(out, "Added Etsy") {
		t.Fatalf("add etsy: exit %d\n%s", code, out)
	}
	kept := func() etsy.Secret {
		raw, err := secrets.Open(dir).Get("store-secret:1")
		if err != nil {
			t.Fatal(err)
		}
		s, err := etsy.ParseSecret(raw)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	first := kept()
	if first.RefreshToken == refresh || first.AccessToken == "" || first.SharedSecret != srv.SharedSecret {
		t.Fatalf("the keychain keeps %+v, not the refreshed sign-in", first)
	}
	if code, out := cli(t, "", "store", "--db", db, "test", "Etsy"); code != 0 || !strings.Contains(out, "currency USD") {
		t.Fatalf("test: exit %d\n%s", code, out)
	}
	srv.ExpireAccess()
	code, out := cli(t, "", "sync", "--db", db, "--json", "--now", "2026-03-01T09:00:00Z")
	var res syncResult
	if code != 0 || json.Unmarshal([]byte(out), &res) != nil || len(res.Stores) != 1 || res.Stores[0].Counts.Created < 3 {
		t.Fatalf("sync: exit %d\n%s", code, out)
	}
	if s := kept(); s.AccessToken == first.AccessToken || s.RefreshToken == first.RefreshToken {
		t.Errorf("the sign-in refreshed during the sync was not kept")
	}
	if code, out := cli(t, "", "store", "--db", db, "writes", "Etsy", "--coupons", "on"); code != 1 || !strings.Contains(out, "Shop Manager") {
		t.Fatalf("coupons on: exit %d\n%s", code, out)
	}
	if code, out := cli(t, "", "store", "--db", db, "writes", "Etsy", "--stock", "on"); code != 0 || !strings.Contains(out, "stock on") {
		t.Fatalf("stock on: exit %d\n%s", code, out)
	}
	// Sign in with Etsy: the command prints Etsy's page and reads back the
	// address the browser lands on (the stand-in's page agrees at once).
	if code, out := cli(t, "", "store", "--db", db, "remove", "Etsy"); code != 0 {
		t.Fatalf("remove: exit %d\n%s", code, out)
	}
	in, seller := io.Pipe()
	old := cliStdin
	cliStdin = in
	defer func() { cliStdin = old }()
	go fmt.Fprintln(seller, srv.SharedSecret)
	term := &pastingSeller{to: seller}
	code = RunCommand(t.Context(), "store", []string{"--db", db, "add", "--kind", "etsy", "--name", "Etsy 2", "--url", srv.URL, "--client-id", srv.Keystring,
		"--secret-stdin", "--callback", "https://localhost/my-etsy-callback"}, term, term)
	if code != 0 || !strings.Contains(term.String(), "Added Etsy 2") || !strings.Contains(term.String(), "https://localhost/my-etsy-callback?code=") {
		t.Fatalf("sign in: exit %d\n%s", code, term)
	}
}

// pastingSeller is the seller at the terminal: when the command prints
// Etsy's page, it opens it and pastes back the address it lands on.
type pastingSeller struct {
	bytes.Buffer
	to *io.PipeWriter
}

func (p *pastingSeller) Write(b []byte) (int, error) {
	for _, l := range strings.Split(string(b), "\n") {
		if strings.Contains(l, "/oauth/connect?") {
			go func(u string) {
				landed, err := etsytest.Consent(u)
				if err != nil {
					landed = err.Error()
				}
				fmt.Fprintln(p.to, landed)
			}(strings.TrimSpace(l))
		}
	}
	return p.Buffer.Write(b)
}
