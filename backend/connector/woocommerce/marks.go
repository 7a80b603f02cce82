package woocommerce

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
)

// Tags and holds written back to WooCommerce, which has no tags on orders
// or customers: the tags are kept in a meta field, shopclerk_tags, on the
// customer (found by email) or the order (shown under Custom Fields); a
// hold is the order status on-hold, with the status it had kept in
// _shopclerk_hold_from so the release puts that back. Every write reads the
// record first and changes only what is not so yet, so a try sent again
// after a crash lands once.

const (
	tagsMeta     = "shopclerk_tags"
	holdFromMeta = "_shopclerk_hold_from"
)

type metaRecord struct {
	ID       int64  `json:"id"`
	Email    string `json:"email"`
	Status   string `json:"status"`
	MetaData []struct {
		Key   string `json:"key"`
		Value any    `json:"value"`
	} `json:"meta_data"`
}

func (r metaRecord) meta(key string) string {
	for _, m := range r.MetaData {
		if m.Key == key && m.Value != nil {
			return fmt.Sprint(m.Value)
		}
	}
	return ""
}

// record reads a customer (by email) or an order (by number) with its
// meta; path is where to write it. ErrNotInStore when there is none.
func (c *Client) record(ctx context.Context, t connector.TagSet) (metaRecord, string, error) {
	if t.Order != "" {
		return c.orderRecord(ctx, t.OrderID)
	}
	var list []metaRecord
	if _, err := c.get(ctx, "/wp-json/wc/v3/customers", url.Values{"email": {t.Email}, "role": {"all"}}, true, &list); err != nil {
		return metaRecord{}, "", err
	}
	for _, r := range list {
		if strings.EqualFold(r.Email, t.Email) {
			return r, "/wp-json/wc/v3/customers/" + strconv.FormatInt(r.ID, 10), nil
		}
	}
	return metaRecord{}, "", connector.ErrNotInStore // a guest: WooCommerce keeps no customer record
}

func (c *Client) orderRecord(ctx context.Context, number string) (metaRecord, string, error) {
	if _, err := strconv.ParseInt(number, 10, 64); err != nil {
		return metaRecord{}, "", connector.ErrNotInStore
	}
	path := "/wp-json/wc/v3/orders/" + number
	var r metaRecord
	if _, err := c.get(ctx, path, nil, true, &r); err != nil {
		if domain.CodeOf(err) == domain.CodeNotFound || wpCode(err) == "woocommerce_rest_shop_order_invalid_id" {
			return metaRecord{}, "", connector.ErrNotInStore
		}
		return metaRecord{}, "", err
	}
	return r, path, nil
}

// SetTag adds or removes one tag in the record's shopclerk_tags.
func (c *Client) SetTag(ctx context.Context, t connector.TagSet) (string, error) {
	r, path, err := c.record(ctx, t)
	if err != nil {
		return "", err
	}
	tags := domain.SplitTags(r.meta(tagsMeta))
	has := slices.ContainsFunc(tags, func(x string) bool { return strings.EqualFold(x, t.Tag) })
	switch {
	case t.Add == has:
		return "", nil // so already
	case t.Add:
		tags = append(tags, t.Tag)
	default:
		tags = slices.DeleteFunc(tags, func(x string) bool { return strings.EqualFold(x, t.Tag) })
	}
	body := map[string]any{"meta_data": []any{map[string]any{"key": tagsMeta, "value": strings.Join(tags, ", ")}}}
	return "", c.send(ctx, http.MethodPut, path, body, nil)
}

// SetHold sets the order on-hold, keeping the status it had, or puts that
// status back. An order someone else put on hold is left as it is.
func (c *Client) SetHold(ctx context.Context, h connector.HoldSet) (string, error) {
	r, path, err := c.orderRecord(ctx, h.OrderID)
	if err != nil {
		return "", err
	}
	from := r.meta(holdFromMeta)
	var body map[string]any
	switch {
	case h.Hold && r.Status == "on-hold":
		if from == "" {
			return "the order was on hold in WooCommerce already; releasing it in Shopclerk leaves it so", nil
		}
		return "", nil // Shopclerk's hold landed before
	case h.Hold && (r.Status == "pending" || r.Status == "processing"):
		body = map[string]any{"status": "on-hold", "meta_data": []any{map[string]any{"key": holdFromMeta, "value": r.Status}}}
	case h.Hold:
		return fmt.Sprintf("nothing to hold: the order is %s in WooCommerce", r.Status), nil
	case r.Status == "on-hold" && from != "":
		body = map[string]any{"status": from, "meta_data": []any{map[string]any{"key": holdFromMeta, "value": ""}}}
	default:
		return "", nil // not held by Shopclerk (any more)
	}
	return "", c.send(ctx, http.MethodPut, path, body, nil)
}
