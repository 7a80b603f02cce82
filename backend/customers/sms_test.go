package customers

import (
	"testing"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/store/importdb"
)

// SMS consent as the store gives it is kept and shown on the customer
// page: given with its date, withdrawn (a date, no consent), or unknown;
// a customer with none hashes as before (imported again: unchanged).
func TestSMSConsentOnTheCustomerPage(t *testing.T) {
	f := newFixture(t)
	given := testNow.AddDate(0, -2, 0)
	withdrawn := testNow.AddDate(0, -1, 0)
	upsert := func() domain.Counts {
		_, c, err := importdb.New(f.st).WriteBatch(f.ctx, domain.BatchMeta{FileName: "c.csv", Kind: "customers"}, importdb.WriteOptions{}, func(w *importdb.Writer) error {
			for _, c := range []domain.Customer{
				{Source: domain.SourceShopify, Email: "ann@example.com", AcceptsSMS: true, SMSConsentAt: &given},
				{Source: domain.SourceShopify, Email: "bob@example.com", SMSConsentAt: &withdrawn},
				{Source: domain.SourceShopify, Email: "cy@example.com"},
				{Source: domain.SourceShopify, Email: "dee@example.com", AcceptsSMS: true},
			} {
				if _, err := w.UpsertCustomer(c, importdb.CustomerAuthoritative); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	upsert()
	for _, c := range []struct {
		email  string
		status ConsentStatus
		at     *time.Time
	}{
		{"ann@example.com", ConsentGiven, &given},
		{"bob@example.com", ConsentWithdrawn, &withdrawn},
		{"cy@example.com", ConsentUnknown, nil},
		{"dee@example.com", ConsentGiven, nil},
	} {
		p, err := f.svc.Page(f.ctx, f.id(c.email))
		if err != nil {
			t.Fatal(err)
		}
		sms := p.Consent[1]
		if sms.Channel != ChannelSMS || sms.Status != c.status || (c.at == nil) != (sms.At == nil) || (c.at != nil && !sms.At.Equal(*c.at)) {
			t.Errorf("%s: %+v", c.email, sms)
		}
	}
	if again := upsert(); again.Unchanged != 4 || again.Updated != 0 {
		t.Errorf("the same customers again: %+v", again)
	}
}
