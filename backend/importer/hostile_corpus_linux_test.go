package importer

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"

	"shopclerk/backend/store"
)

var hostileKeep = flag.String("hostile.keep", "", "also write the hostile corpus to this folder")

// maxChildRSS is the ceiling on an import's resident memory, hostile or not.
const maxChildRSS = 300 << 20

// childRun is one run of the shopclerk binary.
type childRun struct {
	code           int
	stdout, stderr string
	rss            int64 // peak resident bytes
}

// runChild runs the binary through a copy of this test binary
// (TestHostileRSSWrapper), which reports the child's peak RSS: the kernel
// gives a child the high-water mark of the memory it was started from, so
// measured directly the child would carry this test's own peak.
func runChild(t *testing.T, bin string, args ...string) childRun {
	t.Helper()
	argv, _ := json.Marshal(append([]string{bin}, args...))
	rssFile := filepath.Join(t.TempDir(), "rss")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHostileRSSWrapper$")
	cmd.Env = append(os.Environ(), "DISPLAY=", "WAYLAND_DISPLAY=", wrapArgs+"="+string(argv), wrapOut+"="+rssFile)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	r := childRun{stdout: out.String(), stderr: errb.String()}
	b, err := os.ReadFile(rssFile)
	if err != nil {
		t.Fatalf("the wrapper wrote no figures: %v\n%s", err, errb.String())
	}
	if _, err := fmt.Sscan(string(b), &r.code, &r.rss); err != nil {
		t.Fatal(err)
	}
	return r
}

const (
	wrapArgs = "SHOPCLERK_HOSTILE_ARGV"
	wrapOut  = "SHOPCLERK_HOSTILE_RSS"
)

// TestHostileRSSWrapper is runChild's small parent, not a test of its own.
func TestHostileRSSWrapper(t *testing.T) {
	var argv []string
	if err := json.Unmarshal([]byte(os.Getenv(wrapArgs)), &argv); err != nil || len(argv) == 0 {
		t.Skip("the parent of one TestHostileCorpus child")
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss << 10 // KB on Linux
	}
	if err := os.WriteFile(os.Getenv(wrapOut), fmt.Appendf(nil, "%d %d", cmd.ProcessState.ExitCode(), rss), 0o600); err != nil {
		t.Fatal(err)
	}
	os.Exit(0) // nothing of the test framework's on the child's stdout
}

// oneJSON decodes stdout, which must be exactly one JSON document.
func oneJSON(t *testing.T, stdout string, v any) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(stdout))
	if err := dec.Decode(v); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, stdout)
	}
	var more any
	if err := dec.Decode(&more); err != io.EOF {
		t.Fatalf("stdout holds more than one JSON document: %v", more)
	}
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// makeShop creates a shop file through the store with the given migrations
// (nil: Shopclerk's own). Open may fail: a migration that breaks the shop
// on purpose does.
func makeShop(t *testing.T, path string, migrations fstest.MapFS) {
	t.Helper()
	opt := store.Options{}
	if migrations != nil {
		opt.Migrations = migrations
	}
	if s, err := store.Open(context.Background(), path, opt); err == nil {
		s.Close()
	}
}

// TestHostileCorpus runs `shopclerk import --json` on every hostile file:
// each is refused clearly or has its bad rows rejected with reasons, prints
// exactly one JSON document, stays under maxChildRSS, and a refusal leaves
// the shop's bytes as they were.
func TestHostileCorpus(t *testing.T) {
	bin := buildBinary(t)
	dir := *hostileKeep
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	shop := filepath.Join(dir, "shop.db")
	os.Remove(shop)
	if r := runChild(t, bin, "migrate", "--db", shop); r.code != 0 {
		t.Fatalf("migrate: %s", r.stderr)
	}
	expect := map[string]func(t *testing.T, f FileResult){
		"junk_after_64k.csv":      refused("binary data"),
		"shared_string_bomb.xlsx": refused("expand to more than"),
		"nul_after_64k.csv":       rejected(2999, 1, "control characters"),
		"cell_50mb.csv":           rejected(2, 1, "4 MB"),
		"many_parts.xlsx":         rejected(2, 0, ""),
		"odd_rows.xlsx":           rejected(2, 1, "beyond the header's last column"),
		"emails.csv": func(t *testing.T, f FileResult) {
			rejected(len(hostileEmails)+1, 0, "")(t, f)
			if len(f.Warnings) != len(hostileEmails) {
				t.Errorf("warnings %+v, want one per hostile email", f.Warnings)
			}
		},
	}
	for _, h := range hostileImports {
		t.Run(h.name, func(t *testing.T) {
			path := filepath.Join(dir, h.name)
			h.write(t, path)
			// Opening the shop may refresh its statistics; the import itself
			// must change nothing when it refuses.
			runChild(t, bin, "migrate", "--db", shop)
			before := sum(t, shop)
			r := runChild(t, bin, "import", "--json", "--db", shop, path)
			t.Logf("%s: exit %d, peak RSS %d MB", h.name, r.code, r.rss>>20)
			if r.rss > maxChildRSS {
				t.Errorf("peak RSS %d MB, over %d MB", r.rss>>20, maxChildRSS>>20)
			}
			var res Result
			oneJSON(t, r.stdout, &res)
			if len(res.Files) != 1 {
				t.Fatalf("result %+v", res)
			}
			f := res.Files[0]
			expect[h.name](t, f)
			if f.Error != "" && (r.code != 1 || sum(t, shop) != before) {
				t.Errorf("refused with exit %d; shop changed: %v", r.code, sum(t, shop) != before)
			}
		})
	}

	// Files named as the shop that are not one to open.
	small := filepath.Join(dir, "small.csv")
	os.WriteFile(small, []byte(customersHeader+"1,Casey,Fixture,c1@example.com,1\n"), 0o600)
	schema, err := os.ReadFile("../store/migrations/00001_schema.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, db := range []struct {
		name, want string
		make       func(path string)
	}{
		{"newer.db", "newer version of Shopclerk", func(p string) {
			makeShop(t, p, fstest.MapFS{"00001_schema.sql": {Data: schema}, "99999_future.sql": {Data: []byte("-- +goose Up\nCREATE TABLE future (x INTEGER);\n")}})
		}},
		{"foreign.db", "another program's database", func(p string) {
			makeShop(t, p, fstest.MapFS{"00001_notes.sql": {Data: []byte("-- +goose Up\nCREATE TABLE notes (body TEXT);\n")}})
		}},
		{"dropped.db", "record of which version made it is missing", func(p string) {
			makeShop(t, p, fstest.MapFS{"00001_schema.sql": {Data: schema},
				"00002_drop.sql": {Data: []byte("-- +goose NO TRANSACTION\n-- +goose Up\nDROP TABLE goose_db_version;\n")}})
		}},
		{"locked.db", "in use by another program", func(p string) { makeShop(t, p, nil) }},
	} {
		t.Run(db.name, func(t *testing.T) {
			path := filepath.Join(dir, db.name)
			os.Remove(path)
			db.make(path)
			before := sum(t, path)
			if db.name == "locked.db" {
				holdLocked(t, path) // after sum: closing any descriptor of the file drops the lock
			}
			r := runChild(t, bin, "import", "--json", "--db", path, small)
			var doc struct {
				Error struct{ Code, Message string } `json:"error"`
			}
			oneJSON(t, r.stdout, &doc)
			if r.code != 1 || !strings.Contains(doc.Error.Message, db.want) {
				t.Errorf("exit %d, error %+v; want %q", r.code, doc.Error, db.want)
			}
			if sum(t, path) != before {
				t.Error("the refused shop file was changed")
			}
		})
	}

	t.Run("unknown command", func(t *testing.T) {
		r := runChild(t, bin, "nosuchcommand", "add", "x") // "store" became a command (issue 11)
		if r.code != 2 || !strings.Contains(r.stderr, "Common flags") || strings.Contains(r.stderr, "goroutine") {
			t.Errorf("exit %d, stderr %s", r.code, r.stderr)
		}
	})
}

// holdLocked takes what SQLite holds for locking_mode=EXCLUSIVE: a write
// lock on its lock bytes (pending, reserved and the shared range at 1 GiB),
// until the test ends.
func holdLocked(t *testing.T, path string) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	lk := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: io.SeekStart, Start: 0x40000000, Len: 512}
	if err := syscall.FcntlFlock(f.Fd(), syscall.F_SETLK, &lk); err != nil {
		t.Fatal(err)
	}
}

func refused(want string) func(t *testing.T, f FileResult) {
	return func(t *testing.T, f FileResult) {
		if f.Error == "" || !strings.Contains(f.Error, want) || f.Counts.Created != 0 {
			t.Errorf("got %+v, want the file refused: %q", f.Error, want)
		}
	}
}

func rejected(created, rejects int, reason string) func(t *testing.T, f FileResult) {
	return func(t *testing.T, f FileResult) {
		if f.Error != "" || f.Counts.Created+f.Counts.Unchanged+f.Counts.Updated != created || len(f.Rejected) != rejects {
			t.Fatalf("got error %q, counts %+v, rejected %+v; want %d stored and %d rejected", f.Error, f.Counts, f.Rejected, created, rejects)
		}
		for _, is := range f.Rejected {
			if !strings.Contains(is.Reason, reason) || len(is.Value) > 300 {
				t.Errorf("rejected %+v, want the reason %q", is, reason)
			}
		}
	}
}
