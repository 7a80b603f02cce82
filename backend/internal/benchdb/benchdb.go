// Package benchdb hands a benchmark its own copy of the shop `make bench`
// names in SHOPCLERK_BENCH_DB (the l demo shop), so the benchmark may write
// and the shop stays untouched and unlocked for the other benches.
package benchdb

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// EnvVar names the shop the benchmarks run on.
const EnvVar = "SHOPCLERK_BENCH_DB"

// Copy copies the shop into the test's temp dir with the sqlite3 shell's
// .backup and returns the copy's path; without EnvVar the test is skipped.
func Copy(t testing.TB) string {
	t.Helper()
	path := os.Getenv(EnvVar)
	if path == "" {
		t.Skip("set " + EnvVar + " to a demo shop")
	}
	cp := filepath.Join(t.TempDir(), "shop.db")
	if out, err := exec.Command("sqlite3", path, ".backup "+cp).CombinedOutput(); err != nil {
		t.Fatalf("copy %s: %v %s", path, err, out)
	}
	return cp
}
