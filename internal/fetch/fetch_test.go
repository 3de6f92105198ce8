package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

var html = []string{"text/html"}

// testClient is a client for loopback test servers, with short waits.
func testClient(cfg Config) *Client {
	cfg.AllowPrivate = true
	if cfg.Delay == 0 {
		cfg.Delay = -1
	}
	if cfg.Backoff == 0 {
		cfg.Backoff = 10 * time.Millisecond
	}
	return New(cfg)
}

func TestGet(t *testing.T) {
	var slowHits atomic.Int32
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private\nAllow: /private/ok$\n\nUser-agent: otherbot\nDisallow: /\n")
	})
	mux.HandleFunc("/page", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<p>hello</p>")
	})
	mux.HandleFunc("/private/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<p>ok</p>")
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		fmt.Fprint(w, "\x89PNG")
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Length", "2000000000")
		fmt.Fprint(w, "<p>")
	})
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>spam</p>", 1000))
		for range 10000 { // at most 110 MB, stopped by the client's hang-up
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		slowHits.Add(1)
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
	})
	// drip answers at once, then sends its body a byte at a time: the
	// time limit covers the body too.
	mux.HandleFunc("/drip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		for range 200 {
			if _, err := w.Write([]byte("x")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-time.After(50 * time.Millisecond):
			case <-r.Context().Done():
				return
			}
		}
	})
	mux.HandleFunc("/redirect/{n}", func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscan(r.PathValue("n"), &n)
		if n == 0 {
			http.Redirect(w, r, "/page", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/redirect/%d", n-1), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.com/x", http.StatusFound)
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	c := testClient(Config{MaxBytes: 1 << 20, Timeout: 300 * time.Millisecond, MaxRedirects: 3})
	tests := []struct {
		path    string
		accept  []string
		want    error
		wantMsg string
		final   string
	}{
		{path: "/page", accept: html, final: "/page"},
		{path: "/private/x", accept: html, want: ErrRobots},
		{path: "/private/ok", accept: html, final: "/private/ok"},
		{path: "/image", accept: html, want: ErrContentType},
		{path: "/image", final: "/image"},
		{path: "/big", accept: html, want: ErrTooLarge},
		{path: "/endless", accept: html, want: ErrTooLarge},
		{path: "/slow", accept: html, wantMsg: "Timeout"},
		{path: "/drip", accept: html, wantMsg: "Timeout"},
		{path: "/redirect/2", accept: html, final: "/page"},
		{path: "/redirect/5", accept: html, want: ErrRedirects},
		{path: "/ftp", accept: html, wantMsg: "only http and https"},
		{path: "/gone", accept: html, wantMsg: "status 410"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			start := time.Now()
			resp, err := c.Get(context.Background(), srv.URL+tt.path, tt.accept, Validators{})
			if time.Since(start) > 2*time.Second {
				t.Errorf("took %s", time.Since(start))
			}
			switch {
			case tt.want != nil:
				if !errors.Is(err, tt.want) {
					t.Fatalf("err = %v, want %v", err, tt.want)
				}
			case tt.wantMsg != "":
				if err == nil || !strings.Contains(err.Error(), tt.wantMsg) {
					t.Fatalf("err = %v, want one saying %q", err, tt.wantMsg)
				}
			case err != nil:
				t.Fatal(err)
			default:
				if resp.URL != srv.URL+tt.final {
					t.Errorf("final URL %s, want %s", resp.URL, srv.URL+tt.final)
				}
			}
		})
	}
	if n := slowHits.Load(); n != 1 {
		t.Errorf("slow server asked %d times, want once (a timeout is not retried at once)", n)
	}
}

func TestRefusesPrivateAddresses(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "x") }))
	defer srv.Close()
	c := New(Config{Delay: -1, Retries: -1})
	u, _ := url.Parse(srv.URL)
	for _, target := range []string{srv.URL + "/", "http://localhost:" + u.Port() + "/"} {
		_, err := c.Get(context.Background(), target, nil, Validators{})
		if !errors.Is(err, ErrPrivate) {
			t.Errorf("%s: err = %v, want %v", target, err, ErrPrivate)
		}
	}
}

func TestPublic(t *testing.T) {
	tests := map[string]bool{
		"8.8.8.8": true, "2606:4700::1111": true, "127.0.0.1": false, "10.1.2.3": false, "172.16.0.1": false,
		"192.168.1.1": false, "169.254.169.254": false, "100.64.0.1": false, "0.0.0.0": false, "::1": false,
		"fe80::1": false, "fc00::1": false, "::ffff:127.0.0.1": false, "224.0.0.1": false,
	}
	for a, want := range tests {
		if got := Public(netip.MustParseAddr(a)); got != want {
			t.Errorf("Public(%s) = %v, want %v", a, got, want)
		}
	}
}

func TestConditionalGet(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		hits.Add(1)
		if r.Header.Get("If-None-Match") == `"v1"` || r.Header.Get("If-Modified-Since") == "Mon, 01 Jan 2024 00:00:00 GMT" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT")
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, "<rss/>")
	}))
	defer srv.Close()
	c := testClient(Config{})
	feed := []string{"application/rss+xml"}
	r1, err := c.Get(context.Background(), srv.URL+"/feed", feed, Validators{})
	if err != nil || r1.NotModified || string(r1.Body) != "<rss/>" {
		t.Fatalf("first: %+v, %v", r1, err)
	}
	for _, v := range []Validators{r1.Validators, {ETag: r1.Validators.ETag}, {LastModified: r1.Validators.LastModified}} {
		r2, err := c.Get(context.Background(), srv.URL+"/feed", feed, v)
		if err != nil || !r2.NotModified || len(r2.Body) != 0 {
			t.Fatalf("with %+v: %+v, %v", v, r2, err)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/busy":
			if hits.Add(1) == 1 {
				w.Header().Set("Retry-After", "1")
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<p>now</p>")
		case "/later":
			w.Header().Set("Retry-After", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat))
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/always":
			w.WriteHeader(http.StatusTooManyRequests)
		}
	}))
	defer srv.Close()
	c := testClient(Config{Retries: 2})
	start := time.Now()
	resp, err := c.Get(context.Background(), srv.URL+"/busy", html, Validators{})
	if err != nil || string(resp.Body) != "<p>now</p>" {
		t.Fatalf("%+v, %v", resp, err)
	}
	if d := time.Since(start); d < time.Second {
		t.Errorf("retried after %s, before the Retry-After of 1 s", d)
	}
	var re *RetryError
	_, err = c.Get(context.Background(), srv.URL+"/later", html, Validators{})
	if !errors.As(err, &re) || re.After < 59*time.Minute {
		t.Errorf("err = %v, want a RetryError of about an hour", err)
	}
	_, err = c.Get(context.Background(), srv.URL+"/always", html, Validators{})
	if !errors.As(err, &re) || re.Status != 429 {
		t.Errorf("err = %v, want a RetryError with status 429", err)
	}
}

func TestPoliteness(t *testing.T) {
	var times []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: sitrep\nCrawl-delay: 0.3\n")
			return
		}
		times = append(times, time.Now())
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "x")
	}))
	defer srv.Close()
	c := testClient(Config{Delay: 100 * time.Millisecond})
	for range 3 {
		if _, err := c.Get(context.Background(), srv.URL+"/a", html, Validators{}); err != nil {
			t.Fatal(err)
		}
	}
	for i := 1; i < len(times); i++ {
		if d := times[i].Sub(times[i-1]); d < 290*time.Millisecond {
			t.Errorf("requests %d and %d %s apart, want the Crawl-delay of 300ms", i-1, i, d)
		}
	}
}

func TestRobotsUnreachable(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		fmt.Fprint(w, "x")
	}))
	defer srv.Close()
	_, err := testClient(Config{}).Get(context.Background(), srv.URL+"/a", nil, Validators{})
	if !errors.Is(err, ErrRobots) {
		t.Errorf("err = %v, want %v (a robots.txt answering 500 disallows all)", err, ErrRobots)
	}
}

func TestRobotsRules(t *testing.T) {
	txt := `# comment
User-agent: *
Disallow: /search
Disallow: /*.pdf$
Allow: /search/about

User-agent: sitrep
User-agent: other
Disallow: /nosit
Crawl-delay: 5
`
	r := parseRobots([]byte(txt), "sitrep/0.1 (+x)")
	star := parseRobots([]byte(txt), "curl/8")
	tests := []struct {
		r    *robots
		path string
		want bool
	}{
		{r, "/nosit/a", false}, {r, "/search", true}, {r, "/", true},
		{star, "/search?q=x", false}, {star, "/search/about", true}, {star, "/a/b.pdf", false}, {star, "/a/b.pdf?x", true},
		{star, "/nosit", true}, {star, "/robots.txt", true},
	}
	for _, tt := range tests {
		u, _ := url.Parse("http://h" + tt.path)
		if got := tt.r.allows(u); got != tt.want {
			t.Errorf("allows(%s) = %v, want %v", tt.path, got, tt.want)
		}
	}
	if r.delay != 5*time.Second {
		t.Errorf("crawl delay %s, want 5s", r.delay)
	}
}

func FuzzRobots(f *testing.F) {
	f.Add([]byte("User-agent: *\nDisallow: /a*b$\nCrawl-delay: 1e9\n"), "/a/xb")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		r := parseRobots(data, "sitrep")
		u := &url.URL{Path: path}
		r.allows(u)
		if r.delay > time.Hour {
			t.Fatalf("delay %s over the cap", r.delay)
		}
	})
}

func TestRetryAfterHeader(t *testing.T) {
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := map[string]time.Duration{
		"120": 2 * time.Minute, "": 0, "-5": 0, "soon": 0,
		"Mon, 01 Jan 2024 00:00:30 GMT": 30 * time.Second, "Sun, 31 Dec 2023 00:00:00 GMT": 0,
	}
	for v, want := range tests {
		if got := retryAfter(v, now); got != want {
			t.Errorf("retryAfter(%q) = %s, want %s", v, got, want)
		}
	}
}
