package store

import (
	"testing"
	"testing/fstest"
)

// A comment between two queries belongs to the second: left on the first,
// after its ";", it made the driver parse the first as a script on every
// call (SuppressionGet, on the send path).
func TestQueriesEndAtTheirLastStatement(t *testing.T) {
	fsys := fstest.MapFS{"queries/x.sql": {Data: []byte(`-- name: First :one
-- leading comments stay
SELECT 1
FROM t; -- a trailing note on the same line stays too

-- The next query's comment, which is not the first's.
-- It has two lines.

-- name: Second :exec
DELETE FROM t;
`)}}
	got := loadQueries(fsys)
	if want := "-- leading comments stay\nSELECT 1\nFROM t; -- a trailing note on the same line stays too"; got["First"] != want {
		t.Errorf("First = %q\nwant %q", got["First"], want)
	}
	if got["Second"] != "DELETE FROM t;" {
		t.Errorf("Second = %q", got["Second"])
	}
}
