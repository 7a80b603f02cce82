package coupons

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"shopclerk/backend/domain"
	"shopclerk/backend/importer/sheet"
)

// headerNames are the header cells that name the code column (Shopify's
// export of generated codes has "Code"; Matrixify's "Code" too).
var headerNames = map[string]bool{"code": true, "codes": true, "discount code": true, "discount codes": true,
	"coupon": true, "coupon code": true, "coupon codes": true, "redeem code": true}

// maxCodeLen is the longest code a store takes (Shopify: 255).
const maxCodeLen = 255

// ReadPool reads a pool file (CSV, TSV or xlsx): one code per row, in the
// column a recognised header names, else the first column (the first row
// is then a code too). Blank rows are passed over; duplicates, compared
// without case, refuse the file naming them.
func ReadPool(path, name string) ([]string, error) {
	f, err := sheet.NewFile(path, name, nil)
	if err != nil {
		return nil, err
	}
	sn, err := sheet.Sniff(f)
	if err != nil {
		return nil, err
	}
	r, err := sheet.Open(f, sn, sheet.Options{})
	if err != nil {
		return nil, err
	}
	defer r.Close()
	first, err := r.Header()
	if err != nil {
		return nil, err
	}
	col, codes := 0, []string{}
	header := false
	for i, c := range first {
		if headerNames[strings.ToLower(strings.TrimSpace(c))] {
			col, header = i, true
			break
		}
	}
	seen := map[string]int{} // upper-case code -> row
	var dups []string
	add := func(cells []string, row int) error {
		if col >= len(cells) {
			return nil
		}
		c := strings.TrimSpace(cells[col])
		if c == "" {
			return nil
		}
		if len(c) > maxCodeLen || sheet.NotText(c) {
			return domain.Errorf(domain.CodeInvalid, "%s, row %d: %q is not a discount code a store takes (at most %d characters of text).", f.Name, row, short(c), maxCodeLen)
		}
		k := strings.ToUpper(c)
		if prev, ok := seen[k]; ok {
			dups = append(dups, fmt.Sprintf("%s (rows %d and %d)", c, prev, row))
			return nil
		}
		seen[k] = row
		codes = append(codes, c)
		return nil
	}
	if !header {
		if err := add(first, 1); err != nil {
			return nil, err
		}
	}
	for {
		cells, row, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if re, ok := err.(*sheet.RowError); ok {
			return nil, domain.Errorf(domain.CodeInvalid, "%s, row %d cannot be read (%s); nothing was imported.", f.Name, re.Row, re.Reason)
		}
		if err != nil {
			return nil, err
		}
		if err := add(cells, row); err != nil {
			return nil, err
		}
	}
	if len(dups) > 0 {
		return nil, domain.Errorf(domain.CodeInvalid, "%s holds %d duplicate code%s (codes are compared without case): %s. Nothing was imported; remove them and import the file again.",
			f.Name, len(dups), plural(len(dups)), list(dups))
	}
	if len(codes) == 0 {
		return nil, domain.Errorf(domain.CodeInvalid, "%s holds no codes: put one code per row (a header such as Code is fine).", f.Name)
	}
	return codes, nil
}

// ImportPool reads a pool file and adds its codes to the pool, all or none:
// codes already in the pool, issued or used by an order refuse the file,
// named with their count. name is the file's name as the seller knows it
// ("" for path's own).
func (s *Service) ImportPool(ctx context.Context, path, name string) (domain.PoolImport, error) {
	if name == "" {
		name = filepath.Base(path)
	}
	codes, err := ReadPool(path, name)
	if err != nil {
		return domain.PoolImport{}, err
	}
	bad, err := s.db.AddToPool(ctx, name, codes)
	if err != nil {
		return domain.PoolImport{}, err
	}
	if bad.Any() {
		var parts []string
		for _, g := range []struct {
			codes []string
			what  string
		}{{bad.InPool, "already in the pool"}, {bad.Issued, "already issued to a customer"}, {bad.Used, "already used by an order"}} {
			if len(g.codes) > 0 {
				parts = append(parts, fmt.Sprintf("%d %s: %s", len(g.codes), g.what, list(g.codes)))
			}
		}
		n := len(bad.InPool) + len(bad.Issued) + len(bad.Used)
		return domain.PoolImport{}, domain.Errorf(domain.CodeInvalid, "%s has %d code%s Shopclerk cannot hand out (%s). Nothing was imported; remove them and import the file again.",
			name, n, plural(n), strings.Join(parts, "; "))
	}
	pool, err := s.db.Pool(ctx)
	if err != nil {
		return domain.PoolImport{}, err
	}
	return domain.PoolImport{File: name, Added: len(codes), Free: pool.Free}, nil
}

// list names up to ten items, then says how many more.
func list(items []string) string {
	if len(items) <= 10 {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:10], ", ") + fmt.Sprintf(" and %d more", len(items)-10)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func short(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
