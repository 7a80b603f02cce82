package mail

import (
	"context"
	"errors"
	"net"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	"shopclerk/backend/domain"
)

// SecretFunc returns the password, or a fresh OAuth2 access token, for the
// account. It is called once per connection, so a token refreshed by the
// secrets package is always current.
type SecretFunc func(ctx context.Context) (string, error)

// Conn is one open SMTP connection, reused for a whole batch.
type Conn interface {
	// Send hands one message to the server and returns its reply to DATA.
	Send(ctx context.Context, c *Composed) (reply string, err error)
	Close() error
}

// Dialer opens a connection; tests and the app both use SMTPDialer.
type Dialer func(ctx context.Context) (Conn, error)

// DialTimeout bounds connecting, TLS and login; a server that hangs gets
// a clear "did not answer" instead of a frozen outbox.
const DialTimeout = 30 * time.Second

// SMTPDialer connects to the account's SMTP server with go-mail: TLS is
// mandatory (STARTTLS or implicit) and the certificate verified, except a
// plaintext connection to this computer the seller explicitly allowed.
func SMTPDialer(a Account, secret SecretFunc) Dialer {
	return func(ctx context.Context) (Conn, error) {
		if err := a.Validate(); err != nil {
			return nil, err
		}
		tlsCfg, err := a.TLSConfig(a.SMTPHost)
		if err != nil {
			return nil, err
		}
		pw, err := secret(ctx)
		if err != nil {
			return nil, err
		}
		timeout := DialTimeout
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < timeout {
			timeout = max(time.Until(dl), time.Millisecond) // go-mail bounds reads by this, not by ctx
		}
		opts := []gomail.Option{gomail.WithPort(a.SMTPPort), gomail.WithTimeout(timeout),
			gomail.WithTLSConfig(tlsCfg), gomail.WithUsername(a.Login()), gomail.WithPassword(pw),
			// No NOOP before every message: a dead connection shows at MAIL FROM,
			// before any content, and is classified as lost (the message requeued).
			gomail.WithoutNoop(),
			// No RSET after each accepted message: a completed DATA already ends
			// the transaction (RFC 5321 4.1.1.4), so the next MAIL FROM starts
			// clean; go-mail still sends RSET after a refused MAIL/RCPT.
			gomail.WithoutRset()}
		switch a.SMTPSecurity {
		case SecurityTLS:
			opts = append(opts, gomail.WithSSL())
		case SecurityStartTLS:
			opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
		case SecurityNone:
			opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
		}
		switch {
		case a.Auth == AuthOAuth2:
			opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthXOAUTH2))
		case pw == "":
			opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthNoAuth))
		case a.SMTPSecurity == SecurityNone:
			// Validate allowed plaintext only to loopback, so the password
			// never crosses a network unencrypted.
			opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthPlainNoEnc))
		default:
			opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover))
		}
		c, err := gomail.NewClient(a.SMTPHost, opts...)
		if err != nil {
			return nil, Explain(err, a)
		}
		if err := c.DialWithContext(ctx); err != nil {
			return nil, Explain(err, a)
		}
		return &smtpConn{c: c, acct: a}, nil
	}
}

type smtpConn struct {
	c    *gomail.Client
	acct Account
}

func (s *smtpConn) Send(ctx context.Context, m *Composed) (string, error) {
	err := s.c.Send(m.Msg)
	if err == nil || m.Msg.IsDelivered() {
		// IsDelivered: the server accepted DATA; a failed RSET afterwards
		// does not undo that.
		return m.Msg.ServerResponse(), nil
	}
	return "", err
}

func (s *smtpConn) Close() error { return s.c.Close() }

// Outcome classifies one send attempt for the state machine.
type Outcome string

const (
	OutcomeSent      Outcome = "sent"
	OutcomeTemporary Outcome = "temporary" // 4xx or a network problem before DATA: retry later
	OutcomePermanent Outcome = "permanent" // 5xx: this message will never go
	OutcomeQuota     Outcome = "quota"     // the account hit a provider limit: pause everything
	OutcomeInDoubt   Outcome = "in_doubt"  // DATA was sent but no reply came back
	OutcomeConnLost  Outcome = "conn_lost" // the connection is unusable: redial before the next one
)

// quotaPattern matches the replies providers give when an account hits its
// sending limit (Gmail 550 5.4.5 / 421 4.7.0, Outlook's
// SubmissionQuotaExceeded and 5.7.708, Yahoo's 554 "sending limits").
var quotaWords = []string{"quota", "5.4.5", "sending limit", "rate limit", "too many messages",
	"submissionquotaexceeded", "5.7.708", "limit exceeded", "daily user sending", "try again later"}

// Classify turns a go-mail error into an outcome for the state machine.
func Classify(err error) Outcome {
	if err == nil {
		return OutcomeSent
	}
	var se *gomail.SendError
	if !errors.As(err, &se) {
		return OutcomeConnLost
	}
	low := strings.ToLower(err.Error())
	code := se.ErrorCode()
	if code >= 400 {
		for _, w := range quotaWords {
			if strings.Contains(low, w) {
				return OutcomeQuota
			}
		}
	}
	switch {
	case se.Reason == gomail.ErrSMTPDataClose && code == 0:
		// The final dot went out and the reply never came: the server may
		// or may not have taken the message.
		return OutcomeInDoubt
	case code >= 500:
		return OutcomePermanent
	case code >= 400 || se.IsTemp():
		return OutcomeTemporary
	case se.Reason == gomail.ErrConnCheck || se.Reason == gomail.ErrWriteContent || se.Reason == gomail.ErrSMTPData:
		// No reply code: the connection broke before the message was complete.
		return OutcomeConnLost
	}
	return OutcomeConnLost
}

// isNetErr reports timeouts and refused connections (used by Explain).
func isNetErr(err error) (timeout bool, ok bool) {
	var ne net.Error
	if errors.As(err, &ne) {
		return ne.Timeout(), true
	}
	return false, false
}

// wrapTemp marks a network failure as temporary for the error contract.
func wrapTemp(err error, msg string) error {
	return domain.Wrap(err, domain.CodeTemporary, msg)
}
