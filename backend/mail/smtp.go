package mail

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
	gosmtp "github.com/wneessen/go-mail/smtp"

	"shopclerk/backend/domain"
)

// SecretFunc returns the password, or a fresh OAuth2 access token, for the
// account. It is called once per connection, so a token refreshed by the
// secrets package is always current.
type SecretFunc func(ctx context.Context) (string, error)

// Conn is one open SMTP connection, reused for a whole batch.
type Conn interface {
	// Send hands one message to the server and returns its reply to DATA.
	// beforeDot (nil: nothing) runs once the whole content is written and
	// before the final dot that completes it: the send journal's note that
	// the message may now reach the server. Until that dot the server
	// discards a broken-off message, so a crash anywhere earlier leaves no
	// doubt. When beforeDot fails, the dot is never sent: Send returns a
	// *JournalError and the connection is unusable.
	Send(ctx context.Context, c *Composed, beforeDot func() error) (reply string, err error)
	Close() error
}

// JournalError is Send's error when beforeDot failed: the message did not
// go (its final dot was never sent) and the connection is closed.
type JournalError struct{ Err error }

func (e *JournalError) Error() string { return e.Err.Error() }
func (e *JournalError) Unwrap() error { return e.Err }

// Dialer opens a connection; tests and the app both use SMTPDialer.
type Dialer func(ctx context.Context) (Conn, error)

// DialTimeout bounds connecting, TLS and login; a server that hangs gets
// a clear "did not answer" instead of a frozen outbox.
const DialTimeout = 30 * time.Second

// SMTPDialer connects to the account's SMTP server with go-mail: TLS is
// mandatory (STARTTLS or implicit) and the certificate verified, except a
// plaintext connection to this computer the seller explicitly allowed.
func SMTPDialer(a Account, secret SecretFunc) Dialer { return smtpDialer(a, secret, true) }

// smtpDialer is SMTPDialer; pipelining false never pipelines (for tests of
// the one-command-at-a-time transaction, since test servers all offer it).
func smtpDialer(a Account, secret SecretFunc, pipelining bool) Dialer {
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
			// go-mail dials, secures and logs in; smtpConn runs each mail
			// transaction itself, so the send journal can be written right
			// before the final dot. It sends no NOOP before a message (a dead
			// connection shows at MAIL FROM, before any content, and the
			// message is requeued) and no RSET after an accepted one (a
			// completed DATA ends the transaction, RFC 5321 4.1.1.4).
			gomail.WithTLSConfig(tlsCfg), gomail.WithUsername(a.Login()), gomail.WithPassword(pw)}
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
		sc, err := c.DialToSMTPClientWithContext(ctx)
		if err != nil {
			return nil, Explain(err, a)
		}
		conn := &smtpConn{c: c, sc: sc, timeout: timeout}
		if pipelining {
			conn.pipelining, _ = sc.Extension("PIPELINING")
		}
		return conn, nil
	}
}

// smtpConn is one connection dialled, secured and logged in by go-mail.
// Where the server offers PIPELINING (RFC 2920: Gmail, Outlook, iCloud,
// Postfix and Exim all do) a message takes two round trips instead of
// four: MAIL FROM, RCPT TO and DATA go out together, then the content.
// Elsewhere the transaction runs one command at a time (sendStepwise).
type smtpConn struct {
	c          *gomail.Client
	sc         *gosmtp.Client
	timeout    time.Duration
	pipelining bool
}

func (s *smtpConn) Send(ctx context.Context, m *Composed, beforeDot func() error) (string, error) {
	if beforeDot == nil {
		beforeDot = func() error { return nil }
	}
	rcpts, err := m.Msg.GetRecipients()
	if err != nil || len(rcpts) == 0 {
		return "", &pipeError{step: "RCPT TO", err: errors.New("the message has no recipient")}
	}
	if s.pipelining && len(rcpts) == 1 {
		return s.sendPipelined(m, rcpts[0], beforeDot)
	}
	return s.sendStepwise(m, rcpts, beforeDot)
}

func (s *smtpConn) Close() error { return s.c.CloseWithSMTPClient(s.sc) }

// sendPipelined is one pipelined mail transaction to one recipient (RFC
// 2920 3.1: DATA ends the group, the content follows its 354). Every reply
// of the group is read whatever the first one said, so the connection stays
// in step; a refused MAIL or RCPT is followed by RSET, as go-mail does. A
// message with more recipients (a confirm copy) goes through sendStepwise,
// which hears every RCPT answer before DATA: pipelined, a refused customer
// beside an accepted copy would leave only a DATA that cannot be taken back.
func (s *smtpConn) sendPipelined(m *Composed, rcpt string, beforeDot func() error) (string, error) {
	from, err := m.Msg.GetSender(false)
	if err != nil {
		return "", &pipeError{step: "MAIL FROM", err: err}
	}
	if strings.ContainsAny(from+rcpt, "\r\n") { // parsed addresses never have them; a command must not either
		return "", &pipeError{step: "MAIL FROM", err: errors.New("an address contains a line break")}
	}
	if err := s.sc.UpdateDeadline(s.timeout); err != nil {
		return "", &pipeError{step: "MAIL FROM", err: err}
	}
	// The same MAIL FROM parameters go-mail's Mail sends.
	w := s.sc.Text.W
	w.WriteString("MAIL FROM:" + from)
	if ok, _ := s.sc.Extension("8BITMIME"); ok {
		w.WriteString(" BODY=8BITMIME")
	}
	if ok, _ := s.sc.Extension("SMTPUTF8"); ok {
		w.WriteString(" SMTPUTF8")
	}
	w.WriteString("\r\nRCPT TO:" + rcpt + "\r\nDATA\r\n")
	if err := w.Flush(); err != nil {
		return "", &pipeError{step: "MAIL FROM", err: err}
	}
	var refused *pipeError // the first refusal of the group
	read := func(step string, want int) bool {
		code, text, err := s.sc.Text.ReadResponse(want)
		if err == nil {
			return true
		}
		if refused == nil {
			refused = &pipeError{step: step, code: code, text: text}
			if code == 0 {
				refused.err = err // no reply: the connection broke
			}
		}
		return false
	}
	read("MAIL FROM", 250)
	read("RCPT TO", 25)
	if dataOK := read("DATA", 354); refused != nil {
		if refused.code == 0 {
			return "", refused
		}
		if dataOK {
			// DATA was accepted although MAIL or RCPT was not: an empty
			// message ends it, which the server refuses for want of a
			// recipient, the only one having been refused (RFC 2920 3.1).
			w.WriteString(".\r\n")
			w.Flush()
			s.sc.Text.ReadResponse(250)
		}
		s.sc.Reset()
		return "", refused
	}
	dw := s.sc.Text.DotWriter()
	if err := s.content(dw, m, beforeDot); err != nil {
		return "", err
	}
	if err := dw.Close(); err != nil {
		return "", &pipeError{step: "message", err: err}
	}
	code, text, err := s.sc.Text.ReadResponse(250)
	if err != nil {
		// The final dot went out: a missing reply leaves the message in doubt.
		return "", &pipeError{step: "end of data", code: code, text: text, err: err, content: true}
	}
	return strconv.Itoa(code) + " " + text, nil
}

// sendStepwise is the transaction one command at a time (RFC 5321 3.3),
// for servers without PIPELINING and for messages with more than one
// recipient: every RCPT is answered before DATA, and one refused recipient
// ends the transaction with RSET before any content, as go-mail does.
func (s *smtpConn) sendStepwise(m *Composed, rcpts []string, beforeDot func() error) (string, error) {
	from, err := m.Msg.GetSender(false)
	if err != nil {
		return "", &pipeError{step: "MAIL FROM", err: err}
	}
	if err := s.sc.UpdateDeadline(s.timeout); err != nil {
		return "", &pipeError{step: "MAIL FROM", err: err}
	}
	if err := s.sc.Mail(from); err != nil {
		pe := stepError("MAIL FROM", err)
		if pe.code != 0 {
			s.sc.Reset()
		}
		return "", pe
	}
	var refused *pipeError
	for _, rcpt := range rcpts {
		if err := s.sc.Rcpt(rcpt); err != nil {
			pe := stepError("RCPT TO", err)
			if pe.code == 0 {
				return "", pe
			}
			if refused == nil {
				refused = pe
			}
		}
	}
	if refused != nil {
		s.sc.Reset()
		return "", refused
	}
	dw, err := s.sc.Data()
	if err != nil {
		return "", stepError("DATA", err)
	}
	if err := s.content(dw, m, beforeDot); err != nil {
		return "", err
	}
	// Close sends the final dot and reads the reply.
	if err := dw.Close(); err != nil {
		pe := stepError("end of data", err)
		pe.content = true
		return "", pe
	}
	reply := "250"
	if dc, ok := dw.(*gosmtp.DataCloser); ok && dc.ServerResponse() != "" {
		reply += " " + dc.ServerResponse()
	}
	return reply, nil
}

// content writes the message through DATA's dot-stuffing writer, then runs
// beforeDot: the final dot, which alone makes the server take the message,
// is sent only after it returned (the writer buffers the last bytes; only
// its Close appends and flushes the dot). When beforeDot fails the
// connection is closed with the message unfinished, which the server
// discards.
func (s *smtpConn) content(dw io.Writer, m *Composed, beforeDot func() error) error {
	var err error
	if m.Raw != nil {
		_, err = dw.Write(m.Raw)
	} else {
		_, err = m.Msg.WriteTo(dw)
	}
	if err != nil {
		return &pipeError{step: "message", err: err}
	}
	if err := beforeDot(); err != nil {
		s.sc.Close() // no QUIT: inside DATA it would be read as content
		return &JournalError{Err: err}
	}
	return nil
}

// stepError turns a command's failure into a pipeError: the server's reply
// when it refused, the network error when no reply came.
func stepError(step string, err error) *pipeError {
	var te *textproto.Error
	if errors.As(err, &te) {
		return &pipeError{step: step, code: te.Code, text: te.Msg}
	}
	return &pipeError{step: step, err: err}
}

// pipeError is a refusal or a broken connection in a mail transaction.
type pipeError struct {
	step    string // the command whose reply it is
	code    int    // the server's reply code; 0 when no reply came
	text    string
	err     error // the network error when no reply came
	content bool  // the whole content, final dot included, was written
}

func (e *pipeError) Error() string {
	if e.code != 0 {
		return fmt.Sprintf("%s refused: %d %s", e.step, e.code, e.text)
	}
	return fmt.Sprintf("%s: %v", e.step, e.err)
}

func (e *pipeError) Unwrap() error { return e.err }

// ErrorCode is the server's reply code (0 when none came).
func (e *pipeError) ErrorCode() int { return e.code }

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

// Classify turns a send error into an outcome for the state machine.
func Classify(err error) Outcome {
	if err == nil {
		return OutcomeSent
	}
	var pe *pipeError
	if errors.As(err, &pe) {
		return classifyReply(err, pe.code, pe.content)
	}
	return OutcomeConnLost
}

// classifyReply classifies a failed transaction by the server's reply code
// (0 when no reply came); afterContent says the whole content, final dot
// included, had been written.
func classifyReply(err error, code int, afterContent bool) Outcome {
	if code >= 400 {
		low := strings.ToLower(err.Error())
		for _, w := range quotaWords {
			if strings.Contains(low, w) {
				return OutcomeQuota
			}
		}
	}
	switch {
	case afterContent && code == 0:
		// The final dot went out and the reply never came: the server may
		// or may not have taken the message.
		return OutcomeInDoubt
	case code >= 500:
		return OutcomePermanent
	case code >= 400:
		return OutcomeTemporary
	}
	// No reply code: the connection broke before the message was complete.
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
