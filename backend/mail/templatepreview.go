package mail

import (
	"context"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/store"
	"shopclerk/backend/store/outboxdb"
)

// ShopData names the shop in templates: its name and the account's
// sending address, as saved now.
func ShopData(ctx context.Context, st *store.Store) email.Shop {
	name, _ := st.Setting(ctx, domain.SettingShopName, "Your shop")
	shop := email.Shop{Name: name}
	if a, ok, _ := LoadAccount(ctx, st); ok {
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
	return r.Render(t, data)
}
