package flow

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"shopclerk/backend/domain"
	"shopclerk/backend/email"
)

// amountRe is an amount in minor units, as the flows' conditions write them
// ("20000" is 200.00 EUR, 20,000 JPY): fifteen digits stay inside an int64.
var amountRe = regexp.MustCompile(`^\d{1,15}$`)

// MinorUnits reads a step's amount (minor units of the currency it is shown
// in, like order.total in a condition).
func MinorUnits(s string) (int64, error) {
	s = strings.TrimSpace(s)
	if !amountRe.MatchString(s) {
		return 0, fmt.Errorf("%q is not an amount in cents like 20000 (200.00)", s)
	}
	return strconv.ParseInt(s, 10, 64)
}

// EmailTemplate is the email a send_email step sends: its named template,
// with the seller's subject and body over it where the step has them.
func (s Step) EmailTemplate(r email.Renderer) (email.Template, error) {
	t, ok := r.Lookup(s.Template)
	if !ok && (s.Subject == "" || s.Body == "") {
		return t, domain.Errorf(domain.CodeInvalid, "there is no email template named %q", s.Template)
	}
	if s.Subject != "" {
		t.Subject = s.Subject
	}
	if s.Body != "" {
		t.HTML = s.Body
		t.Text = "" // a plain-text version of another body would not match this one
	}
	if t.Name == "" {
		t.Name = s.Template
	}
	return t, nil
}
