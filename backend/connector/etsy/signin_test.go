package etsy_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"shopclerk/backend/connector/etsy"
	"shopclerk/backend/domain"
	"shopclerk/backend/secrets"
)

// Sign in with Etsy is the mail accounts' browser flow (secrets.Authorize):
// PKCE through a loopback redirect. The stand-in's consent page agrees at
// once, checks the S256 challenge against the verifier at the token
// endpoint, and the tokens it gives work.
func TestSignInWithPKCEThroughTheLoopback(t *testing.T) {
	r := newRig(t)
	p, err := etsy.Provider(r.srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	var asked string
	open := func(u string) error {
		asked = u
		go func() {
			if resp, err := http.Get(u); err == nil {
				resp.Body.Close()
			}
		}()
		return nil
	}
	tok, err := secrets.Authorize(context.Background(), p, r.srv.Keystring, "", open)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"code_challenge_method=S256", "redirect_uri=http%3A%2F%2F127.0.0.1%3A", "scope=transactions_r+transactions_w+listings_r+listings_w+shops_r+email_r"} {
		if !strings.Contains(asked, want) {
			t.Errorf("sign-in address %s lacks %s", asked, want)
		}
	}
	if !strings.HasPrefix(tok.RefreshToken, "12345678.") || tok.AccessToken == "" {
		t.Fatalf("token %+v", tok)
	}
	r.cfg.Secret = etsy.Secret{SharedSecret: r.srv.SharedSecret, AccessToken: tok.AccessToken, RefreshToken: tok.RefreshToken, Expiry: now.Add(50 * 60e9)}
	if _, err := r.client().Check(context.Background()); err != nil || len(r.saved) != 0 {
		t.Fatalf("check with the signed-in token: %v (%d refreshes)", err, len(r.saved))
	}
	// The real Etsy's addresses, for the seller's browser.
	real, _ := etsy.Provider("")
	if real.AuthURL != "https://www.etsy.com/oauth/connect" || real.TokenURL != "https://api.etsy.com/v3/public/oauth/token" {
		t.Errorf("provider %+v", real)
	}
	if _, err := etsy.Provider("https://evil.example.com"); domain.CodeOf(err) != domain.CodeInvalid {
		t.Errorf("a sign-in elsewhere than Etsy or this computer: %v", err)
	}
}
