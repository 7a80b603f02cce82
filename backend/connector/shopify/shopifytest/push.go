package shopifytest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// The stand-in's write side, as the Admin API documents it for 2026-07:
// discountCodeBasicCreate and discountCodeFreeShippingCreate (codes unique
// per shop: a second one is a TAKEN user error; a customer the shop does
// not have is an INVALID one on the context field), codeDiscountNodeByCode,
// inventoryItems searched by SKU, and inventorySetQuantities with
// changeFromQuantity (CHANGE_FROM_QUANTITY_STALE when it no longer
// matches) under a required @idempotent key whose answer is replayed for
// the same key and refused for the same key with other parameters.

// Discount is a discount code the stand-in holds.
type Discount struct {
	ID    string
	Code  string
	Kind  string         // basic, free_shipping
	Input map[string]any // as sent
}

// Discounts returns the discount codes created so far, in order.
func (s *Server) Discounts() []Discount {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Discount(nil), s.discounts...)
}

// PutStock makes (or sets) an inventory item with this SKU stocked at a
// location, with its available quantity.
func (s *Server) PutStock(sku, location string, available int, at time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if it, lv := s.level(sku, location); lv != nil {
		setQty(lv, available)
		it["updatedAt"] = at.UTC().Format(time.RFC3339)
		return
	}
	it, _ := s.item(sku)
	if it == nil {
		n := len(s.records["inventoryItems"]) + 1
		it = map[string]any{"id": fmt.Sprintf("gid://shopify/InventoryItem/%d", 4000+n), "sku": sku, "tracked": true,
			"variant":         map[string]any{"title": "Default Title", "selectedOptions": []any{}, "product": map[string]any{"handle": strings.ToLower(sku), "title": sku, "vendor": "Stand-in"}},
			"inventoryLevels": map[string]any{"nodes": []any{}}}
		s.records["inventoryItems"] = append(s.records["inventoryItems"], it)
	}
	it["updatedAt"] = at.UTC().Format(time.RFC3339)
	levels := it["inventoryLevels"].(map[string]any)
	lv := map[string]any{"updatedAt": at.UTC().Format(time.RFC3339), "location": map[string]any{"id": s.locationID(location), "name": location}}
	setQty(lv, available)
	levels["nodes"] = append(levels["nodes"].([]any), lv)
}

// Quantity is a SKU's available quantity at a location (-1: none).
func (s *Server) Quantity(sku, location string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, lv := s.level(sku, location); lv != nil {
		return qty(lv, "available")
	}
	return -1
}

// Sell takes n off a SKU's available quantity, as a sale in the store does.
func (s *Server) Sell(sku, location string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, lv := s.level(sku, location); lv != nil {
		setQty(lv, qty(lv, "available")-n)
	}
}

// StockSets counts the inventorySetQuantities changes applied (replays of
// an idempotency key not counted).
func (s *Server) StockSets() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stockSets
}

func (s *Server) locationID(name string) string {
	if s.locations == nil {
		s.locations = map[string]string{}
	}
	if id, ok := s.locations[name]; ok {
		return id
	}
	id := fmt.Sprintf("gid://shopify/Location/%d", 900+len(s.locations))
	s.locations[name] = id
	return id
}

func (s *Server) item(sku string) (map[string]any, int) {
	for i, it := range s.records["inventoryItems"] {
		if it["sku"] == sku {
			return it, i
		}
	}
	return nil, -1
}

func (s *Server) level(sku, location string) (map[string]any, map[string]any) {
	it, _ := s.item(sku)
	if it == nil {
		return nil, nil
	}
	for _, n := range it["inventoryLevels"].(map[string]any)["nodes"].([]any) {
		lv := n.(map[string]any)
		if lv["location"].(map[string]any)["name"] == location {
			return it, lv
		}
	}
	return it, nil
}

func levelByIDs(s *Server, itemID, locationID string) map[string]any {
	for _, it := range s.records["inventoryItems"] {
		if it["id"] != itemID {
			continue
		}
		for _, n := range it["inventoryLevels"].(map[string]any)["nodes"].([]any) {
			lv := n.(map[string]any)
			if lv["location"].(map[string]any)["id"] == locationID {
				return lv
			}
		}
	}
	return nil
}

func qty(lv map[string]any, name string) int {
	for _, q := range lv["quantities"].([]any) {
		m := q.(map[string]any)
		if m["name"] == name {
			switch v := m["quantity"].(type) {
			case int:
				return v
			case float64:
				return int(v)
			}
		}
	}
	return 0
}

// setQty sets available, moving on_hand by the same amount.
func setQty(lv map[string]any, available int) {
	if _, ok := lv["quantities"]; !ok {
		lv["quantities"] = []any{map[string]any{"name": "available", "quantity": available}, map[string]any{"name": "on_hand", "quantity": available},
			map[string]any{"name": "committed", "quantity": 0}, map[string]any{"name": "incoming", "quantity": 0}}
		return
	}
	delta := available - qty(lv, "available")
	for _, q := range lv["quantities"].([]any) {
		m := q.(map[string]any)
		switch m["name"] {
		case "available":
			m["quantity"] = available
		case "on_hand":
			m["quantity"] = qty(lv, "on_hand") + delta
		}
	}
}

func userErrors(errs ...map[string]any) []any {
	out := []any{}
	for _, e := range errs {
		out = append(out, e)
	}
	return out
}

// knownCustomer: a customer the shop has (as a customer or an order's buyer).
func (s *Server) knownCustomer(id string) bool {
	for _, c := range s.records["customers"] {
		if c["id"] == id {
			return true
		}
	}
	for _, o := range s.records["orders"] {
		if c, ok := o["customer"].(map[string]any); ok && c["id"] == id {
			return true
		}
	}
	return false
}

// createDiscount answers discountCodeBasicCreate / discountCodeFreeShippingCreate.
func (s *Server) createDiscount(kind string, input map[string]any) map[string]any {
	code, _ := input["code"].(string)
	field := "basicCodeDiscount"
	if kind == "free_shipping" {
		field = "freeShippingCodeDiscount"
	}
	fail := func(path []any, code, msg string) map[string]any {
		return map[string]any{"codeDiscountNode": nil, "userErrors": userErrors(map[string]any{"field": path, "code": code, "message": msg})}
	}
	if code == "" {
		return fail([]any{field, "code"}, "BLANK", "Code can't be blank")
	}
	for _, d := range s.discounts {
		if strings.EqualFold(d.Code, code) {
			return fail([]any{field, "code"}, "TAKEN", "Code must be unique. Please try a different code.")
		}
	}
	if ctx, ok := input["context"].(map[string]any); ok {
		if cs, ok := ctx["customers"].(map[string]any); ok {
			for _, id := range cs["add"].([]any) {
				if !s.knownCustomer(id.(string)) {
					return fail([]any{field, "context", "customers", "add"}, "INVALID", "Customer does not exist")
				}
			}
		}
	} else {
		return fail([]any{field, "context"}, "BLANK", "Context can't be blank")
	}
	id := fmt.Sprintf("gid://shopify/DiscountCodeNode/%d", 1000+len(s.discounts)+1)
	s.discounts = append(s.discounts, Discount{ID: id, Code: code, Kind: kind, Input: input})
	return map[string]any{"codeDiscountNode": map[string]any{"id": id}, "userErrors": []any{}}
}

var emailQuery = regexp.MustCompile(`email:"?([^"]+)"?`)

// customersByEmail answers customers(query: "email:...") from the shop's
// customers and its orders' buyers.
func (s *Server) customersByEmail(q string) map[string]any {
	nodes := []any{}
	m := emailQuery.FindStringSubmatch(q)
	if m == nil {
		return map[string]any{"nodes": nodes}
	}
	seen := map[any]bool{}
	add := func(c map[string]any) {
		if e, _ := c["email"].(string); strings.EqualFold(e, m[1]) && !seen[c["id"]] {
			seen[c["id"]] = true
			nodes = append(nodes, map[string]any{"id": c["id"], "email": e})
		}
	}
	for _, c := range s.records["customers"] {
		add(c)
	}
	for _, o := range s.records["orders"] {
		if c, ok := o["customer"].(map[string]any); ok {
			add(c)
		}
	}
	return map[string]any{"nodes": nodes}
}

func (s *Server) discountByCode(code string) any {
	for _, d := range s.discounts {
		if strings.EqualFold(d.Code, code) {
			return map[string]any{"id": d.ID}
		}
	}
	return nil
}

var skuQuery = regexp.MustCompile(`sku:"?([^"]+)"?`)

// itemsBySKU answers inventoryItems(query: "sku:...") with close matches,
// as Shopify's search does (the exact one among them).
func (s *Server) itemsBySKU(q string) map[string]any {
	nodes := []any{}
	if m := skuQuery.FindStringSubmatch(q); m != nil {
		for _, it := range s.records["inventoryItems"] {
			if sku, _ := it["sku"].(string); strings.HasPrefix(sku, m[1]) {
				nodes = append(nodes, it)
			}
		}
	}
	return map[string]any{"nodes": nodes}
}

var idempotentKey = regexp.MustCompile(`@idempotent\(key:\s*"([^"]+)"\)`)

// setQuantities answers inventorySetQuantities; errs is a top-level error.
func (s *Server) setQuantities(query string, input map[string]any) (payload map[string]any, errs []any) {
	m := idempotentKey.FindStringSubmatch(query)
	if m == nil {
		return nil, []any{map[string]any{"message": "The @idempotent directive is required for this mutation.", "extensions": map[string]any{"code": "BAD_REQUEST"}}}
	}
	key := m[1]
	params, _ := json.Marshal(input)
	if prev, ok := s.idem[key]; ok {
		if prev.params != string(params) {
			return map[string]any{"inventoryAdjustmentGroup": nil, "userErrors": userErrors(map[string]any{"field": []any{}, "code": "IDEMPOTENCY_KEY_PARAMETER_MISMATCH",
				"message": "The same idempotency key cannot be used with different operation parameters."})}, nil
		}
		return prev.payload, nil
	}
	fail := func(i int, code, msg string) map[string]any {
		return map[string]any{"inventoryAdjustmentGroup": nil, "userErrors": userErrors(map[string]any{"field": []any{"input", "quantities", fmt.Sprint(i)}, "code": code, "message": msg})}
	}
	if input["name"] != "available" && input["name"] != "on_hand" {
		return fail(0, "INVALID_NAME", "The quantity name must be either 'available' or 'on_hand'."), nil
	}
	quantities, _ := input["quantities"].([]any)
	type change struct {
		lv map[string]any
		to int
	}
	var changes []change
	for i, q := range quantities {
		qm := q.(map[string]any)
		lv := levelByIDs(s, fmt.Sprint(qm["inventoryItemId"]), fmt.Sprint(qm["locationId"]))
		if lv == nil {
			return fail(i, "ITEM_NOT_STOCKED_AT_LOCATION", "The specified inventory item is not stocked at the location."), nil
		}
		from, has := qm["changeFromQuantity"]
		if !has {
			return fail(i, "CHANGE_FROM_QUANTITY_REQUIRED", "changeFromQuantity must be given; pass null to skip the check."), nil
		}
		if from != nil && int(from.(float64)) != qty(lv, "available") {
			payload := fail(i, "CHANGE_FROM_QUANTITY_STALE", "The changeFromQuantity does not match the persisted value.")
			s.idem[key] = idemEntry{params: string(params), payload: payload}
			return payload, nil
		}
		changes = append(changes, change{lv, int(qm["quantity"].(float64))})
	}
	for _, c := range changes {
		setQty(c.lv, c.to)
		s.stockSets++
	}
	payload = map[string]any{"inventoryAdjustmentGroup": map[string]any{"id": fmt.Sprintf("gid://shopify/InventoryAdjustmentGroup/%d", 7000+s.stockSets)}, "userErrors": []any{}}
	s.idem[key] = idemEntry{params: string(params), payload: payload}
	return payload, nil
}

type idemEntry struct {
	params  string
	payload map[string]any
}
