package importer

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
)

// TestRealFixturesBulk runs the real fixtures through the bulk path (indexes
// dropped and rebuilt, aggregates in one pass), which only files of 20k rows
// and more take otherwise: the golden results and re-imports must not change.
func TestRealFixturesBulk(t *testing.T) {
	defer func(n int64) { bulkMinRows = n }(bulkMinRows)
	bulkMinRows = 0
	TestRealFixtures(t)
	t.Run("newer export", TestNewerExportUpdates)
}

// TestBulkPhases: a file that loads in bulk says when it moves on from
// reading to rebuilding the indexes and to saving, in that order; a small
// file goes from reading straight to saving.
func TestBulkPhases(t *testing.T) {
	defer func(n int64) { bulkMinRows = n }(bulkMinRows)
	path := filepath.Join(realDir, "shopify", "orders_export_2025-04_CAD_79col.csv")
	for _, tc := range []struct {
		minRows int64
		want    []Phase
	}{
		{0, []Phase{PhaseReading, PhaseIndexing, PhaseSaving}},
		{1 << 40, []Phase{PhaseReading, PhaseSaving}},
	} {
		bulkMinRows = tc.minRows
		var phases []Phase
		_, err := Import(context.Background(), openStore(t), []FileSpec{{Path: path}}, func(p Progress) {
			if len(phases) == 0 || phases[len(phases)-1] != p.Phase {
				phases = append(phases, p.Phase)
			}
		})
		if err != nil || !slices.Equal(phases, tc.want) {
			t.Errorf("bulkMinRows %d: phases %q (err %v), want %q", tc.minRows, phases, err, tc.want)
		}
	}
}
