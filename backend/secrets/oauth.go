package secrets

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net"
	"net/http"
	"net/url"
	"time"

	"golang.org/x/oauth2"

	"shopclerk/backend/domain"
)

// OAuthProvider describes an authorisation server for XOAUTH2 mail.
type OAuthProvider struct {
	Name     string   `json:"name"`
	AuthURL  string   `json:"authUrl"`
	TokenURL string   `json:"tokenUrl"`
	Scopes   []string `json:"scopes"`
}

// Google and Microsoft are the two providers sellers sign in with. The
// seller registers their own desktop client ID (and, for Google, the
// client "secret", which for installed apps is not secret).
var (
	Google = OAuthProvider{Name: "Google", AuthURL: "https://accounts.google.com/o/oauth2/auth",
		TokenURL: "https://oauth2.googleapis.com/token", Scopes: []string{"https://mail.google.com/"}}
	Microsoft = OAuthProvider{Name: "Microsoft", AuthURL: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
		TokenURL: "https://login.microsoftonline.com/common/oauth2/v2.0/token",
		Scopes:   []string{"https://outlook.office.com/SMTP.Send", "https://outlook.office.com/IMAP.AccessAsUser.All", "offline_access"}}
)

// SignInTimeout is how long the browser flow may take.
const SignInTimeout = 5 * time.Minute

// SignIn runs the loopback redirect flow (RFC 8252) with PKCE: it listens
// on 127.0.0.1 on a free port, opens the provider's page in the seller's
// browser through open, waits for the redirect with the code, and trades
// the code for a token. The token is saved under OAuthTokenKey(login).
func SignIn(ctx context.Context, p OAuthProvider, clientID, clientSecret, login string, st Store, open func(url string) error) (*oauth2.Token, error) {
	if clientID == "" {
		return nil, domain.Errorf(domain.CodeInvalid, "enter the OAuth client ID of your %s app first (Settings > Email)", p.Name)
	}
	tok, err := Authorize(ctx, p, clientID, clientSecret, open, oauth2.AccessTypeOffline,
		oauth2.SetAuthURLParam("login_hint", login), oauth2.SetAuthURLParam("prompt", "consent"))
	if err != nil {
		return nil, err
	}
	if err := saveToken(st, login, tok); err != nil {
		return nil, err
	}
	return tok, nil
}

// Authorize is SignIn's browser flow without the saving: the loopback
// redirect with PKCE and state, the code traded for a token. The stores
// that sign in with OAuth (Etsy) keep the token under their own key.
// HTTPClient in ctx (oauth2.HTTPClient) is used for the exchange.
func Authorize(ctx context.Context, p OAuthProvider, clientID, clientSecret string, open func(url string) error, opts ...oauth2.AuthCodeOption) (*oauth2.Token, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not listen for the sign-in answer")
	}
	defer ln.Close()
	cfg := oauthConfig(p, clientID, clientSecret)
	cfg.RedirectURL = fmt.Sprintf("http://%s/callback", ln.Addr().String())
	verifier := oauth2.GenerateVerifier()
	state := randomHex(16)
	type answer struct {
		code string
		err  error
	}
	answers := make(chan answer, 1)
	srv := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/callback" {
			http.NotFound(w, r)
			return
		}
		var a answer
		a.code, a.err = codeFrom(r.URL.Query(), state, p.Name)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		msg := "You are signed in. You can close this window and go back to Shopclerk."
		if a.err != nil {
			msg = a.err.Error()
		}
		fmt.Fprintf(w, "<!doctype html><title>Shopclerk</title><p style=\"font:16px sans-serif\">%s</p>", html.EscapeString(msg))
		select {
		case answers <- a:
		default:
		}
	})}
	go srv.Serve(ln)
	defer srv.Close()
	url := cfg.AuthCodeURL(state, append([]oauth2.AuthCodeOption{oauth2.S256ChallengeOption(verifier)}, opts...)...)
	if err := open(url); err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not open your browser for the sign-in")
	}
	ctx, cancel := context.WithTimeout(ctx, SignInTimeout)
	defer cancel()
	var a answer
	select {
	case a = <-answers:
	case <-ctx.Done():
		return nil, domain.Errorf(domain.CodeTemporary, "the sign-in was not finished in the browser in time; try again")
	}
	if a.err != nil {
		return nil, a.err
	}
	return exchange(ctx, cfg, p.Name, a.code, verifier)
}

// codeFrom reads the provider's answer (the query of the address it sent
// the browser to): the code, or why there is none.
func codeFrom(q url.Values, state, provider string) (string, error) {
	switch {
	case q.Get("state") != state:
		return "", domain.Errorf(domain.CodeAuthFailed, "the sign-in answer did not match the request; try again")
	case q.Get("error") != "":
		return "", domain.Errorf(domain.CodeAuthFailed, "%s refused the sign-in: %s %s", provider, q.Get("error"), q.Get("error_description"))
	case q.Get("code") == "":
		return "", domain.Errorf(domain.CodeAuthFailed, "%s sent no sign-in code", provider)
	}
	return q.Get("code"), nil
}

// exchange trades the code for a token, proving the PKCE verifier.
func exchange(ctx context.Context, cfg *oauth2.Config, provider, code, verifier string) (*oauth2.Token, error) {
	tok, err := cfg.Exchange(ctx, code, oauth2.VerifierOption(verifier))
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeAuthFailed, provider+" did not accept the sign-in code: "+err.Error())
	}
	return tok, nil
}

func oauthConfig(p OAuthProvider, clientID, clientSecret string) *oauth2.Config {
	return &oauth2.Config{ClientID: clientID, ClientSecret: clientSecret, Scopes: p.Scopes,
		Endpoint: oauth2.Endpoint{AuthURL: p.AuthURL, TokenURL: p.TokenURL, AuthStyle: oauth2.AuthStyleInParams}}
}

func saveToken(st Store, login string, tok *oauth2.Token) error {
	b, _ := json.Marshal(tok)
	return st.Set(OAuthTokenKey(login), string(b))
}

// AccessToken returns a valid access token for login, refreshing it with
// the stored refresh token when it has expired (and saving the new one).
func AccessToken(ctx context.Context, p OAuthProvider, clientID, clientSecret, login string, st Store) (string, error) {
	raw, err := st.Get(OAuthTokenKey(login))
	if err != nil {
		return "", err
	}
	if raw == "" {
		return "", domain.Errorf(domain.CodeAuthFailed, "Shopclerk is not signed in to %s for %s: use Sign in with %s in Settings > Email", p.Name, login, p.Name)
	}
	var tok oauth2.Token
	if err := json.Unmarshal([]byte(raw), &tok); err != nil {
		return "", domain.Wrap(err, domain.CodeAuthFailed, "the saved sign-in is damaged; sign in again")
	}
	fresh, err := oauthConfig(p, clientID, clientSecret).TokenSource(ctx, &tok).Token()
	if err != nil {
		var re *oauth2.RetrieveError
		if errors.As(err, &re) {
			return "", domain.Wrap(err, domain.CodeAuthFailed, p.Name+" no longer accepts Shopclerk's sign-in (it may have been revoked): sign in again")
		}
		return "", domain.Wrap(err, domain.CodeTemporary, "Shopclerk could not refresh the sign-in with "+p.Name)
	}
	if fresh.AccessToken != tok.AccessToken {
		if err := saveToken(st, login, fresh); err != nil {
			return "", err
		}
	}
	return fresh.AccessToken, nil
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}
