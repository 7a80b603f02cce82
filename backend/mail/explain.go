package mail

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"shopclerk/backend/domain"
)

// Explain turns a connection, TLS, login or SMTP error into a sentence the
// seller can act on. The raw error stays attached for the log.
func Explain(err error, a Account) error {
	if err == nil {
		return nil
	}
	var de *domain.Error
	if errors.As(err, &de) {
		return err
	}
	host := fmt.Sprintf("%s:%d", a.SMTPHost, a.SMTPPort)
	return explainAt(err, a, host, "mail server")
}

// ExplainIMAP is Explain for the mailbox (IMAP) connection.
func ExplainIMAP(err error, a Account) error {
	var de *domain.Error
	if err == nil || errors.As(err, &de) {
		return err
	}
	return explainAt(err, a, fmt.Sprintf("%s:%d", a.IMAPHost, a.IMAPPort), "mailbox server")
}

func explainAt(err error, a Account, hostPort, what string) error {
	low := strings.ToLower(err.Error())
	var hostErr x509.HostnameError
	var unknownCA x509.UnknownAuthorityError
	var invalid x509.CertificateInvalidError
	var recErr tls.RecordHeaderError
	var dnsErr *net.DNSError
	var certVerify *tls.CertificateVerificationError
	switch {
	case errors.As(err, &hostErr):
		return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("the server's certificate is not valid for this name (%s): check the server name, it must match what your provider gives", hostErr.Host))
	case errors.As(err, &unknownCA):
		return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("the %s at %s has a certificate nobody vouches for (self-signed or from an unknown authority); Shopclerk will not send your password to it", what, hostPort))
	case errors.As(err, &invalid):
		if invalid.Reason == x509.Expired {
			return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("the %s's certificate has expired (or this computer's clock is wrong)", what))
		}
		return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("the %s's certificate is not valid: %s", what, invalid.Error()))
	case errors.As(err, &certVerify):
		return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("the %s's certificate could not be verified", what))
	case errors.As(err, &recErr), strings.Contains(low, "first record does not look like a tls handshake"):
		return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("port %s does not speak SSL/TLS from the start: choose STARTTLS for this port (usually 587 for sending, 143 for the mailbox)", portOf(hostPort)))
	case strings.Contains(low, "starttls") && (strings.Contains(low, "not support") || strings.Contains(low, "not offer")):
		return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("the %s at %s does not offer encryption (STARTTLS); try SSL/TLS on port 465 (sending) or 993 (mailbox)", what, hostPort))
	case errors.As(err, &dnsErr):
		return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("the server name %q was not found: check its spelling (and that this computer is online)", dnsErr.Name))
	case isAuthFailure(low):
		return domain.Wrap(err, domain.CodeAuthFailed, "the password was refused: "+passwordHint(a))
	case strings.Contains(low, "connection refused"):
		return domain.Wrap(err, domain.CodeTemporary, fmt.Sprintf("nothing answers at %s: check the server name and port", hostPort))
	}
	if timeout, ok := isNetErr(err); ok && timeout {
		return domain.Wrap(err, domain.CodeTemporary, fmt.Sprintf("the %s at %s did not answer in time: check the port, or your firewall", what, hostPort))
	}
	if errors.Is(err, io.EOF) || strings.Contains(low, "eof") || strings.Contains(low, "connection reset") {
		return domain.Wrap(err, domain.CodeTemporary, fmt.Sprintf("the %s at %s closed the connection; the port or the security setting (STARTTLS or SSL/TLS) may be wrong", what, hostPort))
	}
	// The sender's errors (pipeError) carry the reply code.
	var se interface{ ErrorCode() int }
	if errors.As(err, &se) && se.ErrorCode() >= 500 {
		return domain.Wrap(err, domain.CodeInvalid, "the mail server refused the message: "+serverText(err))
	}
	if errors.As(err, &se) && se.ErrorCode() >= 400 {
		return domain.Wrap(err, domain.CodeTemporary, "the mail server asked to try again later: "+serverText(err))
	}
	return domain.Wrap(err, domain.CodeTemporary, fmt.Sprintf("the %s at %s could not be reached: %s", what, hostPort, err.Error()))
}

// authCodes are the SMTP replies that refuse a login (535, 534 5.7.9 and
// the enhanced code 5.7.8), matched as codes standing on their own: a bare
// substring also matched a port ("127.0.0.1:41535: i/o timeout") or an
// address (10.5.7.8) in a network error.
var authCodes = regexp.MustCompile(`(^|[\s:])(535|534 5\.7\.9|5\.7\.8)([\s-]|$)`)

func isAuthFailure(low string) bool {
	if authCodes.MatchString(low) {
		return true
	}
	for _, w := range []string{"authentication failed", "authenticationfailed",
		"invalid credentials", "username and password not accepted", "auth failed", "[authenticationfailed]",
		"login failed", "authentication unsuccessful"} {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

func passwordHint(a Account) string {
	switch a.Provider {
	case ProviderGmail:
		return "Gmail needs an app password, not your Google password (Google Account > Security > App passwords), or use Sign in with Google"
	case ProviderOutlook, ProviderMicrosoft:
		return "Microsoft needs Sign in with Microsoft, or SMTP AUTH turned on for your mailbox by your admin"
	case ProviderICloud:
		return "iCloud needs an app-specific password from appleid.apple.com, not your Apple ID password"
	case ProviderYahoo:
		return "Yahoo needs an app password (Account security > Generate app password)"
	case ProviderZoho:
		return "Zoho needs an application-specific password when two-factor sign-in is on"
	case ProviderFastmail:
		return "Fastmail needs an app password (Settings > Privacy & Security)"
	}
	return "check the user name and password (many providers need a separate app password)"
}

func portOf(hostPort string) string {
	_, p, err := net.SplitHostPort(hostPort)
	if err != nil {
		return hostPort
	}
	return p
}

// serverText is the server's own words from an SMTP error, on one line.
func serverText(err error) string {
	s := oneLine(err.Error())
	if i := strings.Index(s, ": "); i >= 0 && i < 60 {
		s = s[i+2:]
	}
	if i := strings.Index(s, ", affected message ID"); i >= 0 {
		s = s[:i]
	}
	if len(s) > 300 {
		s = s[:300]
	}
	return s
}

// WaitState is what holds due mail back at one moment, read once for a
// page of the Outbox and then asked about each message (Why), so the
// screen never shows a waiting message without its reason.
type WaitState struct {
	Now         time.Time
	Loc         *time.Location // the shop's zone, for the times in the reasons
	NoAccount   bool
	AutoSend    bool // the seller's switch
	TestMode    bool
	TestAddress string
	Hold        *Hold       // a sending limit or the provider's pause
	ServerDown  *ServerDown // the server has not taken mail since
	Running     bool        // a send run is going now
	Quiet       domain.QuietHours
}

// NoAccountWaitState is the state of a shop with no mail account yet.
func NoAccountWaitState(now time.Time, loc *time.Location) WaitState {
	return WaitState{Now: now, Loc: loc, NoAccount: true}
}

// WaitState reads what holds mail back now; autoSend is the switch.
func (o *Outbox) WaitState(ctx context.Context, autoSend bool) (WaitState, error) {
	w := WaitState{Now: o.clock.Now(), Loc: o.loc, AutoSend: autoSend, TestMode: o.account.TestMode,
		TestAddress: o.account.TestAddress, ServerDown: o.ServerDownSince(ctx), Quiet: o.QuietHours(ctx)}
	var err error
	w.Hold, err = o.CurrentHold(ctx)
	return w, err
}

// Why says why m is where it is, in a sentence for the Outbox's Why
// column. Every message that waits gets a reason: its own (a server's
// "try later", a time it is scheduled for) while that holds, else what
// holds all mail back, else what it waits for (a click, the next
// automatic send).
func (w WaitState) Why(m domain.OutboxMessage) string {
	switch m.Status {
	case domain.MsgDraft:
		return "Waiting for you to approve it."
	case domain.MsgSending:
		return "Being handed to the mail server now."
	case domain.MsgQueued, domain.MsgDeferred:
	default:
		return sentence(m.LastError)
	}
	if m.Kind == domain.KindMarketing {
		if in, end := w.Quiet.At(w.Now, w.Loc); in {
			return sentence(quietReason(end, w.loc()))
		}
	}
	if m.NextAttemptAt != nil && m.NextAttemptAt.After(w.Now) {
		why := "Scheduled"
		if m.Status == domain.MsgDeferred && m.LastError != "" {
			why = strings.TrimRight(sentence(m.LastError), ".")
		}
		return why + "; next try " + w.at(*m.NextAttemptAt) + "."
	}
	if w.NoAccount {
		return "No email account is set up yet: add yours in Settings > Email."
	}
	if h := w.Hold; h != nil && h.Limit != LimitMinute {
		return strings.TrimRight(sentence(h.Reason), ".") + "; sending goes on " + w.at(h.Until) + "."
	}
	if d := w.ServerDown; d != nil {
		then := "press Send now to try again."
		if w.AutoSend && !w.TestMode {
			then = "Shopclerk keeps trying."
		}
		return fmt.Sprintf("The mail server has not taken mail since %s (%s). %s", w.clock(d.Since), strings.TrimRight(d.Reason, "."), sentence(then))
	}
	if h := w.Hold; h != nil {
		return strings.TrimRight(sentence(h.Reason), ".") + "; the next message goes " + w.at(h.Until) + "."
	}
	switch {
	case w.Running:
		return "Going out now, in turn."
	case w.AutoSend && w.TestMode:
		return fmt.Sprintf("Test mode is on, so nothing goes out by itself: Send now sends it to %s, not to the customer.", w.TestAddress)
	case !w.AutoSend && w.TestMode:
		return fmt.Sprintf("Automatic sending is off: it goes when you press Send now (test mode: to %s).", w.TestAddress)
	case !w.AutoSend:
		return "Automatic sending is off: it goes when you press Send now."
	}
	return "Next in line: it goes with the next automatic send, within a minute."
}

// at words a moment in the shop's zone: the time today, else with its day.
func (w WaitState) at(t time.Time) string {
	loc := w.loc()
	l, now := t.In(loc), w.Now.In(loc)
	switch {
	case sameDay(l, now):
		return "at " + w.clock(t)
	case sameDay(l, now.AddDate(0, 0, 1)):
		return "at " + w.clock(t) + " tomorrow"
	}
	return "on " + l.Format("Mon 2 Jan") + " at " + w.clock(t)
}

// clock is the time of day in the shop's zone, with seconds only when the
// wait is short enough for them to matter.
func (w WaitState) clock(t time.Time) string {
	loc := w.loc()
	if d := t.Sub(w.Now); d > 0 && d < 2*time.Minute {
		return t.In(loc).Format("15:04:05")
	}
	return t.In(loc).Format("15:04")
}

func (w WaitState) loc() *time.Location {
	if w.Loc == nil {
		return time.UTC
	}
	return w.Loc
}

func sameDay(a, b time.Time) bool {
	return a.Year() == b.Year() && a.YearDay() == b.YearDay()
}

// sentence starts s with a capital letter and ends it with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
