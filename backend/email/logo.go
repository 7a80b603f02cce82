package email

import (
	htmltemplate "html/template"
	"regexp"
	"strings"
)

// The shop's logo in emails: the layout heads an email with an <img> whose
// source is cid:LogoCID, and the mail package adds the logo to the message
// as an inline part with that Content-ID (multipart/related), so it shows
// without the mail client fetching anything from the web (most block
// remote images until the reader allows them, and a remote image tells the
// sender who opened the email). The plain-text part names the shop as
// before.

// LogoCID is the Content-ID of the logo part (without the angle brackets
// the header puts around it).
const LogoCID = "shop-logo@shopclerk"

// MaxEmailLogoBytes is the most logo an email carries: it goes with every
// email, base64 adds a third, and a big image is what makes mail clients
// clip a message or spam filters frown. A bigger logo (Settings > Shop
// allows 256 KB for documents) is left out and the email is headed by the
// shop's name.
const MaxEmailLogoBytes = 100 << 10

// EmailLogoType tells whether a logo of this MIME type can head an email.
func EmailLogoType(typ string) bool {
	switch typ {
	case "image/png", "image/jpeg", "image/gif":
		return true
	}
	return false
}

// LogoImg is the heading's image: the logo, 48 pixels high, with the
// shop's name as its text for screen readers and clients that show no
// images.
func LogoImg(shopName string) string {
	return `<img src="cid:` + LogoCID + `" alt="` + htmltemplate.HTMLEscapeString(shopName) +
		`" height="48" style="display:block;height:48px;width:auto;max-width:240px;border:0">`
}

// HasLogo tells whether html shows the logo (LogoImg).
func HasLogo(html string) bool { return strings.Contains(html, `src="cid:`+LogoCID+`"`) }

var logoImg = regexp.MustCompile(`<img src="cid:` + regexp.QuoteMeta(LogoCID) + `" alt="([^"]*)"[^>]*>`)

// WithoutLogo heads html with the shop's name (the image's alt text,
// escaped already) instead of the logo, for a message whose logo cannot go
// with it (removed since the message was written, or too big for email).
func WithoutLogo(html string) string {
	return logoImg.ReplaceAllString(html, "$1")
}
