package secrets

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"
	"golang.org/x/oauth2"

	"shopclerk/backend/domain"
)

func TestKeychainWhenAvailable(t *testing.T) {
	keyring.MockInit()
	st := Open(t.TempDir())
	if st.Backend() != BackendKeychain {
		t.Fatal(st.Backend())
	}
	roundTrip(t, st)
}

func TestFileFallbackWithoutKeychain(t *testing.T) {
	keyring.MockInitWithError(errors.New("org.freedesktop.secrets was not provided by any .service files"))
	defer keyring.MockInit()
	dir := t.TempDir()
	st := Open(dir)
	if st.Backend() != BackendFile {
		t.Fatal(st.Backend())
	}
	roundTrip(t, st)
	fi, err := os.Stat(filepath.Join(dir, "secrets.json"))
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("secrets file mode %v", fi.Mode().Perm())
	}
}

func roundTrip(t *testing.T, st Store) {
	t.Helper()
	k := MailPasswordKey("seller@shop.test")
	if v, err := st.Get(k); err != nil || v != "" {
		t.Fatalf("absent: %q %v", v, err)
	}
	if err := st.Set(k, "app pw"); err != nil {
		t.Fatal(err)
	}
	if v, _ := st.Get(k); v != "app pw" {
		t.Fatalf("got %q", v)
	}
	if err := st.Delete(k); err != nil {
		t.Fatal(err)
	}
	if v, _ := st.Get(k); v != "" {
		t.Fatalf("not deleted: %q", v)
	}
}

// fakeAuth is a local authorisation server that checks PKCE like Google's.
type fakeAuth struct {
	mu        sync.Mutex
	challenge string
	redirect  string
	refreshes int
	srv       *httptest.Server
}

func newFakeAuth(t *testing.T) *fakeAuth {
	f := &fakeAuth{}
	mux := http.NewServeMux()
	mux.HandleFunc("/auth", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if q.Get("code_challenge_method") != "S256" || q.Get("client_id") != "my-client" || q.Get("response_type") != "code" {
			http.Error(w, "bad request", 400)
			return
		}
		f.mu.Lock()
		f.challenge, f.redirect = q.Get("code_challenge"), q.Get("redirect_uri")
		f.mu.Unlock()
		u, _ := url.Parse(q.Get("redirect_uri"))
		if u.Hostname() != "127.0.0.1" {
			http.Error(w, "loopback only", 400)
			return
		}
		http.Redirect(w, r, q.Get("redirect_uri")+"?code=the-code&state="+url.QueryEscape(q.Get("state")), http.StatusFound)
	})
	mux.HandleFunc("/token", func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		f.mu.Lock()
		defer f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		switch r.Form.Get("grant_type") {
		case "authorization_code":
			sum := sha256.Sum256([]byte(r.Form.Get("code_verifier")))
			if r.Form.Get("code") != "the-code" || base64.RawURLEncoding.EncodeToString(sum[:]) != f.challenge ||
				r.Form.Get("redirect_uri") != f.redirect {
				w.WriteHeader(400)
				w.Write([]byte(`{"error":"invalid_grant"}`))
				return
			}
			// Already expired, so the first use must refresh.
			json.NewEncoder(w).Encode(map[string]any{"access_token": "access-1", "refresh_token": "refresh-1", "token_type": "Bearer", "expires_in": -10})
		case "refresh_token":
			if r.Form.Get("refresh_token") != "refresh-1" {
				w.WriteHeader(400)
				w.Write([]byte(`{"error":"invalid_grant"}`))
				return
			}
			f.refreshes++
			json.NewEncoder(w).Encode(map[string]any{"access_token": "access-2", "token_type": "Bearer", "expires_in": 3600})
		}
	})
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

func TestOAuthLoopbackFlowWithPKCE(t *testing.T) {
	keyring.MockInit()
	f := newFakeAuth(t)
	p := OAuthProvider{Name: "Google", AuthURL: f.srv.URL + "/auth", TokenURL: f.srv.URL + "/token", Scopes: []string{"mail"}}
	st := Open(t.TempDir())
	ctx := context.Background()
	// The "browser" follows the redirect to Shopclerk's loopback listener.
	browser := func(u string) error {
		go func() {
			resp, err := http.Get(u)
			if err == nil {
				resp.Body.Close()
			}
		}()
		return nil
	}
	tok, err := SignIn(ctx, p, "my-client", "", "seller@gmail.test", st, browser)
	if err != nil {
		t.Fatal(err)
	}
	if tok.AccessToken != "access-1" || tok.RefreshToken != "refresh-1" {
		t.Fatalf("%+v", tok)
	}
	// The token is in the keychain, and an expired one is refreshed.
	at, err := AccessToken(ctx, p, "my-client", "", "seller@gmail.test", st)
	if err != nil || at != "access-2" || f.refreshes != 1 {
		t.Fatalf("%q %v refreshes=%d", at, err, f.refreshes)
	}
	raw, _ := st.Get(OAuthTokenKey("seller@gmail.test"))
	var saved oauth2.Token
	json.Unmarshal([]byte(raw), &saved)
	if saved.AccessToken != "access-2" || saved.RefreshToken != "refresh-1" || !saved.Expiry.After(time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("refreshed token not saved: %+v", saved)
	}
}

func TestOAuthErrors(t *testing.T) {
	keyring.MockInit()
	f := newFakeAuth(t)
	p := OAuthProvider{Name: "Microsoft", AuthURL: f.srv.URL + "/auth", TokenURL: f.srv.URL + "/token"}
	st := Open(t.TempDir())
	ctx := context.Background()
	if _, err := SignIn(ctx, p, "", "", "x@y.test", st, nil); domain.CodeOf(err) != domain.CodeInvalid {
		t.Fatalf("no client id: %v", err)
	}
	// The seller clicks "Cancel" at the provider.
	denied := func(u string) error {
		pu, _ := url.Parse(u)
		q := pu.Query()
		go http.Get(q.Get("redirect_uri") + "?error=access_denied&error_description=user+cancelled&state=" + q.Get("state"))
		return nil
	}
	if _, err := SignIn(ctx, p, "my-client", "", "x@y.test", st, denied); domain.CodeOf(err) != domain.CodeAuthFailed || !strings.Contains(err.Error(), "access_denied") {
		t.Fatalf("denied: %v", err)
	}
	// A forged redirect with the wrong state is refused.
	forged := func(u string) error {
		pu, _ := url.Parse(u)
		go http.Get(pu.Query().Get("redirect_uri") + "?code=the-code&state=forged")
		return nil
	}
	if _, err := SignIn(ctx, p, "my-client", "", "x@y.test", st, forged); domain.CodeOf(err) != domain.CodeAuthFailed {
		t.Fatalf("forged: %v", err)
	}
	if _, err := AccessToken(ctx, p, "my-client", "", "never@y.test", st); domain.CodeOf(err) != domain.CodeAuthFailed {
		t.Fatalf("not signed in: %v", err)
	}
}
