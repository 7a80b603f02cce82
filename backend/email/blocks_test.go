package email

import (
	"reflect"
	"strings"
	"testing"
)

// textOf renders a template's body as a customer reads its text part.
func textOf(t *testing.T, tp Template) string {
	t.Helper()
	r, err := Fallback{}.Render(tp, Sample(map[string]string{"news": "[news]", "closeInDays": "30", "howItWorks": "[how]"}))
	if err != nil {
		t.Fatalf("%s: %v", tp.Name, err)
	}
	return r.Text
}

// Every other built-in flow email reads as blocks, with no HTML block, and
// the blocks write an email whose text is the built-in's, word for word.
func TestBuiltinsConvertToBlocks(t *testing.T) {
	for _, name := range TemplateNames() {
		tp := builtin[name]
		blocks, exact := HTMLToBlocks(tp.HTML)
		if InlineConditions[name] {
			if exact || len(blocks) != 1 || blocks[0].Kind != BlockHTML {
				t.Errorf("%s: not one HTML block: %+v", name, blocks)
			}
			continue
		}
		if !exact {
			t.Errorf("%s: not read as blocks", name)
			continue
		}
		for _, b := range blocks {
			if b.Kind == BlockHTML {
				t.Errorf("%s: has an HTML block", name)
			}
		}
		back := tp
		back.HTML = BlocksHTML(blocks)
		if got, want := textOf(t, back), textOf(t, tp); got != want {
			t.Errorf("%s: text differs\n--- blocks\n%s\n--- built-in\n%s", name, got, want)
		}
	}
}

var everyKind = []Block{
	{Kind: BlockHeading, Text: "Hello {{.Customer.FirstName}}, **new** *in*"},
	{Kind: BlockText, Text: "Line one\nline two with [your basket]({{.Cart.RecoveryURL}}) and 5 \\* 3 \\[not a link\\] & <b>not bold</b>"},
	{Kind: BlockText, Text: "{{.PurchaseOrder.Note}}", If: ".PurchaseOrder.Note"},
	{Kind: BlockButton, Text: "Finish & pay", URL: "{{.Cart.RecoveryURL}}"},
	{Kind: BlockProducts, Lines: LinesOrder, Column: ColumnTotal},
	{Kind: BlockProducts, Lines: LinesOrder, Column: ColumnNone},
	{Kind: BlockProducts, Lines: LinesCart, Column: ColumnPrice},
	{Kind: BlockProducts, Lines: LinesCart, Column: ColumnTotal},
	{Kind: BlockProducts, Lines: LinesPurchaseOrder},
	{Kind: BlockCoupon},
	{Kind: BlockSummary},
	{Kind: BlockImage, URL: "https://shop.example.com/a.png?x=1&y=2", Text: "Our new mug"},
	{Kind: BlockImage, Logo: true},
	{Kind: BlockDivider},
	{Kind: BlockSpacer},
}

// What the block editor writes it reads back as the same blocks.
func TestBlocksRoundTrip(t *testing.T) {
	got, exact := HTMLToBlocks(BlocksHTML(everyKind))
	if !exact || !reflect.DeepEqual(got, everyKind) {
		t.Errorf("round trip:\n got %#v\nwant %#v", got, everyKind)
	}
	// and it renders: the markup is well formed and escaped.
	r, err := Fallback{}.Render(Template{Subject: "s", HTML: BlocksHTML(everyKind)}, Sample(nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<strong>new</strong> <em>in</em>", "Line one<br>line two", `<a href="https://shop.example.com/cart/abc">your basket</a>`,
		"5 * 3 [not a link] &amp; &lt;b&gt;not bold&lt;/b&gt;", `src="https://shop.example.com/a.png?x=1&amp;y=2"`, `<img src="cid:shop-logo@shopclerk" alt="Ann&#39;s Pottery"`, ">SC-ABCD-EFGH<"} {
		if !strings.Contains(r.HTML, want) {
			t.Errorf("html lacks %q", want)
		}
	}
	if strings.Contains(r.HTML, "PurchaseOrder") || strings.Contains(r.Text, "{{") {
		t.Errorf("an action was left unrendered:\n%s", r.Text)
	}
}

func TestInlineMarkupClosesWhatItOpens(t *testing.T) {
	for in, want := range map[string]string{
		"**bold":            "<strong>bold</strong>",
		"*a **b* c":         "<em>a <strong>b<em> c</em></strong></em>",
		"[no link":          "[no link",
		"[x](javascript:1)": `<a href="javascript:1">x</a>`, // written, but CheckBlocks refuses it
		"a {{.Order.Name}}": "a {{.Order.Name}}",
	} {
		if got := inlineHTML(in); got != want {
			t.Errorf("inlineHTML(%q) = %q, want %q", in, got, want)
		}
	}
}

// HTML the blocks cannot say opens as one HTML block holding it unchanged.
func TestUnreadableHTMLIsOneBlock(t *testing.T) {
	for _, h := range []string{
		`<div class="x"><p>Hi</p></div>`,
		`<p>Hi {{if .Coupon.Code}}code{{end}}</p>`,
		`just text`,
		`<p>Hi <span style="color:red">red</span></p>`,
		``,
	} {
		got, exact := HTMLToBlocks(h)
		if exact || len(got) != 1 || got[0].Kind != BlockHTML || got[0].Text != h {
			t.Errorf("%q: got %#v exact %v", h, got, exact)
		}
	}
}

func TestCheckBlocks(t *testing.T) {
	cart := Kind{Label: "cart reminder", AnyVars: true, Variables: VariablesOf([]string{"Customer", "Cart", "Coupon", "Shop"}, nil)}
	for _, c := range []struct {
		blocks []Block
		want   string
	}{
		{[]Block{{Kind: BlockText, Text: "Back to {{.Cart.Url}}"}}, "{{.Cart.Url}} is not a variable of the cart reminder; did you mean .Cart.RecoveryURL?"},
		{[]Block{{Kind: BlockButton, Text: "Go", URL: "{{.Cart.recoveryurl}}"}}, "{{.Cart.recoveryurl}} is not a variable of the cart reminder; did you mean .Cart.RecoveryURL?"},
		{[]Block{{Kind: BlockText, Text: "Your order {{.Order.Name}}"}}, "{{.Order.Name}} is not a variable of the cart reminder; it can use .Customer, .Cart, .Coupon, .Shop"},
		{[]Block{{Kind: BlockHeading, Text: "Hi {{upper .Customer.FirstNme}}"}}, "did you mean .Customer.FirstName?"},
		{[]Block{{Kind: BlockText, Text: "{{range .Cart.Lines}}x{{end}}"}}, "{{range .Cart.Lines}} is not a variable"},
		{[]Block{{Kind: BlockText, Text: "{{printf .Customer.Email}}"}}, `calls "printf", which is not a template function`},
		{[]Block{{Kind: BlockImage, URL: "javascript:alert(1)"}}, `the image address "javascript:alert(1)" is not a web address`},
		{[]Block{{Kind: BlockImage, URL: "file:///etc/passwd"}}, "is not a web address"},
		{[]Block{{Kind: BlockButton, Text: "  ", URL: "{{.Cart.RecoveryURL}}"}}, "block 1 (button): the button needs a label"},
		{[]Block{{Kind: BlockButton, Text: "Go"}}, `the button "Go" needs a link`},
		{[]Block{{Kind: BlockText, Text: "[here](javascript:1)"}}, `the link "javascript:1" is not a web address`},
		{[]Block{{Kind: BlockProducts, Lines: LinesOrder}}, "the cart reminder has no order lines to show"},
		{[]Block{{Kind: BlockSummary}}, "the cart reminder has no order to show"},
		{[]Block{{Kind: BlockText, Text: "x", If: ".Order.Note"}}, "{{.Order.Note}} is not a variable of the cart reminder"},
		{[]Block{{Kind: BlockText, Text: " "}}, "the text is empty"},
		{nil, "the email has no blocks"},
	} {
		err := CheckBlocks(c.blocks, cart)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: got %v, want %q", c.blocks, err, c.want)
		}
	}
	ok := []Block{{Kind: BlockText, Text: "Hi {{.Customer.FirstName}}, [back]({{.Cart.RecoveryURL}}) {{.Vars.anything}} {{join .Shop.Address \", \"}}"},
		{Kind: BlockProducts, Lines: LinesCart, Column: ColumnPrice}, {Kind: BlockCoupon}, {Kind: BlockImage, URL: "https://x.example/a.png"},
		{Kind: BlockButton, Text: "Shop", URL: "https://shop.example.com"}, {Kind: BlockHTML, Text: "<div>{{if .Coupon.Code}}x{{end}}</div>"}}
	if err := CheckBlocks(ok, cart); err != nil {
		t.Errorf("good blocks refused: %v", err)
	}
}

func TestVariablesOf(t *testing.T) {
	vs := VariablesOf([]string{"Cart", "Shop"}, []string{"news"})
	byPath := map[string]Variable{}
	for _, v := range vs {
		byPath[v.Path] = v
	}
	for path, want := range map[string]Variable{
		".Cart.RecoveryURL": {Path: ".Cart.RecoveryURL", Group: "Cart", Label: "Cart recovery URL", Insert: "{{.Cart.RecoveryURL}}"},
		".Cart.Lines":       {Path: ".Cart.Lines", Group: "Cart", Label: "Cart lines"},
		".Shop.Address":     {Path: ".Shop.Address", Group: "Shop", Label: "Shop address", Insert: `{{join .Shop.Address ", "}}`},
		".Shop.VATNumber":   {Path: ".Shop.VATNumber", Group: "Shop", Label: "Shop VAT number", Insert: "{{.Shop.VATNumber}}"},
		".Vars.news":        {Path: ".Vars.news", Group: "Vars", Label: "news (set by the flow step)", Insert: "{{.Vars.news}}"},
	} {
		if byPath[path] != want {
			t.Errorf("%s: got %+v, want %+v", path, byPath[path], want)
		}
	}
	if _, ok := byPath[".Order.Name"]; ok {
		t.Error("a cart email is offered the order")
	}
}
