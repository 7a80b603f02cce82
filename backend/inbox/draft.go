package inbox

import (
	"context"
	"fmt"
	"strings"

	"shopclerk/backend/domain"
)

// Reply drafts: an incoming question a Drafter can answer becomes a draft
// in the outbox (status draft: the seller edits and approves it, it never
// goes out by itself) and a task pointing at it. Drafters are asked in
// order, the first with a draft wins; "where is my order" questions are
// answered by draftOrderStatus (wismo.go) before any drafter is asked.
// The seam: a Drafter returns a Draft with its Source (DraftFAQ for the
// seller's saved answers, backend/customers/faq.go); enqueueDraft is the
// one place such a draft becomes an outbox message and a task.

// DraftSource says what proposed a reply draft; it names the draft's
// template and its ledger keys.
type DraftSource string

const (
	DraftFAQ DraftSource = "faq" // one of the seller's saved answers
)

// Question is what a drafter reads of an incoming message.
type Question struct {
	From       string // the address, lower case
	Subject    string
	Text       string // the fresh part, without the quoted mail
	CustomerID *int64
}

// Draft is a proposed reply.
type Draft struct {
	Source DraftSource
	// About names what the draft answers, for the task ("Returns (en)").
	About string
	Lang  string
	Text  string
}

// Drafter proposes a reply to a question (ok false: none).
type Drafter interface {
	DraftReply(ctx context.Context, q Question) (d Draft, ok bool, err error)
}

// proposeDraft asks the drafters about a message that is not a "where is
// my order" question.
func (s *Syncer) proposeDraft(ctx context.Context, p Parsed, key string, cust *int64, res *SyncResult) error {
	if s.outbox == nil || len(s.Drafters) == 0 {
		return nil
	}
	q := Question{From: p.From, Subject: p.Subject, Text: p.Fresh(), CustomerID: cust}
	for _, d := range s.Drafters {
		draft, ok, err := d.DraftReply(ctx, q)
		if err != nil {
			return err
		}
		if ok {
			return s.enqueueDraft(ctx, p, key, cust, nil, draft, res)
		}
	}
	return nil
}

// enqueueDraft puts a reply draft in the outbox, threaded under the
// customer's message, and a task to approve it; both are keyed by the
// incoming message, so reading it again after a crash makes neither twice.
func (s *Syncer) enqueueDraft(ctx context.Context, p Parsed, key string, cust, orderID *int64, d Draft, res *SyncResult) error {
	subject := p.Subject
	if !strings.HasPrefix(strings.ToLower(subject), "re:") {
		subject = strings.TrimSpace("Re: " + subject)
	}
	refs := strings.TrimSpace(strings.Join(append(p.References, p.MessageID), " "))
	headers := map[string]string{"References": refs}
	if p.MessageID != "" {
		headers["In-Reply-To"] = p.MessageID
	}
	if d.Lang != "" {
		headers["Content-Language"] = d.Lang
	}
	m := &domain.OutboxMessage{Kind: domain.KindTransactional, ToAddr: p.From, Subject: subject,
		Text: d.Text, Status: domain.MsgDraft, CustomerID: cust,
		LedgerKey: fmt.Sprintf("inbox/%s/%s", d.Source, key), Template: string(d.Source) + "_reply",
		Headers: headers}
	id, err := s.outbox.Enqueue(ctx, m)
	if err != nil {
		return err
	}
	res.Drafts++
	title := fmt.Sprintf("Approve the reply to %s: %s", p.From, d.About)
	detail := fmt.Sprintf("A draft answer is waiting in the Outbox (message %d). Edit it if needed, then approve it. The question: %s", id, excerpt(p.Fresh()))
	tid, err := s.store.CreateTaskOnce(ctx, fmt.Sprintf("inbox/%s-task/%s", d.Source, key), title, detail, cust, orderID)
	if err != nil {
		return err
	}
	res.Tasks++
	res.made(Made{Kind: MadeTask, TaskID: tid, MessageID: id, Email: p.From, Title: title, Detail: excerpt(detail)})
	return nil
}
