// Package standin is what the stores' stand-in servers (shopifytest,
// woocommercetest) share: numbered requests a test may answer itself, and
// JSON answers. Tests inject faults per request number, never by timing.
package standin

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
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

// SetFault sets Fault while the stand-in may be answering (a request from
// another process carries no happens-before edge to a plain assignment).
func (f *Faults) SetFault(fault func(n int, w http.ResponseWriter, r *http.Request) bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.Fault = fault
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

// ServeFile loads the stand-in's records of one kind from the JSON file at
// path (nothing when path is empty) through put, the stand-in's PutJSON.
// A command that cannot load them stops with the reason.
func ServeFile(put func(kind string, data []byte) error, kind, path string) {
	if path == "" {
		return
	}
	data, err := os.ReadFile(path)
	if err == nil {
		err = put(kind, data)
	}
	if err != nil {
		Exit(err)
	}
}

// Exit stops a stand-in's command on an error it cannot serve past.
func Exit(err error) {
	fmt.Fprintln(os.Stderr, "stand-in store:", err)
	os.Exit(1)
}
