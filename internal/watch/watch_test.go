package watch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/fetch"
)

// site is a test news site: a feed of items and their pages.
type site struct {
	mu       sync.Mutex
	items    []string // item paths in the feed, newest last
	etag     string
	feedHits int
	status   map[string]int // page path -> status to answer
	retry    string         // Retry-After of the feed, when set: answers 429
}

func (s *site) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.feedHits++
		if s.retry != "" {
			w.Header().Set("Retry-After", s.retry)
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		if r.Header.Get("If-None-Match") == s.etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", s.etag)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Test</title>`)
		for i, p := range s.items {
			date := fmt.Sprintf("Mon, %02d Jan 2024 10:00:00 +0000", i+1)
			if i == 1 {
				date = "the day before yesterday"
			}
			fmt.Fprintf(w, "<item><title>Item %s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate></item>", p, p, p, date)
			if i == 0 { // the same item twice in one document
				fmt.Fprintf(w, "<item><title>Item %s</title><link>%s</link><guid>%s</guid></item>", p, p, p)
			}
		}
		fmt.Fprint(w, `</channel></rss>`)
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		code := s.status[r.URL.Path]
		s.mu.Unlock()
		if code != 0 {
			w.WriteHeader(code)
			return
		}
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprintf(w, `<html><head><title>Story %[1]s</title><link rel="canonical" href="https://site.example%[1]s"></head>
<body><nav>Home</nav><article><p>Police said a convoy was attacked near the border on Monday, story %[1]s.</p></article></body></html>`, r.URL.Path)
	})
	return mux
}

// sink stores articles in memory, counting each id.
type sink struct {
	mu   sync.Mutex
	seen map[string]int
	fail string // an origin whose storing fails
}

func (k *sink) handle(_ context.Context, a *sitrep.Article) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.fail != "" && strings.HasSuffix(a.Origin, k.fail) {
		return errors.New("disk full")
	}
	if k.seen == nil {
		k.seen = map[string]int{}
	}
	k.seen[a.URL]++
	return nil
}

func (k *sink) urls() []string {
	k.mu.Lock()
	defer k.mu.Unlock()
	var out []string
	for u, n := range k.seen {
		if n != 1 {
			out = append(out, fmt.Sprintf("%s x%d", u, n))
		} else {
			out = append(out, u)
		}
	}
	sort.Strings(out)
	return out
}

func runOnce(t *testing.T, feedURL, state string, k *sink) (Stats, error) {
	t.Helper()
	c := fetch.New(fetch.Config{AllowPrivate: true, Delay: -1, Backoff: time.Millisecond, Retries: 1})
	w, err := New(Config{Feeds: []string{feedURL}, StatePath: state, Once: true}, c, k.handle, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = w.Run(context.Background())
	return w.Stats(), err
}

func TestWatch(t *testing.T) {
	s := &site{items: []string{"/a", "/b", "/gone", "/flaky", "/private/x"}, etag: `"1"`, status: map[string]int{"/gone": 404, "/flaky": 500}}
	srv := httptest.NewServer(s.handler())
	defer srv.Close()
	for i := range s.items {
		s.items[i] = srv.URL + s.items[i]
	}
	state := filepath.Join(t.TempDir(), "watch.json")
	k := &sink{}

	st, err := runOnce(t, srv.URL+"/feed", state, k)
	if err != nil {
		t.Fatal(err)
	}
	want := "[https://site.example/a https://site.example/b]"
	if fmt.Sprint(k.urls()) != want || st.Stored != 2 || st.Failed != 3 {
		t.Fatalf("first poll: %v, %+v; want %s", k.urls(), st, want)
	}

	// Unchanged feed: a conditional GET, nothing fetched.
	st, err = runOnce(t, srv.URL+"/feed", state, k)
	if err != nil || st.NotModified != 1 || st.Stored != 0 {
		t.Fatalf("second poll: %+v, %v", st, err)
	}

	// A new item, and the flaky page now works: both are taken, nothing
	// else again.
	s.mu.Lock()
	s.items = append(s.items, srv.URL+"/c")
	s.etag = `"2"`
	delete(s.status, "/flaky")
	s.mu.Unlock()
	st, err = runOnce(t, srv.URL+"/feed", state, k)
	if err != nil {
		t.Fatal(err)
	}
	want = "[https://site.example/a https://site.example/b https://site.example/c https://site.example/flaky]"
	if fmt.Sprint(k.urls()) != want || st.Stored != 2 {
		t.Fatalf("third poll: %v, %+v; want %s", k.urls(), st, want)
	}
}

// TestWatchStoreFailure: an item whose storing fails is not marked, and
// the next run takes it (and only it).
func TestWatchStoreFailure(t *testing.T) {
	s := &site{items: []string{"/a", "/b", "/c"}, etag: `"1"`}
	srv := httptest.NewServer(s.handler())
	defer srv.Close()
	for i := range s.items {
		s.items[i] = srv.URL + s.items[i]
	}
	state := filepath.Join(t.TempDir(), "watch.json")
	k := &sink{fail: "/b"}
	if _, err := runOnce(t, srv.URL+"/feed", state, k); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v, want the store's", err)
	}
	k.fail = ""
	s.mu.Lock()
	s.etag = `"2"` // the validators were not saved either way
	s.mu.Unlock()
	if _, err := runOnce(t, srv.URL+"/feed", state, k); err != nil {
		t.Fatal(err)
	}
	if want := "[https://site.example/a https://site.example/b https://site.example/c]"; fmt.Sprint(k.urls()) != want {
		t.Fatalf("stored %v, want %s", k.urls(), want)
	}
}

// TestWatchBackoff: a feed answering 429 is polled again after its
// Retry-After, not before.
func TestWatchBackoff(t *testing.T) {
	s := &site{items: []string{"/a"}, etag: `"1"`, retry: "7200"}
	srv := httptest.NewServer(s.handler())
	defer srv.Close()
	state := filepath.Join(t.TempDir(), "watch.json")
	st, err := runOnce(t, srv.URL+"/feed", state, &sink{})
	if err != nil || st.FeedErrors != 1 {
		t.Fatalf("%+v, %v", st, err)
	}
	saved, err := Load(state)
	if err != nil {
		t.Fatal(err)
	}
	fs := saved.Feeds[srv.URL+"/feed"]
	if d := time.Until(fs.NextPoll); d < 119*time.Minute || fs.Failures != 1 {
		t.Errorf("next poll in %s after %d failures, want 2 h", d, fs.Failures)
	}
}

// TestRunStopsOnCancel: a long-running watcher returns when cancelled.
func TestRunStopsOnCancel(t *testing.T) {
	s := &site{items: []string{"/a"}, etag: `"1"`}
	srv := httptest.NewServer(s.handler())
	defer srv.Close()
	c := fetch.New(fetch.Config{AllowPrivate: true, Delay: -1})
	k := &sink{}
	w, err := New(Config{Feeds: []string{srv.URL + "/feed"}, StatePath: filepath.Join(t.TempDir(), "s.json"), Interval: time.Hour}, c, k.handle, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- w.Run(ctx) }()
	deadline := time.Now().Add(5 * time.Second)
	for len(k.urls()) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	if len(k.urls()) != 1 {
		t.Errorf("stored %v", k.urls())
	}
}

func TestLoadBadState(t *testing.T) {
	p := filepath.Join(t.TempDir(), "s.json")
	for _, data := range []string{"{bad", `{"version":99}`} {
		if err := writeFile(p, data); err != nil {
			t.Fatal(err)
		}
		if _, err := Load(p); err == nil {
			t.Errorf("Load(%q) succeeded", data)
		}
	}
}

func writeFile(p, s string) error { return os.WriteFile(p, []byte(s), 0o644) }
