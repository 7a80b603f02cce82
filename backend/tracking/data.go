package tracking

import (
	"embed"
	"fmt"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// The carrier rules are data (data/*.tsv, with the source of each rule), read
// once when the package loads; a new carrier or format is a line there.

//go:embed data/*.tsv
var dataFS embed.FS

// CarrierID names a carrier in the tables ("ups", "royalmail"); a national
// post known only from its S10 country is "post_xx".
type CarrierID string

// Carrier is one carrier as the seller and their customers see it.
type Carrier struct {
	ID   CarrierID `json:"id"`
	Name string    `json:"name"`
	// link is the tracking page, with {n} for the number; a page without
	// {n} is one where the customer types the number.
	link string
	// Help is where to call or claim when a parcel is stuck.
	Help    string `json:"help"`
	aliases []string
}

// Link is the carrier's tracking page for number n.
func (c *Carrier) Link(n string) string {
	if c == nil || c.link == "" {
		return ""
	}
	return strings.ReplaceAll(c.link, "{n}", n)
}

// format is one line of formats.tsv.
type format struct {
	carrier *Carrier // nil for s10: the country names it
	s10     bool
	shape   shape
	check   checkFunc
	unique  bool
	source  string
}

// tables are the loaded rules.
type tables struct {
	carriers map[CarrierID]*Carrier
	order    []*Carrier
	alias    map[string]*Carrier
	// byLen lists the formats a number of each length may fit.
	byLen [maxNumberLen + 1][]*format
	// s10 maps a country to its post; s10Service the few posts that take
	// only some service indicators of their country (GB's EMS items).
	s10        [26 * 26]*Carrier
	s10Service map[string]*Carrier
}

// maxNumberLen bounds what is taken as a tracking number at all.
const maxNumberLen = 40

var rules = mustLoad()

func mustLoad() *tables {
	t, err := load()
	if err != nil {
		panic("tracking: " + err.Error())
	}
	return t
}

func readTSV(name string) ([][]string, error) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return nil, err
	}
	var out [][]string
	for i, line := range strings.Split(string(b), "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		for j := range f {
			f[j] = strings.TrimSpace(f[j])
		}
		if len(f) < 3 {
			return nil, fmt.Errorf("%s:%d: want at least 3 tab-separated fields", name, i+1)
		}
		out = append(out, f)
	}
	return out, nil
}

func load() (*tables, error) {
	t := &tables{carriers: map[CarrierID]*Carrier{}, alias: map[string]*Carrier{}, s10Service: map[string]*Carrier{}}
	rows, err := readTSV("carriers.tsv")
	if err != nil {
		return nil, err
	}
	for _, f := range rows {
		if len(f) < 5 {
			return nil, fmt.Errorf("carriers.tsv: %s: want 5 fields", f[0])
		}
		c := &Carrier{ID: CarrierID(f[0]), Name: f[1], link: f[2], Help: f[3]}
		t.add(c)
		for _, a := range strings.Split(f[4], ",") {
			if a = aliasKey(a); a != "" {
				c.aliases = append(c.aliases, a)
				t.alias[a] = c
			}
		}
		t.alias[aliasKey(c.Name)] = c
		t.alias[aliasKey(string(c.ID))] = c
	}
	if err := t.loadS10(); err != nil {
		return nil, err
	}
	if rows, err = readTSV("formats.tsv"); err != nil {
		return nil, err
	}
	for _, f := range rows {
		if len(f) < 5 {
			return nil, fmt.Errorf("formats.tsv: %s %s: want 5 fields (carrier, shape, check, strength, source)", f[0], f[1])
		}
		sh, err := compileShape(f[1])
		if err != nil {
			return nil, err
		}
		ck, ok := checks[f[2]]
		if !ok {
			return nil, fmt.Errorf("formats.tsv: %s: unknown check %q", f[1], f[2])
		}
		fm := &format{shape: sh, check: ck, unique: f[3] == "unique", source: f[4], s10: f[0] == "s10"}
		if f[3] != "unique" && f[3] != "ambiguous" {
			return nil, fmt.Errorf("formats.tsv: %s: strength must be unique or ambiguous", f[1])
		}
		if !fm.s10 {
			if fm.carrier = t.carriers[CarrierID(f[0])]; fm.carrier == nil {
				return nil, fmt.Errorf("formats.tsv: unknown carrier %q", f[0])
			}
		}
		for l := sh.minLen; l <= min(sh.maxLen, maxNumberLen); l++ {
			t.byLen[l] = append(t.byLen[l], fm)
		}
	}
	return t, nil
}

func (t *tables) add(c *Carrier) {
	t.carriers[c.ID] = c
	t.order = append(t.order, c)
}

// upuTrackAndTrace is where any S10 item can be tracked by number when its
// post's own page is not in the table.
const upuTrackAndTrace = "https://globaltracktrace.ptc.post/gtt.web/Search.aspx"

// loadS10 maps every ISO country to its post: the listed ones to their
// carrier or name, the rest to "the postal service of <country>".
func (t *tables) loadS10() error {
	rows, err := readTSV("s10.tsv")
	if err != nil {
		return err
	}
	names := display.English.Regions()
	post := func(cc, name string) *Carrier {
		id := CarrierID("post_" + strings.ToLower(cc))
		if c := t.carriers[id]; c != nil {
			return c
		}
		if name == "" {
			name = "Postal service of " + names.Name(language.MustParseRegion(cc))
		}
		c := &Carrier{ID: id, Name: name, link: upuTrackAndTrace}
		t.add(c)
		t.alias[aliasKey(name)] = c
		return c
	}
	for _, f := range rows {
		c := t.carriers[CarrierID(f[2])]
		if c == nil {
			c = post(f[0], f[2])
		}
		if len(f[0]) != 2 || !isUpper(f[0][0]) || !isUpper(f[0][1]) {
			return fmt.Errorf("s10.tsv: %q is no country code", f[0])
		}
		if f[1] == "*" {
			t.s10[s10Index(f[0])] = c
		} else {
			t.s10Service[f[0]+f[1]] = c
		}
	}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			cc := string([]rune{a, b})
			r, err := language.ParseRegion(cc)
			// Exceptionally reserved codes (UK, EU, UN ...) have no ISO 3166
			// alpha-3 code and name no post.
			if err != nil || !r.IsCountry() || r.String() != cc || r.ISO3() == "ZZZ" {
				continue
			}
			if t.s10[s10Index(cc)] == nil {
				t.s10[s10Index(cc)] = post(cc, "")
			}
		}
	}
	return nil
}

// s10Carrier is the post that issued an S10 number, nil when its last two
// letters are no country.
func (t *tables) s10Carrier(n string) *Carrier {
	cc := n[11:13]
	if !isUpper(cc[0]) || !isUpper(cc[1]) {
		return nil
	}
	if len(t.s10Service) > 0 {
		if c := t.s10Service[cc+n[:1]]; c != nil {
			return c
		}
	}
	return t.s10[s10Index(cc)]
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func s10Index(cc string) int { return int(cc[0]-'A')*26 + int(cc[1]-'A') }

// aliasKey is how carrier names are compared: lower case letters and digits.
func aliasKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}
