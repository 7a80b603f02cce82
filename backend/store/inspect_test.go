package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
)

// fileSum is the sha256 of a file's bytes ("" when it does not exist).
func fileSum(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(b)
	return string(sum[:])
}

// rawExec runs statements on the file with a plain connection, as another
// program (or an older or newer Shopclerk) would have.
func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// withoutMigration is the embedded migrations minus one file: the shop an
// older Shopclerk made.
func withoutMigration(t *testing.T, name string) fs.FS {
	t.Helper()
	out := fstest.MapFS{}
	entries, _ := fs.ReadDir(migrationFS, "migrations")
	for _, e := range entries {
		if e.Name() == name {
			continue
		}
		b, _ := migrationFS.ReadFile("migrations/" + e.Name())
		out[e.Name()] = &fstest.MapFile{Data: b}
	}
	return out
}

func appID(t *testing.T, s *Store) int64 {
	t.Helper()
	var id int64
	if err := s.db.QueryRow("PRAGMA application_id").Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// TestOpenRefusesForeignFilesUntouched: each of these files was changed
// (WAL switched on, 40 tables added, a migration tried) before Open checked
// them read-only first.
func TestOpenRefusesForeignFilesUntouched(t *testing.T) {
	dir := t.TempDir()
	shop := func(name string) string {
		p := filepath.Join(dir, name)
		openTest(t, p, Options{}).Close()
		return p
	}

	// A newer Shopclerk's shop in rollback-journal mode: the WAL pragma used
	// to rewrite header bytes 18-19 before the version check refused it.
	newer := shop("newer.db")
	rawExec(t, newer, `INSERT INTO goose_db_version (version_id, is_applied) VALUES (999, 1)`, `PRAGMA journal_mode = DELETE`)

	foreign := filepath.Join(dir, "notes.db")
	rawExec(t, foreign, `PRAGMA journal_mode = DELETE`, `CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)`, `INSERT INTO notes (body) VALUES ('mine')`)

	otherID := filepath.Join(dir, "other-id.db")
	rawExec(t, otherID, `PRAGMA application_id = 42`)

	dropped := shop("dropped.db")
	rawExec(t, dropped, `DROP TABLE goose_db_version`)

	cases := []struct {
		name, path, want string
		code             domain.Code
	}{
		{"newer version in rollback mode", newer, "newer version of Shopclerk", domain.CodeInvalid},
		{"another program's tables", foreign, "another program's database", domain.CodeInvalid},
		{"another program's application id", otherID, "belongs to another program", domain.CodeInvalid},
		{"version table dropped", dropped, "version made it is missing", domain.CodeInvalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := fileSum(t, c.path)
			_, err := Open(context.Background(), c.path, Options{Clock: clock.Fixed{T: testNow}})
			if err == nil || !strings.Contains(err.Error(), c.want) || domain.CodeOf(err) != c.code {
				t.Fatalf("got %v (code %s), want %q (%s)", err, domain.CodeOf(err), c.want, c.code)
			}
			if strings.Contains(err.Error(), "backup") && !strings.Contains(err.Error(), "open a backup") {
				t.Errorf("claims a backup: %v", err)
			}
			if fileSum(t, c.path) != before {
				t.Error("the refused file was changed")
			}
			if backups, _ := filepath.Glob(filepath.Join(dir, "backups", "*")); len(backups) != 0 {
				t.Errorf("a refused file was backed up: %v", backups)
			}
		})
	}
}

// TestOpenLockedByAnotherProgram: a program holding the file with
// locking_mode=EXCLUSIVE used to get the shop called "not a shop database".
func TestOpenLockedByAnotherProgram(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shop.db")
	openTest(t, path, Options{}).Close()
	other, err := sql.Open("sqlite", "file:"+path+"?_pragma=locking_mode(EXCLUSIVE)")
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	other.SetMaxOpenConns(1)
	if _, err := other.Exec(`UPDATE settings SET value = value`); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, path)
	_, err = Open(context.Background(), path, Options{Clock: clock.Fixed{T: testNow}})
	if err == nil || !strings.Contains(err.Error(), "in use by another program") || domain.CodeOf(err) != domain.CodeConflict {
		t.Fatalf("got %v (code %s), want 'in use by another program'", err, domain.CodeOf(err))
	}
	if fileSum(t, path) != before {
		t.Error("the locked file was changed")
	}
}

func TestOpenMarksShopsWithTheApplicationID(t *testing.T) {
	dir := t.TempDir()
	t.Run("new file", func(t *testing.T) {
		s := openTest(t, filepath.Join(dir, "new.db"), Options{})
		if id := appID(t, s); id != ApplicationID {
			t.Errorf("application_id %#x, want %#x", id, ApplicationID)
		}
	})
	t.Run("SQLite file without tables", func(t *testing.T) {
		p := filepath.Join(dir, "blank.db")
		rawExec(t, p, `PRAGMA user_version = 0`, `VACUUM`)
		if id := appID(t, openTest(t, p, Options{})); id != ApplicationID {
			t.Errorf("application_id %#x, want %#x", id, ApplicationID)
		}
	})
	t.Run("shop of an earlier version", func(t *testing.T) {
		p := filepath.Join(dir, "old.db")
		old := openTest(t, p, Options{Migrations: withoutMigration(t, "00018_application_id.sql")})
		if id := appID(t, old); id != 0 {
			t.Fatalf("the earlier shop already has id %#x", id)
		}
		old.Close()
		s := openTest(t, p, Options{})
		if id := appID(t, s); id != ApplicationID {
			t.Errorf("application_id %#x, want %#x", id, ApplicationID)
		}
		if backups, _ := filepath.Glob(filepath.Join(s.BackupDir(), "*.db")); len(backups) != 1 {
			t.Errorf("want one backup before the id was set, got %v", backups)
		}
	})
}

// TestShopFilesArePrivate: the shop, its WAL and its backups hold customers'
// addresses; they were created 0644.
func TestShopFilesArePrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Shopclerk")
	s := openTest(t, filepath.Join(dir, "shop.db"), Options{})
	if err := s.SetSetting(context.Background(), "probe", "x"); err != nil {
		t.Fatal(err)
	}
	backup, err := s.Backup(context.Background(), "scheduled", 3)
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]fs.FileMode{
		dir: 0o700, filepath.Join(dir, "shop.db"): 0o600, filepath.Join(dir, "shop.db-wal"): 0o600,
		s.BackupDir(): 0o700, backup: 0o600,
	} {
		st, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := st.Mode().Perm(); got != want {
			t.Errorf("%s has mode %o, want %o", filepath.Base(path), got, want)
		}
	}
}

// TestFailedFirstMigrationClaimsNoBackup: a new shop has nothing to back up,
// so the message must not say a backup was kept.
func TestFailedFirstMigrationClaimsNoBackup(t *testing.T) {
	bad := fstest.MapFS{"00001_broken.sql": {Data: []byte("-- +goose Up\nINSERT INTO no_such_table VALUES (1);\n")}}
	_, err := Open(context.Background(), filepath.Join(t.TempDir(), "shop.db"), Options{Migrations: bad, Clock: clock.Fixed{T: testNow}})
	if err == nil || strings.Contains(err.Error(), "backup") {
		t.Fatalf("got %v, want a failure that claims no backup", err)
	}
}
