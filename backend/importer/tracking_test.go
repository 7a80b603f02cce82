package importer

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/shippingdb"
	"shopclerk/backend/store/storetest"
)

const trackingDir = "testdata/tracking"

// trackingShop is a shop with orders #1001 to #1004.
func trackingShop(t *testing.T) (*importdb.DB, *shippingdb.DB) {
	t.Helper()
	now := time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC)
	st := storetest.Open(t, storetest.At(now))
	db := importdb.New(st)
	addOrders(t, db, now, "#1001", "#1002", "#1003", "#1004")
	return db, shippingdb.New(st)
}

func addOrders(t *testing.T, db *importdb.DB, now time.Time, names ...string) {
	t.Helper()
	_, _, err := db.WriteBatch(context.Background(), domain.BatchMeta{FileName: "orders", Kind: "orders"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		for i, n := range names {
			if err := w.UpsertOrder(storetest.Order(n, 1000, "buyer"+strings.TrimPrefix(n, "#")+"@example.com", now.Add(-time.Duration(i)*time.Hour)), nil); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func trackingFile(t *testing.T, name string) FileSpec {
	t.Helper()
	return FileSpec{Path: filepath.Join(trackingDir, name)}
}

// byNumber lists the shop's shipments by tracking number.
func byNumber(t *testing.T, sh *shippingdb.DB) map[string][]domain.ShipmentRow {
	t.Helper()
	page, err := sh.Shipments(context.Background(), domain.ShipmentFilter{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]domain.ShipmentRow{}
	for _, r := range page.Rows {
		out[r.TrackingNumber] = append(out[r.TrackingNumber], r)
	}
	return out
}

// Each label tool's export is recognised by its header and gives every
// number its carrier and link; a number several carriers write takes the
// file's carrier column.
func TestTrackingFilesRecognised(t *testing.T) {
	for _, c := range []struct {
		file   string
		preset PresetName
		want   map[string]string // number -> carrier name ("" unknown)
	}{
		{"shipstation_shipments.csv", PresetShipStation, map[string]string{"1Z999AA10123456784": "UPS", "9400111899223851071816": "USPS",
			"786123456789": "FedEx", "1234567891": "DHL Express"}},
		{"pirateship_export.csv", PresetPirateShip, map[string]string{"92055901649173127513": "USPS", "1Z999AA10123456784": "UPS"}},
		{"sendcloud_parcels.csv", PresetSendcloud, map[string]string{"00340433836442636597": "DHL Paket", "09133131530724": "Hermes",
			"01015026003653C": "DPD", "12345678901": "GLS"}},
		{"clickdrop_orders.csv", PresetClickDrop, map[string]string{"LX473124829GB": "Royal Mail", "PB1234567": "Parcelforce", "1234567890123456": "Evri"}},
		{"etsy_shipping_labels.csv", PresetEtsyLabels, map[string]string{"RN876543216CA": "Canada Post", "LZ123456785AU": "Australia Post",
			"9400111899223851071816": "USPS", "92055901649173127513": "USPS"}},
		{"ebay_shipping_labels.csv", PresetEbayLabels, map[string]string{"9400111899223851071816": "USPS", "LX473124829GB": "Royal Mail"}},
		{"any_sheet.csv", PresetTracking, map[string]string{"RR123456785US": "USPS", "6A12345678901": "La Poste / Colissimo", "EE123456785NZ": "NZ Post"}},
	} {
		t.Run(c.file, func(t *testing.T) {
			db, sh := trackingShop(t)
			fr := importOne(t, db, trackingFile(t, c.file))
			if fr.Error != "" || fr.Preset != c.preset || fr.Kind != KindShipments {
				t.Fatalf("preset %q kind %q error %q, want %q", fr.Preset, fr.Kind, fr.Error, c.preset)
			}
			got := byNumber(t, sh)
			for n, carrier := range c.want {
				rows := got[n]
				if len(rows) == 0 {
					t.Errorf("%s: no shipment (rejected %+v)", n, fr.Rejected)
					continue
				}
				if rows[0].Carrier != carrier || (carrier != "" && !strings.HasPrefix(rows[0].TrackingURL, "https://")) {
					t.Errorf("%s: carrier %q link %q, want %q", n, rows[0].Carrier, rows[0].TrackingURL, carrier)
				}
				if rows[0].Status != domain.ShipmentLabelCreated {
					t.Errorf("%s: status %q", n, rows[0].Status)
				}
			}
			// Importing the same file again changes nothing.
			again := importOne(t, db, trackingFile(t, c.file))
			if again.Counts.Created != 0 || again.Counts.Updated != 0 || again.Counts.Unchanged != fr.Counts.Created+fr.Counts.Updated+fr.Counts.Unchanged {
				t.Errorf("re-import %+v after %+v", again.Counts, fr.Counts)
			}
		})
	}
}

// The bad input of issue 12: an order not in the shop (kept, listed,
// matched when the order arrives), two numbers for one order (both kept),
// the same number on two orders (warned), a row without a number (refused).
func TestTrackingBadInput(t *testing.T) {
	ctx := context.Background()
	db, sh := trackingShop(t)
	importOne(t, db, trackingFile(t, "shipstation_shipments.csv"))
	fr := importOne(t, db, trackingFile(t, "pirateship_export.csv"))
	if !hasIssue(fr.Warnings, "also on order #1001") {
		t.Errorf("the same number on two orders was not warned: %+v", fr.Warnings)
	}
	if !hasIssue(fr.Warnings, "no order #9999 is in the shop yet") {
		t.Errorf("the unmatched order was not reported: %+v", fr.Warnings)
	}
	un, err := sh.Unmatched(ctx)
	if err != nil || len(un) != 1 || un[0].OrderRef != "9999" || un[0].TrackingNumber != "9400111899223851071816" || un[0].Carrier != "USPS" {
		t.Fatalf("unmatched %+v %v", un, err)
	}
	if rows := byNumber(t, sh)["1Z999AA10123456784"]; len(rows) != 2 {
		t.Errorf("the number on two orders: %d shipments, want both kept", len(rows))
	}
	// The order arrives: its tracking number joins it.
	addOrders(t, db, time.Date(2026, 3, 5, 9, 0, 0, 0, time.UTC), "#9999")
	if un, _ := sh.Unmatched(ctx); len(un) != 0 {
		t.Errorf("still unmatched after the order arrived: %+v", un)
	}
	rows := byNumber(t, sh)["9400111899223851071816"]
	found := false
	for _, r := range rows {
		found = found || r.OrderName == "#9999"
	}
	if !found {
		t.Errorf("order #9999 did not get its number: %+v", rows)
	}

	// Two numbers in one cell: a split shipment, both kept.
	importOne(t, db, trackingFile(t, "etsy_shipping_labels.csv"))
	page, err := sh.Shipments(ctx, domain.ShipmentFilter{Search: "1003"})
	if err != nil || page.Total != 3 { // 786123456789 (ShipStation) + the two USPS numbers
		t.Errorf("order 1003: %d shipments %v, want 3", page.Total, err)
	}

	// A row without a number is refused, the others kept.
	fr = importOne(t, db, trackingFile(t, "any_sheet.csv"))
	if fr.Counts.Rejected != 1 || !hasIssue(fr.Rejected, "has no tracking number") || fr.Counts.Created != 3 {
		t.Errorf("any sheet: %+v rejected %+v", fr.Counts, fr.Rejected)
	}
}

// An ambiguous number without a carrier column gets no carrier and no
// link, and the seller is told why.
func TestTrackingAmbiguousWithoutCarrier(t *testing.T) {
	db, sh := trackingShop(t)
	fr := importOne(t, db, FileSpec{Name: "mine.csv", Data: []byte("Order Number,Tracking Number\n1001,786123456789\n1002,1Z999AA10123456785\n")})
	if fr.Error != "" || fr.Preset != PresetTracking {
		t.Fatalf("%+v", fr)
	}
	got := byNumber(t, sh)
	for _, n := range []string{"786123456789", "1Z999AA10123456785"} {
		if r := got[n]; len(r) != 1 || r[0].Carrier != "" || r[0].TrackingURL != "" {
			t.Errorf("%s: %+v, want kept without carrier or link", n, r)
		}
	}
	if !hasIssue(fr.Warnings, "several carriers write numbers like this") || !hasIssue(fr.Warnings, "wrong check digit") {
		t.Errorf("warnings %+v", fr.Warnings)
	}
}

func hasIssue(list []Issue, part string) bool {
	for _, is := range list {
		if strings.Contains(is.Reason, part) {
			return true
		}
	}
	return false
}

// The README of the test files names every file in the folder.
func TestTrackingFilesHaveProvenance(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(trackingDir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(trackingDir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".csv") && !strings.Contains(string(readme), e.Name()) {
			t.Errorf("%s is not in the README", e.Name())
		}
	}
}

// The American label tools write slashed dates month first: ShipStation's
// 03/02/2026 is the 2nd of March, not the 3rd of February.
func TestTrackingUSDates(t *testing.T) {
	db, sh := trackingShop(t)
	importOne(t, db, trackingFile(t, "shipstation_shipments.csv"))
	r := byNumber(t, sh)["1Z999AA10123456784"]
	if len(r) != 1 || !r[0].ShippedAt.Equal(time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("%+v", r)
	}
}
