package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"shopclerk/backend/importer"
	"shopclerk/backend/runner"
)

const trackingFiles = "../../backend/importer/testdata/tracking/"

// `shopclerk import` takes a label tool's export; `shopclerk shipments`
// lists what it made, filtered; `shopclerk track` without keys asks nobody
// and says how to add one.
func TestCLIShipments(t *testing.T) {
	db := filepath.Join(t.TempDir(), "shop.db")
	run := func(name string, args ...string) (string, int) {
		t.Helper()
		var out, errb bytes.Buffer
		code := RunCommand(context.Background(), name, append([]string{"--db", db, "--now", "2026-03-05T09:00:00Z"}, args...), &out, &errb)
		return out.String() + errb.String(), code
	}
	// An order export first, then the tracking file for its orders.
	if out, code := run("import", "--json", realOrders); code != 0 {
		t.Fatalf("orders: %s", out)
	}
	out, code := run("import", "--json", trackingFiles+"any_sheet.csv")
	var res importer.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	f := res.Files[0]
	if f.Preset != importer.PresetTracking || f.Kind != importer.KindShipments || f.Counts.Rejected != 1 {
		t.Fatalf("%+v", f)
	}
	out, code = run("shipments", "--json", "--unmatched")
	var list shipmentsOutput
	if err := json.Unmarshal([]byte(out), &list); err != nil || code != 0 {
		t.Fatalf("exit %d: %s", code, out)
	}
	// What matched an order of the export is listed with its carrier and
	// link; what did not waits, listed with its carrier too.
	if list.Total+len(list.Unmatched) != 3 {
		t.Fatalf("%d shipments and %d unmatched, want 3 numbers in all: %s", list.Total, len(list.Unmatched), out)
	}
	for _, u := range list.Unmatched {
		if u.Carrier == "" || u.TrackingURL == "" {
			t.Errorf("unmatched without carrier: %+v", u)
		}
	}
	if out, code = run("shipments", "--status", "label created"); code != 0 || !strings.Contains(out, "shipment") {
		t.Errorf("human list: exit %d\n%s", code, out)
	}
	if out, code = run("shipments", "--status", "lost"); code == 0 || !strings.Contains(out, "not a shipment status") {
		t.Errorf("bad status: exit %d\n%s", code, out)
	}
	out, code = run("track", "--json")
	var rep runner.TrackReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil || code != 0 || !rep.NoKeys {
		t.Errorf("track without keys: exit %d %s", code, out)
	}
	if out, _ = run("track"); !strings.Contains(out, "No carrier API key is set") {
		t.Errorf("%s", out)
	}
}
