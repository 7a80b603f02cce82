package app

import (
	"context"
	"strings"

	"shopclerk/backend/customers"
	"shopclerk/backend/inbox"
)

// faqDrafter is the inbox's Drafter over the seller's saved answers
// (customers.FAQReply): an incoming question that matches one becomes a
// reply draft in the language whose words matched.
type faqDrafter struct{ svc *customers.Service }

func (d faqDrafter) DraftReply(ctx context.Context, q inbox.Question) (inbox.Draft, bool, error) {
	m, ok, err := d.svc.FAQReply(ctx, strings.TrimSpace(q.Subject+"\n"+q.Text), q.CustomerID)
	if err != nil || !ok {
		return inbox.Draft{}, false, err
	}
	return inbox.Draft{Source: inbox.DraftFAQ, About: m.Topic + " (" + m.Lang + ")", Lang: m.Lang, Text: m.Text}, true, nil
}

var _ inbox.Drafter = faqDrafter{}

// FAQs lists the seller's saved answers (Settings > Answers).
func (s *CustomerService) FAQs() ([]customers.FAQ, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.customers.FAQs(ctx)
}

// SaveFAQ checks and stores a saved answer; a template mistake is refused
// with its line.
func (s *CustomerService) SaveFAQ(f customers.FAQ) (customers.FAQ, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return customers.FAQ{}, err
	}
	return b.customers.SaveFAQ(ctx, f)
}

// DeleteFAQ removes a saved answer.
func (s *CustomerService) DeleteFAQ(id int64) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return b.customers.DeleteFAQ(ctx, id)
}

// TryFAQ says which saved answer a question would get, rendered for the
// sample customer (the seller tries their keywords).
func (s *CustomerService) TryFAQ(question string) (*customers.FAQMatch, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	m, ok, err := b.customers.TryFAQ(ctx, question)
	if err != nil || !ok {
		return nil, err
	}
	return &m, nil
}

// EditDraft changes a reply draft's subject and text before approval.
func (s *OutboxService) EditDraft(id int64, subject, text string) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return b.outbox.EditDraft(ctx, id, subject, text)
}
