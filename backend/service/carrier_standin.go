package service

import "shopclerk/backend/tracking/carrierapi"

// dhlStandIn is where DHL's tracking API is asked instead of DHL's own, in
// the dev build only (carrier_standin_dev.go): the e2e specs answer for DHL
// with a stand-in, so a status change travels the real polling path. Empty
// in a release build: the seller's key goes to DHL and nowhere else.
var dhlStandIn string

// withStandIns points the clients at their stand-ins, when there are any.
func withStandIns(cs []carrierapi.Client) []carrierapi.Client {
	for _, c := range cs {
		if d, ok := c.(*carrierapi.DHL); ok && dhlStandIn != "" {
			d.BaseURL = dhlStandIn
		}
	}
	return cs
}
