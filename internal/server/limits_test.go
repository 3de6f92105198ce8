package server

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

func TestHostAllowList(t *testing.T) {
	srv := newTestServer(t, newMemStore(fixture()...), WithAllowedHosts("localhost", "127.0.0.1", "[::1]"))
	for _, tt := range []struct {
		host string
		want int
	}{
		{"", http.StatusOK}, // the test server's own address, 127.0.0.1:port
		{"localhost:8080", http.StatusOK},
		{"LOCALHOST", http.StatusOK},
		{"[::1]:8080", http.StatusOK},
		{"attacker.example:8080", http.StatusForbidden},
		{"127.0.0.1.attacker.example", http.StatusForbidden},
	} {
		req, err := http.NewRequest(http.MethodGet, srv.URL+"/api/stats", nil)
		if err != nil {
			t.Fatal(err)
		}
		if tt.host != "" {
			req.Host = tt.host
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tt.want {
			t.Errorf("Host %q: status %d, want %d", tt.host, resp.StatusCode, tt.want)
		}
	}
}

func TestNoDirectoryListing(t *testing.T) {
	assets := fstest.MapFS{
		"index.html":       {Data: []byte("<!doctype html><title>sitrep</title>")},
		"vendor/lib.js":    {Data: []byte("// lib")},
		"docs/index.html":  {Data: []byte("<!doctype html><title>docs</title>")},
		"vendor/sub/a.css": {Data: []byte("a{}")},
	}
	srv := newTestServer(t, newMemStore(), WithAssets(assets))
	for path, want := range map[string]int{
		"/":              http.StatusOK,
		"/vendor/":       http.StatusNotFound,
		"/vendor":        http.StatusNotFound,
		"/vendor/sub/":   http.StatusNotFound,
		"/vendor/lib.js": http.StatusOK,
		"/docs/":         http.StatusOK,
	} {
		resp := get(t, srv, path, nil)
		if resp.StatusCode != want {
			t.Errorf("GET %s: status %d, want %d", path, resp.StatusCode, want)
		}
	}
}

// withBackground is the fixture plus an article whose one event is
// recounted as history.
func withBackground() []*sitrep.Result {
	rs := fixture()
	text := "The country split in 1949."
	rs = append(rs, &sitrep.Result{
		Article: &sitrep.Article{ID: "hist-4", Published: "2024-06-03", Title: "History", Text: text},
		Events: []sitrep.Event{{CAMEO: "190", Root: "19", QuadClass: 4, PLOVER: "ASSAULT", Date: "1949", DatePrecision: sitrep.Year,
			DateReason: "clause", Source: sitrep.EventActor{Text: "The country", Actor: "---"}, Modality: sitrep.Asserted,
			Evidence: sitrep.Evidence{Sentence: text, End: len(text)}, Background: true}},
	})
	return rs
}

func TestBackgroundFilter(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := store.PutAll(ctx, st, withBackground()); err != nil {
		t.Fatal(err)
	}
	for _, s := range []store.Store{st, newMemStore(withBackground()...)} {
		srv := newTestServer(t, s)
		for _, tt := range []struct {
			query string
			want  int
		}{
			{"", 6},
			{"background=exclude", 6},
			{"background=include", 7},
			{"background=only", 1},
			{"background=only&root=19", 1},
		} {
			var page struct{ Events []store.EventRecord }
			if resp := get(t, srv, "/api/events?"+tt.query, &page); resp.StatusCode != http.StatusOK {
				t.Fatalf("%s: status %d", tt.query, resp.StatusCode)
			}
			if len(page.Events) != tt.want {
				t.Errorf("%T %s: %d events, want %d", s, tt.query, len(page.Events), tt.want)
			}
			var stats store.Stats
			get(t, srv, "/api/stats?"+tt.query, &stats)
			if stats.Events != tt.want {
				t.Errorf("%T stats %s: %d events, want %d", s, tt.query, stats.Events, tt.want)
			}
		}
		var e apiError
		if resp := get(t, srv, "/api/events?background=yes", &e); resp.StatusCode != http.StatusBadRequest || e.Param != "background" {
			t.Errorf("background=yes: status %d, %+v", resp.StatusCode, e)
		}
	}
}

// TestCacheFollowsData checks that cached answers are served until the
// data change, and never after.
func TestCacheFollowsData(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rs := fixture()
	if _, err := store.PutAll(ctx, st, rs[:2]); err != nil {
		t.Fatal(err)
	}
	srv := newTestServer(t, st)
	count := func(path string) int {
		t.Helper()
		var page struct{ Events []store.EventRecord }
		get(t, srv, path, &page)
		return len(page.Events)
	}
	a, b := count("/api/events?limit=50&sort=date"), count("/api/events?sort=date&limit=50")
	if a != 5 || b != 5 {
		t.Fatalf("%d and %d events, want 5", a, b)
	}
	if _, err := st.Put(ctx, rs[2]); err != nil {
		t.Fatal(err)
	}
	if n := count("/api/events?limit=50&sort=date"); n != 6 {
		t.Errorf("after a put: %d events, want 6 (a stale cached answer?)", n)
	}
	var e apiError
	for range 2 {
		if resp := get(t, srv, "/api/events?root=99", &e); resp.StatusCode != http.StatusBadRequest {
			t.Errorf("an error answer came back with status %d", resp.StatusCode)
		}
	}
}

func TestExportRowCap(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store) {
		srv := newTestServer(t, st, WithExportMaxRows(4), WithExportPageSize(3))
		var ids []string
		cursor := ""
		for round := 0; ; round++ {
			resp, err := srv.Client().Get(srv.URL + "/api/export?format=jsonl&cursor=" + cursor)
			if err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(resp.Body)
			n := 0
			for sc.Scan() {
				var id struct{ ID string }
				if err := json.Unmarshal(sc.Bytes(), &id); err != nil {
					t.Fatal(err)
				}
				ids = append(ids, id.ID)
				n++
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if n > 4 {
				t.Fatalf("round %d: %d events, cap 4", round, n)
			}
			cursor = resp.Trailer.Get(trailerNext)
			if truncated := resp.Trailer.Get(trailerTruncated) == "true"; truncated != (cursor != "") {
				t.Fatalf("round %d: trailers %v", round, resp.Trailer)
			}
			if cursor == "" {
				break
			}
			if round > 3 {
				t.Fatal("export never ends")
			}
		}
		if got := strings.Join(ids, ","); len(ids) != 6 || strings.Count(got, "kabul-1:") != 3 {
			t.Errorf("events over two exports: %s", got)
		}
	})
}
