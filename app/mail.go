package app

import (
	"context"
	"fmt"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/inbox"
	"shopclerk/backend/mail"
	"shopclerk/backend/secrets"
)

// MailSettingsService serves Settings > Email.
type MailSettingsService struct{ app *App }

// AccountView is the account form's content.
type AccountView struct {
	Account        mail.Account        `json:"account"`
	Configured     bool                `json:"configured"`
	HasSecret      bool                `json:"hasSecret"`
	SecretsBackend secrets.BackendKind `json:"secretsBackend"` // "file" means no OS keychain was found
}

// Presets lists the provider presets.
func (s *MailSettingsService) Presets() []mail.Preset { return mail.Presets() }

// ApplyPreset fills the form's server fields and limits for a provider.
func (s *MailSettingsService) ApplyPreset(a mail.Account, provider string) mail.Account {
	return mail.ApplyPreset(a, mail.ProviderID(provider))
}

// Account returns the saved account, or a new one with test mode on.
func (s *MailSettingsService) Account() (AccountView, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return AccountView{}, err
	}
	a, ok, err := mail.LoadAccount(ctx, b.Store)
	if err != nil {
		return AccountView{}, err
	}
	if !ok {
		a = mail.ApplyPreset(mail.Account{TestMode: true}, mail.ProviderGmail)
	}
	return AccountView{Account: a, Configured: ok, SecretsBackend: b.Mail.Secrets().Backend(), HasSecret: b.Mail.HasSecret(a)}, nil
}

// SaveAccount stores the account; the password (if given) goes to the
// keychain, an empty one keeps the saved one.
func (s *MailSettingsService) SaveAccount(a mail.Account, password string) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	if err := b.Mail.SaveAccount(ctx, a, password); err != nil {
		return err
	}
	b.AutoSend.Wake() // a new password or server: try again now
	return nil
}

// SignIn runs Sign in with Google/Microsoft in the browser (saved account's
// provider and client ID; the client secret is kept in the keychain).
func (s *MailSettingsService) SignIn(clientSecret string) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return b.Mail.SignIn(ctx, clientSecret, func(url string) error {
		runtime.BrowserOpenURL(s.app.ctx, url)
		return nil
	})
}

// SendTestEmail sends one message straight away (not through the queue)
// to check the account; it returns the server's reply.
func (s *MailSettingsService) SendTestEmail(to string) (string, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return "", err
	}
	reply, err := b.Mail.SendTest(ctx, to)
	if err != nil {
		return "", err
	}
	// The account works: from now on approved mail goes by itself, unless
	// the seller has said otherwise.
	if err := mail.TurnOnAutoSendAfterTest(ctx, b.Store); err != nil {
		return "", err
	}
	b.AutoSend.Wake()
	return reply, nil
}

// CheckMailbox logs in to IMAP and reports how many messages INBOX holds.
func (s *MailSettingsService) CheckMailbox() (string, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return "", err
	}
	n, err := b.Mail.CheckMailbox(ctx)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("Your mailbox works: %d messages in the inbox.", n), nil
}

// TemplateNames lists the templates the editor offers, defaults first.
func (s *MailSettingsService) TemplateNames() []string { return mail.EditableTemplateNames() }

// Template returns what the editor starts from: the seller's saved version
// of the template, or the default, and which of the two it is.
func (s *MailSettingsService) Template(name string) (mail.EditableTemplate, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return mail.EditableTemplate{}, err
	}
	return mail.LoadTemplate(ctx, b.Outbox, name)
}

// SaveTemplate stores the seller's version of a template after rendering it
// with sample data; a template that does not render is refused, with the
// reason, and nothing is saved. The plain-text part is derived from html.
func (s *MailSettingsService) SaveTemplate(name, subject, html string) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return mail.SaveTemplate(ctx, b.Outbox, email.Template{Name: name, Subject: subject, HTML: html}, mail.ShopData(ctx, b.Store))
}

// ResetTemplate goes back to the default template.
func (s *MailSettingsService) ResetTemplate(name string) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return mail.ResetTemplate(ctx, b.Outbox, name)
}

// PreviewTemplate renders a template (the saved or default one when
// subject and html are empty) with a real customer's data (customerID 0:
// sample data).
func (s *MailSettingsService) PreviewTemplate(name, subject, html string, customerID int64) (email.Rendered, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return email.Rendered{}, err
	}
	return mail.PreviewTemplate(ctx, b.Outbox, b.Preview, name, subject, html, customerID)
}

// Suppressions lists the do-not-mail list.
func (s *MailSettingsService) Suppressions(limit, offset int) ([]domain.Suppression, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Outbox.ListSuppressions(ctx, limit, offset)
}

// Suppress adds an address by hand; Unsuppress removes one.
func (s *MailSettingsService) Suppress(email, note string) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	_, err = b.Outbox.Suppress(ctx, email, domain.SuppressManual, note)
	return err
}

// Unsuppress lets Shopclerk mail the address again (the seller's call).
func (s *MailSettingsService) Unsuppress(email string) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	return b.Outbox.Unsuppress(ctx, email)
}

// OutboxService serves the Outbox screen.
type OutboxService struct{ app *App }

// OutboxPage is one page of the outbox with the counts per status.
type OutboxPage struct {
	Rows   []domain.OutboxMessage       `json:"rows"`
	Counts map[domain.MessageStatus]int `json:"counts"`
}

// List returns messages of one status ("" for all), newest first, without
// attachment contents.
func (s *OutboxService) List(status string, limit, offset int) (OutboxPage, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return OutboxPage{}, err
	}
	rows, err := b.Outbox.ListMessages(ctx, domain.MessageStatus(status), limit, offset)
	if err != nil {
		return OutboxPage{}, err
	}
	for i := range rows {
		rows[i].HTML, rows[i].Text = "", ""
		for j := range rows[i].Attachments {
			rows[i].Attachments[j].Data = nil
		}
	}
	if err := b.Mail.Explain(ctx, rows); err != nil {
		return OutboxPage{}, err
	}
	counts, err := b.Outbox.CountMessagesByStatus(ctx)
	return OutboxPage{Rows: rows, Counts: counts}, err
}

// MessageDetail is one message as it goes out.
type MessageDetail struct {
	Message domain.OutboxMessage `json:"message"`
	Raw     string               `json:"raw"`   // the wire form (headers and parts), attachments elided
	Error   string               `json:"error"` // why it cannot be built, if so
}

// Message returns one message with its rendered wire form.
func (s *OutboxService) Message(id int64) (MessageDetail, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return MessageDetail{}, err
	}
	m, err := b.Outbox.GetMessage(ctx, id)
	if err != nil {
		return MessageDetail{}, err
	}
	rows := []domain.OutboxMessage{m}
	if err := b.Mail.Explain(ctx, rows); err != nil {
		return MessageDetail{}, err
	}
	d := MessageDetail{Message: rows[0]}
	d.Message.HTML = mail.LogoOnScreen(ctx, b.Store, d.Message.HTML)
	a, _, _ := mail.LoadAccount(ctx, b.Store)
	if d.Raw, err = mail.WireForm(a, m, b.Clock.Now()); err != nil {
		d.Error = err.Error()
	}
	for j := range d.Message.Attachments {
		d.Message.Attachments[j].Data = nil
	}
	return d, nil
}

// Retry queues a failed or deferred message again.
func (s *OutboxService) Retry(id int64) error {
	return s.act(func(ctx context.Context, o *mail.Outbox) error { return o.Retry(ctx, id) })
}

// Cancel stops a message that has not gone out.
func (s *OutboxService) Cancel(id int64) error {
	return s.act(func(ctx context.Context, o *mail.Outbox) error { return o.Cancel(ctx, id) })
}

// Approve queues a reply draft.
func (s *OutboxService) Approve(id int64) error {
	return s.act(func(ctx context.Context, o *mail.Outbox) error { return o.Approve(ctx, id) })
}

// ResolveInDoubt records the seller's decision on an in-doubt message.
func (s *OutboxService) ResolveInDoubt(id int64, wasSent bool) error {
	return s.act(func(ctx context.Context, o *mail.Outbox) error { return o.DecideInDoubt(ctx, id, wasSent) })
}

// Resume lifts a pause after a provider quota reply.
func (s *OutboxService) Resume() error {
	return s.act(func(ctx context.Context, o *mail.Outbox) error { return o.Resume(ctx) })
}

func (s *OutboxService) act(fn func(context.Context, *mail.Outbox) error) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	ob, err := b.Mail.Outbox(ctx)
	if err != nil {
		return err
	}
	if err := fn(ctx, ob); err != nil {
		return err
	}
	b.AutoSend.Wake() // a message was approved, queued again or let go
	return nil
}

// Today returns today's count against the daily limit, any pause, and
// whether test mode is on (the screen shows a banner while it is).
func (s *OutboxService) Today() (mail.DayCount, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return mail.DayCount{}, err
	}
	ob, err := b.Mail.Outbox(ctx)
	if err != nil {
		return mail.DayCount{}, err
	}
	return ob.Today(ctx)
}

// StartSend runs Send now as a job ("send"); the result is a
// mail.SendReport. It goes on until nothing is due, waiting out the
// per-minute limit. Only one send runs at a time, Send now's or the
// automatic sender's.
func (s *OutboxService) StartSend() (string, error) {
	b, _, err := s.app.current()
	if err != nil {
		return "", err
	}
	if !b.Mail.Gate.TryLock() {
		return "", domain.Errorf(domain.CodeConflict, "Shopclerk is sending right now; the outbox shows each message's progress")
	}
	return s.app.jobs.Start("send", func(ctx context.Context, progress func(Progress)) (any, error) {
		defer b.AutoSend.Wake() // what is left (after today's limit, say) is its again
		defer b.Mail.Gate.Unlock()
		var last mail.Progress
		return b.Mail.SendNow(ctx, func(p mail.Progress) {
			last = p
			progress(Progress{Done: int64(p.Done), Total: int64(p.Total), Message: p.Current})
		}, func(until time.Time, why string) {
			s.app.emit("outbox:changed", nil)
			progress(Progress{Done: int64(last.Done), Total: int64(last.Total), Step: "wait " + why,
				Message: fmt.Sprintf("Waiting: %s; the next message goes at %s", why, until.In(b.Store.Location(ctx)).Format("15:04:05"))})
		})
	}), nil
}

// AutoSend tells whether the outbox sends by itself while the app is open.
func (s *OutboxService) AutoSend() (bool, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return false, err
	}
	return mail.AutoSendOn(ctx, b.Store)
}

// SetAutoSend turns automatic sending on or off.
func (s *OutboxService) SetAutoSend(on bool) error {
	b, ctx, err := s.app.current()
	if err != nil {
		return err
	}
	if err := mail.SetAutoSend(ctx, b.Store, on); err != nil {
		return err
	}
	b.AutoSend.Wake()
	return nil
}

// StartInboxSync reads new mail as a job ("inbox"); the result is an
// inbox.SyncResult.
func (s *OutboxService) StartInboxSync() (string, error) {
	b, _, err := s.app.current()
	if err != nil {
		return "", err
	}
	return s.app.jobs.Start("inbox", func(ctx context.Context, progress func(Progress)) (any, error) {
		return b.Mail.SyncInbox(ctx, func(r inbox.SyncResult) {
			progress(Progress{Done: int64(r.Scanned), Message: "reading new mail"})
		})
	}), nil
}

// InboxActivity lists what the last syncs found.
func (s *OutboxService) InboxActivity(limit int) ([]domain.InboxItem, error) {
	b, ctx, err := s.app.current()
	if err != nil {
		return nil, err
	}
	return b.Outbox.ListInboxItems(ctx, limit)
}
