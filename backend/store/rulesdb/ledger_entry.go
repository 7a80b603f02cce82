package rulesdb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"shopclerk/backend/domain"
)

// LedgerEntry returns the ledger entry with that key; ok is false when
// there is none (the key is not an automation's).
func (s *DB) LedgerEntry(ctx context.Context, key string) (e domain.LedgerEntry, ok bool, err error) {
	var due int64
	err = s.namedRow(ctx, "RuleLedgerGet", key).Scan(&e.Key, &e.RuleID, &e.Subject, &e.Occurrence, &e.Step, &e.Status, &due, &e.Result)
	if errors.Is(err, sql.ErrNoRows) {
		return e, false, nil
	}
	if err != nil {
		return e, false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the automation's record")
	}
	e.DueAt = time.Unix(due, 0).UTC()
	return e, true, nil
}
