package shippingdb

import (
	"context"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/storetest"
)

func TestHandlingDays(t *testing.T) {
	ctx := context.Background()
	db := New(storetest.Open(t))
	if n, err := db.HandlingDays(ctx); err != nil || n != domain.DefaultHandlingDays {
		t.Fatalf("never set: %d %v", n, err)
	}
	if err := db.SetHandlingDays(ctx, 4); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.HandlingDays(ctx); n != 4 {
		t.Fatalf("set 4, read %d", n)
	}
	for _, bad := range []int{-1, MaxHandlingDays + 1} {
		if err := db.SetHandlingDays(ctx, bad); domain.CodeOf(err) != domain.CodeInvalid {
			t.Errorf("%d: %v", bad, err)
		}
	}
	if n, _ := db.HandlingDays(ctx); n != 4 {
		t.Fatalf("a refused value changed it to %d", n)
	}
}
