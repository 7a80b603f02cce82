package app

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"testing"
)

// TestJobsProgressNewStep: progress is throttled, also when each report has
// a new message (the outbox names each recipient), but a report of a new step
// (the import's next phase) always reaches the screen; the job ends with one
// "job:done" carrying its result.
func TestJobsProgressNewStep(t *testing.T) {
	var mu sync.Mutex
	var msgs []string
	done := make(chan JobEvent, 1)
	emit := func(name string, data any) {
		ev := data.(JobEvent)
		if name == "job:done" {
			done <- ev
			return
		}
		mu.Lock()
		msgs = append(msgs, ev.Progress.Message)
		mu.Unlock()
	}
	j := newJobs(context.Background(), emit, func(err error) any { return err.Error() }, slog.Default())
	j.Start("import", func(ctx context.Context, progress func(Progress)) (any, error) {
		for i := range 1000 {
			progress(Progress{Done: int64(i), Total: 1000, Message: fmt.Sprintf("Sending to customer%d@example.com", i), Step: "0"})
		}
		progress(Progress{Done: 1000, Total: 1000, Message: "Importing orders.csv: sorting it into the lists", Step: "0indexing"})
		progress(Progress{Done: 1000, Total: 1000, Message: "Importing orders.csv: writing it to disk", Step: "0saving"})
		return "ok", nil
	})
	ev := <-done
	if ev.Result != "ok" || ev.Error != "" {
		t.Fatalf("done event = %+v", ev)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(msgs) > 10 {
		t.Errorf("%d progress events for 1002 quick reports, each with its own message; want them throttled", len(msgs))
	}
	for _, want := range []string{"Sending to customer0@example.com", "Importing orders.csv: sorting it into the lists", "Importing orders.csv: writing it to disk"} {
		if !slices.Contains(msgs, want) {
			t.Errorf("progress events %q lack %q", msgs, want)
		}
	}
}
