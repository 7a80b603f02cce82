package inbox

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseDSNFromEachMTA(t *testing.T) {
	cases := []struct {
		file     string
		want     []DSNRecipient // address, action, status
		envID    string
		original string
	}{
		{"dsn-postfix.eml", []DSNRecipient{{Address: "nobody@customer.test", Action: "failed", Status: "5.1.1"}}, "order-1001", "<orig-1@shop.test>"},
		{"dsn-gmail.eml", []DSNRecipient{{Address: "gone@customer.test", Action: "failed", Status: "5.1.1"}}, "", "<orig-1@shop.test>"},
		{"dsn-outlook.eml", []DSNRecipient{{Address: "full.box@customer.test", Action: "failed", Status: "5.2.2"}}, "", "<orig-1@shop.test>"},
		{"dsn-exim.eml", []DSNRecipient{{Address: "late@customer.test", Action: "failed", Status: "5.0.0"},
			{Address: "slow@customer.test", Action: "delayed", Status: "4.4.1"}}, "", "<orig-1@shop.test>"},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			p := Parse(fixture(t, c.file))
			if p.Report == nil {
				t.Fatal("no delivery report found")
			}
			if p.Report.EnvelopeID != c.envID || p.Report.OriginalMessageID != c.original {
				t.Fatalf("envid %q original %q", p.Report.EnvelopeID, p.Report.OriginalMessageID)
			}
			if len(p.Report.Recipients) != len(c.want) {
				t.Fatalf("recipients %+v", p.Report.Recipients)
			}
			for i, w := range c.want {
				g := p.Report.Recipients[i]
				if g.Address != w.Address || g.Action != w.Action || g.Status != w.Status {
					t.Fatalf("recipient %d: got %+v want %+v", i, g, w)
				}
				if g.Diagnostic == "" {
					t.Fatalf("recipient %d: no diagnostic", i)
				}
			}
			if !p.Report.Recipients[0].Hard() {
				t.Fatal("a 5.x.x failure is hard")
			}
			if len(c.want) > 1 && p.Report.Recipients[1].Hard() {
				t.Fatal("a delay is not a hard bounce")
			}
		})
	}
}

func TestClassifyRepliesAndAutoReplies(t *testing.T) {
	for _, f := range []string{"ooo-exchange.eml", "ooo-vacation.eml"} {
		if p := Parse(fixture(t, f)); !p.AutoReply {
			t.Errorf("%s: out-of-office not recognised", f)
		}
	}
	p := Parse(fixture(t, "reply.eml"))
	if p.AutoReply || p.Report != nil {
		t.Fatalf("%+v", p)
	}
	if p.From != "alice@customer.test" || p.Subject != "Re: Your cart is waiting" {
		t.Fatalf("from %q subject %q", p.From, p.Subject)
	}
	if len(p.InReplyTo) != 1 || p.InReplyTo[0] != "<orig-1@shop.test>" || len(p.References) != 2 {
		t.Fatalf("%v %v", p.InReplyTo, p.References)
	}
	// "Unsubscribe" in the quoted footer is ours, not the customer's.
	if p.WantsUnsubscribe() {
		t.Fatal("quoted footer read as an unsubscribe request")
	}
	if !Parse(fixture(t, "unsubscribe-reply.eml")).WantsUnsubscribe() {
		t.Fatal("unsubscribe reply not recognised")
	}
	if !Parse(fixture(t, "wismo.eml")).AsksWhereIsOrder() {
		t.Fatal("where-is-my-order not recognised")
	}
	if Parse(fixture(t, "reply.eml")).AsksWhereIsOrder() {
		t.Fatal("a product question read as where-is-my-order")
	}
	arf := Parse(fixture(t, "arf-complaint.eml"))
	if !arf.Complaint || arf.ComplaintTo != "erin@customer.test" {
		t.Fatalf("%+v", arf)
	}
}

func TestParseMalformedNeverFails(t *testing.T) {
	for _, raw := range []string{
		"",
		"garbage without headers",
		"Content-Type: multipart/report; report-type=delivery-status; boundary=x\r\n\r\n--x\r\nContent-Type: message/delivery-status\r\n\r\nFinal-Recipient: rfc822; a@b\r\nAction: failed",
		"From: <>\r\nSubject: =?bogus?q?x?=\r\n\r\n",
		"Content-Type: multipart/mixed; boundary=\"\"\r\n\r\n--\r\n",
	} {
		p := Parse([]byte(raw))
		if strings.ContainsAny(p.From, "\r\n") {
			t.Fatalf("%q", p.From)
		}
	}
}

// FuzzParseDSN: any bytes parse without panic, and every address that
// could reach the suppression list is a single clean lower-case address.
func FuzzParseDSN(f *testing.F) {
	for _, name := range []string{"dsn-postfix.eml", "dsn-gmail.eml", "dsn-outlook.eml", "dsn-exim.eml", "arf-complaint.eml", "reply.eml"} {
		f.Add(fixture(f, name))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		p := Parse(raw)
		check := func(a string) {
			if a == "" {
				return
			}
			if a != strings.ToLower(a) || strings.ContainsAny(a, " \t\r\n<>,;") || strings.Count(a, "@") != 1 {
				t.Fatalf("unclean address %q", a)
			}
		}
		check(p.From)
		check(p.ComplaintTo)
		if p.Report != nil {
			for _, r := range p.Report.Recipients {
				check(r.Address)
				if r.Hard() && !strings.HasPrefix(r.Status, "5.") {
					t.Fatalf("hard without 5.x.x: %+v", r)
				}
			}
		}
		for _, id := range append(p.InReplyTo, p.References...) {
			if !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, ">") || strings.ContainsAny(id, " \r\n") {
				t.Fatalf("bad id %q", id)
			}
		}
	})
}
