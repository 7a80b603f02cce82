package shopify

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/store/connectordb"
)

// Write-back to Shopify (connector.Pusher): coupons become discount codes
// (discountCodeBasicCreate, or discountCodeFreeShippingCreate for a coupon
// that only gives free shipping), read back with codeDiscountNodeByCode;
// received stock is set with inventorySetQuantities, compare-and-set on
// changeFromQuantity, under an @idempotent key (required since 2026-04),
// so a try sent again after a crash is applied once.

var _ connector.Pusher = (*Client)(nil)

const discountCreate = `mutation ShopclerkDiscountCreate($basicCodeDiscount: DiscountCodeBasicInput!) {
  discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
    codeDiscountNode { id }
    userErrors { field code message }
  }
}`

const freeShippingCreate = `mutation ShopclerkFreeShippingCreate($freeShippingCodeDiscount: DiscountCodeFreeShippingInput!) {
  discountCodeFreeShippingCreate(freeShippingCodeDiscount: $freeShippingCodeDiscount) {
    codeDiscountNode { id }
    userErrors { field code message }
  }
}`

const customerByEmail = `query ShopclerkCustomerByEmail($query: String!) {
  customers(first: 5, query: $query) { nodes { id email } }
}`

const discountByCode = `query ShopclerkDiscountByCode($code: String!) {
  codeDiscountNodeByCode(code: $code) { id }
}`

const stockBySKU = `query ShopclerkStockBySKU($query: String!) {
  inventoryItems(first: 10, query: $query) {
    nodes { id sku tracked
      inventoryLevels(first: 20) { nodes { location { id name } quantities(names: ["available"]) { name quantity } } }
    }
  }
}`

// stockSet carries its idempotency key as a literal: Shopclerk makes the
// key (letters, digits and dashes) and Shopify's examples pass it so.
const stockSet = `mutation ShopclerkStockSet($input: InventorySetQuantitiesInput!) {
  inventorySetQuantities(input: $input) @idempotent(key: %s) {
    inventoryAdjustmentGroup { id }
    userErrors { field code message }
  }
}`

// writeScopes are the access scopes each write needs.
var writeScopes = map[string]func(domain.StoreWrites) bool{
	"write_discounts": func(w domain.StoreWrites) bool { return w.Coupons },
	"write_inventory": func(w domain.StoreWrites) bool { return w.Stock },
	"write_customers": func(w domain.StoreWrites) bool { return w.Tags },
	"write_orders":    func(w domain.StoreWrites) bool { return w.Tags },
	"write_merchant_managed_fulfillment_orders": func(w domain.StoreWrites) bool { return w.Holds },
}

// CheckWrites says which write scopes the switched-on writes lack.
func (c *Client) CheckWrites(ctx context.Context, w domain.StoreWrites) ([]string, error) {
	c.mu.Lock()
	scopes := c.scopes
	c.mu.Unlock()
	if scopes == nil {
		if _, err := c.Check(ctx); err != nil {
			return nil, err
		}
		c.mu.Lock()
		scopes = c.scopes
		c.mu.Unlock()
	}
	var missing []string
	for _, s := range []string{"write_discounts", "write_inventory", "write_customers", "write_orders", "write_merchant_managed_fulfillment_orders"} {
		if writeScopes[s](w) && !scopes[s] {
			missing = append(missing, s)
		}
	}
	if len(missing) == 0 {
		return nil, nil
	}
	return []string{fmt.Sprintf("%s (grant in %s)", strings.Join(missing, ", "), c.whereScopes())}, nil
}

// whereScopes is where the seller grants an app access scopes.
func (c *Client) whereScopes() string {
	if c.cfg.Auth == domain.AuthClientCredentials {
		return "the Dev Dashboard > your app > Versions > Access scopes (then release the version and install it again)"
	}
	return "Shopify admin > Settings > Apps and sales channels > Develop apps > your app > Configuration > Admin API access scopes"
}

type userError struct {
	Field   []string `json:"field"`
	Code    string   `json:"code"`
	Message string   `json:"message"`
}

type discountPayload struct {
	CodeDiscountNode *struct {
		ID string `json:"id"`
	} `json:"codeDiscountNode"`
	UserErrors []userError `json:"userErrors"`
}

// CreateCoupon makes a coupon a discount code: its value on the whole
// order, from when it was issued until it expires, above its minimum
// spend, once, and for its customer when Shopify has them (found by email).
func (c *Client) CreateCoupon(ctx context.Context, cp connectordb.Coupon) (string, []string, error) {
	var notes []string
	input := map[string]any{
		"title":                  "Shopclerk " + cp.Code + customerTitle(cp.Email),
		"code":                   cp.Code,
		"startsAt":               cp.IssuedAt.UTC().Format(time.RFC3339),
		"usageLimit":             1,
		"appliesOncePerCustomer": true,
	}
	if cp.ExpiresAt != nil {
		input["endsAt"] = cp.ExpiresAt.UTC().Format(time.RFC3339)
	}
	if cp.MinSpend > 0 {
		input["minimumRequirement"] = map[string]any{"subtotal": map[string]any{"greaterThanOrEqualToSubtotal": email.Decimal(cp.MinSpend, cp.Currency)}}
	}
	customer, err := c.customerID(ctx, cp.Email)
	if err != nil {
		return "", nil, err
	}
	if cp.Email != "" && customer == "" {
		notes = append(notes, "Shopify has no customer "+cp.Email+" yet, so the code is not limited to them (it still works once).")
	}
	freeOnly := cp.FreeShipping && cp.PercentOff == 0 && cp.AmountOff == 0
	if !freeOnly {
		value := map[string]any{"percentage": float64(cp.PercentOff) / 100}
		if cp.PercentOff == 0 {
			value = map[string]any{"discountAmount": map[string]any{"amount": email.Decimal(cp.AmountOff, cp.Currency), "appliesOnEachItem": false}}
		}
		input["customerGets"] = map[string]any{"value": value, "items": map[string]any{"all": true}}
		if cp.FreeShipping {
			notes = append(notes, "Shopify cannot give free shipping with the same code as a discount; the code gives the discount only.")
		}
	} else {
		input["destination"] = map[string]any{"all": true}
	}
	for {
		ctxIn := map[string]any{"all": "ALL"}
		if customer != "" {
			ctxIn = map[string]any{"customers": map[string]any{"add": []string{customer}}}
		}
		input["context"] = ctxIn
		var data map[string]discountPayload
		if freeOnly {
			err = c.query(ctx, "freeShippingCreate", freeShippingCreate, map[string]any{"freeShippingCodeDiscount": input}, &data)
		} else {
			err = c.query(ctx, "discountCreate", discountCreate, map[string]any{"basicCodeDiscount": input}, &data)
		}
		if err != nil {
			return "", nil, err
		}
		var p discountPayload
		for _, v := range data {
			p = v
		}
		if p.CodeDiscountNode != nil && len(p.UserErrors) == 0 {
			return p.CodeDiscountNode.ID, notes, nil
		}
		if customer != "" && aboutCustomer(p.UserErrors) {
			// A customer of another store: the code is still single use.
			customer = ""
			notes = append(notes, "Shopify does not know this customer, so the code is not limited to them (it still works once).")
			continue
		}
		for _, e := range p.UserErrors {
			if e.Code == "TAKEN" {
				return "", nil, connector.ErrExists
			}
		}
		return "", nil, domain.Errorf(domain.CodeInvalid, "Shopify refused the discount code %s: %s", cp.Code, userErrorText(p.UserErrors))
	}
}

func customerTitle(email string) string {
	if email == "" {
		return ""
	}
	return " for " + email
}

func aboutCustomer(errs []userError) bool {
	for _, e := range errs {
		if strings.Contains(strings.ToLower(strings.Join(e.Field, ".")), "customer") {
			return true
		}
	}
	return false
}

func userErrorText(errs []userError) string {
	msgs := make([]string, 0, len(errs))
	for _, e := range errs {
		msgs = append(msgs, e.Message)
	}
	if len(msgs) == 0 {
		return "no reason given"
	}
	return strings.Join(msgs, "; ")
}

// customerID is the store's own id of the customer with this email ("" when
// it has none): each store numbers its customers itself.
func (c *Client) customerID(ctx context.Context, email string) (string, error) {
	if email == "" {
		return "", nil
	}
	var data struct {
		Customers struct {
			Nodes []struct {
				ID    string `json:"id"`
				Email string `json:"email"`
			} `json:"nodes"`
		} `json:"customers"`
	}
	if err := c.query(ctx, "customerByEmail", customerByEmail, map[string]any{"query": "email:" + strconv.Quote(email)}, &data); err != nil {
		return "", err
	}
	for _, n := range data.Customers.Nodes {
		if strings.EqualFold(n.Email, email) {
			return n.ID, nil
		}
	}
	return "", nil
}

// FindCoupon reads a discount code back.
func (c *Client) FindCoupon(ctx context.Context, code string) (string, bool, error) {
	var data struct {
		Node *struct {
			ID string `json:"id"`
		} `json:"codeDiscountNodeByCode"`
	}
	if err := c.query(ctx, "discountByCode", discountByCode, map[string]any{"code": code}, &data); err != nil {
		return "", false, err
	}
	if data.Node == nil {
		return "", false, nil
	}
	return data.Node.ID, true, nil
}

// ReadStock finds the SKU's inventory item and the level at location (by
// name, as the sync stored it; a SKU stocked at one place only uses that).
func (c *Client) ReadStock(ctx context.Context, sku, location string) (connector.StockRead, error) {
	if strings.HasPrefix(sku, "~") {
		return connector.StockRead{}, connector.ErrNotInStore // a key Shopclerk made: the item has no SKU in Shopify
	}
	var data struct {
		InventoryItems struct {
			Nodes []inventoryItem `json:"nodes"`
		} `json:"inventoryItems"`
	}
	q := "sku:" + strconv.Quote(sku)
	if err := c.query(ctx, "stockBySKU", stockBySKU, map[string]any{"query": q}, &data); err != nil {
		return connector.StockRead{}, err
	}
	var same []string
	for _, it := range data.InventoryItems.Nodes {
		if it.SKU == sku { // Shopify's search matches more than the exact SKU
			same = append(same, it.ID)
		}
	}
	if len(same) > 1 {
		return connector.StockRead{}, connector.SharedSKU(sku, same)
	}
	for _, it := range data.InventoryItems.Nodes {
		if it.SKU != sku {
			continue
		}
		if !it.Tracked {
			return connector.StockRead{}, domain.Errorf(domain.CodeInvalid, "Shopify does not track the stock of %s (Products > the variant > Track quantity)", sku)
		}
		levels := it.InventoryLevels.Nodes
		pick := -1
		for i, lv := range levels {
			if strings.EqualFold(lv.Location.Name, location) {
				pick = i
			}
		}
		if pick < 0 && len(levels) == 1 {
			pick = 0
		}
		if pick < 0 {
			names := make([]string, 0, len(levels))
			for _, lv := range levels {
				names = append(names, lv.Location.Name)
			}
			return connector.StockRead{}, domain.Errorf(domain.CodeInvalid, "%s is stocked at several Shopify locations (%s) and none is %q: receive the purchase order at one of them", sku, strings.Join(names, ", "), location)
		}
		lv := levels[pick]
		avail := 0
		for _, qn := range lv.Quantities {
			if qn.Name == "available" {
				avail = qn.Quantity
			}
		}
		return connector.StockRead{Quantity: avail, Handle: map[string]string{"inventoryItemId": it.ID, "locationId": lv.Location.ID}}, nil
	}
	return connector.StockRead{}, connector.ErrNotInStore
}

// SetStock sets the available quantity if it is still s.From. The same key
// sent again returns the first answer, so a resumed try never lands twice.
func (c *Client) SetStock(ctx context.Context, s connector.StockSet, resumed bool) error {
	input := map[string]any{
		"name":                 "available",
		"reason":               "received",
		"referenceDocumentUri": "gid://shopclerk/Receipt/" + strings.TrimPrefix(s.Reference, "receipt-"),
		"quantities": []any{map[string]any{"inventoryItemId": s.Handle["inventoryItemId"], "locationId": s.Handle["locationId"],
			"quantity": s.To, "changeFromQuantity": s.From}},
	}
	var data struct {
		Set struct {
			Group *struct {
				ID string `json:"id"`
			} `json:"inventoryAdjustmentGroup"`
			UserErrors []userError `json:"userErrors"`
		} `json:"inventorySetQuantities"`
	}
	if err := c.query(ctx, "stockSet", fmt.Sprintf(stockSet, strconv.Quote(s.Key)), map[string]any{"input": input}, &data); err != nil {
		return err
	}
	for _, e := range data.Set.UserErrors {
		switch e.Code {
		case "CHANGE_FROM_QUANTITY_STALE", "COMPARE_QUANTITY_STALE", "IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED":
			return connector.ErrStale // not applied: read again, try with a new key
		case "IDEMPOTENCY_CONCURRENT_REQUEST":
			return domain.Errorf(domain.CodeTemporary, "Shopify is still applying the last stock change of %s; it is tried again shortly", s.SKU)
		}
	}
	if len(data.Set.UserErrors) > 0 {
		return domain.Errorf(domain.CodeInvalid, "Shopify refused the stock of %s: %s", s.SKU, userErrorText(data.Set.UserErrors))
	}
	return nil
}
