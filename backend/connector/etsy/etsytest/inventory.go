package etsytest

import (
	"encoding/json"
	"net/http"

	"shopclerk/backend/connector/standin"
)

// inventory answers getListingInventory and updateListingInventory. An
// update replaces the listing's products; each keeps the ids of the
// product in the same place (real Etsy may give new ids: see the package
// etsy's notes on SKU-less products).
func (s *Server) inventory(w http.ResponseWriter, r *http.Request, id int64) {
	s.mu.Lock()
	var l map[string]any
	for _, x := range s.listings {
		if num(x["listing_id"]) == id {
			l = x
		}
	}
	s.mu.Unlock()
	if l == nil {
		writeError(w, http.StatusNotFound, "Listing not found")
		return
	}
	if r.Method == http.MethodGet {
		s.mu.Lock()
		inv := l["inventory"]
		s.mu.Unlock()
		standin.WriteJSON(w, http.StatusOK, inv)
		return
	}
	if r.Method != http.MethodPut {
		writeError(w, http.StatusMethodNotAllowed, "Method not allowed")
		return
	}
	if !s.has("listings_w") {
		writeError(w, http.StatusForbidden, "Missing required scope: listings_w")
		return
	}
	var body struct {
		Products []struct {
			SKU            string           `json:"sku"`
			PropertyValues []map[string]any `json:"property_values"`
			Offerings      []struct {
				Price     float64 `json:"price"`
				Quantity  int     `json:"quantity"`
				IsEnabled bool    `json:"is_enabled"`
			} `json:"offerings"`
		} `json:"products"`
		PriceOnProperty    []int64 `json:"price_on_property"`
		QuantityOnProperty []int64 `json:"quantity_on_property"`
		SKUOnProperty      []int64 `json:"sku_on_property"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || len(body.Products) == 0 {
		writeError(w, http.StatusBadRequest, "Expected products to be a non-empty array")
		return
	}
	if s.BeforeWrite != nil {
		s.BeforeWrite(id)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	inv, _ := l["inventory"].(map[string]any)
	old, _ := inv["products"].([]any)
	var products []any
	total := 0
	for i, p := range body.Products {
		var prev map[string]any
		if i < len(old) {
			prev, _ = old[i].(map[string]any)
		}
		prevOffs, _ := prev["offerings"].([]any)
		var offs []any
		for j, o := range p.Offerings {
			var po map[string]any
			if j < len(prevOffs) {
				po, _ = prevOffs[j].(map[string]any)
			}
			price, _ := po["price"].(map[string]any)
			if price == nil {
				price = map[string]any{"divisor": 100, "currency_code": s.Currency}
			}
			price["amount"] = int64(o.Price*100 + 0.5)
			offs = append(offs, map[string]any{"offering_id": po["offering_id"], "quantity": o.Quantity, "is_enabled": o.IsEnabled,
				"is_deleted": false, "price": price})
			if o.IsEnabled {
				total += o.Quantity
			}
		}
		products = append(products, map[string]any{"product_id": prev["product_id"], "sku": p.SKU, "is_deleted": false,
			"offerings": offs, "property_values": p.PropertyValues})
	}
	inv["products"] = products
	l["quantity"] = total
	l["updated_timestamp"] = num(l["updated_timestamp"]) + 60
	s.writes++
	standin.WriteJSON(w, http.StatusOK, inv)
}
