package app

import (
	"shopclerk/backend/email"
	"shopclerk/backend/mail"
)

// The template editor's blocks (issue 17): a few lines each over
// backend/mail's blocktemplates.go.

// TemplateVariables lists, per template, the variables its emails are
// given: the variable picker's list, and the one a save checks blocks with.
func (s *MailSettingsService) TemplateVariables() []mail.TemplateVariables {
	return mail.AllTemplateVariables()
}

// SaveTemplateBlocks stores a template edited as blocks (the HTML written
// from them, the blocks beside it); refused with the reason, nothing saved,
// for a variable the template is not given, an empty button label, an
// image that is not http(s), or an email that does not render.
func (s *MailSettingsService) SaveTemplateBlocks(name, subject string, blocks []email.Block) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return mail.SaveTemplateBlocks(ctx, b.Outbox, name, subject, blocks, mail.ShopData(ctx, b.Store))
}

// PreviewTemplateBlocks renders blocks as PreviewTemplate renders HTML.
func (s *MailSettingsService) PreviewTemplateBlocks(name, subject string, blocks []email.Block, customerID int64) (email.Rendered, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return email.Rendered{}, err
	}
	return mail.PreviewTemplateBlocks(ctx, b.Outbox, b.Preview, name, subject, blocks, customerID)
}

// TemplateBlocksOf reads HTML as blocks, for the editor's switch from its
// HTML tab: HTML it cannot read is one HTML block.
func (s *MailSettingsService) TemplateBlocksOf(html string) []email.Block {
	blocks, _ := mail.TemplateBlocks(html)
	return blocks
}

// TemplateBlocksHTML writes blocks as HTML, for the switch to the HTML tab.
func (s *MailSettingsService) TemplateBlocksHTML(blocks []email.Block) string {
	return email.BlocksHTML(blocks)
}
