// Package etsytest is a stand-in Etsy for tests, the e2e specs and the
// headless checks: an httptest server answering the Open API v3 paths
// Shopclerk uses (getMe, getShop, tokenScopes, getShopReceipts,
// getListingsByShop, getListingInventory, updateListingInventory) in
// Etsy's shapes ({"count", "results"} lists, Money objects, epoch seconds,
// {"error": "..."} errors), and its OAuth 2 server: the authorization page
// (which agrees at once and redirects to the loopback address with the
// code), and the token endpoint (authorization code with PKCE, refresh
// token). It checks x-api-key (keystring:shared_secret) and the bearer
// token on every request. Faults are injected per request (standin.Faults)
// and tokens expired or revoked by the test, never by timing.
package etsytest

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"

	"shopclerk/backend/connector/standin"
)

// Server is the stand-in Etsy.
type Server struct {
	*httptest.Server
	standin.Faults
	// Keystring and SharedSecret are the app's; UserID and ShopID the seller's.
	Keystring, SharedSecret string
	UserID, ShopID          int64
	Currency                string
	// Scopes are what a sign-in grants (default: all Shopclerk asks for).
	Scopes []string
	// BeforeWrite, if set, runs before an inventory write is applied (a
	// test lands a sale there).
	BeforeWrite func(listingID int64)
	// Copies (benchmarks) serves the receipts this many times over, with
	// new ids.
	Copies int

	mu       sync.Mutex
	receipts []map[string]any
	listings []map[string]any
	access   map[string]bool // valid access tokens
	refresh  map[string]bool // valid refresh tokens
	codes    map[string]string
	n        int
	writes   int
}

// New starts a stand-in with a signed-in seller and no records.
func New() *Server {
	s := &Server{Keystring: "standinkeystring1234", SharedSecret: "standinsecret", UserID: 12345678, ShopID: 87654321, Currency: "USD",
		Scopes: []string{"transactions_r", "transactions_w", "listings_r", "listings_w", "shops_r", "email_r"},
		access: map[string]bool{}, refresh: map[string]bool{}, codes: map[string]string{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// RefreshToken makes a valid refresh token (what a sign-in would give).
func (s *Server) RefreshToken() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.newToken(s.refresh, "r")
}

func (s *Server) newToken(set map[string]bool, kind string) string {
	s.n++
	t := fmt.Sprintf("%d.%s%06d-standin", s.UserID, kind, s.n)
	set[t] = true
	return t
}

// ExpireAccess makes every access token given so far expired.
func (s *Server) ExpireAccess() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.access = map[string]bool{}
}

// Revoke withdraws the seller's grant: no token works any more.
func (s *Server) Revoke() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.access, s.refresh = map[string]bool{}, map[string]bool{}
}

// Writes counts the inventory writes applied.
func (s *Server) Writes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.writes
}

// PutJSON adds records from an Etsy list answer ({"count", "results"}):
// list is "receipts" or "listings" (listings carry their "inventory").
func (s *Server) PutJSON(list string, data []byte) error {
	var page struct {
		Results []map[string]any `json:"results"`
	}
	if err := json.Unmarshal(data, &page); err != nil {
		return err
	}
	s.Put(list, page.Results...)
	return nil
}

// Put adds or replaces records, matched by receipt_id or listing_id.
func (s *Server) Put(list string, recs ...map[string]any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	target, key := &s.receipts, "receipt_id"
	if list == "listings" {
		target, key = &s.listings, "listing_id"
	}
	for _, rec := range recs {
		replaced := false
		for i, old := range *target {
			if num(old[key]) == num(rec[key]) {
				(*target)[i], replaced = rec, true
			}
		}
		if !replaced {
			*target = append(*target, rec)
		}
	}
}

// Receipt is a copy of a receipt as stored.
func (s *Server) Receipt(id int64) map[string]any {
	return s.copyOf(func() []map[string]any { return s.receipts }, "receipt_id", id)
}

// Listing is a copy of a listing as stored (with its inventory).
func (s *Server) Listing(id int64) map[string]any {
	return s.copyOf(func() []map[string]any { return s.listings }, "listing_id", id)
}

// copyOf is a deep copy of the record of list with key id (nil if none).
func (s *Server) copyOf(list func() []map[string]any, key string, id int64) map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, l := range list() {
		if num(l[key]) == id {
			b, _ := json.Marshal(l)
			var out map[string]any
			json.Unmarshal(b, &out)
			return out
		}
	}
	return nil
}

func num(v any) int64 {
	switch n := v.(type) {
	case float64:
		return int64(n)
	case int64:
		return n
	case int:
		return int64(n)
	case json.Number:
		i, _ := n.Int64()
		return i
	}
	return 0
}

func writeError(w http.ResponseWriter, status int, msg string) {
	standin.WriteJSON(w, status, map[string]any{"error": msg})
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if _, answered := s.Take(w, r); answered {
		return
	}
	switch {
	case r.URL.Path == "/oauth/connect":
		s.authorize(w, r)
		return
	case r.URL.Path == "/v3/public/oauth/token":
		s.token(w, r)
		return
	case !strings.HasPrefix(r.URL.Path, "/v3/application/"):
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, "<!DOCTYPE html><html><body>Uh oh! Page not found</body></html>")
		return
	}
	key := r.Header.Get("x-api-key")
	if k, sec, ok := strings.Cut(key, ":"); !ok || k != s.Keystring || sec != s.SharedSecret {
		if key == s.Keystring {
			writeError(w, http.StatusForbidden, "Shared secret is required in x-api-key header.")
		} else {
			writeError(w, http.StatusForbidden, "Invalid API key")
		}
		return
	}
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	path := strings.TrimPrefix(r.URL.Path, "/v3/application")
	s.mu.Lock()
	valid := s.access[tok]
	s.mu.Unlock()
	if path == "/scopes" && r.Method == http.MethodPost {
		r.ParseForm()
		s.mu.Lock()
		ok := s.access[r.PostForm.Get("token")]
		s.mu.Unlock()
		if !ok {
			writeError(w, http.StatusBadRequest, "Invalid token")
			return
		}
		standin.WriteJSON(w, http.StatusOK, map[string]any{"scopes": s.Scopes})
		return
	}
	if !valid {
		standin.WriteJSON(w, http.StatusUnauthorized, map[string]any{"error": "invalid_token", "error_description": "access token is expired"})
		return
	}
	shop := "/shops/" + strconv.FormatInt(s.ShopID, 10)
	switch {
	case path == "/users/me":
		standin.WriteJSON(w, http.StatusOK, map[string]any{"user_id": s.UserID, "shop_id": s.ShopID})
	case path == shop:
		standin.WriteJSON(w, http.StatusOK, map[string]any{"shop_id": s.ShopID, "user_id": s.UserID, "shop_name": "StandInCrafts",
			"currency_code": s.Currency, "url": "https://www.etsy.com/shop/StandInCrafts", "is_vacation": false})
	case path == shop+"/receipts":
		if !s.has("transactions_r") {
			writeError(w, http.StatusForbidden, "Missing required scope: transactions_r")
			return
		}
		s.receiptsPage(w, r)
	case path == shop+"/listings":
		if !s.has("listings_r") {
			writeError(w, http.StatusForbidden, "Missing required scope: listings_r")
			return
		}
		s.listingsPage(w, r)
	case strings.HasPrefix(path, "/listings/") && strings.HasSuffix(path, "/inventory"):
		id, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimPrefix(path, "/listings/"), "/inventory"), 10, 64)
		s.inventory(w, r, id)
	default:
		writeError(w, http.StatusNotFound, "Resource not found")
	}
}

func (s *Server) has(scope string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, x := range s.Scopes {
		if x == scope {
			return true
		}
	}
	return false
}

// authorize is Etsy's consent page, agreeing at once: it checks the
// request as Etsy does and sends the browser back with a code.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	redirect, err := url.Parse(q.Get("redirect_uri"))
	switch {
	case err != nil || redirect.Host == "":
		http.Error(w, "invalid redirect_uri", http.StatusBadRequest)
		return
	case redirect.Scheme != "https": // as Etsy: "The URL must have the https:// prefix"
		http.Error(w, "redirect_uri must use https", http.StatusBadRequest)
		return
	case q.Get("client_id") != s.Keystring:
		http.Error(w, "invalid client_id", http.StatusBadRequest)
		return
	case q.Get("response_type") != "code" || q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "" || q.Get("state") == "":
		http.Error(w, "response_type=code, state and an S256 code_challenge are required", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.n++
	code := fmt.Sprintf("standin-code-%d", s.n)
	s.codes[code] = q.Get("code_challenge")
	s.mu.Unlock()
	back := redirect.Query()
	back.Set("code", code)
	back.Set("state", q.Get("state"))
	redirect.RawQuery = back.Encode()
	http.Redirect(w, r, redirect.String(), http.StatusFound)
}

// token is Etsy's token endpoint.
func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	f := r.PostForm
	if f.Get("client_id") != s.Keystring {
		writeError(w, http.StatusBadRequest, "invalid_client")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	switch f.Get("grant_type") {
	case "authorization_code":
		challenge, ok := s.codes[f.Get("code")]
		sum := sha256.Sum256([]byte(f.Get("code_verifier")))
		if !ok || base64.RawURLEncoding.EncodeToString(sum[:]) != challenge {
			standin.WriteJSON(w, http.StatusBadRequest, map[string]any{"error": "invalid_grant", "error_description": "code_verifier is invalid"})
			return
		}
		delete(s.codes, f.Get("code"))
	case "refresh_token":
		if !s.refresh[f.Get("refresh_token")] {
			standin.WriteJSON(w, http.StatusBadRequest, map[string]any{"error": "invalid_grant", "error_description": "refresh token is invalid or revoked"})
			return
		}
	default:
		writeError(w, http.StatusBadRequest, "unsupported_grant_type")
		return
	}
	standin.WriteJSON(w, http.StatusOK, map[string]any{"access_token": s.newToken(s.access, "a"), "token_type": "Bearer",
		"expires_in": 3600, "refresh_token": s.newToken(s.refresh, "r")})
}

// receiptsPage answers getShopReceipts: min_last_modified, sort_on updated
// or created, limit/offset.
func (s *Server) receiptsPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	since, _ := strconv.ParseInt(q.Get("min_last_modified"), 10, 64)
	limit, off := pageArgs(q)
	field := "update_timestamp"
	if q.Get("sort_on") == "created" {
		field = "create_timestamp"
	}
	// Copies (benchmarks) are sorted as entries and made only for the page.
	type entry struct {
		rec    map[string]any
		c      int
		at, id int64
	}
	s.mu.Lock()
	var all []entry
	for _, rec := range s.receipts {
		if num(rec["update_timestamp"]) < since {
			continue
		}
		for c := 0; c <= s.Copies; c++ {
			all = append(all, entry{rec, c, num(rec[field]), num(rec["receipt_id"]) + int64(c)*1_000_000_000})
		}
	}
	s.mu.Unlock()
	sort.Slice(all, func(i, j int) bool {
		if all[i].at == all[j].at {
			return all[i].id < all[j].id
		}
		return all[i].at < all[j].at
	})
	res := []map[string]any{}
	for _, e := range all[min(off, len(all)):min(off+limit, len(all))] {
		if e.c > 0 {
			e.rec = copyOf(e.rec, e.c)
		}
		res = append(res, e.rec)
	}
	standin.WriteJSON(w, http.StatusOK, map[string]any{"count": len(all), "results": res})
}

// copyOf is receipt rec with a new id for copy c (benchmarks).
func copyOf(rec map[string]any, c int) map[string]any {
	out := make(map[string]any, len(rec))
	for k, v := range rec {
		out[k] = v
	}
	out["receipt_id"] = num(rec["receipt_id"]) + int64(c)*1_000_000_000
	return out
}

func pageArgs(q url.Values) (limit, off int) {
	limit, _ = strconv.Atoi(q.Get("limit"))
	if limit <= 0 || limit > 100 {
		limit = 25
	}
	off, _ = strconv.Atoi(q.Get("offset"))
	return limit, max(off, 0)
}

func page(all []map[string]any, limit, off int) map[string]any {
	res := []map[string]any{}
	if off < len(all) {
		res = all[off:min(off+limit, len(all))]
	}
	return map[string]any{"count": len(all), "results": res}
}

// listingsPage answers getListingsByShop: state, limit/offset, includes.
func (s *Server) listingsPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	state := q.Get("state")
	if state == "" {
		state = "active"
	}
	limit, off := pageArgs(q)
	withInv := strings.Contains(q.Get("includes"), "Inventory")
	s.mu.Lock()
	var all []map[string]any
	for _, l := range s.listings {
		if l["state"] != state {
			continue
		}
		out := map[string]any{}
		for k, v := range l {
			if k != "inventory" || withInv {
				out[k] = v
			}
		}
		all = append(all, out)
	}
	s.mu.Unlock()
	standin.WriteJSON(w, http.StatusOK, page(all, limit, off))
}

// Consent opens the consent page at authURL as a browser would and returns
// the address Etsy sends the browser to (the callback with the code),
// without loading it: what the seller copies from the address bar.
func Consent(authURL string) (string, error) {
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(authURL)
	if err != nil {
		return "", err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		return "", fmt.Errorf("the consent page answered %s", resp.Status)
	}
	return resp.Header.Get("Location"), nil
}
