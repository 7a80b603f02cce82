package etsy

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/connectordb"
)

// Write-back to Etsy (connector.Pusher): stock only. Etsy has no
// idempotency keys, no compare-and-set and nowhere to write a mark beside a
// quantity, so SetStock reads the listing's inventory right before it
// writes and writes only if the quantity is still the one read; a try
// resumed after a crash that finds the quantity it meant to write counts
// as landed. updateListingInventory replaces a listing's whole inventory,
// so every product and offering is sent back as read, one quantity changed.

var _ connector.Pusher = (*Client)(nil)

// CheckWrites says what the switched-on writes lack: stock needs the
// listings_w scope. Coupons, tags and holds never reach here: the Manager
// refuses them with domain.StoreEtsy.Unwritable's words.
func (c *Client) CheckWrites(ctx context.Context, w domain.StoreWrites) ([]string, error) {
	if !w.Stock {
		return nil, nil
	}
	have, err := c.scopes(ctx)
	if err != nil {
		return nil, err
	}
	if !have["listings_w"] {
		return []string{"listings_w (" + scopeWords["listings_w"] + "): sign in with Etsy again and allow it"}, nil
	}
	return nil, nil
}

func unwritable(why string) error { return domain.Errorf(domain.CodeInvalid, "%s", why) }

// CreateCoupon: Etsy's Open API v3 has no coupon endpoint.
func (c *Client) CreateCoupon(ctx context.Context, cp connectordb.Coupon) (string, []string, error) {
	return "", nil, unwritable(domain.StoreEtsy.Unwritable().Coupons)
}

// FindCoupon: see CreateCoupon.
func (c *Client) FindCoupon(ctx context.Context, code string) (string, bool, error) {
	return "", false, unwritable(domain.StoreEtsy.Unwritable().Coupons)
}

// SetTag: Etsy has no tags on buyers or receipts.
func (c *Client) SetTag(ctx context.Context, t connector.TagSet) (string, error) {
	return "", unwritable(domain.StoreEtsy.Unwritable().Tags)
}

// SetHold: Etsy has no order holds.
func (c *Client) SetHold(ctx context.Context, h connector.HoldSet) (string, error) {
	return "", unwritable(domain.StoreEtsy.Unwritable().Holds)
}

// findListing is the listing that sells sku: Etsy cannot look a SKU up,
// so the shop's listings are read (with their inventory) until one has
// it; what was read is remembered for the rest of the run.
func (c *Client) findListing(ctx context.Context, sku string) (int64, error) {
	c.mu.Lock()
	id, ok := c.skus[sku]
	c.mu.Unlock()
	if ok {
		return id, nil
	}
	cursor := ""
	for {
		path, err := c.shopPath(ctx, "/listings")
		if err != nil {
			return 0, err
		}
		si, off := 0, 0
		if cursor != "" {
			si, off = splitCursor(cursor)
		}
		v := url.Values{"state": {listingStates[si]}, "limit": {"100"}, "offset": {strconv.Itoa(off)}, "includes": {"Inventory"}}
		var page list[listing]
		if err := c.call(ctx, http.MethodGet, path, v, nil, &page); err != nil {
			return 0, err
		}
		c.mu.Lock()
		if c.skus == nil {
			c.skus = map[string]int64{}
		}
		for _, l := range page.Results {
			if l.Inventory == nil {
				continue
			}
			for i := range l.Inventory.Products {
				k, _ := l.Inventory.Products[i].key()
				c.skus[k] = l.ListingID
			}
		}
		id, ok = c.skus[sku]
		c.mu.Unlock()
		if ok {
			return id, nil
		}
		if cursor = nextCursor(si, off, len(page.Results), page.Count); cursor == "" {
			return 0, connector.ErrNotInStore
		}
	}
}

// product finds sku in a listing's inventory.
func product(inv *inventory, sku string) *inventoryProduct {
	for i := range inv.Products {
		if k, _ := inv.Products[i].key(); k == sku && !inv.Products[i].IsDeleted {
			return &inv.Products[i]
		}
	}
	return nil
}

// ReadStock reads the quantity of the product with the SKU.
func (c *Client) ReadStock(ctx context.Context, sku, location string) (connector.StockRead, error) {
	lid, err := c.findListing(ctx, sku)
	if err != nil {
		return connector.StockRead{}, err
	}
	inv, err := c.inventory(ctx, lid)
	if err != nil {
		return connector.StockRead{}, err
	}
	p := product(inv, sku)
	if p == nil {
		return connector.StockRead{}, connector.ErrNotInStore
	}
	return connector.StockRead{Quantity: p.quantity(), Handle: map[string]string{"listingId": strconv.FormatInt(lid, 10)}}, nil
}

// SetStock reads the listing's inventory again and writes s.To only if the
// product still has s.From.
func (c *Client) SetStock(ctx context.Context, s connector.StockSet, resumed bool) error {
	lid := s.Handle["listingId"]
	id, err := strconv.ParseInt(lid, 10, 64)
	if err != nil {
		return domain.Errorf(domain.CodeInternal, "the stock write of %s names no Etsy listing", s.SKU)
	}
	inv, err := c.inventory(ctx, id)
	if err != nil {
		return err
	}
	p := product(inv, s.SKU)
	if p == nil {
		return connector.ErrNotInStore
	}
	have := p.quantity()
	if resumed && have == s.To && s.To != s.From {
		return nil // the try before landed
	}
	if have != s.From {
		return connector.ErrStale
	}
	// The first enabled offering takes the change; the others keep theirs.
	for i := range p.Offerings {
		if o := &p.Offerings[i]; o.IsEnabled && !o.IsDeleted {
			o.Quantity += s.To - s.From
			break
		}
	}
	return c.call(ctx, http.MethodPut, "/listings/"+lid+"/inventory", nil, updateBody(inv), nil)
}

// updateBody is updateListingInventory's body: every product as read, with
// prices as decimals (as Etsy takes them) and no ids.
func updateBody(inv *inventory) map[string]any {
	products := []any{}
	for _, p := range inv.Products {
		if p.IsDeleted {
			continue
		}
		offs := []any{}
		for _, o := range p.Offerings {
			if o.IsDeleted {
				continue
			}
			d := o.Price.Divisor
			if d <= 0 {
				d = 1
			}
			offs = append(offs, map[string]any{"price": float64(o.Price.Amount) / float64(d), "quantity": o.Quantity, "is_enabled": o.IsEnabled})
		}
		pvs := []any{}
		for _, pv := range p.PropertyValues {
			pvs = append(pvs, map[string]any{"property_id": pv.PropertyID, "property_name": pv.PropertyName, "scale_id": pv.ScaleID,
				"value_ids": pv.ValueIDs, "values": pv.Values})
		}
		products = append(products, map[string]any{"sku": p.SKU, "property_values": pvs, "offerings": offs})
	}
	nz := func(a []int64) []int64 {
		if a == nil {
			return []int64{}
		}
		return a
	}
	return map[string]any{"products": products, "price_on_property": nz(inv.PriceOnProperty),
		"quantity_on_property": nz(inv.QuantityOnProperty), "sku_on_property": nz(inv.SKUOnProperty)}
}
