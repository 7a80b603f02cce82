// Package woocommerce is the WooCommerce store connector: the WooCommerce
// REST API v3 (/wp-json/wc/v3) of the seller's WordPress site, signed in
// with a consumer key and secret (HTTP basic authentication, so only over
// https; plain http only to this computer, for a stand-in store).
//
// Lists are read page by page (page, per_page=100), the X-WP-TotalPages
// header saying when to stop; an incremental sync asks for what changed
// since the mark with modified_after (dates_are_gmt), and a full sync
// (--full) reads everything, which also tells the orders deleted since.
// WordPress sites answer in many ways that are not the API: a theme's 404
// page when pretty permalinks are off, a security plugin's challenge page,
// rest_no_route when WooCommerce is missing; each gets its own plain error.
//
// Order statuses are the store's own text ("processing", "completed", or a
// plugin's "shipped"); known ones map onto the shop's financial and
// fulfilment statuses, others are kept as they are.
package woocommerce

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
)

// Config is one WooCommerce store and its REST API key.
type Config struct {
	URL            string // https://SITE, or http://127.0.0.1:PORT for a stand-in
	ConsumerKey    string // ck_...
	ConsumerSecret string // cs_...

	// ClientOptions: PageSize is per_page (default 100, WooCommerce's
	// maximum).
	connector.ClientOptions
}

// Client is a connector.Connector for one WooCommerce store.
type Client struct {
	cfg      Config
	base     *url.URL
	http     *connector.Transport
	currency string
}

var _ connector.Connector = (*Client)(nil)

// New checks the address and key; nothing is sent yet.
func New(cfg Config) (*Client, error) {
	u, err := connector.CheckURL(cfg.URL)
	if err != nil {
		return nil, err
	}
	if !strings.HasPrefix(cfg.ConsumerKey, "ck_") {
		return nil, domain.Errorf(domain.CodeInvalid, "the consumer key starts with ck_ (WooCommerce > Settings > Advanced > REST API)")
	}
	if !strings.HasPrefix(cfg.ConsumerSecret, "cs_") {
		return nil, domain.Errorf(domain.CodeInvalid, "the consumer secret starts with cs_ (WooCommerce shows it once, when the key is made)")
	}
	if cfg.PageSize <= 0 || cfg.PageSize > 100 {
		cfg.PageSize = 100
	}
	return &Client{cfg: cfg, base: u, http: cfg.Transport("WooCommerce")}, nil
}

// get reads path (under the site) with the key, into out; it returns the
// answer for its headers.
func (c *Client) get(ctx context.Context, path string, q url.Values, auth bool, out any) (connector.Response, error) {
	u := *c.base
	u.Path = c.base.Path + path
	u.RawQuery = q.Encode()
	resp, err := c.http.Do(ctx, func() (*http.Request, error) {
		req, err := http.NewRequest(http.MethodGet, u.String(), nil)
		if err == nil {
			req.Header.Set("Accept", "application/json")
			if auth {
				req.SetBasicAuth(c.cfg.ConsumerKey, c.cfg.ConsumerSecret)
			}
		}
		return req, err
	})
	if err != nil {
		return resp, c.answerError(err, path)
	}
	if connector.LooksLikeHTML(resp) {
		return resp, c.htmlError(resp.Status, path)
	}
	if err := json.Unmarshal(resp.Body, out); err != nil {
		return resp, domain.Wrap(err, domain.CodeTemporary, "WooCommerce's answer could not be read (damaged JSON: "+err.Error()+"); a plugin may be printing text into the API's answers")
	}
	return resp, nil
}

// wpError is the body of a WordPress REST error.
type wpError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (c *Client) answerError(err error, path string) error {
	var he *connector.HTTPError
	if !errors.As(err, &he) {
		return err
	}
	if de := (*domain.Error)(nil); errors.As(err, &de) && de.Code == domain.CodeTemporary {
		return err // the transport's words: kept asking to slow down, or kept failing
	}
	if connector.LooksLikeHTML(connector.Response{Status: he.Status, Header: he.Header, Body: he.Body}) {
		return c.htmlError(he.Status, path)
	}
	var we wpError
	json.Unmarshal(he.Body, &we)
	switch {
	case we.Code == "rest_no_route":
		return domain.Wrap(err, domain.CodeNotFound, fmt.Sprintf("%s has no WooCommerce REST API v3: check that WooCommerce (3.5 or newer) is active on the site", c.base.Host))
	case he.Status == http.StatusUnauthorized && (strings.HasPrefix(we.Code, "woocommerce_rest_cannot_create") || strings.Contains(we.Message, "write permission")):
		return domain.Wrap(err, domain.CodeAuthFailed, "the WooCommerce key can only read: to let Shopclerk write to the store, give the key Read/Write permissions (WooCommerce > Settings > Advanced > REST API)")
	case he.Status == http.StatusUnauthorized || he.Status == http.StatusForbidden:
		msg := "WooCommerce did not accept the consumer key and secret"
		if we.Message != "" {
			msg += " (" + we.Message + ")"
		}
		return domain.Wrap(err, domain.CodeAuthFailed, msg+": check them in WooCommerce > Settings > Advanced > REST API, and that the key's user may manage WooCommerce")
	}
	return domain.Wrap(err, domain.CodeInternal, fmt.Sprintf("WooCommerce answered HTTP %d: %s", he.Status, connector.Snippet(he.Body)))
}

// htmlError words a web page where the API should answer.
func (c *Client) htmlError(status int, path string) error {
	if status == http.StatusNotFound {
		return domain.Errorf(domain.CodeInvalid, "%s answered %s with a web page, not the WooCommerce API: WordPress's pretty permalinks are probably off. In WordPress, open Settings > Permalinks, choose any structure but Plain, and save", c.base.Host, "/wp-json/")
	}
	return domain.Errorf(domain.CodeInvalid, "%s answered with a web page (HTTP %d), not the WooCommerce API: a security plugin or firewall (Wordfence, iThemes, Cloudflare...) is probably blocking it. Allow requests to /wp-json/wc/ from this computer", c.base.Host, status)
}

// Check reads the site's name and time zone and the store's currency,
// which also proves the key works.
func (c *Client) Check(ctx context.Context) (connector.ShopInfo, error) {
	var index struct {
		Name     string `json:"name"`
		TimeZone string `json:"timezone_string"`
	}
	if _, err := c.get(ctx, "/wp-json/", nil, false, &index); err != nil {
		return connector.ShopInfo{}, err
	}
	var cur struct {
		Value string `json:"value"`
	}
	if _, err := c.get(ctx, "/wp-json/wc/v3/settings/general/woocommerce_currency", nil, true, &cur); err != nil {
		return connector.ShopInfo{}, err
	}
	c.currency = strings.ToUpper(cur.Value)
	info := connector.ShopInfo{Name: index.Name, Domain: c.base.Host, Currency: c.currency, TimeZone: index.TimeZone, Missing: []string{}, Notes: []string{}}
	if info.TimeZone == "" {
		info.Notes = append(info.Notes, "The site's time zone is a UTC offset, not a city (WordPress > Settings > General); its times are read as UTC.")
	}
	return info, nil
}

// Resources: products (with their stock) before orders. WooCommerce cannot
// list customers changed since a date, so they come in a full sync; orders
// carry their buyers' details either way. Abandoned carts need a plugin
// and are not read.
func (c *Client) Resources() []connector.ResourceSpec {
	return []connector.ResourceSpec{
		{Resource: connector.ResourceProducts},
		{Resource: connector.ResourceCustomers},
		{Resource: connector.ResourceOrders, Complete: true},
	}
}

// Fetch reads one page (Query.Cursor is the page number).
func (c *Client) Fetch(ctx context.Context, r connector.Resource, q connector.Query) (connector.Page, error) {
	page := 1
	if q.Cursor != "" {
		page, _ = strconv.Atoi(q.Cursor)
	}
	v := url.Values{"page": {strconv.Itoa(page)}, "per_page": {strconv.Itoa(c.cfg.PageSize)}, "order": {"asc"}, "orderby": {"id"}}
	if !q.Since.IsZero() {
		v.Set("modified_after", q.Since.UTC().Format("2006-01-02T15:04:05"))
		v.Set("dates_are_gmt", "true")
	}
	var out connector.Page
	var resp connector.Response
	var err error
	switch r {
	case connector.ResourceOrders:
		var list []order
		if resp, err = c.get(ctx, "/wp-json/wc/v3/orders", v, true, &list); err != nil {
			return out, err
		}
		for i := range list {
			o := orderOf(&list[i])
			if list[i].Status == "trash" {
				out.Deleted = append(out.Deleted, connector.Deletion{Kind: "order", ExternalID: o.ExternalID, At: o.UpdatedAt})
			}
			out.Orders = append(out.Orders, o)
			out.Newest = connector.Later(out.Newest, o.UpdatedAt)
		}
	case connector.ResourceProducts:
		var list []product
		if resp, err = c.get(ctx, "/wp-json/wc/v3/products", v, true, &list); err != nil {
			return out, err
		}
		for i := range list {
			p, st := productOf(&list[i], c.currency)
			out.Products = append(out.Products, p)
			if st != nil {
				out.Stock = append(out.Stock, *st)
			}
			out.Newest = connector.Later(out.Newest, list[i].modified())
		}
	case connector.ResourceCustomers:
		if !q.Since.IsZero() {
			return out, nil // see Resources
		}
		v.Del("orderby")
		v.Set("role", "all")
		var list []customer
		if resp, err = c.get(ctx, "/wp-json/wc/v3/customers", v, true, &list); err != nil {
			return out, err
		}
		for i := range list {
			out.Customers = append(out.Customers, customerOf(&list[i]))
			out.Newest = connector.Later(out.Newest, list[i].modified())
		}
	default:
		return out, domain.Errorf(domain.CodeInvalid, "WooCommerce has no %s to sync", r)
	}
	if pages, err := strconv.Atoi(resp.Header.Get("X-WP-TotalPages")); err == nil && page < pages {
		out.Next = strconv.Itoa(page + 1)
	}
	return out, nil
}

// gmt reads WooCommerce's "_gmt" times, which carry no zone.
func gmt(s string) time.Time {
	t, err := time.Parse("2006-01-02T15:04:05", s)
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

func gmtPtr(s *string) *time.Time {
	if s == nil || *s == "" {
		return nil
	}
	t := gmt(*s)
	if t.IsZero() {
		return nil
	}
	return &t
}
