// Package mailtest runs real protocol servers in-process for the mail and
// inbox tests: a go-smtp submission server with failure knobs (temporary,
// permanent, quota, drop the connection after DATA) and a certificate
// authority for STARTTLS/implicit TLS, so tests exercise verified TLS
// exactly as production does.
package mailtest

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"io"
	"math/big"
	"net"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Cert is a self-signed certificate for 127.0.0.1 and localhost, written
// to CAFile so a client can trust exactly it.
type Cert struct {
	TLS    tls.Certificate
	CAFile string
}

// NewCert makes a certificate valid for the given names (IPs or DNS).
func NewCert(t testing.TB, names ...string) Cert {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: names[0]},
		NotBefore:             time.Unix(0, 0),
		NotAfter:              time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	for _, n := range names {
		if ip := net.ParseIP(n); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, n)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, _ := x509.MarshalECPrivateKey(key)
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	keyPEM := pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER})
	pair, err := tls.X509KeyPair(certPEM, keyPEM)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(path, certPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	return Cert{TLS: pair, CAFile: path}
}

// Reply scripts what the server answers to the DATA of one message.
type Reply int

const (
	Accept           Reply = iota
	Temporary              // 451 4.3.0
	Permanent              // 550 5.1.1 user unknown
	Quota                  // 550 5.4.5 daily sending quota exceeded
	DropAfterData          // take the message, then close the connection without a reply
	DropBeforeAccept       // read the message, close without taking it
)

// Delivery is a message the server accepted.
type Delivery struct {
	From      string
	To        []string
	MessageID string
	Data      []byte
}

// SMTP is an in-process submission server.
type SMTP struct {
	Addr     string
	User     string
	Password string

	mu         sync.Mutex
	deliveries []Delivery
	script     func(n int, messageID string) Reply // n counts DATA commands from 1
	rcptReply  func(to string) Reply
	onAccept   func(Delivery)
	dataCount  int
	logins     int
	srv        *smtp.Server
}

// SMTPOptions configure NewSMTP.
type SMTPOptions struct {
	Cert     *Cert // STARTTLS with this certificate; nil: plaintext only
	Implicit bool  // implicit TLS instead of STARTTLS
	NoAuth   bool  // accept mail without AUTH
	Script   func(n int, messageID string) Reply
	OnAccept func(Delivery) // e.g. file in a Sent folder, like Gmail does
	// RcptReply scripts the answer to RCPT TO (Accept, Temporary or
	// Permanent); nil accepts every recipient.
	RcptReply func(to string) Reply
}

// NewSMTP starts a server on 127.0.0.1 and stops it with the test.
func NewSMTP(t testing.TB, opt SMTPOptions) *SMTP {
	t.Helper()
	s := &SMTP{User: "seller@shop.test", Password: "app-password", script: opt.Script, onAccept: opt.OnAccept, rcptReply: opt.RcptReply}
	srv := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		return &session{srv: s, conn: c, authed: opt.NoAuth}, nil
	}))
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = opt.Cert == nil
	srv.MaxMessageBytes = 64 << 20
	srv.ReadTimeout = 30 * time.Second
	srv.WriteTimeout = 30 * time.Second
	var ln net.Listener
	var err error
	if opt.Cert != nil {
		cfg := &tls.Config{Certificates: []tls.Certificate{opt.Cert.TLS}}
		if opt.Implicit {
			ln, err = tls.Listen("tcp", "127.0.0.1:0", cfg)
		} else {
			srv.TLSConfig = cfg
			ln, err = net.Listen("tcp", "127.0.0.1:0")
		}
	} else {
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	if err != nil {
		t.Fatal(err)
	}
	s.Addr = ln.Addr().String()
	s.srv = srv
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return s
}

// Port is the server's port.
func (s *SMTP) Port() int { return ln2port(s.Addr) }

func ln2port(addr string) int {
	_, p, _ := net.SplitHostPort(addr)
	n := 0
	for _, c := range p {
		n = n*10 + int(c-'0')
	}
	return n
}

// Deliveries returns what the server accepted so far.
func (s *SMTP) Deliveries() []Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Delivery(nil), s.deliveries...)
}

// Logins counts successful AUTHs, i.e. connections (one per batch).
func (s *SMTP) Logins() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.logins
}

type session struct {
	srv    *SMTP
	conn   *smtp.Conn
	authed bool
	from   string
	to     []string
}

func (se *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (se *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, username, password string) error {
		if username != se.srv.User || password != se.srv.Password {
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "Authentication credentials invalid"}
		}
		se.authed = true
		se.srv.mu.Lock()
		se.srv.logins++
		se.srv.mu.Unlock()
		return nil
	}), nil
}

func (se *session) Mail(from string, _ *smtp.MailOptions) error {
	if !se.authed {
		return smtp.ErrAuthRequired
	}
	se.from = from
	return nil
}

func (se *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if se.srv.rcptReply != nil {
		switch se.srv.rcptReply(to) {
		case Temporary:
			return &smtp.SMTPError{Code: 450, EnhancedCode: smtp.EnhancedCode{4, 2, 1}, Message: "Mailbox temporarily busy"}
		case Permanent:
			return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "User unknown: no such mailbox"}
		}
	}
	se.to = append(se.to, to)
	return nil
}

func (se *session) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	mid := ""
	if m, err := mail.ReadMessage(bytes.NewReader(b)); err == nil {
		mid = strings.TrimSpace(m.Header.Get("Message-Id"))
	}
	se.srv.mu.Lock()
	se.srv.dataCount++
	n := se.srv.dataCount
	script := se.srv.script
	se.srv.mu.Unlock()
	reply := Accept
	if script != nil {
		reply = script(n, mid)
	}
	d := Delivery{From: se.from, To: append([]string(nil), se.to...), MessageID: mid, Data: b}
	switch reply {
	case Temporary:
		return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "Temporary local problem, try again"}
	case Permanent:
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "User unknown: no such mailbox"}
	case Quota:
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 4, 5}, Message: "Daily user sending quota exceeded"}
	case DropBeforeAccept:
		se.conn.Conn().Close()
		return errors.New("dropped")
	}
	se.srv.mu.Lock()
	se.srv.deliveries = append(se.srv.deliveries, d)
	onAccept := se.srv.onAccept
	se.srv.mu.Unlock()
	if onAccept != nil {
		onAccept(d)
	}
	if reply == DropAfterData {
		se.conn.Conn().Close()
		return errors.New("dropped")
	}
	return nil
}

func (se *session) Reset()        { se.from, se.to = "", nil }
func (se *session) Logout() error { return nil }
