package importer

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"shopclerk/backend/store/importdb"
)

// buildBinary builds the shopclerk binary from the repo root, or skips:
// the root package embeds frontend/dist, which a backend-only checkout may
// not have built.
func buildBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary and imports a large file; skipped with -short")
	}
	bin := filepath.Join(t.TempDir(), "shopclerk")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = "../.."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("cannot build the shopclerk binary from the repo root (does frontend/dist exist?): %v\n%s", err, out)
	}
	return bin
}

// TestCrashMidBatch kills a headless import in the middle of a large file:
// the shop must be exactly as before, and a re-run must complete.
func TestCrashMidBatch(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.db")
	csvDir := filepath.Join(dir, "csv")
	gen := exec.Command(bin, "demo", "--size", "m", "--csv", csvDir, "--now", "2026-03-01T09:00:00Z")
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("demo --csv: %v\n%s", err, out)
	}
	big := filepath.Join(csvDir, "orders_export.csv")

	// The shop before: one small real import.
	if out, err := exec.Command(bin, "import", "--db", db, filepath.Join(realDir, cadOrders)).CombinedOutput(); err != nil {
		t.Fatalf("first import: %v\n%s", err, out)
	}
	before := shopState(t, db)

	cmd := exec.Command(bin, "import", "--db", db, big)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until the batch is being written (the WAL grows), then kill.
	deadline := time.Now().Add(60 * time.Second)
	for {
		if st, err := os.Stat(db + "-wal"); err == nil && st.Size() > 8<<20 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the import never started writing")
		}
		time.Sleep(50 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	err := cmd.Wait()
	if err == nil {
		t.Fatal("the import finished before it could be killed; use a larger file")
	}
	if after := shopState(t, db); jsonOf(t, after) != jsonOf(t, before) {
		t.Fatalf("the killed import left a trace:\nbefore %v\nafter  %v", before, after)
	}

	out, err := exec.Command(bin, "import", "--db", db, "--json", big).CombinedOutput()
	if err != nil {
		t.Fatalf("re-run failed: %v\n%s", err, out)
	}
	done := shopState(t, db)
	if done["orders"] <= before["orders"] || done["line_items"] <= before["line_items"] {
		t.Errorf("re-run imported nothing: %v", done)
	}
}

func shopState(t *testing.T, db string) map[string]int {
	t.Helper()
	st, err := openStoreAt(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	n, err := importdb.New(st).RowCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}
