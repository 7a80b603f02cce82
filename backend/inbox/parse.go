package inbox

import (
	"bufio"
	"bytes"
	"io"
	"mime"
	"regexp"
	"strings"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset" // decode ISO-8859-x, Windows-125x, ... bodies
	"github.com/emersion/go-message/textproto"
)

// maxPartBytes bounds what is read of one part: a 50 MB attachment in the
// seller's inbox costs nothing, because only text and reports are read.
const maxPartBytes = 256 << 10

// Parsed is what classification needs from one inbound message.
type Parsed struct {
	MessageID   string
	From        string // the address only, lower case
	Subject     string
	InReplyTo   []string
	References  []string
	AutoReply   bool   // out-of-office and other automatic answers
	Text        string // the first text/plain part (or text/html stripped), truncated
	Report      *DSN   // set for delivery reports
	Complaint   bool   // an ARF feedback report (the recipient marked us as spam)
	ComplaintTo string // the complaining address, when the report names it
}

// DSN is a delivery status notification (RFC 3464).
type DSN struct {
	EnvelopeID string         `json:"envelopeId"`
	Recipients []DSNRecipient `json:"recipients"`
	// OriginalMessageID comes from the returned headers or message.
	OriginalMessageID string `json:"originalMessageId"`
}

// DSNRecipient is one per-recipient block.
type DSNRecipient struct {
	Address    string `json:"address"`
	Action     string `json:"action"` // failed, delayed, delivered, relayed, expanded
	Status     string `json:"status"` // e.g. 5.1.1
	Diagnostic string `json:"diagnostic"`
}

// Hard reports a permanent failure: the address must not be mailed again.
func (r DSNRecipient) Hard() bool {
	return r.Action == "failed" && strings.HasPrefix(r.Status, "5.")
}

var msgIDRe = regexp.MustCompile(`<[^<>\s]+@[^<>\s]+>`)

// Parse reads a raw message. It never fails on a malformed message: what
// cannot be read is left empty, and the message is classified as other.
func Parse(raw []byte) Parsed {
	var p Parsed
	e, err := message.Read(bytes.NewReader(raw))
	if e == nil {
		// Not even a header: try the bare header block for IDs.
		if h, herr := textproto.ReadHeader(bufio.NewReader(bytes.NewReader(raw))); herr == nil {
			fillHeader(&p, message.Header{Header: h})
		}
		return p
	}
	_ = err // unknown charset or encoding: the entity is still usable
	fillHeader(&p, e.Header)
	walk(&p, e, 0)
	return p
}

func fillHeader(p *Parsed, h message.Header) {
	p.MessageID = firstID(h.Get("Message-Id"))
	p.From = addrOf(decodeWord(h.Get("From")))
	p.Subject = oneLine(decodeWord(h.Get("Subject")))
	p.InReplyTo = msgIDRe.FindAllString(h.Get("In-Reply-To"), 20)
	p.References = msgIDRe.FindAllString(h.Get("References"), 50)
	auto := strings.ToLower(h.Get("Auto-Submitted"))
	prec := strings.ToLower(h.Get("Precedence"))
	subj := strings.ToLower(p.Subject)
	p.AutoReply = (auto != "" && auto != "no") || h.Get("X-Autoreply") != "" || h.Get("X-Autorespond") != "" ||
		strings.Contains(strings.ToLower(h.Get("X-Auto-Response-Suppress")), "oof") && strings.HasPrefix(subj, "automatic reply") ||
		prec == "auto_reply" || prec == "bulk" || prec == "junk" ||
		strings.HasPrefix(subj, "out of office") || strings.HasPrefix(subj, "automatic reply") ||
		strings.HasPrefix(subj, "auto:") || strings.HasPrefix(subj, "autoreply") || strings.HasPrefix(subj, "abwesenheitsnotiz") ||
		strings.HasPrefix(subj, "réponse automatique") || strings.HasPrefix(subj, "respuesta automática")
}

// walk visits the MIME tree (depth-bounded) collecting the text and any
// delivery or feedback report.
func walk(p *Parsed, e *message.Entity, depth int) {
	if depth > 8 {
		return
	}
	ct, params, _ := e.Header.ContentType()
	ct = strings.ToLower(ct)
	if mr := e.MultipartReader(); mr != nil {
		if ct == "multipart/report" {
			switch strings.ToLower(params["report-type"]) {
			case "delivery-status":
				if p.Report == nil {
					p.Report = &DSN{}
				}
			case "feedback-report":
				p.Complaint = true
			}
		}
		for i := 0; i < 50; i++ {
			part, err := mr.NextPart()
			if err != nil {
				break
			}
			walk(p, part, depth+1)
		}
		return
	}
	body, _ := io.ReadAll(io.LimitReader(e.Body, maxPartBytes))
	switch ct {
	case "message/delivery-status", "message/global-delivery-status":
		if p.Report == nil {
			p.Report = &DSN{}
		}
		parseDeliveryStatus(p.Report, body)
	case "message/feedback-report":
		p.Complaint = true
		if h, err := textproto.ReadHeader(bufio.NewReader(bytes.NewReader(append(body, '\n', '\n')))); err == nil {
			p.ComplaintTo = addrOf(h.Get("Original-Rcpt-To"))
		}
	case "text/rfc822-headers", "message/rfc822", "message/global", "message/global-headers":
		if h, err := textproto.ReadHeader(bufio.NewReader(bytes.NewReader(append(body, '\n', '\n')))); err == nil {
			if p.Report != nil && p.Report.OriginalMessageID == "" {
				p.Report.OriginalMessageID = firstID(h.Get("Message-Id"))
			}
			if p.Complaint && p.ComplaintTo == "" {
				p.ComplaintTo = addrOf(h.Get("To"))
			}
		}
	case "text/plain", "":
		if p.Text == "" {
			p.Text = string(body)
		}
	case "text/html":
		if p.Text == "" {
			p.Text = stripTags(string(body))
		}
	}
}

// parseDeliveryStatus reads the header blocks of a message/delivery-status
// body: the first holds per-message fields, each later one a recipient.
func parseDeliveryStatus(d *DSN, body []byte) {
	// Some MTAs end lines with LF only, some separate blocks with lines of
	// blanks; normalise to blocks split by an empty line.
	text := strings.ReplaceAll(string(body), "\r\n", "\n")
	blocks := regexp.MustCompile(`\n[ \t]*\n`).Split(strings.TrimSpace(text), 100)
	for i, b := range blocks {
		h, err := textproto.ReadHeader(bufio.NewReader(strings.NewReader(b + "\n\n")))
		if err != nil {
			continue
		}
		if i == 0 && h.Get("Final-Recipient") == "" {
			d.EnvelopeID = oneLine(h.Get("Original-Envelope-Id"))
			continue
		}
		addr := h.Get("Final-Recipient")
		if addr == "" {
			addr = h.Get("Original-Recipient")
		}
		if _, a, ok := strings.Cut(addr, ";"); ok {
			addr = a
		}
		r := DSNRecipient{Address: addrOf(addr), Action: strings.ToLower(oneLine(h.Get("Action"))),
			Status: statusCode(h.Get("Status")), Diagnostic: oneLine(h.Get("Diagnostic-Code"))}
		if r.Address != "" {
			d.Recipients = append(d.Recipients, r)
		}
	}
}

var statusRe = regexp.MustCompile(`[245]\.\d{1,3}\.\d{1,3}`)

func statusCode(s string) string { return statusRe.FindString(s) }

// addrOf extracts a bare, lower-case address from a header value or an
// RFC 3464 address field; anything with control characters yields "".
func addrOf(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndex(s, "<"); i >= 0 {
		if j := strings.Index(s[i:], ">"); j > 0 {
			s = s[i+1 : i+j]
		}
	}
	s = strings.ToLower(strings.Trim(strings.TrimSpace(s), "<>\"'"))
	if strings.ContainsAny(s, " \t\r\n<>,;\"") || strings.Count(s, "@") != 1 || strings.HasPrefix(s, "@") || strings.HasSuffix(s, "@") {
		return ""
	}
	return s
}

func firstID(s string) string { return msgIDRe.FindString(s) }

var wordDecoder = &mime.WordDecoder{CharsetReader: func(charset string, input io.Reader) (io.Reader, error) {
	return message.CharsetReader(charset, input)
}}

func decodeWord(s string) string {
	if d, err := wordDecoder.DecodeHeader(s); err == nil {
		return d
	}
	return s
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

var tagRe = regexp.MustCompile(`(?s)<style.*?</style>|<script.*?</script>|<[^>]*>`)

func stripTags(s string) string { return tagRe.ReplaceAllString(s, " ") }

// quotedStart finds where a reply's quote of our message begins, so words
// in our own text ("unsubscribe" in the footer) are not read as the
// customer's.
var quotedStart = regexp.MustCompile(`(?im)^(>|on .{1,200} wrote:|-----\s*original message|from: .*@|am .{1,100} schrieb)`)

// Fresh is the customer's own text of a reply, without the quoted part.
func (p Parsed) Fresh() string {
	t := p.Text
	if loc := quotedStart.FindStringIndex(t); loc != nil {
		t = t[:loc[0]]
	}
	if len(t) > 4000 {
		t = t[:4000]
	}
	return t
}

var (
	unsubRe = regexp.MustCompile(`(?i)^\s*(unsubscribe|stop|remove me|opt[ -]?out|abmelden|désabonner|se désinscrire|darse de baja)\b`)
)

// WantsUnsubscribe reports a request to stop mail: the List-Unsubscribe
// mailto subject, or a reply whose own text starts by asking to stop.
func (p Parsed) WantsUnsubscribe() bool {
	if strings.HasPrefix(strings.ToLower(p.Subject), "unsubscribe") {
		return true
	}
	return unsubRe.MatchString(p.Fresh())
}

// AsksWhereIsOrder reports a "where is my order?" question, in any of the
// languages of data/wismo.tsv.
func (p Parsed) AsksWhereIsOrder() bool { return p.Wismo().Asks }

// Wismo is the question and the language the customer wrote in.
func (p Parsed) Wismo() Wismo { return DetectWismo(p.Subject, p.Fresh()) }
