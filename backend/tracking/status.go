package tracking

import (
	"strings"

	"shopclerk/backend/domain"
)

// StatusFromText turns a carrier's words for an event ("Out for delivery",
// "Zustellversuch nicht erfolgreich", "Available for Pickup") into a
// normalised status; "" when the words say nothing Shopclerk can place, so
// the shipment keeps the status it has. The carrier clients try their own
// codes first and fall back to this.
func StatusFromText(text string) domain.ShipmentStatus {
	t := strings.ToLower(text)
	for _, k := range statusWords {
		for _, w := range k.words {
			if strings.Contains(t, w) {
				return k.status
			}
		}
	}
	return ""
}

// statusWords are tried in order: the first match wins, so narrower
// phrases ("delivery attempt") come before the words they contain
// ("delivery").
var statusWords = []struct {
	status domain.ShipmentStatus
	words  []string
}{
	{domain.ShipmentReturned, []string{"return to sender", "returned to sender", "returned to shipper", "being returned", "rücksendung", "retour à l'expéditeur"}},
	{domain.ShipmentFailedAttempt, []string{"delivery attempt", "attempted delivery", "notice left", "no access to delivery", "zustellversuch", "tentative de livraison", "receiver not available", "recipient not available"}},
	{domain.ShipmentAvailableForPickup, []string{"available for pickup", "available for pick up", "ready for pickup", "ready for collection", "awaiting collection", "held at post office", "abholbereit", "packstation", "parcelshop", "disponible en point"}},
	{domain.ShipmentOutForDelivery, []string{"out for delivery", "with delivery courier", "on vehicle for delivery", "in zustellung", "zustellfahrzeug", "en cours de livraison"}},
	{domain.ShipmentDelivered, []string{"delivered", "zugestellt", "livré", "entregado", "consegnato", "bezorgd"}},
	{domain.ShipmentException, []string{"exception", "damaged", "lost", "held by customs", "customs clearance delay", "address problem", "incorrect address", "undeliverable", "alert", "delay"}},
	{domain.ShipmentLabelCreated, []string{"label created", "shipping label", "pre-shipment", "shipment information received", "electronic notification", "elektronisch angekündigt", "awaiting item"}},
	{domain.ShipmentInTransit, []string{"in transit", "accepted", "arrived", "departed", "processed", "picked up", "origin scan", "sorting", "transit", "facility", "moving through", "bearbeitet", "en transit"}},
}
