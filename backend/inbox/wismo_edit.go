package inbox

import (
	"context"
	"slices"
	"strings"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
	"shopclerk/backend/store/outboxdb"
)

// Replies lets the seller rewrite the "where is my order" reply per
// language (Settings > Answers): list each language's parts with
// Shopclerk's text beside the seller's, save a language (every part
// checked first; nothing saved unless all are right), reset it to
// Shopclerk's text, and preview it for a sample parcel.
type Replies struct {
	db  *outboxdb.DB
	clk clock.Clock
}

// NewReplies wraps the shop's outbox handle.
func NewReplies(db *outboxdb.DB, clk clock.Clock) *Replies { return &Replies{db: db, clk: clk} }

// ReplyTemplate is one language's reply as the editor shows it.
type ReplyTemplate struct {
	Lang   string              `json:"lang"`
	Name   string              `json:"name"` // "German"
	Edited bool                `json:"edited"`
	Parts  []ReplyTemplatePart `json:"parts"`
}

// ReplyTemplatePart is one part: the text in use and Shopclerk's own.
type ReplyTemplatePart struct {
	PartInfo
	Text    string `json:"text"`
	Default string `json:"default"`
	Edited  bool   `json:"edited"`
}

// previewNotShipped asks the preview for an order still being prepared
// (any other case is a parcel with that status).
const previewNotShipped = "not_shipped"

// Templates lists the reply in every language Shopclerk writes it in.
func (r *Replies) Templates(ctx context.Context) ([]ReplyTemplate, error) {
	out := make([]ReplyTemplate, 0, len(Languages))
	for _, l := range Languages {
		t, err := r.Template(ctx, l)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// Template is lang's reply.
func (r *Replies) Template(ctx context.Context, lang string) (ReplyTemplate, error) {
	if err := knownLanguage(lang); err != nil {
		return ReplyTemplate{}, err
	}
	saved, err := r.db.ReplyTemplateTexts(ctx, lang)
	if err != nil {
		return ReplyTemplate{}, err
	}
	t := ReplyTemplate{Lang: lang, Name: languageName(lang)}
	for _, p := range ReplyParts {
		def := builtinTexts[lang][p.Key]
		text, ok := saved[p.Key]
		if !ok {
			text = def
		}
		t.Parts = append(t.Parts, ReplyTemplatePart{PartInfo: p, Text: text, Default: def, Edited: ok})
		t.Edited = t.Edited || ok
	}
	return t, nil
}

// Save checks every part of lang's reply and stores the ones that differ
// from Shopclerk's text, replacing what was saved before; a part missing
// from texts keeps Shopclerk's text. A mistake anywhere saves nothing.
func (r *Replies) Save(ctx context.Context, lang string, texts map[string]string) (ReplyTemplate, error) {
	parts, err := checkTexts(lang, texts)
	if err != nil {
		return ReplyTemplate{}, err
	}
	if err := r.db.SaveReplyTemplate(ctx, lang, parts, r.clk.Now()); err != nil {
		return ReplyTemplate{}, err
	}
	return r.Template(ctx, lang)
}

// Reset puts lang's reply back to Shopclerk's text.
func (r *Replies) Reset(ctx context.Context, lang string) (ReplyTemplate, error) {
	if err := knownLanguage(lang); err != nil {
		return ReplyTemplate{}, err
	}
	if err := r.db.SaveReplyTemplate(ctx, lang, nil, r.clk.Now()); err != nil {
		return ReplyTemplate{}, err
	}
	return r.Template(ctx, lang)
}

// Preview writes lang's reply from texts (saved or not) for a sample
// order of the shop: one parcel with status (a ShipmentStatus), or an
// order being prepared (status "not_shipped"). A mistake is refused as on
// save.
func (r *Replies) Preview(ctx context.Context, lang string, texts map[string]string, status string) (string, error) {
	parts, err := checkTexts(lang, texts)
	if err != nil {
		return "", err
	}
	set, err := compileReply(lang, parts)
	if err != nil {
		return "", err
	}
	f := sampleFields()
	if id, err := r.db.Shop(ctx); err == nil && id.Name != "" {
		f.Shop = id.Name
	}
	d := ReplyData{Name: f.Name, Order: f.Order, Shop: f.Shop}
	now := r.clk.Now()
	loc := r.db.Location(ctx)
	if status != previewNotShipped {
		if status == "" {
			status = string(domain.ShipmentInTransit)
		}
		d.Parcels = []ReplyParcel{{N: 1, Of: 1, Status: domain.ShipmentStatus(status), Carrier: f.Carrier, Number: f.Number, URL: f.URL, LastEvent: f.LastEvent}}
		return replyText(set, d, []time.Time{now.Add(-2 * time.Hour)}, time.Time{}, loc)
	}
	return replyText(set, d, nil, ShipBy(now, now, 2, loc), loc)
}

// checkTexts normalises the seller's texts (line ends, trailing spaces),
// refuses an unknown part or a part with a mistake, and keeps only the
// parts that differ from Shopclerk's text.
func checkTexts(lang string, texts map[string]string) (map[string]string, error) {
	if err := knownLanguage(lang); err != nil {
		return nil, err
	}
	keep := map[string]string{}
	for key, text := range texts {
		p, ok := partInfo(key)
		if !ok {
			return nil, domain.Errorf(domain.CodeInvalid, "The reply has no part called %q.", key)
		}
		text = normaliseText(text)
		if text == builtinTexts[lang][key] {
			continue
		}
		if _, err := checkPart(lang, p, text); err != nil {
			return nil, err
		}
		keep[key] = text
	}
	return keep, nil
}

func normaliseText(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.Trim(strings.Join(lines, "\n"), "\n")
}

func knownLanguage(lang string) error {
	if slices.Contains(Languages, lang) {
		return nil
	}
	names := make([]string, len(Languages))
	for i, l := range Languages {
		names[i] = languageName(l)
	}
	return domain.Errorf(domain.CodeInvalid, "Shopclerk writes this reply in %s; %q is none of them.", strings.Join(names, ", "), lang)
}
