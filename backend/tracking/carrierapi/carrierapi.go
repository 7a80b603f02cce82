// Package carrierapi asks carriers' own tracking APIs, with the seller's
// own free developer keys, what became of a parcel: DHL's unified Shipment
// Tracking API and USPS's Tracking 3 API. Each client turns the carrier's
// answer into Shopclerk's normalised status with the carrier's own words
// and times, and every way a call can go wrong into one Failure the poller
// (backend/runner) can act on: a refused key stops that carrier, a rate
// limit pauses it, an outage or a page of HTML instead of JSON backs off,
// an unknown number is asked again later.
package carrierapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/domain"
	"shopclerk/backend/tracking"
)

// Client tracks the numbers of some carriers.
type Client interface {
	// Name is the carrier API's name for messages ("DHL").
	Name() string
	// Carriers are the tracking carrier ids it can answer for.
	Carriers() []tracking.CarrierID
	// Track asks about one number.
	Track(ctx context.Context, number string) (Result, error)
	// Rate is how politely it must be asked.
	Rate() Rate
}

// Rate is a carrier API's limit for a free developer key.
type Rate struct {
	// Every is the least time between two calls.
	Every time.Duration
	// PerDay caps the calls of one day (0: no cap).
	PerDay int
}

// Result is what the carrier said.
type Result struct {
	// Status is the shipment's status now, by the carrier's newest event
	// that says one ("" when none does); At and Text are that event's.
	Status domain.ShipmentStatus
	At     time.Time
	Text   string
	// Events are every event the carrier reported, newest first.
	Events []domain.ShipmentEvent
}

// FailureKind says what went wrong with a call.
type FailureKind string

const (
	// FailAuth: the carrier refused the key; asking again will not help.
	FailAuth FailureKind = "auth"
	// FailRateLimited: too many calls; wait RetryAfter.
	FailRateLimited FailureKind = "rate_limited"
	// FailNotFound: the carrier does not know the number (yet).
	FailNotFound FailureKind = "not_found"
	// FailUnavailable: the API is down, slow, or answered something that
	// is not its JSON (a maintenance page); try again later.
	FailUnavailable FailureKind = "unavailable"
)

// Failure is a call that gave no result.
type Failure struct {
	Kind       FailureKind
	Carrier    string
	RetryAfter time.Duration // for FailRateLimited, 0 when the carrier did not say
	Detail     string
}

func (f *Failure) Error() string {
	switch f.Kind {
	case FailAuth:
		return f.Carrier + " refused the API key; enter it again under Shipments > Carrier keys"
	case FailRateLimited:
		return f.Carrier + " asks Shopclerk to slow down (too many requests)"
	case FailNotFound:
		return f.Carrier + " does not know this tracking number yet"
	}
	if f.Detail != "" {
		return f.Carrier + " could not be reached: " + f.Detail
	}
	return f.Carrier + " could not be reached"
}

// AsFailure returns err's Failure, or an unavailable one for any other error
// (a network error, a timeout).
func AsFailure(carrier string, err error) *Failure {
	var f *Failure
	if errors.As(err, &f) {
		return f
	}
	return &Failure{Kind: FailUnavailable, Carrier: carrier, Detail: err.Error()}
}

// DefaultTimeout bounds one call.
const DefaultTimeout = 20 * time.Second

// maxBody bounds what a carrier's answer may be (a tracking answer is a few KB).
const maxBody = 4 << 20

// getJSON runs req and decodes a 200 JSON answer into out, turning every
// other answer into a Failure. authStatus lists the statuses that mean a
// refused key (401, and for some APIs 403).
func getJSON(hc *http.Client, req *http.Request, carrier string, out any) error {
	resp, err := hc.Do(req)
	if err != nil {
		if req.Context().Err() != nil {
			return req.Context().Err()
		}
		return &Failure{Kind: FailUnavailable, Carrier: carrier, Detail: "no answer"}
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return &Failure{Kind: FailUnavailable, Carrier: carrier, Detail: "the answer was cut off"}
	}
	switch {
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		return &Failure{Kind: FailAuth, Carrier: carrier}
	case resp.StatusCode == http.StatusTooManyRequests:
		return &Failure{Kind: FailRateLimited, Carrier: carrier, RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	case resp.StatusCode == http.StatusNotFound && isJSON(resp, body):
		return &Failure{Kind: FailNotFound, Carrier: carrier}
	case resp.StatusCode != http.StatusOK:
		return &Failure{Kind: FailUnavailable, Carrier: carrier, Detail: fmt.Sprintf("it answered %s", resp.Status)}
	case !isJSON(resp, body):
		return &Failure{Kind: FailUnavailable, Carrier: carrier, Detail: "it answered a web page instead of tracking data"}
	}
	if err := json.Unmarshal(body, out); err != nil {
		return &Failure{Kind: FailUnavailable, Carrier: carrier, Detail: "its answer could not be read"}
	}
	return nil
}

// isJSON: a JSON content type and a body that starts like JSON (a proxy's
// HTML maintenance page can come with any content type).
func isJSON(resp *http.Response, body []byte) bool {
	ct := strings.ToLower(resp.Header.Get("Content-Type"))
	if ct != "" && !strings.Contains(ct, "json") {
		return false
	}
	s := strings.TrimSpace(string(body[:min(len(body), 64)]))
	return strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[")
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// newest picks the status of the newest event that says one.
func newest(events []domain.ShipmentEvent) (domain.ShipmentStatus, time.Time, string) {
	var best *domain.ShipmentEvent
	for i := range events {
		e := &events[i]
		if e.Status == "" {
			continue
		}
		if best == nil || e.At.After(best.At) {
			best = e
		}
	}
	if best == nil {
		return "", time.Time{}, ""
	}
	return best.Status, best.At, best.Text
}
