// Package store is the only package that talks to SQLite. It opens the shop
// file with the pragmas Shopclerk relies on (WAL, foreign keys, busy timeout),
// takes an exclusive lock so two Shopclerks never share a file, backs the file
// up and applies the embedded goose migrations, and answers every query the
// rest of the backend needs. Queries live in queries/*.sql.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"

	_ "modernc.org/sqlite"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// sqliteMagic is the first 16 bytes of every SQLite 3 database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// Options tune Open; the zero value is what the app uses.
type Options struct {
	// Migrations replaces the embedded migrations (tests use it to simulate a
	// failing migration). Its files sit at the root of the FS.
	Migrations fs.FS
	// KeepBackups is how many pre-migration backups to keep (default 5).
	KeepBackups int
	Clock       clock.Clock
	Log         *slog.Logger
}

// Store is an open shop database.
type Store struct {
	db    *sql.DB
	path  string
	lock  *fileLock
	clock clock.Clock
	log   *slog.Logger
	// stmts: hot look-ups kept prepared (stmts.go).
	stmts *stmtCache
}

// DefaultPath is where the seller's shop lives unless --db says otherwise.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", domain.Wrap(err, domain.CodeInternal, "Shopclerk cannot find your user settings folder")
	}
	return filepath.Join(dir, "Shopclerk", "shop.db"), nil
}

// Open opens (creating if needed) the shop database at path and migrates it.
// A file that is not SQLite, is read-only, is held by another Shopclerk or
// comes from a newer Shopclerk is refused with a seller-readable error, and
// left exactly as it was.
func Open(ctx context.Context, path string, opt Options) (*Store, error) {
	if opt.Clock == nil {
		opt.Clock = clock.System{}
	}
	if opt.Log == nil {
		opt.Log = slog.Default()
	}
	if opt.KeepBackups == 0 {
		opt.KeepBackups = 5
	}
	migrations := opt.Migrations
	if migrations == nil {
		sub, err := fs.Sub(migrationFS, "migrations")
		if err != nil {
			return nil, err
		}
		migrations = sub
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("Shopclerk cannot create the folder for %s", path))
	}
	exists, err := checkFile(path)
	if err != nil {
		return nil, err
	}
	_, statErr := os.Stat(path + ".lock")
	lock, err := lockFile(path + ".lock")
	if err != nil {
		return nil, err
	}
	// Everything is checked read-only before the first write: the WAL pragma
	// of the connection string rewrites the header of a file in rollback mode.
	if exists {
		if err := inspectFile(ctx, path, migrations); err != nil {
			lock.release()
			if errors.Is(statErr, fs.ErrNotExist) {
				os.Remove(path + ".lock") // leave nothing of ours beside a refused file
			}
			return nil, err
		}
		makePrivate(path)
	} else if err := createPrivate(path); err != nil {
		lock.release()
		return nil, err
	}
	s := &Store{path: path, lock: lock, clock: opt.Clock, log: opt.Log, stmts: &stmtCache{}}
	s.db, err = sql.Open("sqlite", dsn(path))
	if err != nil {
		lock.release()
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not open the shop database")
	}
	if err := s.db.PingContext(ctx); err != nil {
		s.Close()
		return nil, domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("%s could not be opened as a shop database", path))
	}
	if err := s.migrate(ctx, migrations, opt.KeepBackups); err != nil {
		s.Close()
		return nil, err
	}
	s.Optimize(ctx, 0x10002)
	return s, nil
}

// optimize refreshes the query planner's statistics where they are stale
// (PRAGMA optimize: only tables never analysed, or grown tenfold since).
// Without statistics SQLite walks the sort column's index for a filtered
// table page instead of the filter's small index. No analysis_limit: its
// sampled figures told SQLite that "refunded" matched 200 of a million
// orders. mask 0x10002 is SQLite's advice for a freshly opened database.
// It runs on one connection with a small page cache: ANALYZE reads every
// index once, and a pooled connection would keep the pages it filled.
func (s *Store) Optimize(ctx context.Context, mask int) {
	s.OnSmallCache(ctx, func(conn *sql.Conn) error {
		if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA optimize = %#x", mask)); err != nil {
			s.log.Warn("PRAGMA optimize failed", "err", err)
		}
		return nil
	})
}

// OnSmallCache runs fn on a pooled connection whose page cache is cut to
// 2 MB meanwhile and whose memory is given back afterwards: a one-off pass
// over much of the database would otherwise fill the connection's 32 MB
// cache, which then stays allocated for as long as the pool keeps it.
func (s *Store) OnSmallCache(ctx context.Context, fn func(conn *sql.Conn) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var cache int64
	if err := conn.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache); err != nil {
		return err
	}
	conn.ExecContext(ctx, "PRAGMA cache_size = -2000")
	defer func() {
		ctx := context.WithoutCancel(ctx)
		conn.ExecContext(ctx, "PRAGMA shrink_memory")
		conn.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = %d", cache))
	}()
	return fn(conn)
}

func dsn(path string) string {
	q := url.Values{}
	for _, p := range []string{
		"journal_mode(WAL)",
		"foreign_keys(1)",
		"busy_timeout(5000)",
		"synchronous(NORMAL)",
		"temp_store(MEMORY)",
		"cache_size(-32000)",
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	return "file:" + filepath.ToSlash(path) + "?" + q.Encode()
}

// checkFile refuses a path that exists but is not a writable SQLite file,
// before SQLite gets a chance to touch it. exists is false for no file or
// an empty one: either becomes a new shop.
func checkFile(path string) (exists bool, err error) {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if errors.Is(err, fs.ErrPermission) {
		return false, domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("%s is read-only: Shopclerk needs to write to it. Copy it somewhere you can write, or change its permissions.", path))
	}
	if err != nil {
		return false, domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("Shopclerk cannot open %s", path))
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF) {
		return false, nil
	}
	if err != nil || !bytes.Equal(head, sqliteMagic) {
		return false, domain.Errorf(domain.CodeInvalid, "%s is not a Shopclerk shop database (it is not an SQLite file). It was left untouched.", path)
	}
	return true, nil
}

// makePrivate takes group and other access away from a shop an earlier
// Shopclerk created 0644 (SQLite gives its -wal and -shm files the shop's
// mode when it creates them); a file the seller cannot chmod stays as it is.
func makePrivate(path string) {
	if st, err := os.Stat(path); err == nil && st.Mode().Perm()&0o077 != 0 {
		os.Chmod(path, st.Mode().Perm()&0o700)
	}
}

// createPrivate makes an empty file readable by its owner only, so SQLite
// (which keeps an existing file's mode, and gives its -wal and -shm files
// the same) never creates the shop world-readable: it holds customers'
// names and addresses.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("Shopclerk cannot create %s (is the folder read-only?)", path))
	}
	return f.Close()
}

// Close releases the database and its lock.
func (s *Store) Close() error {
	var err error
	s.stmts.close()
	if s.db != nil {
		err = s.db.Close()
	}
	if s.lock != nil {
		s.lock.release()
		s.lock = nil
	}
	return err
}

// Path is the database file's location.
func (s *Store) Path() string { return s.path }

// UnixOrNull converts a time to the stored form; the zero time is stored as NULL.
func UnixOrNull(t *time.Time) any {
	if t == nil || t.IsZero() {
		return nil
	}
	return t.Unix()
}

// FromUnix converts a nullable stored time back.
func FromUnix(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := time.Unix(v.Int64, 0).UTC()
	return &t
}

// InTx runs fn in one transaction, rolled back on error or panic.
func (s *Store) InTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return RunTx(ctx, s.db, fn)
}

// TxBeginner is a *sql.DB or one of its *sql.Conn.
type TxBeginner interface {
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

// RunTx runs fn in a transaction begun on db: committed when fn returns
// nil, rolled back otherwise (and on a panic, which goes on).
func RunTx(ctx context.Context, db TxBeginner, fn func(tx *sql.Tx) error) (err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return domain.Wrap(err, domain.CodeTemporary, "the shop database is busy; try again in a moment")
	}
	defer func() {
		if p := recover(); p != nil {
			tx.Rollback()
			panic(p)
		}
		if err != nil {
			tx.Rollback()
		}
	}()
	if err = fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}
