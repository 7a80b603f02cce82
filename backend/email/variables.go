package email

import (
	"fmt"
	"net/url"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"shopclerk/backend/domain"
)

// Variable is one thing a template can show, as the block editor's
// variable picker offers it. The list is read from Data's fields (VariablesOf),
// so a field added to Data is offered without a second list to keep.
type Variable struct {
	// Path is the field as a template names it: ".Order.Name".
	Path string `json:"path"`
	// Group is the part of Data it belongs to ("Order"), Label what the
	// picker calls it ("Order name").
	Group string `json:"group"`
	Label string `json:"label"`
	// Insert is what the picker writes at the cursor: "{{.Order.Name}}",
	// or for a list of text lines "{{join .Order.ShippingAddress ", "}}".
	// Empty for a list of order or cart lines, which only a product list
	// block shows.
	Insert string `json:"insert"`
}

// VariablesOf lists the variables of the parts of Data an email is given
// ("Shop", "Customer", "Order"…) and of the step variables it uses
// ({{.Vars.news}}), in Data's field order.
func VariablesOf(parts []string, vars []string) []Variable {
	dt := reflect.TypeFor[Data]()
	var out []Variable
	for _, p := range parts {
		f, ok := dt.FieldByName(p)
		if !ok || f.Type.Kind() != reflect.Struct {
			panic("email: Data has no part " + p)
		}
		for i := 0; i < f.Type.NumField(); i++ {
			sf := f.Type.Field(i)
			path := "." + p + "." + sf.Name
			v := Variable{Path: path, Group: p, Label: p + " " + words(sf.Name)}
			switch {
			case sf.Type.Kind() == reflect.String:
				v.Insert = "{{" + path + "}}"
			case sf.Type == reflect.TypeFor[[]string]():
				v.Insert = `{{join ` + path + ` ", "}}`
			case sf.Type == reflect.TypeFor[[]Line]():
			default:
				continue
			}
			out = append(out, v)
		}
	}
	for _, n := range vars {
		out = append(out, Variable{Path: ".Vars." + n, Group: "Vars", Label: n + " (set by the flow step)", Insert: "{{.Vars." + n + "}}"})
	}
	return out
}

// words writes a field name as lower-case words: "RecoveryURL" is
// "recovery URL", "FirstName" "first name".
func words(name string) string {
	var parts []string
	r := []rune(name)
	start := 0
	for i := 1; i <= len(r); i++ {
		if i == len(r) || unicode.IsUpper(r[i]) && (unicode.IsLower(r[i-1]) || i+1 < len(r) && unicode.IsLower(r[i+1])) {
			w := string(r[start:i])
			if len(w) > 1 && strings.ToUpper(w) == w {
				parts = append(parts, w) // an acronym stays as it is
			} else {
				parts = append(parts, strings.ToLower(w))
			}
			start = i
		}
	}
	return strings.Join(parts, " ")
}

// Kind is what a template is given, for checking its blocks: the
// seller-facing name of the template ("cart reminder"), its variables and
// whether a flow step may set any {{.Vars.x}} (every email but the
// purchase order, whose variables are fixed).
type Kind struct {
	Label     string
	Variables []Variable
	AnyVars   bool
}

func (k Kind) has(path string) bool {
	if k.AnyVars && varPathRe.MatchString(path) {
		return true
	}
	return slices.ContainsFunc(k.Variables, func(v Variable) bool { return v.Path == path })
}

var (
	varPathRe = regexp.MustCompile(`^\.Vars\.\w+$`)
	// valueRe is the one kind of action a block may hold: a variable,
	// maybe through a function with quoted arguments.
	valueRe = regexp.MustCompile(`^\{\{-?\s*(?:(\w+)\s+)?(\.[A-Za-z_][\w.]*)((?:\s+"[^"]*")*)\s*-?\}\}$`)
)

// CheckBlocks refuses blocks a customer should not get: a variable the
// template is not given (named, with the nearest one it has), an action
// that is not a variable, a button without a label or link, a link or
// image that is not an http(s) address. HTML blocks are the seller's own
// and are checked by rendering, as any HTML template is.
func CheckBlocks(blocks []Block, k Kind) error {
	if len(blocks) == 0 {
		return domain.Errorf(domain.CodeInvalid, "the email has no blocks: add a heading or a text")
	}
	for i, b := range blocks {
		if err := checkBlock(b, k); err != nil {
			return domain.Wrap(err, domain.CodeInvalid, fmt.Sprintf("block %d (%s): %s", i+1, b.Kind, err.Error()))
		}
	}
	return nil
}

func checkBlock(b Block, k Kind) error {
	needs := func(path, what string) error {
		if !k.has(path) {
			return domain.Errorf(domain.CodeInvalid, "the %s has no %s to show", k.Label, what)
		}
		return nil
	}
	switch b.Kind {
	case BlockHeading, BlockText:
		if strings.TrimSpace(b.Text) == "" {
			return domain.Errorf(domain.CodeInvalid, "the %s is empty: write something or remove it", b.Kind)
		}
		for _, l := range links(b.Text) {
			if err := checkLink(l, "link", k); err != nil {
				return err
			}
		}
		if b.If != "" && !k.has(b.If) {
			return unknownVariable("{{"+b.If+"}}", b.If, k)
		}
	case BlockButton:
		if strings.TrimSpace(b.Text) == "" {
			return domain.Errorf(domain.CodeInvalid, "the button needs a label, the words a customer clicks")
		}
		if strings.TrimSpace(b.URL) == "" {
			return domain.Errorf(domain.CodeInvalid, "the button %q needs a link", b.Text)
		}
		if err := checkLink(b.URL, "button link", k); err != nil {
			return err
		}
	case BlockImage:
		if b.Logo {
			return nil
		}
		if u, err := url.Parse(strings.TrimSpace(b.URL)); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return domain.Errorf(domain.CodeInvalid, "the image address %q is not a web address: it must start with https:// (or http://)", b.URL)
		}
	case BlockProducts:
		switch b.Lines {
		case LinesOrder:
			return needs(".Order.Lines", "order lines")
		case LinesCart:
			return needs(".Cart.Lines", "basket lines")
		case LinesPurchaseOrder:
			return needs(".PurchaseOrder.Lines", "purchase order lines")
		default:
			return domain.Errorf(domain.CodeInvalid, "a product list shows the order's, the basket's or the purchase order's lines, not %q", b.Lines)
		}
	case BlockCoupon:
		return needs(".Coupon.Code", "coupon")
	case BlockSummary:
		return needs(".Order.Total", "order")
	case BlockDivider, BlockSpacer, BlockHTML:
	default:
		return domain.Errorf(domain.CodeInvalid, "there is no kind of block called %q", b.Kind)
	}
	for _, field := range []string{b.Text, b.URL} {
		if b.Kind == BlockHTML {
			break
		}
		for _, a := range actionRe.FindAllString(field, -1) {
			if err := checkAction(a, k); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkLink accepts a link that is one variable or an http(s) or mailto
// address.
func checkLink(l, what string, k Kind) error {
	l = strings.TrimSpace(l)
	if actionRe.FindString(l) == l {
		return checkAction(l, k)
	}
	if u, err := url.Parse(l); err == nil && ((u.Scheme == "http" || u.Scheme == "https") && u.Host != "" || u.Scheme == "mailto") {
		return nil
	}
	return domain.Errorf(domain.CodeInvalid, "the %s %q is not a web address: use a variable such as {{.Cart.RecoveryURL}} or an address starting with https://", what, l)
}

func checkAction(a string, k Kind) error {
	m := valueRe.FindStringSubmatch(a)
	if m == nil || controlRe.MatchString(a) {
		return domain.Errorf(domain.CodeInvalid, "%s is not a variable: a block shows variables such as {{.Customer.FirstName}}; loops and conditions belong in an HTML block", a)
	}
	if m[1] != "" {
		if _, ok := Funcs()[m[1]]; !ok {
			return domain.Errorf(domain.CodeInvalid, "%s calls %q, which is not a template function; use %s", a, m[1], funcNames())
		}
	}
	if !k.has(m[2]) {
		return unknownVariable(a, m[2], k)
	}
	return nil
}

// unknownVariable names a variable the template is not given and the
// nearest one it has: "{{.Cart.Url}} is not a variable of the cart
// reminder; did you mean .Cart.URL?".
func unknownVariable(action, path string, k Kind) error {
	best, dist := "", 1<<30
	group, field, _ := strings.Cut(strings.TrimPrefix(path, "."), ".")
	for _, v := range k.Variables {
		if strings.EqualFold(v.Path, path) {
			best, dist = v.Path, 0
			break
		}
		if d := editDistance(strings.ToLower(v.Path), strings.ToLower(path)); d < dist {
			best, dist = v.Path, d
		}
	}
	// A field half remembered ("{{.Cart.Url}}" for .Cart.RecoveryURL) is
	// inside the one it stands for, in the same part.
	if dist > 0 && len(field) >= 3 {
		for _, v := range k.Variables {
			if v.Group == group && v.Insert != "" && strings.Contains(strings.ToLower(v.Path), strings.ToLower(field)) {
				best, dist = v.Path, 0
				break
			}
		}
	}
	if best != "" && dist <= max(2, len(path)/4) {
		return domain.Errorf(domain.CodeInvalid, "%s is not a variable of the %s; did you mean %s?", action, k.Label, best)
	}
	var groups []string
	for _, v := range k.Variables {
		if g := "." + v.Group; !slices.Contains(groups, g) {
			groups = append(groups, g)
		}
	}
	return domain.Errorf(domain.CodeInvalid, "%s is not a variable of the %s; it can use %s", action, k.Label, strings.Join(groups, ", "))
}

// editDistance is the Levenshtein distance of two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
