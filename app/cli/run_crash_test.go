package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"

	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/rulesdb"
	"shopclerk/backend/store/storetest"
)

// TestKilledHeadlessRunEndsAsOneRun kills `shopclerk run` part-way (the
// process exits at once, inside the transaction of its next effect, through
// the crash failpoint) and runs it again: the shop must end with the same
// ledger, messages and coupons as one uninterrupted run, and no key twice.
func TestKilledHeadlessRunEndsAsOneRun(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary; skipped with -short")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "shopclerk")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = "../.."
	if out, err := build.CombinedOutput(); err != nil {
		t.Skipf("cannot build the shopclerk binary from the repo root (does frontend/dist exist?): %v\n%s", err, out)
	}
	const now = "2026-03-01T09:00:00Z"
	run := func(db string, env []string, args ...string) error {
		cmd := exec.Command(bin, append(args, "--db", db, "--now", now)...)
		cmd.Env = append(os.Environ(), env...)
		out, err := cmd.CombinedOutput()
		if err != nil && !errors.As(err, new(*exec.ExitError)) {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		return err
	}
	seed := filepath.Join(dir, "seed.db")
	if err := run(seed, nil, "demo", "--size", "s"); err != nil {
		t.Fatal(err)
	}
	copyDB := func(name string) string {
		b, err := os.ReadFile(seed)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	whole := copyDB("whole.db")
	if err := run(whole, nil, "run", "--install-templates", "--confirm"); err != nil {
		t.Fatal(err)
	}
	want := ledger(t, whole)
	if len(want.keys) < 30 {
		t.Fatalf("the uninterrupted run did only %d things; the test needs more", len(want.keys))
	}
	for _, n := range []int{1, 7, 29} {
		t.Run(fmt.Sprintf("killed after %d effects", n), func(t *testing.T) {
			db := copyDB(fmt.Sprintf("killed-%d.db", n))
			err := run(db, []string{fmt.Sprintf("%s=%d", crashAfterEffectsEnv, n)}, "run", "--install-templates", "--confirm")
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 3 {
				t.Fatalf("the run was not killed at effect %d: %v", n+1, err)
			}
			if err := run(db, nil, "run", "--install-templates", "--confirm"); err != nil {
				t.Fatalf("the run after the kill failed: %v", err)
			}
			got := ledger(t, db)
			if !slices.Equal(got.keys, want.keys) || got.messages != want.messages || got.coupons != want.coupons {
				t.Errorf("after a kill and a re-run: %d keys, %d messages, %d coupons; one run: %d, %d, %d",
					len(got.keys), got.messages, got.coupons, len(want.keys), want.messages, want.coupons)
			}
		})
	}
}

type ledgerState struct {
	keys              []string
	messages, coupons int
}

func ledger(t *testing.T, path string) ledgerState {
	t.Helper()
	st := storetest.Open(t, storetest.Path(path))
	defer st.Close()
	rows, err := rulesdb.New(st).AllLedger(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var s ledgerState
	for _, r := range rows {
		s.keys = append(s.keys, r.Key+" "+string(r.Status))
	}
	slices.Sort(s.keys)
	counts, err := importdb.New(st).RowCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s.messages, s.coupons = counts["messages"], counts["coupons"]
	return s
}
