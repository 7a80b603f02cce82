package tracking

import (
	"strings"
	"testing"
)

// detectCases: for every carrier listed, a valid number, one whose check
// digit is wrong (where the carrier defines one) and, where its numbers are
// ambiguous, the number alone (unknown carrier) and with the file's carrier.
var detectCases = []struct {
	name, raw, hint string
	carrier         CarrierID // "" unknown carrier
	how             How
	problem         Problem
}{
	// UPS
	{"ups", "1Z999AA10123456784", "", "ups", HowNumber, ""},
	{"ups spaced lower case", "1z 999 aa1 01 2345 6784", "", "ups", HowNumber, ""},
	{"ups prefixed", "UPS: 1Z999AA10123456784", "", "ups", HowNumber, ""},
	{"ups bad check", "1Z999AA10123456785", "", "", HowNone, ProblemCheckDigit},
	// USPS
	{"usps impb 22", "9400111899223851071816", "", "usps", HowNumber, ""},
	{"usps impb 20", "92055901649173127513", "", "usps", HowNumber, ""},
	{"usps spaced", "9400 1118 9922 3851 0718 16", "", "usps", HowNumber, ""},
	{"usps with zip routing", "420902109400111899223851071816", "", "usps", HowNumber, ""},
	{"usps labelled", "USPS Tracking #: 9400111899223851071816", "", "usps", HowNumber, ""},
	{"usps bad check", "9400111899223851071817", "", "", HowNone, ProblemCheckDigit},
	{"usps s10", "RR123456785US", "", "usps", HowNumber, ""},
	{"usps s10 bad check", "RR123456784US", "", "", HowNone, ProblemCheckDigit},
	// FedEx
	{"fedex ground 96", "9612900000123456789012", "", "fedex", HowNumber, ""},
	{"fedex ground 96 bad check", "9612900000123456789013", "", "", HowNone, ProblemCheckDigit},
	{"fedex 12 alone", "786123456789", "", "", HowNone, ProblemAmbiguous},
	{"fedex 12 from file", "786123456789", "FedEx", "fedex", HowHint, ""},
	{"fedex 12 bad check from file", "786123456780", "FedEx Express", "fedex", HowHint, ProblemCheckDigit},
	{"fedex 15 alone", "029315037991920", "", "", HowNone, ProblemAmbiguous},
	{"fedex 15 from file", "029315037991920", "fedex_ground", "fedex", HowHint, ""},
	// DHL Express, Paket, eCommerce
	{"dhl express alone", "1234567891", "", "", HowNone, ProblemAmbiguous},
	{"dhl express from file", "1234567891", "DHL Express", "dhl_express", HowHint, ""},
	{"dhl loosely named", "1234567891", "DHL", "dhl_express", HowHint, ""},
	{"dhl label in the cell", "DHL 1234567891", "", "dhl_express", HowHint, ""},
	{"dhl express bad check", "1234567892", "DHL Express", "dhl_express", HowHint, ProblemCheckDigit},
	{"dhl paket 20", "00340433836442636597", "", "dhl_paket", HowNumber, ""},
	{"dhl paket 20 bad check", "00340433836442636598", "", "", HowNone, ProblemCheckDigit},
	{"dhl paket 20 named DHL", "00340433836442636597", "DHL", "dhl_paket", HowNumber, ""},
	{"dhl paket 12 alone", "340312345673", "", "", HowNone, ProblemAmbiguous},
	{"dhl paket 12 from file", "340312345673", "DHL Paket", "dhl_paket", HowHint, ""},
	{"dhl paket 12 bad check", "340312345674", "DHL Paket", "dhl_paket", HowHint, ProblemCheckDigit},
	{"dhl jjd", "JJD1410302937991", "", "dhl", HowNumber, ""},
	{"dhl ecommerce", "GM2951173225174494", "", "dhl_ecommerce", HowNumber, ""},
	// Royal Mail, Parcelforce, Evri
	{"royal mail", "LX473124829GB", "", "royalmail", HowNumber, ""},
	{"royal mail lower case", "lx 473 124 829 gb", "", "royalmail", HowNumber, ""},
	{"royal mail bad check", "LX473124828GB", "", "", HowNone, ProblemCheckDigit},
	{"parcelforce ems", "EE473124829GB", "", "parcelforce", HowNumber, ""},
	{"parcelforce uk 2+7", "PB1234567", "", "parcelforce", HowNumber, ""},
	{"parcelforce uk 4+10", "ABCD1234567890", "", "parcelforce", HowNumber, ""},
	{"parcelforce export 12 alone", "123456789012", "", "", HowNone, ProblemAmbiguous},
	{"parcelforce export 12 from file", "123456789012", "Parcelforce Worldwide", "parcelforce", HowHint, ""},
	{"evri alone", "1234567890123456", "", "", HowNone, ProblemAmbiguous},
	{"evri from file", "1234567890123456", "Evri", "evri", HowHint, ""},
	{"evri as hermes uk", "1234567890123456", "Hermes UK", "evri", HowHint, ""},
	// DPD, GLS, Hermes
	{"dpd with check letter", "01015026003653C", "", "dpd", HowNumber, ""},
	{"dpd bad check letter", "01015026003653D", "", "", HowNone, ProblemCheckDigit},
	{"dpd 14 alone", "09133131530724", "", "", HowNone, ProblemAmbiguous},
	{"dpd 14 from file", "09133131530724", "DPD", "dpd", HowHint, ""},
	{"gls 11 alone", "12345678901", "", "", HowNone, ProblemAmbiguous},
	{"gls 11 from file", "12345678901", "GLS", "gls", HowHint, ""},
	{"gls 12 alone", "123456789011", "", "", HowNone, ProblemAmbiguous},
	{"gls 12 from file", "123456789011", "GLS", "gls", HowHint, ""},
	{"gls 12 spaced from file", "4280 0136 9718", "General Logistics Systems", "gls", HowHint, ""},
	{"gls 12 check 0 from file", "605123456780", "gls", "gls", HowHint, ""},
	{"gls 12 bad check from file", "123456789015", "GLS", "gls", HowHint, ProblemCheckDigit},
	{"gls 12 gs1 check digit (no +1) is not gls", "123456789012", "GLS", "gls", HowHint, ProblemCheckDigit},
	{"gls track id alone", "XHAX4HDA", "", "", HowNone, ProblemAmbiguous},
	{"gls track id from file", "XHAX4HDA", "gls", "gls", HowHint, ""},
	{"hermes 14 from file", "09133131530724", "Hermes", "hermes", HowHint, ""},
	{"hermes 14 bad check", "09133131530725", "myhermes", "hermes", HowHint, ProblemCheckDigit},
	// PostNL, bpost, La Poste / Colissimo, Deutsche Post
	{"postnl 3S alone", "3SABCD1234567", "", "", HowNone, ProblemAmbiguous},
	{"postnl 3S from file", "3SABCD1234567", "PostNL", "postnl", HowHint, ""},
	{"postnl s10", "RN123456785NL", "", "postnl", HowNumber, ""},
	{"bpost s10", "CD123456785BE", "", "bpost", HowNumber, ""},
	{"bpost from file", "323212345678901234567890", "bpost", "bpost", HowHint, ""},
	{"bpost bad s10", "CD123456784BE", "", "", HowNone, ProblemCheckDigit},
	{"colissimo", "6A12345678901", "", "laposte", HowNumber, ""},
	{"la poste s10", "CP123456785FR", "", "laposte", HowNumber, ""},
	{"colissimo named", "6A12345678901", "Colissimo", "laposte", HowNumber, ""},
	{"deutsche post", "RP312456780DE", "", "deutschepost", HowNumber, ""},
	{"deutsche post 3 trailing", "RP312456780DE110", "", "deutschepost", HowNumber, ""},
	{"deutsche post bad check", "RP312456781DE", "", "", HowNone, ProblemCheckDigit},
	// Canada Post, Australia Post, NZ Post, Japan Post, India Post, Pakistan Post
	{"canada post s10", "RN876543216CA", "", "canadapost", HowNumber, ""},
	{"canada post 16 alone", "7023210039414604", "", "", HowNone, ProblemAmbiguous},
	{"canada post 16 from file", "7023210039414604", "Canada Post", "canadapost", HowHint, ""},
	{"canada post 16 published example", "0073938000549297", "Canada Post", "canadapost", HowHint, ""},
	{"canada post 16 bad check", "0073938000549292", "Canada Post", "canadapost", HowHint, ProblemCheckDigit},
	{"australia post", "LZ123456785AU", "", "auspost", HowNumber, ""},
	{"australia post from file", "33LKN5063571", "Australia Post", "auspost", HowHint, ""},
	{"nz post", "EE123456785NZ", "", "nzpost", HowNumber, ""},
	{"japan post s10", "EJ123456785JP", "", "japanpost", HowNumber, ""},
	{"japan post 11 alone", "13112383852", "", "", HowNone, ProblemAmbiguous},
	{"japan post 11 from file", "13112383852", "Japan Post", "japanpost", HowHint, ""},
	{"japan post 11 bad check", "13112383853", "Japan Post", "japanpost", HowHint, ProblemCheckDigit},
	{"india post", "EK123456785IN", "", "indiapost", HowNumber, ""},
	{"india post bad check", "EK123456786IN", "", "", HowNone, ProblemCheckDigit},
	{"pakistan post", "RR123456785PK", "", "pakistanpost", HowNumber, ""},
	// Any other S10 country
	{"s10 italy", "RB123456785IT", "", "post_it", HowNumber, ""},
	{"s10 greece", "RA123456785GR", "", "post_gr", HowNumber, ""},
	{"s10 UK is no country", "RA123456785UK", "", "", HowNone, ProblemFormat},
	{"s10 reserved service J", "JA123456785US", "", "", HowNone, ProblemFormat},
	// The file and the number disagree; names Shopclerk does not know.
	{"number beats the file", "1Z999AA10123456784", "FedEx", "ups", HowNumber, ProblemHintMismatch},
	{"unknown courier kept by name", "786123456789", "Speedy Couriers", "", HowNone, ProblemAmbiguous},
	{"empty", "  ", "", "", HowNone, ProblemEmpty},
	{"not a number", "see note!", "", "", HowNone, ProblemFormat},
	{"excel damaged", "9.40011E+21", "", "", HowNone, ProblemFormat},
	{"too long", strings.Repeat("1", 41), "", "", HowNone, ProblemFormat},
}

func TestDetect(t *testing.T) {
	for _, c := range detectCases {
		t.Run(c.name, func(t *testing.T) {
			d := Detect(c.raw, c.hint)
			var got CarrierID
			if d.Carrier != nil {
				got = d.Carrier.ID
			}
			if got != c.carrier || d.How != c.how || d.Problem != c.problem {
				t.Fatalf("Detect(%q, %q) = carrier %q how %q problem %q (number %q), want %q %q %q",
					c.raw, c.hint, got, d.How, d.Problem, d.Number, c.carrier, c.how, c.problem)
			}
			if c.carrier == "" && d.Link() != "" {
				t.Errorf("unknown carrier has a link %q", d.Link())
			}
			if c.carrier != "" && !strings.HasPrefix(d.Link(), "https://") {
				t.Errorf("link %q", d.Link())
			}
		})
	}
}

// Every carrier the issue lists is detected by some case: a new carrier
// comes with its table rows.
func TestEveryCarrierHasCases(t *testing.T) {
	seen := map[CarrierID]bool{}
	for _, c := range detectCases {
		seen[c.carrier] = true
	}
	for _, c := range Carriers() {
		if !seen[c.ID] {
			t.Errorf("no detection case for %s", c.ID)
		}
	}
}

func TestDetectDetails(t *testing.T) {
	d := Detect("420902109400111899223851071816", "")
	if d.Number != "9400111899223851071816" {
		t.Errorf("routing prefix kept: %q", d.Number)
	}
	if got, want := d.Link(), "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223851071816"; got != want {
		t.Errorf("link %q, want %q", got, want)
	}
	d = Detect("786123456789", "Speedy Couriers")
	if d.CarrierName() != "Speedy Couriers" || d.Link() != "" {
		t.Errorf("unknown courier: name %q link %q", d.CarrierName(), d.Link())
	}
	if n := Detect("RA123456785GR", "").CarrierName(); n != "Postal service of Greece" {
		t.Errorf("greek post named %q", n)
	}
	if n := Detect("RB123456785IT", "").CarrierName(); n != "Poste Italiane" {
		t.Errorf("italian post named %q", n)
	}
}

func TestCarrierByName(t *testing.T) {
	for name, want := range map[string]CarrierID{
		"UPS": "ups", "usps": "usps", "Royal Mail Tracked 24": "royalmail", "royal_mail": "royalmail",
		"DHL Express": "dhl_express", "DHL eCommerce": "dhl_ecommerce", "Fedex Ground": "fedex", "La Poste": "laposte",
		"Deutsche Post": "deutschepost", "Canada Post": "canadapost", "Evri": "evri", "": "", "Speedy": "",
	} {
		var got CarrierID
		if c := CarrierByName(name); c != nil {
			got = c.ID
		}
		if got != want {
			t.Errorf("CarrierByName(%q) = %q, want %q", name, got, want)
		}
	}
}

// Every rule cites where it came from.
func TestRulesCiteSources(t *testing.T) {
	for l, fs := range rules.byLen {
		for _, f := range fs {
			if !strings.Contains(f.source, "http") {
				t.Errorf("format of length %d has no source: %q", l, f.source)
			}
		}
	}
}

func TestShapes(t *testing.T) {
	for _, c := range []struct {
		shape, n string
		want     bool
	}{
		{"1Z*{16}", "1Z999AA10123456784", true}, {"1Z*{16}", "1Y999AA10123456784", false},
		{"9[1-5]#{18,20}", "9612345678901234567890", false}, {"9[1-5]#{18,20}", "92123456789012345678", true},
		{"@@#{9}@@", "RR123456785US", true}, {"@@#{9}@@", "R1123456785US", false},
		{"3S@{1,4}#{6,11}", "3SABCD1234567", true}, {"3S@{1,4}#{6,11}", "3S12345678", false},
	} {
		sh, err := compileShape(c.shape)
		if err != nil {
			t.Fatal(err)
		}
		if got := sh.match(c.n); got != c.want {
			t.Errorf("%s ~ %s = %v", c.shape, c.n, got)
		}
	}
	for _, bad := range []string{"[12", "#{3", "#{3,1}", "a!"} {
		if _, err := compileShape(bad); err == nil {
			t.Errorf("shape %q compiled", bad)
		}
	}
}
