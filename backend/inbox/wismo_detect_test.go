package inbox

import "testing"

// TestDetectWismo: real-looking messages in each language, the questions
// and the look-alikes that are not (an order confirmation, an invoice, a
// refund), and the language each is written in.
func TestDetectWismo(t *testing.T) {
	cases := []struct {
		name, subject, text string
		asks                bool
		lang                string
	}{
		// English
		{"en subject", "Where is my order??", "Hi, I ordered last week and it still hasn't arrived.", true, "en"},
		{"en apostrophe", "Order #1042", "Hello, where’s my parcel? It was supposed to be here on Monday. Thanks, Kate", true, "en"},
		{"en tracking", "", "Hi there, could you send me the tracking number for my order please? Thank you!", true, "en"},
		{"en not arrived", "Order 1042", "Hi, I have not received my order yet and it has been two weeks. What is going on?", true, "en"},
		{"en when", "", "When will my order ship? I need it for a birthday on the 14th.", true, "en"},
		{"en confirmation", "Order confirmation", "Hi, where is my order confirmation? I didn't get an email after paying.", false, "en"},
		{"en order number", "", "Hi, where is my order number? I need it for my records.", false, "en"},
		{"en invoice not arrived", "", "Hello, the invoice for my last order has not arrived, could you send it again?", false, "en"},
		{"en refund", "Refund", "Where is my refund? I returned the mug two weeks ago and have not received the money back.", false, "en"},
		{"en both", "", "Where is my order? Also, the order confirmation never came.", true, "en"},
		{"en thanks", "Re: Your order #1001 is on its way", "Thank you so much, the mug is lovely!", false, "en"},
		{"en reply subject is ours", "Re: Your tracking number", "Thanks, got it.", false, "en"},
		// German
		{"de classic", "Bestellung 1042", "Hallo, wo ist meine Bestellung? Ich habe vor einer Woche bestellt. Viele Grüße, Jana", true, "de"},
		{"de bleibt", "", "Guten Tag, wo bleibt mein Paket? Es ist immer noch nicht da.", true, "de"},
		{"de not arrived", "Lieferung", "Hallo, meine Bestellung ist noch nicht angekommen. Können Sie bitte nachsehen?", true, "de"},
		{"de sendungsnummer", "", "Könnten Sie mir bitte die Sendungsnummer schicken? Danke!", true, "de"},
		{"de confirmation", "", "Hallo, wo ist meine Bestellbestätigung? Ich habe keine E-Mail bekommen.", false, "de"},
		{"de invoice", "", "Die Rechnung ist noch nicht angekommen, bitte schicken Sie sie mir noch einmal.", false, "de"},
		{"de umlaut-less", "", "Hallo, wo ist meine bestellung?? mfg", true, "de"},
		// French
		{"fr classic", "Commande 1042", "Bonjour, où est ma commande ? Je l'ai passée il y a dix jours. Merci", true, "fr"},
		{"fr suivi", "", "Bonjour, pouvez-vous m'envoyer le numéro de suivi de mon colis ? Merci beaucoup", true, "fr"},
		{"fr toujours pas", "", "Bonjour, je n'ai toujours pas reçu ma commande. Pouvez-vous vérifier ?", true, "fr"},
		{"fr no accents", "", "bonjour ou est mon colis svp", true, "fr"},
		{"fr confirmation", "", "Bonjour, je n'ai pas reçu la confirmation de commande par email.", false, "fr"},
		{"fr invoice", "", "Bonjour, la facture n'est toujours pas reçue, merci de me la renvoyer.", false, "fr"},
		// Spanish
		{"es classic", "Pedido 1042", "Hola, ¿dónde está mi pedido? Lo hice hace una semana. Gracias", true, "es"},
		{"es no llegado", "", "Hola, mi pedido todavía no ha llegado y ya pasaron diez días.", true, "es"},
		{"es seguimiento", "", "¿Me pueden enviar el número de seguimiento, por favor?", true, "es"},
		{"es no accents", "", "hola donde esta mi pedido", true, "es"},
		{"es refund", "", "Hola, el reembolso no ha llegado todavía a mi cuenta.", false, "es"},
		{"es order number", "", "Hola, ¿cuál es el número de pedido de mi compra? Gracias", false, "es"},
		// Italian
		{"it classic", "Ordine 1042", "Buongiorno, dov'è il mio ordine? L'ho fatto una settimana fa. Grazie", true, "it"},
		{"it not arrived", "", "Ciao, il pacco non è ancora arrivato, potete controllare? Grazie", true, "it"},
		{"it tracking", "", "Salve, mi potete mandare il numero di tracciamento? Grazie mille", true, "it"},
		{"it invoice", "", "Ciao, la fattura non è arrivata, me la potete rimandare?", false, "it"},
		{"it confirmation", "", "Buongiorno, non ho ricevuto la conferma dell'ordine via email.", false, "it"},
		// Dutch
		{"nl classic", "Bestelling 1042", "Hallo, waar is mijn bestelling? Ik heb vorige week besteld. Groetjes, Sanne", true, "nl"},
		{"nl not received", "", "Hoi, ik heb mijn pakket nog niet ontvangen. Kunnen jullie kijken waar het is?", true, "nl"},
		{"nl track", "", "Kunnen jullie mij de track & trace code sturen? Bedankt!", true, "nl"},
		{"nl confirmation", "", "Hallo, ik heb geen orderbevestiging ontvangen, kunt u die sturen?", false, "nl"},
		{"nl invoice", "", "Hallo, de factuur heb ik nog niet ontvangen.", false, "nl"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := DetectWismo(c.subject, c.text)
			if w.Asks != c.asks {
				t.Errorf("asks = %v (phrase %q), want %v", w.Asks, w.Phrase, c.asks)
			}
			if w.Lang != c.lang {
				t.Errorf("lang = %q, want %q", w.Lang, c.lang)
			}
		})
	}
}

func TestLanguageOfCountry(t *testing.T) {
	for country, want := range map[string]string{"DE": "de", "at": "de", "FR": "fr", "ES": "es", "IT": "it", "NL": "nl", "GB": "en", "JP": ""} {
		if got := LanguageOfCountry(country); got != want {
			t.Errorf("%s: %q, want %q", country, got, want)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{"Où est ma commande ?": "ou est ma commande", "Straße": "strasse", "Dov’è": "dov e", "  Track & Trace!! ": "track trace"} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// BenchmarkDetectWismo: one real-length reply, every language's lists.
func BenchmarkDetectWismo(b *testing.B) {
	text := "Hallo,\n\nich habe am Montag bestellt und die Bestellung ist immer noch nicht da. Wo bleibt mein Paket? " +
		"Die Rechnung habe ich bekommen, danke.\n\nViele Grüße\nJana Schulz\n"
	for b.Loop() {
		DetectWismo("Bestellung 1042", text)
	}
}
