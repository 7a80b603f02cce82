package app

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/connector"
	"shopclerk/backend/connector/shopify"
	"shopclerk/backend/connector/woocommerce"
	"shopclerk/backend/domain"
	"shopclerk/backend/runner"
	"shopclerk/backend/secrets"
	"shopclerk/backend/store/connectordb"
)

// StoreService is Settings > Stores: connect Shopify and WooCommerce
// stores, test them, sync them as a job with progress and cancel, their
// sync history and schedule.
type StoreService struct{ app *App }

// newStoreManager is the shop's one store manager: the window, its
// schedule and the headless commands sync through it.
func newStoreManager(db *connectordb.DB, sec func() secrets.Store, detect func(context.Context), clk clock.Clock, log *slog.Logger) *connector.Manager {
	return &connector.Manager{DB: db, Secrets: sec, Open: storeConnector, Detect: detect, Clock: clk, Log: log}
}

// storeConnector builds the connector of a connected store from its secret.
func storeConnector(cs domain.ConnectedStore, secret string) (connector.Connector, error) {
	switch cs.Kind {
	case domain.StoreShopify:
		cfg := shopify.Config{URL: cs.URL, Auth: cs.Auth}
		if cs.Auth == domain.AuthClientCredentials {
			cfg.ClientID, cfg.ClientSecret = cs.ClientID, secret
		} else {
			cfg.Token = secret
		}
		return shopify.New(cfg)
	case domain.StoreWooCommerce:
		return woocommerce.New(woocommerce.Config{URL: cs.URL, ConsumerKey: cs.ClientID, ConsumerSecret: secret})
	}
	return nil, domain.Errorf(domain.CodeInvalid, "Shopclerk connects Shopify and WooCommerce stores, not %q", cs.Kind)
}

// NewStoreInput is a store the seller is adding.
type NewStoreInput struct {
	Kind domain.StoreKind `json:"kind"`
	URL  string           `json:"url"`
	Name string           `json:"name"` // "" names it from its address
	Auth domain.StoreAuth `json:"auth"`
	// ClientID is a Shopify Dev Dashboard app's client ID, or a
	// WooCommerce consumer key (ck_...).
	ClientID string `json:"clientId"`
	// Secret is the Admin API token, the client secret or the consumer
	// secret; it goes to the keychain only.
	Secret string `json:"secret"`
}

// newConnectedStore checks an input store's kind, sign-in and address, and
// names it.
func newConnectedStore(in NewStoreInput) (domain.ConnectedStore, error) {
	cs := domain.ConnectedStore{Kind: domain.StoreKind(strings.ToLower(string(in.Kind))), Auth: in.Auth, ClientID: strings.TrimSpace(in.ClientID)}
	switch {
	case cs.Kind == domain.StoreShopify && cs.Auth == domain.AuthToken:
		cs.ClientID = ""
	case cs.Kind == domain.StoreShopify && cs.Auth == domain.AuthClientCredentials:
		if cs.ClientID == "" {
			return cs, domain.Errorf(domain.CodeInvalid, "enter the app's client ID (Dev Dashboard > your app > Settings)")
		}
	case cs.Kind == domain.StoreWooCommerce:
		cs.Auth = domain.AuthKeys
		if cs.ClientID == "" {
			return cs, domain.Errorf(domain.CodeInvalid, "enter the consumer key (ck_...; WooCommerce > Settings > Advanced > REST API)")
		}
	case cs.Kind == domain.StoreShopify:
		return cs, domain.Errorf(domain.CodeInvalid, "say how Shopclerk signs in to Shopify: an Admin API access token, or a client ID and secret")
	default:
		return cs, domain.Errorf(domain.CodeInvalid, "Shopclerk connects Shopify and WooCommerce stores, not %q", in.Kind)
	}
	check := connector.CheckURL
	if cs.Kind == domain.StoreShopify {
		check = shopify.CheckURL
	}
	u, err := check(in.URL)
	if err != nil {
		return cs, err
	}
	cs.URL, cs.Name = u.String(), strings.TrimSpace(in.Name)
	if cs.Name == "" {
		cs.Name = defaultStoreName(cs.URL)
	}
	return cs, nil
}

// defaultStoreName is a store's name from its address: the shop's name in
// NAME.myshopify.com, else the host without www.
func defaultStoreName(u string) string {
	host := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://"), "www.")
	host, _, _ = strings.Cut(host, "/")
	if n, ok := strings.CutSuffix(host, ".myshopify.com"); ok {
		return n
	}
	return host
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
	stores, err := b.stores.DB.Stores(ctx)
	if err != nil {
		return StoreList{}, err
	}
	out := make([]StoreView, 0, len(stores))
	for _, cs := range stores {
		v := StoreView{ConnectedStore: cs, Syncing: b.stores.Syncing(cs.ID)}
		runs, err := b.stores.DB.Runs(ctx, cs.ID, 1)
		if err != nil {
			return StoreList{}, err
		}
		if len(runs) > 0 {
			v.LastRun = &runs[0]
		}
		if v.Waiting, v.WriteError, err = b.stores.DB.WritesWaiting(ctx, cs.ID); err != nil {
			return StoreList{}, err
		}
		out = append(out, v)
	}
	return StoreList{Stores: out, Now: b.clk.Now().UTC()}, nil
}

// Add tests a store's credentials and, when the store answers, saves it
// (its secret to the keychain).
func (s *StoreService) Add(in NewStoreInput) (connector.Added, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return connector.Added{}, err
	}
	cs, err := newConnectedStore(in)
	if err != nil {
		return connector.Added{}, err
	}
	return b.stores.Add(ctx, cs, strings.TrimSpace(in.Secret))
}

// Test signs in to a connected store again and says what is missing.
func (s *StoreService) Test(id int64) (connector.Added, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return connector.Added{}, err
	}
	return b.stores.Test(ctx, id)
}

// Remove forgets a store and its secret; what it brought stays.
func (s *StoreService) Remove(id int64) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	_, err = b.stores.Remove(ctx, id)
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
		res, err := b.stores.Sync(ctx, ids, full, func(p connector.SyncProgress) {
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
	return b.stores.DB.Runs(ctx, storeID, limit)
}

// Schedule is how often the stores are synced while the app is open
// (a cron expression, or "off").
func (s *StoreService) Schedule() (string, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return "", err
	}
	return b.st.Setting(ctx, runner.SettingStoreSchedule, runner.DefaultStoreSchedule)
}

// SetSchedule saves how often the stores are synced and restarts the
// schedule with it.
func (s *StoreService) SetSchedule(spec string) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return b.storeSync.SetSchedule(ctx, spec)
}

// SetWrites saves what Shopclerk may write to a store (each switch off
// until the seller turns it on); one turned on is checked against the
// store's permissions first.
func (s *StoreService) SetWrites(id int64, w domain.StoreWrites) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	if err := b.stores.SetWrites(ctx, id, w); err != nil {
		return err
	}
	b.storeSync.Nudge()
	return nil
}

// Writes lists the write-back queue, newest first (storeID 0: every store's).
func (s *StoreService) Writes(storeID int64, limit int) ([]domain.StoreWrite, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.stores.DB.Writes(ctx, storeID, limit)
}

// Push makes the store's waiting writes now (the seller fixed what they
// waited for) and says what happened.
func (s *StoreService) Push(id int64) (connector.WriteResult, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return connector.WriteResult{}, err
	}
	if err := b.stores.DB.RetryWritesNow(ctx, id); err != nil {
		return connector.WriteResult{}, err
	}
	return b.stores.Push(ctx, id)
}
