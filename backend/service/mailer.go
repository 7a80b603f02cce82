package service

import (
	"context"
	"log/slog"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/inbox"
	"shopclerk/backend/mail"
	"shopclerk/backend/secrets"
	"shopclerk/backend/store/outboxdb"
)

// Mailer is the shop's mail wiring, one per open shop, shared by the
// window's services and the headless commands so both send the same way.
// It builds the outbox and the mailbox client per operation, from the
// account as saved at that moment: a mail.Outbox holds its Account, and the
// seller may save another (Settings > Email, `shopclerk account set`) while
// the app is open.
type Mailer struct {
	st     *outboxdb.DB
	clk    clock.Clock
	events inbox.Events   // nil: nobody hears replies and suppressions
	check  mail.SendCheck // asked before each automation email; nil: nothing
	log    *slog.Logger

	secOnce sync.Once
	sec     secrets.Store
	// Gate keeps to one send run at a time, Send now's or the automatic
	// sender's: the in-doubt recovery at the start of a run relies on it.
	Gate sendGate
	// Sleep waits d on a real timer; tests replace it to move their clock.
	Sleep func(ctx context.Context, d time.Duration) error
	// Hold may keep a message back for now (the store connectors' coupons).
	Hold mail.HoldBack
	// drafters propose reply drafts to incoming questions (faq.go).
	drafters []inbox.Drafter
}

// sendGate is a mutex that also tells whether it is held, so the Outbox can
// say that a waiting message is going out now.
type sendGate struct {
	mu   sync.Mutex
	busy atomic.Bool
}

func (g *sendGate) TryLock() bool {
	if !g.mu.TryLock() {
		return false
	}
	g.busy.Store(true)
	return true
}

// Busy tells whether a send run holds the gate.
func (g *sendGate) Busy() bool { return g.busy.Load() }

func (g *sendGate) Unlock() {
	g.busy.Store(false)
	g.mu.Unlock()
}

func newMailer(st *outboxdb.DB, clk clock.Clock, sec secrets.Store, events inbox.Events, check mail.SendCheck, log *slog.Logger) *Mailer {
	return &Mailer{st: st, clk: clk, sec: sec, events: events, check: check, log: log}
}

// secrets is the keychain, or the file beside the shop where there is none.
// Opening probes the keychain with a write, so it waits for the first
// secret needed rather than slowing every start.
func (m *Mailer) Secrets() secrets.Store {
	m.secOnce.Do(func() {
		if m.sec == nil {
			m.sec = secrets.Open(filepath.Dir(m.st.Path()))
		}
	})
	return m.sec
}

// account is the saved account, or a clear error when there is none.
func (m *Mailer) Account(ctx context.Context) (mail.Account, error) {
	a, ok, err := mail.LoadAccount(ctx, m.st.Store)
	if err != nil {
		return a, err
	}
	if !ok {
		return a, domain.Errorf(domain.CodeInvalid, "no email account is set up yet: open Settings > Email (or run `shopclerk account set`)")
	}
	return a, nil
}

func oauthProvider(a mail.Account) secrets.OAuthProvider {
	if a.Provider == mail.ProviderGmail {
		return secrets.Google
	}
	return secrets.Microsoft
}

const oauthSecretKey = "oauth-client-secret:"

// secretFunc gives the password, or a fresh OAuth access token.
func (m *Mailer) secretFunc(a mail.Account) mail.SecretFunc {
	return func(ctx context.Context) (string, error) {
		sec := m.Secrets()
		if a.Auth == mail.AuthOAuth2 {
			cs, err := sec.Get(oauthSecretKey + a.Login())
			if err != nil {
				return "", err
			}
			return secrets.AccessToken(ctx, oauthProvider(a), a.OAuthClientID, cs, a.Login(), sec)
		}
		return sec.Get(secrets.MailPasswordKey(a.Login()))
	}
}

// hasSecret tells whether the keychain holds the account's password, or
// its OAuth token after a sign-in.
func (m *Mailer) HasSecret(a mail.Account) bool {
	key := secrets.MailPasswordKey(a.Login())
	if a.Auth == mail.AuthOAuth2 {
		key = secrets.OAuthTokenKey(a.Login())
	}
	v, _ := m.Secrets().Get(key)
	return v != ""
}

// signIn runs the OAuth sign-in for the saved account's provider and
// client ID in the browser (open shows the page). A client secret given
// is kept in the keychain for the token refreshes; empty keeps the saved one.
func (m *Mailer) SignIn(ctx context.Context, clientSecret string, open func(url string) error) error {
	a, err := m.Account(ctx)
	if err != nil {
		return err
	}
	sec := m.Secrets()
	if clientSecret != "" {
		if err := sec.Set(oauthSecretKey+a.Login(), clientSecret); err != nil {
			return err
		}
	}
	cs, _ := sec.Get(oauthSecretKey + a.Login())
	_, err = secrets.SignIn(ctx, oauthProvider(a), a.OAuthClientID, cs, a.Login(), sec, open)
	return err
}

// parts builds the outbox and the mailbox client (nil without an IMAP
// server) for the account as saved now, in the shop's time zone as set now.
func (m *Mailer) Parts(ctx context.Context) (mail.Account, *mail.Outbox, *inbox.Client, error) {
	a, err := m.Account(ctx)
	if err != nil {
		return a, nil, nil, err
	}
	secret := m.secretFunc(a)
	var box mail.Mailbox
	var cl *inbox.Client
	if a.IMAPHost != "" {
		cl = inbox.NewClient(a, secret, m.clk)
		box = cl
	}
	ob := mail.NewOutbox(m.st, m.clk, a, mail.SMTPDialer(a, secret), box, m.st.Location(ctx), m.log).WithSendCheck(m.check)
	ob.HoldBy(m.Hold)
	return a, ob, cl, nil
}

// outbox is parts' outbox alone.
func (m *Mailer) Outbox(ctx context.Context) (*mail.Outbox, error) {
	_, ob, _, err := m.Parts(ctx)
	return ob, err
}

// sendNow is Send now: it sends what is due for the saved account and
// waits out the per-minute limit (telling waiting why) instead of stopping
// at it. The caller holds the gate.
func (m *Mailer) SendNow(ctx context.Context, progress func(mail.Progress), waiting func(until time.Time, why string)) (mail.SendReport, error) {
	ob, err := m.Outbox(ctx)
	if err != nil {
		return mail.SendReport{}, err
	}
	return ob.SendPaced(ctx, mail.PacedOptions{RunOptions: mail.RunOptions{Progress: progress},
		Wait: func(ctx context.Context, until time.Time, why string) error {
			if waiting != nil {
				waiting(until, why)
			}
			return m.waitUntil(ctx, until)
		}})
}

// waitUntil sleeps until the shop's clock reaches until, on a real timer
// bounded to about a minute (the per-minute limit's longest wait), so a
// clock pinned for a demo slows Send now down but never stalls it.
func (m *Mailer) waitUntil(ctx context.Context, until time.Time) error {
	d := min(max(until.Sub(m.clk.Now()), time.Second), 61*time.Second)
	if m.Sleep != nil {
		return m.Sleep(ctx, d)
	}
	return clock.Sleep(ctx, d)
}

// explain fills each row's Why from what holds mail back now.
func (m *Mailer) Explain(ctx context.Context, rows []domain.OutboxMessage) error {
	w := mail.NoAccountWaitState(m.clk.Now(), m.st.Location(ctx))
	if ob, err := m.Outbox(ctx); err == nil {
		auto, err := mail.AutoSendOn(ctx, m.st.Store)
		if err != nil {
			return err
		}
		if w, err = ob.WaitState(ctx, auto); err != nil {
			return err
		}
		w.Running = m.Gate.Busy()
	} else if domain.CodeOf(err) != domain.CodeInvalid {
		return err
	}
	for i := range rows {
		rows[i].Why = w.Why(rows[i])
	}
	return nil
}

// send runs the outbox for the saved account (mail.Outbox.Send).
func (m *Mailer) Send(ctx context.Context, max int, progress func(mail.Progress)) (mail.SendReport, error) {
	ob, err := m.Outbox(ctx)
	if err != nil {
		return mail.SendReport{}, err
	}
	return ob.Send(ctx, mail.RunOptions{Max: max, Progress: progress})
}

// syncInbox runs one bounded inbox sync.
func (m *Mailer) SyncInbox(ctx context.Context, progress func(inbox.SyncResult)) (inbox.SyncResult, error) {
	a, ob, cl, err := m.Parts(ctx)
	if err != nil {
		return inbox.SyncResult{}, err
	}
	if cl == nil {
		return inbox.SyncResult{}, domain.Errorf(domain.CodeInvalid, "no mailbox (IMAP) server is set up in Settings > Email")
	}
	syncer := inbox.NewSyncer(m.st, cl, ob, m.events, m.clk, a, m.log)
	syncer.Drafters = m.drafters
	return syncer.Sync(ctx, progress)
}

// checkMailbox logs in to IMAP and counts the messages in INBOX.
func (m *Mailer) CheckMailbox(ctx context.Context) (uint32, error) {
	_, _, cl, err := m.Parts(ctx)
	if err != nil {
		return 0, err
	}
	if cl == nil {
		return 0, domain.Errorf(domain.CodeInvalid, "no mailbox (IMAP) server is set up")
	}
	return cl.Check(ctx)
}

// sendTest checks the saved account with one message to the given address.
func (m *Mailer) SendTest(ctx context.Context, to string) (string, error) {
	a, err := m.Account(ctx)
	if err != nil {
		return "", err
	}
	return mail.SendTest(ctx, a, m.secretFunc(a), to, m.clk.Now())
}

// saveAccount validates and stores the account; a non-empty password goes
// to the keychain only.
func (m *Mailer) SaveAccount(ctx context.Context, a mail.Account, password string) error {
	if err := a.Validate(); err != nil {
		return err
	}
	if password != "" {
		if err := m.Secrets().Set(secrets.MailPasswordKey(a.Login()), password); err != nil {
			return err
		}
	}
	return mail.SaveAccount(ctx, m.st.Store, a)
}
