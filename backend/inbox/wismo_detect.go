package inbox

import (
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// "Where is my order?" in six languages, as data (data/wismo.tsv): the
// phrases that ask it, the ones that only hint at it, what to blank out
// first ("order confirmation"), the topics that make a sentence about
// something else, and the words that tell the language.

//go:embed data/wismo.tsv
var wismoTSV string

// Languages the reply drafts are written in; the first is the fallback.
var Languages = []string{"en", "de", "fr", "es", "it", "nl"}

type wismoLang struct {
	code                  string
	ask, hint, not, topic []string // folded, padded with spaces
	words                 map[string]bool
	countries             map[string]bool
}

var wismoLangs = mustWismo(wismoTSV)

func mustWismo(src string) []*wismoLang {
	ls, err := parseWismo(src)
	if err != nil {
		panic(err)
	}
	return ls
}

func parseWismo(src string) ([]*wismoLang, error) {
	by := map[string]*wismoLang{}
	var out []*wismoLang
	for n, line := range strings.Split(src, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("wismo.tsv line %d: want lang, kind, text", n+1)
		}
		l := by[f[0]]
		if l == nil {
			l = &wismoLang{code: f[0], words: map[string]bool{}, countries: map[string]bool{}}
			by[f[0]] = l
			out = append(out, l)
		}
		text := " " + fold(f[2]) + " "
		switch f[1] {
		case "ask":
			l.ask = append(l.ask, text)
		case "hint":
			l.hint = append(l.hint, text)
		case "not":
			l.not = append(l.not, text)
		case "topic":
			l.topic = append(l.topic, text)
		case "word":
			l.words[strings.TrimSpace(text)] = true
		case "country":
			l.countries[strings.ToUpper(f[2])] = true
		default:
			return nil, fmt.Errorf("wismo.tsv line %d: unknown kind %q", n+1, f[1])
		}
	}
	return out, nil
}

var stripMarks = transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)

// fold makes text comparable: lower case, no accents (ß as ss), every run
// of punctuation and space one space.
func fold(s string) string {
	s = strings.ToLower(strings.ReplaceAll(s, "ß", "ss"))
	if t, _, err := transform.String(stripMarks, s); err == nil {
		s = t
	}
	var b strings.Builder
	space := true
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimSpace(b.String())
}

// sentenceEnd splits text where a question may end.
var sentenceEnd = regexp.MustCompile(`[.!?;¿¡\n]+`)

// replyPrefix is a subject that answers someone: its words are ours.
var replyPrefix = regexp.MustCompile(`(?i)^\s*(re|aw|antw|sv|wg|fw|fwd|tr|r|rif|ref|réf)\s*:`)

// Wismo is what the inbox made of a message: whether it asks where an
// order is, and the language it is written in ("" when it does not tell).
type Wismo struct {
	Asks bool   `json:"asks"`
	Lang string `json:"lang"`
	// Phrase is what matched, folded (for the tests and the log).
	Phrase string `json:"phrase"`
}

// DetectWismo reads a message's subject (unless it is a reply to ours) and
// its own text, sentence by sentence.
func DetectWismo(subject, text string) Wismo {
	var w Wismo
	all := text
	if !replyPrefix.MatchString(subject) {
		all = subject + "\n" + text
	}
	hitLang := ""
	for _, sent := range sentenceEnd.Split(all, -1) {
		s := " " + fold(sent) + " "
		if len(s) < 4 {
			continue
		}
		// Topics are looked for before blanking: "not received the order
		// confirmation" is about the confirmation.
		other := aboutOther(s)
		for _, l := range wismoLangs {
			for _, p := range l.not {
				s = strings.ReplaceAll(s, p, " | ")
			}
		}
		if w.Asks {
			continue
		}
		for _, l := range wismoLangs {
			if p := firstIn(s, l.ask); p != "" {
				w.Asks, w.Phrase, hitLang = true, strings.TrimSpace(p), l.code
				break
			}
			if p := firstIn(s, l.hint); p != "" && !other {
				w.Asks, w.Phrase, hitLang = true, strings.TrimSpace(p), l.code
				break
			}
		}
	}
	w.Lang = language(all, hitLang)
	return w
}

func firstIn(s string, phrases []string) string {
	for _, p := range phrases {
		if strings.Contains(s, p) {
			return p
		}
	}
	return ""
}

// aboutOther: the sentence names a topic of any language.
func aboutOther(s string) bool {
	for _, l := range wismoLangs {
		if firstIn(s, l.topic) != "" {
			return true
		}
	}
	return false
}

// language counts each language's frequent words in text; the language a
// question was found in counts three more. Two words at least, and a lead
// over the runner-up, or "".
func language(text, hit string) string {
	score := map[string]int{}
	for _, tok := range strings.Fields(fold(text)) {
		for _, l := range wismoLangs {
			if l.words[tok] {
				score[l.code]++
			}
		}
	}
	if hit != "" {
		score[hit] += 3
	}
	best, second := "", 0
	for _, l := range wismoLangs {
		switch n := score[l.code]; {
		case best == "" || n > score[best]:
			second = score[best]
			best = l.code
		case n > second:
			second = n
		}
	}
	if best == "" || score[best] < 2 || score[best] == second {
		return ""
	}
	return best
}

// LanguageOfCountry is the language customers in country are written to in
// when their message does not tell ("" when Shopclerk has none for it).
func LanguageOfCountry(country string) string {
	country = strings.ToUpper(strings.TrimSpace(country))
	for _, l := range wismoLangs {
		if l.countries[country] {
			return l.code
		}
	}
	return ""
}
