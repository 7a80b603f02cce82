package app

import (
	"shopclerk/backend/customers"
	"shopclerk/backend/inbox"
)

// FAQs lists the seller's saved answers (Settings > Answers).
func (s *CustomerService) FAQs() ([]customers.FAQ, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Customers.FAQs(ctx)
}

// SaveFAQ checks and stores a saved answer; a template mistake is refused
// with its line.
func (s *CustomerService) SaveFAQ(f customers.FAQ) (customers.FAQ, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return customers.FAQ{}, err
	}
	return b.Customers.SaveFAQ(ctx, f)
}

// DeleteFAQ removes a saved answer.
func (s *CustomerService) DeleteFAQ(id int64) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return b.Customers.DeleteFAQ(ctx, id)
}

// TryFAQ says which saved answer a question would get, rendered for the
// sample customer (the seller tries their keywords).
func (s *CustomerService) TryFAQ(question string) (*customers.FAQMatch, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	m, ok, err := b.Customers.TryFAQ(ctx, question)
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
	return b.Outbox.EditDraft(ctx, id, subject, text)
}

// ReplyTemplates lists the "where is my order" reply in each language,
// each part with Shopclerk's text beside the seller's (Settings > Answers).
func (s *CustomerService) ReplyTemplates() ([]inbox.ReplyTemplate, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Replies.Templates(ctx)
}

// SaveReplyTemplate checks and stores one language's reply; a mistake in
// any part is refused, naming it, and nothing is saved.
func (s *CustomerService) SaveReplyTemplate(lang string, texts map[string]string) (inbox.ReplyTemplate, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return inbox.ReplyTemplate{}, err
	}
	return b.Replies.Save(ctx, lang, texts)
}

// ResetReplyTemplate puts one language's reply back to Shopclerk's text.
func (s *CustomerService) ResetReplyTemplate(lang string) (inbox.ReplyTemplate, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return inbox.ReplyTemplate{}, err
	}
	return b.Replies.Reset(ctx, lang)
}

// PreviewReplyTemplate writes one language's reply, as edited, for a
// sample parcel with status (or "not_shipped").
func (s *CustomerService) PreviewReplyTemplate(lang string, texts map[string]string, status string) (string, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return "", err
	}
	return b.Replies.Preview(ctx, lang, texts, status)
}
