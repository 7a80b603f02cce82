package service

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
