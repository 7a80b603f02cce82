package importer

// Variants without a SKU. Small shops often leave SKUs empty, but Shopclerk
// keys products, stock levels, order lines and purchase orders by SKU. Such a
// variant gets a key made from what every export of the same store carries,
// so the products export, the inventory export and the orders export of one
// shop all reach the same product:
//
//	Shopify      "~" + Handle, then "/" + each option value other than
//	             "Default Title": ~linen-apron, ~linen-apron/Blue/M
//	WooCommerce  "~woo:" + the product's ID: ~woo:1234
//
// "~" is domain.GeneratedSKUPrefix; "/" and "%" inside a handle or an option
// value are written %2F and %25, so two variants never share a key. The
// product is stored with sku_generated = 1, and the import says once per
// file how many variants got such a key. An order line without a SKU is
// linked to a product with a generated key when its name ("Title - Variant
// title") is that of exactly one such product: a map look-up per SKU-less
// line, loaded once per file.
//
// Amazon listings always have a seller SKU (Amazon makes one up when the
// seller gives none), so an Amazon row without one is a damaged file and is
// still refused; Etsy files hold orders only, whose SKU-less lines are
// linked by name like any other.

import (
	"errors"
	"fmt"

	"shopclerk/backend/domain"
)

// shopifyKey is the generated key of a Shopify variant without a SKU.
func shopifyKey(handle string, options ...string) string {
	return domain.ShopifyKey(handle, options...)
}

// wooKey is the generated key of a WooCommerce product without a SKU.
func wooKey(id string) string { return domain.WooKey(id) }

// genKeys counts the distinct generated keys of one file, for its warning.
type genKeys struct {
	seen    map[string]struct{}
	first   int
	example string
}

func (g *genKeys) add(r *rowCtx, key string) {
	if g.seen == nil {
		g.seen, g.first, g.example = map[string]struct{}{}, r.num, key
	}
	g.seen[key] = struct{}{}
}

// warn reports, once per file, the variants (noun) that got a generated
// key: from is what their keys were made of, store where SKUs are added.
func (g *genKeys) warn(e *env, f Field, noun, from, store string) {
	n := len(g.seen)
	if n == 0 {
		return
	}
	gave := fmt.Sprintf("%d %ss have no SKU in %s; Shopclerk gave them keys from their %s (like %s)", n, noun, store, from, g.example)
	if n == 1 {
		gave = fmt.Sprintf("1 %s has no SKU in %s; Shopclerk gave it a key from its %s (%s)", noun, store, from, g.example)
	}
	e.warn(Issue{File: e.file, Row: g.first, Column: e.b.columnOf(f), Value: g.example,
		Reason: gave + `, marked "no SKU" on the Inventory screen. Add SKUs in ` + store + " to make reorders and supplier emails clearer"})
}

// linkLines loads, for an orders or carts file, the names of the products
// with a generated key, so the builder can link SKU-less lines to them.
func (p *parsed) linkLines(w domain.RecordSink) error {
	if k := p.b.preset.kind; k != KindOrders && k != KindCarts {
		return nil
	}
	names, err := w.GeneratedSKUNames()
	if err != nil {
		return err
	}
	if len(names) > 0 {
		p.env.lineSKUs = names
	}
	return nil
}

// clash turns the Writer's refusal of a key that means a real SKU in one
// place and a generated key in the other into a rejected row; false for any
// other error. Runs on the writing goroutine.
func (p *parsed) clash(rec Record, err error) bool {
	var c *domain.SKUClashError
	if !errors.As(err, &c) {
		return false
	}
	if n := len(p.clashes); n > 0 && p.clashes[n-1].Row == rec.Row {
		return true // the same row's stock, after its product
	}
	reason := fmt.Sprintf("this variant has no SKU, and the key Shopclerk would give it (%s) is the real SKU of another product in the shop; give this variant a SKU in your store and export again", c.SKU)
	if c.StoredGenerated {
		reason = fmt.Sprintf("this SKU is exactly the key Shopclerk gave a variant that has no SKU (keys like that start with %q), so the two would be mixed up; rename this SKU in your store and export again", domain.GeneratedSKUPrefix)
	}
	p.clashes = append(p.clashes, Issue{File: p.in.Name, Row: rec.Row, Column: p.b.columnOf(FSKU), Value: c.SKU, Reason: reason})
	return true
}

// addClashes reports the refused rows with the parser's, once it is done.
func (p *parsed) addClashes() {
	for _, is := range p.clashes {
		p.addReject(is)
	}
	p.clashes = nil
}
