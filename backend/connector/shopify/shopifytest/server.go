// Package shopifytest is a stand-in Shopify store for tests and the
// headless checks: an httptest server answering the Admin GraphQL API
// (the version the connector pins) and the client credentials grant with
// payloads shaped as Shopify's reference documents them: connections with
// nodes and pageInfo, extensions.cost.throttleStatus on every answer,
// THROTTLED errors, 401 with Shopify's error string. Its records are kept
// as JSON objects, sorted by updatedAt, filtered by the "updated_at:>="
// search syntax, and paged with opaque cursors that survive updates (an
// updated record moves to the end, as in Shopify).
//
// Faults are injected per request (Fault), so tests never depend on timing.
package shopifytest

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"shopclerk/backend/connector/standin"
)

// Server is the stand-in store.
type Server struct {
	*httptest.Server

	mu sync.Mutex
	// Token is the custom app token accepted ("" accepts none).
	Token string
	// ClientID and ClientSecret are the app credentials the grant accepts.
	ClientID, ClientSecret string
	// TokenTTL is the granted tokens' lifetime (expires_in).
	TokenTTL time.Duration
	// Now is the store's clock, for token expiry (default: the wall clock).
	Now func() time.Time
	// Shop is what the shop query answers.
	Shop Shop
	// Faults' Fault, if set, may answer a request itself.
	standin.Faults
	// Available, if set, gives the bucket's currentlyAvailable for request
	// n; below a query's cost the answer is THROTTLED.
	Available func(n int) float64

	// OnMutation, if set, is called with each mutation's name before it is
	// answered (a test lands a sale there, between read and write).
	OnMutation func(op string)
	// BulkPolls is how many looks at a bulk operation see it RUNNING.
	BulkPolls int
	// Copies (benchmarks) serves the orders this many times in bulk files
	// and counts (copy k > 0 renamed #NAME-k); pages show the originals.
	Copies int

	log       []Request
	tokens    map[string]time.Time
	granted   int
	records   map[string][]map[string]any
	discounts []Discount
	locations map[string]string
	idem      map[string]idemEntry
	stockSets int
	bulk      *bulkOp
	bulkRuns  int
	// tags and holds (marks.go)
	tags        map[string][]string
	fos         map[string][]*fulfillmentOrder
	holdChanges int
}

// Shop is the stand-in's shop.
type Shop struct {
	Name, Domain, Currency, TimeZone string
	Scopes                           []string
}

// Request is a request the stand-in received.
type Request struct {
	Path      string
	Token     string
	Operation string
	Variables map[string]any
}

// QueryCost is what every query costs in the stand-in's bucket.
const QueryCost = 52

// New starts a stand-in with a token and a full set of scopes.
func New() *Server {
	s := &Server{Token: "shpat_standin", TokenTTL: 24 * time.Hour, records: map[string][]map[string]any{}, tokens: map[string]time.Time{}, idem: map[string]idemEntry{},
		Shop: Shop{Name: "Stand-in Store", Domain: "standin.myshopify.com", Currency: "CAD", TimeZone: "America/Toronto",
			Scopes: []string{"read_orders", "read_all_orders", "read_customers", "read_products", "read_inventory", "write_discounts", "write_inventory",
				"write_customers", "write_orders", "write_merchant_managed_fulfillment_orders"}}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Requests returns what the stand-in received so far.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.log...)
}

// Grants counts the client credentials grants answered.
func (s *Server) Grants() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.granted
}

// RevokeTokens makes every token granted so far, and Token, invalid.
func (s *Server) RevokeTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens = map[string]time.Time{}
	s.Token = ""
}

// Put adds or replaces records of a connection ("orders", "customers",
// "products", "inventoryItems", "abandonedCheckouts"), matched by id.
func (s *Server) Put(connection string, nodes ...map[string]any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	at := map[any]int{}
	for i, old := range s.records[connection] {
		at[old["id"]] = i
	}
	for _, n := range nodes {
		if i, ok := at[n["id"]]; ok {
			s.records[connection][i] = n
			continue
		}
		at[n["id"]] = len(s.records[connection])
		s.records[connection] = append(s.records[connection], n)
	}
}

// PutJSON adds records from a JSON array of nodes.
func (s *Server) PutJSON(connection string, data []byte) error {
	var nodes []map[string]any
	if err := json.Unmarshal(data, &nodes); err != nil {
		return err
	}
	s.Put(connection, nodes...)
	return nil
}

// Update changes the record with id through fn and stamps updatedAt.
func (s *Server) Update(connection, id string, at time.Time, fn func(map[string]any)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range s.records[connection] {
		if n["id"] == id {
			fn(n)
			n["updatedAt"] = at.UTC().Format(time.RFC3339)
			return true
		}
	}
	return false
}

// Delete removes a record, as deleting it in the Shopify admin does.
func (s *Server) Delete(connection, id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	list := s.records[connection][:0]
	for _, n := range s.records[connection] {
		if n["id"] != id {
			list = append(list, n)
		}
	}
	s.records[connection] = list
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	n, answered := s.Take(w, r)
	if answered {
		return
	}
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/admin/oauth/access_token":
		s.grant(w, r)
	case r.Method == http.MethodPost && strings.HasPrefix(r.URL.Path, "/admin/api/") && strings.HasSuffix(r.URL.Path, "/graphql.json"):
		s.graphql(w, r, n)
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/bulk/"):
		s.serveBulk(w, r)
	default:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, "<!DOCTYPE html><html><head><title>Page not found</title></head><body>404</body></html>")
	}
}

func (s *Server) grant(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = append(s.log, Request{Path: r.URL.Path})
	if r.Form.Get("grant_type") != "client_credentials" || s.ClientID == "" || r.Form.Get("client_id") != s.ClientID || r.Form.Get("client_secret") != s.ClientSecret {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": "invalid_client", "error_description": "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."})
		return
	}
	s.granted++
	tok := fmt.Sprintf("shpca_granted%04d", s.granted)
	s.tokens[tok] = s.now().Add(s.TokenTTL)
	writeJSON(w, http.StatusOK, map[string]any{"access_token": tok, "scope": strings.Join(s.Shop.Scopes, ","), "expires_in": int(s.TokenTTL / time.Second)})
}

func (s *Server) authorized(tok string) bool {
	if tok == "" {
		return false
	}
	if s.Token != "" && tok == s.Token {
		return true
	}
	exp, ok := s.tokens[tok]
	return ok && s.now().Before(exp)
}

var opName = regexp.MustCompile(`(query|mutation)\s+(\w+)`)

func (s *Server) graphql(w http.ResponseWriter, r *http.Request, n int) {
	var body struct {
		Query     string         `json:"query"`
		Variables map[string]any `json:"variables"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"errors": "Bad Request"})
		return
	}
	op := ""
	if m := opName.FindStringSubmatch(body.Query); m != nil {
		op = m[2]
		s.mu.Lock()
		hook := s.OnMutation
		s.mu.Unlock()
		if m[1] == "mutation" && hook != nil {
			hook(op)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	tok := r.Header.Get("X-Shopify-Access-Token")
	s.log = append(s.log, Request{Path: r.URL.Path, Token: tok, Operation: op, Variables: body.Variables})
	if !s.authorized(tok) {
		writeJSON(w, http.StatusUnauthorized, map[string]any{"errors": "[API] Invalid API key or access token (unrecognized login or wrong password)"})
		return
	}
	avail := 1950.0
	if s.Available != nil {
		avail = s.Available(n)
	}
	cost := map[string]any{"requestedQueryCost": QueryCost, "actualQueryCost": QueryCost,
		"throttleStatus": map[string]any{"maximumAvailable": 2000.0, "currentlyAvailable": avail - QueryCost, "restoreRate": 100.0}}
	if avail < QueryCost {
		cost["actualQueryCost"] = nil
		cost["throttleStatus"].(map[string]any)["currentlyAvailable"] = avail
		writeJSON(w, http.StatusOK, map[string]any{"errors": []any{map[string]any{"message": "Throttled", "extensions": map[string]any{"code": "THROTTLED",
			"documentation": "https://shopify.dev/api/usage/rate-limits"}}}, "extensions": map[string]any{"cost": cost}})
		return
	}
	var data map[string]any
	switch op {
	case "ShopclerkCheck":
		scopes := []any{}
		for _, h := range s.Shop.Scopes {
			scopes = append(scopes, map[string]any{"handle": h})
		}
		data = map[string]any{"shop": map[string]any{"name": s.Shop.Name, "myshopifyDomain": s.Shop.Domain, "currencyCode": s.Shop.Currency,
			"ianaTimezone": s.Shop.TimeZone}, "currentAppInstallation": map[string]any{"accessScopes": scopes}}
	case "ShopclerkOrders":
		data = map[string]any{"orders": s.connection("orders", body.Variables)}
	case "ShopclerkCustomers":
		data = map[string]any{"customers": s.connection("customers", body.Variables)}
	case "ShopclerkProducts":
		data = map[string]any{"products": s.connection("products", body.Variables)}
	case "ShopclerkInventory":
		data = map[string]any{"inventoryItems": s.connection("inventoryItems", body.Variables)}
	case "ShopclerkCheckouts":
		data = map[string]any{"abandonedCheckouts": s.connection("abandonedCheckouts", body.Variables)}
	case "ShopclerkDiscountCreate", "ShopclerkFreeShippingCreate":
		if !s.scope("write_discounts") {
			writeJSON(w, http.StatusOK, accessDenied("discountCodeBasicCreate", "write_discounts"))
			return
		}
		if op == "ShopclerkDiscountCreate" {
			in, _ := body.Variables["basicCodeDiscount"].(map[string]any)
			data = map[string]any{"discountCodeBasicCreate": s.createDiscount("basic", in)}
		} else {
			in, _ := body.Variables["freeShippingCodeDiscount"].(map[string]any)
			data = map[string]any{"discountCodeFreeShippingCreate": s.createDiscount("free_shipping", in)}
		}
	case "ShopclerkOrdersCount":
		n := len(s.records["orders"]) * max(s.Copies, 1)
		prec := "EXACT"
		if n > 10000 {
			n, prec = 10000, "AT_LEAST" // Shopify counts up to its limit
		}
		data = map[string]any{"ordersCount": map[string]any{"count": n, "precision": prec}}
	case "ShopclerkBulkRun":
		q, _ := body.Variables["query"].(string)
		data = map[string]any{"bulkOperationRunQuery": s.runBulk(q)}
	case "ShopclerkBulkStatus":
		data = map[string]any{"currentBulkOperation": s.bulkStatus()}
	case "ShopclerkCustomerByEmail":
		q, _ := body.Variables["query"].(string)
		data = map[string]any{"customers": s.customersByEmail(q)}
	case "ShopclerkDiscountByCode":
		code, _ := body.Variables["code"].(string)
		data = map[string]any{"codeDiscountNodeByCode": s.discountByCode(code)}
	case "ShopclerkStockBySKU":
		q, _ := body.Variables["query"].(string)
		data = map[string]any{"inventoryItems": s.itemsBySKU(q)}
	case "ShopclerkStockSet":
		if !s.scope("write_inventory") {
			writeJSON(w, http.StatusOK, accessDenied("inventorySetQuantities", "write_inventory"))
			return
		}
		in, _ := body.Variables["input"].(map[string]any)
		payload, errs := s.setQuantities(body.Query, in)
		if errs != nil {
			writeJSON(w, http.StatusOK, map[string]any{"errors": errs, "extensions": map[string]any{"cost": cost}})
			return
		}
		data = map[string]any{"inventorySetQuantities": payload}
	case "ShopclerkTagsAdd", "ShopclerkTagsRemove":
		id, _ := body.Variables["id"].(string)
		need := "write_customers"
		if strings.Contains(id, "/Order/") {
			need = "write_orders"
		}
		field := map[bool]string{true: "tagsAdd", false: "tagsRemove"}[op == "ShopclerkTagsAdd"]
		if !s.scope(need) {
			writeJSON(w, http.StatusOK, accessDenied(field, need))
			return
		}
		tags, _ := body.Variables["tags"].([]any)
		data = map[string]any{field: s.setTags(op == "ShopclerkTagsAdd", id, tags)}
	case "ShopclerkOrderByName":
		q, _ := body.Variables["query"].(string)
		data = map[string]any{"orders": s.ordersByName(q)}
	case "ShopclerkHold", "ShopclerkRelease":
		field := map[bool]string{true: "fulfillmentOrderHold", false: "fulfillmentOrderReleaseHold"}[op == "ShopclerkHold"]
		if !s.scope("write_merchant_managed_fulfillment_orders") {
			writeJSON(w, http.StatusOK, accessDenied(field, "write_merchant_managed_fulfillment_orders"))
			return
		}
		id, _ := body.Variables["id"].(string)
		if op == "ShopclerkHold" {
			in, _ := body.Variables["fulfillmentHold"].(map[string]any)
			data = map[string]any{field: s.holdFO(id, in)}
		} else {
			ids, _ := body.Variables["holdIds"].([]any)
			data = map[string]any{field: s.releaseFO(id, ids)}
		}
	default:
		writeJSON(w, http.StatusOK, map[string]any{"errors": []any{map[string]any{"message": "Field '" + op + "' doesn't exist on type 'QueryRoot'",
			"extensions": map[string]any{"code": "undefinedField"}}}})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data, "extensions": map[string]any{"cost": cost}})
}

func (s *Server) scope(handle string) bool {
	for _, h := range s.Shop.Scopes {
		if h == handle {
			return true
		}
	}
	return false
}

// accessDenied is Shopify's answer to a field the app has no scope for.
func accessDenied(field, scope string) map[string]any {
	return map[string]any{"data": nil, "errors": []any{map[string]any{"message": "Access denied for " + field + " field. Required access: `" + scope + "` access scope.",
		"extensions": map[string]any{"code": "ACCESS_DENIED", "documentation": "https://shopify.dev/api/usage/access-scopes"}}}}
}

var sinceQuery = regexp.MustCompile(`updated_at:>='?([^' ]+)'?`)

// connection answers one page: records updated at or after the query's
// time, oldest first, after the cursor's position.
func (s *Server) connection(name string, vars map[string]any) map[string]any {
	var since time.Time
	if q, _ := vars["query"].(string); q != "" {
		if m := sinceQuery.FindStringSubmatch(q); m != nil {
			since, _ = time.Parse(time.RFC3339, m[1])
		}
	}
	// Each record's place, read once (the comparisons would parse each
	// updatedAt again and again).
	type entry struct {
		at time.Time
		id string
		n  map[string]any
	}
	all := make([]entry, 0, len(s.records[name]))
	for _, n := range s.records[name] {
		id, _ := n["id"].(string)
		all = append(all, entry{stamp(n), id, n})
	}
	before := func(a, b entry) bool { return a.at.Before(b.at) || a.at.Equal(b.at) && a.id < b.id }
	sort.SliceStable(all, func(i, j int) bool { return before(all[i], all[j]) })
	var after *entry
	if c, _ := vars["after"].(string); c != "" {
		a := decodeCursor(c)
		id, _ := a["id"].(string)
		after = &entry{at: stamp(a), id: id}
	}
	first := 50
	if f, ok := vars["first"].(float64); ok {
		first = int(f)
	}
	nodes := []any{}
	var last map[string]any
	more := false
	for _, e := range all {
		if !since.IsZero() && e.at.Before(since) {
			continue
		}
		if after != nil && !before(*after, e) {
			continue
		}
		if len(nodes) == first {
			more = true
			break
		}
		nodes = append(nodes, e.n)
		last = e.n
	}
	info := map[string]any{"hasNextPage": more, "endCursor": nil}
	if last != nil {
		info["endCursor"] = encodeCursor(last)
	}
	return map[string]any{"pageInfo": info, "nodes": nodes}
}

func stamp(n map[string]any) time.Time {
	s, _ := n["updatedAt"].(string)
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

func encodeCursor(n map[string]any) string {
	v := url.Values{"u": {stamp(n).Format(time.RFC3339)}, "i": {fmt.Sprint(n["id"])}}
	return base64.StdEncoding.EncodeToString([]byte(v.Encode()))
}

func decodeCursor(c string) map[string]any {
	b, _ := base64.StdEncoding.DecodeString(c)
	v, _ := url.ParseQuery(string(b))
	return map[string]any{"updatedAt": v.Get("u"), "id": v.Get("i")}
}

// writeJSON answers v as JSON with the status.
var writeJSON = standin.WriteJSON
