package customers

import (
	"slices"
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/storetest"
)

func TestPage(t *testing.T) {
	f, ann := annShop(t)
	p, err := f.svc.Page(f.ctx, ann)
	if err != nil {
		t.Fatal(err)
	}
	l := p.Lifetime
	// The cancelled order counts in neither orders nor spend.
	if l.Orders != 2 || l.Spent.Amount != 12000 || l.AverageOrder != 6000 || l.OpenOrders != 1 || l.Carts != 1 ||
		l.Coupons != 1 || l.EmailsSent != 1 || l.EmailsIn != 1 {
		t.Errorf("lifetime %+v", l)
	}
	if len(p.Addresses) != 1 || !p.Addresses[0].Billing || !p.Addresses[0].Shipping || p.Addresses[0].Orders != 6 {
		t.Errorf("addresses %+v", p.Addresses)
	}
	email := p.Consent[0]
	if email.Channel != ChannelEmail || email.Status != ConsentGiven || email.At == nil || !strings.Contains(email.Source, "Shopify") {
		t.Errorf("email consent %+v", email)
	}
	if sms := p.Consent[1]; sms.Channel != ChannelSMS || sms.Status != ConsentUnknown {
		t.Errorf("sms consent %+v", sms)
	}
	want := []Tag{{Name: "vip", Automation: true, Rule: "VIP tagger"}, {Name: "newsletter"}}
	if len(p.Tags) != 2 || p.Tags[0].Name != want[0].Name || !p.Tags[0].Automation || p.Tags[0].Rule != "VIP tagger" ||
		p.Tags[1].Automation {
		t.Errorf("tags %+v", p.Tags)
	}
	var kinds []TimelineKind
	for _, it := range p.Timeline.Items {
		kinds = append(kinds, it.Kind)
	}
	// The shop was never scored: the page scored it first, and the customer's
	// segment heads the timeline.
	wantKinds := []TimelineKind{KindSegment, KindEmailReceived, KindEmailSent, KindOrder, KindCart, KindCouponIssued, KindAutomationTag,
		KindOrderCancelled, KindOrder, KindOrder, KindCreated}
	if !slices.Equal(kinds, wantKinds) {
		t.Errorf("timeline kinds\n got %v\nwant %v", kinds, wantKinds)
	}
	if p.Timeline.Next != "" {
		t.Errorf("a short timeline has no next page: %q", p.Timeline.Next)
	}
	if p.RFM == nil || p.Timeline.Items[0].Title != p.RFM.Label {
		t.Errorf("scores %+v, first item %+v", p.RFM, p.Timeline.Items[0])
	}
	if it := p.Timeline.Items[3]; it.Title != "#1003" || it.Detail != "paid, unfulfilled" || it.Amount.Amount != 7000 {
		t.Errorf("order item %+v", it)
	}
}

func TestTagsAndNotes(t *testing.T) {
	f, ann := annShop(t)
	tags, err := f.svc.SetTag(f.ctx, ann, " wholesale ", true)
	if err != nil || len(tags) != 3 || tags[2].Name != "wholesale" || tags[2].Automation {
		t.Fatalf("add: %+v %v", tags, err)
	}
	// Removing the automation's tag is the seller's right too.
	if tags, err = f.svc.SetTag(f.ctx, ann, "VIP", false); err != nil || len(tags) != 2 {
		t.Fatalf("remove: %+v %v", tags, err)
	}
	// Adding it back makes it the seller's tag.
	if tags, err = f.svc.SetTag(f.ctx, ann, "vip", true); err != nil || tags[2].Automation {
		t.Fatalf("re-add: %+v %v", tags, err)
	}
	for _, bad := range []string{"", "a,b", strings.Repeat("x", 101)} {
		if _, err := f.svc.SetTag(f.ctx, ann, bad, true); domain.CodeOf(err) != domain.CodeInvalid {
			t.Errorf("tag %q: %v", bad, err)
		}
	}
	if _, err := f.svc.SetTag(f.ctx, 999, "x", true); domain.CodeOf(err) != domain.CodeNotFound {
		t.Errorf("unknown customer: %v", err)
	}
	// Tags moved updated_at: the automations see the change.
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM customers WHERE id = ? AND updated_at = ?`, ann, testNow.Unix()); n != 1 {
		t.Error("a tag edit did not move updated_at")
	}
	note, err := f.svc.AddNote(f.ctx, ann, "  Prefers DHL.  ")
	if err != nil || note.Body != "Prefers DHL." {
		t.Fatalf("note: %+v %v", note, err)
	}
	if _, err := f.svc.AddNote(f.ctx, ann, "  "); domain.CodeOf(err) != domain.CodeInvalid {
		t.Errorf("empty note: %v", err)
	}
	p, err := f.svc.Page(f.ctx, ann)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Notes) != 1 {
		t.Errorf("notes %+v", p.Notes)
	}
	var seen []string
	for _, it := range p.Timeline.Items {
		if it.Kind == KindTag || it.Kind == KindNote {
			seen = append(seen, string(it.Kind)+":"+it.Title+":"+it.Detail)
		}
	}
	if want := []string{"note:Prefers DHL.:", "tag:vip:added", "tag:VIP:removed", "tag:wholesale:added"}; !slices.Equal(seen, want) {
		t.Errorf("timeline tags and notes %v, want %v", seen, want)
	}
	if err := f.svc.DeleteNote(f.ctx, ann, note.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.DeleteNote(f.ctx, ann, note.ID); domain.CodeOf(err) != domain.CodeNotFound {
		t.Errorf("second delete: %v", err)
	}
}

// A customer with 10,000 orders: the timeline pages, each page ordered and
// none lost or repeated across pages.
func TestTimelinePagesTenThousandOrders(t *testing.T) {
	f := newFixture(t)
	const n = 10000
	f.write(func(w *importdb.Writer) error {
		recs := make([]importdb.OrderRecord, n)
		for i := range recs {
			o := order("#"+itoa(int64(10000+i)), "big@example.com", 1000, i/20, false)
			recs[i] = importdb.OrderRecord{Order: o, Customer: customer("big@example.com", "Big")}
		}
		return w.UpsertOrders(recs)
	})
	id := f.id("big@example.com")
	p, err := f.svc.Page(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Timeline.Items) != defaultPageSize || p.Timeline.Next == "" || p.Lifetime.Orders != n {
		t.Fatalf("first page: %d items, next %q, %d orders", len(p.Timeline.Items), p.Timeline.Next, p.Lifetime.Orders)
	}
	seen := map[int64]bool{}
	var last TimelineItem
	page, pages := p.Timeline, 0
	for {
		for _, it := range page.Items {
			if it.Kind == KindOrder {
				if seen[it.Ref] {
					t.Fatalf("order %d twice", it.Ref)
				}
				seen[it.Ref] = true
			}
			if pages > 0 || len(seen) > 1 {
				if it.At.After(last.At) {
					t.Fatalf("out of order: %v after %v", it.At, last.At)
				}
			}
			last = it
		}
		pages++
		if page.Next == "" {
			break
		}
		if page, err = f.svc.Timeline(f.ctx, id, page.Next, maxPageSize); err != nil {
			t.Fatal(err)
		}
	}
	if len(seen) != n || last.Kind != KindCreated {
		t.Errorf("%d orders over %d pages, last %v", len(seen), pages, last.Kind)
	}
	if _, err := f.svc.Timeline(f.ctx, id, "not-a-cursor", 10); domain.CodeOf(err) != domain.CodeInvalid {
		t.Errorf("bad cursor: %v", err)
	}
}
