package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shopclerk/backend/domain"
)

// `shopclerk coupons import-pool` takes a file of store-made codes once
// (the same codes again are refused, named), `coupons --json` shows the
// pool, a bad status is refused, and `coupons export` writes the header
// of the store's import shape even with nothing to export.
func TestCLICoupons(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.db")
	run := func(name string, args ...string) (string, int) {
		t.Helper()
		var out, errb bytes.Buffer
		code := RunCommand(context.Background(), name, append([]string{"--db", db, "--now", "2026-03-05T09:00:00Z"}, args...), &out, &errb)
		return out.String() + errb.String(), code
	}
	pool := filepath.Join(dir, "codes.csv")
	os.WriteFile(pool, []byte("Code\nSHOP-AAA1\nSHOP-BBB2\n"), 0o600)
	if out, code := run("coupons", "import-pool", pool); code != 0 || !strings.Contains(out, "2 codes from codes.csv added to the pool; 2 free") {
		t.Fatalf("import-pool: exit %d\n%s", code, out)
	}
	if out, code := run("coupons", "import-pool", pool); code == 0 || !strings.Contains(out, "2 already in the pool: SHOP-AAA1, SHOP-BBB2") {
		t.Errorf("same file again: exit %d\n%s", code, out)
	}
	out, code := run("coupons", "--json")
	var page domain.CouponPage
	if err := json.Unmarshal([]byte(out), &page); err != nil || code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	if !page.Pool.Active || page.Pool.Free != 2 || !page.Pool.Low || page.Total != 0 {
		t.Errorf("page %+v", page)
	}
	if out, code := run("coupons", "--status", "lost"); code == 0 || !strings.Contains(out, "not a coupon status") {
		t.Errorf("bad status: exit %d\n%s", code, out)
	}
	exp := filepath.Join(dir, "my-discounts.csv")
	if out, code := run("coupons", "export", exp); code != 0 || !strings.Contains(out, "0 coupons written") {
		t.Fatalf("export: exit %d\n%s", code, out)
	}
	if b, _ := os.ReadFile(exp); !strings.HasPrefix(string(b), "Title,Command,Code,Type,Value") {
		t.Errorf("export: %q", b)
	}
	if out, code := run("coupons", "attribution"); code != 0 || !strings.Contains(out, "no tracking pixel") {
		t.Errorf("attribution: exit %d\n%s", code, out)
	}
}
