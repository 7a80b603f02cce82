package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"shopclerk/backend/domain"
)

// ApplicationID is what Shopclerk writes into the SQLite header of every
// shop (PRAGMA application_id, bytes 68-71): 0x53434C4B, "SCLK" in ASCII.
// It tells a shop from another program's SQLite file without guessing from
// table names. Shops made before it existed carry 0 and are recognised by
// their tables; migration 00018 gives them the id, after the usual backup.
const ApplicationID = 0x53434C4B

// shopMarkers are tables every Shopclerk shop has had since its first
// version; with goose's version table they identify a shop without an id.
var shopMarkers = []string{"goose_db_version", "settings", "import_batches", "customers", "orders"}

// inspectFile decides, reading only, whether the SQLite file at path may be
// opened as a shop: a new or empty file, or a Shopclerk shop no newer than
// the migrations. Anything else is refused before a single byte of it is
// written; the caller has checked that the file is SQLite at all.
func inspectFile(ctx context.Context, path string, migrations fs.FS) error {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "busy_timeout(2000)")
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?"+q.Encode())
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not open the shop database")
	}
	defer db.Close()
	var appID int64
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return unreadable(path, err)
	}
	tables := map[string]bool{}
	rows, err := db.QueryContext(ctx, "SELECT name FROM sqlite_schema WHERE type = 'table'")
	if err != nil {
		return unreadable(path, err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return unreadable(path, err)
		}
		tables[n] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return unreadable(path, err)
	}
	switch {
	case appID != 0 && appID != ApplicationID:
		return domain.Errorf(domain.CodeInvalid, "%s belongs to another program (it is an SQLite database, but not a Shopclerk shop). It was left untouched; choose a shop file or a new file.", path)
	case len(tables) == 0:
		return nil // nothing to lose: it becomes a new shop
	case !tables["goose_db_version"] && (appID == ApplicationID || hasAll(tables, shopMarkers[1:])):
		return domain.Errorf(domain.CodeInvalid, "%s looks like a Shopclerk shop, but its record of which version made it is missing, so Shopclerk cannot tell how to upgrade it. It was left untouched; open a backup of it instead (in the backups folder beside it).", path)
	case appID == 0 && !hasAll(tables, shopMarkers):
		return domain.Errorf(domain.CodeInvalid, "%s is another program's database, not a Shopclerk shop. It was left untouched; choose a shop file or a new file.", path)
	}
	var current int64
	if err := db.QueryRowContext(ctx, "SELECT COALESCE(MAX(version_id), 0) FROM goose_db_version WHERE is_applied").Scan(&current); err != nil {
		return unreadable(path, err)
	}
	if target := newestMigration(migrations); current > target {
		return domain.Errorf(domain.CodeInvalid,
			"%s was made by a newer version of Shopclerk (database version %d, this Shopclerk knows up to %d). Update Shopclerk to open it; the file was left untouched.",
			path, current, target)
	}
	return nil
}

func hasAll(set map[string]bool, names []string) bool {
	for _, n := range names {
		if !set[n] {
			return false
		}
	}
	return true
}

// unreadable explains why SQLite could not read the file: another program
// holding it locked is not damage, and the seller can do something about it.
func unreadable(path string, err error) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return domain.Wrap(err, domain.CodeConflict, fmt.Sprintf("%s is in use by another program, which keeps it locked. Close that program (or wait until it is done) and try again; the file was left untouched.", path))
		}
	}
	return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("%s is damaged or is not a Shopclerk shop database; it was left untouched.", path))
}

// newestMigration is the highest version among the migration files
// (goose's names: "00017_spend_tier_money.sql").
func newestMigration(migrations fs.FS) int64 {
	names, _ := fs.Glob(migrations, "*.sql")
	var top int64
	for _, n := range names {
		num, _, _ := strings.Cut(n, "_")
		if v, err := strconv.ParseInt(num, 10, 64); err == nil && v > top {
			top = v
		}
	}
	return top
}
