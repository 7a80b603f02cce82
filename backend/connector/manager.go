package connector

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/secrets"
	"shopclerk/backend/store/connectordb"
)

// Opener builds the connector of a connected store from its secret (the
// app knows the platforms; this package knows none of them).
type Opener func(cs domain.ConnectedStore, secret string) (Connector, error)

// Manager is the one place a shop's stores are added, tested, removed and
// synced: the window's Settings > Stores, its schedule and the headless
// commands all go through it, so one process never syncs a store twice at
// once (a second request for a store being synced is refused, not queued).
// Two processes cannot either: the shop file is open in one at a time.
type Manager struct {
	DB *connectordb.DB
	// Secrets is the keychain (a func, so it is probed on first use only).
	Secrets func() secrets.Store
	Open    Opener
	// Detect, if set, runs after syncs that created or updated records:
	// the automations look at synced data as at imported data.
	Detect func(ctx context.Context)
	Log    *slog.Logger
	// Clock is "now" for the write-back queue's waits (default: the system's).
	Clock clock.Clock
	// Syncer options (tests make flushes small).
	FlushRecords int

	mu   sync.Mutex
	busy map[int64]bool
	// couponStores caches whether any store writes coupons (nil: unknown);
	// SetWrites and Remove clear it. The shop file is open in one process
	// at a time, so no other process changes the switches meanwhile.
	couponStores atomic.Pointer[bool]
}

// Rotating is a connector whose secret changes as it is used: an OAuth
// sign-in whose tokens are refreshed (Etsy replaces the refresh token
// too). The Manager saves the secret as it is after adding the store, and
// the Opener of a store already added saves each new one as it comes.
type Rotating interface {
	// Secret is the secret as it is now.
	Secret() string
}

// Added is what adding or testing a store learnt.
type Added struct {
	Store domain.ConnectedStore `json:"store"`
	Shop  ShopInfo              `json:"shop"`
	// SecretsInFile: no system keychain answered; the secret is in an
	// owner-only file beside the shop.
	SecretsInFile bool `json:"secretsInFile"`
}

// Add tests the credentials first and saves the store only when the store
// answered: a store that cannot be reached is not half-added. cs has its
// URL checked and a name already.
func (m *Manager) Add(ctx context.Context, cs domain.ConnectedStore, secret string) (Added, error) {
	if secret == "" {
		return Added{}, domain.Errorf(domain.CodeInvalid, "enter the store's secret (token, client secret or consumer secret)")
	}
	c, err := m.Open(cs, secret)
	if err != nil {
		return Added{}, err
	}
	info, err := c.Check(ctx)
	if err != nil {
		return Added{}, err
	}
	cs, err = m.DB.AddStore(ctx, cs)
	if err != nil {
		return Added{}, err
	}
	if r, ok := c.(Rotating); ok {
		secret = r.Secret() // the check may have refreshed it
	}
	sec := m.Secrets()
	if err := sec.Set(domain.StoreSecretKey(cs.ID), secret); err != nil {
		m.DB.RemoveStore(ctx, cs.ID) // nothing half-added
		return Added{}, err
	}
	if err := m.DB.SetShopInfo(ctx, cs.ID, info.Currency, info.TimeZone); err != nil {
		return Added{}, err
	}
	cs.Currency, cs.TimeZone = info.Currency, info.TimeZone
	return Added{Store: cs, Shop: info, SecretsInFile: sec.Backend() == secrets.BackendFile}, nil
}

// connector is a connected store's connector, with its secret from the
// keychain.
func (m *Manager) connector(cs domain.ConnectedStore) (Connector, error) {
	secret, err := m.Secrets().Get(domain.StoreSecretKey(cs.ID))
	if err != nil {
		return nil, err
	}
	if secret == "" {
		return nil, domain.Errorf(domain.CodeAuthFailed, "the secret of %s is not in the keychain any more: remove the store and add it again", cs.Name)
	}
	return m.Open(cs, secret)
}

// Connector is the connector of the store with this id.
func (m *Manager) Connector(ctx context.Context, id int64) (domain.ConnectedStore, Connector, error) {
	cs, err := m.DB.StoreByID(ctx, id)
	if err != nil {
		return cs, nil, err
	}
	c, err := m.connector(cs)
	return cs, c, err
}

// Test signs in to a connected store again and says what it found,
// including the permissions the store's switches need and it lacks.
func (m *Manager) Test(ctx context.Context, id int64) (Added, error) {
	cs, c, err := m.Connector(ctx, id)
	if err != nil {
		return Added{Store: cs}, err
	}
	info, err := c.Check(ctx)
	if err != nil {
		return Added{Store: cs}, err
	}
	if err := m.missingWrites(ctx, cs, c, &info); err != nil {
		return Added{Store: cs}, err
	}
	if err := m.DB.SetShopInfo(ctx, cs.ID, info.Currency, info.TimeZone); err != nil {
		return Added{}, err
	}
	cs.Currency, cs.TimeZone = info.Currency, info.TimeZone
	return Added{Store: cs, Shop: info, SecretsInFile: m.Secrets().Backend() == secrets.BackendFile}, nil
}

// Remove forgets a store and its secret. The records it brought stay.
func (m *Manager) Remove(ctx context.Context, id int64) (domain.ConnectedStore, error) {
	cs, err := m.DB.StoreByID(ctx, id)
	if err != nil {
		return cs, err
	}
	if !m.claim(id) {
		return cs, domain.Errorf(domain.CodeConflict, "%s is being synced; remove it when the sync is over (or cancel it)", cs.Name)
	}
	defer m.release(id)
	if err := m.DB.RemoveStore(ctx, id); err != nil {
		return cs, err
	}
	m.couponStores.Store(nil)
	return cs, m.Secrets().Delete(domain.StoreSecretKey(id))
}

// claim marks a store as being synced; false when it is already.
func (m *Manager) claim(id int64) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.busy == nil {
		m.busy = map[int64]bool{}
	}
	if m.busy[id] {
		return false
	}
	m.busy[id] = true
	return true
}

func (m *Manager) release(id int64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.busy, id)
}

// Syncing reports whether a store is being synced now.
func (m *Manager) Syncing(id int64) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.busy[id]
}

// SyncProgress is what a sync of several stores reports as it goes.
type SyncProgress struct {
	Progress
	// Index is the store being synced (0-based) of Stores.
	Index, Stores int
}

// Sync syncs the stores with these ids (every connected store when none)
// one after the other. A store that fails, or is being synced already, is
// reported in its Result and the others still go; err is only for what
// stops all of them (the shop cannot be read, ctx cancelled).
func (m *Manager) Sync(ctx context.Context, ids []int64, full bool, progress func(SyncProgress)) ([]Result, error) {
	var stores []domain.ConnectedStore
	if len(ids) == 0 {
		all, err := m.DB.Stores(ctx)
		if err != nil {
			return nil, err
		}
		stores = all
	}
	for _, id := range ids {
		cs, err := m.DB.StoreByID(ctx, id)
		if err != nil {
			return nil, err
		}
		stores = append(stores, cs)
	}
	out := make([]Result, 0, len(stores))
	changed := false
	for i, cs := range stores {
		if err := ctx.Err(); err != nil {
			return out, cancelled(err)
		}
		r := m.syncOne(ctx, cs, full, func(p Progress) {
			if progress != nil {
				progress(SyncProgress{Progress: p, Index: i, Stores: len(stores)})
			}
		})
		changed = changed || r.Counts.Created+r.Counts.Updated > 0
		out = append(out, r)
	}
	if changed && m.Detect != nil {
		m.Detect(context.WithoutCancel(ctx))
	}
	if err := ctx.Err(); err != nil {
		return out, cancelled(err)
	}
	return out, nil
}

// cancelled says that a sync was stopped: unlike a cancelled import, what
// it read before stays (each page committed with its mark).
func cancelled(err error) error {
	return domain.Wrap(err, domain.CodeInvalid, "Sync cancelled; what was read before is kept, and the next sync goes on from there.")
}

func (m *Manager) syncOne(ctx context.Context, cs domain.ConnectedStore, full bool, progress func(Progress)) Result {
	fail := func(err error) Result {
		return Result{Store: cs.Name, Resources: []ResourceResult{}, Notes: []string{}, Error: err.Error(), ErrorCode: domain.CodeOf(err)}
	}
	if !m.claim(cs.ID) {
		return fail(domain.Errorf(domain.CodeConflict, "%s is being synced already; this request was skipped", cs.Name))
	}
	defer m.release(cs.ID)
	c, err := m.connector(cs)
	if err != nil {
		return fail(err)
	}
	progress(Progress{Store: cs.Name})
	syncer := &Syncer{DB: m.DB, Progress: progress, FlushRecords: m.FlushRecords}
	r, err := syncer.Sync(ctx, cs, c, full)
	if err != nil && r.Error == "" {
		r.Store, r.Error, r.ErrorCode = cs.Name, err.Error(), domain.CodeOf(err)
	}
	if err != nil && m.Log != nil {
		m.Log.Warn("store sync failed", "store", cs.Name, "err", err)
	}
	if err == nil && cs.Writes.Any() {
		// What the sync brought is in; what Shopclerk decided goes out.
		if wr, err := m.push(ctx, cs); err != nil {
			r.Notes = append(r.Notes, "Writing to the store stopped: "+err.Error())
		} else if wr.Waiting > 0 {
			r.Notes = append(r.Notes, fmt.Sprintf("%d writes to the store wait: %s", wr.Waiting, wr.Error))
		}
	}
	return r
}

// Message says in one line what a sync of several stores is doing.
func (p SyncProgress) Message() string {
	if p.Resource == "" {
		return fmt.Sprintf("Syncing %s", p.Store)
	}
	return fmt.Sprintf("Syncing %s: %s, %d read", p.Store, p.Resource, p.Records)
}
