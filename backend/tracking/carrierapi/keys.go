package carrierapi

import "strings"

// The seller's carrier API keys live in the OS keychain (backend/secrets)
// under these names, never in the shop's database.
const (
	SecretDHLKey       = "carrier.dhl.api_key"
	SecretUSPSClientID = "carrier.usps.client_id"
	SecretUSPSSecret   = "carrier.usps.client_secret"
)

// Keys are the seller's carrier API keys.
type Keys struct {
	DHL                      string
	USPSClientID, USPSSecret string
}

// ReadKeys reads the keys through get (a secrets.Store's Get).
func ReadKeys(get func(key string) (string, error)) (Keys, error) {
	var k Keys
	for _, x := range []struct {
		name string
		to   *string
	}{{SecretDHLKey, &k.DHL}, {SecretUSPSClientID, &k.USPSClientID}, {SecretUSPSSecret, &k.USPSSecret}} {
		v, err := get(x.name)
		if err != nil {
			return k, err
		}
		*x.to = strings.TrimSpace(v)
	}
	return k, nil
}

// Clients are the clients the keys allow; none without keys.
func (k Keys) Clients() []Client {
	var out []Client
	if k.DHL != "" {
		out = append(out, &DHL{Key: k.DHL})
	}
	if k.USPSClientID != "" && k.USPSSecret != "" {
		out = append(out, &USPS{ClientID: k.USPSClientID, ClientSecret: k.USPSSecret})
	}
	return out
}

// KeyStatus says which carriers have keys, for Settings (never the keys).
type KeyStatus struct {
	DHL  bool `json:"dhl"`
	USPS bool `json:"usps"`
}

// Status is which keys are set.
func (k Keys) Status() KeyStatus {
	return KeyStatus{DHL: k.DHL != "", USPS: k.USPSClientID != "" && k.USPSSecret != ""}
}
