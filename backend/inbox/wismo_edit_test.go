package inbox

import (
	"context"
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
)

// TestEditedGermanReplyIsUsedForGermanOnly: the seller rewrites the German
// opening and "in transit" sentence; a German question gets them, an
// English one about the same kind of parcel gets Shopclerk's text.
func TestEditedGermanReplyIsUsedForGermanOnly(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	_, _, err := importdb.New(e.st.Store).WriteBatch(ctx, domain.BatchMeta{FileName: "t", Kind: "orders"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		for _, c := range []struct{ ext, email, first, country, number string }{
			{"3001", "jana@kunde.test", "Jana", "DE", "00340434161234567890"},
			{"3002", "kate@customer.test", "Kate", "GB", "00340434161234567906"},
		} {
			cust := domain.Customer{Source: domain.SourceManual, Email: c.email, FirstName: c.first, Country: c.country}
			if err := w.UpsertOrder(domain.Order{Source: domain.SourceManual, ExternalID: c.ext, Name: "#" + c.ext, Email: c.email,
				Currency: "EUR", Total: 5900, FinancialStatus: domain.FinancialPaid, CreatedAt: t0.AddDate(0, 0, -6)}, &cust); err != nil {
				return err
			}
			oid, err := w.OrderID(domain.SourceManual, c.ext)
			if err != nil {
				return err
			}
			if err := w.UpsertShipment(domain.Shipment{OrderID: oid, Carrier: "DHL", TrackingNumber: c.number, TrackingURL: "https://www.dhl.de/track?id=" + c.number,
				Status: domain.ShipmentInTransit, ShippedAt: t0.AddDate(0, 0, -5), UpdatedAt: t0.AddDate(0, 0, -5)}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	r := NewReplies(e.st, e.syncer.clock)
	if _, err := r.Save(ctx, "de", map[string]string{
		"opening":    "Moin {{.Name}},\r\n\r\ndanke für deine Mail zu {{.Order}}.  ",
		"in_transit": "{{.Parcel}} ist schon auf dem Weg zu dir!",
	}); err != nil {
		t.Fatal(err)
	}
	e.imap.Deliver(t, "INBOX", question("Jana <jana@kunde.test>", "q-de", "Bestellung 3001", "Hallo, wo bleibt meine Bestellung? Viele Grüße, Jana"))
	e.imap.Deliver(t, "INBOX", question("kate@customer.test", "q-en", "Order 3002", "Hi, where is my order? It has been a week."))
	if res, err := e.syncer.Sync(ctx, nil); err != nil || res.Drafts != 2 {
		t.Fatalf("%+v %v", res, err)
	}
	drafts, _ := e.st.ListMessages(ctx, domain.MsgDraft, 10, 0)
	by := map[string]string{}
	for _, d := range drafts {
		by[d.ToAddr] = d.Text
	}
	de := by["jana@kunde.test"]
	for _, want := range []string{"Moin Jana,\n\ndanke für deine Mail zu #3001.\n\n",
		"Dein Paket ist schon auf dem Weg zu dir! Versand mit DHL. Sendungsnummer: 00340434161234567890.", "Viele Grüße"} {
		if !strings.Contains(de, want) {
			t.Errorf("the German draft lacks %q:\n%s", want, de)
		}
	}
	if strings.Contains(de, "Hallo Jana") || strings.Contains(de, "ist unterwegs") {
		t.Errorf("the German draft still has Shopclerk's text:\n%s", de)
	}
	en := by["kate@customer.test"]
	for _, want := range []string{"Hi Kate,\n\nthank you for asking about your order #3002.", "Your parcel is on its way. Carrier: DHL."} {
		if !strings.Contains(en, want) {
			t.Errorf("the English draft lacks Shopclerk's %q:\n%s", want, en)
		}
	}

	// Reset: the German reply is Shopclerk's again.
	got, err := r.Reset(ctx, "de")
	if err != nil || got.Edited {
		t.Fatalf("reset: %+v %v", got, err)
	}
	text, err := e.syncer.replyFor(ctx, mustOrder(t, e, "jana@kunde.test"), domain.ShopIdentity{Name: "Bea's Shop"}, "de")
	if err != nil || !strings.Contains(text, "Hallo Jana") || !strings.Contains(text, "Dein Paket ist unterwegs.") {
		t.Errorf("after reset: %v\n%s", err, text)
	}
}

func mustOrder(t *testing.T, e *env, email string) domain.OrderDetail {
	t.Helper()
	o, ok, err := e.st.LatestOrderByEmail(context.Background(), email)
	if err != nil || !ok {
		t.Fatal(email, ok, err)
	}
	return o
}

// TestReplySaveRefusesMistakesWhole: an unknown placeholder, a placeholder
// the part cannot have, a broken template, a template call, an empty part
// or an unknown part is refused with a message naming it, and nothing of
// the save is kept (the good part beside the bad one included).
func TestReplySaveRefusesMistakesWhole(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	r := NewReplies(e.st, e.syncer.clock)
	if _, err := r.Save(ctx, "de", map[string]string{"closing": "Bis bald\n{{.Shop}}"}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		texts map[string]string
		want  string
	}{
		{"unknown placeholder", map[string]string{"delivered": "{{.Parcel}} ist da, {{.Kunde}}."},
			"The German “Delivered” text uses {{.Kunde}}, which Shopclerk does not know there. It may use {{.Parcel}}"},
		{"placeholder of another part", map[string]string{"opening": "Hallo {{.Name}}, {{.ShipBy}}"},
			"The German “Opening (greeting and thanks)” text uses {{.ShipBy}}, which Shopclerk does not know there. It may use {{.Name}}, {{.Order}}, {{.Shop}}."},
		{"broken", map[string]string{"exception": "{{.Parcel}} hat ein Problem{{if .Carrier}}."},
			"The German “Delivery problem (exception)” text has a mistake: line 1: unexpected EOF"},
		{"template call", map[string]string{"returned": `{{template "x"}}`}, "uses {{template}}"},
		{"define", map[string]string{"returned": `{{define "x"}}y{{end}}{{.Parcel}}`}, "defines a template of its own"},
		{"empty", map[string]string{"not_shipped": "  \n"}, "The German “Not shipped yet (being prepared)” text is empty"},
		{"field on a string", map[string]string{"in_transit": "{{with .Carrier}}{{.Name}}{{end}}"}, "cannot be filled in"},
		{"unknown part", map[string]string{"signature": "x"}, `The reply has no part called "signature".`},
	} {
		t.Run(c.name, func(t *testing.T) {
			texts := map[string]string{"closing": "Tschüss\n{{.Shop}}"}
			for k, v := range c.texts {
				texts[k] = v
			}
			_, err := r.Save(ctx, "de", texts)
			if domain.CodeOf(err) != domain.CodeInvalid || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
			if _, err := r.Preview(ctx, "de", texts, "delivered"); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("preview: %v", err)
			}
			saved, _ := e.st.ReplyTemplateTexts(ctx, "de")
			if len(saved) != 1 || saved["closing"] != "Bis bald\n{{.Shop}}" {
				t.Errorf("saved after a refused save: %q", saved)
			}
		})
	}
	if _, err := r.Save(ctx, "xx", nil); err == nil || !strings.Contains(err.Error(), "English, German, French, Spanish, Italian, Dutch") {
		t.Errorf("unknown language: %v", err)
	}
}

// TestReplyTemplatesListAndPreview: a part saved as Shopclerk's own text is
// not stored; the list says which parts the seller changed; the preview
// shows a sample parcel for a status, or the "being prepared" paragraph.
func TestReplyTemplatesListAndPreview(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	r := NewReplies(e.st, e.syncer.clock)
	fr, err := r.Save(ctx, "fr", map[string]string{"opening": builtinTexts["fr"]["opening"] + "\r\n", "delivered": "{{.Parcel}} est arrivé chez vous !"})
	if err != nil {
		t.Fatal(err)
	}
	saved, _ := e.st.ReplyTemplateTexts(ctx, "fr")
	if len(saved) != 1 || !fr.Edited {
		t.Fatalf("saved %q, %+v", saved, fr)
	}
	all, err := r.Templates(ctx)
	if err != nil || len(all) != len(Languages) {
		t.Fatal(err, len(all))
	}
	for _, l := range all {
		for _, p := range l.Parts {
			if p.Edited != (l.Lang == "fr" && p.Key == "delivered") {
				t.Errorf("%s %s edited=%v", l.Lang, p.Key, p.Edited)
			}
		}
	}
	txt, err := r.Preview(ctx, "fr", map[string]string{"delivered": "{{.Parcel}} est arrivé chez vous !"}, "delivered")
	if err != nil || !strings.Contains(txt, "Votre colis est arrivé chez vous ! Transporteur : DHL.") || !strings.Contains(txt, "Bonjour Ann,") {
		t.Errorf("preview: %v\n%s", err, txt)
	}
	txt, err = r.Preview(ctx, "en", nil, "not_shipped")
	if err != nil || !strings.Contains(txt, "It has not shipped yet") || !strings.Contains(txt, "2026") {
		t.Errorf("preview not shipped: %v\n%s", err, txt)
	}
}
