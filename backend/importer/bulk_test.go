package importer

import "testing"

// TestRealFixturesBulk runs the real fixtures through the bulk path (indexes
// dropped and rebuilt, aggregates in one pass), which only files of 20k rows
// and more take otherwise: the golden results and re-imports must not change.
func TestRealFixturesBulk(t *testing.T) {
	defer func(n int64) { bulkMinRows = n }(bulkMinRows)
	bulkMinRows = 0
	TestRealFixtures(t)
	t.Run("newer export", TestNewerExportUpdates)
}
