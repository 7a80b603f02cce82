package woocommercetest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// The stand-in's write side, as the WooCommerce REST API v3 documents it:
// POST coupons (codes unique: woocommerce_rest_coupon_code_already_exists),
// coupons/batch, GET and PUT products/<id> (stock_quantity, meta_data), and
// the sku and code filters of the lists. A key with read permissions is
// refused every write, as WooCommerce refuses it.

// matches: the record has the query's value for field, or the query has none.
func matches(rec map[string]any, q url.Values, field string) bool {
	v := q.Get(field)
	return v == "" || strings.EqualFold(fmt.Sprint(rec[field]), v)
}

// Coupons returns the coupons created so far.
func (s *Server) Coupons() []map[string]any {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]map[string]any(nil), s.records["coupons"]...)
}

// putStock writes a product's or variation's stock and meta as sent.
func (s *Server) putStock(w http.ResponseWriter, rec, body map[string]any, now string) {
	if q, ok := body["stock_quantity"]; ok {
		rec["stock_quantity"] = q
		s.stockWrites++
	}
	if meta, ok := body["meta_data"].([]any); ok {
		rec["meta_data"] = meta
	}
	rec["date_modified_gmt"] = now
	writeJSON(w, http.StatusOK, rec)
}

// putVariation answers PUT products/<parent>/variations/<id>.
func (s *Server) putVariation(w http.ResponseWriter, path string, body map[string]any, now string) {
	parent, v, _ := strings.Cut(strings.TrimPrefix(path, "products/"), "/variations/")
	pid, _ := strconv.ParseInt(parent, 10, 64)
	vid, _ := strconv.ParseInt(v, 10, 64)
	for _, rec := range s.records["variations"] {
		if id(rec) == vid && int64(rec["parent_id"].(float64)) == pid {
			s.putStock(w, rec, body, now)
			return
		}
	}
	writeJSON(w, http.StatusNotFound, map[string]any{"code": "woocommerce_rest_product_variation_invalid_id", "message": "Invalid ID.", "data": map[string]any{"status": 404}})
}

// Stock is a product's stock quantity (-1: none).
func (s *Server) Stock(productID int64) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range append(s.records["products"], s.records["variations"]...) {
		if id(p) == productID {
			if q, ok := p["stock_quantity"].(float64); ok {
				return int(q)
			}
		}
	}
	return -1
}

// Sell takes n off a product's stock, as an order in the store does.
func (s *Server) Sell(productID int64, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, p := range s.records["products"] {
		if id(p) == productID {
			p["stock_quantity"] = p["stock_quantity"].(float64) - float64(n)
		}
	}
}

// Writes counts the stock changes PUT so far.
func (s *Server) Writes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stockWrites
}

func (s *Server) one(w http.ResponseWriter, list, recID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	n, _ := strconv.ParseInt(recID, 10, 64)
	for _, rec := range s.records[list] {
		if id(rec) == n {
			writeJSON(w, http.StatusOK, rec)
			return
		}
	}
	writeJSON(w, http.StatusNotFound, map[string]any{"code": "woocommerce_rest_product_invalid_id", "message": "Invalid ID.", "data": map[string]any{"status": 404}})
}

func (s *Server) write(w http.ResponseWriter, r *http.Request, path string) {
	var body map[string]any
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"code": "rest_invalid_json", "message": "Invalid JSON body passed.", "data": map[string]any{"status": 400}})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now().UTC().Format("2006-01-02T15:04:05")
	switch {
	case path == "coupons/batch" && r.Method == http.MethodPost:
		writeJSON(w, http.StatusOK, map[string]any{})
	case path == "coupons" && r.Method == http.MethodPost:
		code := strings.ToLower(fmt.Sprint(body["code"]))
		for _, c := range s.records["coupons"] {
			if c["code"] == code {
				writeJSON(w, http.StatusBadRequest, map[string]any{"code": "woocommerce_rest_coupon_code_already_exists",
					"message": "The coupon code already exists", "data": map[string]any{"status": 400}})
				return
			}
		}
		body["id"] = float64(700 + len(s.records["coupons"]) + 1)
		body["code"] = code // WooCommerce keeps coupon codes in lower case
		body["date_created_gmt"], body["date_modified_gmt"] = now, now
		s.records["coupons"] = append(s.records["coupons"], body)
		writeJSON(w, http.StatusCreated, body)
	case strings.Contains(path, "/variations/") && r.Method == http.MethodPut:
		s.putVariation(w, path, body, now)
	case strings.HasPrefix(path, "products/") && (r.Method == http.MethodPut || r.Method == http.MethodPost):
		n, _ := strconv.ParseInt(strings.TrimPrefix(path, "products/"), 10, 64)
		for _, p := range s.records["products"] {
			if id(p) == n {
				s.putStock(w, p, body, now)
				return
			}
		}
		writeJSON(w, http.StatusNotFound, map[string]any{"code": "woocommerce_rest_product_invalid_id", "message": "Invalid ID.", "data": map[string]any{"status": 404}})
	case r.Method == http.MethodPut && s.putRecord(w, path, body, now):
	default:
		writeJSON(w, http.StatusNotFound, map[string]any{"code": "rest_no_route", "message": "No route was found matching the URL and request method.",
			"data": map[string]any{"status": 404}})
	}
}
