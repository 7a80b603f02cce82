package etsy_test

import (
	"context"
	"strings"
	"testing"

	"shopclerk/backend/connector/etsy"
	"shopclerk/backend/connector/etsy/etsytest"
	"shopclerk/backend/domain"
	"shopclerk/backend/secrets"
)

// Sign in with Etsy: Etsy sends the browser only to an https address the
// app lists, so the seller pastes back the address it lands on
// (secrets.PastedSignIn). The stand-in's consent page refuses anything but
// https, agrees at once, and checks the S256 challenge against the verifier
// at the token endpoint; the tokens it gives work.
func TestSignInWithPKCEByThePastedAddress(t *testing.T) {
	r := newRig(t)
	ctx := context.Background()
	p, err := etsy.Provider(r.srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := secrets.StartPastedSignIn(p, r.srv.Keystring, "http://127.0.0.1:8080/callback"); domain.CodeOf(err) != domain.CodeInvalid {
		t.Errorf("an http callback: %v", err)
	}
	ps, err := secrets.StartPastedSignIn(p, r.srv.Keystring, "https://localhost/shopclerk-etsy")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"code_challenge_method=S256", "redirect_uri=https%3A%2F%2Flocalhost%2Fshopclerk-etsy", "scope=transactions_r+transactions_w+listings_r+listings_w+shops_r+email_r"} {
		if !strings.Contains(ps.URL, want) {
			t.Errorf("sign-in address %s lacks %s", ps.URL, want)
		}
	}
	landed, err := etsytest.Consent(ps.URL)
	if err != nil || !strings.HasPrefix(landed, "https://localhost/shopclerk-etsy?") {
		t.Fatalf("landed on %q: %v", landed, err)
	}
	// What a seller may paste wrongly: nothing, the bare callback, another
	// sign-in's address.
	for _, bad := range []string{"", "https://localhost/shopclerk-etsy", strings.Replace(landed, "state=", "state=x", 1)} {
		if _, err := ps.Finish(ctx, bad); err == nil {
			t.Errorf("pasted %q: accepted", bad)
		}
	}
	tok, err := ps.Finish(ctx, "  "+landed+"\n")
	if err != nil {
		t.Fatal(err)
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
