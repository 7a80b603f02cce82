package mailtest

import (
	"bytes"
	"crypto/tls"
	"io"
	"log"
	"net"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// IMAP is go-imap's in-memory server with one user who has INBOX and Sent.
type IMAP struct {
	Addr     string
	User     *imapmemserver.User
	Login    string
	Password string
}

// NewIMAP starts an IMAP server on 127.0.0.1 offering STARTTLS with cert.
func NewIMAP(t testing.TB, cert *Cert) *IMAP {
	t.Helper()
	mem := imapmemserver.New()
	i := &IMAP{Login: "seller@shop.test", Password: "app-password"}
	i.User = imapmemserver.NewUser(i.Login, i.Password)
	for _, box := range []string{"INBOX", "Sent"} {
		if err := i.User.Create(box, nil); err != nil {
			t.Fatal(err)
		}
	}
	mem.AddUser(i.User)
	opts := &imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps:   imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIMAP4rev2: {}},
		Logger: log.New(io.Discard, "", 0),
	}
	if cert != nil {
		opts.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert.TLS}}
	} else {
		opts.InsecureAuth = true
	}
	srv := imapserver.New(opts)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	i.Addr = ln.Addr().String()
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return i
}

// Port is the server's port.
func (i *IMAP) Port() int { return ln2port(i.Addr) }

// Deliver appends raw to mailbox, as an incoming message would arrive.
func (i *IMAP) Deliver(t testing.TB, mailbox string, raw []byte) {
	t.Helper()
	if _, err := i.User.Append(mailbox, bytes.NewReader(raw), &imap.AppendOptions{}); err != nil {
		t.Fatal(err)
	}
}

// Count returns the number of messages in mailbox.
func (i *IMAP) Count(t testing.TB, mailbox string) uint32 {
	t.Helper()
	st, err := i.User.Status(mailbox, &imap.StatusOptions{NumMessages: true, NumDeleted: true})
	if err != nil {
		t.Fatal(err)
	}
	if st.NumDeleted != nil && *st.NumDeleted > 0 {
		t.Fatalf("%d messages in %s are flagged \\Deleted", *st.NumDeleted, mailbox)
	}
	return *st.NumMessages
}
