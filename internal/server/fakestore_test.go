package server

import (
	"cmp"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"iter"
	"net/url"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/cameo"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/postgres"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

// memStore is an in-memory store.Store that applies every filter by brute
// force; it stands in for the real backends in handler tests.
type memStore struct {
	mu       sync.Mutex
	articles map[string]*sitrep.Result
	order    []string // article ids in insertion order
	queries  []store.Query
	// failEvents makes Events fail from the given call on (1-based), 0 never.
	failEvents int
	calls      int
	linked     *sitrep.Situations
}

func newMemStore(results ...*sitrep.Result) *memStore {
	s := &memStore{articles: make(map[string]*sitrep.Result)}
	for _, r := range results {
		if _, err := s.Put(context.Background(), r); err != nil {
			panic(err)
		}
	}
	return s
}

func (s *memStore) Put(_ context.Context, res *sitrep.Result) (store.PutOutcome, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if res.Article == nil || res.Article.ID == "" {
		return 0, errors.New("memstore: no article id")
	}
	id := res.Article.ID
	if _, ok := s.articles[id]; ok {
		s.articles[id] = res
		return store.Updated, nil
	}
	s.articles[id] = res
	s.order = append(s.order, id)
	return store.Inserted, nil
}

func (s *memStore) Article(_ context.Context, id string) (*sitrep.Result, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.articles[id]
	if !ok {
		return nil, store.ErrNotFound
	}
	cp := *r
	return &cp, nil
}

func eventID(articleID string, i int) string { return fmt.Sprintf("%s:%d", articleID, i) }

func (s *memStore) Event(_ context.Context, id string) (*store.EventRecord, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, aid := range s.order {
		for i, ev := range s.articles[aid].Events {
			if eventID(aid, i) == id {
				return &store.EventRecord{ID: id, ArticleID: aid, Event: ev}, nil
			}
		}
	}
	return nil, store.ErrNotFound
}

func (s *memStore) match(q store.Query) []store.EventRecord {
	var out []store.EventRecord
	for _, aid := range s.order {
		res := s.articles[aid]
		if q.ArticleID != "" && q.ArticleID != aid {
			continue
		}
		if q.Text != "" {
			body := strings.ToLower(res.Article.Text)
			ok := true
			for _, w := range strings.Fields(strings.ToLower(q.Text)) {
				if !strings.Contains(body, w) {
					ok = false
				}
			}
			if !ok {
				continue
			}
		}
		for i, ev := range res.Events {
			if day := store.Day(ev.Date); q.From != "" && day < q.From || q.To != "" && day > q.To {
				continue
			}
			if q.Actor != "" && !strings.HasPrefix(ev.Source.Actor, q.Actor) &&
				(ev.Target == nil || !strings.HasPrefix(ev.Target.Actor, q.Actor)) {
				continue
			}
			if q.Country != "" && (ev.Location == nil || ev.Location.Country != q.Country) {
				continue
			}
			if q.CAMEO != "" && !strings.HasPrefix(ev.CAMEO, q.CAMEO) ||
				q.Root != "" && ev.Root != q.Root ||
				q.QuadClass != 0 && ev.QuadClass != q.QuadClass ||
				q.PLOVER != "" && ev.PLOVER != q.PLOVER ||
				q.Modality != "" && ev.Modality != q.Modality ||
				ev.Confidence < q.MinConfidence ||
				q.Background == store.BackgroundExclude && ev.Background ||
				q.Background == store.BackgroundOnly && !ev.Background {
				continue
			}
			if b := q.BBox; b != nil {
				l := ev.Location
				if l == nil || l.Lon < b.MinLon || l.Lon > b.MaxLon || l.Lat < b.MinLat || l.Lat > b.MaxLat {
					continue
				}
			}
			out = append(out, store.EventRecord{ID: eventID(aid, i), ArticleID: aid, Event: ev})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date > out[j].Date
		}
		return out[i].ID > out[j].ID
	})
	if q.Sort == store.SortConfidence {
		sort.SliceStable(out, func(i, j int) bool { return out[i].Confidence > out[j].Confidence })
	}
	return out
}

func (s *memStore) Events(_ context.Context, q store.Query) (store.Page, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls++
	s.queries = append(s.queries, q)
	if s.failEvents > 0 && s.calls >= s.failEvents {
		return store.Page{}, errors.New("memstore: disk on fire")
	}
	if strings.Count(q.Text, "(") != strings.Count(q.Text, ")") {
		// Like FTS5, refuse unbalanced parentheses.
		return store.Page{}, &store.QueryError{Param: "text", Reason: "fts5: syntax error"}
	}
	all := s.match(q)
	off := 0
	if q.Cursor != "" {
		n, err := strconv.Atoi(q.Cursor)
		if err != nil || n < 0 {
			return store.Page{}, &store.QueryError{Param: "cursor", Reason: "not a cursor from a previous page", Err: store.ErrBadCursor}
		}
		off = min(n, len(all))
	}
	limit := q.Limit
	if limit == 0 {
		limit = 100
	}
	end := min(off+limit, len(all))
	p := store.Page{Events: all[off:end]}
	if end < len(all) {
		p.Next = strconv.Itoa(end)
	}
	return p, nil
}

func (s *memStore) Actors(_ context.Context, q store.Query, limit int) ([]store.ActorCount, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := map[string]*store.ActorCount{}
	get := func(a string) *store.ActorCount {
		if m[a] == nil {
			m[a] = &store.ActorCount{Actor: a}
		}
		return m[a]
	}
	for _, ev := range s.match(q) {
		if a := ev.Source.Actor; a != "" {
			get(a).Source++
			get(a).Total++
		}
		if ev.Target != nil && ev.Target.Actor != "" {
			get(ev.Target.Actor).Target++
			get(ev.Target.Actor).Total++
		}
	}
	var out []store.ActorCount
	for _, a := range m {
		out = append(out, *a)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Total != out[j].Total {
			return out[i].Total > out[j].Total
		}
		return out[i].Actor < out[j].Actor
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func (s *memStore) Timeline(_ context.Context, q store.Query, interval string) ([]store.Bucket, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m := map[string]*store.Bucket{}
	for _, ev := range s.match(q) {
		day := store.Day(ev.Date)
		if day == "" {
			continue
		}
		k := store.BucketStart(day, interval)
		if m[k] == nil {
			m[k] = &store.Bucket{Start: k}
		}
		m[k].Count++
		if ev.QuadClass >= 1 && ev.QuadClass <= 4 {
			m[k].ByQuad[ev.QuadClass-1]++
		}
	}
	var out []store.Bucket
	for _, b := range m {
		out = append(out, *b)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out, nil
}

func (s *memStore) Stats(_ context.Context, q store.Query) (store.Stats, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := store.Stats{ByRoot: map[string]int{}, ByQuad: map[int]int{}, ByPLOVER: map[string]int{}, Countries: map[string]int{}}
	arts := map[string]bool{}
	for _, ev := range s.match(q) {
		st.Events++
		arts[ev.ArticleID] = true
		if st.FirstDate == "" || ev.Date < st.FirstDate {
			st.FirstDate = ev.Date
		}
		if ev.Date > st.LastDate {
			st.LastDate = ev.Date
		}
		st.ByRoot[ev.Root]++
		st.ByQuad[ev.QuadClass]++
		if ev.PLOVER != "" {
			st.ByPLOVER[ev.PLOVER]++
		}
		if ev.Location != nil {
			st.Countries[ev.Location.Country]++
		}
	}
	st.Articles = len(arts)
	return st, nil
}

func (s *memStore) Close() error { return nil }

func (s *memStore) ArticleIDs(_ context.Context, fn func(string) error) error {
	s.mu.Lock()
	ids := slices.Clone(s.order)
	s.mu.Unlock()
	slices.SortStableFunc(ids, func(a, b string) int {
		return strings.Compare(s.articles[a].Article.Published, s.articles[b].Article.Published)
	})
	for _, id := range ids {
		if err := fn(id); err != nil {
			return err
		}
	}
	return nil
}

func (s *memStore) PutSituations(_ context.Context, out *sitrep.Situations) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.linked = out
	return nil
}

func (s *memStore) Situations(_ context.Context) ([]store.SituationSummary, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []store.SituationSummary{}
	if s.linked == nil {
		return out, nil
	}
	for _, x := range s.linked.Situations {
		out = append(out, store.SituationSummary{ID: x.ID, Title: x.Title, First: x.First, Last: x.Last,
			Articles: len(x.Articles), Events: len(x.Events)})
	}
	slices.SortFunc(out, func(a, b store.SituationSummary) int {
		return cmp.Or(strings.Compare(b.Last, a.Last), strings.Compare(a.ID, b.ID))
	})
	return out, nil
}

func (s *memStore) Situation(_ context.Context, id string) (*sitrep.Situation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.linked != nil {
		for i := range s.linked.Situations {
			if s.linked.Situations[i].ID == id {
				x := s.linked.Situations[i]
				return &x, nil
			}
		}
	}
	return nil, store.ErrNotFound
}

func (s *memStore) Duplicates(_ context.Context) ([]sitrep.Duplicate, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.linked == nil {
		return []sitrep.Duplicate{}, nil
	}
	return s.linked.Duplicates, nil
}

func (s *memStore) EventLinks(_ context.Context, ids []string) (map[string]store.EventLink, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]store.EventLink{}
	if s.linked == nil {
		return out, nil
	}
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	for _, x := range s.linked.Situations {
		for _, e := range x.Events {
			for _, m := range e.Mentions {
				if id := eventID(m.Article, m.Event); want[id] {
					out[id] = store.EventLink{LinkedEvent: e.ID, Situation: x.ID, NumMentions: e.NumMentions,
						NumSources: e.NumSources, NumArticles: e.NumArticles, Corroboration: e.Corroboration, Copy: m.Copy}
				}
			}
		}
	}
	return out, nil
}

// fixture builds three invented articles with events covering every
// filter: dates in three months, countries AF, IQ and US, several roots
// and quad classes, all four modalities, with and without target and
// location.
func fixture() []*sitrep.Result {
	ev := func(code, date, src, srcText string, tgt *sitrep.EventActor, loc *sitrep.Location, mod string, sentStart, sentEnd int, sentence string) sitrep.Event {
		c, _ := cameo.Lookup(code)
		return sitrep.Event{
			CAMEO: code, Root: c.Root, QuadClass: c.QuadClass, Goldstein: c.Goldstein, PLOVER: c.PLOVER,
			Date: date, DatePrecision: sitrep.Day, DateReason: "clause",
			Source:   sitrep.EventActor{Span: sitrep.Span{Start: sentStart, End: sentStart + len(srcText)}, Text: srcText, Actor: src},
			Target:   tgt,
			Location: loc,
			Modality: mod,
			Evidence: sitrep.Evidence{Sentence: sentence, Start: sentStart, End: sentEnd, Trigger: sitrep.Span{Start: sentStart + len(srcText) + 1, End: sentStart + len(srcText) + 7}},
			Pattern:  "test",
		}
	}
	kabul := func(place int) *sitrep.Location {
		return &sitrep.Location{Name: "Kabul", Country: "AF", Lat: 34.5281, Lon: 69.1723, Reason: "sentence", Place: place}
	}
	t1 := "Protesters marched in Kabul on Tuesday.\n\nPolice arrested twelve protesters in Kabul.\n\nThe \"US\"\tembassy, <b>\ncondemned</b> the arrests."
	a1 := &sitrep.Result{
		Article: &sitrep.Article{ID: "kabul-1", Published: "2024-05-15", Title: "Protest in Kabul", URL: "https://example.org/kabul-1", Source: "Example Wire", Text: t1},
		Places:  []sitrep.Place{{Span: sitrep.Span{Start: 22, End: 27}, Text: "Kabul", Name: "Kabul", GeonameID: 1138958, Lat: 34.5281, Lon: 69.1723, Country: "AF", Admin1: "Kabul", Feature: "P.PPLC", Resolution: "city"}},
		Events: []sitrep.Event{
			ev("141", "2024-05-14", "AFGCVL", "Protesters", nil, kabul(0), sitrep.Asserted, 0, 39, "Protesters marched in Kabul on Tuesday."),
			ev("173", "2024-05-14", "AFGCOP", "Police", &sitrep.EventActor{Span: sitrep.Span{Start: 64, End: 74}, Text: "protesters", Actor: "AFGCVL"}, kabul(-1), sitrep.Asserted, 41, 85, "Police arrested twelve protesters in Kabul."),
			ev("112", "2024-05-15", "USAGOV", "The \"US\"\tembassy", &sitrep.EventActor{Text: "Police", Actor: "AFGCOP"}, nil, sitrep.Asserted, 87, len(t1), t1[87:]),
		},
	}
	for i := range a1.Events {
		a1.Events[i].Evidence.SentenceNum = i + 1 // a sentence per paragraph
	}
	t2 := "Iraqi forces did not attack the town.\n\nThe UN warned it could withdraw."
	bag := &sitrep.Location{Name: "Baghdad", Country: "IQ", Lat: 33.3406, Lon: 44.4009, Reason: "focus", Place: -1}
	a2 := &sitrep.Result{
		Article: &sitrep.Article{ID: "iraq-2", Published: "2024-06-02", Title: "Iraq", Text: t2},
		Places:  []sitrep.Place{{Text: "Baghdad", Name: "Baghdad", GeonameID: 98182, Lat: 33.3406, Lon: 44.4009, Country: "IQ", Admin1: "Baghdad", Feature: "P.PPLC", Resolution: "city"}},
		Events: []sitrep.Event{
			ev("190", "2024-06-01", "IRQMIL", "Iraqi forces", nil, bag, sitrep.Negated, 0, 37, "Iraqi forces did not attack the town."),
			ev("138", "2024-06-02", "IGOUNOSHI", "The UN", &sitrep.EventActor{Text: "Iraqi forces", Actor: "IRQMIL"}, bag, sitrep.Hypothetical, 39, len(t2), t2[39:]),
		},
	}
	t3 := "Washington tried and failed to meet the envoys."
	a3 := &sitrep.Result{
		Article: &sitrep.Article{ID: "us-3", Published: "2023-12-31", URL: "https://example.org/us-3", Text: t3},
		Places:  []sitrep.Place{{Text: "Washington", Name: "Washington", Lat: 38.8951, Lon: -77.0364, Country: "US", Admin1: "District of Columbia", GeonameID: 4140963, Feature: "P.PPLC", Resolution: "city"}},
		Events: []sitrep.Event{
			ev("036", "2023-12", "USA", "Washington", &sitrep.EventActor{Text: "the envoys", Actor: "---GOV"},
				&sitrep.Location{Name: "Washington", Country: "US", Lat: 38.8951, Lon: -77.0364, Reason: "sentence", Place: 0}, sitrep.Failed, 0, len(t3), t3),
		},
	}
	a3.Events[0].DatePrecision = sitrep.Month
	// Confidences, with a tie (0.75) that the date breaks; us-3's event
	// has none, as before the coder set them.
	for i, c := range []float64{0.9, 0.4, 0.75} {
		a1.Events[i].Confidence = c
	}
	a2.Events[0].Confidence, a2.Events[1].Confidence = 0.2, 0.75
	a1.Entities = []sitrep.Entity{{Span: sitrep.Span{Start: 22, End: 27}, Text: "Kabul", Type: sitrep.GPE, Name: "Kabul", Ref: 1, Confidence: 0.88}}
	a1.Places[0].Confidence = 0.93
	return []*sitrep.Result{a1, a2, a3}
}

// forEachStore runs f against the fixture in the in-memory fake, in a
// real SQLite store and, when a server answers, in PostgreSQL, so the
// handlers are tested against the contract as implemented, not only as
// the fake reads it.
func forEachStore(t *testing.T, f func(t *testing.T, st store.Store)) {
	ctx := context.Background()
	t.Run("mem", func(t *testing.T) { f(t, newMemStore(fixture()...)) })
	t.Run("sqlite", func(t *testing.T) {
		st, err := sqlite.Open(ctx, ":memory:")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if _, err := store.PutAll(ctx, st, fixture()); err != nil {
			t.Fatal(err)
		}
		f(t, st)
	})
	t.Run("postgres", func(t *testing.T) {
		st := postgresStore(t)
		if _, err := store.PutAll(ctx, st, fixture()); err != nil {
			t.Fatal(err)
		}
		f(t, st)
	})
}

// postgresStore opens a PostgreSQL store in a schema of its own on the
// test server (SITREP_TEST_POSTGRES, else the local one CI runs), or
// skips when there is none and neither CI nor SITREP_TEST_POSTGRES
// promise one.
func postgresStore(t *testing.T) store.Store {
	t.Helper()
	dsn := os.Getenv("SITREP_TEST_POSTGRES")
	if dsn == "" {
		dsn = "postgres://root@127.0.0.1:5432/test?sslmode=disable"
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	admin, err := pgx.Connect(ctx, dsn)
	if err != nil {
		if os.Getenv("CI") != "" || os.Getenv("SITREP_TEST_POSTGRES") != "" {
			t.Fatalf("PostgreSQL at %s: %v", dsn, err)
		}
		t.Skipf("no PostgreSQL at %s: %v", dsn, err)
	}
	schema := "sitrep_server_test_" + strings.ToLower(rand.Text()[:12])
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+pgx.Identifier{schema}.Sanitize()); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	v := u.Query()
	v.Set("search_path", schema)
	u.RawQuery = v.Encode()
	st, err := postgres.Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		st.Close()
		ctx := context.Background()
		if _, err := admin.Exec(ctx, "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
		admin.Close(ctx)
	})
	return st
}

func (s *memStore) PutSituationsFrom(ctx context.Context, sits iter.Seq2[*sitrep.Situation, error], dups []sitrep.Duplicate) error {
	out := &sitrep.Situations{Situations: []sitrep.Situation{}, Duplicates: dups}
	for x, err := range sits {
		if err != nil {
			return err
		}
		out.Situations = append(out.Situations, *x)
	}
	return s.PutSituations(ctx, out)
}

func (s *memStore) SituationsPage(ctx context.Context, q store.SituationQuery) (store.SituationPage, error) {
	q, err := q.Check()
	if err != nil {
		return store.SituationPage{}, err
	}
	all, err := s.Situations(ctx)
	if err != nil {
		return store.SituationPage{}, err
	}
	page := store.SituationPage{Situations: []store.SituationSummary{}}
	last, id := "", ""
	if q.Cursor != "" {
		last, id, _ = store.DecodeCursor(q.Cursor)
	}
	for _, x := range all {
		if (q.From != "" && x.Last < q.From) || (q.To != "" && (x.First == "" || x.First > q.To)) ||
			(q.Cursor != "" && !(x.Last < last || (x.Last == last && x.ID > id))) {
			continue
		}
		if len(page.Situations) == q.Limit {
			page.Next = store.SituationCursor(page.Situations[q.Limit-1])
			break
		}
		page.Situations = append(page.Situations, x)
	}
	return page, nil
}
