package mail

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"

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

func isAuthFailure(low string) bool {
	for _, w := range []string{"535", "534 5.7.9", "authentication failed", "authenticationfailed",
		"invalid credentials", "username and password not accepted", "auth failed", "[authenticationfailed]",
		"login failed", "authentication unsuccessful", "5.7.8"} {
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
