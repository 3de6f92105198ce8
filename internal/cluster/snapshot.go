package cluster

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/casualty"
)

// Snapshot returns the situations and duplicates found so far (those
// not settled: see Config.SettleAfter). It does not change the
// Clusterer: more articles may be added afterwards.
func (c *Clusterer) Snapshot() *sitrep.Situations {
	var live []int
	for si, s := range c.sits.list {
		if s != nil && s.merged < 0 {
			live = append(live, si)
		}
	}
	return c.build(live)
}

// build returns the output of the given live situations: their
// situations, their events (those whose first mention is in one of
// their articles) and the duplicates among their articles. No link ties
// them to other situations (see tied).
func (c *Clusterer) build(sits []int) *sitrep.Situations {
	var arts []int
	for _, si := range sits {
		arts = append(arts, c.sits.list[si].articles...)
	}
	out := &sitrep.Situations{Situations: []sitrep.Situation{}, Duplicates: c.duplicates(arts)}
	isCopy := map[int]bool{}
	for _, d := range out.Duplicates {
		isCopy[c.byID[d.Copy]] = true
	}
	for _, si := range sits {
		s := c.sits.list[si]
		sit := sitrep.Situation{
			ID:       "sit-" + shortHash(c.arts[slices.MinFunc(s.articles, c.earlier)].id),
			Articles: make([]string, 0, len(s.articles)),
			Events:   []sitrep.LinkedEvent{},
		}
		for _, ai := range s.articles {
			sit.Articles = append(sit.Articles, c.arts[ai].id)
		}
		// The linked event of each mention, for the casualty figures.
		evOfMention := map[[2]int]string{}
		for _, ei := range s.events {
			le := c.linkedEvent(ei, isCopy)
			for _, mi := range c.events[ei].mentions {
				m := c.mentions[mi]
				evOfMention[[2]int{m.art, m.ev}] = le.ID
			}
			sit.Events = append(sit.Events, le)
		}
		slices.SortFunc(sit.Events, func(a, b sitrep.LinkedEvent) int {
			return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.ID, b.ID))
		})
		sit.Casualties = c.casualties(s.articles, isCopy, evOfMention)
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
	x, y := c.arts[a], c.arts[b]
	switch {
	case x.published == y.published:
	case x.published == "":
		return 1
	case y.published == "":
		return -1
	default:
		return cmp.Compare(x.published, y.published)
	}
	return cmp.Compare(x.id, y.id)
}

// duplicates lists each of the given articles found to be a
// near-duplicate, as a copy of the earliest article of its group (by
// publication date, then arrival). The groups lie within the articles
// (see tied).
func (c *Clusterer) duplicates(arts []int) []sitrep.Duplicate {
	root := func(i int) int {
		for c.arts[i].dupOf >= 0 {
			i = c.arts[i].dupOf
		}
		return i
	}
	groups := map[int][]int{}
	for _, i := range arts {
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
			pa, pb := c.arts[a].published, c.arts[b].published
			if pa != pb && pa != "" && pb != "" {
				return cmp.Compare(pa, pb)
			}
			return cmp.Compare(a, b)
		})
		for _, i := range g {
			if i == orig {
				continue
			}
			sim := c.dups.sigs[i].similarity(c.dups.sigs[orig])
			if sim < c.cfg.RewriteSimilarity {
				sim = c.arts[i].dupSim // a chain: i is close to another copy
			}
			kind := "rewrite"
			if sim >= c.cfg.CopySimilarity {
				kind = "copy"
			}
			dups = append(dups, sitrep.Duplicate{Original: c.arts[orig].id,
				Copy: c.arts[i].id, Kind: kind, Similarity: round3(sim)})
		}
	}
	slices.SortFunc(dups, func(a, b sitrep.Duplicate) int {
		return cmp.Compare(c.byID[a.Copy], c.byID[b.Copy])
	})
	return dups
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// linkedEvent builds the record of event ei.
func (c *Clusterer) linkedEvent(ei int, isCopy map[int]bool) sitrep.LinkedEvent {
	e := c.events[ei]
	first := c.mentions[slices.MinFunc(e.mentions, func(a, b int) int {
		return cmp.Or(c.earlier(c.mentions[a].art, c.mentions[b].art), cmp.Compare(c.mentions[a].ev, c.mentions[b].ev))
	})]
	le := sitrep.LinkedEvent{ID: eventID(c.arts[first.art].id, first), Mentions: make([]sitrep.MentionRef, 0, len(e.mentions))}
	codes := map[string]int{}
	arts := map[int]bool{}
	best := map[string]float64{} // outlet → best mention confidence, among articles that are no copies
	var firstEv *sitrep.Event
	bestLoc := -1
	for k, mi := range e.mentions {
		m := c.mentions[mi]
		a := c.arts[m.art]
		ev := &a.events[m.ev]
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
			Article: a.id, Start: m.sent, End: m.sentEnd, Trigger: m.trigger, Sentence: ev.Evidence.SentenceNum, Event: m.ev,
			Outlet: a.outlet, Published: a.published, Copy: isCopy[m.art],
			Score: round3(e.scores[k]), Reason: e.reasons[k],
		})
		if p := a.published; p != "" {
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
		ev := c.eventOf(mi)
		if codes[ev.CAMEO] > codes[le.CAMEO] {
			le.CAMEO = ev.CAMEO
		}
	}
	for _, mi := range e.mentions {
		ev := c.eventOf(mi)
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
	le.Casualties = c.eventCasualties(e, isCopy)
	return le
}

// eventOf returns the extracted event of mention mi.
func (c *Clusterer) eventOf(mi int) *sitrep.Event {
	m := c.mentions[mi]
	return &c.arts[m.art].events[m.ev]
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
		ev := c.eventOf(mi)
		if ev.Date == "" {
			continue
		}
		k := cands[ev.Date]
		if k == nil {
			k = &cand{date: ev.Date, precision: ev.DatePrecision}
			cands[ev.Date] = k
		}
		r := precisionRank[ev.DatePrecision]
		if ev.DateReason != "published" && ev.DateReason != "dateline" {
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

// figure is one casualty figure of an article.
type figure struct {
	sitrep.CasualtyFigure
	kind string
	// main marks the article's figure of its kind for the situation: for
	// killed and wounded its main-incident figure (casualty.Summarize,
	// which Count then holds), for the other kinds its first one.
	main bool
	// event is the index of the article's event the figure attaches to
	// (see attachEvent), or -1.
	event int
}

// articleFigures lists the casualty figures of an article (counts above
// zero, in text order).
func articleFigures(res *sitrep.Result) []figure {
	killed, wounded := casualty.Summarize(res.Casualties)
	done := map[string]bool{}
	var out []figure
	for _, cs := range res.Casualties {
		if cs.Count <= 0 {
			continue
		}
		f := figure{kind: cs.Kind, event: attachEvent(res.Events, cs.Kind, cs.Span), CasualtyFigure: sitrep.CasualtyFigure{
			Count: cs.Count, Exact: cs.Exact, AccordingTo: strings.Clone(accordingTo(res, cs.Span)),
			Article: res.Article.ID, Start: cs.Start, End: cs.End, Text: strings.Clone(cs.Text)}}
		if !done[cs.Kind] {
			n := cs.Count
			switch cs.Kind {
			case casualty.Killed:
				n = killed
			case casualty.Wounded:
				n = wounded
			}
			if n > 0 {
				done[cs.Kind] = true
				f.main, f.Count, f.Exact = true, n, cs.Exact && n == cs.Count
			}
		}
		out = append(out, f)
	}
	return out
}

// attachEvent returns the index of the event a casualty figure of the
// given kind at span belongs to: among the events told by the sentence
// holding it, one of the CAMEO roots that cause that kind of casualty
// (assaults, fights and mass violence kill and wound; coercion arrests;
// assaults abduct) first, then another material-conflict one
// (QuadClass 4), then any; among those the one whose trigger is
// nearest. -1 when no event of its sentence.
func attachEvent(evs []sitrep.Event, kind string, span sitrep.Span) int {
	best, bestKey := -1, [2]int{}
	for i := range evs {
		e := &evs[i]
		if span.Start < e.Evidence.Start || span.End > e.Evidence.End {
			continue
		}
		rank := 2
		switch {
		case slices.Contains(causes(kind), e.Root):
			rank = 0
		case e.QuadClass == 4:
			rank = 1
		}
		d := max(0, e.Evidence.Trigger.Start-span.End, span.Start-e.Evidence.Trigger.End)
		if key := [2]int{rank, d}; best < 0 || key[0] < bestKey[0] || (key[0] == bestKey[0] && key[1] < bestKey[1]) {
			best, bestKey = i, key
		}
	}
	return best
}

// causes returns the CAMEO roots whose acts cause a kind of casualty:
// coerce (17: arrest, detain), assault (18: abduct, beat, bomb), fight
// (19), unconventional mass violence (20).
func causes(kind string) []string {
	switch kind {
	case casualty.Killed, casualty.Wounded:
		return []string{"18", "19", "20"}
	case casualty.Arrested:
		return []string{"17"}
	case casualty.Kidnapped:
		return []string{"18"}
	}
	return nil
}

// accordingTo names who gives a figure: the speaker of the quote holding
// it, else the outlet.
func accordingTo(res *sitrep.Result, s sitrep.Span) string {
	for _, q := range res.Quotes {
		if q.Span.Contains(s) && q.Speaker != "" {
			return q.Speaker
		}
	}
	return outlet(res.Article)
}

// casualties gathers, per kind, the main figure of each article that is
// no copy; evOf names the linked event of each (article, event) mention.
func (c *Clusterer) casualties(arts []int, isCopy map[int]bool, evOf map[[2]int]string) []sitrep.CasualtyRange {
	var figs []sitrep.CasualtyFigure
	var kinds []string
	for _, ai := range arts {
		if isCopy[ai] {
			continue
		}
		for _, f := range c.arts[ai].figures {
			if f.main {
				cf := f.CasualtyFigure
				if f.event >= 0 {
					cf.Event = evOf[[2]int{ai, f.event}]
				}
				figs = append(figs, cf)
				kinds = append(kinds, f.kind)
			}
		}
	}
	return ranges(figs, kinds)
}

// eventCasualties gathers, per kind, the figures attached to the
// mentions of event e: the first of each article that is no copy.
func (c *Clusterer) eventCasualties(e *event, isCopy map[int]bool) []sitrep.CasualtyRange {
	evs := map[int][]int{} // article → its events among the mentions
	var arts []int
	for _, mi := range e.mentions {
		m := c.mentions[mi]
		if isCopy[m.art] {
			continue
		}
		if _, ok := evs[m.art]; !ok {
			arts = append(arts, m.art)
		}
		evs[m.art] = append(evs[m.art], m.ev)
	}
	var figs []sitrep.CasualtyFigure
	var kinds []string
	for _, ai := range arts {
		done := map[string]bool{}
		for _, f := range c.arts[ai].figures {
			if f.event >= 0 && !done[f.kind] && slices.Contains(evs[ai], f.event) {
				done[f.kind] = true
				figs = append(figs, f.CasualtyFigure)
				kinds = append(kinds, f.kind)
			}
		}
	}
	if len(figs) == 0 {
		return nil
	}
	return ranges(figs, kinds)
}

// ranges groups figures by kind (kinds[i] is the kind of figs[i]), in
// the order kinds first appear: the lowest and highest count, and a
// conflict when they differ.
func ranges(figs []sitrep.CasualtyFigure, kinds []string) []sitrep.CasualtyRange {
	byKind := map[string]*sitrep.CasualtyRange{}
	var order []string
	for i, f := range figs {
		r := byKind[kinds[i]]
		if r == nil {
			r = &sitrep.CasualtyRange{Kind: kinds[i], Low: f.Count, High: f.Count}
			byKind[kinds[i]] = r
			order = append(order, kinds[i])
		}
		r.Low, r.High = min(r.Low, f.Count), max(r.High, f.Count)
		r.Figures = append(r.Figures, f)
	}
	out := []sitrep.CasualtyRange{}
	for _, k := range order {
		r := byKind[k]
		r.Conflict = r.Low != r.High
		out = append(out, *r)
	}
	return out
}

// articleQuotes lists the quotes of an article with a speaker, leaving
// out fragments inside a longer quote of the same speaker.
func articleQuotes(res *sitrep.Result) []sitrep.SituationQuote {
	var out []sitrep.SituationQuote
	for i, q := range res.Quotes {
		if q.Speaker == "" || insideAnother(res.Quotes, i) {
			continue
		}
		out = append(out, sitrep.SituationQuote{Article: res.Article.ID, Start: q.Start, End: q.End,
			Speaker: strings.Clone(q.Speaker), Text: strings.Clone(q.Text), Kind: q.Kind})
	}
	return out
}

// quotes lists the quotes of the articles that are no copies, each text
// once.
func (c *Clusterer) quotes(arts []int, isCopy map[int]bool) []sitrep.SituationQuote {
	out := []sitrep.SituationQuote{}
	seen := map[string]bool{}
	for _, ai := range arts {
		if isCopy[ai] {
			continue
		}
		for _, q := range c.arts[ai].quotes {
			key := strings.ToLower(strings.Join(strings.Fields(q.Text), " "))
			if seen[key] {
				continue
			}
			seen[key] = true
			out = append(out, q)
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
