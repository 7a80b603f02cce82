package email

import "testing"

// BenchmarkRender is one automation email through the built-in renderer and
// the layout, footer included: the work a plan does per planned email.
func BenchmarkRender(b *testing.B) {
	tp, _ := Fallback{}.Lookup("cart_reminder")
	data := Sample(nil)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (Fallback{}).Render(tp, data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLayout is the layout alone around a rendered body.
func BenchmarkLayout(b *testing.B) {
	p := Page{Subject: "Your basket is about to expire", Shop: Sample(nil).Shop, Body: "<p>Hi Ann,</p><p>your basket is waiting.</p>"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Layout(p); err != nil {
			b.Fatal(err)
		}
	}
}
