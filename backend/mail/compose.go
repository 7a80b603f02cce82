package mail

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
)

// MaxAttachmentBytes is the most Shopclerk puts in one message. Gmail and
// Outlook refuse messages over 25 MB and base64 adds a third, so 18 MB of
// files is the most that reliably arrives.
const MaxAttachmentBytes = 18 << 20

// attachmentBytes is the size of m's attachments.
func attachmentBytes(m domain.OutboxMessage) int {
	n := 0
	for _, a := range m.Attachments {
		n += len(a.Data)
	}
	return n
}

// attachmentsTooBig is the refusal of a message whose attachments are
// size bytes, more than MaxAttachmentBytes.
func attachmentsTooBig(size int) error {
	return domain.Errorf(domain.CodeInvalid, "the attachments are %d MB; mail providers refuse messages this big (the most is about %d MB)", size>>20, MaxAttachmentBytes>>20)
}

// allowedHeaders are the only extra headers a stored message may carry.
// Anything else is dropped: a template or rule cannot add Bcc, From or a
// second Content-Type.
var allowedHeaders = map[string]gomail.Header{
	"in-reply-to":          gomail.HeaderInReplyTo,
	"references":           gomail.HeaderReferences,
	"auto-submitted":       gomail.Header("Auto-Submitted"),
	"x-shopclerk-template": gomail.Header("X-Shopclerk-Template"),
}

var msgIDPattern = regexp.MustCompile(`^<[A-Za-z0-9!#$%&'*+/=?^_{|}~.-]+@[A-Za-z0-9.-]+>$`)

// NewMessageID makes a unique RFC 5322 Message-ID under the sender's domain.
// It is generated and stored with the message before anything is sent, so
// the in-doubt check can find it later in the Sent folder.
func NewMessageID(fromAddress string, now time.Time) string {
	domainPart := "shopclerk.local"
	if _, d, ok := strings.Cut(fromAddress, "@"); ok && d != "" && !hasControl(d) {
		domainPart = strings.ToLower(d)
	}
	var b [12]byte
	rand.Read(b[:])
	return fmt.Sprintf("<%d.%s@%s>", now.Unix(), hex.EncodeToString(b[:]), domainPart)
}

// oneLine turns any control characters (CR, LF, tabs, Unicode separators)
// into spaces, so a customer's name or a subject can never end a header
// line and start another.
func oneLine(s string) string {
	if !hasControl(s) {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\u0085' {
			r = ' '
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// Composed is a message ready for the wire.
type Composed struct {
	Msg         *gomail.Msg
	DeliveredTo string // the address the message really goes to
	Raw         []byte // the bytes as sent, for the Sent-folder copy
}

// Compose builds the wire form of an outbox message. In test mode the
// message goes to the seller's test address, with the real recipient named
// at the top. Marketing mail gets List-Unsubscribe; other mail never does.
// Errors are permanent: the message itself is wrong and retrying cannot help.
func Compose(a Account, m domain.OutboxMessage, now time.Time) (*Composed, error) {
	return compose(a, m, now, true)
}

// compose is Compose; withRaw false leaves Raw empty. The send loop needs
// no Raw (go-mail renders the message onto the wire itself, and Sent copies
// are rebuilt from the store), so it skips rendering every message twice.
func compose(a Account, m domain.OutboxMessage, now time.Time, withRaw bool) (*Composed, error) {
	if !msgIDPattern.MatchString(m.MessageID) {
		return nil, domain.Errorf(domain.CodeInvalid, "the message has no valid Message-ID")
	}
	rcpt, err := parseAddr(m.ToAddr)
	if err != nil {
		return nil, domain.Errorf(domain.CodeInvalid, "the recipient address %q is not a valid email address", oneLine(m.ToAddr))
	}
	msg := gomail.NewMsg(gomail.WithNoDefaultUserAgent())
	msg.SetUserAgent("Shopclerk")
	if err := msg.FromFormat(oneLine(a.FromName), a.FromAddress); err != nil {
		return nil, domain.Wrap(err, domain.CodeInvalid, "the sender address in Settings > Email is not valid")
	}
	name := oneLine(m.ToName)
	to := rcpt.Address
	subject := oneLine(m.Subject)
	text, htmlBody := m.Text, m.HTML
	if text == "" && htmlBody != "" {
		text = email.HTMLToText(htmlBody) // every message gets a plain-text alternative
	}
	if a.TestMode {
		test, err := parseAddr(a.TestAddress)
		if err != nil {
			return nil, domain.Errorf(domain.CodeInvalid, "test mode is on but the test address is not valid")
		}
		real := rcpt.Address
		if name != "" {
			real = name + " <" + rcpt.Address + ">"
		}
		to, name = test.Address, "Test for "+name
		subject = "[TEST] " + subject
		banner := "TEST MODE: this message was meant for " + real + ". Shopclerk sent it to you instead."
		text = banner + "\n\n" + text
		if htmlBody != "" {
			htmlBody = injectAfterBody(htmlBody, `<div style="background:#fff3cd;border:1px solid #e0c36b;padding:8px 12px;font:14px sans-serif;color:#5c4400">`+
				html.EscapeString(banner)+`</div>`)
		}
	}
	if err := msg.AddToFormat(strings.TrimSpace(name), to); err != nil {
		return nil, domain.Errorf(domain.CodeInvalid, "the recipient address %q is not valid", to)
	}
	if cc := a.confirmCopyTo(); cc != "" {
		msg.AddBcc(cc) // envelope only: go-mail never writes a Bcc header
	}
	if a.ReplyTo != "" {
		msg.ReplyTo(a.ReplyTo)
	}
	msg.Subject(subject)
	msg.SetMessageIDWithValue(strings.Trim(m.MessageID, "<>")) // ASCII only (msgIDPattern), so never word-encoded
	msg.SetDateWithValue(now)
	for k, v := range m.Headers {
		h, ok := allowedHeaders[strings.ToLower(strings.TrimSpace(k))]
		if !ok {
			continue
		}
		v = oneLine(v)
		if h == gomail.HeaderInReplyTo || h == gomail.HeaderReferences {
			if v = cleanIDList(v); v == "" {
				continue
			}
			msg.SetGenHeaderPreformatted(h, v)
			continue
		}
		msg.SetGenHeader(h, v)
	}
	if m.Kind == domain.KindMarketing {
		lu, post := ListUnsubscribe(a, m.MessageID)
		msg.SetGenHeaderPreformatted(gomail.Header("List-Unsubscribe"), lu)
		if post {
			msg.SetGenHeaderPreformatted(gomail.Header("List-Unsubscribe-Post"), "List-Unsubscribe=One-Click")
		}
	}
	if m.Kind == domain.KindMarketing {
		// The footer link sits in the body too: not every mail client shows
		// List-Unsubscribe, and the seller's customers must find it. It is
		// outside the layout's white card: #595959 on its #f4f5f7 is 6.4:1
		// (WCAG AA asks 4.5:1; the #888 it had was 3.2:1).
		link := UnsubscribeLink(a, m.MessageID)
		text += "\n\n--\nYou get this email because you agreed to hear from " + oneLine(a.FromName) + ". Unsubscribe: " + link + "\n"
		if htmlBody != "" {
			htmlBody = injectBeforeBodyEnd(htmlBody, `<p style="font:12px Arial,Helvetica,sans-serif;color:#595959;text-align:center">You get this email because you agreed to hear from `+
				html.EscapeString(oneLine(a.FromName))+`. <a href="`+html.EscapeString(link)+`" style="color:#595959">Unsubscribe</a></p>`)
		}
	}
	if text == "" && htmlBody == "" {
		return nil, domain.Errorf(domain.CodeInvalid, "the message is empty")
	}
	if email.HasLogo(htmlBody) {
		if err := embedLogo(msg, a.logo); err != nil {
			htmlBody = email.WithoutLogo(htmlBody)
		}
	}
	if text != "" {
		msg.SetBodyString(gomail.TypeTextPlain, text)
		if htmlBody != "" {
			msg.AddAlternativeString(gomail.TypeTextHTML, htmlBody)
		}
	} else {
		msg.SetBodyString(gomail.TypeTextHTML, htmlBody)
	}
	if size := attachmentBytes(m); size > MaxAttachmentBytes {
		return nil, attachmentsTooBig(size)
	}
	for _, att := range m.Attachments {
		fname := strings.Map(func(r rune) rune {
			if r < 0x20 || r == '"' || r == '/' || r == '\\' {
				return '_'
			}
			return r
		}, att.Name)
		ct := gomail.ContentType(att.ContentType)
		if ct == "" || hasControl(att.ContentType) || !strings.Contains(att.ContentType, "/") {
			ct = gomail.TypeAppOctetStream
		}
		if err := msg.AttachReader(fname, bytes.NewReader(att.Data), gomail.WithFileContentType(ct)); err != nil {
			return nil, domain.Wrap(err, domain.CodeInvalid, "an attachment could not be added")
		}
	}
	c := &Composed{Msg: msg, DeliveredTo: to}
	if withRaw {
		var raw bytes.Buffer
		if _, err := msg.WriteTo(&raw); err != nil {
			return nil, domain.Wrap(err, domain.CodeInvalid, "the message could not be built")
		}
		c.Raw = raw.Bytes()
	}
	return c, nil
}

// embedLogo adds the shop's logo as the inline part the HTML's
// cid:email.LogoCID names (go-mail then writes multipart/related around the
// text and HTML alternatives); an error when there is no logo that fits
// an email, and the caller heads the email with the shop's name instead.
func embedLogo(msg *gomail.Msg, logo domain.ShopLogo) error {
	if len(logo.Data) == 0 || !email.EmailLogoType(logo.Type) {
		return errNoLogo
	}
	if len(logo.Data) > email.MaxEmailLogoBytes {
		return errNoLogo
	}
	ext := map[string]string{"image/png": ".png", "image/jpeg": ".jpg", "image/gif": ".gif"}[logo.Type]
	return msg.EmbedReader("logo"+ext, bytes.NewReader(logo.Data), gomail.WithFileContentID("<"+email.LogoCID+">"),
		gomail.WithFileContentType(gomail.ContentType(logo.Type)))
}

var errNoLogo = errors.New("no logo fit for email")

// cleanIDList keeps only well-formed <id@host> tokens.
func cleanIDList(v string) string {
	var ids []string
	for _, f := range strings.Fields(v) {
		if msgIDPattern.MatchString(f) {
			ids = append(ids, f)
		}
	}
	return strings.Join(ids, " ")
}

// UnsubscribeToken is what an unsubscribe request carries back: our
// Message-ID without brackets, which the inbox maps to the recipient.
func UnsubscribeToken(messageID string) string { return strings.Trim(messageID, "<>") }

// UnsubscribeMailto is the mailto link of List-Unsubscribe and the footer.
func UnsubscribeMailto(a Account, messageID string) string {
	return "mailto:" + a.FromAddress + "?subject=" + url.PathEscape("unsubscribe "+UnsubscribeToken(messageID))
}

// UnsubscribeLink is the footer link: the shop's page when set, else mailto.
func UnsubscribeLink(a Account, messageID string) string {
	if a.UnsubscribeURL != "" {
		return strings.ReplaceAll(a.UnsubscribeURL, "{token}", url.QueryEscape(UnsubscribeToken(messageID)))
	}
	return UnsubscribeMailto(a, messageID)
}

// ListUnsubscribe returns the List-Unsubscribe value and whether one-click
// (RFC 8058) applies: it needs an https URL, so without the shop's page
// only the mailto is offered and List-Unsubscribe-Post is left out.
func ListUnsubscribe(a Account, messageID string) (string, bool) {
	v := "<" + UnsubscribeMailto(a, messageID) + ">"
	if a.UnsubscribeURL != "" {
		return v + ", <" + UnsubscribeLink(a, messageID) + ">", true
	}
	return v, false
}

var bodyTag = regexp.MustCompile(`(?i)<body[^>]*>`)

func injectAfterBody(doc, fragment string) string {
	if loc := bodyTag.FindStringIndex(doc); loc != nil {
		return doc[:loc[1]] + fragment + doc[loc[1]:]
	}
	return fragment + doc
}

var bodyEnd = regexp.MustCompile(`(?i)</body\s*>`)

func injectBeforeBodyEnd(doc, fragment string) string {
	if loc := bodyEnd.FindAllStringIndex(doc, -1); len(loc) > 0 {
		i := loc[len(loc)-1][0]
		return doc[:i] + fragment + doc[i:]
	}
	return doc + fragment
}

// WireForm is a message as it goes out (headers and parts) for the Outbox
// screen, with the attachments left out: they are shown apart, and a large
// one would swamp the view.
func WireForm(a Account, m domain.OutboxMessage, now time.Time) (string, error) {
	m.Attachments = nil
	c, err := Compose(a, m, now)
	if err != nil {
		return "", err
	}
	return string(c.Raw), nil
}

// loadLogo reads the shop's logo for the run's emails (and the Sent
// copies it files): the logo as it is when they go. Without one (or when
// it cannot be read) the emails that show it are headed by the shop's name.
func (o *Outbox) loadLogo(ctx context.Context) {
	logo, err := o.store.ShopLogo(ctx)
	if err != nil {
		o.log.Warn("the shop's logo could not be read; emails go without it", "err", err)
	}
	o.account.logo = logo
}
