package mail

import (
	"context"
	"encoding/base64"
	"strings"

	"shopclerk/backend/email"
	"shopclerk/backend/store"
	"shopclerk/backend/store/outboxdb"
)

// ShopData is the shop as templates show it, as saved now in Settings >
// Shop (with the account's sending address when the shop gave none). A shop
// not named yet has no name here: never a placeholder such as "Your shop".
func ShopData(ctx context.Context, st *store.Store) email.Shop {
	id, _ := st.Shop(ctx)
	shop := email.ShopOf(id)
	if a, ok, _ := LoadAccount(ctx, st); ok && shop.Email == "" {
		shop.Email = a.FromAddress
	}
	return shop
}

// PreviewTemplate renders a template for the editor: the subject and html
// being edited, or the saved (else default) version when both are empty;
// with a real customer's data, or sample data when customerID is 0; the
// variables a flow step sets ({{.Vars.x}}) show as "[x]" when the sample has
// no value. r renders; one kept between previews keeps what it parsed.
func PreviewTemplate(ctx context.Context, st *outboxdb.DB, r *Templates, name, subject, html string, customerID int64) (email.Rendered, error) {
	t := email.Template{Name: name, Subject: subject, HTML: html}
	if subject == "" && html == "" {
		cur, err := LoadTemplate(ctx, st, name)
		if err != nil {
			return email.Rendered{}, err
		}
		t = email.Template{Name: name, Subject: cur.Subject, HTML: cur.HTML, Text: cur.Text}
	}
	data := SampleData(ShopData(ctx, st.Store))
	if customerID != 0 {
		var err error
		if data, err = PreviewData(ctx, st, customerID, data.Shop); err != nil {
			return email.Rendered{}, err
		}
	}
	fillVars(&data, t)
	out, err := r.Render(t, data)
	out.HTML = LogoOnScreen(ctx, st.Store, out.HTML)
	return out, err
}

// LogoOnScreen is an email's HTML for a preview in the app: the logo an
// email carries as an inline part (cid:) is shown from the shop's file as a
// data: address instead, as the app's preview has no message parts.
func LogoOnScreen(ctx context.Context, st *store.Store, html string) string {
	if !email.HasLogo(html) {
		return html
	}
	logo, err := st.ShopLogo(ctx)
	if err != nil || len(logo.Data) == 0 || !email.EmailLogoType(logo.Type) || len(logo.Data) > email.MaxEmailLogoBytes {
		return email.WithoutLogo(html)
	}
	return strings.ReplaceAll(html, `src="cid:`+email.LogoCID+`"`, `src="data:`+logo.Type+`;base64,`+base64.StdEncoding.EncodeToString(logo.Data)+`"`)
}
