// Package fetch gets web pages and feeds over HTTP, safely and politely.
//
// Input: a URL, the content types the caller can read, and the validators
// (ETag, Last-Modified) of the copy it already has. Output: a Response
// with the body (bounded in size), or NotModified, or an error saying
// why nothing was fetched.
//
// Safety: every request has a deadline; a body larger than the limit is
// refused, not read (whether its Content-Length says so or it just keeps
// coming); redirects are capped and stay on http and https; a response of
// another content type than asked for is refused; and addresses on the
// loopback, private, link-local, shared or unspecified ranges are refused
// at connection time, after name resolution, so a name that resolves to
// one (DNS rebinding included) is refused too, unless
// Config.AllowPrivate is set.
//
// Politeness: requests to one host are spaced by Config.Delay or the
// host's robots.txt Crawl-delay, whichever is longer; robots.txt is read
// once per host per hour and obeyed for the configured user agent; a 429
// or 503 answer is retried after its Retry-After (seconds or a date,
// capped by Config.MaxRetryAfter) or with exponential backoff, at most
// Config.Retries times.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Config sets the limits of a Client. Zero fields take the defaults.
type Config struct {
	// UserAgent names the client, in requests and to robots.txt
	// (default "sitrep/0.1 (+https://github.com/sitrep-project/sitrep)").
	UserAgent string
	// Timeout bounds one request, from dialling to the last byte of the
	// body (default 30 s).
	Timeout time.Duration
	// MaxBytes bounds one body (default 16 MiB).
	MaxBytes int64
	// MaxRedirects bounds the redirects followed (default 5).
	MaxRedirects int
	// Delay is the least time between two requests to one host (default 1 s).
	Delay time.Duration
	// Retries is how many times a 429, a 503 or a failed connection is
	// retried (default 3; negative for none).
	Retries int
	// Backoff is the first wait before a retry without Retry-After,
	// doubled each time (default 2 s).
	Backoff time.Duration
	// MaxRetryAfter caps the wait a server may ask for (default 10 min);
	// a longer Retry-After is an error, left to the caller to schedule.
	MaxRetryAfter time.Duration
	// AllowPrivate allows loopback and private addresses (for tests and
	// intranet sources).
	AllowPrivate bool
	// IgnoreRobots skips robots.txt (for sources that allow sitrep by
	// agreement).
	IgnoreRobots bool
}

func (c Config) withDefaults() Config {
	if c.UserAgent == "" {
		c.UserAgent = "sitrep/0.1 (+https://github.com/sitrep-project/sitrep)"
	}
	if c.Timeout <= 0 {
		c.Timeout = 30 * time.Second
	}
	if c.MaxBytes <= 0 {
		c.MaxBytes = 16 << 20
	}
	if c.MaxRedirects <= 0 {
		c.MaxRedirects = 5
	}
	if c.Delay < 0 {
		c.Delay = 0
	} else if c.Delay == 0 {
		c.Delay = time.Second
	}
	if c.Retries == 0 {
		c.Retries = 3
	}
	if c.Backoff <= 0 {
		c.Backoff = 2 * time.Second
	}
	if c.MaxRetryAfter <= 0 {
		c.MaxRetryAfter = 10 * time.Minute
	}
	return c
}

// Errors a fetch can end with; each is wrapped with the URL.
var (
	ErrTooLarge    = errors.New("body too large")
	ErrContentType = errors.New("unexpected content type")
	ErrPrivate     = errors.New("private or loopback address refused")
	ErrRobots      = errors.New("disallowed by robots.txt")
	ErrRedirects   = errors.New("too many redirects")
)

// StatusError is an answer other than 200, 304, 429 and 503.
type StatusError struct{ Code int }

func (e *StatusError) Error() string { return fmt.Sprintf("status %d", e.Code) }

// RetryError is returned when a server asks to wait longer than
// Config.MaxRetryAfter, or still refuses after the retries.
type RetryError struct {
	Status int
	After  time.Duration // what the server asked for, 0 if nothing
}

func (e *RetryError) Error() string {
	if e.After > 0 {
		return fmt.Sprintf("status %d, retry after %s", e.Status, e.After)
	}
	return fmt.Sprintf("status %d after retries", e.Status)
}

// Validators identify the copy of a resource a caller has.
type Validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// Response is a fetched resource.
type Response struct {
	URL         string // after redirects
	Status      int
	ContentType string
	Body        []byte
	// NotModified is true for a 304 answer to a conditional request: Body
	// is empty and the caller's copy is current.
	NotModified bool
	// Validators are the response's, for the next conditional request.
	Validators Validators
}

// Client fetches. It is safe for concurrent use.
type Client struct {
	cfg   Config
	http  *http.Client
	now   func() time.Time
	sleep func(ctx context.Context, d time.Duration) error

	mu     sync.Mutex
	hosts  map[string]*host
	robots map[string]*robots
}

// host is the politeness state of one host.
type host struct {
	mu   sync.Mutex // held while waiting for and making a request
	next time.Time  // earliest time of the next request
}

// New returns a Client.
func New(cfg Config) *Client {
	cfg = cfg.withDefaults()
	c := &Client{cfg: cfg, now: time.Now, sleep: Sleep, hosts: make(map[string]*host), robots: make(map[string]*robots)}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !cfg.AllowPrivate {
		dialer.Control = refusePrivate
	}
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would hide the address checks
		DialContext:           dialer.DialContext,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: cfg.Timeout,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       90 * time.Second,
	}
	c.http = &http.Client{
		Transport: tr,
		Timeout:   cfg.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > cfg.MaxRedirects {
				return fmt.Errorf("%w (more than %d)", ErrRedirects, cfg.MaxRedirects)
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirect to %s: only http and https are followed", req.URL.Scheme)
			}
			return nil
		},
	}
	return c
}

// Sleep waits for d or until ctx is done, whichever comes first, and
// returns ctx.Err() in the second case.
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// refusePrivate refuses connections to addresses that are not public.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: %s", ErrPrivate, address)
	}
	if !Public(ap.Addr()) {
		return fmt.Errorf("%w: %s", ErrPrivate, ap.Addr())
	}
	return nil
}

// cgnat is the shared address space of carrier-grade NAT (RFC 6598).
var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// Public reports whether a is an address on the public internet.
func Public(a netip.Addr) bool {
	a = a.Unmap()
	return a.IsValid() && !a.IsLoopback() && !a.IsPrivate() && !a.IsLinkLocalUnicast() &&
		!a.IsLinkLocalMulticast() && !a.IsInterfaceLocalMulticast() && !a.IsMulticast() &&
		!a.IsUnspecified() && !cgnat.Contains(a)
}

// Get fetches rawURL, accepting the given media types ("text/html",
// "application/rss+xml", ...; none accepts any), conditionally when v
// holds validators.
func (c *Client) Get(ctx context.Context, rawURL string, accept []string, v Validators) (*Response, error) {
	u, err := url.Parse(rawURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("fetch %s: not an http or https URL", rawURL)
	}
	if !c.cfg.IgnoreRobots {
		ok, err := c.allowed(ctx, u)
		if err != nil {
			return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
		}
		if !ok {
			return nil, fmt.Errorf("fetch %s: %w", rawURL, ErrRobots)
		}
	}
	resp, err := c.get(ctx, u, accept, v)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", rawURL, err)
	}
	return resp, nil
}

// get fetches with politeness and retries.
func (c *Client) get(ctx context.Context, u *url.URL, accept []string, v Validators) (*Response, error) {
	backoff := c.cfg.Backoff
	for attempt := 0; ; attempt++ {
		resp, retry, err := c.once(ctx, u, accept, v)
		if err == nil || retry < 0 || attempt >= c.cfg.Retries || ctx.Err() != nil {
			return resp, err
		}
		wait := retry
		if wait == 0 {
			wait = backoff
			backoff *= 2
		}
		if wait > c.cfg.MaxRetryAfter {
			var re *RetryError
			if errors.As(err, &re) {
				return nil, err
			}
			wait = c.cfg.MaxRetryAfter
		}
		c.hostOf(u).delayUntil(c.now().Add(wait))
		if err := c.sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

func (c *Client) hostOf(u *url.URL) *host {
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hosts[u.Host]
	if h == nil {
		h = &host{}
		c.hosts[u.Host] = h
	}
	return h
}

// delayUntil pushes the host's next request to at least t.
func (h *host) delayUntil(t time.Time) {
	h.mu.Lock()
	if t.After(h.next) {
		h.next = t
	}
	h.mu.Unlock()
}

// once makes one request, after waiting the host's turn. retry says
// whether and when the request may be retried: -1 not, 0 after backoff,
// more after that long.
func (c *Client) once(ctx context.Context, u *url.URL, accept []string, v Validators) (*Response, time.Duration, error) {
	h := c.hostOf(u)
	h.mu.Lock()
	wait := h.next.Sub(c.now())
	if err := c.sleep(ctx, wait); err != nil {
		h.mu.Unlock()
		return nil, -1, err
	}
	delay := c.cfg.Delay
	if r := c.robotsOf(u); r != nil && r.delay > delay {
		delay = r.delay
	}
	h.next = c.now().Add(delay)
	h.mu.Unlock()

	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, -1, err
	}
	req.Header.Set("User-Agent", c.cfg.UserAgent)
	if len(accept) > 0 {
		req.Header.Set("Accept", strings.Join(accept, ", ")+", */*;q=0.1")
	}
	if v.ETag != "" {
		req.Header.Set("If-None-Match", v.ETag)
	}
	if v.LastModified != "" {
		req.Header.Set("If-Modified-Since", v.LastModified)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		if errors.Is(err, ErrPrivate) || errors.Is(err, ErrRedirects) || ctx.Err() != nil {
			return nil, -1, err
		}
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			return nil, -1, err // a slow server is not asked again at once
		}
		return nil, 0, err
	}
	defer resp.Body.Close()
	out := &Response{URL: resp.Request.URL.String(), Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"),
		Validators: Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, -1, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
		after := retryAfter(resp.Header.Get("Retry-After"), c.now())
		err := &RetryError{Status: resp.StatusCode, After: after}
		return nil, after, err
	case resp.StatusCode != http.StatusOK:
		return nil, -1, &StatusError{Code: resp.StatusCode}
	}
	if len(accept) > 0 && !acceptable(out.ContentType, accept) {
		return nil, -1, fmt.Errorf("%w %q (want %s)", ErrContentType, out.ContentType, strings.Join(accept, " or "))
	}
	if resp.ContentLength > c.cfg.MaxBytes {
		return nil, -1, fmt.Errorf("%w: Content-Length %d over %d bytes", ErrTooLarge, resp.ContentLength, c.cfg.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.cfg.MaxBytes+1))
	if err != nil {
		return nil, -1, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > c.cfg.MaxBytes {
		return nil, -1, fmt.Errorf("%w: over %d bytes", ErrTooLarge, c.cfg.MaxBytes)
	}
	out.Body = body
	return out, -1, nil
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil {
		if n < 0 {
			return 0
		}
		return time.Duration(min(n, 1<<20)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// acceptable reports whether a Content-Type is one of the media types
// asked for. Servers label feeds loosely, so any XML type passes for an
// XML feed and text/plain for JSON.
func acceptable(ct string, accept []string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		mt = strings.ToLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
	}
	for _, a := range accept {
		if mt == a {
			return true
		}
		xml := strings.HasSuffix(a, "xml")
		if xml && (strings.HasSuffix(mt, "/xml") || strings.HasSuffix(mt, "+xml")) {
			return true
		}
		if strings.HasSuffix(a, "json") && (strings.HasSuffix(mt, "json") || mt == "text/plain") {
			return true
		}
	}
	return false
}
