package cluster

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/geo"
)

// articleFeatures is what situation clustering compares of an article.
type articleFeatures struct {
	terms    map[uint64]float64 // content word → log term frequency (title words count twice)
	names    map[string]bool    // lower-cased names of people, organisations and groups
	lat, lon float64            // the focus place, when it is a city or finer
	placed   bool
	country  string
	blocks   map[string]bool // linking blocks (event types) of its events
	// acts groups the blocks by trigger: the types an article gives one
	// act (a dictionary code and the typer's other reading of the same
	// verb) are alternatives, not two things that happened. Equal groups
	// appear once.
	acts [][]string
}

// salientWords is how many of an article's words index it: its
// specific words (see situations.specific) of highest tf·idf.
const salientWords = 12

func newArticleFeatures(res *sitrep.Result) *articleFeatures {
	f := &articleFeatures{terms: map[uint64]float64{}, names: map[string]bool{}, blocks: map[string]bool{}}
	tf := map[uint64]int{}
	count := func(s string, n int) {
		words(s, func(w []byte) {
			if w = contentWord(w); w != nil {
				tf[hashWord(w)] += n
			}
		})
	}
	count(res.Article.Title, 2)
	// Place names and nationalities are left out of the words: the place
	// is compared on its own, and two stories of one city share them.
	// Credits name photographers, not the story.
	var skip []sitrep.Span
	for _, e := range res.Entities {
		if e.Type == sitrep.GPE || e.Type == sitrep.Loc || e.Type == sitrep.NORP {
			skip = append(skip, e.Span)
		}
	}
	for _, p := range res.Places {
		skip = append(skip, p.Span)
	}
	for _, c := range res.Captions {
		skip = append(skip, c.Credit)
	}
	slices.SortFunc(skip, func(a, b sitrep.Span) int { return a.Start - b.Start })
	k := 0
	wordsAt(res.Article.Text, func(w []byte, at int) {
		for k < len(skip) && skip[k].End <= at {
			k++
		}
		if k < len(skip) && skip[k].Start <= at {
			return
		}
		if w = contentWord(w); w != nil {
			tf[hashWord(w)]++
		}
	})
	for k, n := range tf {
		if n > 0 {
			f.terms[k] = 1 + math.Log(float64(n))
		}
	}
	for _, e := range res.Entities {
		switch e.Type {
		case sitrep.Person, sitrep.Org:
			f.names[strings.ToLower(e.Name)] = true
		}
	}
	if len(res.Focus) > 0 {
		p := res.Focus[0]
		f.country = p.Country
		switch p.Resolution {
		case "city", "admin2":
			f.lat, f.lon, f.placed = p.Lat, p.Lon, true
		}
	}
	byTrigger := map[sitrep.Span][]string{}
	var triggers []sitrep.Span
	for i := range res.Events {
		e := &res.Events[i]
		b := cmp.Or(e.PLOVER, e.Root)
		f.blocks[b] = true
		t := e.Evidence.Trigger
		if _, ok := byTrigger[t]; !ok {
			triggers = append(triggers, t)
		}
		if !slices.Contains(byTrigger[t], b) {
			byTrigger[t] = append(byTrigger[t], b)
		}
	}
	seen := map[string]bool{}
	for _, t := range triggers {
		g := byTrigger[t]
		slices.Sort(g)
		if k := strings.Join(g, " "); !seen[k] {
			seen[k] = true
			f.acts = append(f.acts, g)
		}
	}
	return f
}

// situation is one cluster of articles under construction.
type situation struct {
	founder   int   // article that opened it
	articles  []int // in arrival order
	merged    int   // index of the situation it was merged into, or -1
	terms     map[uint64]float64
	names     map[string]int
	places    [][2]float64
	countries map[string]int
	blocks    map[string]int
	lo, hi    int32 // publication days covered
	dated     bool
	events    []int        // events whose first mention is in its articles
	lastJoin  int          // arrival number (len(Clusterer.arts)) when an article last joined
	absorbed  []int        // situations merged into it
	ties      map[int]bool // situations holding a mention of its events, or a copy or original of its articles
	// norm is the length of terms weighted by idf, recomputed when stale
	// (set when terms change); idf drifts slowly, so a norm computed a
	// few articles ago is close enough.
	norm  float64
	stale bool
}

// situations clusters articles incrementally.
type situations struct {
	list []*situation
	// byWord indexes situations by the salient words of their articles.
	byWord map[uint64][]int
	df     map[uint64]int // articles holding each content word
	n      int            // articles seen
	// Working memory of add, reused from article to article.
	scratch []weighted
	salient []uint64
	shared  map[int]int
}

func newSituations() *situations {
	return &situations{byWord: map[uint64][]int{}, df: map[uint64]int{}, shared: map[int]int{}}
}

// Words held by many articles tell no story from another ("company",
// "shares", "police", "mln"): a word is specific when at most
// specificDocs articles hold it, or at most specificShare of them. Only
// specific words index situations and count as shared (see cosine).
const (
	specificDocs  = 20
	specificShare = 0.005
)

// specific reports whether word k is specific (see specificDocs).
func (ss *situations) specific(k uint64) bool {
	df := ss.df[k]
	return df <= specificDocs || float64(df) <= specificShare*float64(ss.n)
}

// find follows merges to the live situation.
func (ss *situations) find(i int) int {
	for ss.list[i].merged >= 0 {
		i = ss.list[i].merged
	}
	return i
}

// maxSituationCandidates bounds the situations one word's postings bring
// (the most recent), and maxCompared the situations an article is
// compared with (those sharing most of its salient words), keeping the
// cost per article flat.
const (
	maxSituationCandidates = 32
	maxCompared            = 12
)

// weighted is a word with its weight.
type weighted struct {
	k        uint64
	w        float64
	idf      float64 // the word's idf, by which w is weighted
	specific bool    // see situations.specific
}

// placement is what situations.prepare finds of an article before its
// mentions are linked: its word vector and salient words, and the
// situations it is compared with, with the score of its words alone.
type placement struct {
	vec     []weighted
	norm    float64
	salient []uint64
	words   map[int]float64 // situation → score (see score)
}

// prepare counts article ai's words and finds the situations it may join
// (see add), scoring each by the article's words, names, place, types
// and time. Linking reads it (Clusterer.story) before add places the
// article.
func (ss *situations) prepare(c *Clusterer, ai int) *placement {
	a := c.arts[ai]
	f := a.feat
	ss.n++
	for k := range f.terms {
		ss.df[k]++
	}
	// The article's own vector, weighted by the idf of now, and its
	// salient words: the specific ones of highest weight.
	vec := ss.scratch[:0]
	norm := 0.0
	for k, v := range f.terms {
		idf := ss.idf(k)
		w := v * idf
		vec = append(vec, weighted{k, w, idf, ss.specific(k)})
		norm += w * w
	}
	norm = math.Sqrt(norm)
	slices.SortFunc(vec, func(x, y weighted) int {
		switch {
		case x.w > y.w:
			return -1
		case x.w < y.w:
			return 1
		}
		return cmp.Compare(x.k, y.k)
	})
	salient := ss.salient[:0]
	for _, x := range vec {
		if len(salient) == salientWords {
			break
		}
		if x.specific {
			salient = append(salient, x.k)
		}
	}
	// Situations sharing the most salient words are compared, at most
	// maxCompared of them, and the situation of the article it copies.
	dup := -1
	if a.dupOf >= 0 {
		dup = ss.find(c.arts[a.dupOf].situation)
	}
	shared := ss.shared
	clear(shared)
	for _, w := range salient {
		for _, si := range lastN(ss.byWord[w], maxSituationCandidates) {
			if ss.list[si] == nil {
				continue // settled since the last sweep
			}
			shared[ss.find(si)]++
		}
	}
	byShared := make([]int, 0, len(shared))
	for si := range shared {
		if si != dup {
			byShared = append(byShared, si)
		}
	}
	slices.SortFunc(byShared, func(x, y int) int {
		if shared[x] != shared[y] {
			return shared[y] - shared[x]
		}
		return y - x // the more recent first
	})
	p := &placement{vec: vec, norm: norm, salient: salient, words: map[int]float64{}}
	if dup >= 0 {
		p.words[dup] = ss.score(a, vec, norm, ss.list[dup])
	}
	for _, si := range byShared[:min(len(byShared), maxCompared)] {
		p.words[si] = ss.score(a, vec, norm, ss.list[si])
	}
	return p
}

// add places article ai into a situation and returns its index. linked
// are the events the article's mentions joined; p is what prepare found.
//
// An article joins the situation it scores highest with (see score) if
// that reaches Config.SituationThreshold. Sharing a linked event (0.5)
// or being a copy or rewrite of one of its articles (1) adds to the
// score, but only when the article's words already agree with the
// situation's for at least half the threshold: a generic event ("the
// company agreed") or a template text (an earnings table) shared with
// an unrelated story must not chain the two. For the same reason an
// article that fits several situations merges them only when its words
// alone give at least twice the threshold with each.
func (ss *situations) add(c *Clusterer, ai int, linked map[int]bool, p *placement) int {
	a := c.arts[ai]
	vec, norm, salient := p.vec, p.norm, p.salient
	cand := map[int]float64{} // situation → bonus from shared events or a duplicate
	for si := range p.words {
		cand[si] = 0
	}
	if a.dupOf >= 0 {
		cand[ss.find(c.arts[a.dupOf].situation)] = 1
	}
	for ei := range linked {
		for _, mi := range c.events[ei].mentions {
			if ar := c.mentions[mi].art; ar != ai {
				si := ss.find(c.arts[ar].situation)
				cand[si] = max(cand[si], 0.5)
			}
		}
	}
	type scored struct {
		si           int
		score, words float64
	}
	var over []scored
	minWords := c.cfg.SituationThreshold / 2
	for si, bonus := range cand {
		w, ok := p.words[si]
		if !ok {
			w = ss.score(a, vec, norm, ss.list[si])
		}
		sc := w
		if w >= minWords {
			sc += bonus
		}
		if sc >= c.cfg.SituationThreshold {
			over = append(over, scored{si, sc, w})
		}
	}
	ss.scratch = vec[:0]
	slices.SortFunc(over, func(x, y scored) int {
		if x.score != y.score {
			if x.score > y.score {
				return -1
			}
			return 1
		}
		return x.si - y.si
	})
	var si int
	switch {
	case len(over) == 0:
		si = len(ss.list)
		ss.list = append(ss.list, &situation{founder: ai, merged: -1, terms: map[uint64]float64{},
			names: map[string]int{}, countries: map[string]int{}, blocks: map[string]int{}, ties: map[int]bool{}})
	default:
		si = over[0].si
		// An article that belongs clearly to several situations, by its
		// words alone, joins them: the oldest one absorbs the others.
		if over[0].words >= 2*c.cfg.SituationThreshold {
			for _, o := range over[1:] {
				if o.words >= 2*c.cfg.SituationThreshold {
					si = ss.merge(si, o.si)
				}
			}
		}
	}
	ss.join(si, ai, a)
	s := ss.list[si]
	s.lastJoin = len(c.arts)
	tie := func(sj int) {
		if sj = ss.find(sj); sj != si {
			s.ties[sj], ss.list[sj].ties[si] = true, true
		}
	}
	if a.dupOf >= 0 {
		tie(c.arts[a.dupOf].situation)
	}
	for ei := range linked {
		// An event this article opened has no situation yet but this one.
		if ar := c.mentions[c.events[ei].mentions[0]].art; ar != ai {
			tie(c.arts[ar].situation)
		}
	}
	for _, w := range salient {
		ss.byWord[w] = append(ss.byWord[w], si)
	}
	ss.salient = salient[:0]
	return si
}

// score is how well article a (its word vector vec, of length norm)
// fits situation s, in [0,1] before the bonus for shared events and
// duplicates: time × (0.7 text + 0.1 names + 0.1 place + 0.1 types), where
// text is the cosine of the word vectors weighted by inverse document
// frequency, names the share of the article's person and organisation
// names the situation holds, place 1 within midKm of one of its places
// (0.3 or 0.5 in one of its countries), types the share of the article's
// event types it holds, and time 1 within a week of its dates, fading to
// 0.5 at maxGapDays, beyond which nothing fits.
func (ss *situations) score(a *article, vec []weighted, norm float64, s *situation) float64 {
	f := a.feat
	time := 0.8
	if a.dated && s.dated {
		gap := max(0, max(a.day-s.hi, s.lo-a.day))
		if gap > maxGapDays {
			return 0
		}
		time = 1 - 0.5*float64(max(0, gap-7))/(maxGapDays-7)
	}
	text := ss.cosine(vec, norm, s)
	names := 0.0
	if len(f.names) > 0 {
		n := 0
		for k := range f.names {
			if s.names[k] > 0 {
				n++
			}
		}
		names = float64(n) / float64(len(f.names))
	}
	place := 0.0
	switch {
	case f.placed && len(s.places) > 0:
		for _, p := range s.places {
			if geo.HaversineKm(f.lat, f.lon, p[0], p[1]) <= midKm {
				place = 1
				break
			}
		}
		if place == 0 && s.countries[f.country] > 0 {
			place = 0.3
		}
	case f.country != "" && s.countries[f.country] > 0:
		place = 0.5
	}
	types := 0.0
	if len(f.acts) > 0 {
		n := 0
		for _, g := range f.acts {
			if slices.ContainsFunc(g, func(b string) bool { return s.blocks[b] > 0 }) {
				n++
			}
		}
		types = float64(n) / float64(len(f.acts))
	}
	return time * (0.7*text + 0.1*names + 0.1*place + 0.1*types)
}

// maxGapDays is the longest quiet spell a situation survives.
const maxGapDays = 60

// cosine is the cosine of an article's weighted vector (of length norm)
// and a situation's word vector weighted by idf, in which only specific
// words count as shared: the lengths take every word, so an article
// made of common words alone (an earnings table) is close to nothing.
func (ss *situations) cosine(vec []weighted, norm float64, s *situation) float64 {
	if s.stale {
		n := 0.0
		for k, v := range s.terms {
			w := v * ss.idf(k)
			n += w * w
		}
		s.norm, s.stale = math.Sqrt(n), false
	}
	if norm == 0 || s.norm == 0 {
		return 0
	}
	dot := 0.0
	for _, x := range vec {
		if !x.specific {
			continue
		}
		if v, ok := s.terms[x.k]; ok {
			dot += x.w * v * x.idf
		}
	}
	return dot / (norm * s.norm)
}

// idf is a word's inverse document frequency, smoothed by a prior of
// idfPrior articles that lack it: in a small corpus about one story the
// story's own words must not weigh nothing.
func (ss *situations) idf(k uint64) float64 {
	return math.Log(float64(ss.n+idfPrior) / float64(ss.df[k]+1))
}

const idfPrior = 50

// maxPlaces bounds the places a situation keeps.
const maxPlaces = 32

// maxCentroidTerms bounds a situation's word vector: the heaviest words
// are kept.
const maxCentroidTerms = 400

// join adds article ai to situation si.
func (ss *situations) join(si, ai int, a *article) {
	s := ss.list[si]
	f := a.feat
	s.articles = append(s.articles, ai)
	s.stale = true
	for k, v := range f.terms {
		s.terms[k] += v
	}
	if len(s.terms) > 2*maxCentroidTerms {
		pruneTerms(s.terms, maxCentroidTerms)
	}
	for k := range f.names {
		s.names[k]++
	}
	if f.placed && len(s.places) < maxPlaces {
		s.places = append(s.places, [2]float64{f.lat, f.lon})
	}
	if f.country != "" {
		s.countries[f.country]++
	}
	for b := range f.blocks {
		s.blocks[b]++
	}
	if a.dated {
		if !s.dated {
			s.lo, s.hi, s.dated = a.day, a.day, true
		} else {
			s.lo, s.hi = min(s.lo, a.day), max(s.hi, a.day)
		}
	}
}

// pruneTerms keeps the n heaviest terms of m.
func pruneTerms(m map[uint64]float64, n int) {
	vals := make([]float64, 0, len(m))
	for _, v := range m {
		vals = append(vals, v)
	}
	slices.Sort(vals)
	cut := vals[len(vals)-n]
	for k, v := range m {
		if v < cut {
			delete(m, k)
		}
	}
}

// merge joins situations x and y and returns the one kept: the one
// opened first.
func (ss *situations) merge(x, y int) int {
	x, y = ss.find(x), ss.find(y)
	if x == y {
		return x
	}
	if ss.list[y].founder < ss.list[x].founder {
		x, y = y, x
	}
	sx, sy := ss.list[x], ss.list[y]
	sy.merged = x
	sx.stale = true
	sx.articles = append(sx.articles, sy.articles...)
	slices.Sort(sx.articles)
	sx.events = append(sx.events, sy.events...)
	sx.lastJoin = max(sx.lastJoin, sy.lastJoin)
	sx.absorbed = append(append(sx.absorbed, y), sy.absorbed...)
	for t := range sy.ties {
		if t = ss.find(t); t != x {
			sx.ties[t] = true
			ss.list[t].ties[x] = true
		}
	}
	delete(sx.ties, y)
	for k, v := range sy.terms {
		sx.terms[k] += v
	}
	for k, v := range sy.names {
		sx.names[k] += v
	}
	sx.places = append(sx.places, sy.places...)
	for k, v := range sy.countries {
		sx.countries[k] += v
	}
	for k, v := range sy.blocks {
		sx.blocks[k] += v
	}
	if len(sx.terms) > 2*maxCentroidTerms {
		pruneTerms(sx.terms, maxCentroidTerms)
	}
	if len(sx.places) > maxPlaces {
		sx.places = sx.places[:maxPlaces]
	}
	if sy.dated {
		if !sx.dated {
			sx.lo, sx.hi, sx.dated = sy.lo, sy.hi, true
		} else {
			sx.lo, sx.hi = min(sx.lo, sy.lo), max(sx.hi, sy.hi)
		}
	}
	// Nothing reads a merged situation but its merged field (cleared
	// only now that x holds its words, names and places).
	sy.events, sy.absorbed, sy.ties, sy.articles = nil, nil, nil, nil
	sy.terms, sy.names, sy.places, sy.countries, sy.blocks = nil, nil, nil, nil, nil
	return x
}
