package server

import (
	"bytes"
	"errors"
	"net/http"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/report"
	"github.com/sitrep-project/sitrep/internal/store"
)

// situationsResponse is the answer of GET /api/situations: one page, and
// the cursor of the next one ("" after the last).
type situationsResponse struct {
	Situations []store.SituationSummary `json:"situations"`
	Next       string                   `json:"next"`
}

// situationParams are the parameters of GET /api/situations.
var situationParams = []string{"from", "to", "actor", "place", "q", "limit", "cursor"}

func (s *server) situations(w http.ResponseWriter, r *http.Request) {
	p, err := newParams(r.URL.RawQuery, situationParams...)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var q report.Query
	for _, f := range []struct {
		name string
		dst  *string
	}{{"from", &q.From}, {"to", &q.To}} {
		if v, ok := p.get(f.name); ok {
			if *f.dst, err = parseDate(f.name, v); err != nil {
				s.fail(w, r, err)
				return
			}
		}
	}
	if v, ok := p.get("actor"); ok {
		if q.Actor, err = parseActor(v); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	for _, f := range []struct {
		name string
		dst  *string
	}{{"place", &q.Place}, {"q", &q.Text}} {
		if v, ok := p.get(f.name); ok {
			if v = strings.TrimSpace(v); v == "" || len(v) > maxTextLen {
				s.fail(w, r, badParam(f.name, "want 1 to %d bytes of text", maxTextLen))
				return
			}
			*f.dst = v
		}
	}
	limit, err := parseLimit(p, defaultLimit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	sq := store.SituationQuery{From: q.From, To: q.To, Limit: limit}
	sq.Cursor, _ = p.get("cursor")
	if q.Actor == "" && q.Place == "" && q.Text == "" {
		page, err := s.st.SituationsPage(r.Context(), sq)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, situationsResponse{Situations: page.Situations, Next: page.Next})
		return
	}
	// Actor, place and text read each situation whole: the store's pages
	// are read until one of the API's is full; the next page starts after
	// the last situation that went in it.
	out := make([]store.SituationSummary, 0, limit)
	next := ""
	for {
		page, err := s.st.SituationsPage(r.Context(), sq)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		for _, sum := range page.Situations {
			if len(out) == limit {
				next = store.SituationCursor(out[limit-1])
				break
			}
			// The title stands for its articles' text (q).
			sit, err := s.st.Situation(r.Context(), sum.ID)
			if err != nil {
				s.fail(w, r, err)
				return
			}
			if len(report.Find([]sitrep.Situation{*sit}, q, func(string) *sitrep.Result { return nil })) > 0 {
				out = append(out, sum)
			}
		}
		if next != "" || page.Next == "" {
			break
		}
		sq.Cursor = page.Next
	}
	writeJSON(w, http.StatusOK, situationsResponse{Situations: out, Next: next})
}

// situationResponse is the answer of GET /api/situations/{id}: the
// situation, its articles and the duplicates among them.
type situationResponse struct {
	*sitrep.Situation
	ArticleRefs []articleRef       `json:"article_refs"`
	Duplicates  []sitrep.Duplicate `json:"duplicates"`
}

func (s *server) situation(w http.ResponseWriter, r *http.Request) {
	id, ok := s.pathID(w, r)
	if !ok {
		return
	}
	sit, err := s.st.Situation(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	results, dups, err := s.situationArticles(r, sit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	resp := situationResponse{Situation: sit, ArticleRefs: []articleRef{}, Duplicates: dups}
	for _, a := range sit.Articles {
		if res := results[a]; res != nil {
			resp.ArticleRefs = append(resp.ArticleRefs, refOf(res.Article))
		}
	}
	writeJSON(w, http.StatusOK, resp)
}

// situationArticles reads a situation's articles and the duplicates among
// them.
func (s *server) situationArticles(r *http.Request, sit *sitrep.Situation) (map[string]*sitrep.Result, []sitrep.Duplicate, error) {
	results := map[string]*sitrep.Result{}
	for _, a := range sit.Articles {
		res, err := s.st.Article(r.Context(), a)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return nil, nil, err
		}
		results[a] = res
	}
	all, err := s.st.Duplicates(r.Context())
	if err != nil {
		return nil, nil, err
	}
	dups := []sitrep.Duplicate{}
	for _, d := range all {
		if results[d.Copy] != nil {
			dups = append(dups, d)
		}
	}
	return results, dups, nil
}

// reportFormats are the formats of GET /api/situations/{id}/report.
var reportFormats = map[string]string{
	"html": "text/html; charset=utf-8",
	"md":   "text/markdown; charset=utf-8",
	"pdf":  "application/pdf",
}

func (s *server) situationReport(w http.ResponseWriter, r *http.Request) {
	p, err := newParams(r.URL.RawQuery, "format")
	if err != nil {
		s.fail(w, r, err)
		return
	}
	format := "html"
	if v, ok := p.get("format"); ok {
		if _, known := reportFormats[v]; !known {
			s.fail(w, r, badParam("format", "%q is not a report format (html, md, pdf)", v))
			return
		}
		format = v
	}
	id := r.PathValue("id")
	if err := checkID("id", id); err != nil {
		s.fail(w, r, err)
		return
	}
	sit, err := s.st.Situation(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	results, dups, err := s.situationArticles(r, sit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	rep := report.Build(sit, func(id string) *sitrep.Result { return results[id] }, dups)
	rep.Generated = "sitrep, " + s.cfg.now().UTC().Format("2006-01-02 15:04 UTC")
	var buf bytes.Buffer
	switch format {
	case "md":
		err = rep.Markdown(&buf)
	case "pdf":
		err = rep.PDF(&buf)
	default:
		err = rep.HTML(&buf)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", reportFormats[format])
	if format != "html" {
		w.Header().Set("Content-Disposition", `attachment; filename="sitrep-`+id+`.`+format+`"`)
	}
	w.Write(buf.Bytes())
}
