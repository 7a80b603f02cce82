package service

import (
	"shopclerk/backend/domain"
	"shopclerk/backend/tracking/carrierapi"
)

// The carrier API keys live in the keychain the mail passwords use.

func (b *Shop) CarrierKeys() (carrierapi.Keys, error) {
	return carrierapi.ReadKeys(b.Mail.Secrets().Get)
}

// carrierClients are the clients the seller's keys allow, read at each
// polling round.
func (b *Shop) CarrierClients() ([]carrierapi.Client, error) {
	k, err := b.CarrierKeys()
	if err != nil {
		return nil, err
	}
	return withStandIns(k.Clients()), nil
}

func (b *Shop) SetCarrierKey(carrier, key, secret string) error {
	sec := b.Mail.Secrets()
	put := func(name, v string) error {
		if v == "" {
			return sec.Delete(name)
		}
		return sec.Set(name, v)
	}
	switch carrier {
	case "dhl":
		if err := put(carrierapi.SecretDHLKey, key); err != nil {
			return err
		}
	case "usps":
		if (key == "") != (secret == "") {
			return domain.Errorf(domain.CodeInvalid, "USPS needs both the consumer key and the consumer secret of your app at developers.usps.com.")
		}
		if err := put(carrierapi.SecretUSPSClientID, key); err != nil {
			return err
		}
		if err := put(carrierapi.SecretUSPSSecret, secret); err != nil {
			return err
		}
	default:
		return domain.Errorf(domain.CodeInvalid, "Shopclerk has carrier API keys for dhl and usps, not %q.", carrier)
	}
	// A key refused before may be the one just replaced.
	b.Tracker.Resume()
	return nil
}
