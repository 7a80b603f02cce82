package mail

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
)

// variablesJSON is the frontend's copy of AllTemplateVariables (read by
// src/api/emailVariables.ts).
var variablesJSON = filepath.Join("..", "..", "frontend", "src", "api", "emailVariables.json")

// TestVariablesGolden keeps the variable picker's list (TypeScript) equal
// to the Go one the save check uses: add a field to email.Data or a
// template, run `go test ./backend/mail -run TestVariablesGolden -update`.
func TestVariablesGolden(t *testing.T) {
	got, err := json.MarshalIndent(AllTemplateVariables(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(variablesJSON, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(variablesJSON)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("%s is not mail.AllTemplateVariables(); run go test ./backend/mail -run TestVariablesGolden -update", variablesJSON)
	}
}

// Every template the editor offers has a kind, reads as blocks with no
// HTML block, passes the block check of its kind (so the kinds give each
// template what it uses), and its blocks render the text a customer reads
// today, word for word, with the same layout and footer.
func TestEveryTemplateOpensAsBlocks(t *testing.T) {
	shop := SampleData(email.Shop{Name: "Ann's Pottery", Email: "shop@example.com", Address: []string{"Kiln Lane 4"}}).Shop
	for _, name := range EditableTemplateNames() {
		if _, ok := templateKinds[name]; !ok {
			t.Errorf("%s has no kind", name)
			continue
		}
		tp, _ := (&Templates{}).Lookup(name)
		blocks, exact := email.HTMLToBlocks(tp.HTML)
		if email.InlineConditions[name] {
			continue // one HTML block, as TestBuiltinsConvertToBlocks checks
		}
		if !exact {
			t.Errorf("%s: not read as blocks", name)
			continue
		}
		for _, b := range blocks {
			if b.Kind == email.BlockHTML {
				t.Errorf("%s: has an HTML block", name)
			}
		}
		back, err := BlocksTemplate(name, tp.Subject, blocks)
		if err != nil {
			t.Errorf("%s: its own blocks refused: %v", name, err)
			continue
		}
		tp.Text = "" // compare the text derived from each body
		back.Lang = tp.Lang
		data := SampleData(shop)
		fillVars(&data, tp)
		want, err := (&Templates{}).Render(tp, data)
		if err != nil {
			t.Fatal(err)
		}
		got, err := (&Templates{}).Render(back, data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got.Text != want.Text || got.Subject != want.Subject {
			t.Errorf("%s: text differs\n--- blocks\n%s\n--- today\n%s", name, got.Text, want.Text)
		}
		if !strings.Contains(got.HTML, "Kiln Lane 4") || !strings.Contains(got.HTML, `<html lang="`) {
			t.Errorf("%s: blocks not in the layout with its footer", name)
		}
	}
}

func TestSaveTemplateBlocks(t *testing.T) {
	ctx := context.Background()
	st := templateStore(t)
	shop := email.Shop{Name: "Ann's Pottery", Email: "shop@example.com"}
	blocks := []email.Block{
		{Kind: email.BlockHeading, Text: "Still yours, {{.Customer.FirstName}}"},
		{Kind: email.BlockProducts, Lines: email.LinesCart, Column: email.ColumnPrice},
		{Kind: email.BlockButton, Text: "Back to my basket", URL: "{{.Cart.RecoveryURL}}"},
	}

	// Refused, naming the variable, nothing saved.
	bad := append([]email.Block{{Kind: email.BlockText, Text: "See {{.Cart.Url}}"}}, blocks...)
	err := SaveTemplateBlocks(ctx, st, "cart_reminder", "Your basket", bad, shop)
	if err == nil || !strings.Contains(err.Error(), "{{.Cart.Url}} is not a variable of the cart reminder; did you mean .Cart.RecoveryURL?") ||
		domain.CodeOf(err) != domain.CodeInvalid {
		t.Fatalf("unknown variable: %v", err)
	}
	for _, b := range [][]email.Block{{{Kind: email.BlockImage, URL: "ftp://x/a.png"}}, {{Kind: email.BlockButton, URL: "{{.Cart.RecoveryURL}}"}}} {
		if err := SaveTemplateBlocks(ctx, st, "cart_reminder", "Your basket", b, shop); err == nil {
			t.Errorf("%+v saved", b)
		}
	}
	if _, ok, _ := st.EmailTemplate(ctx, "cart_reminder"); ok {
		t.Fatal("a refused template was saved")
	}

	if err := SaveTemplateBlocks(ctx, st, "cart_reminder", "Your basket", blocks, shop); err != nil {
		t.Fatal(err)
	}
	got, err := LoadTemplate(ctx, st, "cart_reminder")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Customised || !got.BlocksExact || !reflect.DeepEqual(got.Blocks, blocks) || got.HTML != email.BlocksHTML(blocks) {
		t.Errorf("reopened: %+v", got)
	}
	// The outbox renders it as any template: from the snapshot.
	r, err := (&Templates{Store: st}).Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	tp, _ := r.Lookup("cart_reminder")
	out, err := r.Render(tp, SampleData(shop))
	if err != nil || !strings.Contains(out.Text, "Still yours, Alex") || !strings.Contains(out.HTML, ">Back to my basket</a>") {
		t.Errorf("rendered: %v\n%s", err, out.Text)
	}

	// Saved as HTML the seller wrote, the blocks are gone; HTML the
	// converter cannot read opens as one HTML block.
	own := `<div style="color:#333"><p>Hi {{.Customer.FirstName}}</p></div>`
	if err := SaveTemplate(ctx, st, email.Template{Name: "cart_reminder", Subject: "x", HTML: own}, shop); err != nil {
		t.Fatal(err)
	}
	got, _ = LoadTemplate(ctx, st, "cart_reminder")
	if got.BlocksExact || len(got.Blocks) != 1 || got.Blocks[0] != (email.Block{Kind: email.BlockHTML, Text: own}) {
		t.Errorf("own HTML opened as %+v", got.Blocks)
	}
	// and saved back as that one block, it is the same email.
	if err := SaveTemplateBlocks(ctx, st, "cart_reminder", "x", got.Blocks, shop); err != nil {
		t.Fatal(err)
	}
	if again, _ := LoadTemplate(ctx, st, "cart_reminder"); again.HTML != own {
		t.Errorf("HTML block changed the HTML: %q", again.HTML)
	}
}

func TestPreviewTemplateBlocks(t *testing.T) {
	ctx := context.Background()
	st := templateStore(t)
	blocks := []email.Block{{Kind: email.BlockHeading, Text: "Order {{.Order.Name}} is **in**"}, {Kind: email.BlockSummary}}
	r, err := PreviewTemplateBlocks(ctx, st, &Templates{}, "order_confirmation", "Thanks {{.Customer.FirstName}}", blocks, 0)
	if err != nil {
		t.Fatal(err)
	}
	if r.Subject != "Thanks Alex" || !strings.Contains(r.Text, "Order #1001 is in") || !strings.Contains(r.Text, "Total 46.90 EUR") {
		t.Errorf("preview: %q\n%s", r.Subject, r.Text)
	}
	if _, err := PreviewTemplateBlocks(ctx, st, &Templates{}, "order_confirmation", "x", []email.Block{{Kind: email.BlockText, Text: "{{.Cart.Total}}"}}, 0); err == nil ||
		!strings.Contains(err.Error(), "{{.Cart.Total}} is not a variable of the order confirmation") {
		t.Errorf("a cart variable in an order email: %v", err)
	}
}
