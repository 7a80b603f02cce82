package mail

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"io"
	"math/rand/v2"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	netmail "net/mail"
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
)

// pngLogo is a real PNG of w × h pixels.
func pngLogo(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := range img.Pix {
		img.Pix[i] = byte(rnd.Uint32()) // noise, so the PNG does not compress away
	}
	img.Set(0, 0, color.RGBA{0x18, 0x64, 0xab, 0xff})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// logoMessage is an email written by the layout for a shop with a logo.
func logoMessage(t testing.TB) domain.OutboxMessage {
	t.Helper()
	html, err := email.Layout(email.Page{Subject: "Your order", Shop: email.Shop{Name: "Bea & Co", Logo: true}, Body: "<p>Thanks!</p>"})
	if err != nil {
		t.Fatal(err)
	}
	return domain.OutboxMessage{MessageID: "<1.abc@shop.test>", Kind: domain.KindTransactional, ToAddr: "c@customer.test",
		Subject: "Your order", HTML: html, Text: "Thanks!\n\n-- \nBea & Co\n"}
}

// part is one leaf of a parsed MIME tree.
type part struct {
	typ     string
	header  map[string][]string
	content []byte
	parents []string
}

// leaves parses a raw message into its leaf parts, each with the
// multipart types it sits in, outermost first.
func leaves(t testing.TB, raw []byte) []part {
	t.Helper()
	msg, err := netmail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	var out []part
	var walk func(h map[string][]string, body io.Reader, parents []string)
	walk = func(h map[string][]string, body io.Reader, parents []string) {
		mt, params, err := mime.ParseMediaType(first(h["Content-Type"]))
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasPrefix(mt, "multipart/") {
			mr := multipart.NewReader(body, params["boundary"])
			for {
				p, err := mr.NextRawPart()
				if err == io.EOF {
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				walk(p.Header, p, append(append([]string(nil), parents...), mt))
			}
		}
		data, _ := io.ReadAll(body)
		out = append(out, part{typ: mt, header: h, content: data, parents: parents})
	}
	walk(msg.Header, msg.Body, nil)
	return out
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

// The logo goes with the message as an inline part of a multipart/related
// whose Content-ID the HTML's <img src="cid:..."> names; the plain-text
// part is as before; no remote image is referenced.
func TestLogoIsAnInlinePartTheHTMLReferences(t *testing.T) {
	a := baseAccount()
	a.logo = domain.ShopLogo{Type: "image/png", Data: pngLogo(t, 120, 40)}
	c, err := Compose(a, logoMessage(t), t0)
	if err != nil {
		t.Fatal(err)
	}
	parts := leaves(t, c.Raw)
	byType := map[string]part{}
	for _, p := range parts {
		byType[p.typ] = p
	}
	img, ok := byType["image/png"]
	if !ok {
		t.Fatalf("no image part in %d parts", len(parts))
	}
	if got := first(img.header["Content-Id"]); got != "<"+email.LogoCID+">" {
		t.Errorf("Content-ID %q", got)
	}
	if d := first(img.header["Content-Disposition"]); !strings.HasPrefix(d, "inline") {
		t.Errorf("disposition %q", d)
	}
	if len(img.parents) != 1 || img.parents[0] != "multipart/related" {
		t.Errorf("image sits in %v, want multipart/related", img.parents)
	}
	html := byType["text/html"]
	if len(html.parents) != 2 || html.parents[0] != "multipart/related" || html.parents[1] != "multipart/alternative" {
		t.Errorf("html sits in %v", html.parents)
	}
	body := decodeQP(t, html)
	if !strings.Contains(body, `<img src="cid:`+email.LogoCID+`" alt="Bea &amp; Co"`) || strings.Contains(body, "http") && strings.Contains(body, "<img src=\"http") {
		t.Errorf("html does not reference the logo: %s", body)
	}
	text := decodeQP(t, byType["text/plain"])
	if text != "Thanks!\r\n\r\n-- \r\nBea & Co\r\n" && text != "Thanks!\n\n-- \nBea & Co\n" {
		t.Errorf("plain text changed: %q", text)
	}
}

// A logo too big for email, or one mail clients do not draw (SVG), or none
// at all: the email is headed by the shop's name, with no image and no
// multipart/related.
func TestNoLogoPartWhenItCannotGo(t *testing.T) {
	for name, logo := range map[string]domain.ShopLogo{
		"too big": {Type: "image/png", Data: pngLogo(t, 400, 400)},
		"svg":     {Type: "image/svg+xml", Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
		"none":    {},
	} {
		t.Run(name, func(t *testing.T) {
			if name == "too big" && len(logo.Data) <= email.MaxEmailLogoBytes {
				t.Fatalf("the test logo is %d bytes, not too big", len(logo.Data))
			}
			a := baseAccount()
			a.logo = logo
			c, err := Compose(a, logoMessage(t), t0)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range leaves(t, c.Raw) {
				if strings.HasPrefix(p.typ, "image/") || (len(p.parents) > 0 && p.parents[0] == "multipart/related") {
					t.Fatalf("logo part sent: %s in %v", p.typ, p.parents)
				}
				if p.typ == "text/html" {
					body := decodeQP(t, p)
					if strings.Contains(body, "cid:") || !strings.Contains(body, "Bea &amp; Co</td>") {
						t.Errorf("heading: %s", body)
					}
				}
			}
		})
	}
}

func decodeQP(t testing.TB, p part) string {
	t.Helper()
	if strings.EqualFold(first(p.header["Content-Transfer-Encoding"]), "quoted-printable") {
		b, err := io.ReadAll(quotedPrintable(p.content))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	return string(p.content)
}

func quotedPrintable(b []byte) io.Reader { return quotedprintable.NewReader(bytes.NewReader(b)) }

// The editor's preview shows the logo from the shop's file (the app has no
// message parts to take a cid: from).
func TestPreviewShowsTheLogo(t *testing.T) {
	ctx := context.Background()
	st := templateStore(t)
	st.SetSetting(ctx, domain.SettingShopName, "Clay Shop")
	if _, err := st.SetShopLogo(ctx, pngLogo(t, 60, 20)); err != nil {
		t.Fatal(err)
	}
	got, err := PreviewTemplate(ctx, st, &Templates{}, "winback", "", "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.HTML, `<img src="data:image/png;base64,`) || strings.Contains(got.HTML, "cid:") {
		t.Fatalf("preview heading: %s", got.HTML[:min(len(got.HTML), 900)])
	}
}
