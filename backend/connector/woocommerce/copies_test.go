package woocommerce_test

import "testing"

// The benchmark's stand-in serves its orders many times over, page by
// page: a sync brings each copy once, under its own number.
func TestStandInCopiesSyncOncePerCopy(t *testing.T) {
	r := newRig(t)
	r.srv.Copies = 160 // 320 orders: four pages of 100
	if _, err := r.sync(false); err != nil {
		t.Fatal(err)
	}
	count := func(q string) int {
		var n int
		if err := r.db.SQL().QueryRow(q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(`SELECT COUNT(DISTINCT external_id) FROM orders WHERE source = 'woocommerce'`); n != 320 {
		t.Fatalf("%d orders, want 320", n)
	}
	if count(`SELECT COUNT(*) FROM orders WHERE external_id = '1000727' AND email = 'c1.john.doe@example.com'`) != 1 {
		t.Errorf("copy 1 of #727 missing")
	}
	if res, err := r.sync(false); err != nil || res.Counts.Created != 0 {
		t.Fatalf("second sync created %+v, %v", res.Counts, err)
	}
}
