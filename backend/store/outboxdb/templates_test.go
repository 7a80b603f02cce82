package outboxdb

import (
	"context"
	"testing"
)

func TestEmailTemplatesRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openOutboxStore(t)

	if _, ok, err := s.EmailTemplate(ctx, "winback"); err != nil || ok {
		t.Fatalf("fresh shop: ok=%v err=%v, want no saved template", ok, err)
	}
	in := EmailTemplate{Name: "winback", Subject: "Come back, {{.Customer.FirstName}}", HTML: "<p>We miss you</p>", Text: "We miss you"}
	if err := s.SaveEmailTemplate(ctx, in); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.EmailTemplate(ctx, "winback")
	if err != nil || !ok {
		t.Fatalf("after save: ok=%v err=%v", ok, err)
	}
	if got.Subject != in.Subject || got.HTML != in.HTML || got.Text != in.Text || !got.UpdatedAt.Equal(testNow) {
		t.Fatalf("got %+v", got)
	}

	// Saving again replaces the row: one template per name.
	in.HTML, in.Text = "<p>Still missing you</p>", ""
	if err := s.SaveEmailTemplate(ctx, in); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveEmailTemplate(ctx, EmailTemplate{Name: "birthday_offer", Subject: "Happy birthday", HTML: "<p>Cake</p>"}); err != nil {
		t.Fatal(err)
	}
	all, err := s.EmailTemplates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].Name != "birthday_offer" || all[1].Name != "winback" || all[1].HTML != "<p>Still missing you</p>" || all[1].Text != "" {
		t.Fatalf("all = %+v", all)
	}

	if err := s.DeleteEmailTemplate(ctx, "winback"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.EmailTemplate(ctx, "winback"); ok {
		t.Fatal("reset template is still saved")
	}
	if err := s.DeleteEmailTemplate(ctx, "winback"); err != nil {
		t.Fatalf("resetting twice: %v", err)
	}
	if all, _ := s.EmailTemplates(ctx); len(all) != 1 {
		t.Fatalf("after reset: %+v", all)
	}
	if err := s.SaveEmailTemplate(ctx, EmailTemplate{Subject: "x", HTML: "y"}); err == nil {
		t.Fatal("a template without a name was saved")
	}
}
