package outboxdb

import (
	"context"
	"strings"

	"shopclerk/backend/domain"
)

// EditDraft replaces a reply draft's subject and text before the seller
// approves it. A message that is no longer a draft (approved, cancelled)
// is refused: what may already be on its way is never changed.
func (s *DB) EditDraft(ctx context.Context, id int64, subject, text string) error {
	subject, text = strings.TrimSpace(subject), strings.TrimSpace(text)
	if subject == "" || text == "" {
		return domain.Errorf(domain.CodeInvalid, "A reply needs a subject and a text.")
	}
	if strings.ContainsAny(subject, "\r\n") {
		return domain.Errorf(domain.CodeInvalid, "The subject must be one line.")
	}
	res, err := s.SQL().ExecContext(ctx, q("DraftEdit"), id, subject, text+"\n")
	if err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the draft")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.Errorf(domain.CodeConflict, "Message %d is not a draft any more: only a draft can be edited.", id)
	}
	return nil
}
