package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
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

// withoutMigration is the embedded migrations before one file: the shop an
// older Shopclerk made, which had neither it nor any later one (goose will
// not apply a migration numbered below one already applied).
func withoutMigration(t *testing.T, name string) fs.FS {
	t.Helper()
	out := fstest.MapFS{}
	entries, _ := fs.ReadDir(migrationFS, "migrations")
	for _, e := range entries {
		if e.Name() >= name {
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
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no Unix file modes; the profile folder's ACL guards the shop")
	}
	dir := filepath.Join(t.TempDir(), "Shopclerk")
	s := openTest(t, filepath.Join(dir, "shop.db"), Options{})
	if err := s.SetSetting(context.Background(), "probe", "x"); err != nil {
		t.Fatal(err)
	}
	backup, err := s.Backup(context.Background(), "scheduled", 3)
	if err != nil {
		t.Fatal(err)
	}
	// A shop an earlier version made world-readable is tightened on opening.
	old := filepath.Join(dir, "old.db")
	openTest(t, old, Options{}).Close()
	os.Chmod(old, 0o644)
	openTest(t, old, Options{}).Close()
	for path, want := range map[string]fs.FileMode{
		old: 0o600,
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
