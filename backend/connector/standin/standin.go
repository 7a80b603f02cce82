// Package standin is what the stores' stand-in servers (shopifytest,
// woocommercetest) share: numbered requests a test may answer itself, and
// JSON answers. Tests inject faults per request number, never by timing.
package standin

import (
	"encoding/json"
	"net/http"
	"sync"
)

// Faults numbers a stand-in's requests and hands each to Fault first.
type Faults struct {
	// Fault, if set, may answer request n (1-based, every path counted)
	// itself: it returns true when it wrote the answer.
	Fault func(n int, w http.ResponseWriter, r *http.Request) bool

	mu sync.Mutex
	n  int
}

// Take numbers the request; answered is true when Fault wrote its answer.
func (f *Faults) Take(w http.ResponseWriter, r *http.Request) (n int, answered bool) {
	f.mu.Lock()
	f.n++
	n, fault := f.n, f.Fault
	f.mu.Unlock()
	return n, fault != nil && fault(n, w, r)
}

// WriteJSON answers v as JSON with the status.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
