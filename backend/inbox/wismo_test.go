package inbox

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
	"shopclerk/backend/store/shippingdb"
)

// question is a customer's message to the shop.
func question(from, id, subject, body string) []byte {
	return fmt.Appendf(nil, "From: %s\r\nTo: seller@shop.test\r\nSubject: %s\r\nDate: Mon, 2 Mar 2026 12:00:00 +0000\r\nMessage-ID: <%s@customer.test>\r\n"+
		"Content-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n", from, subject, id, body)
}

// TestWismoDraftsInTheCustomersLanguage: a question in German about an
// order of two parcels gets a German draft naming each parcel's status,
// carrier, number, link and the carrier's last word; an Italian customer
// whose order has not shipped gets the day it will (the handling time in
// working days); an English look-alike (the order confirmation) gets none.
func TestWismoDraftsInTheCustomersLanguage(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	if err := e.st.SetSetting(ctx, domain.SettingHandlingDays, "3"); err != nil {
		t.Fatal(err)
	}
	_, _, err := importdb.New(e.st.Store).WriteBatch(ctx, domain.BatchMeta{FileName: "t", Kind: "orders"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
		jana := domain.Customer{Source: domain.SourceManual, Email: "jana@kunde.test", FirstName: "Jana", Country: "DE"}
		if err := w.UpsertOrder(domain.Order{Source: domain.SourceManual, ExternalID: "2001", Name: "#2001", Email: jana.Email,
			Currency: "EUR", Total: 5900, FinancialStatus: domain.FinancialPaid, CreatedAt: t0.AddDate(0, 0, -6)}, &jana); err != nil {
			return err
		}
		oid, err := w.OrderID(domain.SourceManual, "2001")
		if err != nil {
			return err
		}
		for _, n := range []string{"00340434161234567890", "00340434161234567906"} {
			if err := w.UpsertShipment(domain.Shipment{OrderID: oid, Carrier: "DHL", TrackingNumber: n, TrackingURL: "https://www.dhl.de/track?id=" + n,
				Status: domain.ShipmentInTransit, ShippedAt: t0.AddDate(0, 0, -5), UpdatedAt: t0.AddDate(0, 0, -5)}); err != nil {
				return err
			}
		}
		// Giulia paid on Thursday 26 February; nothing shipped yet.
		giulia := domain.Customer{Source: domain.SourceManual, Email: "giulia@cliente.test", FirstName: "Giulia", Country: "IT"}
		paid := time.Date(2026, 2, 26, 9, 0, 0, 0, time.UTC)
		if err := w.UpsertOrder(domain.Order{Source: domain.SourceManual, ExternalID: "2002", Name: "#2002", Email: giulia.Email,
			Currency: "EUR", Total: 2500, FinancialStatus: domain.FinancialPaid, CreatedAt: paid, PaidAt: &paid}, &giulia); err != nil {
			return err
		}
		kate := domain.Customer{Source: domain.SourceManual, Email: "kate@customer.test", FirstName: "Kate", Country: "GB"}
		return w.UpsertOrder(domain.Order{Source: domain.SourceManual, ExternalID: "2003", Name: "#2003", Email: kate.Email,
			Currency: "GBP", Total: 1900, FinancialStatus: domain.FinancialPaid, CreatedAt: t0.AddDate(0, 0, -1)}, &kate)
	})
	if err != nil {
		t.Fatal(err)
	}
	ships := shippingdb.New(e.st.Store)
	page, err := ships.Shipments(ctx, domain.ShipmentFilter{Search: "00340434161234567906"})
	if err != nil || len(page.Rows) != 1 {
		t.Fatal(err, page)
	}
	if _, err := ships.ApplyEvents(ctx, page.Rows[0].ID, []domain.ShipmentEvent{{At: t0.Add(-3 * time.Hour), Status: domain.ShipmentOutForDelivery,
		Text: "Die Sendung wurde in das Zustellfahrzeug geladen", Source: "dhl"}}); err != nil {
		t.Fatal(err)
	}
	e.imap.Deliver(t, "INBOX", question("Jana <jana@kunde.test>", "q-de", "Bestellung 2001", "Hallo, wo bleibt meine Bestellung? Viele Grüße, Jana"))
	e.imap.Deliver(t, "INBOX", question("giulia@cliente.test", "q-it", "Ordine", "Ciao, non ho ancora ricevuto niente. Quando arriva il mio ordine? Grazie"))
	e.imap.Deliver(t, "INBOX", question("kate@customer.test", "q-en", "Order confirmation", "Hi, where is my order confirmation? I didn't get an email."))
	res, err := e.syncer.Sync(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.OrderQuestions != 2 || res.Drafts != 2 {
		t.Fatalf("%+v", res)
	}
	drafts, _ := e.st.ListMessages(ctx, domain.MsgDraft, 10, 0)
	by := map[string]domain.OutboxMessage{}
	for _, d := range drafts {
		by[d.ToAddr] = d
	}
	if len(drafts) != 2 {
		t.Fatalf("%d drafts: %+v", len(drafts), drafts)
	}
	de := by["jana@kunde.test"]
	for _, want := range []string{"Hallo Jana,", "Bestellung #2001", "Paket 1 von 2 ist unterwegs. Versand mit DHL. Sendungsnummer: 00340434161234567890.",
		"Paket 2 von 2 ist heute in der Zustellung.", "Letzte Meldung des Paketdienstes (02.03.2026): Die Sendung wurde in das Zustellfahrzeug geladen",
		"https://www.dhl.de/track?id=00340434161234567906"} {
		if !strings.Contains(de.Text, want) {
			t.Errorf("the German draft lacks %q:\n%s", want, de.Text)
		}
	}
	if de.Subject != "Re: Bestellung 2001" || de.Headers["In-Reply-To"] != "<q-de@customer.test>" || de.Headers["Content-Language"] != "de" {
		t.Errorf("German draft %q %v", de.Subject, de.Headers)
	}
	// Thursday + 3 working days is Tuesday 3 March.
	it := by["giulia@cliente.test"]
	for _, want := range []string{"Ciao Giulia,", "ordine #2002", "Non è ancora stato spedito", "partirà entro il 03/03/2026"} {
		if !strings.Contains(it.Text, want) {
			t.Errorf("the Italian draft lacks %q:\n%s", want, it.Text)
		}
	}
	var made []string
	for _, m := range res.Made {
		if m.Kind == MadeDraft {
			made = append(made, m.Detail)
		}
	}
	if len(made) != 2 || !strings.HasPrefix(made[0], "German: Paket 1 von 2 ist unterwegs") || !strings.HasPrefix(made[1], "Italian: Non è ancora stato spedito") {
		t.Errorf("made %q", made)
	}
}

func TestShipBy(t *testing.T) {
	thu := time.Date(2026, 2, 26, 18, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		placed, now time.Time
		days        int
		want        string
	}{
		{thu, thu, 2, "2026-03-02"},                                   // Friday, then Monday
		{thu, thu, 0, "2026-02-26"},                                   // same day
		{thu.AddDate(0, 0, 2), thu.AddDate(0, 0, 2), 1, "2026-03-02"}, // Saturday: Monday is the first working day
		{thu, thu.AddDate(0, 0, 12), 2, "2026-03-11"},                 // long past (today Tuesday 10): the next working day
	} {
		if got := ShipBy(c.placed, c.now, c.days, time.UTC).Format("2006-01-02"); got != c.want {
			t.Errorf("ShipBy(%s, %s, %d) = %s, want %s", c.placed, c.now, c.days, got, c.want)
		}
	}
}

// TestReplyTextEveryLanguage renders each language's draft for a parcel
// and for an order not shipped: every template has both, with no blank
// gaps and the numbers and link intact.
func TestReplyTextEveryLanguage(t *testing.T) {
	at := time.Date(2026, 3, 2, 9, 30, 0, 0, time.UTC)
	for _, lang := range Languages {
		txt, err := ReplyText(lang, ReplyData{Name: "Ann", Order: "#1001", Shop: "Bea's Shop", Parcels: []ReplyParcel{{N: 1, Of: 1,
			Status: domain.ShipmentFailedAttempt, Carrier: "GLS", Number: "12345678901", URL: "https://gls.example/12345678901", LastEvent: "Not at home"}}},
			[]time.Time{at}, time.Time{}, time.UTC)
		if err != nil {
			t.Fatal(lang, err)
		}
		for _, want := range []string{"Ann", "#1001", "GLS", "12345678901", "https://gls.example/12345678901", "Not at home", "Bea's Shop"} {
			if !strings.Contains(txt, want) {
				t.Errorf("%s lacks %q:\n%s", lang, want, txt)
			}
		}
		if strings.Contains(txt, "\n\n\n") || strings.Contains(txt, "<no value>") {
			t.Errorf("%s:\n%s", lang, txt)
		}
		txt, err = ReplyText(lang, ReplyData{Order: "#1002", Shop: "Bea's Shop"}, nil, at, time.UTC)
		if err != nil || !strings.Contains(txt, "2026") || strings.Contains(txt, " ,") {
			t.Errorf("%s not shipped: %v\n%s", lang, err, txt)
		}
	}
}
