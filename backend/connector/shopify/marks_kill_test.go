//go:build unix

package shopify_test

import (
	"slices"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/rulesdb"
)

// kill -9 between the hold's API call and its record, after the store
// answered and while the call is in flight: the next run reads the order
// back, finds Shopclerk's hold on it and places none again. (The child is
// pushChild, as for the coupon write.)
func TestKillNineHoldWrite(t *testing.T) {
	for _, hang := range []string{"answer", "in flight"} {
		t.Run(hang, func(t *testing.T) {
			r := marksRig(t, domain.StoreWrites{Holds: true})
			oid := r.idOf("orders", "name", orderName)
			r.flow("1/o/o/1", func(tx *rulesdb.RuleTx) error { return tx.HoldOrder(oid, "high risk") })
			r.killMidWrite(t, hang, func() bool { return r.srv.HoldChanges() > 0 })
			if w := r.writes()["hold "+orderName]; w.Status != domain.WriteApplying {
				t.Fatalf("after the kill the write is %q, want applying", w.Status)
			}
			if res := r.push(); res.Done != 1 {
				t.Fatalf("after the kill: %+v", res)
			}
			if got := r.srv.Holds(orderName); !slices.Equal(got, []string{"shopclerk-review"}) || r.srv.HoldChanges() != 1 {
				t.Fatalf("holds %v after %d changes, want exactly one", got, r.srv.HoldChanges())
			}
		})
	}
}
