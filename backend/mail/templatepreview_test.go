package mail

import (
	"context"
	"strings"
	"testing"

	"shopclerk/backend/domain"
)

// TestPreviewTemplate: with nothing being edited the editor previews the
// saved version; with a subject and body it previews those, on sample data
// named after the shop.
func TestPreviewTemplate(t *testing.T) {
	ctx := context.Background()
	st := templateStore(t)
	if err := st.SetSetting(ctx, domain.SettingShopName, "Clay Shop"); err != nil {
		t.Fatal(err)
	}
	r := &Templates{}
	def, err := PreviewTemplate(ctx, st, r, "winback", "", "", 0)
	if err != nil || def.Subject == "" || def.HTML == "" {
		t.Fatalf("saved or default version: %+v %v", def, err)
	}
	got, err := PreviewTemplate(ctx, st, r, "winback", "Hi {{.Customer.FirstName}}", "<p>From {{.Shop.Name}}</p>", 0)
	if err != nil {
		t.Fatal(err)
	}
	if got.Subject != "Hi Alex" || !strings.Contains(got.HTML, "From Clay Shop") {
		t.Fatalf("edited version: %q %q", got.Subject, got.HTML)
	}
}

// Every template the editor lists previews, including the flow emails whose
// {{.Vars.x}} only a flow step sets: those show "[x]" where the value goes.
func TestPreviewTemplateEveryEditableTemplate(t *testing.T) {
	ctx := context.Background()
	st := templateStore(t)
	r := &Templates{}
	for _, name := range EditableTemplateNames() {
		got, err := PreviewTemplate(ctx, st, r, name, "", "", 0)
		if err != nil || got.HTML == "" || got.Text == "" {
			t.Errorf("%s: %v", name, err)
		}
	}
	got, err := PreviewTemplate(ctx, st, r, "account_closure", "", "", 0)
	if err != nil || !strings.Contains(got.Text, "in [closeInDays] days") {
		t.Errorf("account_closure: %q %v", got.Text, err)
	}
}
