package customersdb

import (
	"testing"

	"shopclerk/backend/store"
	"shopclerk/backend/store/storetest"
)

// Every query bound by name prepares against the migrated schema: a typo
// or a renamed column fails here, not on the customer page. (The customers
// package's tests run each of them over real data.)
func TestNamedQueriesPrepare(t *testing.T) {
	if n := storetest.PrepareAll(t, storetest.Open(t), store.QueryNames(queryFS), q); n < 40 {
		t.Errorf("only %d named queries found", n)
	}
}
