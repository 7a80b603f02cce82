// Package etsy is the Etsy store connector: Etsy's Open API v3
// (https://openapi.etsy.com/v3/application), signed in with OAuth 2.
//
// Every request carries the app's key (x-api-key: keystring:shared_secret,
// the form Etsy requires since February 2026) and the seller's access
// token (Authorization: Bearer 12345678.…, the seller's user id, a dot,
// the token). An access token lasts an hour; the client trades the refresh
// token for a new pair before it runs out, or when Etsy says it has, and
// hands the new pair to Config.Save at once (Etsy may replace the refresh
// token too). The sign-in itself is the browser flow the mail accounts use
// (secrets.Authorize: PKCE through a loopback redirect), with Provider.
//
// Receipts (orders, with their transactions as lines and their shipments)
// are read by limit/offset, oldest change first, from the mark with
// min_last_modified; listings with their inventory (products, offerings,
// quantities, SKUs) are read whole each time, since Etsy cannot list the
// listings changed since a date and a sale changes the quantity anyway.
// A receipt is keyed by its receipt id, the "Order ID" of Etsy's Sold
// Orders export, so a file and the API reach one order.
//
// Etsy's API retired coupons and has no buyer tags or order holds; only
// stock is written back (domain.StoreKind.Unwritable says so to the seller).
package etsy

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
	"shopclerk/backend/secrets"
)

// Scopes are the OAuth scopes Shopclerk asks for: receipts (read, and
// write for shipments), listings (read, and write for stock), the shop,
// and the buyer's email where Etsy grants it to the app.
var Scopes = []string{"transactions_r", "transactions_w", "listings_r", "listings_w", "shops_r", "email_r"}

// readScopes are the scopes a sync cannot go without.
var readScopes = []string{"shops_r", "transactions_r", "listings_r"}

// Address is an Etsy store's address as Shopclerk keeps it: Etsy has one.
const Address = apiBase

// Etsy's own addresses; a stand-in at http://127.0.0.1:PORT answers all
// three under its one address.
const (
	apiBase   = "https://openapi.etsy.com"
	tokenURL  = "https://api.etsy.com/v3/public/oauth/token"
	authorize = "https://www.etsy.com/oauth/connect"
)

// Provider is Etsy's OAuth server for the store at base ("" for Etsy).
func Provider(base string) (secrets.OAuthProvider, error) {
	p := secrets.OAuthProvider{Name: "Etsy", AuthURL: authorize, TokenURL: tokenURL, Scopes: Scopes}
	if base == "" || base == Address {
		return p, nil
	}
	u, err := standIn(base)
	if err != nil {
		return p, err
	}
	p.AuthURL, p.TokenURL = u.String()+"/oauth/connect", u.String()+"/v3/public/oauth/token"
	return p, nil
}

// standIn checks a stand-in's address: only this computer, since Etsy
// itself has one address.
func standIn(base string) (*url.URL, error) {
	u, err := connector.CheckURL(base)
	if err != nil {
		return nil, err
	}
	if !connector.IsLoopback(u.Hostname()) {
		return nil, domain.Errorf(domain.CodeInvalid, "Etsy has one address; leave the store address empty (only a stand-in on this computer has its own)")
	}
	return u, nil
}

// Secret is what the keychain keeps for an Etsy store.
type Secret struct {
	SharedSecret string    `json:"sharedSecret"`
	AccessToken  string    `json:"accessToken"`
	RefreshToken string    `json:"refreshToken"`
	Expiry       time.Time `json:"expiry"`
}

// ParseSecret reads a keychain secret.
func ParseSecret(s string) (Secret, error) {
	var sec Secret
	if err := json.Unmarshal([]byte(s), &sec); err != nil {
		return sec, domain.Errorf(domain.CodeAuthFailed, "the saved Etsy sign-in is damaged: remove the store and sign in with Etsy again")
	}
	if err := checkToken(sec.RefreshToken); err != nil {
		return sec, err
	}
	return sec, nil
}

// String is the secret as the keychain keeps it.
func (s Secret) String() string {
	b, _ := json.Marshal(s)
	return string(b)
}

// checkToken checks the shape of an Etsy token: the user id, a dot, the rest.
func checkToken(tok string) error {
	id, rest, ok := strings.Cut(strings.TrimSpace(tok), ".")
	if _, err := strconv.ParseUint(id, 10, 64); !ok || err != nil || rest == "" {
		return domain.Errorf(domain.CodeInvalid, "that is not an Etsy refresh token: one starts with your Etsy user id and a dot (12345678.…)")
	}
	return nil
}

// Config is one Etsy shop and its sign-in.
type Config struct {
	// URL is "" (or Address) for Etsy, or http://127.0.0.1:PORT for a stand-in.
	URL string
	// Keystring is the app's keystring (its OAuth client id).
	Keystring string
	Secret    Secret
	// Save, if set, keeps a refreshed secret the moment it arrives.
	Save func(secret string) error

	// ClientOptions: PageSize is limit (default 100, Etsy's maximum).
	connector.ClientOptions
}

// Client is a connector.Connector for one Etsy shop.
type Client struct {
	cfg       Config
	api, auth string
	http      *connector.Transport
	clock     clock.Clock

	mu       sync.Mutex
	secret   Secret
	shopID   int64
	currency string
	// skus are the listings that sell each SKU, as the write-back read them.
	skus map[string]int64
}

var _ connector.Connector = (*Client)(nil)

// New checks the sign-in's shape; nothing is sent yet.
func New(cfg Config) (*Client, error) {
	if strings.TrimSpace(cfg.Keystring) == "" {
		return nil, domain.Errorf(domain.CodeInvalid, "enter your Etsy app's keystring (etsy.com/developers/your-apps)")
	}
	if strings.TrimSpace(cfg.Secret.SharedSecret) == "" {
		return nil, domain.Errorf(domain.CodeInvalid, "enter your Etsy app's shared secret (etsy.com/developers/your-apps): Etsy refuses requests without it")
	}
	if err := checkToken(cfg.Secret.RefreshToken); err != nil {
		return nil, err
	}
	if cfg.PageSize <= 0 || cfg.PageSize > 100 {
		cfg.PageSize = 100
	}
	c := &Client{cfg: cfg, api: apiBase, auth: tokenURL, secret: cfg.Secret, http: cfg.Transport("Etsy")}
	c.clock = c.http.Clock
	if cfg.URL != "" && cfg.URL != Address {
		u, err := standIn(cfg.URL)
		if err != nil {
			return nil, err
		}
		c.api, c.auth = u.String(), u.String()+"/v3/public/oauth/token"
	}
	return c, nil
}

// Secret is the sign-in as it is now (refreshed tokens included).
func (c *Client) Secret() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.secret.String()
}

// token is a valid access token: the one held, or a new one when it runs
// out within a minute (or force: Etsy said it had).
func (c *Client) token(ctx context.Context, force bool) (string, error) {
	c.mu.Lock()
	sec := c.secret
	c.mu.Unlock()
	if !force && sec.AccessToken != "" && c.clock.Now().Add(time.Minute).Before(sec.Expiry) {
		return sec.AccessToken, nil
	}
	form := url.Values{"grant_type": {"refresh_token"}, "client_id": {c.cfg.Keystring}, "refresh_token": {sec.RefreshToken}}
	resp, err := c.http.PostForm(ctx, c.auth, form)
	if err != nil {
		var he *connector.HTTPError
		if errors.As(err, &he) && he.Status >= 400 && he.Status < 500 {
			return "", domain.Wrap(err, domain.CodeAuthFailed, "Etsy no longer accepts Shopclerk's sign-in (it was revoked, or not used for 90 days): sign in with Etsy again in Settings > Stores")
		}
		return "", c.answerError(err)
	}
	var tok struct {
		AccessToken  string `json:"access_token"`
		RefreshToken string `json:"refresh_token"`
		ExpiresIn    int64  `json:"expires_in"`
	}
	if err := c.decode(resp, &tok); err != nil {
		return "", err
	}
	if tok.AccessToken == "" {
		return "", domain.Errorf(domain.CodeAuthFailed, "Etsy gave Shopclerk no access token; sign in with Etsy again")
	}
	sec.AccessToken = tok.AccessToken
	if tok.RefreshToken != "" {
		sec.RefreshToken = tok.RefreshToken
	}
	sec.Expiry = c.clock.Now().Add(time.Duration(tok.ExpiresIn) * time.Second)
	c.mu.Lock()
	c.secret = sec
	c.mu.Unlock()
	if c.cfg.Save != nil {
		if err := c.cfg.Save(sec.String()); err != nil {
			return "", err
		}
	}
	return sec.AccessToken, nil
}

// call sends method to path (under /v3/application) with the query and a
// body (form values or JSON), and reads the answer into out. An access
// token Etsy calls expired is refreshed and the call made once more.
func (c *Client) call(ctx context.Context, method, path string, q url.Values, body any, out any) error {
	u := c.api + "/v3/application" + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	var data []byte
	ctype := ""
	switch b := body.(type) {
	case nil:
	case url.Values:
		data, ctype = []byte(b.Encode()), "application/x-www-form-urlencoded"
	default:
		data, _ = json.Marshal(b)
		ctype = "application/json"
	}
	for try := 0; ; try++ {
		tok, err := c.token(ctx, try > 0)
		if err != nil {
			return err
		}
		resp, err := c.http.Do(ctx, func() (*http.Request, error) {
			req, err := http.NewRequest(method, u, bytes.NewReader(data))
			if err == nil {
				req.Header.Set("x-api-key", c.cfg.Keystring+":"+c.cfg.Secret.SharedSecret)
				req.Header.Set("Authorization", "Bearer "+tok)
				req.Header.Set("Accept", "application/json")
				if ctype != "" {
					req.Header.Set("Content-Type", ctype)
				}
			}
			return req, err
		})
		var he *connector.HTTPError
		if try == 0 && errors.As(err, &he) && he.Status == http.StatusUnauthorized && etsyError(he.Body) == "invalid_token" {
			continue // expired early, or revoked: a new token says which
		}
		if err != nil {
			return c.answerError(err)
		}
		if out == nil {
			return nil
		}
		return c.decode(resp, out)
	}
}

func (c *Client) decode(resp connector.Response, out any) error {
	if connector.LooksLikeHTML(resp) {
		return domain.Errorf(domain.CodeTemporary, "Etsy answered with a web page (HTTP %d), not its API: Etsy may be down for maintenance; try again later", resp.Status)
	}
	if err := json.Unmarshal(resp.Body, out); err != nil {
		return domain.Wrap(err, domain.CodeTemporary, "Etsy's answer could not be read (damaged JSON: "+err.Error()+"); try again later")
	}
	return nil
}

// etsyError is the error text of an Etsy error answer: {"error": "..."}.
func etsyError(body []byte) string {
	var e struct {
		Error string `json:"error"`
	}
	json.Unmarshal(body, &e)
	return e.Error
}

func (c *Client) answerError(err error) error {
	var he *connector.HTTPError
	if !errors.As(err, &he) {
		return err
	}
	if de := (*domain.Error)(nil); errors.As(err, &de) && de.Code == domain.CodeTemporary {
		return err // the transport's words: kept asking to slow down, or kept failing
	}
	if connector.LooksLikeHTML(connector.Response{Status: he.Status, Header: he.Header, Body: he.Body}) {
		return domain.Errorf(domain.CodeTemporary, "Etsy answered with a web page (HTTP %d), not its API: Etsy may be down for maintenance; try again later", he.Status)
	}
	msg := etsyError(he.Body)
	switch {
	case he.Status == http.StatusUnauthorized:
		return domain.Wrap(err, domain.CodeAuthFailed, "Etsy did not accept Shopclerk's sign-in ("+msg+"): sign in with Etsy again in Settings > Stores")
	case he.Status == http.StatusForbidden && strings.Contains(strings.ToLower(msg), "scope"):
		return domain.Wrap(err, domain.CodeAuthFailed, "Etsy's sign-in lacks a permission ("+msg+"): sign in with Etsy again and allow everything Shopclerk asks for")
	case he.Status == http.StatusForbidden:
		return domain.Wrap(err, domain.CodeAuthFailed, "Etsy refused the request ("+msg+"): check the app's keystring and shared secret (etsy.com/developers/your-apps)")
	case he.Status == http.StatusNotFound:
		return domain.Wrap(err, domain.CodeNotFound, "Etsy does not have that ("+msg+")")
	}
	return domain.Wrap(err, domain.CodeInternal, fmt.Sprintf("Etsy answered HTTP %d: %s", he.Status, connector.Snippet(he.Body)))
}

// shop reads the seller's shop id (getMe) once.
func (c *Client) shop(ctx context.Context) (int64, error) {
	c.mu.Lock()
	id := c.shopID
	c.mu.Unlock()
	if id != 0 {
		return id, nil
	}
	var me struct {
		UserID int64 `json:"user_id"`
		ShopID int64 `json:"shop_id"`
	}
	if err := c.call(ctx, http.MethodGet, "/users/me", nil, nil, &me); err != nil {
		return 0, err
	}
	if me.ShopID == 0 {
		return 0, domain.Errorf(domain.CodeNotFound, "the Etsy account Shopclerk signed in with has no shop: sign in with the account that owns the shop")
	}
	c.mu.Lock()
	c.shopID = me.ShopID
	c.mu.Unlock()
	return me.ShopID, nil
}

func (c *Client) shopPath(ctx context.Context, rest string) (string, error) {
	id, err := c.shop(ctx)
	return "/shops/" + strconv.FormatInt(id, 10) + rest, err
}

// Check reads the shop (getMe, getShop) and the sign-in's scopes. Etsy
// names no time zone for a shop (its times are epoch seconds), so none is
// claimed.
func (c *Client) Check(ctx context.Context) (connector.ShopInfo, error) {
	path, err := c.shopPath(ctx, "")
	if err != nil {
		return connector.ShopInfo{}, err
	}
	var shop struct {
		ShopName     string `json:"shop_name"`
		CurrencyCode string `json:"currency_code"`
		URL          string `json:"url"`
	}
	if err := c.call(ctx, http.MethodGet, path, nil, nil, &shop); err != nil {
		return connector.ShopInfo{}, err
	}
	c.mu.Lock()
	c.currency = strings.ToUpper(shop.CurrencyCode)
	c.mu.Unlock()
	host := "www.etsy.com"
	if u, err := url.Parse(shop.URL); err == nil && u.Host != "" {
		host = u.Host + u.Path
	}
	info := connector.ShopInfo{Name: shop.ShopName, Domain: host, Currency: c.currency, Missing: []string{}, Notes: []string{}}
	have, err := c.scopes(ctx)
	if err != nil {
		return info, err
	}
	for _, s := range readScopes {
		if !have[s] {
			info.Missing = append(info.Missing, fmt.Sprintf("%s (%s): sign in with Etsy again and allow it", s, scopeWords[s]))
		}
	}
	if !have["email_r"] {
		info.Notes = append(info.Notes, "Etsy does not share buyers' email addresses with this app, so Etsy buyers are known by their Etsy user id and get no email from Shopclerk.")
	}
	return info, nil
}

var scopeWords = map[string]string{"shops_r": "read the shop", "transactions_r": "read orders", "listings_r": "read listings",
	"listings_w": "change listings' stock", "transactions_w": "add shipments to orders", "email_r": "read buyers' email"}

// scopes asks Etsy which scopes the access token carries (tokenScopes).
func (c *Client) scopes(ctx context.Context) (map[string]bool, error) {
	tok, err := c.token(ctx, false)
	if err != nil {
		return nil, err
	}
	var out struct {
		Scopes []string `json:"scopes"`
	}
	if err := c.call(ctx, http.MethodPost, "/scopes", nil, url.Values{"token": {tok}}, &out); err != nil {
		return nil, err
	}
	have := map[string]bool{}
	for _, s := range out.Scopes {
		have[s] = true
	}
	return have, nil
}

// Resources: listings (products and stock) before receipts.
func (c *Client) Resources() []connector.ResourceSpec {
	return []connector.ResourceSpec{
		{Resource: connector.ResourceProducts},
		{Resource: connector.ResourceOrders, Ordered: true},
	}
}
