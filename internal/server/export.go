package server

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/cameo"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/text"
)

// Export limits: one export request writes at most DefaultExportMaxRows
// events (see WithExportMaxRows) within exportTimeout, and each page of
// events must reach the client within exportPageTimeout, so a client that
// stops reading cannot hold a connection and a database cursor for long.
const (
	DefaultExportMaxRows = 100_000
	exportTimeout        = 10 * time.Minute
	exportPageTimeout    = 30 * time.Second
)

// Trailers of an export cut by the row cap.
const (
	trailerTruncated = "X-Sitrep-Truncated"
	trailerNext      = "X-Sitrep-Next"
)

// exportFormat describes one export format.
type exportFormat struct {
	contentType string
	ext         string
	// needsArticles says whether the writer reads article metadata
	// (URL, publication date, place records) beside the events.
	needsArticles bool
	newWriter     func(w io.Writer) eventWriter
}

// eventWriter writes a stream of events in one format.
type eventWriter interface {
	begin() error
	// write writes one event; art holds what is known of its article.
	write(ev *store.EventRecord, art *articleMeta) error
	end() error
}

var exportFormats = map[string]exportFormat{
	"csv":            {"text/csv; charset=utf-8", "csv", false, newCSVWriter},
	"jsonl":          {"application/x-ndjson", "jsonl", false, newJSONLWriter},
	"geojson":        {"application/geo+json", "geojson", false, newGeoJSONWriter},
	"plover":         {"application/x-ndjson", "plover.jsonl", true, newPLOVERWriter},
	"gdelt":          {"text/tab-separated-values; charset=utf-8", "export.tsv", true, newGDELTWriter},
	"gdelt-mentions": {"text/tab-separated-values; charset=utf-8", "mentions.tsv", true, newGDELTMentionsWriter},
}

func (s *server) export(w http.ResponseWriter, r *http.Request) {
	p, err := newParams(r.URL.RawQuery, withFilters("format", "sort", "cursor")...)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	name, _ := p.get("format")
	f, ok := exportFormats[name]
	if !ok {
		s.fail(w, r, badParam("format", "%q is not an export format (csv, jsonl, geojson, plover, gdelt or gdelt-mentions)", name))
		return
	}
	q, err := s.query(p)
	if err == nil {
		err = sortParam(p, &q)
	}
	if v, ok := p.get("cursor"); ok && v != "" && err == nil {
		if err = checkID("cursor", v); err == nil {
			q.Cursor = v
		}
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	q.Limit = min(s.cfg.pageSize, s.cfg.exportMaxRows)
	ctx, cancel := context.WithTimeout(r.Context(), exportTimeout)
	defer cancel()
	// The first page is read before any byte is sent, so a failing store
	// still gets a proper error status.
	page, err := s.st.Events(ctx, q)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Trailer", trailerTruncated+", "+trailerNext)
	h.Set("Content-Type", f.contentType)
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="sitrep-events-%s.%s"`, s.cfg.now().UTC().Format("20060102T150405Z"), f.ext))
	h.Set("Cache-Control", "no-store")

	cw := &countWriter{w: w}
	bw := bufio.NewWriterSize(cw, 64<<10)
	ew := f.newWriter(bw)
	var arts *articleCache
	if f.needsArticles {
		arts = newArticleCache(s.st, 4096)
	}
	rc := http.NewResponseController(w)
	deadline := func() { _ = rc.SetWriteDeadline(time.Now().Add(exportPageTimeout)) }
	n, next, err := s.streamEvents(ctx, q, page, ew, arts, bw, deadline)
	if err == nil {
		err = ew.end()
	}
	if err == nil && next != "" {
		// Cut by the row cap: the trailers say so and where to go on.
		h.Set(trailerTruncated, "true")
		h.Set(trailerNext, next)
		s.log.Info("export cut at the row cap", "url", r.URL.String(), "events", n)
	}
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		if r.Context().Err() != nil {
			return // the client left
		}
		if cw.n == 0 {
			// Nothing has been sent yet: answer with a proper error.
			h.Del("Content-Disposition")
			s.fail(w, r, err)
			return
		}
		// Headers and part of the body are gone: the only honest signal
		// left is to cut the connection, so the client cannot take a
		// truncated export for a complete one.
		s.log.Error("export failed", "url", r.URL.String(), "events", n, "err", err)
		panic(http.ErrAbortHandler)
	}
}

// countWriter counts the bytes that reach the client.
type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// streamEvents writes the events matching q, starting with page and
// following the store's cursors, up to the row cap, and returns how many
// it wrote and, when the cap cut it, the cursor of the rest. Each page is
// flushed to the client under a fresh write deadline set by deadline.
func (s *server) streamEvents(ctx context.Context, q store.Query, page store.Page, ew eventWriter, arts *articleCache, bw *bufio.Writer, deadline func()) (int, string, error) {
	deadline()
	if err := ew.begin(); err != nil {
		return 0, "", err
	}
	n := 0
	for {
		if n > 0 {
			deadline()
			if err := bw.Flush(); err != nil {
				return n, "", err
			}
		}
		if err := s.addLinks(ctx, page.Events); err != nil {
			return n, "", fmt.Errorf("export: %w", err)
		}
		for i := range page.Events {
			ev := &page.Events[i]
			var meta *articleMeta
			if arts != nil {
				m, err := arts.get(ctx, ev.ArticleID)
				if err != nil {
					return n, "", err
				}
				meta = m
			}
			if err := ew.write(ev, meta); err != nil {
				return n, "", fmt.Errorf("export: write event %s: %w", ev.ID, err)
			}
			n++
		}
		if page.Next == "" {
			return n, "", nil
		}
		if n >= s.cfg.exportMaxRows {
			return n, page.Next, nil
		}
		if q.Cursor == page.Next {
			return n, "", fmt.Errorf("export: store returned the same cursor twice (%q)", page.Next)
		}
		q.Cursor = page.Next
		q.Limit = min(q.Limit, s.cfg.exportMaxRows-n)
		var err error
		if page, err = s.st.Events(ctx, q); err != nil {
			return n, "", fmt.Errorf("export: events after %d: %w", n, err)
		}
	}
}

// addLinks sets the Link of each event that linking joined to a linked
// event (one store query).
func (s *server) addLinks(ctx context.Context, evs []store.EventRecord) error {
	if len(evs) == 0 {
		return nil
	}
	ids := make([]string, len(evs))
	for i := range evs {
		ids[i] = evs[i].ID
	}
	links, err := s.st.EventLinks(ctx, ids)
	if err != nil {
		return err
	}
	for i := range evs {
		if l, ok := links[evs[i].ID]; ok {
			evs[i].Link = &l
		}
	}
	return nil
}

// articleMeta is what the exports need to know about an event's article.
type articleMeta struct {
	ID, Published, URL, Source, Title string
	// LeadEnd is the end offset of the first paragraph, -1 if unknown.
	LeadEnd int
	// TextLen is the length of the text in bytes, 0 if unknown.
	TextLen int
	Places  []sitrep.Place
}

// articleCache reads articles once per export. It holds at most max
// entries and starts afresh when full: events come sorted by date, so an
// article's events are close together.
type articleCache struct {
	st  store.Store
	max int
	m   map[string]*articleMeta
}

func newArticleCache(st store.Store, max int) *articleCache {
	return &articleCache{st: st, max: max, m: make(map[string]*articleMeta)}
}

func (c *articleCache) get(ctx context.Context, id string) (*articleMeta, error) {
	if m, ok := c.m[id]; ok {
		return m, nil
	}
	res, err := c.st.Article(ctx, id)
	m := &articleMeta{ID: id, LeadEnd: -1}
	switch {
	case errors.Is(err, store.ErrNotFound):
		// Export what the event itself says.
	case err != nil:
		return nil, fmt.Errorf("export: article %s: %w", id, err)
	default:
		if a := res.Article; a != nil {
			m.Published, m.URL, m.Source, m.Title = a.Published, a.URL, a.Source, a.Title
			body := a.Text
			if body == "" {
				body = res.Text
			}
			m.TextLen = len(body)
			if paras := text.Paragraphs(body); len(paras) > 0 {
				m.LeadEnd = paras[0].End
			}
		}
		m.Places = res.Places
	}
	if len(c.m) >= c.max {
		clear(c.m)
	}
	c.m[id] = m
	return m, nil
}

// place returns the gazetteer record of an event's location: the place
// mention it names, or else a mention of the same place elsewhere in the
// article (locations chosen from the article's focus point to none).
func (m *articleMeta) place(loc *sitrep.Location) *sitrep.Place {
	if m == nil || loc == nil {
		return nil
	}
	if loc.Place >= 0 && loc.Place < len(m.Places) {
		return &m.Places[loc.Place]
	}
	for i := range m.Places {
		p := &m.Places[i]
		if p.Name == loc.Name && p.Country == loc.Country {
			return p
		}
	}
	return nil
}

// located reports whether an event has usable coordinates. (0, 0) is
// treated as missing: no news event happens at that point in the Gulf of
// Guinea, but zero values from a broken record do.
func located(loc *sitrep.Location) bool {
	return loc != nil && loc.Lat >= -90 && loc.Lat <= 90 && loc.Lon >= -180 && loc.Lon <= 180 &&
		!(loc.Lat == 0 && loc.Lon == 0)
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// --- JSONL ---

type jsonlWriter struct{ enc *json.Encoder }

func newJSONLWriter(w io.Writer) eventWriter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &jsonlWriter{enc: enc}
}

func (j *jsonlWriter) begin() error                                      { return nil }
func (j *jsonlWriter) write(ev *store.EventRecord, _ *articleMeta) error { return j.enc.Encode(ev) }
func (j *jsonlWriter) end() error                                        { return nil }

// --- CSV ---

// csvHeader is the CSV header row; docs/EXPORTS.md describes each column.
var csvHeader = []string{
	"id", "article_id", "date", "date_precision", "date_reason",
	"cameo", "root", "quad_class", "goldstein", "plover", "modality",
	"source_actor", "source_name", "source_text",
	"target_actor", "target_name", "target_text",
	"location_name", "location_country", "location_lat", "location_lon", "location_reason",
	"sentence", "sentence_start", "sentence_end", "trigger_start", "trigger_end", "pattern",
	"confidence", "linked_event", "num_mentions", "num_sources", "num_articles",
}

type csvWriter struct {
	w   *csv.Writer
	row []string
}

func newCSVWriter(w io.Writer) eventWriter {
	return &csvWriter{w: csv.NewWriter(w), row: make([]string, len(csvHeader))}
}

func (c *csvWriter) begin() error { return c.w.Write(csvHeader) }

func (c *csvWriter) write(ev *store.EventRecord, _ *articleMeta) error {
	r := c.row[:0]
	r = append(r, ev.ID, ev.ArticleID, ev.Date, string(ev.DatePrecision), ev.DateReason,
		ev.CAMEO, ev.Root, strconv.Itoa(ev.QuadClass), formatFloat(ev.Goldstein), ev.PLOVER, ev.Modality,
		ev.Source.Actor, ev.Source.Name, ev.Source.Text)
	if t := ev.Target; t != nil {
		r = append(r, t.Actor, t.Name, t.Text)
	} else {
		r = append(r, "", "", "")
	}
	if l := ev.Location; l != nil {
		lat, lon := "", ""
		if located(l) {
			lat, lon = formatFloat(l.Lat), formatFloat(l.Lon)
		}
		r = append(r, l.Name, l.Country, lat, lon, l.Reason)
	} else {
		r = append(r, "", "", "", "", "")
	}
	e := ev.Evidence
	r = append(r, e.Sentence, strconv.Itoa(e.Start), strconv.Itoa(e.End),
		strconv.Itoa(e.Trigger.Start), strconv.Itoa(e.Trigger.End), ev.Pattern,
		formatFloat(ev.Confidence))
	if l := ev.Link; l != nil {
		r = append(r, l.LinkedEvent, strconv.Itoa(l.NumMentions), strconv.Itoa(l.NumSources), strconv.Itoa(l.NumArticles))
	} else {
		r = append(r, "", "1", "1", "1")
	}
	return c.w.Write(r)
}

func (c *csvWriter) end() error {
	c.w.Flush()
	return c.w.Error()
}

// --- GeoJSON (RFC 7946) ---

type geoJSONWriter struct {
	w     io.Writer
	enc   *json.Encoder
	first bool
}

func newGeoJSONWriter(w io.Writer) eventWriter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &geoJSONWriter{w: w, enc: enc, first: true}
}

type geoFeature struct {
	Type       string             `json:"type"`
	ID         string             `json:"id"`
	Geometry   geoPoint           `json:"geometry"`
	Properties *store.EventRecord `json:"properties"`
}

type geoPoint struct {
	Type        string     `json:"type"`
	Coordinates [2]float64 `json:"coordinates"` // longitude, latitude (RFC 7946 §3.1.1)
}

func (g *geoJSONWriter) begin() error {
	_, err := io.WriteString(g.w, `{"type":"FeatureCollection","features":[`+"\n")
	return err
}

func (g *geoJSONWriter) write(ev *store.EventRecord, _ *articleMeta) error {
	if !located(ev.Location) {
		return nil // a Feature needs a geometry to be of use on a map
	}
	if !g.first {
		if _, err := io.WriteString(g.w, ","); err != nil {
			return err
		}
	}
	g.first = false
	return g.enc.Encode(geoFeature{
		Type:       "Feature",
		ID:         ev.ID,
		Geometry:   geoPoint{Type: "Point", Coordinates: [2]float64{ev.Location.Lon, ev.Location.Lat}},
		Properties: ev,
	})
}

func (g *geoJSONWriter) end() error {
	_, err := io.WriteString(g.w, "]}\n")
	return err
}

// --- PLOVER JSONL ---

// ploverRecord is one event in the PLOVER data format (PLOVER manual,
// section "Data format"; field names as in POLECAT): the event type with
// its mode and contexts from the CAMEO→PLOVER table, actor and recipient
// lists, date, location and the offsets of the source text.
type ploverRecord struct {
	ID            string            `json:"id"`
	ArticleID     string            `json:"article_id"`
	EventType     string            `json:"event_type"`
	Mode          string            `json:"mode,omitempty"`
	Context       []string          `json:"context,omitempty"`
	Actor         []ploverActor     `json:"actor"`
	Recipient     []ploverActor     `json:"recipient"`
	EventDate     string            `json:"event_date"`
	DatePrecision sitrep.Precision  `json:"date_precision,omitempty"`
	EventLoc      *ploverLoc        `json:"event_loc"`
	EventText     string            `json:"event_text"`
	TextInfo      ploverTextInfo    `json:"text_info"`
	Modality      string            `json:"modality"`
	CAMEO         string            `json:"cameo"`
	Goldstein     float64           `json:"goldstein"`
	Confidence    float64           `json:"confidence"`
	Source        *ploverSourceInfo `json:"source,omitempty"`
}

type ploverActor struct {
	Code string       `json:"code"`
	Text string       `json:"text"`
	Name string       `json:"name,omitempty"`
	Span *sitrep.Span `json:"span,omitempty"`
}

type ploverLoc struct {
	Name      string   `json:"name"`
	Country   string   `json:"country"`
	Admin1    string   `json:"admin1,omitempty"`
	Lat       *float64 `json:"lat"`
	Lon       *float64 `json:"lon"`
	GeonameID int      `json:"geonameid,omitempty"`
	Feature   string   `json:"feature,omitempty"`
	Reason    string   `json:"reason"`
}

// ploverTextInfo gives byte offsets into the article text.
type ploverTextInfo struct {
	Sentence sitrep.Span `json:"sentence"`
	Trigger  sitrep.Span `json:"trigger"`
}

type ploverSourceInfo struct {
	Published string `json:"published,omitempty"`
	Source    string `json:"source,omitempty"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
}

type ploverWriter struct{ enc *json.Encoder }

func newPLOVERWriter(w io.Writer) eventWriter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &ploverWriter{enc: enc}
}

func (p *ploverWriter) begin() error { return nil }
func (p *ploverWriter) end() error   { return nil }

func (p *ploverWriter) write(ev *store.EventRecord, art *articleMeta) error {
	rec, ok := toPLOVER(ev, art)
	if !ok {
		return nil
	}
	return p.enc.Encode(rec)
}

// toPLOVER converts an event; events whose CAMEO code has no PLOVER type
// (roots 01 and 02: statements and appeals) have no PLOVER record.
func toPLOVER(ev *store.EventRecord, art *articleMeta) (ploverRecord, bool) {
	typ := ev.PLOVER
	code, known := cameo.Lookup(ev.CAMEO)
	if typ == "" && known {
		typ = code.PLOVER
	}
	if typ == "" {
		return ploverRecord{}, false
	}
	rec := ploverRecord{
		ID:            ev.ID,
		ArticleID:     ev.ArticleID,
		EventType:     typ,
		Actor:         []ploverActor{plActor(&ev.Source)},
		Recipient:     []ploverActor{},
		EventDate:     ev.Date,
		DatePrecision: ev.DatePrecision,
		EventText:     ev.Evidence.Sentence,
		TextInfo: ploverTextInfo{
			Sentence: sitrep.Span{Start: ev.Evidence.Start, End: ev.Evidence.End},
			Trigger:  ev.Evidence.Trigger,
		},
		Modality:   ev.Modality,
		CAMEO:      ev.CAMEO,
		Goldstein:  ev.Goldstein,
		Confidence: ev.Confidence,
	}
	if known && code.PLOVER == typ {
		rec.Mode = code.Mode
		for _, c := range strings.Split(code.Context, ";") {
			if c = strings.TrimSpace(c); c != "" {
				rec.Context = append(rec.Context, c)
			}
		}
	}
	if ev.Target != nil {
		rec.Recipient = append(rec.Recipient, plActor(ev.Target))
	}
	if l := ev.Location; l != nil {
		loc := &ploverLoc{Name: l.Name, Country: l.Country, Reason: l.Reason}
		if located(l) {
			lat, lon := l.Lat, l.Lon
			loc.Lat, loc.Lon = &lat, &lon
		}
		if pl := art.place(l); pl != nil {
			loc.Admin1, loc.GeonameID, loc.Feature = pl.Admin1, pl.GeonameID, pl.Feature
		}
		rec.EventLoc = loc
	}
	if art != nil {
		rec.Source = &ploverSourceInfo{Published: art.Published, Source: art.Source, Title: art.Title, URL: art.URL}
	}
	return rec, true
}

func plActor(a *sitrep.EventActor) ploverActor {
	pa := ploverActor{Code: a.Actor, Text: a.Text, Name: a.Name}
	if a.End > a.Start {
		sp := a.Span
		pa.Span = &sp
	}
	return pa
}
