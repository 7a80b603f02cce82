//go:build integration

package inbox

import (
	"bytes"
	"context"
	"encoding/base64"
	htmltemplate "html/template"
	"image"
	"image/png"
	"io"
	"mime"
	"mime/multipart"
	netmail "net/mail"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/mail"
)

// The shop's logo goes through Postfix into Dovecot as part of the
// message: the delivered message read back over IMAP is multipart/related,
// its image part has the Content-ID the HTML's cid: names, and its bytes
// are the logo saved in Settings > Shop.
func TestIntegrationLogoArrivesInline(t *testing.T) {
	ctx := context.Background()
	s := mailstack(t)
	seller, alice := "seller@shop.test", "alice@customer.test"
	st := openStore(t)
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, 90, 30)))
	logo, err := st.SetShopLogo(ctx, b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	a := s.account(seller)
	ob := mail.NewOutbox(st, clock.System{}, a, mail.SMTPDialer(a, s.secret(seller)), nil, time.UTC, nil)
	tok := token()
	html, err := email.Layout(email.Page{Subject: "Logo " + tok, Shop: email.ShopOf(domain.ShopIdentity{Name: "Bea's Shop", Logo: logo.Type}), Body: htmltemplate.HTML("<p>Thanks " + tok + "</p>")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ob.Enqueue(ctx, &domain.OutboxMessage{ToAddr: alice, Subject: "Logo " + tok, HTML: html, Text: "Thanks " + tok}); err != nil {
		t.Fatal(err)
	}
	if res, err := ob.Run(ctx, mail.RunOptions{}); err != nil || res.Sent != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	box := NewClient(s.account(alice), s.secret(alice), clock.System{})
	waitFor(t, box, "INBOX", "Logo "+tok)
	raw := fetchRaw(t, box, "Logo "+tok)

	msg, err := netmail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	mt, params, _ := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if mt != "multipart/related" {
		t.Fatalf("delivered as %s", mt)
	}
	var gotImage []byte
	var cid, htmlBody string
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := mr.NextPart() // decodes quoted-printable (base64 below)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		pt, pp, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		switch {
		case pt == "image/png":
			cid = p.Header.Get("Content-Id")
			enc, _ := io.ReadAll(p)
			gotImage, _ = base64.StdEncoding.DecodeString(strings.Join(strings.Fields(string(enc)), ""))
		case pt == "multipart/alternative":
			ar := multipart.NewReader(p, pp["boundary"])
			for {
				q, err := ar.NextPart()
				if err != nil {
					break
				}
				if strings.HasPrefix(q.Header.Get("Content-Type"), "text/html") {
					h, _ := io.ReadAll(q)
					htmlBody = string(h)
				}
			}
		}
	}
	if cid != "<"+email.LogoCID+">" || !bytes.Equal(gotImage, b.Bytes()) {
		t.Fatalf("image part: Content-ID %q, %d bytes (want %d)", cid, len(gotImage), b.Len())
	}
	if !strings.Contains(htmlBody, `src="cid:`+email.LogoCID+`"`) {
		t.Fatalf("html does not reference the logo: %s", htmlBody)
	}
}

// fetchRaw reads the whole message whose text has needle from INBOX.
func fetchRaw(t *testing.T, cl *Client, needle string) []byte {
	t.Helper()
	s, err := cl.open(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	if _, err := s.c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		t.Fatal(err)
	}
	d, err := s.c.UIDSearch(&imap.SearchCriteria{Text: []string{needle}}, nil).Wait()
	if err != nil || len(d.AllUIDs()) == 0 {
		t.Fatalf("search: %v", err)
	}
	msgs, err := s.c.Fetch(imap.UIDSetNum(d.AllUIDs()[0]), &imap.FetchOptions{UID: true,
		BodySection: []*imap.FetchItemBodySection{{Peek: true}}}).Collect()
	if err != nil || len(msgs) != 1 || len(msgs[0].BodySection) == 0 {
		t.Fatalf("fetch: %v", err)
	}
	return msgs[0].BodySection[0].Bytes
}
