package customers

import (
	"slices"
	"strings"
	"testing"
)

// The flows' "customer is in segment X" asks CustomerSegments: the
// seller's segments the customer meets now; a segment cannot itself be
// made of segments.
func TestCustomerSegmentsForFlows(t *testing.T) {
	f, ann := annShop(t)
	for _, d := range []SegmentDef{
		{Name: "Two orders or more", Condition: "customer.ordersCount >= 2"},
		{Name: "Germany", Condition: `customer.country == "DE"`},
		{Name: "Big spenders", Condition: "customer.totalSpent >= 1000000"},
	} {
		if _, _, err := f.svc.SaveSegment(f.ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	got, err := f.svc.CustomerSegments(f.ctx, ann)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	if strings.Join(got, "|") != "Germany|Two orders or more" {
		t.Fatalf("Ann is in %q", got)
	}
	if none, err := f.svc.CustomerSegments(f.ctx, 99999); err != nil || len(none) != 0 {
		t.Fatalf("no such customer: %v %v", none, err)
	}
	_, _, err = f.svc.SaveSegment(f.ctx, SegmentDef{Name: "VIP Germans", Condition: "customer.country == \"DE\" &&\n  \"VIP\" in customer.segments"})
	if err == nil || !strings.Contains(err.Error(), "cannot be made of your other segments") {
		t.Fatalf("segment of segments: %v", err)
	}
}
