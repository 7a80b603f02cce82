package connector

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"shopclerk/backend/clock"
	"shopclerk/backend/domain"
)

// Sleeper waits d, or until ctx ends. Tests inject one that returns at
// once and records what it was asked, so no test depends on timing.
type Sleeper func(ctx context.Context, d time.Duration) error

// Sleep is the real Sleeper.
var Sleep Sleeper = clock.Sleep

// maxBody bounds an answer read into memory. A page of 250 orders with
// their lines is well under a megabyte.
const maxBody = 32 << 20

// Transport sends a connector's requests: it retries what may succeed on a
// second try, waits as the store asks, and refuses to carry credentials to
// another host.
type Transport struct {
	Client *http.Client
	Sleep  Sleeper
	Clock  clock.Clock
	// Attempts bounds the tries of one request (default 6).
	Attempts int
	// Store names the store in errors ("Shopify", "WooCommerce").
	Store string
}

// ClientOptions are what each platform's client is built with beside its
// address and credentials (all optional).
type ClientOptions struct {
	HTTP  *http.Client // default: 60 s timeout
	Sleep Sleeper      // waits between tries (default: Sleep)
	Clock clock.Clock  // default: the system's
	// PageSize is how many records a page asks for (0: the platform's
	// default; a platform caps it at its maximum).
	PageSize int
}

// Transport is the client's Transport for the named store; its Clock is
// the options' clock, or the system's.
func (o ClientOptions) Transport(storeName string) *Transport {
	return NewTransport(storeName, o.HTTP, o.Sleep, o.Clock)
}

// NewTransport makes a Transport whose client follows no redirect to
// another host.
func NewTransport(storeName string, client *http.Client, sleep Sleeper, clk clock.Clock) *Transport {
	if client == nil {
		client = &http.Client{Timeout: 60 * time.Second}
	}
	c := *client
	c.CheckRedirect = sameHostOnly(storeName)
	if sleep == nil {
		sleep = Sleep
	}
	if clk == nil {
		clk = clock.System{}
	}
	return &Transport{Client: &c, Sleep: sleep, Clock: clk, Attempts: 6, Store: storeName}
}

// sameHostOnly is a CheckRedirect that follows a redirect only to the same
// scheme, host and port: Go drops the Authorization header on a redirect
// to another host but not a store's own headers (X-Shopify-Access-Token),
// so a store that answers "go there" must not be followed with them.
func sameHostOnly(storeName string) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		first := via[0].URL
		if req.URL.Host != first.Host || req.URL.Scheme != first.Scheme {
			return domain.Errorf(domain.CodeInvalid, "%s answered with a redirect to another address (%s); Shopclerk does not send your credentials there. Check the store address: it should be the one the store itself uses", storeName, req.URL.Host)
		}
		if len(via) >= 5 {
			return domain.Errorf(domain.CodeInvalid, "%s redirected Shopclerk too many times", storeName)
		}
		return nil
	}
}

// Response is an answer read whole.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// HTTPError is an answer that is not a success, after the retries.
type HTTPError struct {
	Status int
	Body   []byte
	Header http.Header
}

func (e *HTTPError) Error() string { return fmt.Sprintf("HTTP %d: %s", e.Status, snippet(e.Body)) }

// Do sends the request newReq makes (once per try) and returns a 2xx
// answer, or the last answer as an *HTTPError. 429 waits Retry-After (or
// backs off), 500/502/503/504 and network errors back off and try again;
// other answers return at once for the connector to word.
func (t *Transport) Do(ctx context.Context, newReq func() (*http.Request, error)) (Response, error) {
	attempts := t.Attempts
	if attempts <= 0 {
		attempts = 6
	}
	var last error
	for try := 0; try < attempts; try++ {
		if try > 0 {
			if err := t.Sleep(ctx, t.wait(last, try)); err != nil {
				return Response{}, err
			}
		}
		req, err := newReq()
		if err != nil {
			return Response{}, err
		}
		resp, err := t.Client.Do(req.WithContext(ctx))
		if err != nil {
			if ctx.Err() != nil {
				return Response{}, ctx.Err()
			}
			var de *domain.Error
			if errors.As(err, &de) {
				return Response{}, de // a redirect refused
			}
			last = domain.Wrap(err, domain.CodeTemporary, fmt.Sprintf("Shopclerk could not reach %s (%s); check the address and your internet connection", t.Store, req.URL.Host))
			continue
		}
		body, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
		resp.Body.Close()
		if err != nil {
			last = domain.Wrap(err, domain.CodeTemporary, fmt.Sprintf("the connection to %s broke while reading its answer", t.Store))
			continue
		}
		r := Response{Status: resp.StatusCode, Header: resp.Header, Body: body}
		switch {
		case r.Status >= 200 && r.Status < 300:
			return r, nil
		case r.Status == http.StatusTooManyRequests || r.Status == 500 || r.Status == 502 || r.Status == 503 || r.Status == 504:
			last = &HTTPError{Status: r.Status, Body: body, Header: resp.Header}
			continue
		default:
			return r, &HTTPError{Status: r.Status, Body: body, Header: resp.Header}
		}
	}
	var he *HTTPError
	if errors.As(last, &he) {
		if he.Status == http.StatusTooManyRequests {
			return Response{}, domain.Wrap(he, domain.CodeTemporary, fmt.Sprintf("%s kept asking Shopclerk to slow down; the sync will go on next time from where it stopped", t.Store))
		}
		return Response{}, domain.Wrap(he, domain.CodeTemporary, fmt.Sprintf("%s had a server error (HTTP %d) several times in a row; try again later", t.Store, he.Status))
	}
	return Response{}, last
}

// PostForm sends form to u as application/x-www-form-urlencoded (an OAuth
// token endpoint's request), with Do's retries.
func (t *Transport) PostForm(ctx context.Context, u string, form url.Values) (Response, error) {
	body := form.Encode()
	return t.Do(ctx, func() (*http.Request, error) {
		req, err := http.NewRequest(http.MethodPost, u, strings.NewReader(body))
		if err == nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set("Accept", "application/json")
		}
		return req, err
	})
}

// wait is how long to wait before try (1-based retry number): Retry-After
// when the answer gave one, else 1 s, 2 s, 4 s ... up to a minute.
func (t *Transport) wait(last error, try int) time.Duration {
	var he *HTTPError
	if errors.As(last, &he) {
		if d, ok := RetryAfter(he.Header.Get("Retry-After"), t.Clock.Now()); ok {
			return d
		}
	}
	d := time.Second << (try - 1)
	return min(d, time.Minute)
}

// RetryAfter reads a Retry-After header: seconds (Shopify sends "2.0") or
// an HTTP date.
func RetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 0 {
		return min(time.Duration(f*float64(time.Second)), 10*time.Minute), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(min(t.Sub(now), 10*time.Minute), 0), true
	}
	return 0, false
}

// LooksLikeHTML tells an HTML page (a login page, a security plugin's
// challenge, a theme's 404) from the JSON an API answers.
func LooksLikeHTML(r Response) bool {
	ct := strings.ToLower(r.Header.Get("Content-Type"))
	if strings.Contains(ct, "text/html") {
		return true
	}
	b := bytes.TrimSpace(r.Body)
	return len(b) > 0 && b[0] == '<'
}

func snippet(b []byte) string {
	s := strings.Join(strings.Fields(string(b)), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// Snippet is the start of an answer, on one line, for an error message.
func Snippet(b []byte) string { return snippet(b) }

// CheckURL checks and normalises a store address: https, or plain http
// only to this computer (a local stand-in store), with no path, query or
// credentials beyond what the kind needs.
func CheckURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, domain.Errorf(domain.CodeInvalid, "enter the store's address, such as https://example.com")
	}
	if !strings.Contains(raw, "://") {
		raw = "https://" + raw
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil, domain.Errorf(domain.CodeInvalid, "%q is not a web address", raw)
	}
	if u.User != nil {
		return nil, domain.Errorf(domain.CodeInvalid, "leave the user name and password out of the store's address; Shopclerk asks for the key separately")
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	switch u.Scheme {
	case "https":
	case "http":
		if !IsLoopback(u.Hostname()) {
			return nil, domain.Errorf(domain.CodeInvalid, "%s uses plain http, which would send your store's keys unencrypted; use its https:// address", u.Host)
		}
	default:
		return nil, domain.Errorf(domain.CodeInvalid, "%q is not a web address (it should start with https://)", raw)
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawQuery, u.Fragment, u.RawPath = "", "", ""
	return u, nil
}

// IsLoopback reports whether host is this computer.
func IsLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
