package shopifytest

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"
)

// The stand-in's bulk operations, as the Admin API documents them:
// bulkOperationRunQuery starts one (one at a time per app and shop),
// currentBulkOperation reports it RUNNING for BulkPolls looks and then
// COMPLETED with a url, and that url serves the JSONL file: one order a
// line, each line item on a line of its own after its order, with
// __parentId. The file is on the stand-in's own host (Shopify's is on its
// storage host); the client must not send the token there either way.

type bulkOp struct {
	id     string
	status string
	polls  int
}

// BulkRuns counts the bulk operations started.
func (s *Server) BulkRuns() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bulkRuns
}

func (s *Server) runBulk(query string) map[string]any {
	if !strings.Contains(query, "orders") {
		return map[string]any{"bulkOperation": nil, "userErrors": userErrors(map[string]any{"field": []any{"query"}, "message": "Shopclerk's stand-in bulk-reads orders only"})}
	}
	if s.bulk != nil && s.bulk.status == "RUNNING" {
		return map[string]any{"bulkOperation": nil, "userErrors": userErrors(map[string]any{"field": nil,
			"message": "A bulk query operation for this app and shop is already in progress: " + s.bulk.id + "."})}
	}
	s.bulkRuns++
	s.bulk = &bulkOp{id: fmt.Sprintf("gid://shopify/BulkOperation/%d", 500+s.bulkRuns), status: "RUNNING"}
	return map[string]any{"bulkOperation": map[string]any{"id": s.bulk.id, "status": "CREATED"}, "userErrors": []any{}}
}

func (s *Server) bulkStatus() any {
	if s.bulk == nil {
		return nil
	}
	b := s.bulk
	b.polls++
	if b.status == "RUNNING" && b.polls > s.BulkPolls {
		b.status = "COMPLETED"
	}
	out := map[string]any{"id": b.id, "status": b.status, "errorCode": nil, "objectCount": "0", "url": nil}
	if b.status == "COMPLETED" && len(s.records["orders"]) > 0 {
		out["url"] = s.URL + "/bulk/" + b.id[strings.LastIndexByte(b.id, '/')+1:] + ".jsonl"
	}
	return out
}

// serveBulk writes the JSONL file of the orders as they are now.
func (s *Server) serveBulk(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Shopify-Access-Token") != "" {
		http.Error(w, "a store token was sent to the file storage", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	orders := append([]map[string]any(nil), s.records["orders"]...)
	copies := max(s.Copies, 1)
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/jsonl")
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	for k := range copies {
		for _, o := range orders {
			if err := writeBulkOrder(enc, o, k); err != nil {
				return // the client went away
			}
		}
	}
	bw.Flush()
}

// CopyEmail is the address of copy k's buyer: c<k>.<address>.
func CopyEmail(email string, k int) string {
	if email == "" || email == "<nil>" {
		return ""
	}
	return fmt.Sprintf("c%d.%s", k, email)
}

// writeBulkOrder writes an order's line and its line items' lines; copy
// k > 0 of an order gets its own id, the name #NAME-k and buyers of its own.
func writeBulkOrder(enc *json.Encoder, o map[string]any, k int) error {
	line := make(map[string]any, len(o))
	for key, v := range o {
		if key != "lineItems" {
			line[key] = v
		}
	}
	if k > 0 {
		line["id"] = fmt.Sprintf("%s%d", o["id"], k)
		line["name"] = fmt.Sprintf("%s-%d", o["name"], k)
		// Each copy is bought by other customers (a shop's customers do not
		// each have thousands of orders).
		line["email"] = CopyEmail(fmt.Sprint(o["email"]), k)
		if c, ok := o["customer"].(map[string]any); ok {
			cc := make(map[string]any, len(c))
			for key, v := range c {
				cc[key] = v
			}
			cc["id"], cc["email"] = fmt.Sprintf("%s%d", c["id"], k), CopyEmail(fmt.Sprint(c["email"]), k)
			line["customer"] = cc
		}
	}
	if err := enc.Encode(line); err != nil {
		return err
	}
	if li, ok := o["lineItems"].(map[string]any); ok {
		nodes, _ := li["nodes"].([]any)
		for _, n := range nodes {
			child := map[string]any{"__parentId": line["id"]}
			for key, v := range n.(map[string]any) {
				child[key] = v
			}
			if err := enc.Encode(child); err != nil {
				return err
			}
		}
	}
	return nil
}

// WriteExportCopies writes the orders export at in to out with its orders
// repeated copies times, copy k > 0 named #NAME-k and bought by
// c<k>.<email>, as in the bulk file (benchmarks compare the two paths).
func WriteExportCopies(in, out string, copies int) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return err
	}
	o, err := os.Create(out)
	if err != nil {
		return err
	}
	w := csv.NewWriter(o)
	w.Write(rows[0])
	for k := range max(copies, 1) {
		for _, r := range rows[1:] {
			c := append([]string(nil), r...)
			if k > 0 {
				c[0], c[1] = fmt.Sprintf("%s-%d", r[0], k), CopyEmail(r[1], k)
			}
			w.Write(c)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return o.Close()
}
