package cluster

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/casualty"
)

// Snapshot returns the situations and duplicates found so far. It does
// not change the Clusterer: more articles may be added afterwards.
func (c *Clusterer) Snapshot() *sitrep.Situations {
	out := &sitrep.Situations{Situations: []sitrep.Situation{}, Duplicates: c.duplicates()}
	isCopy := make([]bool, len(c.arts))
	for _, d := range out.Duplicates {
		isCopy[c.byID[d.Copy]] = true
	}
	// Events go to the situation of the article of their first mention.
	evBySit := map[int][]int{}
	for ei := range c.events {
		a := c.mentions[c.events[ei].mentions[0]].art
		si := c.sits.find(c.arts[a].situation)
		evBySit[si] = append(evBySit[si], ei)
	}
	for si, s := range c.sits.list {
		if s.merged >= 0 {
			continue
		}
		sit := sitrep.Situation{
			ID:       "sit-" + shortHash(c.arts[slices.MinFunc(s.articles, c.earlier)].res.Article.ID),
			Articles: make([]string, 0, len(s.articles)),
			Events:   []sitrep.LinkedEvent{},
		}
		for _, ai := range s.articles {
			sit.Articles = append(sit.Articles, c.arts[ai].res.Article.ID)
		}
		for _, ei := range evBySit[si] {
			sit.Events = append(sit.Events, c.linkedEvent(ei, isCopy))
		}
		slices.SortFunc(sit.Events, func(a, b sitrep.LinkedEvent) int {
			return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.ID, b.ID))
		})
		sit.Casualties = c.casualties(s.articles, isCopy)
		sit.Quotes = c.quotes(s.articles, isCopy)
		sit.First, sit.Last = c.span(s, sit.Events)
		sit.Title = title(&sit)
		out.Situations = append(out.Situations, sit)
	}
	return out
}

// earlier orders articles by publication date (undated ones last), then
// id: the order that names situations and events, so that their ids do
// not depend on the order articles arrive in.
func (c *Clusterer) earlier(a, b int) int {
	x, y := c.arts[a].res.Article, c.arts[b].res.Article
	switch {
	case x.Published == y.Published:
	case x.Published == "":
		return 1
	case y.Published == "":
		return -1
	default:
		return cmp.Compare(x.Published, y.Published)
	}
	return cmp.Compare(x.ID, y.ID)
}

// duplicates lists each article found to be a near-duplicate, as a copy
// of the earliest article of its group (by publication date, then
// arrival).
func (c *Clusterer) duplicates() []sitrep.Duplicate {
	root := func(i int) int {
		for c.arts[i].dupOf >= 0 {
			i = c.arts[i].dupOf
		}
		return i
	}
	groups := map[int][]int{}
	for i := range c.arts {
		if c.arts[i].dupOf >= 0 {
			r := root(i)
			if len(groups[r]) == 0 {
				groups[r] = []int{r}
			}
			groups[r] = append(groups[r], i)
		}
	}
	dups := []sitrep.Duplicate{}
	for _, g := range groups {
		orig := slices.MinFunc(g, func(a, b int) int {
			pa, pb := c.arts[a].res.Article.Published, c.arts[b].res.Article.Published
			if pa != pb && pa != "" && pb != "" {
				return cmp.Compare(pa, pb)
			}
			return cmp.Compare(a, b)
		})
		for _, i := range g {
			if i == orig {
				continue
			}
			sim := c.dups.sigs[i].similarity(&c.dups.sigs[orig])
			if sim < c.cfg.RewriteSimilarity {
				sim = c.arts[i].dupSim // a chain: i is close to another copy
			}
			kind := "rewrite"
			if sim >= c.cfg.CopySimilarity {
				kind = "copy"
			}
			dups = append(dups, sitrep.Duplicate{Original: c.arts[orig].res.Article.ID,
				Copy: c.arts[i].res.Article.ID, Kind: kind, Similarity: round3(sim)})
		}
	}
	slices.SortFunc(dups, func(a, b sitrep.Duplicate) int {
		return cmp.Compare(c.byID[a.Copy], c.byID[b.Copy])
	})
	return dups
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// linkedEvent builds the record of event ei.
func (c *Clusterer) linkedEvent(ei int, isCopy []bool) sitrep.LinkedEvent {
	e := &c.events[ei]
	first := &c.mentions[slices.MinFunc(e.mentions, func(a, b int) int {
		return cmp.Or(c.earlier(c.mentions[a].art, c.mentions[b].art), cmp.Compare(c.mentions[a].ev, c.mentions[b].ev))
	})]
	le := sitrep.LinkedEvent{ID: eventID(c.arts[first.art].res.Article.ID, first), Mentions: make([]sitrep.MentionRef, 0, len(e.mentions))}
	codes := map[string]int{}
	arts := map[int]bool{}
	best := map[string]float64{} // outlet → best mention confidence, among articles that are no copies
	var firstEv *sitrep.Event
	bestLoc := -1
	for k, mi := range e.mentions {
		m := &c.mentions[mi]
		a := &c.arts[m.art]
		ev := &a.res.Events[m.ev]
		if firstEv == nil {
			firstEv = ev
		}
		codes[ev.CAMEO]++
		arts[m.art] = true
		if !isCopy[m.art] {
			p := ev.Confidence
			if p <= 0 {
				p = 0.5
			}
			best[a.outlet] = max(best[a.outlet], p)
		}
		le.Mentions = append(le.Mentions, sitrep.MentionRef{
			Article: a.res.Article.ID, Start: m.sent, End: m.sentEnd, Trigger: m.trigger, Event: m.ev,
			Outlet: a.outlet, Published: a.res.Article.Published, Copy: isCopy[m.art],
			Score: round3(e.scores[k]), Reason: e.reasons[k],
		})
		if p := a.res.Article.Published; p != "" {
			if le.FirstSeen == "" || p < le.FirstSeen {
				le.FirstSeen = p
			}
			le.LastSeen = max(le.LastSeen, p)
		}
		// The most specific actors and place.
		if len(ev.Source.Actor) > len(le.Source) || le.SourceName == "" {
			le.Source, le.SourceName = ev.Source.Actor, actorName(&ev.Source)
		}
		if ev.Target != nil && (len(ev.Target.Actor) > len(le.Target) || le.TargetName == "") {
			le.Target, le.TargetName = ev.Target.Actor, actorName(ev.Target)
		}
		if ev.Location != nil {
			if r := locRank(m); r > bestLoc {
				loc := *ev.Location
				le.Location, le.Place, bestLoc = &loc, loc.Name, r
			}
		}
	}
	le.Date, le.DatePrecision = c.eventDate(e)
	// The most frequent code, ties to the first.
	le.CAMEO = firstEv.CAMEO
	for _, mi := range e.mentions {
		ev := &c.arts[c.mentions[mi].art].res.Events[c.mentions[mi].ev]
		if codes[ev.CAMEO] > codes[le.CAMEO] {
			le.CAMEO = ev.CAMEO
		}
	}
	for _, mi := range e.mentions {
		ev := &c.arts[c.mentions[mi].art].res.Events[c.mentions[mi].ev]
		if ev.CAMEO == le.CAMEO {
			le.Root, le.PLOVER, le.QuadClass, le.Goldstein = ev.Root, ev.PLOVER, ev.QuadClass, ev.Goldstein
			break
		}
	}
	if le.Location != nil {
		le.Location.Place = -1 // an index into one article's places means nothing here
	}
	le.NumMentions, le.NumArticles, le.NumSources = len(e.mentions), len(arts), len(best)
	q := 1.0
	for _, p := range best {
		q *= 1 - p
	}
	le.Corroboration = round3(1 - q)
	return le
}

// eventDate picks the date of an event: a date the text gives over a
// publication date, then the finest, then the one most mentions give.
func (c *Clusterer) eventDate(e *event) (string, sitrep.Precision) {
	type cand struct {
		date      string
		precision sitrep.Precision
		rank, n   int
	}
	var best *cand
	cands := map[string]*cand{}
	for _, mi := range e.mentions {
		ev := &c.arts[c.mentions[mi].art].res.Events[c.mentions[mi].ev]
		if ev.Date == "" {
			continue
		}
		k := cands[ev.Date]
		if k == nil {
			k = &cand{date: ev.Date, precision: ev.DatePrecision}
			cands[ev.Date] = k
		}
		r := precisionRank[ev.DatePrecision]
		if ev.DateReason != "published" {
			r += 10
		}
		k.rank, k.n = max(k.rank, r), k.n+1
		if best == nil || k.rank > best.rank || (k.rank == best.rank && k.n > best.n) {
			best = k
		}
	}
	if best == nil {
		return "", ""
	}
	return best.date, best.precision
}

var precisionRank = map[sitrep.Precision]int{sitrep.Day: 6, sitrep.Week: 5, sitrep.Month: 4, sitrep.Quarter: 3, sitrep.Year: 2, sitrep.Decade: 1}

// locRank orders the locations of mentions: a city or finer over a
// country or division, then by how the location was found.
func locRank(m *mention) int {
	r := 0
	switch m.loc.Reason {
	case "clause":
		r = 5
	case "sentence", "caption":
		r = 4
	case "dateline":
		r = 3
	case "focus":
		r = 1
	}
	if !m.coarseLoc {
		r += 10
	}
	return r
}

func actorName(a *sitrep.EventActor) string {
	if a.Name != "" {
		return a.Name
	}
	return a.Text
}

// span returns the first and last date of a situation: of its events
// dated to the day, else of its articles' publication.
func (c *Clusterer) span(s *situation, evs []sitrep.LinkedEvent) (first, last string) {
	for _, e := range evs {
		if e.DatePrecision != sitrep.Day {
			continue
		}
		if lo, hi, ok := dayRange(e.Date); ok {
			if first == "" || dayString(lo) < first {
				first = dayString(lo)
			}
			last = max(last, dayString(hi))
		}
	}
	if first == "" && s.dated {
		first, last = dayString(s.lo), dayString(s.hi)
	}
	return first, last
}

// casualties gathers, per kind, one figure per article that is no copy:
// for killed and wounded the article's main-incident figure
// (casualty.Summarize), for the other kinds the first non-zero mention.
func (c *Clusterer) casualties(arts []int, isCopy []bool) []sitrep.CasualtyRange {
	byKind := map[string]*sitrep.CasualtyRange{}
	var kinds []string
	for _, ai := range arts {
		if isCopy[ai] {
			continue
		}
		res := c.arts[ai].res
		killed, wounded := casualty.Summarize(res.Casualties)
		done := map[string]bool{}
		for _, cs := range res.Casualties {
			if cs.Count <= 0 || done[cs.Kind] {
				continue
			}
			n := cs.Count
			switch cs.Kind {
			case casualty.Killed:
				n = killed
			case casualty.Wounded:
				n = wounded
			}
			if n <= 0 {
				continue
			}
			done[cs.Kind] = true
			r := byKind[cs.Kind]
			if r == nil {
				r = &sitrep.CasualtyRange{Kind: cs.Kind, Low: n, High: n}
				byKind[cs.Kind] = r
				kinds = append(kinds, cs.Kind)
			}
			r.Low, r.High = min(r.Low, n), max(r.High, n)
			r.Figures = append(r.Figures, sitrep.CasualtyFigure{Count: n, Exact: cs.Exact && n == cs.Count,
				AccordingTo: c.accordingTo(ai, cs.Span), Article: res.Article.ID, Start: cs.Start, End: cs.End, Text: cs.Text})
		}
	}
	out := []sitrep.CasualtyRange{}
	for _, k := range kinds {
		r := byKind[k]
		r.Conflict = r.Low != r.High
		out = append(out, *r)
	}
	return out
}

// accordingTo names who gives a figure: the speaker of the quote holding
// it, else the outlet.
func (c *Clusterer) accordingTo(ai int, s sitrep.Span) string {
	a := &c.arts[ai]
	for _, q := range a.res.Quotes {
		if q.Span.Contains(s) && q.Speaker != "" {
			return q.Speaker
		}
	}
	return a.outlet
}

// quotes lists the quotes of the articles that are no copies, each text
// once.
func (c *Clusterer) quotes(arts []int, isCopy []bool) []sitrep.SituationQuote {
	out := []sitrep.SituationQuote{}
	seen := map[string]bool{}
	for _, ai := range arts {
		if isCopy[ai] {
			continue
		}
		res := c.arts[ai].res
		for i, q := range res.Quotes {
			key := strings.ToLower(strings.Join(strings.Fields(q.Text), " "))
			if q.Speaker == "" || seen[key] || insideAnother(res.Quotes, i) {
				continue
			}
			seen[key] = true
			out = append(out, sitrep.SituationQuote{Article: res.Article.ID, Start: q.Start, End: q.End,
				Speaker: q.Speaker, Text: q.Text, Kind: q.Kind})
		}
	}
	return out
}

// title names a situation by its main event type (the PLOVER type with
// the most mentions), its main place and its dates: "Assault in Baghdad,
// 2019-12-31 to 2020-01-03".
func title(s *sitrep.Situation) string {
	if len(s.Events) == 0 {
		return fmt.Sprintf("%d articles%s", len(s.Articles), dates(s.First, s.Last))
	}
	// The event backed by the most mentions (ties: the earliest) names it.
	main := &s.Events[0]
	types := map[string]int{}
	places := map[string]int{}
	for i := range s.Events {
		e := &s.Events[i]
		types[cmp.Or(e.PLOVER, e.CAMEO)] += e.NumMentions
		if e.Place != "" {
			places[e.Place] += e.NumMentions
		}
	}
	for i := range s.Events {
		e := &s.Events[i]
		if types[cmp.Or(e.PLOVER, e.CAMEO)] > types[cmp.Or(main.PLOVER, main.CAMEO)] ||
			(cmp.Or(e.PLOVER, e.CAMEO) == cmp.Or(main.PLOVER, main.CAMEO) && e.NumMentions > main.NumMentions) {
			main = e
		}
	}
	place := main.Place
	for p, n := range places {
		if n > places[place] || (n == places[place] && p < place) {
			place = p
		}
	}
	var b strings.Builder
	b.WriteString(typeName(main))
	if place != "" {
		fmt.Fprintf(&b, " in %s", place)
	}
	b.WriteString(dates(s.First, s.Last))
	return b.String()
}

func dates(first, last string) string {
	switch {
	case first == "":
		return ""
	case first == last:
		return ", " + first
	}
	return ", " + first + " to " + last
}

// typeName is a readable name of an event's type: its PLOVER type in
// sentence case, else its CAMEO code.
func typeName(e *sitrep.LinkedEvent) string {
	if e.PLOVER == "" {
		return "Event " + e.CAMEO
	}
	t := strings.ToLower(strings.ReplaceAll(e.PLOVER, "_", " "))
	return strings.ToUpper(t[:1]) + t[1:]
}

// insideAnother reports whether quote i lies inside another quote of the
// same speaker (a quoted fragment of reported speech).
func insideAnother(qs []sitrep.Quote, i int) bool {
	for j, o := range qs {
		if j != i && o.Speaker == qs[i].Speaker && o.Span.Contains(qs[i].Span) && o.Span != qs[i].Span {
			return true
		}
	}
	return false
}
