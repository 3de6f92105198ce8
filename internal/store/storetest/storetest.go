// Package storetest is the conformance suite of store.Store: every
// backend runs it against a fresh database and must pass all of it.
//
// Input: a function opening an empty store.
// Output: test results; the expected answers come from a plain Go model
// of the same data, so the suite checks semantics, not a backend's quirks.
package storetest

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/storesql"
)

// Run runs the suite; open must return a new, empty store, which Run
// closes.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	fresh := func(t *testing.T) store.Store {
		s := open(t)
		t.Cleanup(func() {
			if err := s.Close(); err != nil {
				t.Errorf("close: %v", err)
			}
		})
		return s
	}
	loaded := func(t *testing.T) (store.Store, *model) {
		s := fresh(t)
		rs := Results(40)
		outs, err := store.PutAll(ctx, s, rs)
		if err != nil {
			t.Fatalf("put: %v", err)
		}
		for i, o := range outs {
			if o != store.Inserted {
				t.Fatalf("put %s: %v, want inserted", rs[i].Article.ID, o)
			}
		}
		return s, newModel(rs)
	}

	t.Run("RoundTrip", func(t *testing.T) { testRoundTrip(ctx, t, fresh(t)) })
	t.Run("Situations", func(t *testing.T) { testSituations(ctx, t, fresh(t)) })
	t.Run("LinkOrder", func(t *testing.T) { testLinkOrder(ctx, t, fresh(t)) })
	t.Run("Idempotent", func(t *testing.T) { testIdempotent(ctx, t, fresh(t)) })
	t.Run("Update", func(t *testing.T) { testUpdate(ctx, t, fresh(t)) })
	t.Run("Resume", func(t *testing.T) { testResume(ctx, t, fresh(t)) })
	t.Run("Version", func(t *testing.T) { testVersion(ctx, t, fresh(t)) })
	t.Run("LinkMarker", func(t *testing.T) { testLinkMarker(ctx, t, fresh(t)) })
	t.Run("NotFound", func(t *testing.T) { testNotFound(ctx, t, fresh(t)) })
	t.Run("BadQuery", func(t *testing.T) { testBadQuery(ctx, t, fresh(t)) })
	t.Run("Concurrent", func(t *testing.T) { testConcurrent(ctx, t, fresh(t)) })
	t.Run("Queries", func(t *testing.T) {
		s, m := loaded(t)
		t.Run("Filters", func(t *testing.T) { testFilters(ctx, t, s, m) })
		t.Run("Pagination", func(t *testing.T) { testPagination(ctx, t, s, m) })
		t.Run("Actors", func(t *testing.T) { testActors(ctx, t, s, m) })
		t.Run("Timeline", func(t *testing.T) { testTimeline(ctx, t, s, m) })
		t.Run("Stats", func(t *testing.T) { testStats(ctx, t, s, m) })
		t.Run("Empty", func(t *testing.T) { testEmpty(ctx, t, s) })
	})
}

// canon is the JSON of a result with its text, empty event lists as nil.
func canon(t *testing.T, r *sitrep.Result) string {
	t.Helper()
	c := *r
	c.Text = r.Article.Text
	if len(c.Events) == 0 {
		c.Events = nil
	}
	b, err := json.Marshal(&c)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func testRoundTrip(ctx context.Context, t *testing.T, s store.Store) {
	rs := Results(6)
	for _, r := range rs {
		o, err := s.Put(ctx, r)
		if err != nil || o != store.Inserted {
			t.Fatalf("put %s: %v, %v; want inserted", r.Article.ID, o, err)
		}
	}
	for _, r := range rs {
		got, err := s.Article(ctx, r.Article.ID)
		if err != nil {
			t.Fatalf("article %s: %v", r.Article.ID, err)
		}
		if got.Article.Text != r.Article.Text || got.Text != r.Article.Text {
			t.Errorf("article %s: text %q, want %q", r.Article.ID, got.Article.Text, r.Article.Text)
		}
		if g, w := canon(t, got), canon(t, r); g != w {
			t.Errorf("article %s round trip:\n got %s\nwant %s", r.Article.ID, g, w)
		}
		for i, ev := range r.Events {
			id := storesql.EventID(r.Article.ID, i)
			rec, err := s.Event(ctx, id)
			if err != nil {
				t.Fatalf("event %s: %v", id, err)
			}
			if rec.ID != id || rec.ArticleID != r.Article.ID {
				t.Errorf("event %s: ids %q %q", id, rec.ID, rec.ArticleID)
			}
			g, _ := json.Marshal(rec.Event)
			w, _ := json.Marshal(ev)
			if string(g) != string(w) {
				t.Errorf("event %s:\n got %s\nwant %s", id, g, w)
			}
		}
	}
}

func testIdempotent(ctx context.Context, t *testing.T, s store.Store) {
	rs := Results(8)
	if _, err := store.PutAll(ctx, s, rs); err != nil {
		t.Fatal(err)
	}
	before, err := s.Stats(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	// The same content read from another file is still unchanged.
	again := Results(8)
	for _, r := range again {
		r.Article.Origin = "elsewhere.jsonl:1"
	}
	outs, err := store.PutAll(ctx, s, again)
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range outs {
		if o != store.Unchanged {
			t.Errorf("re-put %s: %v, want unchanged", rs[i].Article.ID, o)
		}
	}
	if o, err := s.Put(ctx, rs[3]); err != nil || o != store.Unchanged {
		t.Errorf("single re-put: %v, %v; want unchanged", o, err)
	}
	after, err := s.Stats(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if before.Events != after.Events || before.Articles != after.Articles {
		t.Errorf("re-put changed counts: %d events %d articles, then %d, %d", before.Events, before.Articles, after.Events, after.Articles)
	}
	var n int
	for _, r := range rs {
		n += len(r.Events)
	}
	if after.Events != n {
		t.Errorf("%d events stored, want %d", after.Events, n)
	}
}

func testUpdate(ctx context.Context, t *testing.T, s store.Store) {
	k := 0
	old := result(5, &k, "")
	if _, err := s.Put(ctx, old); err != nil {
		t.Fatal(err)
	}
	if len(old.Events) != 5 {
		t.Fatalf("fixture has %d events, want 5", len(old.Events))
	}
	k = 100
	upd := result(5, &k, " It was updated.")
	upd.Events = upd.Events[:2]
	upd.Events[0].CAMEO, upd.Events[0].Root, upd.Events[0].QuadClass = "173", "17", 4
	o, err := s.Put(ctx, upd)
	if err != nil || o != store.Updated {
		t.Fatalf("put changed article: %v, %v; want updated", o, err)
	}
	got, err := s.Article(ctx, upd.Article.ID)
	if err != nil {
		t.Fatal(err)
	}
	if g, w := canon(t, got), canon(t, upd); g != w {
		t.Errorf("updated article:\n got %s\nwant %s", g, w)
	}
	for i := range 5 {
		id := storesql.EventID(upd.Article.ID, i)
		_, err := s.Event(ctx, id)
		if i < 2 && err != nil {
			t.Errorf("event %s: %v", id, err)
		}
		if i >= 2 && !errors.Is(err, store.ErrNotFound) {
			t.Errorf("event %s of the old version: %v, want not found", id, err)
		}
	}
	p, err := s.Events(ctx, store.Query{ArticleID: upd.Article.ID})
	if err != nil || len(p.Events) != 2 {
		t.Fatalf("events of the updated article: %d, %v; want 2", len(p.Events), err)
	}
	p, err = s.Events(ctx, store.Query{Root: "17"})
	if err != nil || len(p.Events) != 1 {
		t.Errorf("events with the new root: %d, %v; want 1", len(p.Events), err)
	}
	p, err = s.Events(ctx, store.Query{Text: "updated"})
	if err != nil || len(p.Events) != 2 {
		t.Errorf("full-text search for the new text: %d, %v; want 2", len(p.Events), err)
	}
	// An article that loses all its events keeps none.
	upd.Events = nil
	if o, err := s.Put(ctx, upd); err != nil || o != store.Updated {
		t.Fatalf("put without events: %v, %v; want updated", o, err)
	}
	st, err := s.Stats(ctx, store.Query{})
	if err != nil || st.Events != 0 {
		t.Errorf("after removing all events: %d events, %v", st.Events, err)
	}
}

// testResume checks the input hashes that let ingest skip articles it
// stored before: known after a put, changed with the text, "" for an
// unknown article.
func testResume(ctx context.Context, t *testing.T, s store.Store) {
	r, ok := s.(store.Resumer)
	if !ok {
		t.Skip("store keeps no input hashes")
	}
	k := 0
	res := result(3, &k, "")
	if h, err := r.InputHash(ctx, res.Article.ID); err != nil || h != "" {
		t.Fatalf("before the put: %q, %v; want \"\"", h, err)
	}
	if _, err := s.Put(ctx, res); err != nil {
		t.Fatal(err)
	}
	want := store.InputHash(res.Article)
	if h, err := r.InputHash(ctx, res.Article.ID); err != nil || h != want {
		t.Fatalf("after the put: %q, %v; want %q", h, err, want)
	}
	k = 0
	upd := result(3, &k, " It was updated.")
	if _, err := s.Put(ctx, upd); err != nil {
		t.Fatal(err)
	}
	if h, err := r.InputHash(ctx, upd.Article.ID); err != nil || h != store.InputHash(upd.Article) || h == want {
		t.Errorf("after an update: %q, %v; want %q", h, err, store.InputHash(upd.Article))
	}
}

// testLinkMarker checks that a store remembers the data version its
// situations were linked from, and that none is recorded at first.
func testLinkMarker(ctx context.Context, t *testing.T, s store.Store) {
	lm, ok := s.(store.LinkMarker)
	if !ok {
		t.Skip("store keeps no linked version")
	}
	if v, err := lm.Linked(ctx); err != nil || v != -1 {
		t.Fatalf("linked version of a new store: %d, %v; want -1", v, err)
	}
	if _, err := store.PutAll(ctx, s, Results(2)); err != nil {
		t.Fatal(err)
	}
	v, err := lm.Version(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := lm.MarkLinked(ctx, v); err != nil {
		t.Fatal(err)
	}
	if got, err := lm.Linked(ctx); err != nil || got != v {
		t.Fatalf("linked version: %d, %v; want %d", got, err, v)
	}
	if w, err := lm.Version(ctx); err != nil || w != v {
		t.Errorf("marking changed the data version: %d, %v; want %d", w, err, v)
	}
}

// testVersion checks that the data version changes with every put that
// changes the data, and only then.
func testVersion(ctx context.Context, t *testing.T, s store.Store) {
	vs, ok := s.(store.Versioner)
	if !ok {
		t.Skip("store keeps no version")
	}
	version := func() int64 {
		t.Helper()
		v, err := vs.Version(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	v0 := version()
	rs := Results(4)
	if _, err := store.PutAll(ctx, s, rs); err != nil {
		t.Fatal(err)
	}
	v1 := version()
	if v1 == v0 {
		t.Fatal("version unchanged by a put of new articles")
	}
	if _, err := store.PutAll(ctx, s, Results(4)); err != nil {
		t.Fatal(err)
	}
	if v := version(); v != v1 {
		t.Errorf("version changed from %d to %d by a put that changed nothing", v1, v)
	}
	k := 0
	if _, err := s.Put(ctx, result(1, &k, " Changed.")); err != nil {
		t.Fatal(err)
	}
	if v := version(); v == v1 {
		t.Error("version unchanged by an update")
	}
}

func testNotFound(ctx context.Context, t *testing.T, s store.Store) {
	if _, err := s.Article(ctx, "no-such-article"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article: %v, want ErrNotFound", err)
	}
	if _, err := s.Event(ctx, "no-such-article:0"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Event: %v, want ErrNotFound", err)
	}
	if _, err := s.Put(ctx, &sitrep.Result{}); err == nil {
		t.Error("Put of a result without article: no error")
	}
}

func testBadQuery(ctx context.Context, t *testing.T, s store.Store) {
	if _, err := store.PutAll(ctx, s, Results(3)); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q      store.Query
		param  string
		cursor bool
	}{
		{store.Query{Cursor: "not a cursor"}, "cursor", true},
		{store.Query{Cursor: "MTpub3BlOg"}, "cursor", true}, // well-formed base64, bad content
		{store.Query{QuadClass: 7}, "quad_class", false},
		{store.Query{From: "2020-13-01"}, "from", false},
		{store.Query{To: "yesterday"}, "to", false},
		{store.Query{From: "2020-02-01", To: "2020-01-01"}, "from", false},
		{store.Query{Root: "1"}, "root", false},
		{store.Query{CAMEO: "1a"}, "cameo", false},
		{store.Query{BBox: &store.BBox{MinLon: 0, MinLat: 10, MaxLon: 1, MaxLat: -10}}, "bbox", false},
		{store.Query{Limit: -1}, "limit", false},
		{store.Query{Text: "!!!"}, "text", false},
		{store.Query{MinConfidence: 1.5}, "min_confidence", false},
		{store.Query{Background: "yes"}, "background", false},
		{store.Query{MinConfidence: -0.1}, "min_confidence", false},
		{store.Query{Sort: "newest"}, "sort", false},
		// A cursor only continues a page in its own order.
		{store.Query{Sort: store.SortConfidence, Cursor: store.EncodeCursor("2020-01-03", "art-07b:0")}, "cursor", true},
		{store.Query{Cursor: store.EncodeConfidenceCursor(0.5, "2020-01-03", "art-07b:0")}, "cursor", true},
	}
	for _, tt := range tests {
		_, err := s.Events(ctx, tt.q)
		var qe *store.QueryError
		if !errors.As(err, &qe) || qe.Param != tt.param {
			t.Errorf("Events(%+v): %v, want a QueryError on %s", tt.q, err, tt.param)
		}
		if tt.cursor != errors.Is(err, store.ErrBadCursor) {
			t.Errorf("Events(%+v): errors.Is(ErrBadCursor) = %v", tt.q, !tt.cursor)
		}
		if tt.param == "cursor" || tt.param == "limit" {
			continue // the aggregates ignore cursors and limits
		}
		if _, err := s.Stats(ctx, tt.q); !errors.As(err, &qe) {
			t.Errorf("Stats(%+v): %v, want a QueryError", tt.q, err)
		}
	}
	var qe *store.QueryError
	if _, err := s.Timeline(ctx, store.Query{}, "year"); !errors.As(err, &qe) || qe.Param != "interval" {
		t.Errorf("Timeline(year): %v, want a QueryError on interval", err)
	}
}

func testConcurrent(ctx context.Context, t *testing.T, s store.Store) {
	rs := Results(24)
	var wg sync.WaitGroup
	errs := make(chan error, 2*len(rs))
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Every goroutine puts every article: each must end up
			// stored once, whichever goroutine wins.
			for j := range rs {
				r := rs[(j+i*5)%len(rs)]
				if _, err := s.Put(ctx, r); err != nil {
					errs <- err
				}
				if _, err := s.Events(ctx, store.Query{ArticleID: r.Article.ID}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	st, err := s.Stats(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	m := newModel(rs)
	if st.Events != len(m.events) || st.Articles != m.articles(m.events) {
		t.Errorf("after concurrent puts: %d events in %d articles, want %d in %d", st.Events, st.Articles, len(m.events), m.articles(m.events))
	}
}

// model answers queries over the fixture the slow, obvious way.
type model struct {
	events []store.EventRecord // newest first
	text   map[string]string   // article id → title and text
}

func newModel(rs []*sitrep.Result) *model {
	m := &model{text: map[string]string{}}
	for _, r := range rs {
		m.text[r.Article.ID] = r.Article.Title + "\n" + r.Article.Text
		for i, e := range r.Events {
			m.events = append(m.events, store.EventRecord{ID: storesql.EventID(r.Article.ID, i), ArticleID: r.Article.ID, Event: e})
		}
	}
	slices.SortFunc(m.events, func(a, b store.EventRecord) int {
		return cmp.Or(-cmp.Compare(store.Day(a.Date), store.Day(b.Date)), -cmp.Compare(a.ID, b.ID))
	})
	return m
}

func (m *model) match(q store.Query, e store.EventRecord) bool {
	day := store.Day(e.Date)
	target := ""
	if e.Target != nil {
		target = e.Target.Actor
	}
	loc := e.Location
	switch {
	case q.From != "" && day < q.From,
		q.To != "" && (day == "" || day > q.To),
		q.Actor != "" && !strings.HasPrefix(e.Source.Actor, q.Actor) && !strings.HasPrefix(target, q.Actor),
		q.Country != "" && (loc == nil || loc.Country != q.Country),
		q.CAMEO != "" && !strings.HasPrefix(e.CAMEO, q.CAMEO),
		q.Root != "" && e.Root != q.Root,
		q.QuadClass != 0 && e.QuadClass != q.QuadClass,
		q.PLOVER != "" && e.PLOVER != q.PLOVER,
		q.Modality != "" && e.Modality != q.Modality,
		q.MinConfidence > 0 && e.Confidence < q.MinConfidence,
		q.Background == store.BackgroundExclude && e.Background,
		q.Background == store.BackgroundOnly && !e.Background,
		q.ArticleID != "" && e.ArticleID != q.ArticleID:
		return false
	}
	if b := q.BBox; b != nil {
		if loc == nil || loc.Lat < b.MinLat || loc.Lat > b.MaxLat {
			return false
		}
		if b.MinLon <= b.MaxLon && (loc.Lon < b.MinLon || loc.Lon > b.MaxLon) {
			return false
		}
		if b.MinLon > b.MaxLon && loc.Lon < b.MinLon && loc.Lon > b.MaxLon {
			return false
		}
	}
	if q.Text != "" {
		// The fixture's queries are single words or AND-ed words.
		for _, w := range strings.Fields(q.Text) {
			if !regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(w) + `\b`).MatchString(m.text[e.ArticleID]) {
				return false
			}
		}
	}
	return true
}

// filter returns the events matching q in the order of q.Sort.
func (m *model) filter(q store.Query) []store.EventRecord {
	var out []store.EventRecord
	for _, e := range m.events {
		if m.match(q, e) {
			out = append(out, e)
		}
	}
	if q.Sort == store.SortConfidence {
		slices.SortStableFunc(out, func(a, b store.EventRecord) int { return -cmp.Compare(a.Confidence, b.Confidence) })
	}
	return out
}

func (m *model) articles(evs []store.EventRecord) int {
	seen := map[string]bool{}
	for _, e := range evs {
		seen[e.ArticleID] = true
	}
	return len(seen)
}

func ids(evs []store.EventRecord) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.ID
	}
	return out
}

// queries exercise every filter alone and a few together.
var queries = []store.Query{
	{},
	{From: "2020-01-03"},
	{To: "2020-01-03"},
	{From: "2020-01-01", To: "2020-01-31"},
	{Actor: "USA"},
	{Actor: "IRQMIL"},
	{Actor: "PAKGOV"},
	{Actor: "ZZZ"},
	{Country: "AF"},
	{Country: "US"},
	{CAMEO: "14"},
	{CAMEO: "145"},
	{CAMEO: "18"},
	{Root: "19"},
	{Root: "14"},
	{QuadClass: 1},
	{QuadClass: 4},
	{PLOVER: "PROTEST"},
	{Modality: sitrep.Negated},
	{Modality: sitrep.Hypothetical},
	{BBox: &store.BBox{MinLon: 40, MinLat: 30, MaxLon: 75, MaxLat: 40}},
	{BBox: &store.BBox{MinLon: 170, MinLat: -20, MaxLon: -170, MaxLat: -10}}, // across the antimeridian
	{Text: "earthquake"},
	{Text: "Earthquake"},
	{Text: "ceasefire"},
	{Text: "Zürich drought"},
	{Text: "nothing-like-this"},
	{ArticleID: "art-07b"},
	{Actor: "USA", QuadClass: 3},
	{Root: "14", Country: "IQ", From: "2020-01-01"},
	{Text: "election", Modality: sitrep.Asserted, Actor: "I"},
	{MinConfidence: 0.5},
	{MinConfidence: 1.0 / 3}, // inclusive
	{MinConfidence: 1},
	{Sort: store.SortDate, MinConfidence: 0.9},
	{Sort: store.SortConfidence},
	{Sort: store.SortConfidence, MinConfidence: 0.5, QuadClass: 3},
	{Background: store.BackgroundExclude},
	{Background: store.BackgroundOnly},
	{Background: store.BackgroundExclude, Sort: store.SortConfidence, Root: "14"},
}

func testFilters(ctx context.Context, t *testing.T, s store.Store, m *model) {
	if len(m.filter(store.Query{})) < 80 {
		t.Fatalf("fixture too small: %d events", len(m.events))
	}
	for _, q := range queries {
		q.Limit = store.MaxLimit
		want := ids(m.filter(q))
		p, err := s.Events(ctx, q)
		if err != nil {
			t.Errorf("Events(%s): %v", show(q), err)
			continue
		}
		if got := ids(p.Events); !slices.Equal(got, want) {
			t.Errorf("Events(%s):\n got %v\nwant %v", show(q), got, want)
		}
		if p.Next != "" {
			t.Errorf("Events(%s): next %q on the only page", show(q), p.Next)
		}
	}
	// Filters that must match something, or the test above proves little.
	for _, q := range []store.Query{{Actor: "USA"}, {Text: "earthquake"}, {Country: "AF"}, {BBox: queries[21].BBox}, {Modality: sitrep.Negated}, {CAMEO: "18"}, {MinConfidence: 1}} {
		if len(m.filter(q)) == 0 {
			t.Errorf("fixture has no event for %s", show(q))
		}
	}
}

func show(q store.Query) string {
	b := q.BBox
	q.BBox = nil
	s := fmt.Sprintf("%+v", q)
	if b != nil {
		s += fmt.Sprintf(" bbox %+v", *b)
	}
	return s
}

func testPagination(ctx context.Context, t *testing.T, s store.Store, m *model) {
	for _, q := range []store.Query{{}, {QuadClass: 3}, {Actor: "USA"}, {Text: "election"},
		{Sort: store.SortConfidence}, {Sort: store.SortConfidence, MinConfidence: 0.3, Actor: "I"}} {
		want := ids(m.filter(q))
		for _, limit := range []int{1, 7, len(want) - 1, len(want)} {
			if limit <= 0 {
				continue
			}
			q := q
			q.Limit = limit
			var got []string
			for pages := 0; ; pages++ {
				if pages > len(want)+1 {
					t.Fatalf("Events(%s): pagination does not end", show(q))
				}
				p, err := s.Events(ctx, q)
				if err != nil {
					t.Fatalf("Events(%s): %v", show(q), err)
				}
				if len(p.Events) > limit {
					t.Fatalf("Events(%s): %d events on a page", show(q), len(p.Events))
				}
				got = append(got, ids(p.Events)...)
				if p.Next == "" {
					break
				}
				q.Cursor = p.Next
			}
			if !slices.Equal(got, want) {
				t.Errorf("Events(%s) paged by %d:\n got %v\nwant %v", show(q), limit, got, want)
			}
		}
	}
	// Default and maximum page sizes.
	p, err := s.Events(ctx, store.Query{Limit: 5000})
	if err != nil || len(p.Events) != len(m.events) {
		t.Errorf("Events(limit 5000): %d events, %v; want all %d", len(p.Events), err, len(m.events))
	}
	if len(m.events) > store.DefaultLimit {
		p, err := s.Events(ctx, store.Query{})
		if err != nil || len(p.Events) != store.DefaultLimit || p.Next == "" {
			t.Errorf("Events(): %d events, next %q, %v; want %d and a cursor", len(p.Events), p.Next, err, store.DefaultLimit)
		}
	}
}

func testActors(ctx context.Context, t *testing.T, s store.Store, m *model) {
	for _, q := range []store.Query{{}, {Root: "14"}, {Actor: "IRQ"}} {
		counts := map[string]*store.ActorCount{}
		add := func(code string, src bool) {
			if code == "" || code == "---" {
				return
			}
			c := counts[code]
			if c == nil {
				c = &store.ActorCount{Actor: code}
				counts[code] = c
			}
			if src {
				c.Source++
			} else {
				c.Target++
			}
			c.Total++
		}
		for _, e := range m.filter(q) {
			add(e.Source.Actor, true)
			if e.Target != nil {
				add(e.Target.Actor, false)
			}
		}
		var want []store.ActorCount
		for _, c := range counts {
			want = append(want, *c)
		}
		slices.SortFunc(want, func(a, b store.ActorCount) int {
			return cmp.Or(-cmp.Compare(a.Total, b.Total), cmp.Compare(a.Actor, b.Actor))
		})
		for _, limit := range []int{3, 100} {
			got, err := s.Actors(ctx, q, limit)
			if err != nil {
				t.Fatalf("Actors(%s): %v", show(q), err)
			}
			w := want[:min(limit, len(want))]
			if !slices.Equal(got, w) {
				t.Errorf("Actors(%s, %d):\n got %v\nwant %v", show(q), limit, got, w)
			}
		}
	}
}

func testTimeline(ctx context.Context, t *testing.T, s store.Store, m *model) {
	for _, interval := range []string{store.IntervalDay, store.IntervalWeek, store.IntervalMonth} {
		for _, q := range []store.Query{{}, {QuadClass: 4}, {From: "2020-01-01", To: "2020-01-31"}} {
			var want []store.Bucket
			evs := m.filter(q)
			slices.Reverse(evs)
			for _, e := range evs {
				day := store.Day(e.Date)
				if day == "" {
					continue
				}
				start := store.BucketStart(day, interval)
				if len(want) == 0 || want[len(want)-1].Start != start {
					want = append(want, store.Bucket{Start: start})
				}
				b := &want[len(want)-1]
				b.Count++
				b.ByQuad[e.QuadClass-1]++
			}
			got, err := s.Timeline(ctx, q, interval)
			if err != nil {
				t.Fatalf("Timeline(%s, %s): %v", show(q), interval, err)
			}
			if !slices.Equal(got, want) {
				t.Errorf("Timeline(%s, %s):\n got %v\nwant %v", show(q), interval, got, want)
			}
		}
	}
	// Weeks start on Monday: 2020-01-03 is a Friday, 2020-01-06 a Monday.
	got, err := s.Timeline(ctx, store.Query{From: "2020-01-03", To: "2020-01-06"}, store.IntervalWeek)
	if err != nil || len(got) != 2 || got[0].Start != "2019-12-30" || got[1].Start != "2020-01-06" {
		t.Errorf("weekly timeline of 2020-01-03..06: %v, %v; want weeks of 2019-12-30 and 2020-01-06", got, err)
	}
}

func testStats(ctx context.Context, t *testing.T, s store.Store, m *model) {
	for _, q := range []store.Query{{}, {Country: "IQ"}, {Text: "drought"}, {Actor: "NOBODY"}, {MinConfidence: 0.5}} {
		evs := m.filter(q)
		want := storesql.NewStats()
		for _, e := range evs {
			country := ""
			if e.Location != nil {
				country = e.Location.Country
			}
			day := store.Day(e.Date)
			storesql.AddStats(&want, e.Root, e.QuadClass, e.PLOVER, country, 1, day, day)
		}
		want.Articles = m.articles(evs)
		got, err := s.Stats(ctx, q)
		if err != nil {
			t.Fatalf("Stats(%s): %v", show(q), err)
		}
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if string(g) != string(w) {
			t.Errorf("Stats(%s):\n got %s\nwant %s", show(q), g, w)
		}
	}
}

func testEmpty(ctx context.Context, t *testing.T, s store.Store) {
	q := store.Query{Actor: "NOBODY"}
	p, err := s.Events(ctx, q)
	if err != nil || p.Events == nil || len(p.Events) != 0 || p.Next != "" {
		t.Errorf("Events with no match: %+v, %v; want an empty, non-nil list", p, err)
	}
	a, err := s.Actors(ctx, q, 10)
	if err != nil || a == nil || len(a) != 0 {
		t.Errorf("Actors with no match: %v, %v", a, err)
	}
	b, err := s.Timeline(ctx, q, store.IntervalDay)
	if err != nil || b == nil || len(b) != 0 {
		t.Errorf("Timeline with no match: %v, %v", b, err)
	}
}
