package importer

// A SKU added later. A variant imported without a SKU has a generated key
// (skuless.go). When the seller later gives it a SKU in their store, the
// next products or inventory export carries that SKU on a row from which
// the old key can still be derived (the same handle and options, or the
// same WooCommerce ID). If a product is stored under that key and the real
// SKU keys nothing yet, the real SKU takes the key over inside the file's
// batch (domain.RecordSink's TakeOverGeneratedKey): the variant, with its stock
// and history, is one product again under the seller's SKU. If both exist
// already they are left apart and the file says so once.
//
// The cost stays with the shops that have generated keys: the keys are read
// once per file, and a file of a shop without any pays a nil check per row.
// Rows whose handle (or ID) no stored key has pay a map look-up, and only
// the rows whose derived key is stored reach the database, once per key.
//
// An older export, still without the SKU, uses the SKU that took the key
// over (domain.GeneratedKeys.Renamed) instead of making the key anew.

import (
	"fmt"
	"strings"

	"shopclerk/backend/domain"
)

// knownKeys are the shop's generated keys for one products or inventory
// file; a nil *knownKeys knows none.
type knownKeys struct {
	stored map[string]struct{}
	// heads are the unescaped handles and WooCommerce IDs of the stored
	// keys: a row whose handle (or ID) is not here is passed over without
	// building its key.
	heads   map[string]struct{}
	renamed map[string]string
}

var keyUnescaper = strings.NewReplacer("%2F", "/", "%25", "%")

func newKnownKeys(g domain.GeneratedKeys) *knownKeys {
	if g.Stored == nil && g.Renamed == nil {
		return nil
	}
	k := &knownKeys{stored: g.Stored, renamed: g.Renamed, heads: map[string]struct{}{}}
	for key := range g.Stored {
		body := strings.TrimPrefix(key, domain.GeneratedSKUPrefix)
		if id, ok := strings.CutPrefix(body, "woo:"); ok {
			k.heads[keyUnescaper.Replace(id)] = struct{}{}
			continue
		}
		head, _, _ := strings.Cut(body, "/")
		k.heads[keyUnescaper.Replace(head)] = struct{}{}
	}
	return k
}

// variantKey is the key a products or inventory row is stored under: its
// own SKU; without one, the key made from what tells the variant apart (head
// is its Shopify handle or WooCommerce ID, keyOf builds the key from it), or
// the real SKU that took that key over. former is the stored generated key
// that a row with a real SKU takes over, "" for none. ok is false for a row
// with neither a SKU nor a head. A nil *knownKeys knows no keys.
func (k *knownKeys) variantKey(sku, head string, keyOf func() string) (key string, generated bool, former string, ok bool) {
	if sku == "" {
		if head == "" {
			return "", false, "", false
		}
		key = keyOf()
		if to := k.renamedTo(key); to != "" {
			return to, false, "", true
		}
		return key, true, "", true
	}
	if k == nil || head == "" {
		return sku, false, "", true
	}
	if _, known := k.heads[head]; !known {
		return sku, false, "", true
	}
	if key = keyOf(); key != sku {
		if _, stored := k.stored[key]; stored {
			former = key
		}
	}
	return sku, false, former, true
}

// renamedTo is the real SKU that took a generated key over, or "".
func (k *knownKeys) renamedTo(key string) string {
	if k == nil {
		return ""
	}
	return k.renamed[key]
}

// loadKeys reads, for a products or inventory file whose rows can carry a
// generated key, the shop's generated keys: one query per file.
func (p *parsed) loadKeys(w domain.RecordSink) error {
	if k := p.b.preset.kind; k != KindProducts && k != KindInventory {
		return nil
	}
	if !p.b.has(FHandle) && p.b.preset.name != PresetWooProducts {
		return nil
	}
	g, err := w.GeneratedKeys()
	if err != nil {
		return err
	}
	p.env.keys = newKnownKeys(g)
	return nil
}

// keyPair is a generated key and the real SKU of the same variant, with the
// first row that showed them.
type keyPair struct {
	key, sku string
	row      int
}

// takeOver lets the real SKU of rec take its generated key over, once per
// key and file. Runs on the writing goroutine.
func (p *parsed) takeOver(w domain.RecordSink, rec Record) error {
	if _, seen := p.takeOvers[rec.takeOver]; seen || rec.Product == nil {
		return nil
	}
	res, err := w.TakeOverGeneratedKey(rec.takeOver, rec.Product.SKU)
	if err != nil {
		return err
	}
	if p.takeOvers == nil {
		p.takeOvers = map[string]domain.TakeOver{}
	}
	p.takeOvers[rec.takeOver] = res
	pair := keyPair{key: rec.takeOver, sku: rec.Product.SKU, row: rec.Row}
	switch res {
	case domain.TakeOverDone:
		p.rekeyed = append(p.rekeyed, pair)
	case domain.TakeOverBothExist:
		p.twins = append(p.twins, pair)
	}
	return nil
}

// finishTakeOvers moves the rest of what named the keys taken over and says
// once per file what happened. Runs on the writing goroutine once the
// parser is done.
func (p *parsed) finishTakeOvers(w domain.RecordSink) error {
	if len(p.rekeyed) > 0 {
		if err := w.FinishTakeOvers(); err != nil {
			return err
		}
	}
	where := "your store"
	if p.b.preset.source == domain.SourceWooCommerce {
		where = "WooCommerce"
	}
	col := p.b.columnOf(FSKU)
	if n := len(p.rekeyed); n > 0 {
		first := p.rekeyed[0]
		reason := fmt.Sprintf("%d variants now use the SKUs you added in %s: %s. Their stock, sales history and purchase orders moved with them, so the Inventory screen shows each variant once", n, where, listPairs(p.rekeyed, " → "))
		if n == 1 {
			reason = fmt.Sprintf("1 variant now uses the SKU you added in %s: %s. Its stock, sales history and purchase orders moved with it, so the Inventory screen shows it once", where, listPairs(p.rekeyed, " → "))
		}
		p.addWarning(Issue{File: p.in.Name, Row: first.row, Column: col, Value: first.sku, Reason: reason})
	}
	if n := len(p.twins); n > 0 {
		first := p.twins[0]
		reason := fmt.Sprintf("%s look like the same variant: %s is the key Shopclerk gave it while it had no SKU in %s, and %s was already in Shopclerk (from an orders file or another export imported before this one). Shopclerk kept both rather than merge them on a guess, so the Inventory screen shows the variant twice and its sales are split between them. Snooze reordering of %s on the Inventory screen so it is not ordered twice; next time, import the products or inventory export before orders that use a new SKU",
			listPairs(p.twins, " and "), first.key, where, first.sku, first.key)
		if n > 1 {
			reason = fmt.Sprintf("%d variants are in Shopclerk twice: %s look like the same variants. The first of each pair is the key Shopclerk gave the variant while it had no SKU in %s; the second was already in Shopclerk (from an orders file or another export imported before this one). Shopclerk kept both rather than merge them on a guess, so the Inventory screen shows these variants twice and their sales are split. Snooze reordering of the keys starting with %q on the Inventory screen so they are not ordered twice; next time, import the products or inventory export before orders that use new SKUs",
				n, listPairs(p.twins, " and "), where, domain.GeneratedSKUPrefix)
		}
		p.addWarning(Issue{File: p.in.Name, Row: first.row, Column: col, Value: first.sku, Reason: reason})
	}
	p.rekeyed, p.twins = nil, nil
	return nil
}

// listPairs names up to five pairs, then how many more.
func listPairs(pairs []keyPair, sep string) string {
	const shown = 5
	var b strings.Builder
	for i, pr := range pairs[:min(len(pairs), shown)] {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(pr.key + sep + pr.sku)
	}
	if n := len(pairs) - shown; n > 0 {
		fmt.Fprintf(&b, " and %d more", n)
	}
	return b.String()
}
