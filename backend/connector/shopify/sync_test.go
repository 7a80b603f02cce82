package shopify_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/connector"
	"shopclerk/backend/connector/shopify"
	"shopclerk/backend/domain"
)

func TestSyncOrdersAcrossManyPages(t *testing.T) {
	r := newRig(t)
	r.cfg.PageSize = 3
	res := r.mustSync(false)
	got := r.orders()
	if len(got) != 20 {
		t.Fatalf("%d orders in the shop, want the fixture's 20", len(got))
	}
	var orders connector.ResourceResult
	for _, rr := range res.Resources {
		if rr.Resource == connector.ResourceOrders {
			orders = rr
		}
	}
	if orders.Pages != 7 || orders.Counts.Created != 20 {
		t.Errorf("orders: %d pages, %+v; want 7 pages, 20 created", orders.Pages, orders.Counts)
	}
	o := got["#1058"].Order
	if o.Total != 22006 || o.Currency != "CAD" || o.Taxes != 2531 || len(o.Lines) == 0 || o.RiskLevel != "Low" || o.PaymentMethod != "Stripe + Clover Payments + manual" {
		t.Errorf("#1058 = total %d %s, tax %d, %d lines, risk %q, paid by %q", o.Total, o.Currency, o.Taxes, len(o.Lines), o.RiskLevel, o.PaymentMethod)
	}
	// The next sync reads from the mark less the overlap, and changes nothing.
	res = r.mustSync(false)
	if res.Counts.Created != 0 || res.Counts.Updated != 0 {
		t.Errorf("second sync: %+v, want nothing new", res.Counts)
	}
	reqs := r.srv.Requests()
	for _, req := range reqs[len(reqs)-3:] {
		if req.Operation != "ShopclerkOrders" {
			continue
		}
		// The newest fixture order was updated 2025-04-08T15:55:29-07:00.
		if q, _ := req.Variables["query"].(string); q != "updated_at:>='2025-04-08T22:45:29Z'" {
			t.Errorf("incremental sync asked %q, want the mark less 10 minutes", q)
		}
	}
}

func TestSyncWaitsWhenThrottledMidSync(t *testing.T) {
	r := newRig(t)
	r.cfg.PageSize = 5
	// The 4th request finds the bucket empty (THROTTLED); the 6th leaves
	// it nearly empty, so the client waits before the 7th.
	r.srv.Available = func(n int) float64 {
		switch n {
		case 4:
			return 10
		case 6:
			return shopifytestCost + 2
		}
		return 1900
	}
	r.mustSync(false)
	if n := len(r.orders()); n != 20 {
		t.Fatalf("%d orders after a throttled sync, want 20", n)
	}
	waits := r.sleeps.all()
	if len(waits) != 2 {
		t.Fatalf("waits %v, want one after THROTTLED and one for the bucket to refill", waits)
	}
	// THROTTLED with 10 of 52 left at 100/s: 0.42 s; then 2 left: 0.5 s.
	if waits[0] != 420*time.Millisecond || waits[1] != 500*time.Millisecond {
		t.Errorf("waits %v, want [420ms 500ms]", waits)
	}
}

const shopifytestCost = 52

func TestSync429WaitsRetryAfter(t *testing.T) {
	r := newRig(t)
	r.srv.Fault = func(n int, w http.ResponseWriter, req *http.Request) bool {
		if n == 3 {
			w.Header().Set("Retry-After", "2.0")
			w.WriteHeader(http.StatusTooManyRequests)
			io.WriteString(w, `{"errors":"Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."}`)
			return true
		}
		return false
	}
	r.mustSync(false)
	if got := r.sleeps.all(); len(got) != 1 || got[0] != 2*time.Second {
		t.Errorf("waits %v, want [2s] from Retry-After", got)
	}
	if n := len(r.orders()); n != 20 {
		t.Errorf("%d orders, want 20", n)
	}
}

func TestSyncServerErrorThenSuccess(t *testing.T) {
	r := newRig(t)
	r.srv.Fault = func(n int, w http.ResponseWriter, req *http.Request) bool {
		if n == 2 || n == 3 {
			w.WriteHeader(http.StatusInternalServerError)
			io.WriteString(w, `{"errors":"Internal Server Error"}`)
			return true
		}
		return false
	}
	r.mustSync(false)
	if got := r.sleeps.all(); len(got) != 2 || got[0] != time.Second || got[1] != 2*time.Second {
		t.Errorf("waits %v, want back-off [1s 2s]", got)
	}
	if n := len(r.orders()); n != 20 {
		t.Errorf("%d orders, want 20", n)
	}
}

func TestClientCredentialsTokenRenewed(t *testing.T) {
	r := newRig(t)
	r.srv.ClientID, r.srv.ClientSecret, r.srv.TokenTTL = "cid", "csecret", 24*time.Hour
	r.srv.RevokeTokens() // no shpat token: only granted ones
	r.cfg = shopify.Config{URL: r.srv.URL, Auth: domain.AuthClientCredentials, ClientID: "cid", ClientSecret: "csecret",
		ClientOptions: connector.ClientOptions{Sleep: r.sleeps.sleep, Clock: r.clock, PageSize: 5}}
	c := r.client()
	s := &connector.Syncer{DB: r.db}
	if _, err := s.Sync(context.Background(), r.cs, c, false); err != nil {
		t.Fatal(err)
	}
	if g := r.srv.Grants(); g != 1 {
		t.Fatalf("%d grants for the first sync, want 1", g)
	}
	// A day later the token has run out: the client asks for a new one
	// before sending anything, unasked.
	r.clock.add(24 * time.Hour)
	if _, err := s.Sync(context.Background(), r.cs, c, false); err != nil {
		t.Fatal(err)
	}
	if g := r.srv.Grants(); g != 2 {
		t.Fatalf("%d grants after the token expired, want 2", g)
	}
	// Shopify drops the token early (a 401): the client signs in again once.
	r.srv.RevokeTokens()
	if _, err := s.Sync(context.Background(), r.cs, c, false); err != nil {
		t.Fatalf("sync after the token was dropped: %v", err)
	}
	if g := r.srv.Grants(); g != 3 {
		t.Fatalf("%d grants after a 401, want 3", g)
	}
	// A wrong secret is a plain refusal.
	r.cfg.ClientSecret = "wrong"
	_, err := s.Sync(context.Background(), r.cs, r.client(), false)
	if domain.CodeOf(err) != domain.CodeAuthFailed || !strings.Contains(err.Error(), "client ID and secret") {
		t.Errorf("wrong secret: %v (%s)", err, domain.CodeOf(err))
	}
}

func TestRevokedTokenIsAClearError(t *testing.T) {
	r := newRig(t)
	r.srv.RevokeTokens()
	_, err := r.sync(false)
	if domain.CodeOf(err) != domain.CodeAuthFailed || !strings.Contains(err.Error(), "no longer accepts the access token") {
		t.Fatalf("revoked token: %v (%s)", err, domain.CodeOf(err))
	}
	runs, _ := r.db.Runs(context.Background(), r.cs.ID, 5)
	if len(runs) != 1 || runs[0].Status != "failed" || !strings.Contains(runs[0].Message, "revoked") {
		t.Errorf("history %+v, want one failed run saying why", runs)
	}
}

func TestAnswersThatAreNotJSON(t *testing.T) {
	for _, tc := range []struct {
		name, ctype, body string
		code              domain.Code
		says              string
	}{
		{"malformed JSON", "application/json", `{"data": {"orders": {"nodes": [`, domain.CodeTemporary, "damaged JSON"},
		{"HTML page", "text/html; charset=utf-8", "<!DOCTYPE html><html><body>Please log in</body></html>", domain.CodeInvalid, "web page"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRig(t)
			r.cfg.PageSize = 5
			r.srv.Fault = func(n int, w http.ResponseWriter, req *http.Request) bool {
				if n == 7 { // check, products, inventory, customers, then the third page of orders
					w.Header().Set("Content-Type", tc.ctype)
					io.WriteString(w, tc.body)
					return true
				}
				return false
			}
			s := &connector.Syncer{DB: r.db, FlushRecords: 1}
			_, err := s.Sync(context.Background(), r.cs, r.client(), false)
			if domain.CodeOf(err) != tc.code || !strings.Contains(err.Error(), tc.says) {
				t.Fatalf("got %v (%s), want %s saying %q", err, domain.CodeOf(err), tc.code, tc.says)
			}
			// The two pages before stay, and the mark covers them only.
			if n := len(r.orders()); n != 10 {
				t.Errorf("%d orders kept, want the 10 of the pages before", n)
			}
			r.srv.Fault = nil
			r.mustSync(false)
			if n := len(r.orders()); n != 20 {
				t.Errorf("%d orders after the next sync, want 20", n)
			}
		})
	}
}

func TestRedirectToAnotherHostCarriesNoToken(t *testing.T) {
	var got []string
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		got = append(got, req.Header.Get("X-Shopify-Access-Token"))
		io.WriteString(w, `{"data":{}}`)
	}))
	defer other.Close()
	r := newRig(t)
	r.srv.Fault = func(n int, w http.ResponseWriter, req *http.Request) bool {
		http.Redirect(w, req, other.URL+req.URL.Path, http.StatusFound)
		return true
	}
	_, err := r.sync(false)
	if err == nil || !strings.Contains(err.Error(), "redirect to another address") {
		t.Fatalf("redirect: %v", err)
	}
	if len(got) != 0 {
		t.Errorf("the other host received %d requests (tokens %q)", len(got), got)
	}
}

func TestAddressesAndStores(t *testing.T) {
	for _, bad := range []string{"shop.example.com", "https://example.com", "http://standin.myshopify.com", "https://a.b.myshopify.com"} {
		if _, err := shopify.CheckURL(bad); err == nil {
			t.Errorf("CheckURL(%q) accepted", bad)
		}
	}
	for _, good := range []string{"standin.myshopify.com", "https://standin.myshopify.com/admin", "http://127.0.0.1:8080"} {
		if _, err := shopify.CheckURL(good); err != nil {
			t.Errorf("CheckURL(%q): %v", good, err)
		}
	}
	// A token that belongs to another store than the address.
	r := newRig(t)
	r.cfg.URL, r.cfg.HTTP = "https://mine.myshopify.com", redirectTo(r.srv.URL)
	_, err := r.client().Check(context.Background())
	if domain.CodeOf(err) != domain.CodeAuthFailed || !strings.Contains(err.Error(), "standin.myshopify.com") {
		t.Errorf("token of another store: %v", err)
	}
	// Missing scopes are named, with where to grant them.
	r.srv.Shop.Scopes = []string{"read_orders", "read_products"}
	r.cfg.URL, r.cfg.HTTP = r.srv.URL, nil
	info, err := r.client().Check(context.Background())
	if err != nil || len(info.Missing) != 1 || !strings.Contains(info.Missing[0], "read_customers, read_inventory") || !strings.Contains(info.Missing[0], "Develop apps") {
		t.Errorf("missing scopes: %+v, %v", info.Missing, err)
	}
}

func TestAnotherCurrencyIsSaidAndKept(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	if err := r.db.SetSetting(ctx, "shop.currency", "EUR"); err != nil {
		t.Fatal(err)
	}
	res := r.mustSync(false)
	if !strings.Contains(strings.Join(res.Notes, " "), "sells in CAD, the shop's currency is EUR") {
		t.Errorf("notes %q, want the currency said", res.Notes)
	}
	if o := r.orders()["#1058"].Order; o.Currency != "CAD" || o.Total != 22006 {
		t.Errorf("#1058 = %d %s, want 22006 CAD kept", o.Total, o.Currency)
	}
}

func TestOrderDeletedInTheStoreIsKeptAndMarked(t *testing.T) {
	r := newRig(t)
	r.mustSync(true)
	r.srv.Delete("orders", "gid://shopify/Order/6295486857475") // #1058
	res := r.mustSync(true)
	if res.Deleted != 1 {
		t.Errorf("full sync marked %d deleted, want 1", res.Deleted)
	}
	if _, ok := r.orders()["#1058"]; !ok {
		t.Fatal("the deleted order left the shop; it must be kept")
	}
	dels, err := r.db.Deletions(context.Background(), r.cs.ID)
	if err != nil || len(dels) != 1 || dels[0].ExternalID != "#1058" || dels[0].Kind != "order" {
		t.Errorf("deletions %+v, %v", dels, err)
	}
	// An incremental sync lists only changes: it marks nothing.
	if res := r.mustSync(false); res.Deleted != 0 {
		t.Errorf("incremental sync marked %d deleted", res.Deleted)
	}
}
