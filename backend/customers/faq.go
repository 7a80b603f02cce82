package customers

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
	"shopclerk/backend/store/customersdb"
)

// FAQ replies: the seller keeps answers to common questions (returns,
// shipping times, sizes, opening hours), each with the words that ask it in
// one or more languages. An incoming email whose words match an answer
// becomes a reply draft in the language whose words matched, for the seller
// to edit and approve in the Outbox: nothing goes out by itself. The inbox
// asks through its Drafter seam (backend/inbox/draft.go); app plugs this in.

type (
	FAQ     = customersdb.FAQ
	FAQText = customersdb.FAQText
)

// FAQMatch is the answer an incoming question matched, rendered for the
// customer.
type FAQMatch struct {
	FAQID   int64    `json:"faqId"`
	Topic   string   `json:"topic"`
	Lang    string   `json:"lang"`
	Matched []string `json:"matched"` // the keywords found
	Text    string   `json:"text"`
}

var langCode = regexp.MustCompile(`^[a-z]{2,3}$`)

// SaveFAQ checks and stores an answer: a topic, at least one language, each
// with keywords and an answer whose template renders (an error names the
// line), no language twice.
func (s *Service) SaveFAQ(ctx context.Context, f FAQ) (FAQ, error) {
	f.Topic = strings.TrimSpace(f.Topic)
	if f.Topic == "" {
		return f, domain.Errorf(domain.CodeInvalid, "Give the answer a topic (for example Returns).")
	}
	if len(f.Texts) == 0 {
		return f, domain.Errorf(domain.CodeInvalid, "Write the answer in at least one language.")
	}
	seen := map[string]bool{}
	for i := range f.Texts {
		t := &f.Texts[i]
		t.Lang = strings.ToLower(strings.TrimSpace(t.Lang))
		t.Answer = strings.TrimSpace(t.Answer)
		if !langCode.MatchString(t.Lang) {
			return f, domain.Errorf(domain.CodeInvalid, "%q is not a language code: use two letters such as en, de or fr.", t.Lang)
		}
		if seen[t.Lang] {
			return f, domain.Errorf(domain.CodeInvalid, "The answer has two %s texts: keep one.", t.Lang)
		}
		seen[t.Lang] = true
		kws := splitKeywords(t.Keywords)
		if len(kws) == 0 {
			return f, domain.Errorf(domain.CodeInvalid, "The %s text needs the words that ask the question (for example: return, refund).", t.Lang)
		}
		t.Keywords = strings.Join(kws, ", ")
		if t.Answer == "" {
			return f, domain.Errorf(domain.CodeInvalid, "The %s text has no answer.", t.Lang)
		}
		if _, err := email.RenderText(t.Lang+" answer", t.Answer, email.Sample(nil)); err != nil {
			return f, err
		}
	}
	id, err := s.db.SaveFAQ(ctx, f, s.clk.Now())
	if err != nil {
		return f, err
	}
	f.ID = id
	return f, nil
}

// FAQs lists the saved answers.
func (s *Service) FAQs(ctx context.Context) ([]FAQ, error) { return s.db.FAQs(ctx) }

// DeleteFAQ removes a saved answer.
func (s *Service) DeleteFAQ(ctx context.Context, id int64) error { return s.db.DeleteFAQ(ctx, id) }

// splitKeywords is the seller's comma list, trimmed, lower case, no repeats.
func splitKeywords(s string) []string {
	var out []string
	for _, k := range strings.Split(s, ",") {
		k = strings.Join(strings.Fields(strings.ToLower(k)), " ")
		if k != "" && k != "*" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// words is text as matching sees it: lower case, accents kept but composed
// (NFC), everything that is not a letter or digit a space, with a space at
// each end so " word " finds whole words.
func words(s string) string {
	s = norm.NFC.String(strings.ToLower(s))
	var b strings.Builder
	b.WriteByte(' ')
	space := true
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	if !space {
		b.WriteByte(' ')
	}
	return b.String()
}

// hits lists the keywords found in text (as words()): whole words or
// phrases, and a trailing * for any ending ("return*": returns, returning).
func hits(text string, keywords []string) []string {
	var out []string
	for _, k := range keywords {
		prefix := strings.HasSuffix(k, "*")
		w := strings.TrimSpace(words(strings.TrimSuffix(k, "*")))
		if w == "" {
			continue
		}
		needle := " " + w
		if !prefix {
			needle += " "
		}
		if strings.Contains(text, needle) {
			out = append(out, k)
		}
	}
	return out
}

// MatchFAQ finds the saved answer the question asks: the enabled answer and
// language with the most keywords found (ties: the shop's language, then
// the answer saved first). ok is false when nothing matched.
func (s *Service) MatchFAQ(ctx context.Context, question string) (FAQMatch, bool, error) {
	faqs, err := s.db.FAQs(ctx)
	if err != nil || len(faqs) == 0 {
		return FAQMatch{}, false, err
	}
	shopLang := ""
	if id, err := s.db.Shop(ctx); err == nil {
		shopLang, _, _ = strings.Cut(strings.ToLower(id.Language), "-") // de-AT answers as de
	}
	text := words(question)
	var best FAQMatch
	var bestText FAQText
	score := func(m FAQMatch) int {
		n := len(m.Matched) * 2
		if m.Lang == shopLang {
			n++
		}
		return n
	}
	for _, f := range faqs {
		if !f.Enabled {
			continue
		}
		for _, t := range f.Texts {
			h := hits(text, splitKeywords(t.Keywords))
			if len(h) == 0 {
				continue
			}
			m := FAQMatch{FAQID: f.ID, Topic: f.Topic, Lang: t.Lang, Matched: h}
			if best.FAQID == 0 || score(m) > score(best) || (score(m) == score(best) && m.FAQID < best.FAQID) {
				best, bestText = m, t
			}
		}
	}
	if best.FAQID == 0 {
		return best, false, nil
	}
	best.Text = bestText.Answer
	return best, true, nil
}

// FAQReply matches the question and renders the answer for the customer
// (customerID may be nil: a stranger is greeted without a name). A
// template that fails at render time (a field the customer does not have)
// gives no draft: the seller sees the question as a task anyway.
func (s *Service) FAQReply(ctx context.Context, question string, customerID *int64) (FAQMatch, bool, error) {
	m, ok, err := s.MatchFAQ(ctx, question)
	if err != nil || !ok {
		return m, false, err
	}
	data := email.Data{Vars: map[string]string{}}
	if id, err := s.db.Shop(ctx); err == nil {
		data.Shop = email.ShopOf(id)
	}
	if customerID != nil {
		mail, first, last, country, found, err := s.db.FAQCustomer(ctx, *customerID)
		if err != nil {
			return m, false, err
		}
		if found {
			data.Customer = email.Customer{Email: mail, FirstName: first, LastName: last, Country: country}
		}
	}
	text, err := email.RenderText("answer", m.Text, data)
	if err != nil {
		s.log.Warn("FAQ answer did not render", "faq", m.FAQID, "lang", m.Lang, "err", err)
		return m, false, nil
	}
	m.Text = strings.TrimSpace(text) + "\n"
	return m, true, nil
}

// String is how a match is logged and shown in a task.
func (m FAQMatch) String() string {
	return fmt.Sprintf("%s (%s; matched %s)", m.Topic, m.Lang, strings.Join(m.Matched, ", "))
}

// TryFAQ is MatchFAQ rendered for the sample customer (Ann), so the seller
// sees the answer as a customer would, name included.
func (s *Service) TryFAQ(ctx context.Context, question string) (FAQMatch, bool, error) {
	m, ok, err := s.MatchFAQ(ctx, question)
	if err != nil || !ok {
		return m, ok, err
	}
	data := email.Sample(nil)
	if id, err := s.db.Shop(ctx); err == nil && id.Name != "" {
		data.Shop = email.ShopOf(id)
	}
	text, err := email.RenderText("answer", m.Text, data)
	if err != nil {
		return m, false, err
	}
	m.Text = strings.TrimSpace(text) + "\n"
	return m, true, nil
}
