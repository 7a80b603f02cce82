package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"shopclerk/app/cli"
	"shopclerk/backend/connector"
	"shopclerk/backend/connector/shopify/shopifytest"
	"shopclerk/backend/domain"
	"shopclerk/backend/service"
)

// Settings > Stores through the bound service: add (tested first), list,
// sync as a job whose result and history say what came in, and a headless
// `shopclerk sync` of the same shop refused while the window has it open.
func TestStoreServiceSyncJob(t *testing.T) {
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent") // the file fallback, not the desktop's keychain
	path := filepath.Join(t.TempDir(), "shop.db")
	a := newTestApp(t, path)
	done := make(chan JobEvent, 4)
	a.jobs = newJobs(a.root, func(name string, data any) {
		if name == "job:done" {
			done <- data.(JobEvent)
		}
	}, a.FormatError, a.cfg.Log)
	srv := shopifytest.New()
	defer srv.Close()
	fixture, err := os.ReadFile("../backend/connector/shopify/testdata/orders_2025-04_CAD.json")
	if err != nil {
		t.Fatal(err)
	}
	srv.PutJSON("orders", fixture)

	if _, err := a.Stores.Add(service.NewStoreInput{Kind: domain.StoreShopify, URL: srv.URL, Auth: domain.AuthToken, Secret: "shpat_nope"}); domain.CodeOf(err) != domain.CodeAuthFailed {
		t.Fatalf("a refused token: %v", err)
	}
	if _, err := a.Stores.Add(service.NewStoreInput{Kind: domain.StoreShopify, URL: srv.URL, Auth: domain.AuthClientCredentials, Secret: "x"}); domain.CodeOf(err) != domain.CodeInvalid {
		t.Fatalf("client credentials without a client ID: %v", err)
	}
	added, err := a.Stores.Add(service.NewStoreInput{Kind: domain.StoreShopify, URL: srv.URL, Name: "Maple", Auth: domain.AuthToken, Secret: srv.Token})
	if err != nil || added.Store.Name != "Maple" || added.Shop.Name != "Stand-in Store" {
		t.Fatalf("add: %+v %v", added, err)
	}
	page, err := a.Stores.List()
	list := page.Stores
	if err != nil || len(list) != 1 || list[0].LastRun != nil || list[0].LastSync != nil || page.Now.IsZero() {
		t.Fatalf("list before a sync: %+v %v", page, err)
	}

	id, err := a.Stores.Sync(nil, false)
	if err != nil {
		t.Fatal(err)
	}
	ev := <-done
	res, ok := ev.Result.([]connector.Result)
	if ev.ID != id || ev.Error != "" || !ok || len(res) != 1 || res[0].Counts.Created < 20 {
		t.Fatalf("sync job: %+v", ev)
	}
	page, _ = a.Stores.List()
	list = page.Stores
	if list[0].LastSync == nil || list[0].LastRun == nil || list[0].LastRun.Status != "done" || list[0].LastRun.Counts.Created != res[0].Counts.Created {
		t.Fatalf("list after a sync: %+v", list[0])
	}
	if runs, err := a.Stores.History(0, 10); err != nil || len(runs) != 1 || runs[0].StoreName != "Maple" {
		t.Fatalf("history: %+v %v", runs, err)
	}

	// The window holds the shop: a scheduled `shopclerk sync` must wait.
	var out bytes.Buffer
	if code := cli.RunCommand(context.Background(), "sync", []string{"--db", path}, &out, &out); code == 0 || !strings.Contains(out.String(), "already open") {
		t.Fatalf("a headless sync beside the window: exit %d\n%s", code, out.String())
	}

	if err := a.Stores.SetSchedule("*/5 * * * *"); err != nil {
		t.Fatal(err)
	}
	if spec, _ := a.Stores.Schedule(); spec != "*/5 * * * *" {
		t.Errorf("schedule %q", spec)
	}
	if err := a.Stores.Remove(added.Store.ID); err != nil {
		t.Fatal(err)
	}
	if page, _ := a.Stores.List(); len(page.Stores) != 0 {
		t.Fatalf("after remove: %+v", list)
	}
}
