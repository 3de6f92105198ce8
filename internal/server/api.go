package server

import (
	"errors"
	"net/http"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
)

// eventsResponse is the answer of GET /api/events. Events is never null.
type eventsResponse struct {
	Events []store.EventRecord `json:"events"`
	Next   string              `json:"next"`
}

func (s *server) events(w http.ResponseWriter, r *http.Request) {
	p, q, ok := s.filtered(w, r, "sort", "limit", "cursor")
	if !ok {
		return
	}
	if err := pageParams(p, &q); err != nil {
		s.fail(w, r, err)
		return
	}
	page, err := s.st.Events(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if page.Events == nil {
		page.Events = []store.EventRecord{}
	}
	if err := s.addLinks(r.Context(), page.Events); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, eventsResponse{Events: page.Events, Next: page.Next})
}

// articleRef is the article an event was coded from.
type articleRef struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Source    string `json:"source"`
	URL       string `json:"url"`
}

// eventResponse is the answer of GET /api/events/{id}: the event (with its
// evidence sentence and trigger) and its article.
type eventResponse struct {
	store.EventRecord
	Article articleRef `json:"article"`
}

func (s *server) event(w http.ResponseWriter, r *http.Request) {
	id, ok := s.pathID(w, r)
	if !ok {
		return
	}
	ev, err := s.st.Event(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	res, err := s.st.Article(r.Context(), ev.ArticleID)
	if errors.Is(err, store.ErrNotFound) {
		// An event without its article is a broken database, not a
		// missing event.
		s.log.Error("dangling event", "event", id, "article", ev.ArticleID)
		writeError(w, http.StatusInternalServerError, "internal error", "")
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	one := []store.EventRecord{*ev}
	if err := s.addLinks(r.Context(), one); err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, eventResponse{EventRecord: one[0], Article: refOf(res.Article)})
}

// filtered parses the filter parameters of a list endpoint, plus the
// extra parameters it takes, into a store.Query; on a bad request it has
// already answered.
func (s *server) filtered(w http.ResponseWriter, r *http.Request, extra ...string) (params, store.Query, bool) {
	p, err := newParams(r.URL.RawQuery, withFilters(extra...)...)
	if err != nil {
		s.fail(w, r, err)
		return params{}, store.Query{}, false
	}
	q, err := s.query(p)
	if err != nil {
		s.fail(w, r, err)
		return params{}, store.Query{}, false
	}
	return p, q, true
}

// pathID returns the {id} of a one-record endpoint, after checking that
// the request has no query parameters it does not take; on a bad request
// it has already answered.
func (s *server) pathID(w http.ResponseWriter, r *http.Request) (string, bool) {
	if _, err := newParams(r.URL.RawQuery); err != nil {
		s.fail(w, r, err)
		return "", false
	}
	id := r.PathValue("id")
	if err := checkID("id", id); err != nil {
		s.fail(w, r, err)
		return "", false
	}
	return id, true
}

func refOf(a *sitrep.Article) articleRef {
	if a == nil {
		return articleRef{}
	}
	return articleRef{ID: a.ID, Title: a.Title, Published: a.Published, Source: a.Source, URL: a.URL}
}

func (s *server) article(w http.ResponseWriter, r *http.Request) {
	id, ok := s.pathID(w, r)
	if !ok {
		return
	}
	res, err := s.st.Article(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	// The text travels in Result.Text, as extract --text writes it
	// (Article.Text is not marshalled).
	if res.Text == "" && res.Article != nil {
		res.Text = res.Article.Text
	}
	writeJSON(w, http.StatusOK, res)
}

// actorsResponse is the answer of GET /api/actors.
type actorsResponse struct {
	Actors []store.ActorCount `json:"actors"`
}

func (s *server) actors(w http.ResponseWriter, r *http.Request) {
	p, q, ok := s.filtered(w, r, "limit")
	if !ok {
		return
	}
	limit, err := parseLimit(p, 50)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	acs, err := s.st.Actors(r.Context(), q, limit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if acs == nil {
		acs = []store.ActorCount{}
	}
	writeJSON(w, http.StatusOK, actorsResponse{Actors: acs})
}

// timelineResponse is the answer of GET /api/timeline.
type timelineResponse struct {
	Interval string         `json:"interval"`
	Buckets  []store.Bucket `json:"buckets"`
}

func (s *server) timeline(w http.ResponseWriter, r *http.Request) {
	p, q, ok := s.filtered(w, r, "interval")
	if !ok {
		return
	}
	interval := "day"
	if v, ok := p.get("interval"); ok {
		switch v {
		case "day", "week", "month":
			interval = v
		default:
			s.fail(w, r, badParam("interval", "%q is not an interval (day, week or month)", v))
			return
		}
	}
	bs, err := s.st.Timeline(r.Context(), q, interval)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if bs == nil {
		bs = []store.Bucket{}
	}
	writeJSON(w, http.StatusOK, timelineResponse{Interval: interval, Buckets: bs})
}

func (s *server) stats(w http.ResponseWriter, r *http.Request) {
	_, q, ok := s.filtered(w, r)
	if !ok {
		return
	}
	st, err := s.st.Stats(r.Context(), q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}
