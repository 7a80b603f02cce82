package rulesdb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/rulesdb/internal/queries"
)

// RuleRow is one stored automation flow. Definition is the flow's JSON, owned
// and validated by backend/rules.
type RuleRow struct {
	ID         int64
	Name       string
	Template   string
	Enabled    bool
	Definition string
	CreatedAt  time.Time
	UpdatedAt  time.Time
	LastRunAt  *time.Time
	EnabledAt  *time.Time
}

// RuleRun is one row of the run history.
type RuleRun struct {
	ID         int64
	StartedAt  time.Time
	FinishedAt *time.Time
	DryRun     bool
	Summary    string
}

func ruleOf(r queries.Rule) RuleRow {
	return RuleRow{ID: r.ID, Name: r.Name, Template: r.Template, Enabled: r.Enabled != 0, Definition: r.Definition,
		CreatedAt: time.Unix(r.CreatedAt, 0).UTC(), UpdatedAt: time.Unix(r.UpdatedAt, 0).UTC(),
		LastRunAt: store.FromUnix(r.LastRunAt), EnabledAt: store.FromUnix(r.EnabledAt)}
}

// ListRules returns every flow, oldest first.
func (s *DB) ListRules(ctx context.Context) ([]RuleRow, error) {
	rows, err := s.gen().RuleList(ctx)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the automations")
	}
	out := make([]RuleRow, len(rows))
	for i, r := range rows {
		out[i] = ruleOf(r)
	}
	return out, nil
}

// GetRule returns one flow.
func (s *DB) GetRule(ctx context.Context, id int64) (RuleRow, error) {
	r, err := s.gen().RuleGet(ctx, id)
	if err == sql.ErrNoRows {
		return RuleRow{}, domain.Errorf(domain.CodeNotFound, "automation %d was not found", id)
	}
	if err != nil {
		return RuleRow{}, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the automation")
	}
	return ruleOf(r), nil
}

// InsertRule stores a new flow and returns its id.
func (s *DB) InsertRule(ctx context.Context, r RuleRow) (int64, error) {
	now := s.Now()
	res, err := s.gen().RuleInsert(ctx, queries.RuleInsertParams{Name: r.Name, Template: r.Template, Enabled: int64(store.BoolInt(r.Enabled)),
		Definition: r.Definition, CreatedAt: now, UpdatedAt: now, EnabledAt: sql.NullInt64{Int64: now, Valid: r.Enabled}})
	if err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the automation")
	}
	return res.LastInsertId()
}

// UpdateRule replaces a flow's name and definition.
func (s *DB) UpdateRule(ctx context.Context, id int64, name, definition string) error {
	res, err := s.gen().RuleUpdate(ctx, queries.RuleUpdateParams{ID: id, Name: name, Definition: definition, UpdatedAt: s.Now()})
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the automation")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.Errorf(domain.CodeNotFound, "automation %d was not found", id)
	}
	return nil
}

// SetRuleEnabled switches a flow on or off; switching on records when, which
// bounds how far back the flow catches up.
func (s *DB) SetRuleEnabled(ctx context.Context, id int64, on bool) error {
	res, err := s.gen().RuleSetEnabled(ctx, queries.RuleSetEnabledParams{ID: id, Enabled: int64(store.BoolInt(on)), UpdatedAt: s.Now()})
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not switch the automation")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.Errorf(domain.CodeNotFound, "automation %d was not found", id)
	}
	return nil
}

// DeleteRule removes a flow that never acted; one with history can only be
// switched off, so the ledger keeps proving what was done.
func (s *DB) DeleteRule(ctx context.Context, id int64) error {
	n, err := s.gen().RuleLedgerCount(ctx, id)
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not delete the automation")
	}
	if n > 0 {
		return domain.Errorf(domain.CodeConflict, "this automation has already acted %d times; switch it off instead of deleting it", n)
	}
	return s.gen().RuleDelete(ctx, id)
}

// TouchRuleRun records when a flow last ran for real.
func (s *DB) TouchRuleRun(ctx context.Context, id int64, at time.Time) error {
	return s.gen().RuleTouchRun(ctx, queries.RuleTouchRunParams{ID: id, LastRunAt: sql.NullInt64{Int64: at.Unix(), Valid: true}})
}

// LedgerForOccurrence returns what was done or decided for each step of one
// occurrence of a flow.
func (s *DB) LedgerForOccurrence(ctx context.Context, ruleID int64, occurrence string) ([]domain.LedgerStep, error) {
	rows, err := s.SQL().QueryContext(ctx, q("RuleLedgerForOccurrence"), ruleID, occurrence)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.LedgerStep
	for rows.Next() {
		var l domain.LedgerStep
		if err := rows.Scan(&l.Step, &l.Status, &l.Result); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// RuleActedSince tells whether a flow did something for subject (in another
// occurrence than occurrence) at or after since: the re-entry policies.
func (s *DB) RuleActedSince(ctx context.Context, ruleID int64, subject, occurrence string, since time.Time) (bool, error) {
	var b bool
	err := s.namedRow(ctx, "RuleLedgerActedSince", ruleID, subject, occurrence, since.Unix()).Scan(&b)
	return b, err
}

// RecordLedgerDecisions writes decisions that are not effects (a sequence's
// exit) so later plans treat them as settled. Existing keys are left alone.
func (s *DB) RecordLedgerDecisions(ctx context.Context, entries []domain.LedgerEntry) error {
	if len(entries) == 0 {
		return nil
	}
	return s.InTx(ctx, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, q("RuleLedgerInsert"))
		if err != nil {
			return err
		}
		defer st.Close()
		now := s.Now()
		for _, e := range entries {
			if _, err := st.ExecContext(ctx, e.Key, e.RuleID, e.Subject, e.Occurrence, e.Step, e.Status, e.DueAt.Unix(), now, e.Result, e.Path); err != nil {
				return err
			}
		}
		return nil
	})
}

// AllLedger returns every ledger row, for tests and exports.
func (s *DB) AllLedger(ctx context.Context) ([]domain.LedgerEntry, error) {
	rows, err := s.SQL().QueryContext(ctx, q("RuleLedgerKeys"))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.LedgerEntry
	for rows.Next() {
		var e domain.LedgerEntry
		if err := rows.Scan(&e.Key, &e.RuleID, &e.Subject, &e.Occurrence, &e.Step, &e.Status, &e.Result, &e.Path); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// ErrAlreadyDone reports that a ledger key existed: the effect happened before.
var ErrAlreadyDone = errors.New("already done")

// ApplyRuleAction writes the ledger row for e and runs fn in the same
// transaction, so the effect's row and its key commit together or not at all
// (invariant 2). A key already in the ledger returns ErrAlreadyDone without
// calling fn. fn returns a short result kept with the key.
func (s *DB) ApplyRuleAction(ctx context.Context, e domain.LedgerEntry, fn func(tx *RuleTx) (string, error)) error {
	return s.InTx(ctx, func(tx *sql.Tx) error {
		now := s.Now()
		t := txRows{tx: tx, db: s}
		res, err := t.namedExec(ctx, "RuleLedgerInsert", e.Key, e.RuleID, e.Subject, e.Occurrence, e.Step, string(domain.LedgerDone), e.DueAt.Unix(), now, "", e.Path)
		if err != nil {
			return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not record the automation step")
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrAlreadyDone
		}
		result, err := fn(&RuleTx{tx: t, ctx: ctx, now: now, key: e.Key})
		if err != nil {
			return err
		}
		_, err = t.namedExec(ctx, "RuleLedgerSetResult", result, e.Key)
		return err
	})
}

// StartRuleRun opens a row in the run history.
func (s *DB) StartRuleRun(ctx context.Context, at time.Time, dry bool) (int64, error) {
	res, err := s.gen().RuleRunInsert(ctx, queries.RuleRunInsertParams{StartedAt: at.Unix(), DryRun: int64(store.BoolInt(dry))})
	if err != nil {
		return 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not record the run")
	}
	return res.LastInsertId()
}

// FinishRuleRun closes a run with its JSON summary.
func (s *DB) FinishRuleRun(ctx context.Context, id int64, at time.Time, summary string) error {
	return s.gen().RuleRunFinish(ctx, queries.RuleRunFinishParams{FinishedAt: sql.NullInt64{Int64: at.Unix(), Valid: true}, Summary: summary, ID: id})
}

// ListRuleRuns returns the newest runs first.
func (s *DB) ListRuleRuns(ctx context.Context, limit int) ([]RuleRun, error) {
	if limit <= 0 {
		limit = 50
	}
	rows, err := s.gen().RuleRunList(ctx, int64(limit))
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the run history")
	}
	out := make([]RuleRun, 0, len(rows))
	for _, r := range rows {
		out = append(out, RuleRun{ID: r.ID, StartedAt: time.Unix(r.StartedAt, 0).UTC(), FinishedAt: store.FromUnix(r.FinishedAt),
			DryRun: r.DryRun != 0, Summary: r.Summary})
	}
	return out, nil
}

// RecordReply notes that email replied at at; sequences started before it
// exit. The inbox calls it for each reply it files.
func (s *DB) RecordReply(ctx context.Context, email string, at time.Time) error {
	_, err := s.SQL().ExecContext(ctx, q("RuleSignalInsert"), store.NormEmail(email), "replied", at.Unix())
	return err
}

// ReleaseHold lets a held order's confirmation and rewards go out on the
// next run.
func (s *DB) ReleaseHold(ctx context.Context, orderID int64) error {
	_, err := s.SQL().ExecContext(ctx, q("RuleHoldRelease"), s.Now(), orderID)
	return err
}

// RuleEffectCounts counts the rows automations write, and any ledger key
// that appears on two effect rows (which invariant 2 forbids): for tests,
// benchmarks and the run summary.
func (s *DB) RuleEffectCounts(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	for name, query := range map[string]string{
		"messages":        `SELECT COUNT(*) FROM messages WHERE ledger_key IS NOT NULL`,
		"coupons":         `SELECT COUNT(*) FROM coupons WHERE ledger_key IS NOT NULL`,
		"tasks":           `SELECT COUNT(*) FROM tasks WHERE ledger_key IS NOT NULL`,
		"purchase_orders": `SELECT COUNT(*) FROM purchase_orders WHERE status = 'draft'`,
		"po_lines":        `SELECT COUNT(*) FROM purchase_order_lines l JOIN purchase_orders p ON p.id = l.po_id WHERE p.status = 'draft'`,
		"ledger_done":     `SELECT COUNT(*) FROM rule_ledger WHERE status = 'done'`,
		"ledger_skipped":  `SELECT COUNT(*) FROM rule_ledger WHERE status = 'skipped'`,
		"stops":           `SELECT COUNT(*) FROM rule_stops`,
		"ledger_messages": `SELECT COUNT(*) FROM rule_ledger WHERE status = 'done' AND result LIKE 'message %'`,
		"ledger_coupons":  `SELECT COUNT(*) FROM rule_ledger WHERE status = 'done' AND result LIKE 'coupon %'`,
		"holds":           `SELECT COUNT(*) FROM rule_holds WHERE released_at IS NULL`,
		"events":          `SELECT COUNT(*) FROM rule_events`,
		"dup_keys": `SELECT (SELECT COUNT(*) - COUNT(DISTINCT ledger_key) FROM messages WHERE ledger_key IS NOT NULL)
			+ (SELECT COUNT(*) - COUNT(DISTINCT ledger_key) FROM coupons WHERE ledger_key IS NOT NULL)
			+ (SELECT COUNT(*) - COUNT(DISTINCT ledger_key) FROM tasks WHERE ledger_key IS NOT NULL)
			+ (SELECT COUNT(*) - COUNT(DISTINCT ledger_key) FROM rule_stops)`,
	} {
		var n int
		if err := s.SQL().QueryRowContext(ctx, query).Scan(&n); err != nil {
			return nil, err
		}
		out[name] = n
	}
	return out, nil
}

// RecordSignal notes what the inbox learnt about an address (kind replied or
// suppressed) at at.
func (s *DB) RecordSignal(ctx context.Context, email, kind string, at time.Time) error {
	_, err := s.SQL().ExecContext(ctx, q("RuleSignalInsert"), store.NormEmail(email), kind, at.Unix())
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not record what the inbox found")
	}
	return nil
}

// StopCustomerSequences ends every sequence of the customer that began
// before at, for a reason outside any flow (an unsubscribe, a bounce). The
// key makes recording the same signal twice harmless.
func (s *DB) StopCustomerSequences(ctx context.Context, customerID int64, at time.Time, reason, key string) error {
	_, err := s.SQL().ExecContext(ctx, q("RuleStopInsertOnce"), customerID, 0, at.Unix(), reason, key)
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not stop the customer's automations")
	}
	return nil
}
