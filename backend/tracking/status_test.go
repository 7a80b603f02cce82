package tracking

import (
	"testing"

	"shopclerk/backend/domain"
)

func TestStatusFromText(t *testing.T) {
	for text, want := range map[string]domain.ShipmentStatus{
		"Shipping Label Created, USPS Awaiting Item":          domain.ShipmentLabelCreated,
		"Accepted at USPS Origin Facility":                    domain.ShipmentInTransit,
		"Out for Delivery":                                    domain.ShipmentOutForDelivery,
		"Delivered, In/At Mailbox":                            domain.ShipmentDelivered,
		"Delivery Attempted - No Access to Delivery Location": domain.ShipmentFailedAttempt,
		"Available for Pickup":                                domain.ShipmentAvailableForPickup,
		"Return to Sender Processed":                          domain.ShipmentReturned,
		"Die Sendung wurde erfolgreich zugestellt.":           domain.ShipmentDelivered,
		"Die Sendung wurde in das Zustellfahrzeug geladen.":   domain.ShipmentOutForDelivery,
		"Zustellversuch nicht erfolgreich":                    domain.ShipmentFailedAttempt,
		"Shipment is on hold - held by customs":               domain.ShipmentException,
		"Die Sendung wurde im Start-Paketzentrum bearbeitet.": domain.ShipmentInTransit,
		"Thank you": "",
	} {
		if got := StatusFromText(text); got != want {
			t.Errorf("%q: %q, want %q", text, got, want)
		}
	}
}
