package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shopclerk/backend/importer"
)

const realOrders = "../../testdata/real/shopify/orders_export_2025-04_CAD_79col.csv"

func TestCLIImport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "shop.db")
	empty := filepath.Join(dir, "empty.csv")
	os.WriteFile(empty, nil, 0o644)

	tests := []struct {
		name      string
		args      []string
		code      int
		wantFiles int
		check     func(t *testing.T, res importer.Result, stdout string)
	}{
		{"orders json", []string{"--db", db, "--json", realOrders}, 0, 1, func(t *testing.T, res importer.Result, _ string) {
			f := res.Files[0]
			if f.Preset != importer.PresetShopifyOrders || f.Counts.Created == 0 || f.Error != "" {
				t.Errorf("unexpected result %+v", f)
			}
		}},
		{"same file again is unchanged", []string{realOrders, "--db", db, "--json"}, 0, 1, func(t *testing.T, res importer.Result, _ string) {
			c := res.Files[0].Counts
			if c.Created != 0 || c.Updated != 0 || c.Unchanged == 0 {
				t.Errorf("second import changed things: %+v", c)
			}
		}},
		{"empty file refused whole", []string{"--db", db, "--json", empty, realOrders}, 1, 2, func(t *testing.T, res importer.Result, stdout string) {
			if !strings.Contains(res.Files[0].Error, "empty") || res.Files[1].Error != "" {
				t.Errorf("want the empty file refused and the other imported: %+v", res.Files)
			}
			dec := json.NewDecoder(strings.NewReader(stdout))
			var first, second any
			dec.Decode(&first)
			if err := dec.Decode(&second); err != io.EOF {
				t.Errorf("want exactly one JSON document (the result), got a second: %v %v", second, err)
			}
		}},
		{"human text", []string{"--db", db, realOrders}, 0, 0, func(t *testing.T, _ importer.Result, stdout string) {
			if !strings.Contains(stdout, "Shopify orders export, 79 columns") || !strings.Contains(stdout, "unchanged") {
				t.Errorf("unexpected text output:\n%s", stdout)
			}
		}},
		{"unknown preset", []string{"--db", db, "--preset", "nope", realOrders}, 1, 0, nil},
		{"no files", []string{"--db", db}, 1, 0, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := RunCommand(context.Background(), "import", tc.args, &out, &errb)
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stdout %s stderr %s", code, tc.code, out.String(), errb.String())
			}
			var res importer.Result
			if tc.wantFiles > 0 {
				if err := json.NewDecoder(bytes.NewReader(out.Bytes())).Decode(&res); err != nil {
					t.Fatalf("stdout is not a JSON result: %v\n%s", err, out.String())
				}
				if len(res.Files) != tc.wantFiles {
					t.Fatalf("got %d files, want %d", len(res.Files), tc.wantFiles)
				}
			}
			if tc.check != nil {
				tc.check(t, res, out.String())
			}
		})
	}
}

// TestUnknownCommand: a word that is not a command used to open the window.
func TestUnknownCommand(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		word    string
		unknown bool
	}{
		{nil, "", false},
		{[]string{"--db", "shop.db"}, "", false},
		{[]string{"--db=shop.db", "--now", "2026-03-01T09:00:00Z"}, "", false},
		{[]string{"-assetdir", "frontend/dist", "-devserver", "127.0.0.1:34115"}, "", false},
		{[]string{"nosuchcommand", "add", "x"}, "nosuchcommand", true},
		{[]string{"store", "add", "x"}, "store", false}, // a command since issue 11
		{[]string{"--db", "shop.db", "imprt", "a.csv"}, "imprt", true},
		{[]string{"--json", "nope"}, "nope", true},
		{[]string{"import", "a.csv"}, "import", false},
	} {
		word, unknown := UnknownCommand(tc.args)
		if word != tc.word || unknown != tc.unknown {
			t.Errorf("UnknownCommand(%q) = %q, %v; want %q, %v", tc.args, word, unknown, tc.word, tc.unknown)
		}
	}
}
