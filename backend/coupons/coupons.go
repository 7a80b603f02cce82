// Package coupons is marketing's coupons and attribution (issue 17): the
// shape of codes (patterns that can yield enough unique ones), the pool of
// codes made in the store for a shop without a store connection (read from
// a file, handed out by couponsdb.Issue one per recipient), the export of
// issued codes for the store to import, the Coupons screen's list, and
// attribution: what each flow and each of its emails earned, counted only
// from the orders' discount codes and the customers' own orders, never
// from a tracking pixel. Redemption itself is recorded by the database
// (triggers on orders), whatever way an order arrives.
package coupons

import (
	"context"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/couponsdb"
)

// Service serves the Coupons screen, the attribution charts and the CLI.
type Service struct {
	db  *couponsdb.DB
	clk clock.Clock
}

// New builds the service over the shop's coupons store.
func New(db *couponsdb.DB, clk clock.Clock) *Service { return &Service{db: db, clk: clk} }

// List returns one page of coupons, filtered, with the counts per status
// and the pool's state.
func (s *Service) List(ctx context.Context, f domain.CouponFilter) (domain.CouponPage, error) {
	return s.db.Coupons(ctx, f)
}

// Pool is the state of the pool of store-made codes (Low when fewer than
// the warning setting are left).
func (s *Service) Pool(ctx context.Context) (domain.CouponPool, error) { return s.db.Pool(ctx) }
