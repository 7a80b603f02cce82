package carrierapi

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"shopclerk/backend/domain"
)

// standIn serves a testdata file with a status and content type.
func standIn(t *testing.T, status int, file, contentType string, header ...string) http.HandlerFunc {
	t.Helper()
	body, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	return func(w http.ResponseWriter, r *http.Request) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(status)
		w.Write(body)
	}
}

const jsonType, problemType, htmlType = "application/json", "application/problem+json", "text/html; charset=utf-8"

func dhlAgainst(t *testing.T, h http.HandlerFunc) *DHL {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/track/shipments" || r.URL.Query().Get("trackingNumber") == "" {
			t.Errorf("DHL asked %s", r.URL)
		}
		if r.Header.Get("DHL-API-Key") != "seller-key" {
			t.Errorf("DHL-API-Key %q", r.Header.Get("DHL-API-Key"))
		}
		h(w, r)
	}))
	t.Cleanup(srv.Close)
	return &DHL{Key: "seller-key", BaseURL: srv.URL, HTTP: srv.Client()}
}

func TestDHLTransit(t *testing.T) {
	d := dhlAgainst(t, standIn(t, 200, "dhl_transit.json", jsonType))
	res, err := d.Track(context.Background(), "00340433836442636597")
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != domain.ShipmentOutForDelivery || !res.At.Equal(time.Date(2026, 3, 3, 6, 12, 0, 0, time.UTC)) ||
		res.Text != "Die Sendung wurde in das Zustellfahrzeug geladen." {
		t.Errorf("status %q at %s %q", res.Status, res.At, res.Text)
	}
	if len(res.Events) != 3 || res.Events[1].Location != "Neumünster" || res.Events[1].Status != domain.ShipmentInTransit ||
		res.Events[2].Status != domain.ShipmentLabelCreated || res.Events[0].Source != "dhl" {
		t.Errorf("events %+v", res.Events)
	}
}

func TestDHLDelivered(t *testing.T) {
	d := dhlAgainst(t, standIn(t, 200, "dhl_delivered.json", jsonType))
	res, err := d.Track(context.Background(), "1234567891")
	if err != nil || res.Status != domain.ShipmentDelivered || res.Events[1].Status != domain.ShipmentOutForDelivery {
		t.Fatalf("%+v %v", res, err)
	}
}

// Every way a call can fail becomes the Failure the poller acts on.
func TestDHLFailures(t *testing.T) {
	for _, c := range []struct {
		name  string
		h     http.HandlerFunc
		kind  FailureKind
		retry time.Duration
	}{
		{"unknown number", standIn(t, 404, "dhl_not_found.json", problemType), FailNotFound, 0},
		{"refused key", standIn(t, 401, "dhl_unauthorized.json", problemType), FailAuth, 0},
		{"rate limit", standIn(t, 429, "dhl_rate_limited.json", problemType, "Retry-After", "120"), FailRateLimited, 2 * time.Minute},
		{"rate limit without Retry-After", standIn(t, 429, "dhl_rate_limited.json", problemType), FailRateLimited, 0},
		{"outage", standIn(t, 503, "outage.html", htmlType), FailUnavailable, 0},
		{"HTML instead of JSON", standIn(t, 200, "outage.html", htmlType), FailUnavailable, 0},
		{"HTML labelled JSON", standIn(t, 200, "outage.html", jsonType), FailUnavailable, 0},
		{"404 page of a proxy", standIn(t, 404, "outage.html", htmlType), FailUnavailable, 0},
		{"empty shipments", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", jsonType)
			w.Write([]byte(`{"shipments":[]}`))
		}, FailNotFound, 0},
		{"broken JSON", func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", jsonType)
			w.Write([]byte(`{"shipments":[{"id":`))
		}, FailUnavailable, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := dhlAgainst(t, c.h).Track(context.Background(), "00340433836442636598")
			var f *Failure
			if !errors.As(err, &f) || f.Kind != c.kind || f.RetryAfter != c.retry {
				t.Fatalf("got %v (%+v), want %s retry %s", err, f, c.kind, c.retry)
			}
			if f.Error() == "" || strings.Contains(f.Error(), "<html") {
				t.Errorf("message %q", f.Error())
			}
		})
	}
}

func TestDHLOutageNoAnswer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	srv.Close() // nothing listens any more
	_, err := (&DHL{Key: "k", BaseURL: srv.URL}).Track(context.Background(), "1234567891")
	if f := AsFailure("DHL", err); f.Kind != FailUnavailable {
		t.Fatalf("%v", err)
	}
}

// uspsStandIn serves the token and the tracking answer; tokens counts the
// token requests.
func uspsStandIn(t *testing.T, tokens *atomic.Int32, token, track http.HandlerFunc) *USPS {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/oauth2/v3/token" && r.Method == http.MethodPost:
			r.ParseForm()
			if r.Form.Get("grant_type") != "client_credentials" || r.Form.Get("client_id") != "id" || r.Form.Get("client_secret") != "secret" {
				t.Errorf("token form %v", r.Form)
			}
			tokens.Add(1)
			token(w, r)
		case strings.HasPrefix(r.URL.Path, "/tracking/v3/tracking/"):
			if r.Header.Get("Authorization") != "Bearer eyJraWQiOiJ0ZXN0LXRva2VuIn0.stand-in.token" || r.URL.Query().Get("expand") != "DETAIL" {
				t.Errorf("tracking call %s %q", r.URL, r.Header.Get("Authorization"))
			}
			track(w, r)
		default:
			t.Errorf("USPS asked %s %s", r.Method, r.URL)
		}
	}))
	t.Cleanup(srv.Close)
	return &USPS{ClientID: "id", ClientSecret: "secret", BaseURL: srv.URL, HTTP: srv.Client()}
}

func TestUSPSDelivered(t *testing.T) {
	var tokens atomic.Int32
	u := uspsStandIn(t, &tokens, standIn(t, 200, "usps_token.json", jsonType), standIn(t, 200, "usps_delivered.json", jsonType))
	for range 2 {
		res, err := u.Track(context.Background(), "9400111899223851071816")
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != domain.ShipmentDelivered || !res.At.Equal(time.Date(2026, 3, 4, 21, 37, 0, 0, time.UTC)) || len(res.Events) != 4 ||
			res.Events[1].Status != domain.ShipmentOutForDelivery || res.Events[3].Status != domain.ShipmentLabelCreated || res.Events[0].Location != "PORTLAND, OR" {
			t.Fatalf("%+v", res)
		}
	}
	if tokens.Load() != 1 {
		t.Errorf("%d token requests for two calls, want the token kept", tokens.Load())
	}
}

func TestUSPSFailures(t *testing.T) {
	for _, c := range []struct {
		name         string
		token, track http.HandlerFunc
		kind         FailureKind
	}{
		{"refused client (401)", standIn(t, 401, "usps_unauthorized.json", jsonType), nil, FailAuth},
		{"refused client (400)", standIn(t, 400, "usps_unauthorized.json", jsonType), nil, FailAuth},
		{"unknown number", standIn(t, 200, "usps_token.json", jsonType), standIn(t, 404, "usps_not_found.json", jsonType), FailNotFound},
		{"rate limit", standIn(t, 200, "usps_token.json", jsonType), standIn(t, 429, "usps_not_found.json", jsonType, "Retry-After", "Wed, 04 Mar 2099 10:00:00 GMT"), FailRateLimited},
		{"outage", standIn(t, 200, "usps_token.json", jsonType), standIn(t, 502, "outage.html", htmlType), FailUnavailable},
		{"token server down", standIn(t, 503, "outage.html", htmlType), nil, FailUnavailable},
	} {
		t.Run(c.name, func(t *testing.T) {
			var tokens atomic.Int32
			track := c.track
			if track == nil {
				track = func(w http.ResponseWriter, r *http.Request) { t.Error("tracked without a token") }
			}
			_, err := uspsStandIn(t, &tokens, c.token, track).Track(context.Background(), "9400111899223851071816")
			if f := AsFailure("USPS", err); f.Kind != c.kind {
				t.Fatalf("got %v, want %s", err, c.kind)
			}
		})
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{"": 0, "30": 30 * time.Second, "soon": 0, "Wed, 04 Mar 2026 10:05:00 GMT": 5 * time.Minute, "Wed, 04 Mar 2026 09:00:00 GMT": 0} {
		if got := retryAfter(v, now); got != want {
			t.Errorf("Retry-After %q: %s, want %s", v, got, want)
		}
	}
}
