package app

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/inbox"
	"shopclerk/backend/mail"
	"shopclerk/backend/secrets"
	"shopclerk/backend/store"
)

// mailDeps is shared by the two mail services: the keychain is probed once,
// and only one send run goes at a time (the in-doubt recovery at the start
// of a run relies on that).
type mailDeps struct {
	app     *App
	events  inbox.Events
	once    sync.Once
	sec     secrets.Store
	sending atomic.Bool
}

func (d *mailDeps) env() (mailEnv, error) {
	st, err := d.app.store()
	if err != nil {
		return mailEnv{}, err
	}
	d.once.Do(func() { d.sec = secrets.Open(filepath.Dir(st.Path())) })
	return newMailEnv(st, d.app.cfg.Clock, d.sec, d.events, d.app.cfg.Log), nil
}

// NewMailServices builds the Settings > Email and Outbox services. events
// is the automation engine's hook for replies and suppressions (may be nil).
func NewMailServices(a *App, events inbox.Events) (*MailSettingsService, *OutboxService) {
	d := &mailDeps{app: a, events: events}
	return &MailSettingsService{d: d}, &OutboxService{d: d}
}

// MailSettingsService serves Settings > Email.
type MailSettingsService struct{ d *mailDeps }

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
	e, err := s.d.env()
	if err != nil {
		return AccountView{}, err
	}
	ctx := context.Background()
	a, ok, err := mail.LoadAccount(ctx, e.st)
	if err != nil {
		return AccountView{}, err
	}
	if !ok {
		a = mail.ApplyPreset(mail.Account{TestMode: true}, mail.ProviderGmail)
	}
	v := AccountView{Account: a, Configured: ok, SecretsBackend: e.sec.Backend()}
	key := secrets.MailPasswordKey(a.Login())
	if a.Auth == mail.AuthOAuth2 {
		key = secrets.OAuthTokenKey(a.Login())
	}
	if sec, _ := e.sec.Get(key); sec != "" {
		v.HasSecret = true
	}
	return v, nil
}

// SaveAccount stores the account; the password (if given) goes to the
// keychain, an empty one keeps the saved one.
func (s *MailSettingsService) SaveAccount(a mail.Account, password string) error {
	e, err := s.d.env()
	if err != nil {
		return err
	}
	return e.saveAccount(context.Background(), a, password)
}

// SignIn runs Sign in with Google/Microsoft in the browser (saved account's
// provider and client ID; the client secret is kept in the keychain).
func (s *MailSettingsService) SignIn(clientSecret string) error {
	e, err := s.d.env()
	if err != nil {
		return err
	}
	ctx := context.Background()
	a, err := e.account(ctx)
	if err != nil {
		return err
	}
	if clientSecret != "" {
		if err := e.sec.Set(oauthSecretKey+a.Login(), clientSecret); err != nil {
			return err
		}
	}
	cs, _ := e.sec.Get(oauthSecretKey + a.Login())
	_, err = secrets.SignIn(ctx, oauthProvider(a), a.OAuthClientID, cs, a.Login(), e.sec, func(url string) error {
		runtime.BrowserOpenURL(s.d.app.ctx, url)
		return nil
	})
	return err
}

// SendTestEmail sends one message straight away (not through the queue)
// to check the account; it returns the server's reply.
func (s *MailSettingsService) SendTestEmail(to string) (string, error) {
	e, err := s.d.env()
	if err != nil {
		return "", err
	}
	ctx := context.Background()
	a, err := e.account(ctx)
	if err != nil {
		return "", err
	}
	a.TestMode = false // the seller typed this address themselves
	now := e.clk.Now()
	c, err := mail.Compose(a, store.OutboxMessage{MessageID: mail.NewMessageID(a.FromAddress, now), Kind: store.KindTransactional,
		ToAddr: to, Subject: "Shopclerk test email", Text: "This is a test from Shopclerk. Your email account works."}, now)
	if err != nil {
		return "", err
	}
	conn, err := mail.SMTPDialer(a, e.secretFunc(a))(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	reply, err := conn.Send(ctx, c)
	if err != nil {
		return "", mail.Explain(err, a)
	}
	return reply, nil
}

// CheckMailbox logs in to IMAP and reports how many messages INBOX holds.
func (s *MailSettingsService) CheckMailbox() (string, error) {
	e, err := s.d.env()
	if err != nil {
		return "", err
	}
	_, _, cl, err := e.parts(context.Background())
	if err != nil {
		return "", err
	}
	if cl == nil {
		return "", domain.Errorf(domain.CodeInvalid, "no mailbox (IMAP) server is set up")
	}
	n, err := cl.Check(context.Background())
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
	e, err := s.d.env()
	if err != nil {
		return mail.EditableTemplate{}, err
	}
	return mail.LoadTemplate(context.Background(), e.st, name)
}

// SaveTemplate stores the seller's version of a template after rendering it
// with sample data; a template that does not render is refused, with the
// reason, and nothing is saved. The plain-text part is derived from html.
func (s *MailSettingsService) SaveTemplate(name, subject, html string) error {
	e, err := s.d.env()
	if err != nil {
		return err
	}
	ctx := context.Background()
	return mail.SaveTemplate(ctx, e.st, email.Template{Name: name, Subject: subject, HTML: html}, shopData(ctx, e.st))
}

// ResetTemplate goes back to the default template.
func (s *MailSettingsService) ResetTemplate(name string) error {
	e, err := s.d.env()
	if err != nil {
		return err
	}
	return mail.ResetTemplate(context.Background(), e.st, name)
}

// PreviewTemplate renders a template (the saved or default one when
// subject and html are empty) with a real customer's data (customerID 0:
// sample data).
func (s *MailSettingsService) PreviewTemplate(name, subject, html string, customerID int64) (email.Rendered, error) {
	e, err := s.d.env()
	if err != nil {
		return email.Rendered{}, err
	}
	ctx := context.Background()
	t := email.Template{Name: name, Subject: subject, HTML: html}
	if subject == "" && html == "" {
		cur, err := mail.LoadTemplate(ctx, e.st, name)
		if err != nil {
			return email.Rendered{}, err
		}
		t = email.Template{Name: name, Subject: cur.Subject, HTML: cur.HTML, Text: cur.Text}
	}
	data := mail.SampleData(shopData(ctx, e.st))
	if customerID != 0 {
		if data, err = mail.PreviewData(ctx, e.st, customerID, data.Shop); err != nil {
			return email.Rendered{}, err
		}
	}
	return (&mail.Templates{}).Render(t, data)
}

// shopData names the shop in templates: its name and sending address.
func shopData(ctx context.Context, st *store.Store) email.Shop {
	name, _ := st.Setting(ctx, store.SettingShopName, "Your shop")
	shop := email.Shop{Name: name}
	if a, ok, _ := mail.LoadAccount(ctx, st); ok {
		shop.Email = a.FromAddress
	}
	return shop
}

// Suppressions lists the do-not-mail list.
func (s *MailSettingsService) Suppressions(limit, offset int) ([]store.Suppression, error) {
	e, err := s.d.env()
	if err != nil {
		return nil, err
	}
	return e.st.ListSuppressions(context.Background(), limit, offset)
}

// Suppress adds an address by hand; Unsuppress removes one.
func (s *MailSettingsService) Suppress(email, note string) error {
	e, err := s.d.env()
	if err != nil {
		return err
	}
	_, err = e.st.Suppress(context.Background(), email, store.SuppressManual, note)
	return err
}

// Unsuppress lets Shopclerk mail the address again (the seller's call).
func (s *MailSettingsService) Unsuppress(email string) error {
	e, err := s.d.env()
	if err != nil {
		return err
	}
	return e.st.Unsuppress(context.Background(), email)
}

// OutboxService serves the Outbox screen.
type OutboxService struct{ d *mailDeps }

// OutboxPage is one page of the outbox with the counts per status.
type OutboxPage struct {
	Rows   []store.OutboxMessage       `json:"rows"`
	Counts map[store.MessageStatus]int `json:"counts"`
}

// List returns messages of one status ("" for all), newest first, without
// attachment contents.
func (s *OutboxService) List(status string, limit, offset int) (OutboxPage, error) {
	e, err := s.d.env()
	if err != nil {
		return OutboxPage{}, err
	}
	ctx := context.Background()
	rows, err := e.st.ListMessages(ctx, store.MessageStatus(status), limit, offset)
	if err != nil {
		return OutboxPage{}, err
	}
	for i := range rows {
		rows[i].HTML, rows[i].Text = "", ""
		for j := range rows[i].Attachments {
			rows[i].Attachments[j].Data = nil
		}
	}
	counts, err := e.st.CountMessagesByStatus(ctx)
	return OutboxPage{Rows: rows, Counts: counts}, err
}

// MessageDetail is one message as it goes out.
type MessageDetail struct {
	Message store.OutboxMessage `json:"message"`
	Raw     string              `json:"raw"`   // the wire form (headers and parts), attachments elided
	Error   string              `json:"error"` // why it cannot be built, if so
}

// Message returns one message with its rendered wire form.
func (s *OutboxService) Message(id int64) (MessageDetail, error) {
	e, err := s.d.env()
	if err != nil {
		return MessageDetail{}, err
	}
	ctx := context.Background()
	m, err := e.st.GetMessage(ctx, id)
	if err != nil {
		return MessageDetail{}, err
	}
	d := MessageDetail{Message: m}
	a, _, _ := mail.LoadAccount(ctx, e.st)
	bare := m
	bare.Attachments = nil
	if c, err := mail.Compose(a, bare, e.clk.Now()); err != nil {
		d.Error = err.Error()
	} else {
		d.Raw = string(c.Raw)
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
	e, err := s.d.env()
	if err != nil {
		return err
	}
	_, ob, _, err := e.parts(context.Background())
	if err != nil {
		return err
	}
	return fn(context.Background(), ob)
}

// Today returns today's count against the daily limit, any pause, and
// whether test mode is on (the screen shows a banner while it is).
func (s *OutboxService) Today() (mail.DayCount, error) {
	e, err := s.d.env()
	if err != nil {
		return mail.DayCount{}, err
	}
	_, ob, _, err := e.parts(context.Background())
	if err != nil {
		return mail.DayCount{}, err
	}
	return ob.Today(context.Background())
}

// StartSend runs the send loop as a job ("send"); the result is a
// sendReport. Only one send runs at a time.
func (s *OutboxService) StartSend() (string, error) {
	e, err := s.d.env()
	if err != nil {
		return "", err
	}
	if !s.d.sending.CompareAndSwap(false, true) {
		return "", domain.Errorf(domain.CodeConflict, "the outbox is already sending")
	}
	return s.d.app.jobs.Start("send", func(ctx context.Context, progress func(Progress)) (any, error) {
		defer s.d.sending.Store(false)
		return e.send(ctx, 0, func(p mail.Progress) {
			progress(Progress{Done: int64(p.Done), Total: int64(p.Total), Message: p.Current})
		})
	}), nil
}

// StartInboxSync reads new mail as a job ("inbox"); the result is an
// inbox.SyncResult.
func (s *OutboxService) StartInboxSync() (string, error) {
	e, err := s.d.env()
	if err != nil {
		return "", err
	}
	return s.d.app.jobs.Start("inbox", func(ctx context.Context, progress func(Progress)) (any, error) {
		return e.syncInbox(ctx, func(r inbox.SyncResult) {
			progress(Progress{Done: int64(r.Scanned), Message: "reading new mail"})
		})
	}), nil
}

// InboxActivity lists what the last syncs found.
func (s *OutboxService) InboxActivity(limit int) ([]store.InboxItem, error) {
	e, err := s.d.env()
	if err != nil {
		return nil, err
	}
	return e.st.ListInboxItems(context.Background(), limit)
}
