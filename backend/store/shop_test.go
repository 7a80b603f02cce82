package store

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"path/filepath"
	"strings"
	"testing"

	"shopclerk/backend/domain"
)

// The identity is saved whole or not at all, read back as saved, and kept
// in the keys the rest of Shopclerk already reads (name, zone, currency).
func TestSetShop(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "shop.db"), Options{})
	if got, err := s.Shop(ctx); err != nil || got != (domain.ShopIdentity{}) {
		t.Fatalf("a new shop has no identity, not a made-up one: %+v %v", got, err)
	}
	want := domain.ShopIdentity{Name: "Clay & Co", LegalName: "Clay & Co GmbH", Address: "Hauptstr. 1\n10115 Berlin", Email: "hello@clay.test",
		Phone: "+49 30 123456", Website: "https://clay.test", Currency: "EUR", TimeZone: "Europe/Berlin", Language: "de", VATNumber: "DE123456789"}
	got, err := s.SetShop(ctx, want)
	if err != nil || got != want {
		t.Fatalf("saved %+v %v", got, err)
	}
	if loc := s.Location(ctx); loc.String() != "Europe/Berlin" {
		t.Errorf("Location reads the saved zone: %s", loc)
	}
	if name, _ := s.Setting(ctx, domain.SettingShopName, ""); name != "Clay & Co" {
		t.Errorf("shop.name = %q", name)
	}
	// One bad field: nothing of the new version is written.
	bad := want
	bad.Name, bad.Currency = "Other", "EURO"
	if _, err := s.SetShop(ctx, bad); err == nil || domain.CodeOf(err) != domain.CodeInvalid || !strings.Contains(err.Error(), "ISO 4217") {
		t.Fatalf("bad currency: %v", err)
	}
	if got, _ := s.Shop(ctx); got != want {
		t.Fatalf("a refused save changed the shop: %+v", got)
	}
	// A field emptied is removed.
	want.Phone = ""
	if got, err := s.SetShop(ctx, want); err != nil || got.Phone != "" {
		t.Fatalf("emptied phone: %+v %v", got, err)
	}
	if v, _ := s.Setting(ctx, domain.SettingShopPhone, "none"); v != "none" {
		t.Fatalf("shop.phone left as %q", v)
	}
}

// The logo lives in the database: checked, stored, read back, removed.
func TestShopLogo(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "shop.db"), Options{})
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 60, 20)))
	if _, err := s.SetShopLogo(ctx, []byte("not an image")); err == nil || !strings.Contains(err.Error(), "PNG, JPEG or SVG") {
		t.Fatalf("a text file as logo: %v", err)
	}
	if _, err := s.SetShopLogo(ctx, b.Bytes()); err != nil {
		t.Fatal(err)
	}
	l, err := s.ShopLogo(ctx)
	if err != nil || l.Type != "image/png" || !bytes.Equal(l.Data, b.Bytes()) {
		t.Fatalf("logo read back: %s %d bytes %v", l.Type, len(l.Data), err)
	}
	if id, _ := s.Shop(ctx); id.Logo != "image/png" {
		t.Fatalf("identity names the logo's type: %+v", id)
	}
	if _, err := s.SetShopLogo(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if l, _ := s.ShopLogo(ctx); l.Data != nil {
		t.Fatal("logo not removed")
	}
}

// With no orders, the dashboard's amounts are in the shop's own currency,
// not a guess.
func TestDashboardCurrencyIsTheShops(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "shop.db"), Options{})
	if d, err := s.Dashboard(ctx); err != nil || d.Currency != "" {
		t.Fatalf("no orders, no currency: %q %v", d.Currency, err)
	}
	if _, err := s.SetShop(ctx, domain.ShopIdentity{Name: "Clay", Currency: "CHF", TimeZone: "Europe/Zurich"}); err != nil {
		t.Fatal(err)
	}
	if d, err := s.Dashboard(ctx); err != nil || d.Currency != "CHF" {
		t.Fatalf("got %q %v, want CHF", d.Currency, err)
	}
}

// The currency of amounts that name none: the shop's, else its orders',
// else unknown (never USD by default).
func TestStoreCurrency(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "shop.db"), Options{})
	if cur, err := s.Currency(ctx); err != nil || cur != "" {
		t.Fatalf("a new shop: %q %v", cur, err)
	}
	if _, err := s.db.Exec(`INSERT INTO orders (source, external_id, name, email, currency, total, created_at, updated_at) VALUES ('manual', '1', '#1', 'a@b.c', 'GBP', 100, 1, 1)`); err != nil {
		t.Fatal(err)
	}
	if cur, _ := s.Currency(ctx); cur != "GBP" {
		t.Fatalf("from its orders: %q", cur)
	}
	if _, err := s.SetShop(ctx, domain.ShopIdentity{Name: "Clay", Currency: "CHF", TimeZone: "UTC"}); err != nil {
		t.Fatal(err)
	}
	if cur, _ := s.Currency(ctx); cur != "CHF" {
		t.Fatalf("the shop's own: %q", cur)
	}
}
