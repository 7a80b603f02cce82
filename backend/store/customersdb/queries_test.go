package customersdb

import (
	"io/fs"
	"strings"
	"testing"

	"shopclerk/backend/store/storetest"
)

// Every query bound by name prepares against the migrated schema: a typo
// or a renamed column fails here, not on the customer page. (The customers
// package's tests run each of them over real data.)
func TestNamedQueriesPrepare(t *testing.T) {
	st := storetest.Open(t)
	files, _ := fs.Glob(queryFS, "queries/*.sql")
	n := 0
	for _, f := range files {
		b, _ := fs.ReadFile(queryFS, f)
		for _, line := range strings.Split(string(b), "\n") {
			name, ok := strings.CutPrefix(strings.TrimSpace(line), "-- name: ")
			if !ok {
				continue
			}
			name, _, _ = strings.Cut(name, " ")
			stmt, err := st.SQL().Prepare(q(name))
			if err != nil {
				t.Errorf("%s (%s): %v", name, f, err)
				continue
			}
			stmt.Close()
			n++
		}
	}
	if n < 40 {
		t.Errorf("only %d named queries found", n)
	}
}
