package carrierapi

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/tracking"
)

// USPSBaseURL is USPS's API platform.
const USPSBaseURL = "https://apis.usps.com"

// USPS is the Tracking 3 API. Its key is an OAuth client (consumer key and
// secret); the client fetches a token and keeps it until it expires.
type USPS struct {
	ClientID, ClientSecret string
	BaseURL                string // USPSBaseURL unless a test says otherwise
	HTTP                   *http.Client
	Now                    func() time.Time // the token's clock; time.Now when nil

	mu      sync.Mutex
	token   string
	expires time.Time
}

var _ Client = (*USPS)(nil)

func (u *USPS) Name() string { return "USPS" }

func (u *USPS) Carriers() []tracking.CarrierID { return []tracking.CarrierID{"usps"} }

// Rate: a new USPS API app gets 60 calls an hour (developers.usps.com,
// "Getting Started": default quota).
func (u *USPS) Rate() Rate { return Rate{Every: time.Minute, PerDay: 60 * 24} }

func (u *USPS) base() string {
	if u.BaseURL == "" {
		return USPSBaseURL
	}
	return u.BaseURL
}

func (u *USPS) now() time.Time {
	if u.Now != nil {
		return u.Now()
	}
	return time.Now()
}

// accessToken returns a token, fetching one when none is fresh.
func (u *USPS) accessToken(ctx context.Context) (string, error) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.token != "" && u.now().Before(u.expires) {
		return u.token, nil
	}
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {u.ClientID}, "client_secret": {u.ClientSecret}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.base()+"/oauth2/v3/token", strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	var tok struct {
		AccessToken string `json:"access_token"`
		ExpiresIn   int64  `json:"expires_in"`
	}
	if err := getJSON(httpClient(u.HTTP), req, u.Name(), &tok); err != nil {
		var f *Failure
		// A refused client answers 400/401 invalid_client: the key.
		if ok := asFailure(err, &f); ok && f.Kind == FailUnavailable && strings.Contains(f.Detail, "400") {
			return "", &Failure{Kind: FailAuth, Carrier: u.Name()}
		}
		return "", err
	}
	if tok.AccessToken == "" {
		return "", &Failure{Kind: FailAuth, Carrier: u.Name()}
	}
	// Renewed a minute early, so a call never carries a token that
	// expires on the way.
	u.token, u.expires = tok.AccessToken, u.now().Add(time.Duration(tok.ExpiresIn)*time.Second-time.Minute)
	return u.token, nil
}

func asFailure(err error, f **Failure) bool {
	x, ok := err.(*Failure)
	if ok {
		*f = x
	}
	return ok
}

type uspsEvent struct {
	EventType      string `json:"eventType"`
	EventTimestamp string `json:"eventTimestamp"`
	GMTTimestamp   string `json:"GMTTimestamp"`
	EventCity      string `json:"eventCity"`
	EventState     string `json:"eventState"`
	EventCode      string `json:"eventCode"`
}

type uspsAnswer struct {
	TrackingNumber string      `json:"trackingNumber"`
	StatusCategory string      `json:"statusCategory"`
	Status         string      `json:"status"`
	Events         []uspsEvent `json:"trackingEvents"`
}

// Track asks USPS about one number.
func (u *USPS) Track(ctx context.Context, number string) (Result, error) {
	tok, err := u.accessToken(ctx)
	if err != nil {
		return Result{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.base()+"/tracking/v3/tracking/"+url.PathEscape(number)+"?expand=DETAIL", nil)
	if err != nil {
		return Result{}, err
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Accept", "application/json")
	var ans uspsAnswer
	if err := getJSON(httpClient(u.HTTP), req, u.Name(), &ans); err != nil {
		var f *Failure
		if asFailure(err, &f) && f.Kind == FailAuth {
			u.mu.Lock()
			u.token = "" // a revoked token: the next call asks for a new one
			u.mu.Unlock()
		}
		return Result{}, err
	}
	var res Result
	for _, e := range ans.Events {
		at, err := time.Parse(time.RFC3339, e.GMTTimestamp)
		if err != nil {
			if at, err = time.Parse("2006-01-02T15:04:05", e.EventTimestamp); err != nil {
				continue
			}
		}
		place := strings.Trim(strings.TrimSpace(e.EventCity)+", "+strings.TrimSpace(e.EventState), ", ")
		res.Events = append(res.Events, domain.ShipmentEvent{At: at.UTC(), Status: uspsStatus(e.EventCode, e.EventType),
			Text: e.EventType, Location: place, Source: "usps"})
	}
	res.Status, res.At, res.Text = newest(res.Events)
	if res.Status == "" {
		res.Status = uspsCategory(ans.StatusCategory)
	}
	return res, nil
}

// uspsCodes are the USPS event codes whose meaning is plain (GX label
// created, OA accepted, OF out for delivery, 01 delivered, 02/53/54/55/56
// notice left or held for pickup, 04 refused, 09 returned).
var uspsCodes = map[string]domain.ShipmentStatus{
	"GX": domain.ShipmentLabelCreated, "MA": domain.ShipmentLabelCreated,
	"OA": domain.ShipmentInTransit, "03": domain.ShipmentInTransit, "10": domain.ShipmentInTransit,
	"OF": domain.ShipmentOutForDelivery,
	"01": domain.ShipmentDelivered,
	"02": domain.ShipmentFailedAttempt, "53": domain.ShipmentFailedAttempt,
	"52": domain.ShipmentAvailableForPickup, "54": domain.ShipmentAvailableForPickup, "55": domain.ShipmentAvailableForPickup, "56": domain.ShipmentAvailableForPickup,
	"04": domain.ShipmentException, "09": domain.ShipmentReturned, "21": domain.ShipmentReturned,
}

func uspsStatus(code, text string) domain.ShipmentStatus {
	if st, ok := uspsCodes[code]; ok {
		return st
	}
	return tracking.StatusFromText(text)
}

// uspsCategory maps the answer's statusCategory, for an answer without events.
func uspsCategory(c string) domain.ShipmentStatus {
	switch strings.ToLower(c) {
	case "pre-shipment":
		return domain.ShipmentLabelCreated
	case "accepted", "in transit", "moving through network":
		return domain.ShipmentInTransit
	case "out for delivery":
		return domain.ShipmentOutForDelivery
	case "delivered":
		return domain.ShipmentDelivered
	case "available for pickup":
		return domain.ShipmentAvailableForPickup
	case "delivery attempt":
		return domain.ShipmentFailedAttempt
	case "alert":
		return domain.ShipmentException
	case "return to sender":
		return domain.ShipmentReturned
	}
	return ""
}
