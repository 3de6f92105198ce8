package webtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/web"
)

// demoResults runs the pipeline over the shipped sample articles.
func demoResults(t *testing.T) []*sitrep.Result {
	t.Helper()
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var out []*sitrep.Result
	ctx := context.Background()
	err = ingest.NewReader(ingest.Options{}, nil).Read(ctx, []string{"../../examples"}, func(it ingest.Item) error {
		if it.Err != nil {
			return fmt.Errorf("examples: %v", it.Err)
		}
		res, err := p.Process(ctx, it.Article)
		if err != nil {
			return err
		}
		res.Text = it.Article.Text
		out = append(out, res)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// fakeAPI answers the API's endpoints from results held in memory, with
// the JSON shapes of internal/store, for testing the UI alone.
type fakeAPI struct {
	results []*sitrep.Result
	events  []store.EventRecord // newest first
	byID    map[string]*sitrep.Result
}

func newFakeAPI(results []*sitrep.Result) http.Handler {
	f := &fakeAPI{results: results, byID: map[string]*sitrep.Result{}}
	for _, r := range results {
		f.byID[r.Article.ID] = r
		for i, ev := range r.Events {
			f.events = append(f.events, store.EventRecord{ID: fmt.Sprintf("%s-%d", r.Article.ID, i), ArticleID: r.Article.ID, Event: ev})
		}
	}
	slices.SortStableFunc(f.events, func(a, b store.EventRecord) int {
		return strings.Compare(b.Date, a.Date)
	})
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/events", f.list)
	mux.HandleFunc("GET /api/events/{id}", f.event)
	mux.HandleFunc("GET /api/articles/{id}", f.article)
	mux.HandleFunc("GET /api/actors", f.actors)
	mux.HandleFunc("GET /api/timeline", f.timeline)
	mux.HandleFunc("GET /api/stats", f.stats)
	mux.Handle("GET /", http.FileServerFS(web.Assets()))
	return mux
}

func reply(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func (f *fakeAPI) match(r *http.Request) []store.EventRecord {
	q := r.URL.Query()
	var out []store.EventRecord
	for _, e := range f.events {
		switch {
		case q.Get("root") != "" && e.Root != q.Get("root"),
			q.Get("quad") != "" && strconv.Itoa(e.QuadClass) != q.Get("quad"),
			q.Get("from") != "" && e.Date < q.Get("from"),
			q.Get("to") != "" && e.Date > q.Get("to"),
			q.Get("modality") != "" && e.Modality != q.Get("modality"),
			q.Get("plover") != "" && e.PLOVER != q.Get("plover"):
			continue
		}
		out = append(out, e)
	}
	return out
}

func (f *fakeAPI) list(w http.ResponseWriter, r *http.Request) {
	evs := f.match(r)
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 {
		limit = 100
	}
	off, _ := strconv.Atoi(r.URL.Query().Get("cursor"))
	page := store.Page{Events: []store.EventRecord{}}
	if off < len(evs) {
		end := min(off+limit, len(evs))
		page.Events = evs[off:end]
		if end < len(evs) {
			page.Next = strconv.Itoa(end)
		}
	}
	reply(w, page)
}

func (f *fakeAPI) event(w http.ResponseWriter, r *http.Request) {
	for _, e := range f.events {
		if e.ID == r.PathValue("id") {
			a := f.byID[e.ArticleID].Article
			reply(w, struct {
				store.EventRecord
				Article *sitrep.Article `json:"article"`
			}{e, a})
			return
		}
	}
	http.NotFound(w, r)
}

func (f *fakeAPI) article(w http.ResponseWriter, r *http.Request) {
	res, ok := f.byID[r.PathValue("id")]
	if !ok {
		http.NotFound(w, r)
		return
	}
	reply(w, res)
}

func (f *fakeAPI) actors(w http.ResponseWriter, r *http.Request) {
	counts := map[string]*store.ActorCount{}
	add := func(code string, source bool) {
		if code == "" {
			return
		}
		c := counts[code]
		if c == nil {
			c = &store.ActorCount{Actor: code}
			counts[code] = c
		}
		if source {
			c.Source++
		} else {
			c.Target++
		}
		c.Total++
	}
	for _, e := range f.match(r) {
		add(e.Source.Actor, true)
		if e.Target != nil {
			add(e.Target.Actor, false)
		}
	}
	out := []store.ActorCount{}
	for _, c := range counts {
		out = append(out, *c)
	}
	reply(w, out)
}

func (f *fakeAPI) timeline(w http.ResponseWriter, r *http.Request) {
	byStart := map[string]*store.Bucket{}
	for _, e := range f.match(r) {
		d, err := time.Parse("2006-01-02", e.Date)
		if err != nil {
			continue
		}
		switch r.URL.Query().Get("interval") {
		case "month":
			d = time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC)
		case "week":
			d = d.AddDate(0, 0, -(int(d.Weekday())+6)%7)
		}
		k := d.Format("2006-01-02")
		b := byStart[k]
		if b == nil {
			b = &store.Bucket{Start: k}
			byStart[k] = b
		}
		b.Count++
		if e.QuadClass >= 1 && e.QuadClass <= 4 {
			b.ByQuad[e.QuadClass-1]++
		}
	}
	out := []store.Bucket{}
	for _, b := range byStart {
		out = append(out, *b)
	}
	slices.SortFunc(out, func(a, b store.Bucket) int { return strings.Compare(a.Start, b.Start) })
	reply(w, out)
}

func (f *fakeAPI) stats(w http.ResponseWriter, r *http.Request) {
	evs := f.match(r)
	s := store.Stats{Events: len(evs)}
	arts := map[string]bool{}
	for _, e := range evs {
		arts[e.ArticleID] = true
		if s.FirstDate == "" || e.Date < s.FirstDate {
			s.FirstDate = e.Date
		}
		s.LastDate = max(s.LastDate, e.Date)
	}
	s.Articles = len(arts)
	reply(w, s)
}
