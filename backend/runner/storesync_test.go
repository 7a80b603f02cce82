package runner

import (
	"context"
	"testing"

	"shopclerk/backend/connector"
	"shopclerk/backend/connector/shopify"
	"shopclerk/backend/connector/shopify/shopifytest"
	"shopclerk/backend/domain"
	"shopclerk/backend/secrets"
	"shopclerk/backend/store/connectordb"
	"shopclerk/backend/store/storetest"
)

// tokenOnly is a keychain holding one secret for every key.
type tokenOnly string

func (s tokenOnly) Get(string) (string, error) { return string(s), nil }
func (tokenOnly) Set(string, string) error     { return nil }
func (tokenOnly) Delete(string) error          { return nil }
func (tokenOnly) Backend() secrets.BackendKind { return secrets.BackendKeychain }

// The schedule syncs every connected store, does nothing without one, and
// refuses a schedule it cannot read without losing the one it had.
func TestStoreSyncTick(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	srv := shopifytest.New()
	defer srv.Close()
	srv.Put("orders", shopifytest.SampleOrder("9001", "a@example.com", "2026-02-01T10:00:00Z"))
	db := connectordb.New(st)
	mgr := &connector.Manager{DB: db, Secrets: func() secrets.Store { return tokenOnly(srv.Token) },
		Open: func(cs domain.ConnectedStore, secret string) (connector.Connector, error) {
			return shopify.New(shopify.Config{URL: cs.URL, Auth: cs.Auth, Token: secret})
		}}
	s := NewStoreSync(st, mgr, nil)
	var runs [][]connector.Result
	s.OnRun = func(r []connector.Result, err error) {
		if err != nil {
			t.Fatal(err)
		}
		runs = append(runs, r)
	}
	s.Tick()
	if len(runs) != 0 {
		t.Fatalf("a tick with no store: %+v", runs)
	}
	if _, err := db.AddStore(ctx, domain.ConnectedStore{Name: "s", Kind: domain.StoreShopify, URL: srv.URL, Auth: domain.AuthToken}); err != nil {
		t.Fatal(err)
	}
	s.Tick()
	if len(runs) != 1 || len(runs[0]) != 1 || runs[0][0].Error != "" || runs[0][0].Counts.Created == 0 {
		t.Fatalf("a tick with one store: %+v", runs)
	}
	if err := s.SetSchedule(ctx, "every now and then"); domain.CodeOf(err) != domain.CodeInvalid {
		t.Fatalf("bad schedule: %v", err)
	}
	if v, _ := st.Setting(ctx, SettingStoreSchedule, DefaultStoreSchedule); v != DefaultStoreSchedule {
		t.Errorf("a refused schedule was saved: %q", v)
	}
	for _, spec := range []string{"off", "*/5 * * * *"} {
		if err := s.SetSchedule(ctx, spec); err != nil {
			t.Fatalf("%s: %v", spec, err)
		}
	}
	s.Stop()
}
