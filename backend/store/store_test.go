package store

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
)

var testNow = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

func openTest(t *testing.T, path string, opt Options) *Store {
	t.Helper()
	if opt.Clock == nil {
		opt.Clock = clock.Fixed{T: testNow}
	}
	opt.Log = slog.New(slog.DiscardHandler)
	s, err := Open(context.Background(), path, opt)
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func tables(t *testing.T, s *Store) string {
	t.Helper()
	rows, err := s.db.Query(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	return strings.Join(names, ",")
}

func TestOpenAppliesMigrationsAndIsIdempotent(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	s := openTest(t, path, Options{})
	first := tables(t, s)
	for _, want := range []string{"orders", "line_items", "customers", "products", "stock_levels", "suppliers",
		"carts", "shipments", "messages", "rules", "rule_ledger", "coupons", "purchase_orders", "import_batches", "settings"} {
		if !strings.Contains(","+first+",", ","+want+",") {
			t.Errorf("table %s missing from %s", want, first)
		}
	}
	var mode string
	s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	var fk int
	s.db.QueryRow(`PRAGMA foreign_keys`).Scan(&fk)
	if mode != "wal" || fk != 1 {
		t.Errorf("journal_mode=%s foreign_keys=%d, want wal and 1", mode, fk)
	}
	v1, _ := s.SchemaVersion(context.Background())
	s.Close()

	s2 := openTest(t, path, Options{})
	v2, _ := s2.SchemaVersion(context.Background())
	if v1 != v2 || tables(t, s2) != first {
		t.Errorf("reopening changed the schema: v%d -> v%d", v1, v2)
	}
	if backups, _ := filepath.Glob(filepath.Join(s2.BackupDir(), "*.db")); len(backups) != 0 {
		t.Errorf("no migration ran, yet backups were written: %v", backups)
	}
}

func TestFailingMigrationKeepsSchemaAndBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	base, _ := os.ReadFile("migrations/00001_schema.sql")
	good := fstest.MapFS{"00001_schema.sql": {Data: base}}
	s := openTest(t, path, Options{Migrations: good})
	s.SetSetting(context.Background(), "probe", "kept")
	before := tables(t, s)
	s.Close()

	bad := fstest.MapFS{
		"00001_schema.sql": {Data: base},
		// Half of this migration would succeed; goose runs it in a transaction
		// so the CREATE must be rolled back with the failing INSERT.
		"00002_broken.sql": {Data: []byte("-- +goose Up\nCREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);\n")},
	}
	_, err := Open(context.Background(), path, Options{Migrations: bad, Clock: clock.Fixed{T: testNow}})
	if err == nil {
		t.Fatal("a failing migration must fail Open")
	}
	s = openTest(t, path, Options{Migrations: good})
	if got := tables(t, s); got != before {
		t.Errorf("schema changed by a failed migration:\n got %s\nwant %s", got, before)
	}
	if v, _ := s.Setting(context.Background(), "probe", ""); v != "kept" {
		t.Errorf("data lost: probe=%q", v)
	}
	backups, _ := filepath.Glob(filepath.Join(s.BackupDir(), "*.db"))
	if len(backups) != 1 {
		t.Fatalf("want one backup before the migration, got %v", backups)
	}
	b := openTest(t, backups[0], Options{Migrations: good})
	if v, _ := b.Setting(context.Background(), "probe", ""); v != "kept" {
		t.Errorf("backup does not hold the data: probe=%q", v)
	}
}

func TestBackupKeepsTheNewestFew(t *testing.T) {
	s := openTest(t, filepath.Join(t.TempDir(), "shop.db"), Options{})
	for i := 0; i < 7; i++ {
		s.clock = clock.Fixed{T: testNow.Add(time.Duration(i) * time.Hour)}
		if _, err := s.Backup(context.Background(), "scheduled", 3); err != nil {
			t.Fatal(err)
		}
	}
	backups, _ := filepath.Glob(filepath.Join(s.BackupDir(), "*.db"))
	if len(backups) != 3 || !strings.Contains(backups[2], "T150000Z") {
		t.Errorf("want the 3 newest backups, got %v", backups)
	}
}

func TestOpenRefusesBadFilesAndLeavesThemUntouched(t *testing.T) {
	dir := t.TempDir()
	notSQLite := filepath.Join(dir, "notes.db")
	os.WriteFile(notSQLite, []byte("this is a shopping list, not a database"), 0o600)

	newer := filepath.Join(dir, "newer.db")
	s := openTest(t, newer, Options{})
	s.db.Exec(`INSERT INTO goose_db_version (version_id, is_applied) VALUES (999, 1)`)
	s.Close()

	locked := filepath.Join(dir, "locked.db")
	openTest(t, locked, Options{}) // held open for the rest of the test

	// A newer Shopclerk's shop in rollback-journal mode: the WAL pragma used
	// to rewrite header bytes 18-19 before the version check refused it.
	newerDelete := filepath.Join(dir, "newer-delete.db")
	openTest(t, newerDelete, Options{}).Close()
	rawExec(t, newerDelete, `INSERT INTO goose_db_version (version_id, is_applied) VALUES (999, 1)`, `PRAGMA journal_mode = DELETE`)
	// Another program's files once got 40 tables and WAL; a shop without
	// its version table a failed migration and a claimed backup.
	foreign := filepath.Join(dir, "notes.sqlite")
	rawExec(t, foreign, `PRAGMA journal_mode = DELETE`, `CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)`, `INSERT INTO notes (body) VALUES ('mine')`)
	otherID := filepath.Join(dir, "other-id.sqlite")
	rawExec(t, otherID, `PRAGMA application_id = 42`)
	dropped := filepath.Join(dir, "dropped.db")
	openTest(t, dropped, Options{}).Close()
	rawExec(t, dropped, `DROP TABLE goose_db_version`)

	readOnly := filepath.Join(dir, "ro.db")
	ro := openTest(t, readOnly, Options{})
	ro.Close()
	os.Chmod(readOnly, 0o400)

	cases := []struct {
		name, path, want string
		code             domain.Code
	}{
		{"not sqlite", notSQLite, "not a Shopclerk shop database", domain.CodeInvalid},
		{"newer version", newer, "newer version of Shopclerk", domain.CodeInvalid},
		{"locked by another Shopclerk", locked, "already open in another Shopclerk", domain.CodeConflict},
		{"newer version in rollback mode", newerDelete, "newer version of Shopclerk", domain.CodeInvalid},
		{"another program's tables", foreign, "another program's database", domain.CodeInvalid},
		{"another program's application id", otherID, "belongs to another program", domain.CodeInvalid},
		{"version table dropped", dropped, "version made it is missing", domain.CodeInvalid},
	}
	if os.Geteuid() != 0 { // root writes read-only files anyway
		cases = append(cases, struct {
			name, path, want string
			code             domain.Code
		}{"read-only", readOnly, "read-only", domain.CodeInvalid})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before, _ := os.ReadFile(c.path)
			_, err := Open(context.Background(), c.path, Options{Clock: clock.Fixed{T: testNow}})
			if err == nil || !strings.Contains(err.Error(), c.want) || domain.CodeOf(err) != c.code {
				t.Fatalf("got %v (code %s), want %q (%s)", err, domain.CodeOf(err), c.want, c.code)
			}
			after, _ := os.ReadFile(c.path)
			if string(before) != string(after) {
				t.Error("the refused file was changed")
			}
			if strings.Contains(err.Error(), "backup") && !strings.Contains(err.Error(), "open a backup") {
				t.Errorf("claims a backup: %v", err)
			}
			if backups, _ := filepath.Glob(filepath.Join(dir, "backups", "*")); len(backups) != 0 {
				t.Errorf("a refused file was backed up: %v", backups)
			}
			never := c.path == notSQLite || c.path == foreign || c.path == otherID // never opened by Shopclerk
			if _, err := os.Stat(c.path + ".lock"); never && err == nil {
				t.Errorf("a lock file was left beside the refused file")
			}
		})
	}
}

func TestMigrationNumberedBelowTheNewestIsNotSkipped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	base, _ := os.ReadFile("migrations/00001_schema.sql")
	first := fstest.MapFS{
		"00001_schema.sql": {Data: base},
		"00009_later.sql":  {Data: []byte("-- +goose Up\nCREATE TABLE later (x INTEGER);\n")},
	}
	openTest(t, path, Options{Migrations: first}).Close()
	withGap := fstest.MapFS{
		"00001_schema.sql":  first["00001_schema.sql"],
		"00009_later.sql":   first["00009_later.sql"],
		"00007_between.sql": {Data: []byte("-- +goose Up\nCREATE TABLE between_ (x INTEGER);\n")},
	}
	_, err := Open(context.Background(), path, Options{Migrations: withGap, Clock: clock.Fixed{T: testNow}})
	if err == nil {
		t.Fatal("a migration below the applied version was silently skipped")
	}
}
