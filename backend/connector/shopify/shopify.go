// Package shopify is the Shopify store connector: the Admin GraphQL API at
// a pinned version (APIVersion), signed in with a custom app's Admin API
// token (shpat_...) or a Dev Dashboard app's client ID and secret, which the
// client credentials grant exchanges for a token that lasts about a day
// (renewed before it runs out, and once more when Shopify says it has).
//
// Every resource is read with cursor pagination, sorted by updated_at
// oldest first where Shopify can sort (orders, customers, products,
// abandoned checkouts), filtered by "updated_at:>=" for an incremental
// sync. Shopify limits an app by the calculated cost of its queries: each
// answer's extensions.cost.throttleStatus says how much of the bucket is
// left, and the client waits for the bucket to refill before a query that
// would not fit, and after a THROTTLED error or an HTTP 429.
//
// Records come out in the shapes of Shopify's own CSV exports (decode.go):
// an order's external id is its name ("#1058"), as the orders export has it,
// so an exported and a synced order are one record.
package shopify

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
)

// APIVersion is the Admin API version Shopclerk speaks: the latest stable
// one when this was written (2026-07, supported until at least July 2027).
const APIVersion = "2026-07"

// Config is one Shopify store and how to sign in to it.
type Config struct {
	URL  string // https://NAME.myshopify.com, or http://127.0.0.1:PORT for a stand-in
	Auth domain.StoreAuth
	// Token is the Admin API access token (AuthToken).
	Token string
	// ClientID and ClientSecret are the app's (AuthClientCredentials).
	ClientID, ClientSecret string

	// ClientOptions: a page asks for PageSize orders (default 50).
	connector.ClientOptions
	// Bulk is how many orders make a first sync read them through a bulk
	// operation (0: BulkThreshold; -1: never).
	Bulk int
	// BulkHTTP fetches the bulk operation's file (default: a plain client).
	BulkHTTP *http.Client
}

// Client is a connector.Connector for one Shopify store.
type Client struct {
	cfg   Config
	base  *url.URL
	http  *connector.Transport
	clock clock.Clock

	mu      sync.Mutex
	token   string
	expires time.Time // zero: the token does not expire
	bucket  throttle
	scopes  map[string]bool
	// shopCurrency is the shop's currency, as Check read it.
	shopCurrency string
	// bulk is the bulk file of orders being read (nil when none).
	bulk *bulkStream
}

var _ connector.Connector = (*Client)(nil)

// New checks the address and makes a client; nothing is sent yet.
func New(cfg Config) (*Client, error) {
	u, err := CheckURL(cfg.URL)
	if err != nil {
		return nil, err
	}
	switch cfg.Auth {
	case domain.AuthToken:
		if strings.TrimSpace(cfg.Token) == "" {
			return nil, domain.Errorf(domain.CodeInvalid, "enter the store's Admin API access token (it starts with shpat_)")
		}
	case domain.AuthClientCredentials:
		if cfg.ClientID == "" || cfg.ClientSecret == "" {
			return nil, domain.Errorf(domain.CodeInvalid, "enter both the app's client ID and its secret (Dev Dashboard > your app > Settings)")
		}
	default:
		return nil, domain.Errorf(domain.CodeInvalid, "a Shopify store signs in with an access token or a client ID and secret")
	}
	if cfg.PageSize <= 0 {
		cfg.PageSize = 50
	}
	t := cfg.Transport("Shopify")
	c := &Client{cfg: cfg, base: u, clock: t.Clock, http: t}
	if cfg.Auth == domain.AuthToken {
		c.token = strings.TrimSpace(cfg.Token)
	}
	return c, nil
}

// CheckURL checks a Shopify store address: the store's NAME.myshopify.com
// address (its own domain serves the shop front, not the Admin API), or a
// loopback stand-in.
func CheckURL(raw string) (*url.URL, error) {
	u, err := connector.CheckURL(raw)
	if err != nil {
		return nil, err
	}
	host := u.Hostname()
	if !connector.IsLoopback(host) {
		if !strings.HasSuffix(host, ".myshopify.com") || strings.Count(host, ".") != 2 {
			return nil, domain.Errorf(domain.CodeInvalid, "%s is not a myshopify.com address. Use the store's NAME.myshopify.com address: Shopify admin > Settings > Domains shows it", host)
		}
	}
	u.Path = ""
	return u, nil
}

// renewBefore is how long before its expiry a granted token is renewed, so
// a page never goes out with a token about to lapse.
const renewBefore = 5 * time.Minute

// accessToken returns a token to send, asking for a new one when the
// client credentials token is missing or about to expire (or force).
func (c *Client) accessToken(ctx context.Context, force bool) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cfg.Auth != domain.AuthClientCredentials {
		return c.token, nil
	}
	if !force && c.token != "" && (c.expires.IsZero() || c.clock.Now().Before(c.expires.Add(-renewBefore))) {
		return c.token, nil
	}
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {c.cfg.ClientID}, "client_secret": {c.cfg.ClientSecret}}
	resp, err := c.http.PostForm(ctx, c.base.String()+"/admin/oauth/access_token", form)
	if err != nil {
		var he *connector.HTTPError
		if errors.As(err, &he) && (he.Status == 400 || he.Status == 401 || he.Status == 403) {
			return "", domain.Wrap(err, domain.CodeAuthFailed, "Shopify did not accept the app's client ID and secret: check them in the Dev Dashboard (your app > Settings), and that the app is installed on this store")
		}
		return "", c.answerError(err)
	}
	var tok struct {
		AccessToken string `json:"access_token"`
		Scope       string `json:"scope"`
		ExpiresIn   int64  `json:"expires_in"`
	}
	if err := decodeJSON(resp, &tok); err != nil {
		return "", err
	}
	if tok.AccessToken == "" {
		return "", domain.Errorf(domain.CodeAuthFailed, "Shopify answered the sign-in without a token")
	}
	c.token = tok.AccessToken
	c.expires = time.Time{}
	if tok.ExpiresIn > 0 {
		c.expires = c.clock.Now().Add(time.Duration(tok.ExpiresIn) * time.Second)
	}
	return c.token, nil
}

// gqlError is one entry of a GraphQL answer's errors.
type gqlError struct {
	Message    string `json:"message"`
	Extensions struct {
		Code string `json:"code"`
	} `json:"extensions"`
}

// envelope is a GraphQL answer.
type envelope struct {
	Data json.RawMessage `json:"data"`
	// Errors is a list, except for some HTTP-level errors, where Shopify
	// sends a string; both are kept as raw JSON.
	Errors     json.RawMessage `json:"errors"`
	Extensions struct {
		Cost *cost `json:"cost"`
	} `json:"extensions"`
}

type cost struct {
	RequestedQueryCost float64        `json:"requestedQueryCost"`
	ActualQueryCost    *float64       `json:"actualQueryCost"`
	ThrottleStatus     throttleStatus `json:"throttleStatus"`
}

type throttleStatus struct {
	MaximumAvailable   float64 `json:"maximumAvailable"`
	CurrentlyAvailable float64 `json:"currentlyAvailable"`
	RestoreRate        float64 `json:"restoreRate"`
}

// throttle is the bucket as the last answer left it.
type throttle struct {
	status throttleStatus
	at     time.Time
	known  bool
	costs  map[string]float64 // the requested cost of each query, as last seen
}

// wait is how long to wait before a query of cost needs fits the bucket.
func (t *throttle) wait(need float64, now time.Time) time.Duration {
	if !t.known || t.status.RestoreRate <= 0 {
		return 0
	}
	avail := t.status.CurrentlyAvailable + now.Sub(t.at).Seconds()*t.status.RestoreRate
	if avail >= need {
		return 0
	}
	return time.Duration((need - avail) / t.status.RestoreRate * float64(time.Second))
}

// maxThrottled bounds how many THROTTLED answers one query may get.
const maxThrottled = 8

// query runs a GraphQL query and decodes its data into out.
func (c *Client) query(ctx context.Context, name, text string, vars map[string]any, out any) error {
	body, _ := json.Marshal(map[string]any{"query": text, "variables": vars})
	renewed := false
	for throttled := 0; ; {
		if err := c.waitForBucket(ctx, name, 0); err != nil {
			return err
		}
		tok, err := c.accessToken(ctx, false)
		if err != nil {
			return err
		}
		resp, err := c.http.Do(ctx, func() (*http.Request, error) {
			req, err := http.NewRequest(http.MethodPost, c.base.String()+"/admin/api/"+APIVersion+"/graphql.json", bytes.NewReader(body))
			if err == nil {
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("Accept", "application/json")
				req.Header.Set("X-Shopify-Access-Token", tok)
			}
			return req, err
		})
		var he *connector.HTTPError
		if errors.As(err, &he) && he.Status == http.StatusUnauthorized && c.cfg.Auth == domain.AuthClientCredentials && !renewed {
			// The granted token ran out early, or was replaced: ask again once.
			renewed = true
			if _, err := c.accessToken(ctx, true); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return c.answerError(err)
		}
		var env envelope
		if err := decodeJSON(resp, &env); err != nil {
			return err
		}
		c.noteCost(name, env.Extensions.Cost)
		errs := parseErrors(env.Errors)
		if isThrottled(errs) {
			throttled++
			if throttled > maxThrottled {
				return domain.Errorf(domain.CodeTemporary, "Shopify kept throttling Shopclerk's queries; the sync will go on next time from where it stopped")
			}
			if err := c.waitForBucket(ctx, name, 100*time.Millisecond); err != nil {
				return err
			}
			continue
		}
		if len(errs) > 0 {
			return queryError(errs)
		}
		if err := json.Unmarshal(env.Data, out); err != nil {
			return domain.Wrap(err, domain.CodeTemporary, "Shopify's answer was not in the expected shape: "+err.Error())
		}
		return nil
	}
}

// waitForBucket waits until the bucket holds what the query cost last
// time (at least least), and counts the wait as refilled: the bucket is
// known again from the next answer.
func (c *Client) waitForBucket(ctx context.Context, name string, least time.Duration) error {
	c.mu.Lock()
	need := c.bucket.costs[name]
	d := max(c.bucket.wait(need, c.clock.Now()), least)
	c.mu.Unlock()
	if d <= 0 {
		return nil
	}
	if err := c.http.Sleep(ctx, d); err != nil {
		return err
	}
	c.mu.Lock()
	c.bucket.status.CurrentlyAvailable += d.Seconds() * c.bucket.status.RestoreRate
	c.mu.Unlock()
	return nil
}

func (c *Client) noteCost(name string, k *cost) {
	if k == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.bucket.costs == nil {
		c.bucket.costs = map[string]float64{}
	}
	c.bucket.costs[name] = k.RequestedQueryCost
	c.bucket.status, c.bucket.at, c.bucket.known = k.ThrottleStatus, c.clock.Now(), true
}

func parseErrors(raw json.RawMessage) []gqlError {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var list []gqlError
	if err := json.Unmarshal(raw, &list); err == nil {
		return list
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil && s != "" {
		return []gqlError{{Message: s}}
	}
	return []gqlError{{Message: string(raw)}}
}

func isThrottled(errs []gqlError) bool {
	for _, e := range errs {
		if e.Extensions.Code == "THROTTLED" || strings.EqualFold(e.Message, "Throttled") {
			return true
		}
	}
	return false
}

func queryError(errs []gqlError) error {
	msgs := make([]string, 0, len(errs))
	denied := false
	for _, e := range errs {
		msgs = append(msgs, e.Message)
		denied = denied || e.Extensions.Code == "ACCESS_DENIED"
	}
	if denied {
		return domain.Errorf(domain.CodeAuthFailed, "Shopify refused part of the sync: %s. Grant the missing access scope to the app (custom app: Settings > Apps and sales channels > Develop apps > your app > Configuration; Dev Dashboard app: your app > Versions > Access scopes), then sync again", strings.Join(msgs, "; "))
	}
	return domain.Errorf(domain.CodeInternal, "Shopify refused Shopclerk's query: %s", strings.Join(msgs, "; "))
}

// answerError words an HTTP failure for the seller.
func (c *Client) answerError(err error) error {
	var he *connector.HTTPError
	if !errors.As(err, &he) {
		return err
	}
	if de := (*domain.Error)(nil); errors.As(err, &de) && de.Code == domain.CodeTemporary {
		return err // the transport's words: kept asking to slow down, or kept failing
	}
	r := connector.Response{Status: he.Status, Header: he.Header, Body: he.Body}
	switch {
	case he.Status == http.StatusUnauthorized:
		if c.cfg.Auth == domain.AuthClientCredentials {
			return domain.Wrap(err, domain.CodeAuthFailed, "Shopify no longer accepts the app's token even after a fresh sign-in: check that the app is still installed on this store")
		}
		return domain.Wrap(err, domain.CodeAuthFailed, "Shopify no longer accepts the access token (it was revoked, or the app was uninstalled). Make a new one in Shopify admin > Settings > Apps and sales channels > Develop apps, then run `shopclerk store add` again")
	case he.Status == http.StatusPaymentRequired:
		return domain.Wrap(err, domain.CodeAuthFailed, "Shopify says this store is frozen (its bill is unpaid); the sync waits until it is open again")
	case he.Status == http.StatusForbidden:
		return domain.Wrap(err, domain.CodeAuthFailed, "Shopify refused access (HTTP 403): the app may lack an access scope, or the store may be closed")
	case he.Status == http.StatusLocked:
		return domain.Wrap(err, domain.CodeAuthFailed, "Shopify says this store is locked; the sync waits until it is open again")
	case connector.LooksLikeHTML(r):
		return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("%s answered with a web page (HTTP %d), not Shopify's Admin API: check that the address is the store's NAME.myshopify.com address", c.base.Host, he.Status))
	case he.Status == http.StatusNotFound:
		return domain.Wrap(err, domain.CodeNotFound, fmt.Sprintf("no Shopify store answers at %s: check the store's NAME.myshopify.com address", c.base.Host))
	}
	return domain.Wrap(err, domain.CodeInternal, fmt.Sprintf("Shopify answered HTTP %d: %s", he.Status, connector.Snippet(he.Body)))
}

// decodeJSON reads a 2xx answer's JSON, with a clear error for an HTML page
// or a damaged body.
func decodeJSON(r connector.Response, out any) error {
	if connector.LooksLikeHTML(r) {
		return domain.Errorf(domain.CodeInvalid, "the store answered with a web page, not Shopify's Admin API: check that the address is the store's NAME.myshopify.com address")
	}
	if err := json.Unmarshal(r.Body, out); err != nil {
		return domain.Wrap(err, domain.CodeTemporary, "Shopify's answer could not be read (damaged JSON: "+err.Error()+"); the sync will try again next time")
	}
	return nil
}
