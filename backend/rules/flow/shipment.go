package flow

// ShipmentEnv is the parcel of a shipment trigger, as it is now (not as it
// was when the event was seen: a flow can check the parcel has not moved on).
type ShipmentEnv struct {
	Status  string `expr:"status" builder:"string"`
	Carrier string `expr:"carrier" builder:"string"`
	// Parcel is its place among the order's parcels (1, 2 ...), Parcels how
	// many the order has.
	Parcel  int `expr:"parcel"`
	Parcels int `expr:"parcels" builder:"number"`
	// DaysQuiet: whole days since the carrier last said anything.
	DaysQuiet int  `expr:"daysQuiet" builder:"number"`
	Final     bool `expr:"final" builder:"bool"`
	// LastToArrive: every parcel of the order is delivered and this one
	// came last, so an order of three parcels asks for feedback once.
	LastToArrive bool `expr:"lastToArrive" builder:"bool"`
}
