package couponsdb

import (
	"context"
	"database/sql"
	"strings"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
	"shopclerk/backend/store/couponsdb/internal/queries"
)

// Issuer issues coupons inside one transaction: a flow step's (one coupon)
// or a campaign's plan (one per recipient, 50,000 in one go). It is the
// one way a coupon is written, so every coupon takes its code the same way
// (the pool of store-made codes first, else the generator), carries its
// flow or campaign for attribution, and is swept into the store write-back
// queue by its id like any other. Its statements are prepared once per
// transaction and the pool's size read once: a campaign must not pay a
// prepare and a count of the pool per recipient.
type Issuer struct {
	tx  *txStmts
	g   *queries.Queries
	now int64
	// poolTotal is how many codes were ever imported into the pool; the
	// pool is in use when there are any (the transaction only hands out).
	poolTotal int64
}

// NewIssuer starts issuing in tx at now (Unix seconds); Close it after.
func NewIssuer(ctx context.Context, tx *sql.Tx, now int64) (*Issuer, error) {
	ts := &txStmts{tx: tx, m: map[string]*sql.Stmt{}}
	is := &Issuer{tx: ts, g: queries.New(ts), now: now}
	counts, err := is.g.PoolCounts(ctx)
	if err != nil {
		ts.close()
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the pool of coupon codes")
	}
	is.poolTotal = counts.Total
	return is, nil
}

// Close releases the prepared statements.
func (is *Issuer) Close() { is.tx.close() }

// Issue inserts one coupon under ledgerKey and returns its code and id.
// With a pool imported, the next free code is handed out, and an empty pool
// is an error (a made-up code would not exist in the store); without one,
// gen makes the code. Uniqueness is the unique index on the code without
// case; a clash draws again.
func (is *Issuer) Issue(ctx context.Context, ledgerKey string, c NewCoupon, gen func() (string, error)) (string, int64, error) {
	p := queries.CouponInsertParams{CustomerID: nullID(c.CustomerID), PercentOff: int64(c.PercentOff), AmountOff: c.AmountOff,
		Currency: c.Currency, FreeShipping: int64(store.BoolInt(c.FreeShipping)), IssuedAt: is.now, RuleID: nullID(c.FlowID),
		CampaignID: nullID(c.CampaignID)}
	if v, ok := store.UnixOrNull(c.ExpiresAt).(int64); ok {
		p.ExpiresAt = sql.NullInt64{Int64: v, Valid: true}
	}
	if ledgerKey != "" {
		p.LedgerKey = sql.NullString{String: ledgerKey, Valid: true}
	}
	if is.poolTotal > 0 {
		return is.fromPool(ctx, p)
	}
	for range 5 {
		code, err := gen()
		if err != nil {
			return "", 0, err
		}
		p.Code = code
		id, err := is.g.CouponInsert(ctx, p)
		if err == nil {
			return code, id, nil
		}
		if !strings.Contains(err.Error(), "coupons.code") {
			return "", 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not issue the coupon")
		}
	}
	return "", 0, domain.Errorf(domain.CodeInternal, "Shopclerk could not find a free coupon code: the coupon pattern has too few codes left")
}

// fromPool hands out the pool's next free code.
func (is *Issuer) fromPool(ctx context.Context, p queries.CouponInsertParams) (string, int64, error) {
	next, err := is.g.PoolNext(ctx)
	if err == sql.ErrNoRows {
		return "", 0, domain.Errorf(domain.CodeConflict, "All %d codes of the imported pool are handed out: make more in your store and import them (Coupons > Import codes, or shopclerk coupons import-pool FILE).", is.poolTotal)
	}
	if err != nil {
		return "", 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the pool of coupon codes")
	}
	p.Code, p.Pooled = next.Code, 1
	id, err := is.g.CouponInsert(ctx, p)
	if err != nil {
		return "", 0, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not issue the coupon "+next.Code)
	}
	n, err := is.g.PoolHandOut(ctx, queries.PoolHandOutParams{CouponID: sql.NullInt64{Int64: id, Valid: true}, ID: next.ID})
	if err != nil || n != 1 {
		return "", 0, domain.Errorf(domain.CodeTemporary, "the pool code %s was taken at the same moment; try again", next.Code)
	}
	return next.Code, id, nil
}

// Issue inserts one coupon in tx (a flow step's transaction, whose ledger
// key it carries): an Issuer for one coupon.
func Issue(ctx context.Context, tx *sql.Tx, now int64, ledgerKey string, c NewCoupon, gen func() (string, error)) (string, error) {
	is, err := NewIssuer(ctx, tx, now)
	if err != nil {
		return "", err
	}
	defer is.Close()
	code, _, err := is.Issue(ctx, ledgerKey, c, gen)
	return code, err
}

// IssueOne issues one coupon in its own transaction (a test's); a flow
// step issues inside its step's transaction with Issue, a campaign with an
// Issuer over its plan's.
func (s *DB) IssueOne(ctx context.Context, ledgerKey string, c NewCoupon, gen func() (string, error)) (string, error) {
	var code string
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		var err error
		code, err = Issue(ctx, tx, s.Now(), ledgerKey, c, gen)
		return err
	})
	return code, err
}

// txStmts is a transaction whose queries are prepared on first use and
// kept until close (sqlc's queries take it as their DBTX).
type txStmts struct {
	tx *sql.Tx
	m  map[string]*sql.Stmt
}

func (t *txStmts) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := t.m[query]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	t.m[query] = st
	return st, nil
}

func (t *txStmts) close() {
	for _, st := range t.m {
		st.Close()
	}
	t.m = nil
}

func (t *txStmts) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (t *txStmts) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	return t.tx.PrepareContext(ctx, query)
}

func (t *txStmts) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (t *txStmts) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return t.tx.QueryRowContext(ctx, query, args...) // carries the same error to Scan
	}
	return st.QueryRowContext(ctx, args...)
}
