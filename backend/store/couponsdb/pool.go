package couponsdb

import (
	"context"
	"database/sql"
	"strconv"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/couponsdb/internal/queries"
)

func parseInt(s string) (int, error) { return strconv.Atoi(s) }

// PoolConflicts are a pool file's codes that cannot join the pool.
type PoolConflicts struct {
	InPool []string // already in the pool
	Issued []string // already a coupon
	Used   []string // already on an order
}

// Any reports whether there is a conflict.
func (c PoolConflicts) Any() bool { return len(c.InPool)+len(c.Issued)+len(c.Used) > 0 }

// AddToPool adds codes (already without duplicates) to the pool in one
// transaction, or, when any of them is already in the pool, issued or used
// by an order, adds none and returns which.
func (s *DB) AddToPool(ctx context.Context, file string, codes []string) (PoolConflicts, error) {
	var bad PoolConflicts
	err := s.InTx(ctx, func(tx *sql.Tx) error {
		g := queries.New(tx)
		for _, c := range codes {
			for _, check := range []struct {
				fn   func(context.Context, string) (int64, error)
				into *[]string
			}{{g.PoolHas, &bad.InPool}, {g.CouponHas, &bad.Issued}, {g.OrderUsedCode, &bad.Used}} {
				n, err := check.fn(ctx, c)
				if err != nil {
					return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not check the pool file's codes")
				}
				if n > 0 {
					*check.into = append(*check.into, c)
					break
				}
			}
		}
		if bad.Any() {
			return nil
		}
		now := s.Now()
		for _, c := range codes {
			if err := g.PoolInsert(ctx, queries.PoolInsertParams{Code: c, File: file, ImportedAt: now}); err != nil {
				return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not add "+c+" to the pool")
			}
		}
		return nil
	})
	return bad, err
}

// ExportCoupon is an issued coupon still to be redeemed, for the store to
// import.
type ExportCoupon struct {
	Code         string
	PercentOff   int
	AmountOff    int64
	Currency     string
	FreeShipping bool
	IssuedAt     time.Time
	ExpiresAt    *time.Time
	MinSpend     int64
	Email        string
}

// ExportCoupons lists the coupons neither redeemed nor expired, oldest first.
func (s *DB) ExportCoupons(ctx context.Context) ([]ExportCoupon, error) {
	rows, err := s.gen().ExportRows(ctx, sql.NullInt64{Int64: s.Now(), Valid: true})
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the coupons")
	}
	out := make([]ExportCoupon, 0, len(rows))
	for _, r := range rows {
		out = append(out, ExportCoupon{Code: r.Code, PercentOff: int(r.PercentOff), AmountOff: r.AmountOff, Currency: r.Currency,
			FreeShipping: r.FreeShipping != 0, IssuedAt: time.Unix(r.IssuedAt, 0).UTC(), ExpiresAt: fromNull(r.ExpiresAt),
			MinSpend: r.MinSpend, Email: r.Email})
	}
	return out, nil
}

func fromNull(v sql.NullInt64) *time.Time {
	if !v.Valid {
		return nil
	}
	t := time.Unix(v.Int64, 0).UTC()
	return &t
}
