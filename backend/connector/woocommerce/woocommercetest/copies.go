package woocommercetest

import (
	"fmt"
	"maps"
)

// Benchmarks: with Copies > 1 the orders list serves its orders Copies
// times over, made on the fly page by page (copy k > 0 of an order gets the
// id and number ID + k × copyStride and a buyer of its own, c<k>.EMAIL), so
// 100,000 orders cost the stand-in no more memory than the originals.

const copyStride = 1_000_000

// copyOrder is copy k of order o (k = 0: o itself).
func copyOrder(o map[string]any, k int) map[string]any {
	if k == 0 {
		return o
	}
	c := maps.Clone(o)
	n := id(o) + int64(k)*copyStride
	c["id"], c["number"] = float64(n), fmt.Sprint(n)
	if b, ok := o["billing"].(map[string]any); ok {
		b = maps.Clone(b)
		if e, _ := b["email"].(string); e != "" {
			b["email"] = fmt.Sprintf("c%d.%s", k, e)
		}
		c["billing"] = b
	}
	if cid, _ := o["customer_id"].(float64); cid != 0 {
		c["customer_id"] = cid + float64(k)*copyStride
	}
	return c
}

// copies expands the matching orders into their copies, in id order within
// each copy, for the page [from, to) only.
func copies(all []map[string]any, from, to int) []map[string]any {
	out := make([]map[string]any, 0, to-from)
	for i := from; i < to && len(all) > 0; i++ {
		out = append(out, copyOrder(all[i%len(all)], i/len(all)))
	}
	return out
}
