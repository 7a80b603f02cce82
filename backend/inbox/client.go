// Package inbox reads the seller's mailbox over IMAP (go-imap v2) and feeds
// what customers and servers send back into the shop: replies to our
// messages stop the customer's sequences and become tasks, delivery reports
// (DSN) and spam complaints suppress the address with the reason,
// unsubscribe requests suppress it, and "where is my order?" questions get
// a reply draft for the seller to approve. Sync is incremental by
// UIDVALIDITY/UID and bounded per run. Mailboxes are opened read-only
// (EXAMINE) and bodies fetched with PEEK: Shopclerk never deletes, moves or
// even marks the seller's mail. It also looks up Message-IDs in the Sent
// folder for the outbox's in-doubt messages and files copies there.
package inbox

import (
	"context"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-sasl"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/mail"
)

// Client opens IMAP sessions for the account.
type Client struct {
	acct   mail.Account
	secret mail.SecretFunc
	clock  clock.Clock
}

var _ mail.Mailbox = (*Client)(nil)

// NewClient returns a client; secret gives the password or access token.
func NewClient(a mail.Account, secret mail.SecretFunc, clk clock.Clock) *Client {
	return &Client{acct: a, secret: secret, clock: clk}
}

// session is one logged-in connection, closed when ctx ends so a hanging
// server cannot hold the app.
type session struct {
	c    *imapclient.Client
	stop func() bool
}

func (s *session) close() {
	s.stop()
	s.c.Logout().Wait()
	s.c.Close()
}

func (cl *Client) open(ctx context.Context) (*session, error) {
	a := cl.acct
	if a.IMAPHost == "" {
		return nil, domain.Errorf(domain.CodeInvalid, "no mailbox (IMAP) server is set up in Settings > Email")
	}
	if a.IMAPSecurity == mail.SecurityNone && !(a.AllowPlaintext && mail.IsLoopback(a.IMAPHost)) {
		return nil, domain.Errorf(domain.CodeInvalid, "an unencrypted mailbox connection is only allowed to this computer")
	}
	tlsCfg, err := a.TLSConfig(a.IMAPHost)
	if err != nil {
		return nil, err
	}
	opts := &imapclient.Options{TLSConfig: tlsCfg, Dialer: &net.Dialer{Timeout: mail.DialTimeout}}
	addr := net.JoinHostPort(a.IMAPHost, fmt.Sprint(a.IMAPPort))
	type result struct {
		c   *imapclient.Client
		err error
	}
	done := make(chan result, 1)
	go func() {
		var c *imapclient.Client
		var err error
		switch a.IMAPSecurity {
		case mail.SecurityTLS:
			c, err = imapclient.DialTLS(addr, opts)
		case mail.SecurityNone:
			c, err = imapclient.DialInsecure(addr, opts)
		default:
			c, err = imapclient.DialStartTLS(addr, opts)
		}
		if err == nil {
			err = c.WaitGreeting()
		}
		done <- result{c, err}
	}()
	var r result
	timer := time.NewTimer(mail.DialTimeout)
	defer timer.Stop()
	select {
	case r = <-done:
	case <-ctx.Done():
		go func() {
			if r := <-done; r.c != nil {
				r.c.Close()
			}
		}()
		return nil, mail.ExplainIMAP(&net.OpError{Op: "dial", Net: "tcp", Err: timeoutErr{}}, a)
	case <-timer.C:
		go func() {
			if r := <-done; r.c != nil {
				r.c.Close()
			}
		}()
		return nil, mail.ExplainIMAP(&net.OpError{Op: "dial", Net: "tcp", Err: timeoutErr{}}, a)
	}
	if r.err != nil {
		if r.c != nil {
			r.c.Close()
		}
		return nil, mail.ExplainIMAP(r.err, a)
	}
	c := r.c
	stop := context.AfterFunc(ctx, func() { c.Close() })
	pw, err := cl.secret(ctx)
	if err != nil {
		stop()
		c.Close()
		return nil, err
	}
	if a.Auth == mail.AuthOAuth2 {
		err = c.Authenticate(&xoauth2{user: a.Login(), token: pw})
	} else {
		err = c.Login(a.Login(), pw).Wait()
	}
	if err != nil {
		stop()
		c.Close()
		if strings.Contains(strings.ToLower(err.Error()), "auth") || strings.Contains(err.Error(), "NO") {
			return nil, mail.ExplainIMAP(fmt.Errorf("authentication failed: %w", err), a)
		}
		return nil, mail.ExplainIMAP(err, a)
	}
	return &session{c: c, stop: stop}, nil
}

type timeoutErr struct{}

func (timeoutErr) Error() string   { return "i/o timeout" }
func (timeoutErr) Timeout() bool   { return true }
func (timeoutErr) Temporary() bool { return true }

// xoauth2 is the SASL XOAUTH2 mechanism Google and Microsoft use for IMAP.
type xoauth2 struct{ user, token string }

var _ sasl.Client = (*xoauth2)(nil)

func (x *xoauth2) Start() (string, []byte, error) {
	return "XOAUTH2", []byte("user=" + x.user + "\x01auth=Bearer " + x.token + "\x01\x01"), nil
}

// Next answers the server's error challenge with an empty response, after
// which the server fails the command with its reason.
func (x *xoauth2) Next([]byte) ([]byte, error) { return []byte{}, nil }

// Check logs in and opens INBOX read-only: the "Check mailbox" button.
func (cl *Client) Check(ctx context.Context) (messages uint32, err error) {
	s, err := cl.open(ctx)
	if err != nil {
		return 0, err
	}
	defer s.close()
	sel, err := s.c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		return 0, mail.ExplainIMAP(err, cl.acct)
	}
	return sel.NumMessages, nil
}

// sentFolder finds the Sent mailbox: the account's choice, the \Sent
// special-use attribute, or a usual name.
func (cl *Client) sentFolder(s *session) (string, error) {
	if cl.acct.SentFolder != "" {
		return cl.acct.SentFolder, nil
	}
	list, err := s.c.List("", "*", &imap.ListOptions{ReturnSpecialUse: true}).Collect()
	if err != nil {
		// Servers without LIST-EXTENDED refuse the RETURN option.
		if list, err = s.c.List("", "*", nil).Collect(); err != nil {
			return "", err
		}
	}
	names := map[string]string{}
	for _, l := range list {
		for _, attr := range l.Attrs {
			if attr == imap.MailboxAttrSent {
				return l.Mailbox, nil
			}
		}
		names[strings.ToLower(l.Mailbox)] = l.Mailbox
	}
	for _, n := range []string{"sent", "sent items", "sent messages", "[gmail]/sent mail", "inbox.sent", "inbox/sent", "gesendet", "envoyés"} {
		if real, ok := names[n]; ok {
			return real, nil
		}
	}
	return "", domain.Errorf(domain.CodeNotFound, "Shopclerk could not find your Sent folder; choose it in Settings > Email")
}

// FindMessageIDs reports which Message-IDs are in the Sent folder, and
// in INBOX too when inbox is set (the outbox asks when a message it looks
// for sent a copy to the seller's own address).
func (cl *Client) FindMessageIDs(ctx context.Context, ids []string, inbox bool) (map[string]bool, error) {
	s, err := cl.open(ctx)
	if err != nil {
		return nil, err
	}
	defer s.close()
	sent, err := cl.sentFolder(s)
	if err != nil {
		return nil, err
	}
	boxes := []string{sent}
	if inbox {
		boxes = append(boxes, "INBOX")
	}
	found := map[string]bool{}
	for _, box := range boxes {
		if _, err := s.c.Select(box, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
			return nil, mail.ExplainIMAP(err, cl.acct)
		}
		for _, id := range ids {
			if found[id] {
				continue
			}
			data, err := s.c.UIDSearch(&imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{{Key: "Message-ID", Value: id}}}, nil).Wait()
			if err != nil {
				return nil, mail.ExplainIMAP(err, cl.acct)
			}
			if len(data.AllUIDs()) > 0 {
				found[id] = true
			}
		}
	}
	return found, nil
}

// AppendSent files copies in the Sent folder, marked as read.
func (cl *Client) AppendSent(ctx context.Context, raws [][]byte) error {
	s, err := cl.open(ctx)
	if err != nil {
		return err
	}
	defer s.close()
	sent, err := cl.sentFolder(s)
	if err != nil {
		return err
	}
	for _, raw := range raws {
		cmd := s.c.Append(sent, int64(len(raw)), &imap.AppendOptions{Flags: []imap.Flag{imap.FlagSeen}, Time: cl.clock.Now()})
		if _, err := cmd.Write(raw); err != nil {
			cmd.Close()
			return mail.ExplainIMAP(err, cl.acct)
		}
		if err := cmd.Close(); err != nil {
			return mail.ExplainIMAP(err, cl.acct)
		}
		if _, err := cmd.Wait(); err != nil {
			return mail.ExplainIMAP(err, cl.acct)
		}
	}
	return nil
}
