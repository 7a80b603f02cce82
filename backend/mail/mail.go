// Package mail sends the seller's email from their own account. It holds the
// account settings and provider presets, renders templates, builds messages
// that cannot carry injected headers, and runs the outbox: a state machine
// (queued -> sending -> sent | deferred | failed | in_doubt) that writes each
// step to the store before the next network step, so a message is never sent
// blind twice. The throttle, the suppression list check and the test-mode
// redirect all happen right before a message goes out.
package mail

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"net"
	"net/mail"
	"os"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store"
)

// Security is how a connection is encrypted.
type Security string

const (
	// SecurityStartTLS upgrades a plain connection (ports 587, 143); the
	// upgrade is mandatory: a server that does not offer it is refused.
	SecurityStartTLS Security = "starttls"
	// SecurityTLS is implicit TLS from the first byte (ports 465, 993).
	SecurityTLS Security = "tls"
	// SecurityNone is plaintext, allowed only to this computer and only when
	// the seller ticked AllowPlaintext (a local relay, the test servers).
	SecurityNone Security = "none"
)

// AuthMethod is how Shopclerk logs in.
type AuthMethod string

const (
	AuthPassword AuthMethod = "password" // an app password, in the keychain
	AuthOAuth2   AuthMethod = "oauth2"   // XOAUTH2 with a token from the loopback flow
)

// Account is the seller's mail account. The password or token is not part
// of it: it lives in the OS keychain (backend/secrets).
type Account struct {
	// logo is the shop's logo, which emails showing it (email.HasLogo)
	// carry as an inline part. Read from Settings > Shop when the outbox
	// runs (loadLogo); never saved with the account.
	logo domain.ShopLogo

	Provider    ProviderID `json:"provider"`
	FromName    string     `json:"fromName"`
	FromAddress string     `json:"fromAddress"`
	ReplyTo     string     `json:"replyTo"`
	Username    string     `json:"username"`
	Auth        AuthMethod `json:"auth"`

	Servers
	// AllowPlaintext permits SecurityNone, and only to a loopback address.
	AllowPlaintext bool `json:"allowPlaintext"`
	// CAFile adds a trusted certificate (a self-hosted server with its own
	// CA). Verification is never switched off.
	CAFile string `json:"caFile"`

	PerMinute int `json:"perMinute"`
	PerDay    int `json:"perDay"`

	// ProviderFilesSent is true when the provider files a copy of submitted
	// mail in Sent itself (Gmail, Outlook); otherwise Shopclerk APPENDs one.
	ProviderFilesSent bool   `json:"providerFilesSent"`
	SentFolder        string `json:"sentFolder"` // empty: found by \Sent or by name
	// ConfirmCopy adds the seller's own address as a hidden recipient, so
	// the copy in their inbox proves delivery of an in-doubt message on
	// providers that do not file sent mail.
	ConfirmCopy bool `json:"confirmCopy"`

	TestMode    bool   `json:"testMode"`
	TestAddress string `json:"testAddress"`
	// UnsubscribeURL is an https page of the shop that takes {token}; with
	// it marketing mail also gets one-click List-Unsubscribe-Post.
	UnsubscribeURL string `json:"unsubscribeUrl"`
	OAuthClientID  string `json:"oauthClientId"`
}

// SettingsKey is where the account lives in the settings table.
const SettingsKey = "mail.account"

// LoadAccount reads the account from the settings table; ok is false when
// the seller has not set one up.
func LoadAccount(ctx context.Context, st *store.Store) (Account, bool, error) {
	raw, err := st.Setting(ctx, SettingsKey, "")
	if err != nil || raw == "" {
		return Account{}, false, err
	}
	var a Account
	if err := json.Unmarshal([]byte(raw), &a); err != nil {
		return Account{}, false, domain.Wrap(err, domain.CodeInternal, "the saved email account could not be read; please set it up again")
	}
	return a, true, nil
}

// SaveAccount validates and stores the account (never a secret).
func SaveAccount(ctx context.Context, st *store.Store, a Account) error {
	if err := a.Validate(); err != nil {
		return err
	}
	b, _ := json.Marshal(a)
	return st.SetSetting(ctx, SettingsKey, string(b))
}

// Validate checks the account for what the seller can fix in the form.
func (a Account) Validate() error {
	if _, err := parseAddr(a.FromAddress); err != nil {
		return domain.Errorf(domain.CodeInvalid, "the sender address %q is not a valid email address", a.FromAddress)
	}
	if a.ReplyTo != "" {
		if _, err := parseAddr(a.ReplyTo); err != nil {
			return domain.Errorf(domain.CodeInvalid, "the reply-to address %q is not a valid email address", a.ReplyTo)
		}
	}
	if hasControl(a.FromName) {
		return domain.Errorf(domain.CodeInvalid, "the sender name must be on one line")
	}
	for _, s := range []struct {
		what string
		host string
		port int
		sec  Security
	}{{"SMTP", a.SMTPHost, a.SMTPPort, a.SMTPSecurity}, {"IMAP", a.IMAPHost, a.IMAPPort, a.IMAPSecurity}} {
		if s.what == "IMAP" && s.host == "" {
			continue // sending works without a mailbox; in-doubt messages then wait for the seller
		}
		if s.host == "" || hasControl(s.host) || strings.ContainsAny(s.host, " /") {
			return domain.Errorf(domain.CodeInvalid, "the %s server name is missing or not valid", s.what)
		}
		if s.port < 1 || s.port > 65535 {
			return domain.Errorf(domain.CodeInvalid, "the %s port must be a number from 1 to 65535", s.what)
		}
		switch s.sec {
		case SecurityStartTLS, SecurityTLS:
		case SecurityNone:
			if !a.AllowPlaintext || !IsLoopback(s.host) {
				return domain.Errorf(domain.CodeInvalid, "an unencrypted %s connection is only allowed to this computer (localhost), and only when you tick \"allow unencrypted\"", s.what)
			}
		default:
			return domain.Errorf(domain.CodeInvalid, "choose STARTTLS or SSL/TLS for the %s connection", s.what)
		}
	}
	if a.PerMinute < 0 || a.PerDay < 0 {
		return domain.Errorf(domain.CodeInvalid, "sending limits cannot be negative")
	}
	if a.TestMode {
		if _, err := parseAddr(a.TestAddress); err != nil {
			return domain.Errorf(domain.CodeInvalid, "test mode needs an address to send every message to")
		}
	}
	if a.UnsubscribeURL != "" && !strings.HasPrefix(a.UnsubscribeURL, "https://") {
		return domain.Errorf(domain.CodeInvalid, "the unsubscribe page must be an https:// address")
	}
	if a.Auth == "" {
		return domain.Errorf(domain.CodeInvalid, "choose how Shopclerk signs in: password or Sign in with Google/Microsoft")
	}
	return nil
}

// Login is the user name for SMTP and IMAP (the address unless set).
func (a Account) Login() string {
	if a.Username != "" {
		return a.Username
	}
	return a.FromAddress
}

// IsLoopback reports whether host is this computer.
func IsLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// TLSConfig verifies the server's certificate for host, with the account's
// extra CA when set. There is deliberately no way to skip verification.
func (a Account) TLSConfig(host string) (*tls.Config, error) {
	cfg := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	if a.CAFile != "" {
		pem, err := os.ReadFile(a.CAFile)
		if err != nil {
			return nil, domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("the certificate file %s could not be read", a.CAFile))
		}
		pool, err := x509.SystemCertPool()
		if err != nil || pool == nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM(pem) {
			return nil, domain.Errorf(domain.CodeInvalid, "the certificate file %s holds no PEM certificate", a.CAFile)
		}
		cfg.RootCAs = pool
	}
	return cfg, nil
}

// Day is the current day's window in loc, for the daily limit.
func dayStart(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, loc)
}

func parseAddr(s string) (*mail.Address, error) {
	if hasControl(s) {
		return nil, fmt.Errorf("control characters in address")
	}
	a, err := mail.ParseAddress(strings.TrimSpace(s))
	if err != nil {
		return nil, err
	}
	if a.Name != "" || !strings.Contains(a.Address, "@") {
		// A bare address was asked for: "Name <x@y>" smuggles a display name.
		if a.Name != "" {
			return nil, fmt.Errorf("give the address only")
		}
		return nil, fmt.Errorf("no @")
	}
	return a, nil
}

// hasControl reports CR, LF, NUL and other control characters: the ones
// that would end a header line or confuse a server.
func hasControl(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			return true
		}
	}
	return false
}
