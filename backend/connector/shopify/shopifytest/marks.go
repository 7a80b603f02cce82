package shopifytest

import (
	"fmt"
	"regexp"
	"strings"
)

// The stand-in's tags and holds, as the Admin API documents them for
// 2026-07: tagsAdd / tagsRemove on a Customer or Order id (write_customers
// or write_orders; adding a tag present or removing one absent changes
// nothing), orders searched by name with their fulfillment orders and
// holds, fulfillmentOrderHold with a handle unique per app and fulfillment
// order (a second one is refused), and fulfillmentOrderReleaseHold by hold
// ids, which opens the fulfillment order when no hold is left.

type fulfillmentOrder struct {
	id, status string
	holds      []hold
}

type hold struct{ id, handle, reason string }

// Tags are the tags on a customer or order id, as tagsAdd and tagsRemove
// left them.
func (s *Server) Tags(id string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.tags[id]...)
}

// Holds are the handles of the holds on an order's fulfillment orders.
func (s *Server) Holds(orderName string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, fo := range s.fulfillmentOrders(s.orderByName(orderName)) {
		for _, h := range fo.holds {
			out = append(out, h.handle)
		}
	}
	return out
}

// HoldChanges counts the holds placed and released so far.
func (s *Server) HoldChanges() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.holdChanges
}

func (s *Server) orderByName(name string) map[string]any {
	for _, o := range s.records["orders"] {
		if o["name"] == name {
			return o
		}
	}
	return nil
}

// fulfillmentOrders are an order's: one, open, made at first look.
func (s *Server) fulfillmentOrders(o map[string]any) []*fulfillmentOrder {
	if o == nil {
		return nil
	}
	id := fmt.Sprint(o["id"])
	if s.fos == nil {
		s.fos = map[string][]*fulfillmentOrder{}
	}
	if _, ok := s.fos[id]; !ok {
		n := strings.TrimPrefix(id, "gid://shopify/Order/")
		s.fos[id] = []*fulfillmentOrder{{id: "gid://shopify/FulfillmentOrder/" + n, status: "OPEN"}}
	}
	return s.fos[id]
}

func (s *Server) fulfillmentOrder(id string) *fulfillmentOrder {
	for _, fos := range s.fos {
		for _, fo := range fos {
			if fo.id == id {
				return fo
			}
		}
	}
	return nil
}

var nameQuery = regexp.MustCompile(`name:"?([^"]+)"?`)

// ordersByName answers orders(query: "name:...") with the fields the
// connector asks for.
func (s *Server) ordersByName(q string) map[string]any {
	nodes := []any{}
	if m := nameQuery.FindStringSubmatch(q); m != nil {
		for _, o := range s.records["orders"] {
			if name, _ := o["name"].(string); strings.HasPrefix(name, m[1]) {
				fos := []any{}
				for _, fo := range s.fulfillmentOrders(o) {
					hs := []any{}
					for _, h := range fo.holds {
						hs = append(hs, map[string]any{"id": h.id, "handle": h.handle})
					}
					fos = append(fos, map[string]any{"id": fo.id, "status": fo.status, "fulfillmentHolds": hs})
				}
				nodes = append(nodes, map[string]any{"id": o["id"], "name": name, "fulfillmentOrders": map[string]any{"nodes": fos}})
			}
		}
	}
	return map[string]any{"nodes": nodes}
}

// setTags answers tagsAdd and tagsRemove.
func (s *Server) setTags(add bool, id string, tags []any) map[string]any {
	known := s.knownCustomer(id)
	for _, o := range s.records["orders"] {
		known = known || o["id"] == id
	}
	if !known {
		return map[string]any{"node": nil, "userErrors": userErrors(map[string]any{"field": []any{"id"}, "message": "Resource not found"})}
	}
	if s.tags == nil {
		s.tags = map[string][]string{}
	}
	for _, t := range tags {
		tag := fmt.Sprint(t)
		i := -1
		for j, x := range s.tags[id] {
			if strings.EqualFold(x, tag) {
				i = j
			}
		}
		switch {
		case add && i < 0:
			s.tags[id] = append(s.tags[id], tag)
		case !add && i >= 0:
			s.tags[id] = append(s.tags[id][:i], s.tags[id][i+1:]...)
		}
	}
	return map[string]any{"node": map[string]any{"id": id}, "userErrors": []any{}}
}

// holdFO answers fulfillmentOrderHold.
func (s *Server) holdFO(id string, in map[string]any) map[string]any {
	fail := func(code, msg string) map[string]any {
		return map[string]any{"fulfillmentHold": nil, "userErrors": userErrors(map[string]any{"field": []any{"id"}, "code": code, "message": msg})}
	}
	fo := s.fulfillmentOrder(id)
	if fo == nil {
		return fail("FULFILLMENT_ORDER_NOT_FOUND", "Fulfillment order does not exist.")
	}
	if fo.status != "OPEN" && fo.status != "SCHEDULED" && fo.status != "ON_HOLD" {
		return fail("INVALID", "Fulfillment order can't be placed on hold in its current status.")
	}
	handle := fmt.Sprint(in["handle"])
	for _, h := range fo.holds {
		if h.handle == handle {
			return fail("TAKEN", "Handle has already been taken for this fulfillment order.")
		}
	}
	s.holdChanges++
	h := hold{id: fmt.Sprintf("gid://shopify/FulfillmentHold/%d", 5000+s.holdChanges), handle: handle, reason: fmt.Sprint(in["reason"])}
	fo.holds = append(fo.holds, h)
	fo.status = "ON_HOLD"
	return map[string]any{"fulfillmentHold": map[string]any{"id": h.id, "handle": h.handle}, "userErrors": []any{}}
}

// releaseFO answers fulfillmentOrderReleaseHold.
func (s *Server) releaseFO(id string, holdIDs []any) map[string]any {
	fo := s.fulfillmentOrder(id)
	if fo == nil {
		return map[string]any{"fulfillmentOrder": nil, "userErrors": userErrors(map[string]any{"field": []any{"id"}, "code": "FULFILLMENT_ORDER_NOT_FOUND", "message": "Fulfillment order does not exist."})}
	}
	keep := fo.holds[:0]
	for _, h := range fo.holds {
		drop := len(holdIDs) == 0
		for _, x := range holdIDs {
			drop = drop || x == h.id
		}
		if drop {
			s.holdChanges++
		} else {
			keep = append(keep, h)
		}
	}
	fo.holds = keep
	if len(fo.holds) == 0 && fo.status == "ON_HOLD" {
		fo.status = "OPEN"
	}
	return map[string]any{"fulfillmentOrder": map[string]any{"id": fo.id, "status": fo.status}, "userErrors": []any{}}
}
