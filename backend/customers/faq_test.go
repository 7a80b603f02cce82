package customers

import (
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/storetest"
)

func TestSaveFAQRefusesWhatCannotWork(t *testing.T) {
	f := newFixture(t)
	for _, c := range []struct {
		name string
		faq  FAQ
		want string
	}{
		{"no topic", FAQ{Texts: []FAQText{{Lang: "en", Keywords: "return", Answer: "Yes."}}}, "topic"},
		{"no text", FAQ{Topic: "Returns"}, "at least one language"},
		{"bad language", FAQ{Topic: "Returns", Texts: []FAQText{{Lang: "English", Keywords: "return", Answer: "Yes."}}}, "not a language code"},
		{"twice", FAQ{Topic: "Returns", Texts: []FAQText{{Lang: "en", Keywords: "return", Answer: "Yes."}, {Lang: "EN", Keywords: "refund", Answer: "Yes."}}}, "two en texts"},
		{"no keywords", FAQ{Topic: "Returns", Texts: []FAQText{{Lang: "en", Keywords: " , ,*", Answer: "Yes."}}}, "needs the words"},
		{"no answer", FAQ{Topic: "Returns", Texts: []FAQText{{Lang: "en", Keywords: "return"}}}, "no answer"},
		{"template error", FAQ{Topic: "Returns", Texts: []FAQText{{Lang: "de", Keywords: "zurück", Answer: "Hallo {{.Customer.FirstName}},\n\nja.\n{{.Customer.Nickname}}"}}},
			"line 4"},
		{"unclosed action", FAQ{Topic: "Returns", Texts: []FAQText{{Lang: "en", Keywords: "return", Answer: "Hi\n{{if .Customer.FirstName}}"}}}, "line"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := f.svc.SaveFAQ(f.ctx, c.faq)
			if domain.CodeOf(err) != domain.CodeInvalid || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want invalid with %q", err, c.want)
			}
		})
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM faq_answers`); n != 0 {
		t.Fatalf("a refused answer was stored: %d", n)
	}
}

func TestFAQMatchesByWordsInTheQuestionsLanguage(t *testing.T) {
	f, ann := annShop(t)
	returns, err := f.svc.SaveFAQ(f.ctx, FAQ{Topic: "Returns", Enabled: true, Texts: []FAQText{
		{Lang: "en", Keywords: "return*, refund, send back", Answer: "Hi {{if .Customer.FirstName}}{{.Customer.FirstName}}{{else}}there{{end}}, returns are free within 30 days."},
		{Lang: "de", Keywords: "zurückschicken, rücksendung, umtausch*", Answer: "Hallo {{.Customer.FirstName}}, die Rücksendung ist 30 Tage kostenlos."},
	}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.SaveFAQ(f.ctx, FAQ{Topic: "Opening hours", Enabled: true, Texts: []FAQText{
		{Lang: "en", Keywords: "opening hours, open on", Answer: "We are open Monday to Friday, 9 to 5."},
	}}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.SaveFAQ(f.ctx, FAQ{Topic: "Switched off", Enabled: false, Texts: []FAQText{
		{Lang: "en", Keywords: "mug", Answer: "Never."},
	}}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		q     string
		topic string
		lang  string
	}{
		{"Kann ich die Tasse zurückschicken?", "Returns", "de"},
		{"RÜCKSENDUNG bitte", "Returns", "de"},   // case folded, whole word
		{"Umtauschen möglich?", "Returns", "de"}, // a * keyword takes any ending
		{"Can I send back the mug, and get a refund?", "Returns", "en"},
		{"I'd like to return it", "Returns", "en"},
		{"What are your opening hours?", "Opening hours", "en"},
		{"Are you open on Sunday?", "Opening hours", "en"},
		{"Is the mug dishwasher safe?", "", ""}, // only a disabled answer has "mug"
		{"my refundable deposit", "", ""},       // "refund" is a whole word
		{"Hi, open the door", "", ""},           // "open on" is a phrase
	} {
		m, ok, err := f.svc.MatchFAQ(f.ctx, c.q)
		if err != nil {
			t.Fatal(err)
		}
		if ok != (c.topic != "") || m.Topic != c.topic || m.Lang != c.lang {
			t.Errorf("%q: got %+v %v, want %s/%s", c.q, m, ok, c.topic, c.lang)
		}
	}
	// Rendered for Ann, in her question's language.
	m, ok, err := f.svc.FAQReply(f.ctx, "Rücksendung?", &ann)
	if err != nil || !ok || m.FAQID != returns.ID || m.Text != "Hallo Ann, die Rücksendung ist 30 Tage kostenlos.\n" {
		t.Fatalf("reply: %+v %v %v", m, ok, err)
	}
	// Tried by the seller: rendered for the sample customer.
	if m, ok, err := f.svc.TryFAQ(f.ctx, "Rücksendung?"); err != nil || !ok || !strings.HasPrefix(m.Text, "Hallo Ann,") {
		t.Fatalf("try: %+v %v %v", m, ok, err)
	}
	// A stranger is greeted without a name.
	if m, ok, _ := f.svc.FAQReply(f.ctx, "refund?", nil); !ok || !strings.HasPrefix(m.Text, "Hi there,") {
		t.Fatalf("stranger: %+v", m)
	}
	// Edited: the texts are replaced, not added to.
	returns.Texts = returns.Texts[:1]
	if _, err := f.svc.SaveFAQ(f.ctx, returns); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := f.svc.MatchFAQ(f.ctx, "Rücksendung"); ok {
		t.Error("the removed German text still matches")
	}
	list, _ := f.svc.FAQs(f.ctx)
	if len(list) != 3 || list[2].Topic != "Switched off" || len(list[1].Texts) != 1 {
		t.Errorf("list: %+v", list)
	}
	if err := f.svc.DeleteFAQ(f.ctx, returns.ID); err != nil {
		t.Fatal(err)
	}
	if n := storetest.Count(f.t, f.st, `SELECT COUNT(*) FROM faq_texts WHERE faq_id = ?`, returns.ID); n != 0 {
		t.Errorf("texts left after delete: %d", n)
	}
}
