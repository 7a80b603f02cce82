package connector

import (
	"context"
	"fmt"
	"strings"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
)

// The Manager's side of the write-back queue: the switches, the runs, and
// the outbox's question "may this email go yet?".

// pusher is the store's connector as a Pusher.
func pusher(cs domain.ConnectedStore, c Connector) (Pusher, error) {
	p, ok := c.(Pusher)
	if !ok {
		return nil, domain.Errorf(domain.CodeInvalid, "Shopclerk cannot write to %s stores", cs.Kind)
	}
	return p, nil
}

// SetWrites saves what Shopclerk may write to a store. A write switched on
// is checked first: a store whose key or app lacks the permission keeps
// the switch off, and the error says where to grant it.
func (m *Manager) SetWrites(ctx context.Context, id int64, w domain.StoreWrites) error {
	cs, c, err := m.Connector(ctx, id)
	if err != nil {
		return err
	}
	on := domain.StoreWrites{Coupons: w.Coupons && !cs.Writes.Coupons, Stock: w.Stock && !cs.Writes.Stock,
		Tags: w.Tags && !cs.Writes.Tags, Holds: w.Holds && !cs.Writes.Holds}
	if why := cs.Kind.Unwritable().Refused(on); why != "" {
		return domain.Errorf(domain.CodeInvalid, "%s", why)
	}
	if on.Any() {
		p, err := pusher(cs, c)
		if err != nil {
			return err
		}
		missing, err := p.CheckWrites(ctx, on)
		if err != nil {
			return err
		}
		if len(missing) > 0 {
			return domain.Errorf(domain.CodeAuthFailed, "%s does not let Shopclerk write there yet: grant %s, then turn this on again", cs.Name, strings.Join(missing, "; "))
		}
	}
	if err := m.DB.SetWrites(ctx, id, w); err != nil {
		return err
	}
	m.couponStores.Store(nil) // CouponHold looks again
	return m.DB.RetryWritesNow(ctx, id)
}

// missingWrites adds to a test's answer the permissions the store's
// switched-on writes lack.
func (m *Manager) missingWrites(ctx context.Context, cs domain.ConnectedStore, c Connector, info *ShopInfo) error {
	if !cs.Writes.Any() {
		return nil
	}
	p, err := pusher(cs, c)
	if err != nil {
		return err
	}
	missing, err := p.CheckWrites(ctx, cs.Writes)
	info.Missing = append(info.Missing, missing...)
	return err
}

// Push applies a store's write-back queue now; a store being synced is
// left to its sync, which pushes when it is done.
func (m *Manager) Push(ctx context.Context, id int64) (WriteResult, error) {
	cs, err := m.DB.StoreByID(ctx, id)
	if err != nil {
		return WriteResult{}, err
	}
	if !m.claim(id) {
		return WriteResult{Store: cs.Name}, nil
	}
	defer m.release(id)
	return m.push(ctx, cs)
}

// push runs the queue of a store the caller claimed.
func (m *Manager) push(ctx context.Context, cs domain.ConnectedStore) (WriteResult, error) {
	c, err := m.connector(cs)
	if err != nil {
		return WriteResult{Store: cs.Name}, err
	}
	p, err := pusher(cs, c)
	if err != nil {
		return WriteResult{Store: cs.Name}, err
	}
	clk := m.Clock
	if clk == nil {
		clk = clock.System{}
	}
	res, err := (&Writer{DB: m.DB, Clock: clk}).Run(ctx, cs, p)
	if err == nil && res.Waiting > 0 && m.Log != nil {
		m.Log.Info("store writes wait", "store", cs.Name, "waiting", res.Waiting, "reason", res.Error)
	}
	return res, err
}

// PushAll applies the write-back queue of every store with a write
// switched on (the schedule's minute tick) and says what each run did.
func (m *Manager) PushAll(ctx context.Context) []WriteResult {
	stores, err := m.DB.Stores(ctx)
	if err != nil {
		return nil
	}
	var out []WriteResult
	for _, cs := range stores {
		if !cs.Writes.Any() || ctx.Err() != nil {
			continue
		}
		res, err := m.Push(ctx, cs.ID)
		if err != nil && m.Log != nil {
			m.Log.Warn("store writes failed", "store", cs.Name, "err", err)
		}
		out = append(out, res)
	}
	return out
}

// CouponHold is the outbox's Hold: an email showing a coupon waits until
// the coupon is a discount code in every store that writes coupons.
func (m *Manager) CouponHold(ctx context.Context, msg domain.OutboxMessage) (string, error) {
	i := strings.LastIndexByte(msg.LedgerKey, '/')
	if i < 0 {
		return "", nil // not from a flow: it shows no coupon Shopclerk issued
	}
	// The outbox asks for every message it sends: with no store writing
	// coupons (most shops), one look at the stores answers for all of them.
	on := m.couponStores.Load()
	if on == nil {
		stores, err := m.DB.Stores(ctx)
		if err != nil {
			return "", err
		}
		writing := false
		for _, cs := range stores {
			writing = writing || cs.Writes.Coupons
		}
		on = &writing
		m.couponStores.Store(on)
	}
	if !*on {
		return "", nil
	}
	waits, err := m.DB.CouponWaits(ctx, msg.LedgerKey[:i+1])
	if err != nil || len(waits) == 0 {
		return "", err
	}
	parts := make([]string, 0, len(waits))
	for _, w := range waits {
		p := w.Store
		if w.LastError != "" {
			p += " (" + w.LastError + ")"
		}
		parts = append(parts, p)
	}
	return fmt.Sprintf("waits until its coupon %s is a discount code in %s", waits[0].Code, strings.Join(parts, ", ")), nil
}
