package etsy_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"shopclerk/backend/connector"
	"shopclerk/backend/connector/etsy"
	"shopclerk/backend/domain"
)

func receipts(t *testing.T) []map[string]any {
	t.Helper()
	b, err := os.ReadFile("testdata/getShopReceipts.json")
	if err != nil {
		t.Fatal(err)
	}
	var page struct {
		Results []map[string]any `json:"results"`
	}
	if err := json.Unmarshal(b, &page); err != nil {
		t.Fatal(err)
	}
	return page.Results
}

// onReceipts answers the first receipts request with f, the rest normally.
func onReceipts(f func(w http.ResponseWriter)) func(int, http.ResponseWriter, *http.Request) bool {
	done := false
	return func(n int, w http.ResponseWriter, r *http.Request) bool {
		if done || !strings.HasSuffix(r.URL.Path, "/receipts") {
			return false
		}
		done = true
		f(w)
		return true
	}
}

func TestRateLimitWaitsRetryAfter(t *testing.T) {
	r := newRig(t)
	r.srv.Fault = onReceipts(func(w http.ResponseWriter) {
		w.Header().Set("Retry-After", "7")
		w.WriteHeader(http.StatusTooManyRequests)
		io.WriteString(w, `{"error":"You have exceeded your quota of: 10 requests per second"}`)
	})
	r.mustSync(false)
	if len(r.waits) != 1 || r.waits[0] != 7*time.Second || len(r.orders()) != 3 {
		t.Errorf("waits %v, %d orders", r.waits, len(r.orders()))
	}
}

func TestServerErrorThenSuccess(t *testing.T) {
	r := newRig(t)
	r.srv.Fault = onReceipts(func(w http.ResponseWriter) {
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, `{"error":"Internal server error"}`)
	})
	r.mustSync(false)
	if len(r.waits) != 1 || len(r.orders()) != 3 {
		t.Errorf("waits %v, %d orders", r.waits, len(r.orders()))
	}
}

// An access token Etsy calls expired before its hour is up is refreshed
// and the request made again; the new tokens are saved at once.
func TestExpiredTokenIsRefreshedAndSaved(t *testing.T) {
	r := newRig(t)
	c := r.client()
	if _, err := c.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	first := c.Secret()
	r.srv.ExpireAccess()
	if _, err := c.Fetch(context.Background(), connector.ResourceOrders, connector.Query{}); err != nil {
		t.Fatalf("after expiry: %v", err)
	}
	if c.Secret() == first || len(r.saved) != 2 || r.saved[1] != c.Secret() {
		t.Errorf("the refreshed sign-in was not saved: %d saves", len(r.saved))
	}
	sec, err := etsy.ParseSecret(r.saved[1])
	if err != nil || !strings.HasPrefix(sec.RefreshToken, "12345678.") || !sec.Expiry.Equal(now.Add(time.Hour)) || sec.SharedSecret != r.srv.SharedSecret {
		t.Errorf("saved %+v, %v", sec, err)
	}
}

func TestRevokedSignIn(t *testing.T) {
	r := newRig(t)
	r.srv.Revoke()
	_, err := r.sync(false)
	if domain.CodeOf(err) != domain.CodeAuthFailed || !strings.Contains(err.Error(), "sign in with Etsy again") {
		t.Fatalf("revoked: %v", err)
	}
}

func TestAnswersThatAreNotTheAPI(t *testing.T) {
	for _, tc := range []struct {
		name, saying string
		answer       func(w http.ResponseWriter)
	}{
		{"malformed JSON", "damaged JSON", func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "application/json")
			io.WriteString(w, `{"count": 3, "results": [{"receipt_id": 30123`)
		}},
		{"HTML", "web page", func(w http.ResponseWriter) {
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, "<!DOCTYPE html><html><body>Etsy is down for maintenance</body></html>")
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRig(t)
			r.srv.Fault = onReceipts(tc.answer)
			_, err := r.sync(false)
			if domain.CodeOf(err) != domain.CodeTemporary || !strings.Contains(err.Error(), tc.saying) {
				t.Fatalf("got %v, want temporary saying %q", err, tc.saying)
			}
		})
	}
}

// A redirect to another host is not followed: neither the token nor the
// app's key reaches it.
func TestRedirectElsewhereNeverSendsTheToken(t *testing.T) {
	var leaked atomic.Bool
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "" || r.Header.Get("x-api-key") != "" {
			leaked.Store(true)
		}
		w.Write([]byte(`{"count":0,"results":[]}`))
	}))
	defer other.Close()
	r := newRig(t)
	r.srv.Fault = onReceipts(func(w http.ResponseWriter) {
		w.Header().Set("Location", strings.Replace(other.URL, "127.0.0.1", "localhost", 1)+"/v3/application/shops/1/receipts")
		w.WriteHeader(http.StatusFound)
	})
	_, err := r.sync(false)
	if err == nil || !strings.Contains(err.Error(), "redirect") || leaked.Load() {
		t.Fatalf("redirect: %v, leaked %v", err, leaked.Load())
	}
}

func TestWrongAppKey(t *testing.T) {
	r := newRig(t)
	r.cfg.Secret.SharedSecret = "not-it"
	_, err := r.sync(false)
	if domain.CodeOf(err) != domain.CodeAuthFailed || !strings.Contains(err.Error(), "shared secret") {
		t.Fatalf("wrong shared secret: %v", err)
	}
}

func TestNotATokenIsRefusedBeforeAnyRequest(t *testing.T) {
	for _, tok := range []string{"", "abc", "12345678.", "x.abc"} {
		if _, err := etsy.New(etsy.Config{Keystring: "k", Secret: etsy.Secret{SharedSecret: "s", RefreshToken: tok}}); domain.CodeOf(err) != domain.CodeInvalid {
			t.Errorf("%q: %v", tok, err)
		}
	}
	if _, err := etsy.New(etsy.Config{URL: "https://example.com", Keystring: "k", Secret: etsy.Secret{SharedSecret: "s", RefreshToken: "1.a"}}); err == nil {
		t.Error("an address other than this computer's was accepted")
	}
}
