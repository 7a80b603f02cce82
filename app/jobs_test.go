package app

import (
	"context"
	"log/slog"
	"slices"
	"sync"
	"testing"
)

// TestJobsProgressNewMessage: progress is throttled, but a report with a new
// message (the import's next step) always reaches the screen, and the job
// ends with one "job:done" carrying its result.
func TestJobsProgressNewMessage(t *testing.T) {
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
	j := newJobs(emit, func(err error) any { return err.Error() }, slog.Default())
	j.Start("import", func(ctx context.Context, progress func(Progress)) (any, error) {
		for i := range 1000 {
			progress(Progress{Done: int64(i), Total: 1000, Message: "Importing orders.csv"})
		}
		progress(Progress{Done: 1000, Total: 1000, Message: "Importing orders.csv: sorting it into the lists"})
		progress(Progress{Done: 1000, Total: 1000, Message: "Importing orders.csv: writing it to disk"})
		return "ok", nil
	})
	ev := <-done
	if ev.Result != "ok" || ev.Error != "" {
		t.Fatalf("done event = %+v", ev)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(msgs) > 10 {
		t.Errorf("%d progress events for 1002 quick reports; want them throttled", len(msgs))
	}
	for _, want := range []string{"Importing orders.csv", "Importing orders.csv: sorting it into the lists", "Importing orders.csv: writing it to disk"} {
		if !slices.Contains(msgs, want) {
			t.Errorf("progress events %q lack %q", msgs, want)
		}
	}
}
