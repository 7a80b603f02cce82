package store

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/pressly/goose/v3"

	"shopclerk/backend/domain"
)

// migrate brings the schema up to date. Before it changes an existing shop it
// copies the file with VACUUM INTO, so a failed migration (which goose rolls
// back in its own transaction) still leaves a backup beside the original.
func (s *Store) migrate(ctx context.Context, migrations fs.FS, keep int) error {
	p, err := goose.NewProvider(goose.DialectSQLite3, s.db, migrations)
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk's database upgrade files are damaged")
	}
	current, target, err := p.GetVersions(ctx)
	if err != nil {
		return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("%s could not be read as a shop database", s.path))
	}
	if current > target {
		return domain.Errorf(domain.CodeInvalid,
			"%s was made by a newer version of Shopclerk (database version %d, this Shopclerk knows up to %d). Update Shopclerk to open it; the file was left untouched.",
			s.path, current, target)
	}
	// HasPending, not current == target: it also sees a migration numbered
	// below the newest applied one (and goose then refuses to skip it).
	pending, err := p.HasPending(ctx)
	if err != nil {
		return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("%s could not be read as a shop database", s.path))
	}
	if !pending {
		return nil
	}
	backup := ""
	if current > 0 {
		if backup, err = s.Backup(ctx, fmt.Sprintf("before-v%d", target), keep); err != nil {
			return err
		}
	}
	if _, err := p.Up(ctx); err != nil {
		// Say only what happened: a new shop has no backup.
		msg := "Shopclerk could not set up the new shop database"
		if backup != "" {
			msg = "Shopclerk could not upgrade the shop database; the failed step was undone, and a copy from before the upgrade was kept at " + backup
		}
		return domain.Wrap(err, domain.CodeInternal, msg)
	}
	// New indexes have no statistics yet; without them the planner may not
	// use them. A full ANALYZE takes about a second on a million orders.
	if _, err := s.db.ExecContext(ctx, "ANALYZE"); err != nil {
		s.log.Warn("ANALYZE after migration failed", "err", err)
	}
	s.log.Info("migrated shop database", "path", s.path, "from", current, "to", target)
	return nil
}

// SchemaVersion is the applied migration version.
func (s *Store) SchemaVersion(ctx context.Context) (int64, error) {
	var v int64
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version_id), 0) FROM goose_db_version WHERE is_applied`).Scan(&v)
	return v, err
}

// BackupDir is the folder holding the shop's backups.
func (s *Store) BackupDir() string {
	return filepath.Join(filepath.Dir(s.path), "backups")
}

// Backup writes a consistent copy of the shop with VACUUM INTO, then keeps only
// the newest keep backups with the same label, so daily copies never push out
// the copy taken before a schema upgrade. It returns the new file.
func (s *Store) Backup(ctx context.Context, label string, keep int) (string, error) {
	dir := s.BackupDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", domain.Wrap(err, domain.CodeInternal, "Shopclerk could not create its backups folder")
	}
	base := strings.TrimSuffix(filepath.Base(s.path), filepath.Ext(s.path))
	name := filepath.Join(dir, fmt.Sprintf("%s-%s-%s.db", base, s.clock.Now().Format("20060102T150405Z"), label))
	os.Remove(name) // a pinned clock may reuse a name; VACUUM INTO refuses existing files
	// VACUUM INTO fills an empty file and keeps its mode: owner-only, like the shop.
	if err := createPrivate(name); err != nil {
		return "", err
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, name); err != nil {
		return "", domain.Wrap(err, domain.CodeInternal, "Shopclerk could not back up the shop database")
	}
	matches, _ := filepath.Glob(filepath.Join(dir, base+"-*-"+label+".db"))
	sort.Strings(matches) // names start with a sortable timestamp
	for len(matches) > keep {
		os.Remove(matches[0])
		matches = matches[1:]
	}
	return name, nil
}
