package app

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"shopclerk/backend/clock"
)

func newTestApp(t *testing.T, path string) *App {
	t.Helper()
	log := slog.New(slog.DiscardHandler)
	a := New(context.Background(), Config{DBPath: path, Clock: clock.Fixed{T: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)}, Log: log})
	t.Cleanup(func() { a.Shutdown(context.Background()) })
	return a
}

// TestGraphIsBuiltOncePerShop: bound calls share one object graph (the same
// engine, inventory service and mail wiring) until another shop opens;
// opening one rebuilds the graph over the new file, closes the old one, and
// the bound services answer from the new shop.
func TestGraphIsBuiltOncePerShop(t *testing.T) {
	dir := t.TempDir()
	a := newTestApp(t, filepath.Join(dir, "first.db"))
	first, _, err := a.current()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.Automation.InstallTemplate("order_confirmation"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Inventory.Plan(); err != nil {
		t.Fatal(err)
	}
	again, _, _ := a.current()
	if again != first || again.Engine != first.Engine || again.Inventory != first.Inventory || again.Mail != first.Mail {
		t.Fatal("a bound call rebuilt the shop's backend objects")
	}

	if err := a.open(filepath.Join(dir, "second.db")); err != nil {
		t.Fatal(err)
	}
	second, _, err := a.current()
	if err != nil {
		t.Fatal(err)
	}
	if second == first || second.Engine == first.Engine || second.Mail == first.Mail || second.Store == first.Store {
		t.Fatal("opening another shop kept the old graph")
	}
	if st, _ := a.Shop.Status(); st.Path != filepath.Join(dir, "second.db") {
		t.Fatalf("status names %q", st.Path)
	}
	if flows, err := a.Automation.ListFlows(); err != nil || len(flows) != 0 {
		t.Fatalf("the second shop lists the first shop's flows: %v %v", flows, err)
	}
	if _, err := first.Store.Setting(context.Background(), "x", ""); err == nil {
		t.Fatal("the first shop is still open")
	}
}

// TestShopThatCannotOpenLeavesNone: a failed open drops the previous shop
// and leaves its reason for the first screen.
func TestShopThatCannotOpenLeavesNone(t *testing.T) {
	dir := t.TempDir()
	a := newTestApp(t, filepath.Join(dir, "shop.db"))
	bad := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(bad, []byte("not a database, but a text file of the same size as a page header"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := a.open(bad); err == nil {
		t.Fatal("a text file opened as a shop")
	}
	if _, _, err := a.current(); err == nil {
		t.Fatal("a shop is open after a failed open")
	}
	if st, _ := a.Shop.Status(); st.OpenError == "" {
		t.Fatalf("status has no reason: %+v", st)
	}
}

// TestJobContextEndsWithCancelAndShutdown: each job runs under a context of
// its own, derived from the app's: JobService.Cancel ends that job's and
// no other, and Shutdown ends every job's and the bound calls'.
func TestJobContextEndsWithCancelAndShutdown(t *testing.T) {
	a := newTestApp(t, filepath.Join(t.TempDir(), "shop.db"))
	start := func() (string, <-chan error) {
		ended := make(chan error, 1)
		id := a.jobs.Start("wait", func(ctx context.Context, _ func(Progress)) (any, error) {
			<-ctx.Done()
			ended <- ctx.Err()
			return nil, ctx.Err()
		})
		return id, ended
	}
	wait := func(ended <-chan error, what string) {
		t.Helper()
		select {
		case err := <-ended:
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("%s: %v", what, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s did not end the job's context", what)
		}
	}
	id, ended := start()
	_, other := start()
	a.Jobs.Cancel(id)
	wait(ended, "Cancel")
	select {
	case <-other:
		t.Fatal("Cancel ended another job")
	case <-time.After(50 * time.Millisecond):
	}
	_, ctx, _ := a.current()
	a.Shutdown(context.Background())
	wait(other, "Shutdown")
	if ctx.Err() == nil {
		t.Fatal("the bound calls' context outlived Shutdown")
	}
}

// TestOpenStartsTheNewShopsBackgroundWork: with the window up, the shop
// opened next gets its own schedule, told to report to the window.
func TestOpenStartsTheNewShopsBackgroundWork(t *testing.T) {
	dir := t.TempDir()
	a := newTestApp(t, filepath.Join(dir, "first.db"))
	a.mu.Lock()
	a.running = true // what Startup sets; Startup itself needs a Wails context
	a.mu.Unlock()
	if err := a.open(filepath.Join(dir, "second.db")); err != nil {
		t.Fatal(err)
	}
	b, _, err := a.current()
	if err != nil {
		t.Fatal(err)
	}
	if b.Automations.OnRun == nil {
		t.Fatal("the new shop's automation schedule was not started")
	}
}
