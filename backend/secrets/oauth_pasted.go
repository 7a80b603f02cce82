package secrets

import (
	"context"
	"net/url"
	"strings"

	"golang.org/x/oauth2"

	"shopclerk/backend/domain"
)

// PastedSignIn is the browser sign-in for a provider that sends the browser
// back only to an https address registered with the seller's app (Etsy),
// which a desktop app cannot serve. The browser lands on that address (the
// page need not load); the seller copies the address from the browser's bar
// and pastes it, and the code in it is traded for a token, with PKCE and
// the request's state checked as in the loopback flow.
type PastedSignIn struct {
	// URL is the provider's page to open in the browser.
	URL string
	// Callback is the registered address the browser will be sent to.
	Callback string
	provider string
	cfg      *oauth2.Config
	state    string
	verifier string
}

// StartPastedSignIn prepares the sign-in: callback must be an https
// address (the provider refuses anything else).
func StartPastedSignIn(p OAuthProvider, clientID, callback string, opts ...oauth2.AuthCodeOption) (*PastedSignIn, error) {
	callback = strings.TrimSpace(callback)
	u, err := url.Parse(callback)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return nil, domain.Errorf(domain.CodeInvalid, "the callback address must start with https:// and be one your %s app lists (%q)", p.Name, callback)
	}
	if clientID == "" {
		return nil, domain.Errorf(domain.CodeInvalid, "enter your %s app's key first", p.Name)
	}
	cfg := oauthConfig(p, clientID, "")
	cfg.RedirectURL = callback
	ps := &PastedSignIn{Callback: callback, provider: p.Name, cfg: cfg, state: randomHex(16), verifier: oauth2.GenerateVerifier()}
	ps.URL = cfg.AuthCodeURL(ps.state, append([]oauth2.AuthCodeOption{oauth2.S256ChallengeOption(ps.verifier)}, opts...)...)
	return ps, nil
}

// Finish reads the address the seller pasted (the callback with the code)
// and trades its code for a token.
func (ps *PastedSignIn) Finish(ctx context.Context, pasted string) (*oauth2.Token, error) {
	pasted = strings.TrimSpace(pasted)
	u, err := url.Parse(pasted)
	if pasted == "" || err != nil || u.RawQuery == "" {
		return nil, domain.Errorf(domain.CodeInvalid, "paste the whole address your browser shows after you allowed access; it starts with %s?code=", ps.Callback)
	}
	code, err := codeFrom(u.Query(), ps.state, ps.provider)
	if err != nil {
		return nil, err
	}
	return exchange(ctx, ps.cfg, ps.provider, code, ps.verifier)
}
