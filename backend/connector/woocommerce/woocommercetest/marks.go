package woocommercetest

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// The stand-in's orders and customers written to, as the REST API v3
// documents it: GET orders/<id>, PUT orders/<id> and customers/<id> with a
// status and meta_data (a meta entry given by key replaces the record's
// entry of that key, as WooCommerce's update_meta_data does).

// Meta is a record's meta value for key ("" if none); list is "orders" or
// "customers".
func (s *Server) Meta(list string, recID int64, key string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if rec := s.find(list, recID); rec != nil {
		return metaOf(rec, key)
	}
	return ""
}

// Status is an order's status ("" if there is no such order).
func (s *Server) Status(orderID int64) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if rec := s.find("orders", orderID); rec != nil {
		return fmt.Sprint(rec["status"])
	}
	return ""
}

// SetStatus sets an order's status, as the seller does in the store.
func (s *Server) SetStatus(orderID int64, status string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if rec := s.find("orders", orderID); rec != nil {
		rec["status"] = status
	}
}

// MetaWrites counts the order and customer PUTs applied.
func (s *Server) MetaWrites() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.metaWrites
}

func (s *Server) find(list string, recID int64) map[string]any {
	for _, rec := range s.records[list] {
		if id(rec) == recID {
			return rec
		}
	}
	return nil
}

func metaOf(rec map[string]any, key string) string {
	meta, _ := rec["meta_data"].([]any)
	for _, m := range meta {
		if mm, ok := m.(map[string]any); ok && mm["key"] == key {
			return fmt.Sprint(mm["value"])
		}
	}
	return ""
}

// putRecord answers PUT orders/<id> and customers/<id>; false when path is
// neither.
func (s *Server) putRecord(w http.ResponseWriter, path string, body map[string]any, now string) bool {
	list, recID, ok := strings.Cut(path, "/")
	if !ok || (list != "orders" && list != "customers") {
		return false
	}
	n, _ := strconv.ParseInt(recID, 10, 64)
	rec := s.find(list, n)
	if rec == nil {
		writeJSON(w, http.StatusNotFound, map[string]any{"code": "woocommerce_rest_" + strings.TrimSuffix(list, "s") + "_invalid_id", "message": "Invalid ID.", "data": map[string]any{"status": 404}})
		return true
	}
	if st, ok := body["status"]; ok {
		rec["status"] = st
	}
	if meta, ok := body["meta_data"].([]any); ok {
		cur, _ := rec["meta_data"].([]any)
		for _, m := range meta {
			mm := m.(map[string]any)
			replaced := false
			for i, c := range cur {
				if cm, ok := c.(map[string]any); ok && cm["key"] == mm["key"] {
					cur[i], replaced = map[string]any{"id": cm["id"], "key": mm["key"], "value": mm["value"]}, true
				}
			}
			if !replaced {
				cur = append(cur, map[string]any{"id": float64(9000 + len(cur)), "key": mm["key"], "value": mm["value"]})
			}
		}
		rec["meta_data"] = cur
	}
	rec["date_modified_gmt"] = now
	s.metaWrites++
	writeJSON(w, http.StatusOK, rec)
	return true
}
