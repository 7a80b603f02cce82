package app

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"shopclerk/backend/connector"
	"shopclerk/backend/connector/etsy"
	"shopclerk/backend/domain"
	"shopclerk/backend/runner"
	"shopclerk/backend/service"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// StoreService is Settings > Stores: connect Shopify and WooCommerce
// stores, test them, sync them as a job with progress and cancel, their
// sync history and schedule.
type StoreService struct {
	app *App
	mu  sync.Mutex
	// signIn is the Sign in with Etsy under way (StartEtsy, FinishEtsy):
	// one at a time, a new start replaces it.
	signInID string
	signIn   *service.EtsySignIn
}

// StoreView is one connected store as Settings > Stores shows it.
type StoreView struct {
	domain.ConnectedStore
	// LastRun is the newest line of its sync history (nil before the first).
	LastRun *domain.SyncRun `json:"lastRun"`
	Syncing bool            `json:"syncing"`
	// Waiting counts the writes not yet made in the store; WriteError is
	// the newest reason one waits for.
	Waiting    int    `json:"waiting"`
	WriteError string `json:"writeError"`
	// Unwritable says why a write its platform cannot make stays off.
	Unwritable domain.StoreUnwritable `json:"unwritable"`
}

// StoreList is the connected stores and the shop's "now", against which
// the screen says how fresh each one's data is.
type StoreList struct {
	Stores []StoreView `json:"stores"`
	Now    time.Time   `json:"now"`
}

// List lists the connected stores with their newest sync.
func (s *StoreService) List() (StoreList, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return StoreList{}, err
	}
	stores, err := b.Stores.DB.Stores(ctx)
	if err != nil {
		return StoreList{}, err
	}
	out := make([]StoreView, 0, len(stores))
	for _, cs := range stores {
		v := StoreView{ConnectedStore: cs, Syncing: b.Stores.Syncing(cs.ID), Unwritable: cs.Kind.Unwritable()}
		runs, err := b.Stores.DB.Runs(ctx, cs.ID, 1)
		if err != nil {
			return StoreList{}, err
		}
		if len(runs) > 0 {
			v.LastRun = &runs[0]
		}
		if v.Waiting, v.WriteError, err = b.Stores.DB.WritesWaiting(ctx, cs.ID); err != nil {
			return StoreList{}, err
		}
		out = append(out, v)
	}
	return StoreList{Stores: out, Now: b.Clock.Now().UTC()}, nil
}

// Add tests a store's credentials and, when the store answers, saves it
// (its secret to the keychain).
func (s *StoreService) Add(in service.NewStoreInput) (connector.Added, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return connector.Added{}, err
	}
	cs, err := service.NewConnectedStore(in)
	if err != nil {
		return connector.Added{}, err
	}
	return b.Stores.Add(ctx, cs, strings.TrimSpace(in.Secret))
}

// EtsyStart is Sign in with Etsy under way: the page the browser opened
// (shown too, in case it did not open), and the callback address the
// seller will paste back from the browser's address bar.
type EtsyStart struct {
	ID       string `json:"id"`
	URL      string `json:"url"`
	Callback string `json:"callback"`
}

// StartEtsy opens Sign in with Etsy in the seller's browser (in.ClientID is
// the app's keystring, in.Secret its shared secret, in.Callback the https
// address the app lists); FinishEtsy takes the address Etsy sends the
// browser to.
func (s *StoreService) StartEtsy(in service.NewStoreInput) (EtsyStart, error) {
	if _, _, err := s.app.current(); err != nil {
		return EtsyStart{}, err
	}
	in.Kind = domain.StoreEtsy
	cs, err := service.NewConnectedStore(in)
	if err != nil {
		return EtsyStart{}, err
	}
	si, err := service.StartEtsySignIn(cs, in.Secret, in.Callback)
	if err != nil {
		return EtsyStart{}, err
	}
	id := fmt.Sprintf("etsy-%d", time.Now().UnixNano())
	s.mu.Lock()
	s.signInID, s.signIn = id, si
	s.mu.Unlock()
	if cs.URL == etsy.Address {
		runtime.BrowserOpenURL(s.app.ctx, si.URL)
	}
	return EtsyStart{ID: id, URL: si.URL, Callback: si.Callback}, nil
}

// FinishEtsy trades the code in the address the seller pasted for the
// shop's tokens and adds the shop.
func (s *StoreService) FinishEtsy(id, pasted string) (connector.Added, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return connector.Added{}, err
	}
	s.mu.Lock()
	si := s.signIn
	if id != s.signInID {
		si = nil
	}
	s.mu.Unlock()
	if si == nil {
		return connector.Added{}, domain.Errorf(domain.CodeInvalid, "this sign-in was replaced or has ended; click Sign in with Etsy again")
	}
	secret, err := si.Finish(ctx, pasted)
	if err != nil {
		return connector.Added{}, err
	}
	s.mu.Lock()
	if s.signInID == id {
		s.signInID, s.signIn = "", nil
	}
	s.mu.Unlock()
	return b.Stores.Add(ctx, si.Store, secret)
}

// Test signs in to a connected store again and says what is missing.
func (s *StoreService) Test(id int64) (connector.Added, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return connector.Added{}, err
	}
	return b.Stores.Test(ctx, id)
}

// Remove forgets a store and its secret; what it brought stays.
func (s *StoreService) Remove(id int64) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	_, err = b.Stores.Remove(ctx, id)
	return err
}

// Sync syncs the stores with these ids (every store when none) as a job;
// "job:done" carries their []connector.Result.
func (s *StoreService) Sync(ids []int64, full bool) (string, error) {
	b, _, err := s.app.current()
	if err != nil {
		return "", err
	}
	return s.app.jobs.Start("sync", func(ctx context.Context, progress func(Progress)) (any, error) {
		res, err := b.Stores.Sync(ctx, ids, full, func(p connector.SyncProgress) {
			progress(Progress{Done: int64(p.Index), Total: int64(p.Stores), Message: p.Message(), Step: p.Store + string(p.Resource)})
		})
		s.app.emit("stores:synced", nil)
		return res, err
	}), nil
}

// History is the sync history, newest first (storeID 0: every store's).
func (s *StoreService) History(storeID int64, limit int) ([]domain.SyncRun, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Stores.DB.Runs(ctx, storeID, limit)
}

// Schedule is how often the stores are synced while the app is open
// (a cron expression, or "off").
func (s *StoreService) Schedule() (string, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return "", err
	}
	return b.Store.Setting(ctx, runner.SettingStoreSchedule, runner.DefaultStoreSchedule)
}

// SetSchedule saves how often the stores are synced and restarts the
// schedule with it.
func (s *StoreService) SetSchedule(spec string) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return b.StoreSync.SetSchedule(ctx, spec)
}

// SetWrites saves what Shopclerk may write to a store (each switch off
// until the seller turns it on); one turned on is checked against the
// store's permissions first.
func (s *StoreService) SetWrites(id int64, w domain.StoreWrites) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	if err := b.Stores.SetWrites(ctx, id, w); err != nil {
		return err
	}
	b.StoreSync.Nudge()
	return nil
}

// Writes lists the write-back queue, newest first (storeID 0: every store's).
func (s *StoreService) Writes(storeID int64, limit int) ([]domain.StoreWrite, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Stores.DB.Writes(ctx, storeID, limit)
}

// Push makes the store's waiting writes now (the seller fixed what they
// waited for) and says what happened.
func (s *StoreService) Push(id int64) (connector.WriteResult, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return connector.WriteResult{}, err
	}
	if err := b.Stores.DB.RetryWritesNow(ctx, id); err != nil {
		return connector.WriteResult{}, err
	}
	return b.Stores.Push(ctx, id)
}
