package email

import "testing"

// benchShops are the shops the benchmarks render for: the name and email
// every email had before Settings > Shop, and a full identity's footer.
var benchShops = []struct {
	name string
	shop Shop
}{
	{"name_and_email", Shop{Name: "Ann's Pottery", Email: "shop@example.com"}},
	{"full_identity", Sample(nil).Shop},
}

// BenchmarkRender is one automation email through the built-in renderer and
// the layout, footer included: the work a plan does per planned email.
func BenchmarkRender(b *testing.B) {
	tp, _ := Fallback{}.Lookup("cart_reminder")
	for _, s := range benchShops {
		b.Run(s.name, func(b *testing.B) {
			data := Sample(nil)
			data.Shop = s.shop
			b.ReportAllocs()
			for b.Loop() {
				if _, err := (Fallback{}).Render(tp, data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkLayout is the layout alone around a rendered body.
func BenchmarkLayout(b *testing.B) {
	for _, s := range benchShops {
		b.Run(s.name, func(b *testing.B) {
			p := Page{Subject: "Your basket is about to expire", Shop: s.shop, Body: "<p>Hi Ann,</p><p>your basket is waiting.</p>"}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Layout(p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
