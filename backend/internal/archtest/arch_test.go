// Package archtest keeps the house's floors (docs/DESIGN.md, "Floors"):
// imports point down or sideways, never up; only the window imports Wails;
// only the store talks to SQLite. It reads the module's import graph with
// `go list`, so a new package must be given a floor here before it builds
// into a green test run.
package archtest

import (
	"bufio"
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

const module = "shopclerk"

// floors is DESIGN.md's table: the floor of each package, by the longest
// prefix of its path below the module.
var floors = map[string]int{
	"":                6, // main: wiring only
	"app":             5, // the window
	"app/cli":         5,
	"backend/service": 4,
	"backend/runner":  3, "backend/inbox/signals": 3,
	"backend/rules": 2, "backend/rules/flow": 2, "backend/mail": 2, "backend/inventory": 2, "backend/inbox": 2, "backend/importer": 2,
	"backend/demo": 2, "backend/connector": 2, "backend/customers": 2, "backend/tracking/carrierapi": 2,
	"backend/campaigns":                         2,
	"backend/coupons":                           2,
	"backend/connector/shopify/shopifytest/cmd": 2,
	"backend/connector/etsy":                    2,
	"backend/connector/etsy/etsytest/cmd":       2,
	"backend/store":                             1, "backend/email": 1, "backend/pdftext": 1, "backend/secrets": 1, "backend/tracking": 1,
	"backend/importer/sheet": 1, "backend/connector/standin": 1, "backend/mail/mailtest": 1, "backend/internal": 1,
	"backend/connector/shopify/shopifytest": 1, "backend/connector/woocommerce/woocommercetest": 1,
	"backend/connector/etsy/etsytest": 1,
	"backend/domain":                  0, "backend/clock": 0, "assets": 0,
}

// floorOf is the floor of an import path of this module; ok is false for
// a package the table does not place. "" places main alone, not what is
// below it.
func floorOf(path string) (floor int, ok bool) {
	rel := strings.TrimPrefix(strings.TrimPrefix(path, module), "/")
	if rel == "" {
		return floors[""], true
	}
	for rel != "" {
		if f, found := floors[rel]; found {
			return f, true
		}
		i := strings.LastIndexByte(rel, '/')
		if i < 0 {
			break
		}
		rel = rel[:i]
	}
	return 0, false
}

type pkg struct {
	path    string
	imports []string
}

// graph lists the module's packages with their imports (tests' imports too,
// so a test cannot reach up either).
func graph(t *testing.T) []pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-tags", "webkit2_41", "-f", "{{.ImportPath}} {{join .Imports \" \"}} {{join .TestImports \" \"}} {{join .XTestImports \" \"}}", "./...")
	cmd.Dir = "../../.."
	out, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("go list: %v\n%s", err, stderr)
	}
	var pkgs []pkg
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) > 0 {
			pkgs = append(pkgs, pkg{f[0], f[1:]})
		}
	}
	return pkgs
}

func TestImportsPointDown(t *testing.T) {
	for _, p := range graph(t) {
		from, ok := floorOf(p.path)
		if !ok {
			t.Errorf("%s has no floor: place it in docs/DESIGN.md's table and in floors here", p.path)
			continue
		}
		for _, imp := range p.imports {
			if imp != module && !strings.HasPrefix(imp, module+"/") {
				continue
			}
			if to, ok := floorOf(imp); ok && to > from {
				t.Errorf("%s (floor %d) imports %s (floor %d): an arrow up", p.path, from, imp, to)
			}
		}
	}
}

func TestOnlyTheWindowImportsWailsAndOnlyTheStoreSQL(t *testing.T) {
	for _, p := range graph(t) {
		rel := strings.TrimPrefix(strings.TrimPrefix(p.path, module), "/")
		for _, imp := range p.imports {
			if strings.HasPrefix(imp, "github.com/wailsapp/") && rel != "" && rel != "app" {
				t.Errorf("%s imports %s: only app (and main) may import Wails", p.path, imp)
			}
			store := rel == "backend/store" || strings.HasPrefix(rel, "backend/store/") || strings.Contains(rel, "/internal/bench")
			if imp == "database/sql" && !store {
				t.Errorf("%s imports database/sql: only backend/store and its packages talk to SQLite", p.path)
			}
		}
	}
}
