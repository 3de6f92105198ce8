package server

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/sitrep-project/sitrep/internal/store"
)

func newTestServer(t testing.TB, st store.Store, opts ...Option) *httptest.Server {
	t.Helper()
	opts = append([]Option{
		WithAssets(fstest.MapFS{"index.html": {Data: []byte("<!doctype html><title>sitrep</title>")}}),
		WithClock(func() time.Time { return time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC) }),
	}, opts...)
	srv := httptest.NewServer(New(st, slog.New(slog.DiscardHandler), opts...))
	t.Cleanup(srv.Close)
	return srv
}

// get fetches path and decodes a JSON body into v (when v is not nil).
func get(t testing.TB, srv *httptest.Server, path string, v any) *http.Response {
	t.Helper()
	resp, err := srv.Client().Get(srv.URL + path)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: read body: %v", path, err)
	}
	if v != nil {
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("GET %s: status %d, decode %q: %v", path, resp.StatusCode, body, err)
		}
	}
	return resp
}

func eventIDs(evs []store.EventRecord) []string {
	var ids []string
	for _, e := range evs {
		ids = append(ids, e.ID)
	}
	return ids
}

func TestEventsFilters(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store) {
		srv := newTestServer(t, st)
		all := []string{"iraq-2:1", "iraq-2:0", "kabul-1:2", "kabul-1:1", "kabul-1:0", "us-3:0"}
		tests := []struct {
			query string
			want  []string
		}{
			{"", all},
			{"from=2024-05-15", []string{"iraq-2:1", "iraq-2:0", "kabul-1:2"}},
			{"from=2024-05-14&to=2024-05-14", []string{"kabul-1:1", "kabul-1:0"}},
			{"actor=afgcop", []string{"kabul-1:2", "kabul-1:1"}},
			{"actor=IRQ", []string{"iraq-2:1", "iraq-2:0"}},
			{"actor=---GOV", []string{"us-3:0"}},
			{"country=iq", []string{"iraq-2:1", "iraq-2:0"}},
			{"cameo=1", []string{"iraq-2:1", "iraq-2:0", "kabul-1:2", "kabul-1:1", "kabul-1:0"}},
			{"cameo=14", []string{"kabul-1:0"}},
			{"cameo=173", []string{"kabul-1:1"}},
			{"root=19", []string{"iraq-2:0"}},
			{"quad=3", []string{"iraq-2:1", "kabul-1:2"}},
			{"quad=4&country=AF", []string{"kabul-1:1", "kabul-1:0"}},
			{"plover=protest", []string{"kabul-1:0"}},
			{"modality=negated", []string{"iraq-2:0"}},
			{"modality=failed", []string{"us-3:0"}},
			{"bbox=60,30,75,40", []string{"kabul-1:1", "kabul-1:0"}},
			{"bbox=-180,-90,180,90", []string{"iraq-2:1", "iraq-2:0", "kabul-1:1", "kabul-1:0", "us-3:0"}},
			{"q=arrested+twelve", []string{"kabul-1:2", "kabul-1:1", "kabul-1:0"}},
			{"article=us-3", []string{"us-3:0"}},
			{"article=nope", nil},
			{"limit=2", []string{"iraq-2:1", "iraq-2:0"}},
			{"min_confidence=0.5", []string{"iraq-2:1", "kabul-1:2", "kabul-1:0"}},
			{"min_confidence=0.75", []string{"iraq-2:1", "kabul-1:2", "kabul-1:0"}},
			{"min_confidence=1", nil},
			{"min_confidence=0", all},
			{"sort=date", all},
			{"sort=confidence", []string{"kabul-1:0", "iraq-2:1", "kabul-1:2", "kabul-1:1", "iraq-2:0", "us-3:0"}},
			{"sort=confidence&min_confidence=0.3&country=AF", []string{"kabul-1:0", "kabul-1:1"}},
			{"sort=confidence&limit=2", []string{"kabul-1:0", "iraq-2:1"}},
		}
		for _, tt := range tests {
			t.Run(tt.query, func(t *testing.T) {
				var got struct {
					Events []store.EventRecord `json:"events"`
					Next   *string             `json:"next"`
				}
				resp := get(t, srv, "/api/events?"+tt.query, &got)
				if resp.StatusCode != http.StatusOK {
					t.Fatalf("status %d", resp.StatusCode)
				}
				if got.Events == nil || got.Next == nil {
					t.Errorf("events and next must always be present (events=%v next=%v)", got.Events, got.Next)
				}
				if ids := eventIDs(got.Events); !slices.Equal(ids, tt.want) {
					t.Errorf("got %v, want %v", ids, tt.want)
				}
			})
		}
	})
}

func TestEventsShape(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store) {
		srv := newTestServer(t, st)
		var got struct {
			Events []map[string]any `json:"events"`
		}
		get(t, srv, "/api/events?article=kabul-1&cameo=141", &got)
		if len(got.Events) != 1 {
			t.Fatalf("got %d events", len(got.Events))
		}
		e := got.Events[0]
		// The extract shape plus id and article_id.
		for _, k := range []string{"id", "article_id", "cameo", "root", "quad_class", "goldstein", "plover", "date", "date_precision", "date_reason", "source", "target", "location", "modality", "evidence"} {
			if _, ok := e[k]; !ok {
				t.Errorf("event has no %q: %v", k, e)
			}
		}
		if e["id"] != "kabul-1:0" || e["article_id"] != "kabul-1" {
			t.Errorf("ids: %v %v", e["id"], e["article_id"])
		}
	})
}

func TestEventsPagination(t *testing.T) {
	st := newMemStore(fixture()...)
	srv := newTestServer(t, st)
	var ids []string
	cursor := ""
	for pages := 0; ; pages++ {
		if pages > 10 {
			t.Fatal("cursor never ends")
		}
		var got eventsResponse
		get(t, srv, "/api/events?limit=4&cursor="+url.QueryEscape(cursor), &got)
		if len(got.Events) > 4 {
			t.Fatalf("page of %d events with limit 4", len(got.Events))
		}
		ids = append(ids, eventIDs(got.Events)...)
		if got.Next == "" {
			break
		}
		cursor = got.Next
	}
	if len(ids) != 6 || ids[0] != "iraq-2:1" || ids[5] != "us-3:0" {
		t.Errorf("paged ids %v", ids)
	}
	if q := st.queries[len(st.queries)-1]; q.Cursor != "4" || q.Limit != 4 {
		t.Errorf("store saw %+v", q)
	}
}

func TestEventsDefaultLimit(t *testing.T) {
	st := newMemStore(fixture()...)
	srv := newTestServer(t, st)
	get(t, srv, "/api/events", nil)
	if q := st.queries[0]; q.Limit != defaultLimit {
		t.Errorf("default limit %d, want %d", q.Limit, defaultLimit)
	}
}

func TestBadParams(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store) {
		srv := newTestServer(t, st)
		tests := []struct {
			path, param string
		}{
			{"/api/events?from=2024-5-1", "from"},
			{"/api/events?from=2024-02-30", "from"},
			{"/api/events?from=yesterday", "from"},
			{"/api/events?to=20240501", "to"},
			{"/api/events?from=2024-05-02&to=2024-05-01", "to"},
			{"/api/events?actor=", "actor"},
			{"/api/events?actor=US%20A", "actor"},
			{"/api/events?actor=" + strings.Repeat("A", 65), "actor"},
			{"/api/events?country=IRQ", "country"},
			{"/api/events?country=1Q", "country"},
			{"/api/events?cameo=", "cameo"},
			{"/api/events?cameo=14a", "cameo"},
			{"/api/events?cameo=14511", "cameo"},
			{"/api/events?root=1", "root"},
			{"/api/events?root=21", "root"},
			{"/api/events?root=00", "root"},
			{"/api/events?root=ab", "root"},
			{"/api/events?quad=0", "quad"},
			{"/api/events?quad=5", "quad"},
			{"/api/events?quad=x", "quad"},
			{"/api/events?plover=DANCE", "plover"},
			{"/api/events?modality=certain", "modality"},
			{"/api/events?modality=", "modality"},
			{"/api/events?bbox=1,2,3", "bbox"},
			{"/api/events?bbox=1,2,3,4,5", "bbox"},
			{"/api/events?bbox=a,2,3,4", "bbox"},
			{"/api/events?bbox=NaN,2,3,4", "bbox"},
			{"/api/events?bbox=-181,0,10,10", "bbox"},
			{"/api/events?bbox=0,-91,10,10", "bbox"},
			{"/api/events?bbox=0,0,181,10", "bbox"},
			{"/api/events?bbox=0,0,10,91", "bbox"},
			{"/api/events?bbox=0,20,10,10", "bbox"},
			{"/api/events?bbox=170,0,-170,10", "bbox"},
			{"/api/events?q=", "q"},
			{"/api/events?q=%20%20", "q"},
			{"/api/events?q=" + strings.Repeat("x", 501), "q"},
			{"/api/events?q=%ff", "q"},
			{"/api/events?article=", "article"},
			{"/api/events?article=a%00b", "article"},
			{"/api/events?limit=0", "limit"},
			{"/api/events?limit=1001", "limit"},
			{"/api/events?limit=ten", "limit"},
			{"/api/events?limit=-1", "limit"},
			{"/api/events?cursor=%01", "cursor"},
			{"/api/events?cursor=" + strings.Repeat("c", 257), "cursor"},
			{"/api/events?cursor=garbage", "cursor"},
			{"/api/events?min_confidence=high", "min_confidence"},
			{"/api/events?min_confidence=1.5", "min_confidence"},
			{"/api/events?min_confidence=-0.1", "min_confidence"},
			{"/api/events?min_confidence=NaN", "min_confidence"},
			{"/api/events?min_confidence=", "min_confidence"},
			{"/api/events?sort=newest", "sort"},
			{"/api/events?sort=", "sort"},
			{"/api/stats?min_confidence=2", "min_confidence"},
			{"/api/stats?sort=confidence", "sort"},
			{"/api/export?format=csv&sort=size", "sort"},
			{"/api/events?q=%22open+quote", "q"},
			{"/api/events?quadclass=1", "quadclass"},
			{"/api/events?quad=1&quad=2", "quad"},
			{"/api/events?interval=day", "interval"},
			{"/api/events?%zz=1", ""},
			{"/api/events/kabul-1:0?x=1", "x"},
			{"/api/articles/kabul-1?text=1", "text"},
			{"/api/actors?limit=0", "limit"},
			{"/api/actors?limit=1001", "limit"},
			{"/api/actors?root=99", "root"},
			{"/api/actors?cursor=1", "cursor"},
			{"/api/timeline?interval=year", "interval"},
			{"/api/timeline?interval=", "interval"},
			{"/api/timeline?from=2024-13-01", "from"},
			{"/api/timeline?limit=5", "limit"},
			{"/api/stats?quad=9", "quad"},
			{"/api/stats?limit=5", "limit"},
			{"/api/export", "format"},
			{"/api/export?format=xml", "format"},
			{"/api/export?format=csv&bbox=0,0", "bbox"},
			{"/api/export?format=csv&limit=5", "limit"},
			{"/api/export?format=csv&limit=5", "limit"},
		}
		for _, tt := range tests {
			t.Run(tt.path, func(t *testing.T) {
				var got apiError
				resp := get(t, srv, tt.path, &got)
				if resp.StatusCode != http.StatusBadRequest {
					t.Errorf("status %d, want 400", resp.StatusCode)
				}
				if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
					t.Errorf("Content-Type %q", ct)
				}
				if got.Param != tt.param {
					t.Errorf("param %q, want %q (error %q)", got.Param, tt.param, got.Error)
				}
				if got.Error == "" || tt.param != "" && !strings.Contains(got.Error, tt.param) {
					t.Errorf("error %q does not name %q", got.Error, tt.param)
				}
			})
		}
	})
}

func TestStoreQueryErrorIs400(t *testing.T) {
	// The fake refuses unbalanced parentheses as SQLite's FTS5 does.
	srv := newTestServer(t, newMemStore(fixture()...))
	var got apiError
	resp := get(t, srv, "/api/events?q=%28open+paren", &got)
	if resp.StatusCode != http.StatusBadRequest || got.Param != "q" {
		t.Errorf("status %d, body %+v", resp.StatusCode, got)
	}
}

func TestEvent(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store) {
		srv := newTestServer(t, st)
		var got struct {
			store.EventRecord
			Article articleRef `json:"article"`
		}
		resp := get(t, srv, "/api/events/kabul-1:1", &got)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("status %d", resp.StatusCode)
		}
		if got.ID != "kabul-1:1" || got.ArticleID != "kabul-1" || got.CAMEO != "173" {
			t.Errorf("event %+v", got.EventRecord)
		}
		if got.Evidence.Sentence != "Police arrested twelve protesters in Kabul." || got.Evidence.Start != 41 {
			t.Errorf("evidence %+v", got.Evidence)
		}
		want := articleRef{ID: "kabul-1", Title: "Protest in Kabul", Published: "2024-05-15", Source: "Example Wire", URL: "https://example.org/kabul-1"}
		if got.Article != want {
			t.Errorf("article %+v, want %+v", got.Article, want)
		}
	})
}

func TestArticle(t *testing.T) {
	fx := fixture()
	srv := newTestServer(t, newMemStore(fx...))
	var got map[string]any
	resp := get(t, srv, "/api/articles/kabul-1", &got)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if got["text"] != fx[0].Article.Text {
		t.Errorf("text %q", got["text"])
	}
	for _, k := range []string{"article", "entities", "timexes", "captions", "quotes", "casualties", "sizes", "places", "events", "stats"} {
		if _, ok := got[k]; !ok {
			t.Errorf("article has no %q", k)
		}
	}
	if evs, _ := got["events"].([]any); len(evs) != 3 {
		t.Errorf("%d events", len(evs))
	}
}

func TestNotFound(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store) {
		srv := newTestServer(t, st)
		for _, path := range []string{"/api/events/nope", "/api/articles/nope", "/api/nothing", "/api/events/a/b"} {
			var got apiError
			resp := get(t, srv, path, &got)
			if resp.StatusCode != http.StatusNotFound || got.Error == "" {
				t.Errorf("%s: status %d, error %q", path, resp.StatusCode, got.Error)
			}
		}
	})
}

func TestMethodNotAllowed(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store) {
		srv := newTestServer(t, st)
		resp, err := srv.Client().Post(srv.URL+"/api/events", "application/json", strings.NewReader("{}"))
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("POST /api/events: status %d", resp.StatusCode)
		}
	})
}

func TestActors(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store) {
		srv := newTestServer(t, st)
		var got actorsResponse
		get(t, srv, "/api/actors?limit=2", &got)
		want := []store.ActorCount{{Actor: "AFGCOP", Source: 1, Target: 1, Total: 2}, {Actor: "AFGCVL", Source: 1, Target: 1, Total: 2}}
		if !slices.Equal(got.Actors, want) {
			t.Errorf("got %+v, want %+v", got.Actors, want)
		}
		get(t, srv, "/api/actors?country=ZZ", &got)
		if got.Actors == nil || len(got.Actors) != 0 {
			t.Errorf("no match should be an empty list, got %#v", got.Actors)
		}
	})
}

func TestTimeline(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store) {
		srv := newTestServer(t, st)
		tests := []struct {
			query string
			want  []store.Bucket
		}{
			{"", []store.Bucket{
				{Start: "2023-12-01", Count: 1, ByQuad: [4]int{1, 0, 0, 0}},
				{Start: "2024-05-14", Count: 2, ByQuad: [4]int{0, 0, 0, 2}},
				{Start: "2024-05-15", Count: 1, ByQuad: [4]int{0, 0, 1, 0}},
				{Start: "2024-06-01", Count: 1, ByQuad: [4]int{0, 0, 0, 1}},
				{Start: "2024-06-02", Count: 1, ByQuad: [4]int{0, 0, 1, 0}},
			}},
			{"interval=month&from=2024-01-01", []store.Bucket{
				{Start: "2024-05-01", Count: 3, ByQuad: [4]int{0, 0, 1, 2}},
				{Start: "2024-06-01", Count: 2, ByQuad: [4]int{0, 0, 1, 1}},
			}},
			{"interval=week&quad=4", []store.Bucket{
				{Start: "2024-05-13", Count: 2, ByQuad: [4]int{0, 0, 0, 2}},
				{Start: "2024-05-27", Count: 1, ByQuad: [4]int{0, 0, 0, 1}},
			}},
		}
		for _, tt := range tests {
			var got timelineResponse
			get(t, srv, "/api/timeline?"+tt.query, &got)
			if !slices.Equal(got.Buckets, tt.want) {
				t.Errorf("%s: got %+v, want %+v", tt.query, got.Buckets, tt.want)
			}
		}
	})
}

func TestStats(t *testing.T) {
	forEachStore(t, func(t *testing.T, st store.Store) {
		srv := newTestServer(t, st)
		var got store.Stats
		get(t, srv, "/api/stats?from=2024-01-01", &got)
		if got.Events != 5 || got.Articles != 2 || got.FirstDate != "2024-05-14" || got.LastDate != "2024-06-02" ||
			got.ByRoot["14"] != 1 || got.ByQuad[4] != 3 || got.Countries["AF"] != 2 || got.ByPLOVER["COERCE"] != 1 {
			t.Errorf("stats %+v", got)
		}
	})
}

func TestHealthzAndAssets(t *testing.T) {
	srv := newTestServer(t, newMemStore())
	var h map[string]string
	if resp := get(t, srv, "/healthz", &h); resp.StatusCode != 200 || h["status"] != "ok" {
		t.Errorf("healthz: %d %v", resp.StatusCode, h)
	}
	resp := get(t, srv, "/", nil)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("/: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Error("no X-Content-Type-Options: nosniff")
	}
}

func TestEmbeddedUI(t *testing.T) {
	srv := httptest.NewServer(New(newMemStore(), nil))
	defer srv.Close()
	resp := get(t, srv, "/", nil)
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("embedded UI: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

func TestStoreFailureIs500(t *testing.T) {
	st := newMemStore(fixture()...)
	st.failEvents = 1
	srv := newTestServer(t, st)
	for _, path := range []string{"/api/events", "/api/export?format=csv"} {
		var got apiError
		resp := get(t, srv, path, &got)
		if resp.StatusCode != http.StatusInternalServerError || got.Error != "internal error" {
			t.Errorf("%s: status %d, body %+v", path, resp.StatusCode, got)
		}
	}
}

// panicky panics in Stats, as a buggy backend might.
type panicky struct{ *memStore }

func (*panicky) Stats(context.Context, store.Query) (store.Stats, error) { panic("boom") }

func TestPanicIs500(t *testing.T) {
	st := &panicky{memStore: newMemStore(fixture()...)}
	srv := newTestServer(t, st)
	var got apiError
	resp := get(t, srv, "/api/stats", &got)
	if resp.StatusCode != http.StatusInternalServerError || got.Error != "internal error" {
		t.Errorf("status %d, body %+v", resp.StatusCode, got)
	}
	// The server is still up.
	if resp := get(t, srv, "/healthz", nil); resp.StatusCode != 200 {
		t.Errorf("healthz after panic: %d", resp.StatusCode)
	}
}

// slowStore blocks in Stats until its context ends.
type slowStore struct{ *memStore }

func (*slowStore) Stats(ctx context.Context, _ store.Query) (store.Stats, error) {
	<-ctx.Done()
	return store.Stats{}, ctx.Err()
}

func TestQueryTimeoutIs503(t *testing.T) {
	srv := newTestServer(t, &slowStore{newMemStore()}, WithQueryTimeout(20*time.Millisecond))
	var got apiError
	resp := get(t, srv, "/api/stats", &got)
	if resp.StatusCode != http.StatusServiceUnavailable || got.Error == "" {
		t.Errorf("status %d, body %+v", resp.StatusCode, got)
	}
}
