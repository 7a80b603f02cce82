package shopify

import (
	"context"
	"fmt"
	"strings"
	"time"

	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
)

// requiredScopes are the access scopes a sync reads with, and where a
// seller grants them.
var requiredScopes = []string{"read_orders", "read_customers", "read_products", "read_inventory"}

// Check signs in, reads the shop's name, currency and time zone, and says
// which access scopes are missing. A token that belongs to another store
// than the address is refused.
func (c *Client) Check(ctx context.Context) (connector.ShopInfo, error) {
	var data struct {
		Shop struct {
			Name            string `json:"name"`
			MyshopifyDomain string `json:"myshopifyDomain"`
			CurrencyCode    string `json:"currencyCode"`
			IanaTimezone    string `json:"ianaTimezone"`
		} `json:"shop"`
		CurrentAppInstallation struct {
			AccessScopes []struct {
				Handle string `json:"handle"`
			} `json:"accessScopes"`
		} `json:"currentAppInstallation"`
	}
	if err := c.query(ctx, "check", checkQuery, nil, &data); err != nil {
		return connector.ShopInfo{}, err
	}
	info := connector.ShopInfo{Name: data.Shop.Name, Domain: data.Shop.MyshopifyDomain, Currency: strings.ToUpper(data.Shop.CurrencyCode),
		TimeZone: data.Shop.IanaTimezone, Missing: []string{}, Notes: []string{}}
	host := c.base.Hostname()
	if !connector.IsLoopback(host) && info.Domain != "" && !strings.EqualFold(info.Domain, host) {
		return info, domain.Errorf(domain.CodeAuthFailed, "these credentials belong to the Shopify store %s, not %s: use that store's address, or the credentials of %s", info.Domain, host, host)
	}
	scopes := map[string]bool{}
	for _, s := range data.CurrentAppInstallation.AccessScopes {
		scopes[s.Handle] = true
		// A write scope includes its read scope.
		if r, ok := strings.CutPrefix(s.Handle, "write_"); ok {
			scopes["read_"+r] = true
		}
	}
	c.mu.Lock()
	c.scopes, c.shopCurrency = scopes, info.Currency
	c.mu.Unlock()
	for _, s := range requiredScopes {
		if !scopes[s] {
			info.Missing = append(info.Missing, s)
		}
	}
	if len(info.Missing) > 0 {
		where := "Shopify admin > Settings > Apps and sales channels > Develop apps > your app > Configuration > Admin API access scopes"
		if c.cfg.Auth == domain.AuthClientCredentials {
			where = "the Dev Dashboard > your app > Versions > Access scopes (then release the version and install it again)"
		}
		info.Missing = []string{fmt.Sprintf("%s (grant in %s)", strings.Join(info.Missing, ", "), where)}
	}
	if !scopes["read_all_orders"] {
		info.Notes = append(info.Notes, "Shopify shows this app only the last 60 days of orders; older ones come from an orders export (or grant read_all_orders).")
	}
	return info, nil
}

// Resources are synced products first, so orders and stock find their
// SKUs. Orders are listed completely only with read_all_orders: without
// it Shopify hides orders older than 60 days, which are not deleted.
func (c *Client) Resources() []connector.ResourceSpec {
	c.mu.Lock()
	all := c.scopes["read_all_orders"]
	c.mu.Unlock()
	return []connector.ResourceSpec{
		{Resource: connector.ResourceProducts, Ordered: true},
		{Resource: connector.ResourceInventory},
		{Resource: connector.ResourceCustomers, Ordered: true},
		{Resource: connector.ResourceOrders, Ordered: true, Complete: all},
		{Resource: connector.ResourceCheckouts, Ordered: true},
	}
}

// Fetch reads one page of a resource.
func (c *Client) Fetch(ctx context.Context, r connector.Resource, q connector.Query) (connector.Page, error) {
	vars := map[string]any{"first": c.cfg.PageSize}
	if q.Cursor != "" {
		vars["after"] = q.Cursor
	}
	if !q.Since.IsZero() {
		vars["query"] = "updated_at:>='" + q.Since.UTC().Format(time.RFC3339) + "'"
	}
	var page connector.Page
	switch r {
	case connector.ResourceOrders:
		if q.Cursor == bulkCursor {
			return c.bulkOrders(ctx)
		}
		if q.Cursor == "" && q.Since.IsZero() {
			// A first (or full) read of a large shop: one bulk operation.
			if big, err := c.useBulk(ctx); err != nil {
				return page, err
			} else if big {
				if err := c.startBulk(ctx); err != nil {
					return page, err
				}
				return c.bulkOrders(ctx)
			}
		}
		var data struct {
			Orders struct {
				PageInfo pageInfo `json:"pageInfo"`
				Nodes    []order  `json:"nodes"`
			} `json:"orders"`
		}
		if err := c.query(ctx, "orders", ordersQuery, vars, &data); err != nil {
			return page, err
		}
		for i := range data.Orders.Nodes {
			o := orderOf(&data.Orders.Nodes[i])
			page.Orders = append(page.Orders, o)
			page.Newest = connector.Later(page.Newest, o.UpdatedAt)
		}
		page.Next = next(data.Orders.PageInfo)
	case connector.ResourceCustomers:
		var data struct {
			Customers struct {
				PageInfo pageInfo   `json:"pageInfo"`
				Nodes    []customer `json:"nodes"`
			} `json:"customers"`
		}
		if err := c.query(ctx, "customers", customersQuery, vars, &data); err != nil {
			return page, err
		}
		for i := range data.Customers.Nodes {
			n := &data.Customers.Nodes[i]
			page.Customers = append(page.Customers, customerOf(n))
			page.Newest = connector.Later(page.Newest, n.UpdatedAt)
		}
		page.Next = next(data.Customers.PageInfo)
	case connector.ResourceProducts:
		var data struct {
			Products struct {
				PageInfo pageInfo  `json:"pageInfo"`
				Nodes    []product `json:"nodes"`
			} `json:"products"`
		}
		if err := c.query(ctx, "products", productsQuery, vars, &data); err != nil {
			return page, err
		}
		cur := c.currency(ctx)
		for i := range data.Products.Nodes {
			n := &data.Products.Nodes[i]
			page.Products = append(page.Products, productsOf(n, cur)...)
			page.Newest = connector.Later(page.Newest, n.UpdatedAt)
		}
		page.Next = next(data.Products.PageInfo)
	case connector.ResourceInventory:
		var data struct {
			InventoryItems struct {
				PageInfo pageInfo        `json:"pageInfo"`
				Nodes    []inventoryItem `json:"nodes"`
			} `json:"inventoryItems"`
		}
		if err := c.query(ctx, "inventory", inventoryQuery, vars, &data); err != nil {
			return page, err
		}
		for i := range data.InventoryItems.Nodes {
			n := &data.InventoryItems.Nodes[i]
			page.Stock = append(page.Stock, stockOf(n)...)
			page.Newest = connector.Later(page.Newest, n.UpdatedAt)
		}
		page.Next = next(data.InventoryItems.PageInfo)
	case connector.ResourceCheckouts:
		var data struct {
			AbandonedCheckouts struct {
				PageInfo pageInfo   `json:"pageInfo"`
				Nodes    []checkout `json:"nodes"`
			} `json:"abandonedCheckouts"`
		}
		if err := c.query(ctx, "checkouts", checkoutsQuery, vars, &data); err != nil {
			return page, err
		}
		for i := range data.AbandonedCheckouts.Nodes {
			n := &data.AbandonedCheckouts.Nodes[i]
			if n.CompletedAt != nil {
				continue // bought after all: an order now, not a cart to remind
			}
			page.Carts = append(page.Carts, cartOf(n))
			page.Newest = connector.Later(page.Newest, n.UpdatedAt)
		}
		page.Next = next(data.AbandonedCheckouts.PageInfo)
	default:
		return page, domain.Errorf(domain.CodeInvalid, "Shopify has no %s to sync", r)
	}
	return page, nil
}

// currency is the shop's currency, for products (whose prices carry none).
func (c *Client) currency(ctx context.Context) string {
	c.mu.Lock()
	cur := c.shopCurrency
	c.mu.Unlock()
	if cur != "" {
		return cur
	}
	info, err := c.Check(ctx)
	if err != nil || info.Currency == "" {
		return "USD"
	}
	c.mu.Lock()
	c.shopCurrency = info.Currency
	c.mu.Unlock()
	return info.Currency
}

func next(p pageInfo) string {
	if !p.HasNextPage || p.EndCursor == "" {
		return ""
	}
	return p.EndCursor
}
