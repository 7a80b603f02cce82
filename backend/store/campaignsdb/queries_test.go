package campaignsdb

import (
	"strings"
	"testing"

	"shopclerk/backend/store"
	"shopclerk/backend/store/storetest"
)

// Every query bound by name prepares against the migrated schema: a typo
// or a renamed column fails here, not when a campaign is planned. (The
// campaigns package's tests run each of them over real data.)
func TestNamedQueriesPrepare(t *testing.T) {
	if n := storetest.PrepareAll(t, storetest.Open(t), store.QueryNames(queryFS), q); n < 14 { // the coupon insert moved to couponsdb's Issuer
		t.Errorf("only %d named queries found", n)
	}
}

// The campaign's counts find a coupon's orders by their discount code,
// whatever its case, through the index of migration 00052: never by
// reading every order once per coupon (50,000 coupons and a million orders
// would take hours).
func TestRedemptionJoinUsesTheIndex(t *testing.T) {
	st := storetest.Open(t)
	rows, err := st.SQL().Query(`EXPLAIN QUERY PLAN `+q("VariantCounts"), 1)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		rows.Scan(&id, &parent, &unused, &detail)
		plan = append(plan, detail)
	}
	if all := strings.Join(plan, "\n"); !strings.Contains(all, "orders_discount_code_nocase") || strings.Contains(all, "SCAN o") {
		t.Fatalf("the redemption join reads every order:\n%s", strings.Join(plan, "\n"))
	}
	if testing.Verbose() {
		t.Log(strings.Join(plan, "\n"))
	}
}
