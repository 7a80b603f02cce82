package woocommerce

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

	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/store/connectordb"
)

// Write-back to WooCommerce (connector.Pusher). WooCommerce has no
// idempotency keys and no compare-and-set, so every write is read back:
// a coupon by its code (unique in WooCommerce), a stock change by the key
// Shopclerk writes beside the quantity (the product's _shopclerk_write meta);
// and the quantity is read again right before it is written, so a sale is
// overwritten only if it lands within that one request.

var _ connector.Pusher = (*Client)(nil)

// writeMeta is the product meta that names the last stock write Shopclerk made.
const writeMeta = "_shopclerk_write"

// send sends a JSON body with method to path and reads the answer into out.
func (c *Client) send(ctx context.Context, method, path string, body, out any) error {
	u := *c.base
	u.Path = c.base.Path + path
	data, _ := json.Marshal(body)
	resp, err := c.http.Do(ctx, func() (*http.Request, error) {
		req, err := http.NewRequest(method, u.String(), bytes.NewReader(data))
		if err == nil {
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Accept", "application/json")
			req.SetBasicAuth(c.cfg.ConsumerKey, c.cfg.ConsumerSecret)
		}
		return req, err
	})
	if err != nil {
		return c.answerError(err, path)
	}
	if connector.LooksLikeHTML(resp) {
		return c.htmlError(resp.Status, path)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(resp.Body, out); err != nil {
		return domain.Wrap(err, domain.CodeTemporary, "WooCommerce's answer could not be read (damaged JSON: "+err.Error()+")")
	}
	return nil
}

// wpCode is the WordPress error code of a refused request ("" if none).
func wpCode(err error) string {
	var he *connector.HTTPError
	if !errors.As(err, &he) {
		return ""
	}
	var we wpError
	json.Unmarshal(he.Body, &we)
	return we.Code
}

// CheckWrites tries an empty batch, which changes nothing but needs a key
// that may write.
func (c *Client) CheckWrites(ctx context.Context, w domain.StoreWrites) ([]string, error) {
	if !w.Any() {
		return nil, nil
	}
	err := c.send(ctx, http.MethodPost, "/wp-json/wc/v3/coupons/batch", map[string]any{}, nil)
	if domain.CodeOf(err) == domain.CodeAuthFailed {
		return []string{"write access for the key (WooCommerce > Settings > Advanced > REST API > your key > Permissions: Read/Write)"}, nil
	}
	return nil, err
}

// CreateCoupon makes the coupon a WooCommerce coupon: its value on the
// cart, free shipping, its expiry and minimum, once, for its customer's
// email only.
func (c *Client) CreateCoupon(ctx context.Context, cp connectordb.Coupon) (string, []string, error) {
	in := map[string]any{
		"code":                 cp.Code,
		"description":          "Issued by Shopclerk",
		"individual_use":       false,
		"usage_limit":          1,
		"usage_limit_per_user": 1,
		"free_shipping":        cp.FreeShipping,
	}
	switch {
	case cp.PercentOff > 0:
		in["discount_type"], in["amount"] = "percent", strconv.Itoa(cp.PercentOff)
	default:
		in["discount_type"], in["amount"] = "fixed_cart", email.Decimal(cp.AmountOff, cp.Currency)
	}
	if cp.Email != "" {
		in["email_restrictions"] = []string{cp.Email}
	}
	if cp.MinSpend > 0 {
		in["minimum_amount"] = email.Decimal(cp.MinSpend, cp.Currency)
	}
	if cp.ExpiresAt != nil {
		in["date_expires_gmt"] = cp.ExpiresAt.UTC().Format("2006-01-02T15:04:05")
	}
	var out struct {
		ID int64 `json:"id"`
	}
	err := c.send(ctx, http.MethodPost, "/wp-json/wc/v3/coupons", in, &out)
	if wpCode(err) == "woocommerce_rest_coupon_code_already_exists" {
		return "", nil, connector.ErrExists
	}
	if err != nil {
		return "", nil, err
	}
	return strconv.FormatInt(out.ID, 10), nil, nil
}

// FindCoupon reads a coupon back by its code.
func (c *Client) FindCoupon(ctx context.Context, code string) (string, bool, error) {
	var list []struct {
		ID   int64  `json:"id"`
		Code string `json:"code"`
	}
	if _, err := c.get(ctx, "/wp-json/wc/v3/coupons", url.Values{"code": {code}}, true, &list); err != nil {
		return "", false, err
	}
	for _, cp := range list {
		if strings.EqualFold(cp.Code, code) {
			return strconv.FormatInt(cp.ID, 10), true, nil
		}
	}
	return "", false, nil
}

type stockProduct struct {
	ID int64 `json:"id"`
	// A variation of a variable product (type "variation") has its own SKU
	// and stock, and is written under its parent's variations.
	Type     string `json:"type"`
	ParentID int64  `json:"parent_id"`
	SKU      string `json:"sku"`
	// ManageStock is true, false, or for a variation "parent": its stock is
	// the parent product's.
	ManageStock   any  `json:"manage_stock"`
	StockQuantity *int `json:"stock_quantity"`
	MetaData      []struct {
		Key   string `json:"key"`
		Value any    `json:"value"`
	} `json:"meta_data"`
}

func (p *stockProduct) lastWrite() string {
	for _, m := range p.MetaData {
		if m.Key == writeMeta {
			return fmt.Sprint(m.Value)
		}
	}
	return ""
}

// product reads a product (or a variation) by id.
func (c *Client) product(ctx context.Context, id string) (stockProduct, error) {
	var p stockProduct
	_, err := c.get(ctx, "/wp-json/wc/v3/products/"+id, nil, true, &p)
	return p, err
}

// stockPath is where a product's stock is read and written: a variation's
// under its parent (WooCommerce refuses a variation at products/<id>).
func stockPath(h map[string]string) string {
	if parent := h["parentId"]; parent != "" {
		return "/wp-json/wc/v3/products/" + parent + "/variations/" + h["productId"]
	}
	return "/wp-json/wc/v3/products/" + h["productId"]
}

// handle is the ids a stock write needs.
func (p *stockProduct) handle() map[string]string {
	h := map[string]string{"productId": strconv.FormatInt(p.ID, 10)}
	if p.Type == "variation" && p.ParentID != 0 {
		h["parentId"] = strconv.FormatInt(p.ParentID, 10)
	}
	return h
}

// ReadStock finds the product with the SKU (a SKU-less product by the id
// in its ~woo: key) and its stock; WooCommerce has one stock per product,
// and one per variation of a variable product (the products list finds a
// variation by its SKU too). A variation whose stock is its parent's is
// written to the parent.
func (c *Client) ReadStock(ctx context.Context, sku, location string) (connector.StockRead, error) {
	var p stockProduct
	if id, ok := strings.CutPrefix(sku, domain.WooKey("")); ok {
		var err error
		if p, err = c.product(ctx, id); err != nil {
			if domain.CodeOf(err) == domain.CodeNotFound || wpCode(err) == "woocommerce_rest_product_invalid_id" {
				return connector.StockRead{}, connector.ErrNotInStore
			}
			return connector.StockRead{}, err
		}
	} else {
		var list []stockProduct
		if _, err := c.get(ctx, "/wp-json/wc/v3/products", url.Values{"sku": {sku}}, true, &list); err != nil {
			return connector.StockRead{}, err
		}
		var same []string
		for _, lp := range list {
			if lp.SKU == sku {
				p, same = lp, append(same, "#"+strconv.FormatInt(lp.ID, 10))
			}
		}
		if len(same) == 0 {
			return connector.StockRead{}, connector.ErrNotInStore
		}
		if len(same) > 1 {
			return connector.StockRead{}, connector.SharedSKU(sku, same)
		}
	}
	if p.ManageStock == "parent" && p.ParentID != 0 {
		parent, err := c.product(ctx, strconv.FormatInt(p.ParentID, 10))
		if err != nil {
			return connector.StockRead{}, err
		}
		p = parent
	}
	if p.ManageStock != true || p.StockQuantity == nil {
		return connector.StockRead{}, domain.Errorf(domain.CodeInvalid, "WooCommerce does not manage the stock of %s (Products > the product > Inventory > Manage stock)", sku)
	}
	return connector.StockRead{Quantity: *p.StockQuantity, Handle: p.handle()}, nil
}

// SetStock reads the quantity again and writes s.To only if it is still
// s.From, with s.Key beside it. A resumed try whose key is on the product
// landed already.
func (c *Client) SetStock(ctx context.Context, s connector.StockSet, resumed bool) error {
	path := stockPath(s.Handle)
	var p stockProduct
	if _, err := c.get(ctx, path, nil, true, &p); err != nil {
		return err
	}
	if resumed && p.lastWrite() == s.Key {
		return nil
	}
	if p.StockQuantity == nil || *p.StockQuantity != s.From {
		return connector.ErrStale
	}
	body := map[string]any{"stock_quantity": s.To, "meta_data": []any{map[string]any{"key": writeMeta, "value": s.Key}}}
	return c.send(ctx, http.MethodPut, path, body, nil)
}
