package importer

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/storetest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// realDir holds the real exports, copied into the repo (see its README).
const realDir = "../../testdata/real"

// The store's import concern is what Import writes through.
var _ Applier = (*importdb.DB)(nil)

func openStore(t testing.TB) *importdb.DB {
	t.Helper()
	return importdb.New(storetest.Open(t, storetest.At(time.Date(2026, 5, 1, 9, 0, 0, 0, time.UTC))))
}

func realFixtures(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, sub := range []string{"shopify", "woocommerce", "amazon"} {
		entries, err := os.ReadDir(filepath.Join(realDir, sub))
		if err != nil {
			t.Fatalf("the real fixtures are expected at %s (testdata/real in the repo): %v", realDir, err)
		}
		for _, e := range entries {
			if ext := filepath.Ext(e.Name()); ext == ".csv" || ext == ".txt" {
				out = append(out, filepath.Join(sub, e.Name()))
			}
		}
	}
	return out
}

// golden compares v, as indented JSON, with testdata/<name>; -update rewrites it.
func golden(t *testing.T, name string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", name)
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", path, diffLines(string(want), string(got)))
	}
}

func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)) && b.Len() < 2000; i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			b.WriteString("- " + a + "\n+ " + c + "\n")
		}
	}
	return b.String()
}

// summary is what a golden file records about one import.
type summary struct {
	Preset   PresetName     `json:"preset"`
	Label    string         `json:"label"`
	Rows     int            `json:"rows"`
	Counts   domain.Counts  `json:"counts"`
	Tables   map[string]int `json:"tables"`
	Rejected []Issue        `json:"rejected"`
	Warnings []Issue        `json:"warnings"`
	Error    string         `json:"error,omitempty"`
}

func summarise(t *testing.T, st *importdb.DB, fr FileResult) summary {
	t.Helper()
	tables, err := st.RowCounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	s := summary{Preset: fr.Preset, Label: fr.Label, Rows: fr.Rows, Counts: fr.Counts, Tables: tables, Rejected: fr.Rejected, Error: fr.Error}
	if len(fr.Warnings) > 15 {
		s.Warnings = fr.Warnings[:15]
	} else {
		s.Warnings = fr.Warnings
	}
	return s
}

func importOne(t *testing.T, st *importdb.DB, spec FileSpec) FileResult {
	t.Helper()
	res, err := Import(context.Background(), st, []FileSpec{spec}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 1 {
		t.Fatalf("got %d file results", len(res.Files))
	}
	return res.Files[0]
}

// TestRealFixtures imports every real export into a fresh shop, checks the
// counts against golden files, then imports it again: nothing may change.
func TestRealFixtures(t *testing.T) {
	for _, rel := range realFixtures(t) {
		t.Run(rel, func(t *testing.T) {
			st := openStore(t)
			spec := FileSpec{Path: filepath.Join(realDir, rel)}
			fr := importOne(t, st, spec)
			if fr.Error != "" {
				t.Fatalf("refused: %s", fr.Error)
			}
			golden(t, filepath.Join("golden", strings.ReplaceAll(rel, "/", "__")+".json"), summarise(t, st, fr))

			again := importOne(t, st, spec)
			if again.Counts.Created != 0 || again.Counts.Updated != 0 {
				t.Errorf("second import changed the shop: %+v", again.Counts)
			}
			if again.Counts.Unchanged == 0 && fr.Counts.Created > 0 {
				t.Errorf("second import saw nothing unchanged: %+v", again.Counts)
			}
			if again.Counts.Rejected != fr.Counts.Rejected {
				t.Errorf("second import rejected %d rows, first %d", again.Counts.Rejected, fr.Counts.Rejected)
			}
		})
	}
}

func openStoreAt(path string) (*store.Store, error) {
	return store.Open(context.Background(), path, store.Options{})
}

// A probe batch reads through a Writer and rolls back (errProbe).
type writer = importdb.Writer

var errProbe = errors.New("probe: roll back")

func storeMeta(name string) domain.BatchMeta {
	return domain.BatchMeta{FileName: name, Preset: "test", Kind: "test"}
}
func writeOpts() importdb.WriteOptions { return importdb.WriteOptions{} }
