// Package report writes a situation report: what happened in one
// situation, told as a person would read it, with every statement linked
// to the sentence it comes from.
//
// Input: a *sitrep.Situation (from internal/cluster) and the extraction
// results of its articles (for their texts, titles, outlets and photo
// captions). Output: Build gives a Report (summary line, timeline, key
// actors, quotes, casualty figures with their ranges and sources, places,
// photo credits, sources and the numbered evidence sentences), which
// Markdown, HTML (one self-contained page with an inline SVG map and
// timeline, nothing fetched) and PDF render.
package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/cameo"
)

// Evidence is a numbered sentence a statement comes from.
type Evidence struct {
	N int
	// Article is the article id; Start and End the byte span of the
	// sentence in its text; Text the sentence.
	Article    string
	Start, End int
	Text       string
	Outlet     string
	Title      string
	Published  string
}

// Statement is one line of the report with the evidence behind it (the
// numbers of Report.Evidence).
type Statement struct {
	Text string
	Refs []int
}

// Row is one event of the timeline.
type Row struct {
	Date, What, Who, Where string
	Sources, Articles      int
	Mentions               int
	Confidence             float64
	QuadClass              int
	Lat, Lon               float64
	Located                bool
	Refs                   []int
}

// Place is a place on the map.
type Place struct {
	Name     string
	Lat, Lon float64
	Events   int
}

// Casualty is the figure for one kind of casualty, with each source's
// figure under it.
type Casualty struct {
	Statement
	Figures []Statement
}

// Source is one article of the situation.
type Source struct {
	ID, Title, Outlet, Published, URL string
	// CopyOf is the original's id when the article is a near-duplicate,
	// CopyKind "copy" or "rewrite".
	CopyOf, CopyKind string
}

// Report is a situation report ready to render.
type Report struct {
	ID, Title  string
	First      string
	Last       string
	Summary    Statement
	Timeline   []Row
	Actors     []Statement
	Quotes     []Statement
	Casualties []Casualty
	Places     []Place
	Photos     []Statement
	Sources    []Source
	Evidence   []Evidence
	// Generated says what produced the report (set by the caller).
	Generated string

	refs map[[3]string]int // (article, start, end) → evidence number
}

// maxQuotes and maxActors bound the report's lists.
const (
	maxQuotes = 12
	maxActors = 12
)

// Build gathers the report of sit. result returns the extraction of an
// article (nil when unknown: its statements then have no evidence text);
// dups are the duplicates found with the situation.
func Build(sit *sitrep.Situation, result func(id string) *sitrep.Result, dups []sitrep.Duplicate) *Report {
	r := &Report{ID: sit.ID, Title: sit.Title, First: sit.First, Last: sit.Last, refs: map[[3]string]int{}}
	copyOf := map[string]sitrep.Duplicate{}
	for _, d := range dups {
		copyOf[d.Copy] = d
	}
	outlets := map[string]bool{}
	for _, id := range sit.Articles {
		s := Source{ID: id}
		if res := result(id); res != nil && res.Article != nil {
			a := res.Article
			s.Title, s.Outlet, s.Published, s.URL = a.Title, outletOf(a), a.Published, a.URL
		}
		if d, ok := copyOf[id]; ok {
			s.CopyOf, s.CopyKind = d.Original, d.Kind
		} else {
			outlets[s.Outlet] = true
		}
		r.Sources = append(r.Sources, s)
	}

	// Timeline and places.
	places := map[string]*Place{}
	for i := range sit.Events {
		e := &sit.Events[i]
		row := Row{Date: e.Date, What: what(e), Who: who(e), Where: e.Place, Sources: e.NumSources,
			Articles: e.NumArticles, Mentions: e.NumMentions, Confidence: e.Corroboration, QuadClass: e.QuadClass}
		if l := e.Location; l != nil && (l.Lat != 0 || l.Lon != 0) {
			row.Lat, row.Lon, row.Located = l.Lat, l.Lon, true
			p := places[l.Name]
			if p == nil {
				p = &Place{Name: l.Name, Lat: l.Lat, Lon: l.Lon}
				places[l.Name] = p
			}
			p.Events++
		}
		for _, m := range e.Mentions {
			row.Refs = appendRef(row.Refs, r.ref(result, m.Article, m.Start, m.End))
		}
		// The event's own casualty figures, a range when its sources
		// disagree: "; 3–5 killed (sources disagree)".
		for _, c := range e.Casualties {
			n := fmt.Sprint(c.Low)
			if c.Conflict {
				n = fmt.Sprintf("%d–%d", c.Low, c.High)
			}
			row.What += fmt.Sprintf("; %s %s", n, c.Kind)
			if c.Conflict {
				row.What += " (sources disagree)"
			}
			for _, f := range c.Figures {
				row.Refs = appendRef(row.Refs, r.ref(result, f.Article, f.Start, f.End))
			}
		}
		r.Timeline = append(r.Timeline, row)
	}
	for _, p := range places {
		r.Places = append(r.Places, *p)
	}
	slices.SortFunc(r.Places, func(a, b Place) int { return cmp.Or(b.Events-a.Events, cmp.Compare(a.Name, b.Name)) })

	r.Actors = r.actors(sit, result)

	// Casualties: the lowest figure is the count, every figure is kept.
	var toll []string
	var tollRefs []int
	for _, c := range sit.Casualties {
		var cas Casualty
		for _, f := range c.Figures {
			n := r.ref(result, f.Article, f.Start, f.End)
			cas.Refs = appendRef(cas.Refs, n)
			exact := ""
			if !f.Exact {
				exact = " (not exact)"
			}
			cas.Figures = append(cas.Figures, Statement{Text: fmt.Sprintf("%d%s according to %s", f.Count, exact, f.AccordingTo), Refs: []int{n}})
		}
		cas.Text = fmt.Sprintf("%s: %d", c.Kind, c.Low)
		n := fmt.Sprint(c.Low)
		if c.Conflict {
			cas.Text = fmt.Sprintf("%s: %d to %d; the sources disagree and the lowest figure is reported", c.Kind, c.Low, c.High)
			n = fmt.Sprintf("%d–%d", c.Low, c.High)
		}
		r.Casualties = append(r.Casualties, cas)
		toll = append(toll, n+" "+c.Kind)
		for _, x := range cas.Refs {
			tollRefs = appendRef(tollRefs, x)
		}
	}

	for i, q := range sit.Quotes {
		if i == maxQuotes {
			break
		}
		n := r.ref(result, q.Article, q.Start, q.End)
		r.Quotes = append(r.Quotes, Statement{Text: fmt.Sprintf("%s: “%s”", q.Speaker, q.Text), Refs: []int{n}})
	}

	// Photo credits, each caption once.
	seen := map[string]bool{}
	for _, id := range sit.Articles {
		res := result(id)
		if res == nil {
			continue
		}
		for _, c := range res.Captions {
			key := c.Agency + "/" + c.Photographer + "/" + c.Text
			if seen[key] {
				continue
			}
			seen[key] = true
			credit := strings.TrimSpace(strings.Join([]string{c.Agency, c.Photographer}, " / "))
			n := r.ref(result, id, c.Start, c.End)
			r.Photos = append(r.Photos, Statement{Text: fmt.Sprintf("%s — %s", strings.Trim(credit, " /"), c.Text), Refs: []int{n}})
		}
	}

	// Summary line.
	var sum strings.Builder
	fmt.Fprintf(&sum, "%s told by %s from %s", plural(len(sit.Events), "event"), plural(len(sit.Articles), "article"),
		plural(len(outlets), "independent outlet"))
	switch {
	case sit.First != "" && sit.First != sit.Last:
		fmt.Fprintf(&sum, ", %s to %s", sit.First, sit.Last)
	case sit.First != "":
		fmt.Fprintf(&sum, ", %s", sit.First)
	}
	if len(toll) > 0 {
		fmt.Fprintf(&sum, "; %s", strings.Join(toll, ", "))
	}
	sum.WriteString(".")
	r.Summary = Statement{Text: sum.String(), Refs: tollRefs}
	return r
}

// actors summarises what each actor did: as source and as target, with
// the kinds of acts, most involved first.
func (r *Report) actors(sit *sitrep.Situation, result func(string) *sitrep.Result) []Statement {
	type actor struct {
		code, name string
		did, got   map[string]int
		total      int
		refs       []int
	}
	byCode := map[string]*actor{}
	get := func(code, name string) *actor {
		a := byCode[code]
		if a == nil {
			a = &actor{code: code, name: name, did: map[string]int{}, got: map[string]int{}}
			byCode[code] = a
		}
		if a.name == "" {
			a.name = name
		}
		return a
	}
	for i := range sit.Events {
		e := &sit.Events[i]
		m := e.Mentions[0]
		n := r.ref(result, m.Article, m.Start, m.End)
		if e.Source != "" && e.Source != "---" {
			a := get(e.Source, e.SourceName)
			a.did[what(e)]++
			a.total++
			a.refs = appendRef(a.refs, n)
		}
		if e.Target != "" && e.Target != "---" {
			a := get(e.Target, e.TargetName)
			a.got[what(e)]++
			a.total++
			a.refs = appendRef(a.refs, n)
		}
	}
	var list []*actor
	for _, a := range byCode {
		list = append(list, a)
	}
	slices.SortFunc(list, func(a, b *actor) int { return cmp.Or(b.total-a.total, cmp.Compare(a.code, b.code)) })
	var out []Statement
	for _, a := range list[:min(len(list), maxActors)] {
		var parts []string
		if len(a.did) > 0 {
			parts = append(parts, "did: "+countList(a.did))
		}
		if len(a.got) > 0 {
			parts = append(parts, "was the target of: "+countList(a.got))
		}
		out = append(out, Statement{Text: fmt.Sprintf("%s (%s) — %s", a.code, a.name, strings.Join(parts, "; ")), Refs: a.refs})
	}
	return out
}

// plural writes "1 event", "2 events".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// countList writes "protest (2), assault" in decreasing count.
func countList(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(m[b]-m[a], cmp.Compare(a, b)) })
	for i, k := range keys {
		if m[k] > 1 {
			keys[i] = fmt.Sprintf("%s (%d)", k, m[k])
		}
	}
	return strings.Join(keys, ", ")
}

// ref returns the number of the evidence for a span of an article: the
// sentence holding it.
func (r *Report) ref(result func(string) *sitrep.Result, article string, start, end int) int {
	res := result(article)
	ev := Evidence{Article: article, Start: start, End: end}
	if res != nil && res.Article != nil {
		a := res.Article
		ev.Start, ev.End = sentenceAround(a.Text, start, end)
		ev.Text = strings.Join(strings.Fields(a.Text[ev.Start:ev.End]), " ")
		ev.Outlet, ev.Title, ev.Published = outletOf(a), a.Title, a.Published
	}
	key := [3]string{article, fmt.Sprint(ev.Start), fmt.Sprint(ev.End)}
	if n, ok := r.refs[key]; ok {
		return n
	}
	ev.N = len(r.Evidence) + 1
	r.Evidence = append(r.Evidence, ev)
	r.refs[key] = ev.N
	return ev.N
}

func appendRef(refs []int, n int) []int {
	if slices.Contains(refs, n) {
		return refs
	}
	return append(refs, n)
}

// sentenceAround widens [start, end) to the sentence(s) holding it: back
// to the end of the previous sentence or paragraph, on to the end of this
// one. A span out of the text's range is clamped.
func sentenceAround(text string, start, end int) (int, int) {
	start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
	if start > end {
		start, end = end, start
	}
	s := start
	for s > 0 {
		if text[s-1] == '\n' {
			break
		}
		if s >= 2 && text[s-1] == ' ' && strings.ContainsRune(".?!", rune(text[s-2])) {
			break
		}
		s--
	}
	e := end
	if e > s && strings.ContainsRune(".?!", rune(text[e-1])) {
		return s, e
	}
	for e < len(text) && text[e] != '\n' {
		if strings.ContainsRune(".?!", rune(text[e])) && (e+1 == len(text) || text[e+1] == ' ' || text[e+1] == '\n' || text[e+1] == '"') {
			e++
			break
		}
		e++
	}
	return s, e
}

// what names an event's act: the CAMEO code's name in lower case. The
// codebook names the twenty roots in capitals ("COERCE"), which are
// lowered whole; other names keep their inner capitals.
func what(e *sitrep.LinkedEvent) string {
	if c, ok := cameo.Lookup(e.CAMEO); ok && c.Name != "" {
		if strings.ToUpper(c.Name) == c.Name {
			return strings.ToLower(c.Name)
		}
		return strings.ToLower(c.Name[:1]) + c.Name[1:]
	}
	return strings.ToLower(cmp.Or(e.PLOVER, "event "+e.CAMEO))
}

// who writes "source → target" with names and codes.
func who(e *sitrep.LinkedEvent) string {
	s := actorLabel(e.SourceName, e.Source)
	if e.Target == "" && e.TargetName == "" {
		return s
	}
	return s + " → " + actorLabel(e.TargetName, e.Target)
}

func actorLabel(name, code string) string {
	switch {
	case name == "" && code == "":
		return "unknown"
	case name == "":
		return code
	case code == "":
		return name
	}
	return name + " (" + code + ")"
}

// outletOf names an article's outlet as linking does.
func outletOf(a *sitrep.Article) string {
	if a.Source != "" {
		return a.Source
	}
	return "article " + a.ID
}

// Backing says how many outlets, articles and mentions back an event,
// and its corroboration confidence.
func (t Row) Backing() string {
	return fmt.Sprintf("%s, %s, %s (confidence %.2f)", plural(t.Sources, "outlet"), plural(t.Articles, "article"),
		plural(t.Mentions, "mention"), t.Confidence)
}
