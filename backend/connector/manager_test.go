package connector_test

import (
	"context"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"shopclerk/backend/connector"
	"shopclerk/backend/connector/shopify"
	"shopclerk/backend/connector/shopify/shopifytest"
	"shopclerk/backend/domain"
	"shopclerk/backend/secrets"
	"shopclerk/backend/store/connectordb"
	"shopclerk/backend/store/storetest"
)

func noSleep(ctx context.Context, d time.Duration) error { return ctx.Err() }

// newManager is a shop with a manager whose connectors never wait.
func newManager(t *testing.T) (*connector.Manager, *secrets.Memory) {
	t.Helper()
	st := storetest.Open(t)
	sec := &secrets.Memory{}
	m := &connector.Manager{DB: connectordb.New(st), Secrets: func() secrets.Store { return sec },
		Open: func(cs domain.ConnectedStore, secret string) (connector.Connector, error) {
			return shopify.New(shopify.Config{URL: cs.URL, Auth: cs.Auth, Token: secret, ClientOptions: connector.ClientOptions{Sleep: noSleep}})
		}}
	return m, sec
}

func standin(t *testing.T) *shopifytest.Server {
	t.Helper()
	srv := shopifytest.New()
	t.Cleanup(srv.Close)
	data, err := os.ReadFile("shopify/testdata/orders_2025-04_CAD.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.PutJSON("orders", data); err != nil {
		t.Fatal(err)
	}
	return srv
}

// A store is added only when it answered, with its secret in the keychain
// and not in the shop; a second sync of a store while one runs is refused
// (the first goes on), a run cut off is closed as interrupted, and a store
// that fails does not stop the others.
func TestManagerAddSyncOneAtATime(t *testing.T) {
	ctx := context.Background()
	m, sec := newManager(t)
	srv := standin(t)
	if _, err := m.Add(ctx, domain.ConnectedStore{Name: "a", Kind: domain.StoreShopify, URL: srv.URL, Auth: domain.AuthToken}, "shpat_wrong"); domain.CodeOf(err) != domain.CodeAuthFailed {
		t.Fatalf("wrong token: %v", err)
	}
	if list, _ := m.DB.Stores(ctx); len(list) != 0 {
		t.Fatalf("a store that refused the token was added: %+v", list)
	}
	added, err := m.Add(ctx, domain.ConnectedStore{Name: "a", Kind: domain.StoreShopify, URL: srv.URL, Auth: domain.AuthToken}, srv.Token)
	if err != nil || added.Shop.Currency != "CAD" {
		t.Fatalf("add: %+v %v", added, err)
	}
	if v, _ := sec.Get(domain.StoreSecretKey(added.Store.ID)); v != srv.Token {
		t.Fatalf("the token is not in the keychain: %q", v)
	}
	// A second store whose server is gone.
	gone := shopifytest.New()
	b, err := m.Add(ctx, domain.ConnectedStore{Name: "b", Kind: domain.StoreShopify, URL: gone.URL, Auth: domain.AuthToken}, gone.Token)
	if err != nil {
		t.Fatal(err)
	}
	gone.Close()

	// Hold the first sync inside its first request.
	entered, release := make(chan struct{}), make(chan struct{})
	var once sync.Once
	srv.Fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
		once.Do(func() { close(entered); <-release })
		return false
	}
	done := make(chan []connector.Result)
	go func() {
		res, _ := m.Sync(ctx, []int64{added.Store.ID}, false, nil)
		done <- res
	}()
	<-entered
	if !m.Syncing(added.Store.ID) {
		t.Error("Syncing says no during a sync")
	}
	second, err := m.Sync(ctx, nil, false, nil)
	if err != nil || len(second) != 2 {
		t.Fatalf("second sync: %+v %v", second, err)
	}
	if second[0].ErrorCode != domain.CodeConflict || !strings.Contains(second[0].Error, "being synced already") {
		t.Errorf("a second sync of a store being synced: %+v", second[0])
	}
	if second[1].Store != "b" || second[1].Error == "" {
		t.Errorf("the unreachable store: %+v", second[1])
	}
	if _, err := m.Remove(ctx, added.Store.ID); domain.CodeOf(err) != domain.CodeConflict {
		t.Errorf("remove during a sync: %v", err)
	}
	close(release)
	first := <-done
	if len(first) != 1 || first[0].Error != "" || first[0].Counts.Created == 0 {
		t.Fatalf("first sync: %+v", first)
	}

	// A run left 'running' (the process died) is closed by the next one.
	if _, err := m.DB.StartRun(ctx, b.Store.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := m.DB.StartRun(ctx, b.Store.ID, false); err != nil {
		t.Fatal(err)
	}
	runs, _ := m.DB.Runs(ctx, b.Store.ID, 10)
	interrupted := 0
	for _, r := range runs {
		if r.Status == "failed" && strings.Contains(r.Message, "interrupted") {
			interrupted++
		}
	}
	if interrupted != 1 {
		t.Errorf("runs after a cut-off one: %+v", runs)
	}

	if _, err := m.Remove(ctx, added.Store.ID); err != nil {
		t.Fatal(err)
	}
	if v, _ := sec.Get(domain.StoreSecretKey(added.Store.ID)); v != "" {
		t.Error("the token stayed in the keychain after remove")
	}
}

// A cancelled sync says that what it read stays (a cancelled import says
// nothing was changed; a sync commits page by page).
func TestManagerSyncCancelled(t *testing.T) {
	m, _ := newManager(t)
	srv := standin(t)
	added, err := m.Add(context.Background(), domain.ConnectedStore{Name: "a", Kind: domain.StoreShopify, URL: srv.URL, Auth: domain.AuthToken}, srv.Token)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	srv.Fault = func(n int, w http.ResponseWriter, r *http.Request) bool {
		cancel()
		return false
	}
	_, err = m.Sync(ctx, []int64{added.Store.ID}, false, nil)
	if domain.CodeOf(err) != domain.CodeInvalid || !strings.Contains(err.Error(), "what was read before is kept") {
		t.Fatalf("cancelled sync: %v", err)
	}
	if runs, _ := m.DB.Runs(context.Background(), added.Store.ID, 1); len(runs) != 1 || runs[0].Status != "failed" || !strings.Contains(runs[0].Message, "cancelled") {
		t.Fatalf("history: %+v", runs)
	}
}
