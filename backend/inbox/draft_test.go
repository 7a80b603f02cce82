package inbox

import (
	"context"
	"strings"
	"testing"

	"shopclerk/backend/domain"
)

// askDrafter answers questions that mention a word, in German.
type askDrafter struct {
	word  string
	asked []Question
}

func (d *askDrafter) DraftReply(_ context.Context, q Question) (Draft, bool, error) {
	d.asked = append(d.asked, q)
	if !strings.Contains(strings.ToLower(q.Subject+" "+q.Text), d.word) {
		return Draft{}, false, nil
	}
	return Draft{Source: DraftFAQ, About: "Returns (de)", Lang: "de", Text: "Hallo Alice,\n\nja, innerhalb von 30 Tagen.\n"}, true, nil
}

// A question a drafter can answer becomes a draft to approve, threaded
// under the question, and a task pointing at it, once; a "where is my
// order" question is left to its own draft and never asks the drafters.
func TestDrafterAnswerBecomesADraftAndATaskOnce(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	d := &askDrafter{word: "zurück"}
	e.syncer.Drafters = []Drafter{d}
	for _, f := range []string{"wismo.eml", "faq-question.eml", "reply.eml"} {
		e.imap.Deliver(t, "INBOX", fixture(t, f))
	}
	res, err := e.syncer.Sync(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Drafts != 2 {
		t.Fatalf("drafts: %+v", res)
	}
	for _, q := range d.asked {
		if q.From == "dan@customer.test" {
			t.Errorf("the drafters were asked about a where-is-my-order question: %+v", q)
		}
	}
	if len(d.asked) != 2 || d.asked[0].CustomerID == nil {
		t.Errorf("asked: %+v", d.asked)
	}
	drafts, _ := e.st.ListMessages(ctx, domain.MsgDraft, 10, 0)
	var faq *domain.OutboxMessage
	for i := range drafts {
		if drafts[i].ToAddr == "alice@customer.test" {
			faq = &drafts[i]
		}
	}
	if faq == nil || faq.Template != "faq_reply" || faq.Subject != "Re: Rücksendung" || !strings.Contains(faq.Text, "innerhalb von 30 Tagen") ||
		faq.Headers["In-Reply-To"] != "<faq-1@customer.test>" || faq.Headers["Content-Language"] != "de" || faq.CustomerID == nil {
		t.Fatalf("faq draft: %+v", faq)
	}
	var title string
	if err := e.st.SQL().QueryRowContext(ctx, `SELECT title FROM tasks WHERE ledger_key = 'inbox/faq-task/<faq-1@customer.test>'`).Scan(&title); err != nil ||
		title != "Approve the reply to alice@customer.test: Returns (de)" {
		t.Fatalf("task: %q %v", title, err)
	}

	// The same question delivered again: no second draft, no second task.
	e.imap.Deliver(t, "INBOX", fixture(t, "faq-question.eml"))
	if _, err := e.syncer.Sync(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if again, _ := e.st.ListMessages(ctx, domain.MsgDraft, 10, 0); len(again) != 2 {
		t.Fatalf("drafts after a second delivery: %d", len(again))
	}
	var n int
	e.st.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM tasks WHERE ledger_key LIKE 'inbox/faq-task/%'`).Scan(&n)
	if n != 1 {
		t.Fatalf("faq tasks: %d", n)
	}
}
