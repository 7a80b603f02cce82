package importdb

import (
	"context"
	"fmt"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/storetest"
)

// TestCancelStopsBatchPromptly cancels a batch in the middle of its rows: the
// next few upserts fail (the per-row statements run without the context's
// cancellation, so the Writer checks it itself), and nothing remains.
func TestCancelStopsBatchPromptly(t *testing.T) {
	for _, fresh := range []bool{false, true} {
		t.Run(fmt.Sprintf("fresh=%v", fresh), func(t *testing.T) {
			s := New(storetest.Open(t, storetest.At(testNow)))
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			stoppedAt := -1
			_, _, err := s.WriteBatch(ctx, domain.BatchMeta{FileName: "c.csv"}, WriteOptions{Fresh: fresh}, func(w *Writer) error {
				for i := range 5000 {
					if i == 100 {
						cancel()
					}
					name := fmt.Sprintf("#%d", i)
					email := fmt.Sprintf("c%d@example.com", i)
					if err := w.UpsertOrder(sampleOrder(name, 100, email), &domain.Customer{Email: email}); err != nil {
						stoppedAt = i
						return err
					}
				}
				return nil
			})
			if err == nil {
				t.Fatal("a cancelled batch must fail")
			}
			if stoppedAt < 100 || stoppedAt > 400 {
				t.Errorf("the batch went on to row %d after being cancelled at row 100", stoppedAt)
			}
			for _, table := range []string{"orders", "customers", "line_items", "products", "import_batches"} {
				var n int
				s.SQL().QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n)
				if n != 0 {
					t.Errorf("%s has %d rows after a cancelled batch", table, n)
				}
			}
		})
	}
}
