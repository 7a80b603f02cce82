package etsy_test

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"shopclerk/backend/connector"
	"shopclerk/backend/domain"
)

// The documented receipts become orders keyed by receipt id, with their
// transactions as lines, their buyer, their shipment; the listings'
// inventory becomes products and stock at "Etsy".
func TestSyncTheDocumentedShapes(t *testing.T) {
	r := newRig(t)
	res := r.mustSync(false)
	got := r.orders()
	if len(got) != 3 {
		t.Fatalf("%d orders, want 3", len(got))
	}
	d := got["3012345678"]
	o := d.Order
	// 48.50 items - 4.85 coupon + 6.00 shipping + 3.50 tax = 53.15.
	if o.Source != domain.SourceEtsy || o.Name != "3012345678" || o.Subtotal != 4850 || o.Discount != 485 || o.Shipping != 600 ||
		o.Taxes != 350 || o.Total != 5315 || o.Currency != "USD" || o.FinancialStatus != domain.FinancialPaid || o.FulfillmentStatus != domain.FulfillmentFulfilled {
		t.Errorf("3012345678 = %+v", o)
	}
	if len(o.Lines) != 2 || o.Lines[0].SKU != "MUG-BLUE" || o.Lines[0].Quantity != 2 || o.Lines[0].Price != 1800 || o.Lines[1].SKU != domain.EtsyKey("9100000003") {
		t.Errorf("lines %+v", o.Lines)
	}
	// No buyer_email (Etsy shares it with approved apps only): the buyer
	// is known by the Etsy user id, as the Sold Orders export keys them.
	if d.Customer == nil || d.Customer.ExternalID != "555001" || d.Customer.Email != "" || d.Customer.FirstName != "Jordan" {
		t.Errorf("buyer %+v", d.Customer)
	}
	if len(d.Shipments) != 1 || d.Shipments[0].TrackingNumber != "9400111899223197428490" {
		t.Errorf("shipments %+v", d.Shipments)
	}
	if c := got["3012345679"].Customer; c == nil || c.Email != "ana@example.com" {
		t.Errorf("buyer with an email: %+v", c)
	}
	if o := got["3012345680"].Order; o.FinancialStatus != domain.FinancialVoided || o.CancelledAt == nil {
		t.Errorf("canceled receipt: %+v", o)
	}
	for sku, want := range map[string]int{"MUG-BLUE": 7, "MUG-RED": 3, domain.EtsyKey("9100000003"): 12, "BOWL-1": 0} {
		if n := r.stock(sku); n != want {
			t.Errorf("stock of %s = %d, want %d", sku, n, want)
		}
	}
	if res.Counts.Created == 0 {
		t.Errorf("counts %+v", res.Counts)
	}
	// Again: nothing changed, nothing written.
	res = r.mustSync(false)
	if res.Counts.Created+res.Counts.Updated != 0 {
		t.Errorf("second sync %+v", res.Counts)
	}
}

// An incremental sync asks for the receipts changed since the mark less
// the overlap (min_last_modified), sorted by update, and finds a change.
func TestIncrementalAsksSinceTheMark(t *testing.T) {
	r := newRig(t)
	r.mustSync(false)
	var asked []string
	r.srv.Fault = func(n int, w http.ResponseWriter, req *http.Request) bool {
		if strings.HasSuffix(req.URL.Path, "/receipts") {
			asked = append(asked, req.URL.RawQuery)
		}
		return false
	}
	rec := receipts(t)[1]
	rec["status"], rec["is_shipped"] = "Completed", true
	rec["update_timestamp"] = float64(1772300000)
	r.srv.Put("receipts", rec)
	res := r.mustSync(false)
	if len(asked) != 1 || !strings.Contains(asked[0], "min_last_modified=") || !strings.Contains(asked[0], "sort_on=updated") {
		t.Fatalf("asked %q", asked)
	}
	q := asked[0][strings.Index(asked[0], "min_last_modified=")+len("min_last_modified="):]
	since, _ := strconv.ParseInt(strings.SplitN(q, "&", 2)[0], 10, 64)
	// The mark is the newest update seen (02-14 + 1 h), less the overlap.
	if since <= 0 || since > 1771063200+3600 {
		t.Errorf("min_last_modified %d, want at most the mark %d", since, 1771063200+3600)
	}
	if o := r.orders()["3012345679"].Order; o.FulfillmentStatus != domain.FulfillmentFulfilled {
		t.Errorf("the change did not arrive: %+v (%+v)", o, res.Counts)
	}
}

func TestManyPages(t *testing.T) {
	r := newRig(t)
	r.cfg.PageSize = 1
	res := r.mustSync(false)
	if len(r.orders()) != 3 {
		t.Fatal("orders missing")
	}
	for _, rr := range res.Resources {
		if rr.Resource == connector.ResourceOrders && rr.Pages != 3 {
			t.Errorf("receipts in %d pages, want 3 of 1", rr.Pages)
		}
	}
	if r.stock("BOWL-1") != 0 || r.stock("MUG-RED") != 3 {
		t.Error("listings of a later state or page missing")
	}
}

func TestCheckSaysWhatTheSignInLacks(t *testing.T) {
	r := newRig(t)
	info, err := r.client().Check(context.Background())
	if err != nil || info.Name != "StandInCrafts" || info.Currency != "USD" || len(info.Missing) != 0 || len(info.Notes) != 0 {
		t.Fatalf("check %+v, %v", info, err)
	}
	r.srv.Scopes = []string{"shops_r", "transactions_r"}
	info, err = r.client().Check(context.Background())
	if err != nil || len(info.Missing) != 1 || !strings.Contains(info.Missing[0], "listings_r") || len(info.Notes) != 1 || !strings.Contains(info.Notes[0], "email") {
		t.Fatalf("check without listings_r and email_r: %+v, %v", info, err)
	}
	if _, err := r.sync(false); domain.CodeOf(err) != domain.CodeAuthFailed || !strings.Contains(err.Error(), "listings_r") {
		t.Errorf("sync without listings_r: %v", err)
	}
}
