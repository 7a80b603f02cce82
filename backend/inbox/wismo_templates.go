package inbox

import (
	"bytes"
	"embed"
	"fmt"
	"slices"
	"strings"
	"text/template"
	"text/template/parse"

	"shopclerk/backend/domain"
)

// The "where is my order" reply as parts the seller can rewrite per
// language: the opening, what a parcel is called, one sentence per parcel
// status, the parcel's details (carrier, number, the carrier's last word,
// the link), the "being prepared" paragraph for an order not shipped yet,
// and the closing. Shopclerk's own text (replies/<lang>.txt) is the
// default of each part; the seller's version of a part, saved in the shop
// (reply_templates), replaces it. Each part is a small text template over
// ReplyFields, checked on save against the placeholders that part may use.

//go:embed replies/*.txt
var replyFS embed.FS

// PartInfo describes one editable part.
type PartInfo struct {
	Key   string `json:"key"`
	Label string `json:"label"`
	// Uses lists the placeholders the part may show ("{{.Parcel}}").
	Uses []string `json:"uses"`
}

// Placeholders the parts may use, by group.
var (
	usesCommon  = []string{"Name", "Order", "Shop"}
	usesParcel  = []string{"Name", "Order", "Shop", "N", "Of"}
	usesStatus  = []string{"Parcel", "Name", "Order", "Shop", "N", "Of", "Carrier", "Number", "URL", "LastEvent", "LastEventOn"}
	usesPending = []string{"Name", "Order", "Shop", "ShipBy"}
)

// statusParts are the parts a parcel's status picks; "other" takes the
// rest (expired, unknown).
var statusParts = []domain.ShipmentStatus{domain.ShipmentLabelCreated, domain.ShipmentInTransit, domain.ShipmentOutForDelivery,
	domain.ShipmentAvailableForPickup, domain.ShipmentDelivered, domain.ShipmentFailedAttempt, domain.ShipmentException, domain.ShipmentReturned}

const (
	partOpening    = "opening"
	partParcel     = "parcel"
	partOther      = "other"
	partDetails    = "details"
	partNotShipped = "not_shipped"
	partClosing    = "closing"
)

// ReplyParts lists the editable parts in the order a reply uses them.
var ReplyParts = []PartInfo{
	{partOpening, "Opening (greeting and thanks)", usesCommon},
	{partParcel, "What a parcel is called", usesParcel},
	{string(domain.ShipmentLabelCreated), "Label created (packed, waiting for the carrier)", usesStatus},
	{string(domain.ShipmentInTransit), "Shipped, in transit", usesStatus},
	{string(domain.ShipmentOutForDelivery), "Out for delivery", usesStatus},
	{string(domain.ShipmentAvailableForPickup), "Waiting at a pickup point", usesStatus},
	{string(domain.ShipmentDelivered), "Delivered", usesStatus},
	{string(domain.ShipmentFailedAttempt), "Delivery attempt failed", usesStatus},
	{string(domain.ShipmentException), "Delivery problem (exception)", usesStatus},
	{string(domain.ShipmentReturned), "On its way back to you", usesStatus},
	{partOther, "Any other status", usesStatus},
	{partDetails, "Parcel details (carrier, number, latest news, link)", usesStatus},
	{partNotShipped, "Not shipped yet (being prepared)", usesPending},
	{partClosing, "Closing", usesCommon},
}

func partInfo(key string) (PartInfo, bool) {
	for _, p := range ReplyParts {
		if p.Key == key {
			return p, true
		}
	}
	return PartInfo{}, false
}

// ReplyFields is what a part is filled in with.
type ReplyFields struct {
	Name, Order, Shop string
	// Parcel is what the parcel part made of N and Of ("Parcel 1 of 2").
	Parcel                 string
	N, Of                  int
	Carrier, Number, URL   string
	LastEvent, LastEventOn string
	// ShipBy is the day an order not shipped yet leaves the shop.
	ShipBy string
}

// replySet is one language's reply, parsed.
type replySet struct {
	lang  string
	date  string // the layout dates are written in
	parts map[string]*template.Template
}

// builtinTexts are Shopclerk's own parts per language, and date layouts.
var builtinTexts, builtinDates = mustBuiltins()

var builtinSets = func() map[string]*replySet {
	out := map[string]*replySet{}
	for _, l := range Languages {
		s, err := compileReply(l, nil)
		if err != nil {
			panic(err)
		}
		out[l] = s
	}
	return out
}()

func mustBuiltins() (map[string]map[string]string, map[string]string) {
	texts, dates := map[string]map[string]string{}, map[string]string{}
	for _, l := range Languages {
		b, err := replyFS.ReadFile("replies/" + l + ".txt")
		if err != nil {
			panic(err)
		}
		parts := map[string]string{}
		var key string
		var lines []string
		flush := func() {
			if key != "" {
				parts[key] = strings.TrimRight(strings.Join(lines, "\n"), "\n")
			}
		}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "#") && key == "" {
				continue
			}
			if k, ok := strings.CutPrefix(line, "=="); ok {
				flush()
				key, lines = k, nil
				continue
			}
			lines = append(lines, line)
		}
		flush()
		dates[l] = parts["date"]
		delete(parts, "date")
		for _, p := range ReplyParts {
			if _, ok := parts[p.Key]; !ok {
				panic(fmt.Sprintf("inbox: replies/%s.txt has no %s part", l, p.Key))
			}
		}
		texts[l] = parts
	}
	return texts, dates
}

// compileReply parses lang's parts: the seller's where saved, Shopclerk's
// for the rest. The first mistake is returned, naming the part.
func compileReply(lang string, saved map[string]string) (*replySet, error) {
	s := &replySet{lang: lang, date: builtinDates[lang], parts: map[string]*template.Template{}}
	for _, p := range ReplyParts {
		text, ok := saved[p.Key]
		if !ok {
			text = builtinTexts[lang][p.Key]
		}
		t, err := checkPart(lang, p, text)
		if err != nil {
			return nil, err
		}
		s.parts[p.Key] = t
	}
	return s, nil
}

// checkPart parses one part and refuses a placeholder it may not use, then
// fills it in with a full and an empty sample, so a mistake shows on save
// rather than in a customer's draft.
func checkPart(lang string, p PartInfo, text string) (*template.Template, error) {
	name := fmt.Sprintf("The %s “%s” text", languageName(lang), p.Label)
	if strings.TrimSpace(text) == "" && p.Key != partDetails {
		return nil, domain.Errorf(domain.CodeInvalid, "%s is empty: write it, or reset %s to Shopclerk's text.", name, languageName(lang))
	}
	t, err := template.New(p.Key).Option("missingkey=error").Parse(text)
	if err != nil {
		msg := err.Error()
		if _, rest, ok := strings.Cut(msg, "template: "+p.Key+":"); ok {
			msg = "line " + rest
		}
		return nil, domain.Errorf(domain.CodeInvalid, "%s has a mistake: %s.", name, strings.TrimSuffix(msg, "."))
	}
	if len(t.Templates()) > 1 {
		return nil, domain.Errorf(domain.CodeInvalid, "%s defines a template of its own, which these texts cannot: remove the {{define}} or {{block}}.", name)
	}
	var bad string
	walkFields(t.Tree.Root, func(field string) {
		if bad == "" && !slices.Contains(p.Uses, field) {
			bad = field
		}
	}, func() { bad = "template" })
	if bad == "template" {
		return nil, domain.Errorf(domain.CodeInvalid, "%s uses {{template}}, which these texts cannot.", name)
	}
	if bad != "" {
		return nil, domain.Errorf(domain.CodeInvalid, "%s uses {{.%s}}, which Shopclerk does not know there. It may use %s.", name, bad, placeholders(p.Uses))
	}
	for _, f := range []ReplyFields{sampleFields(), {Of: 1, N: 1}} {
		if err := t.Execute(&bytes.Buffer{}, f); err != nil {
			msg := err.Error()
			if i := strings.LastIndex(msg, ": "); i >= 0 {
				msg = msg[i+2:]
			}
			return nil, domain.Errorf(domain.CodeInvalid, "%s cannot be filled in: %s.", name, msg)
		}
	}
	return t, nil
}

func placeholders(uses []string) string {
	out := make([]string, len(uses))
	for i, u := range uses {
		out[i] = "{{." + u + "}}"
	}
	return strings.Join(out, ", ")
}

// walkFields calls field for each field a template names from the top
// (.Name, $.Name) and tmpl for each {{template}} call.
func walkFields(n parse.Node, field func(string), tmpl func()) {
	switch n := n.(type) {
	case nil:
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkFields(c, field, tmpl)
		}
	case *parse.ActionNode:
		walkFields(n.Pipe, field, tmpl)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, field, tmpl)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, field, tmpl)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, field, tmpl)
	case *parse.TemplateNode:
		tmpl()
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walkFields(c, field, tmpl)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkFields(a, field, tmpl)
		}
	case *parse.FieldNode:
		field(n.Ident[0])
	case *parse.VariableNode:
		if len(n.Ident) > 1 && n.Ident[0] == "$" {
			field(n.Ident[1])
		}
	case *parse.ChainNode:
		walkFields(n.Node, field, tmpl)
	}
}

func walkBranch(b *parse.BranchNode, field func(string), tmpl func()) {
	walkFields(b.Pipe, field, tmpl)
	walkFields(b.List, field, tmpl)
	walkFields(b.ElseList, field, tmpl)
}

// sampleFields is a parcel with everything known, for checks and previews.
func sampleFields() ReplyFields {
	return ReplyFields{Name: "Ann", Order: "#1001", Shop: "Your shop", Parcel: "Your parcel", N: 1, Of: 1, Carrier: "DHL",
		Number: "00340434161234567890", URL: "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161234567890",
		LastEvent: "The shipment has been loaded onto the delivery vehicle.", LastEventOn: "2 March 2026", ShipBy: "3 March 2026"}
}

func (s *replySet) exec(part string, f ReplyFields) (string, error) {
	var b bytes.Buffer
	if err := s.parts[part].Execute(&b, f); err != nil {
		return "", fmt.Errorf("%s %s: %w", s.lang, part, err)
	}
	return b.String(), nil
}

// text writes the reply: the opening, a paragraph per parcel (its status
// sentence, then its details: the first line on the sentence's line, the
// rest below, empty lines left out) or the "being prepared" paragraph,
// and the closing.
func (s *replySet) text(d ReplyData) (string, error) {
	base := ReplyFields{Name: d.Name, Order: d.Order, Shop: d.Shop, ShipBy: d.ShipBy}
	var blocks []string
	add := func(part string, f ReplyFields) (string, error) {
		t, err := s.exec(part, f)
		return strings.TrimSpace(t), err
	}
	t, err := add(partOpening, base)
	if err != nil {
		return "", err
	}
	blocks = append(blocks, t)
	for _, p := range d.Parcels {
		f := base
		f.N, f.Of, f.Carrier, f.Number, f.URL, f.LastEvent, f.LastEventOn = p.N, p.Of, p.Carrier, p.Number, p.URL, p.LastEvent, p.LastEventOn
		if f.Parcel, err = add(partParcel, f); err != nil {
			return "", err
		}
		part := partOther
		if slices.Contains(statusParts, p.Status) {
			part = string(p.Status)
		}
		sentence, err := add(part, f)
		if err != nil {
			return "", err
		}
		details, err := s.exec(partDetails, f)
		if err != nil {
			return "", err
		}
		para := []string{sentence}
		for i, l := range strings.Split(details, "\n") {
			if l = strings.TrimSpace(l); l == "" {
				continue
			}
			if i == 0 {
				para[0] = strings.TrimSpace(para[0] + " " + l)
			} else {
				para = append(para, l)
			}
		}
		blocks = append(blocks, strings.Join(para, "\n"))
	}
	if len(d.Parcels) == 0 {
		if t, err = add(partNotShipped, base); err != nil {
			return "", err
		}
		blocks = append(blocks, t)
	}
	if t, err = add(partClosing, base); err != nil {
		return "", err
	}
	blocks = append(blocks, t)
	return blankLines.ReplaceAllString(strings.TrimSpace(strings.Join(blocks, "\n\n")), "\n\n") + "\n", nil
}
