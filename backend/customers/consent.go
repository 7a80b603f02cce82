package customers

import (
	"slices"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/customersdb"
)

// Channel is a way of reaching the customer that needs their consent.
type Channel string

const (
	ChannelEmail Channel = "email"
	ChannelSMS   Channel = "sms"
)

// ConsentStatus is where a channel's consent stands.
type ConsentStatus string

const (
	ConsentGiven     ConsentStatus = "given"
	ConsentWithdrawn ConsentStatus = "withdrawn"
	ConsentNotGiven  ConsentStatus = "not_given" // never given, as far as the data goes
	ConsentUnknown   ConsentStatus = "unknown"   // the data says nothing
)

// Consent is one channel's consent: where it stands, when and from where
// that was last known, and every change the data records.
type Consent struct {
	Channel Channel         `json:"channel"`
	Status  ConsentStatus   `json:"status"`
	At      *time.Time      `json:"at"`
	Source  string          `json:"source"`
	History []ConsentChange `json:"history"`
}

// ConsentChange is one recorded change, newest first in History.
type ConsentChange struct {
	Given  bool      `json:"given"`
	At     time.Time `json:"at"`
	Source string    `json:"source"`
}

// consentOf words what the data holds: the customers row (the store's
// opt-in flag and its date), the opt-in box of the latest checkout, the
// automations' record of each change they saw, and the suppression list
// (an unsubscribe link or reply, a complaint, the seller's own entry).
func consentOf(c domain.Customer, f customersdb.ConsentFacts) []Consent {
	var hist []ConsentChange
	from := "the store's customer data (an import or sync)"
	if c.Source != "" && c.Source != SourceErased {
		from = "your " + storeName(c.Source) + " data (an import or sync)"
	}
	if c.ConsentAt != nil && c.AcceptsMarketing {
		hist = append(hist, ConsentChange{Given: true, At: *c.ConsentAt, Source: "signed up in " + storeName(c.Source) + " (the date the store gives)"})
	}
	for _, e := range f.Events {
		if c.ConsentAt != nil && e.Given && e.At.Equal(*c.ConsentAt) {
			continue // the store's own date, listed above
		}
		hist = append(hist, ConsentChange{Given: e.Given, At: e.At, Source: "changed in " + from})
	}
	if f.LatestOrder != "" && f.LatestOrderConsent {
		hist = append(hist, ConsentChange{Given: true, At: f.LatestOrderAt, Source: "ticked at checkout, order " + f.LatestOrder})
	}
	if sp := f.Suppressed; sp != nil && sp.Reason != domain.SuppressHardBounce {
		hist = append(hist, ConsentChange{Given: false, At: sp.At, Source: suppressionSource(*sp)})
	}
	slices.SortStableFunc(hist, func(a, b ConsentChange) int { return b.At.Compare(a.At) })
	email := Consent{Channel: ChannelEmail, History: hist}
	suppressed := f.Suppressed != nil && f.Suppressed.Reason != domain.SuppressHardBounce
	switch {
	case c.AcceptsMarketing && !suppressed:
		email.Status = ConsentGiven
	case suppressed || slices.ContainsFunc(hist, func(h ConsentChange) bool { return !h.Given }) ||
		(!c.AcceptsMarketing && len(hist) > 0):
		email.Status = ConsentWithdrawn
	default:
		email.Status = ConsentNotGiven
	}
	for _, h := range hist {
		if h.Given == (email.Status == ConsentGiven) {
			at := h.At
			email.At, email.Source = &at, h.Source
			break
		}
	}
	if email.At == nil {
		switch email.Status {
		case ConsentGiven:
			email.Source = "opted in according to " + from + "; the store gave no date"
		case ConsentWithdrawn:
			email.Source = "opted out according to " + from + "; the store gave no date"
		default:
			email.Source = "never opted in, as far as your data goes"
		}
	}
	if f.Suppressed != nil && f.Suppressed.Reason == domain.SuppressHardBounce {
		email.Source += ". The address bounced on " + f.Suppressed.At.Format("2 Jan 2006") + ": no email is sent to it"
	}
	if email.History == nil {
		email.History = []ConsentChange{}
	}
	return []Consent{email, smsConsentOf(c, f)}
}

func suppressionSource(sp domain.Suppression) string {
	var s string
	switch sp.Reason {
	case domain.SuppressUnsubscribed:
		s = "unsubscribed (link or reply to an email)"
	case domain.SuppressComplaint:
		s = "marked an email as spam"
	case domain.SuppressManual:
		s = "you put the address on the do-not-email list"
	default:
		s = "on the do-not-email list (" + string(sp.Reason) + ")"
	}
	if d := strings.TrimSpace(sp.Detail); d != "" {
		s += ": " + d
	}
	return s
}

// storeName is how the seller calls a source.
func storeName(src domain.Source) string {
	switch src {
	case domain.SourceShopify:
		return "Shopify"
	case domain.SourceWooCommerce:
		return "WooCommerce"
	case domain.SourceEtsy:
		return "Etsy"
	case domain.SourceAmazon:
		return "Amazon"
	case domain.SourceDemo:
		return "the demo shop"
	case domain.SourceManual, "":
		return "Shopclerk"
	}
	return string(src)
}

// smsConsentOf words the store's SMS marketing consent: given or not, with
// the store's date where it gives one (the API does; a customers export
// says only yes or no). Shopclerk sends no SMS: this is for the record.
func smsConsentOf(c domain.Customer, f customersdb.ConsentFacts) Consent {
	sms := Consent{Channel: ChannelSMS, Status: ConsentUnknown, History: []ConsentChange{}, At: f.SMSAt}
	from := storeName(c.Source)
	switch {
	case !f.SMSKnown:
		sms.Source = "your imports hold no SMS consent, and Shopclerk sends no SMS"
		return sms
	case f.SMS:
		sms.Status, sms.Source = ConsentGiven, "opted in to SMS according to your "+from+" data"
	default: // a date with no consent: withdrawn then
		sms.Status, sms.Source = ConsentWithdrawn, "opted out of SMS according to your "+from+" data"
	}
	if f.SMSAt == nil {
		sms.Source += "; the store gave no date"
	} else {
		sms.History = append(sms.History, ConsentChange{Given: f.SMS, At: *f.SMSAt, Source: "your " + from + " data"})
	}
	sms.Source += ". Shopclerk sends no SMS"
	return sms
}
