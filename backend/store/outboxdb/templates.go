package outboxdb

import (
	"context"
	"database/sql"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/outboxdb/internal/queries"
)

// EmailTemplate is a seller's edited email template. It replaces the
// designed default of the same name for every email rendered after it was
// saved; messages already in the outbox keep what they were rendered with.
type EmailTemplate struct {
	Name    string `json:"name"`
	Subject string `json:"subject"`
	HTML    string `json:"html"`
	// Text is an optional plain-text version; empty means the plain-text
	// part is derived from HTML.
	Text string `json:"text"`
	// Blocks is the block editor's document (email.Doc as JSON) the HTML
	// was written from; empty when the seller wrote the HTML.
	Blocks    string    `json:"blocks"`
	UpdatedAt time.Time `json:"updatedAt"`
}

// EmailTemplates returns every saved template, by name.
func (s *DB) EmailTemplates(ctx context.Context) ([]EmailTemplate, error) {
	rows, err := s.gen().EmailTemplatesAll(ctx)
	if err != nil {
		return nil, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read your email templates")
	}
	var out []EmailTemplate
	for _, r := range rows {
		out = append(out, templateOf(r))
	}
	return out, nil
}

// EmailTemplate returns the saved template of that name; ok is false when
// the seller has not edited it (the default applies).
func (s *DB) EmailTemplate(ctx context.Context, name string) (t EmailTemplate, ok bool, err error) {
	r, err := s.gen().EmailTemplateGet(ctx, name)
	if err == sql.ErrNoRows {
		return EmailTemplate{}, false, nil
	}
	if err != nil {
		return EmailTemplate{}, false, domain.Wrap(err, domain.CodeInternal, "Shopclerk could not read the email template")
	}
	return templateOf(r), true, nil
}

// SaveEmailTemplate stores (or replaces) the seller's version of a
// template. The caller has checked that it renders; UpdatedAt is set here.
func (s *DB) SaveEmailTemplate(ctx context.Context, t EmailTemplate) error {
	if t.Name == "" {
		return domain.Errorf(domain.CodeInvalid, "a template needs a name")
	}
	if err := s.gen().EmailTemplatePut(ctx, queries.EmailTemplatePutParams{Name: t.Name, Subject: t.Subject, Html: t.HTML, Text: t.Text, Blocks: t.Blocks,
		UpdatedAt: s.Now()}); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not save the email template")
	}
	return nil
}

// DeleteEmailTemplate removes the seller's version, so the default applies
// again. Deleting a template that was never edited is not an error.
func (s *DB) DeleteEmailTemplate(ctx context.Context, name string) error {
	if err := s.gen().EmailTemplateDelete(ctx, name); err != nil {
		return domain.Wrap(err, domain.CodeInternal, "Shopclerk could not reset the email template")
	}
	return nil
}

func templateOf(r queries.EmailTemplate) EmailTemplate {
	return EmailTemplate{Name: r.Name, Subject: r.Subject, HTML: r.Html, Text: r.Text, Blocks: r.Blocks, UpdatedAt: time.Unix(r.UpdatedAt, 0).UTC()}
}
