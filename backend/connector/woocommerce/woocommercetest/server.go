// Package woocommercetest is a stand-in WooCommerce store for tests and
// the headless checks: an httptest server answering the WordPress REST
// index and the WooCommerce REST API v3 lists as the documentation shows
// them (JSON arrays, X-WP-Total and X-WP-TotalPages headers, page and
// per_page, modified_after with dates_are_gmt), checking the consumer key
// by HTTP basic authentication, and answering WordPress's JSON errors.
// Faults are injected per request (Fault), so tests never depend on timing.
package woocommercetest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"shopclerk/backend/connector/standin"
)

// Server is the stand-in store.
type Server struct {
	*httptest.Server
	mu sync.Mutex
	// Key and Secret are the REST API key accepted.
	Key, Secret string
	// Currency is the store's currency setting.
	Currency string
	// Faults' Fault, if set, may answer a request itself.
	standin.Faults
	// Permissions is the key's: "read_write" (default) or "read".
	Permissions string
	// BeforeWrite, if set, is called before a POST or PUT is answered (a
	// test lands a sale there).
	BeforeWrite func(path string)
	// Copies (benchmarks) serves the orders list this many times over
	// (copies.go).
	Copies int

	records     map[string][]map[string]any // "orders", "products", "customers", "coupons"
	stockWrites int
	metaWrites  int
}

// New starts a stand-in with a key and no records.
func New() *Server {
	s := &Server{Key: "ck_standin", Secret: "cs_standin", Currency: "USD", Permissions: "read_write", records: map[string][]map[string]any{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// PutJSON adds records of a list from a JSON array (as the API answers).
func (s *Server) PutJSON(list string, data []byte) error {
	var recs []map[string]any
	if err := json.Unmarshal(data, &recs); err != nil {
		return err
	}
	s.Put(list, recs...)
	return nil
}

// Put adds or replaces records, matched by id.
func (s *Server) Put(list string, recs ...map[string]any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, rec := range recs {
		replaced := false
		for i, old := range s.records[list] {
			if id(old) == id(rec) {
				s.records[list][i], replaced = rec, true
			}
		}
		if !replaced {
			s.records[list] = append(s.records[list], rec)
		}
	}
}

// Delete removes a record for good (not to the trash).
func (s *Server) Delete(list string, recID int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.records[list][:0]
	for _, r := range s.records[list] {
		if id(r) != recID {
			out = append(out, r)
		}
	}
	s.records[list] = out
}

func id(r map[string]any) int64 {
	f, _ := r["id"].(float64)
	return int64(f)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	_, answered := s.Take(w, r)
	if answered {
		return
	}
	switch {
	case r.URL.Path == "/wp-json/":
		writeJSON(w, http.StatusOK, map[string]any{"name": "Stand-in Woo", "url": s.URL, "timezone_string": "Europe/London",
			"namespaces": []string{"wp/v2", "wc/v3"}})
		return
	case !strings.HasPrefix(r.URL.Path, "/wp-json/wc/v3/"):
		w.Header().Set("Content-Type", "text/html; charset=UTF-8")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, "<!DOCTYPE html><html><body>Page not found</body></html>")
		return
	}
	if k, sec, ok := r.BasicAuth(); !ok || k != s.Key || sec != s.Secret {
		writeJSON(w, http.StatusUnauthorized, map[string]any{"code": "woocommerce_rest_authentication_error",
			"message": "Consumer key is invalid.", "data": map[string]any{"status": 401}})
		return
	}
	path := strings.TrimPrefix(r.URL.Path, "/wp-json/wc/v3/")
	if r.Method != http.MethodGet {
		s.mu.Lock()
		perm, hook := s.Permissions, s.BeforeWrite
		s.mu.Unlock()
		if perm == "read" {
			writeJSON(w, http.StatusUnauthorized, map[string]any{"code": "woocommerce_rest_authentication_error",
				"message": "The API key provided does not have write permissions.", "data": map[string]any{"status": 401}})
			return
		}
		if hook != nil {
			hook(path)
		}
		s.write(w, r, path)
		return
	}
	if id, ok := strings.CutPrefix(path, "products/"); ok {
		if _, v, ok := strings.Cut(id, "/variations/"); ok {
			s.one(w, "variations", v)
			return
		}
		s.one(w, "products", id)
		return
	}
	if id, ok := strings.CutPrefix(path, "orders/"); ok {
		s.one(w, "orders", id)
		return
	}
	switch path {
	case "settings/general/woocommerce_currency":
		writeJSON(w, http.StatusOK, map[string]any{"id": "woocommerce_currency", "label": "Currency", "type": "select", "value": s.Currency})
	case "orders", "products", "customers", "coupons":
		s.list(w, r, path)
	default:
		writeJSON(w, http.StatusNotFound, map[string]any{"code": "rest_no_route", "message": "No route was found matching the URL and request method.",
			"data": map[string]any{"status": 404}})
	}
}

func (s *Server) list(w http.ResponseWriter, r *http.Request, name string) {
	q := r.URL.Query()
	page, _ := strconv.Atoi(q.Get("page"))
	per, _ := strconv.Atoi(q.Get("per_page"))
	page, per = max(page, 1), max(min(per, 100), 1)
	if per == 1 && q.Get("per_page") == "" {
		per = 10
	}
	var since time.Time
	if v := q.Get("modified_after"); v != "" {
		since, _ = time.Parse("2006-01-02T15:04:05", v)
	}
	s.mu.Lock()
	all := []map[string]any{}
	recs := s.records[name]
	if name == "products" && q.Get("sku") != "" {
		// Asked by SKU, the products list finds variations too.
		recs = append(append([]map[string]any(nil), recs...), s.records["variations"]...)
	}
	for _, rec := range recs {
		if !matches(rec, q, "sku") || !matches(rec, q, "code") || !matches(rec, q, "email") {
			continue
		}
		if !since.IsZero() {
			m, _ := time.Parse("2006-01-02T15:04:05", fmt.Sprint(rec["date_modified_gmt"]))
			if m.Before(since) {
				continue
			}
		}
		all = append(all, rec)
	}
	s.mu.Unlock()
	sort.SliceStable(all, func(i, j int) bool { return id(all[i]) < id(all[j]) })
	total := len(all)
	if s.Copies > 1 && name == "orders" {
		total *= s.Copies
	}
	pages := (total + per - 1) / per
	from := min((page-1)*per, total)
	to := min(from+per, total)
	w.Header().Set("X-WP-Total", strconv.Itoa(total))
	w.Header().Set("X-WP-TotalPages", strconv.Itoa(pages))
	if total > len(all) {
		writeJSON(w, http.StatusOK, copies(all, from, to))
		return
	}
	writeJSON(w, http.StatusOK, all[from:to])
}

// writeJSON answers v as JSON with the status.
var writeJSON = standin.WriteJSON
