package carrierapi

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/tracking"
)

// DHLBaseURL is DHL's unified Shipment Tracking API.
const DHLBaseURL = "https://api-eu.dhl.com"

// DHL is the unified Shipment Tracking API: one key tracks DHL Express,
// Paket, eCommerce and Deutsche Post's registered mail.
type DHL struct {
	Key     string
	BaseURL string // DHLBaseURL unless a test says otherwise
	HTTP    *http.Client
}

var _ Client = (*DHL)(nil)

func (d *DHL) Name() string { return "DHL" }

func (d *DHL) Carriers() []tracking.CarrierID {
	return []tracking.CarrierID{"dhl", "dhl_express", "dhl_paket", "dhl_ecommerce", "deutschepost"}
}

// Rate: the initial subscription of a free key allows 250 calls a day, at
// most one every 5 seconds (developer.dhl.com, Shipment Tracking - Unified).
func (d *DHL) Rate() Rate { return Rate{Every: 5 * time.Second, PerDay: 250} }

type dhlEvent struct {
	Timestamp string `json:"timestamp"`
	Location  struct {
		Address struct {
			Locality string `json:"addressLocality"`
		} `json:"address"`
	} `json:"location"`
	StatusCode  string `json:"statusCode"`
	Status      string `json:"status"`
	Description string `json:"description"`
}

type dhlAnswer struct {
	Shipments []struct {
		ID     string     `json:"id"`
		Status dhlEvent   `json:"status"`
		Events []dhlEvent `json:"events"`
	} `json:"shipments"`
}

// Track asks DHL about one number.
func (d *DHL) Track(ctx context.Context, number string) (Result, error) {
	base := d.BaseURL
	if base == "" {
		base = DHLBaseURL
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/track/shipments?trackingNumber="+url.QueryEscape(number), nil)
	if err != nil {
		return Result{}, err
	}
	req.Header.Set("DHL-API-Key", d.Key)
	req.Header.Set("Accept", "application/json")
	var ans dhlAnswer
	if err := getJSON(httpClient(d.HTTP), req, d.Name(), &ans); err != nil {
		return Result{}, err
	}
	if len(ans.Shipments) == 0 {
		return Result{}, &Failure{Kind: FailNotFound, Carrier: d.Name()}
	}
	sh := ans.Shipments[0]
	var res Result
	for _, e := range sh.Events {
		if ev, ok := dhlToEvent(e); ok {
			res.Events = append(res.Events, ev)
		}
	}
	if len(res.Events) == 0 { // some answers carry only the current status
		if ev, ok := dhlToEvent(sh.Status); ok {
			res.Events = append(res.Events, ev)
		}
	}
	res.Status, res.At, res.Text = newest(res.Events)
	return res, nil
}

func dhlToEvent(e dhlEvent) (domain.ShipmentEvent, bool) {
	at, err := time.Parse(time.RFC3339, e.Timestamp)
	if err != nil {
		if at, err = time.Parse("2006-01-02T15:04:05", e.Timestamp); err != nil {
			return domain.ShipmentEvent{}, false
		}
	}
	text := strings.TrimSpace(e.Description)
	if text == "" {
		text = strings.TrimSpace(e.Status)
	}
	return domain.ShipmentEvent{At: at.UTC(), Status: dhlStatus(e.StatusCode, text), Text: text,
		Location: e.Location.Address.Locality, Source: "dhl"}, true
}

// dhlStatus maps DHL's statusCode (pre-transit, transit, delivered,
// failure, unknown), narrowed by the event's words: DHL reports "out for
// delivery", "at a pick-up point" and "returned" as transit, a failed
// delivery attempt as failure.
func dhlStatus(code, text string) domain.ShipmentStatus {
	words := tracking.StatusFromText(text)
	switch code {
	case "pre-transit":
		return domain.ShipmentLabelCreated
	case "transit":
		switch words {
		case domain.ShipmentOutForDelivery, domain.ShipmentAvailableForPickup, domain.ShipmentReturned:
			return words
		}
		return domain.ShipmentInTransit
	case "delivered":
		return domain.ShipmentDelivered
	case "failure":
		switch words {
		case domain.ShipmentFailedAttempt, domain.ShipmentReturned:
			return words
		}
		return domain.ShipmentException
	}
	return words
}

func httpClient(hc *http.Client) *http.Client {
	if hc != nil {
		return hc
	}
	return &http.Client{Timeout: DefaultTimeout}
}
