package cluster

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep"
)

// Config sets the thresholds of linking; the zero value is not valid,
// start from DefaultConfig.
type Config struct {
	// LinkThreshold is the score (see linkScore) a mention needs with an
	// event to join it.
	LinkThreshold float64
	// CopySimilarity and RewriteSimilarity are the estimated shingle
	// Jaccard similarities from which an article is a copy or a rewrite
	// of an earlier one.
	CopySimilarity    float64
	RewriteSimilarity float64
	// SituationThreshold is the score (see situationScore) an article
	// needs with a situation to join it.
	SituationThreshold float64

	// KeepResults keeps every added Result whole, for Result (reports
	// read the articles' text through it). Without it the Clusterer
	// keeps of an article only what linking and the output need: no
	// text, entities, places or evidence sentences.
	KeepResults bool
	// SettleAfter and SettleDays bound the memory of linking a long
	// stream. A situation settles when no article joined it during the
	// last SettleAfter arrivals and, if it and the stream are dated, its
	// dates lie more than SettleDays days from the publication day of
	// the latest dated arrival. A settled situation, with its events,
	// mentions and duplicates, goes to TakeSettled and the Clusterer
	// forgets it: a later article that would have joined it opens a new
	// one. Situations tied to one another (an event with mentions in
	// both, a copy and its original) settle together. SettleAfter 0
	// never settles.
	SettleAfter int
	SettleDays  int
	// SettleEvery is how many arrivals pass between two looks for
	// settled situations (0: 256).
	SettleEvery int
	// MaxHeld bounds the articles held whatever their dates (0: no
	// bound): over it, the situations that went longest without a new
	// article settle first.
	MaxHeld int
}

// DefaultConfig returns the thresholds set on the corpora in testdata/.
// It keeps every result and never settles: Snapshot covers everything
// added.
func DefaultConfig() Config {
	return Config{LinkThreshold: 0.6, CopySimilarity: 0.8, RewriteSimilarity: 0.4, SituationThreshold: 0.24,
		KeepResults: true}
}

// StreamConfig is DefaultConfig for long streams ('sitrep ingest'): it
// keeps only what linking needs, settles situations quiet for 2,000
// articles and 14 days, and holds at most 5,000 articles (about 50 MB),
// so memory follows the live situations, not the corpus.
func StreamConfig() Config {
	c := DefaultConfig()
	c.KeepResults, c.SettleAfter, c.SettleDays, c.MaxHeld = false, 2000, 14, 5000
	return c
}

// article is what the clusterer keeps of one article.
type article struct {
	id, published string
	res           *sitrep.Result // the whole result, with Config.KeepResults
	events        []sitrep.Event // its events without their evidence sentences
	figures       []figure       // its casualty figures
	quotes        []sitrep.SituationQuote
	outlet        string
	day           int32 // publication day
	dated         bool
	dupOf         int // index of the most similar earlier article, or -1
	dupSim        float64
	situation     int              // index in Clusterer.sits (follow merged)
	feat          *articleFeatures // until it joins a situation
}

// event is one linked event under construction.
type event struct {
	mentions []int // indexes in Clusterer.mentions
	scores   []float64
	reasons  []string
	block    string
	lo, hi   int32 // day range covered by its dated mentions
	dated    bool
}

// Clusterer links articles as they arrive. It is not safe for concurrent
// use: call Add from one goroutine.
//
// Articles, mentions and events are numbered in arrival order; a settled
// one leaves a nil in its slice (8 bytes), and its number in byID, so
// that an article is never added twice.
type Clusterer struct {
	cfg      Config
	arts     []*article
	byID     map[string]int
	dups     *dupIndex
	mentions []*mention
	events   []*event
	evOf     []int32 // event index of each mention
	// byBlock indexes events by linking block and week of their dates;
	// undated events by block alone.
	byBlock map[string]map[int32][]int
	undated map[string][]int
	sits    *situations
	// strs interns blocks and modalities, so that comparing them is
	// comparing pointers.
	strs map[string]string
	// place is what the situations found of the article being added.
	place *placement
	// near caches the blocks of neighbouring types of each block (see
	// neighbourKinds).
	near map[string][]string
	// clock is the publication day of the latest dated article.
	clock      int32
	clockDated bool
	// settled holds what settled since the last TakeSettled.
	settled *sitrep.Situations
	// forgotten counts the articles forgotten since the indexes were
	// last swept; held is the most articles held at a look for settled
	// situations.
	forgotten, held int
}

// New returns an empty Clusterer.
func New(cfg Config) *Clusterer {
	return &Clusterer{
		cfg:     cfg,
		byID:    map[string]int{},
		dups:    newDupIndex(),
		byBlock: map[string]map[int32][]int{},
		undated: map[string][]int{},
		sits:    newSituations(),
		strs:    map[string]string{},
		near:    map[string][]string{},
		settled: &sitrep.Situations{Situations: []sitrep.Situation{}, Duplicates: []sitrep.Duplicate{}},
	}
}

func (c *Clusterer) intern(s string) string {
	if t, ok := c.strs[s]; ok {
		return t
	}
	c.strs[s] = s
	return s
}

// maxScan bounds the events of one week bucket a mention is compared with
// (the most recent ones), which keeps the cost per mention flat on large
// corpora.
const maxScan = 64

// Add links one article's result with everything added before. res.Article.Text
// must be set. With Config.KeepResults res is kept for Result; otherwise
// only what linking needs is copied out of it.
// An article id seen before is ignored, and so reported by the false return.
func (c *Clusterer) Add(res *sitrep.Result) bool {
	if res == nil || res.Article == nil {
		return false
	}
	if _, ok := c.byID[res.Article.ID]; ok {
		return false
	}
	ai := len(c.arts)
	c.byID[res.Article.ID] = ai
	a := &article{id: res.Article.ID, published: res.Article.Published, outlet: outlet(res.Article), dupOf: -1,
		events: trimEvents(res.Events), figures: articleFigures(res), quotes: articleQuotes(res)}
	if c.cfg.KeepResults {
		a.res = res
	}
	a.day, _, a.dated = dayRange(res.Article.Published)
	if a.dated {
		c.clock, c.clockDated = a.day, true
	}

	sig, n := minhash(res.Article.Text)
	if j, s := c.dups.add(ai, sig, n, c.cfg.RewriteSimilarity); j >= 0 {
		a.dupOf, a.dupSim = j, s
	}
	c.arts = append(c.arts, a)

	// The situations the article's words place it in tell which events
	// it may retell (see story).
	a.feat = newArticleFeatures(res)
	c.place = c.sits.prepare(c, ai)

	// Link the mentions, in text order, the readings of one verb together
	// (see readings).
	linked := map[int]bool{} // events this article's mentions joined
	var opened []int         // events its mentions opened
	join := func(m *mention, ei int, score float64, parts linkParts, why string) {
		mi := len(c.mentions)
		c.mentions = append(c.mentions, m)
		reason := "first mention"
		if ei < 0 {
			ei = len(c.events)
			c.events = append(c.events, &event{block: m.block})
			opened = append(opened, ei)
		} else {
			linked[ei] = true
			reason = why + parts.String() // formatted for the link made only
		}
		c.addToEvent(ei, mi, score, reason)
	}
	for _, g := range readings(res.Events) {
		ms := make([]*mention, len(g))
		best, score, parts, first := -1, 0.0, linkParts{}, 0
		for k, i := range g {
			m := newMention(ai, res, i)
			m.loc = a.events[i].Location
			m.block, m.modality, m.kind = c.intern(m.block), c.intern(m.modality), c.intern(m.kind)
			ms[k] = &m
			if ei, s, p := c.bestEvent(&m); ei >= 0 && s > score {
				best, score, parts, first = ei, s, p, k
			}
		}
		// The reading that links best goes first; the others join its
		// event as the same act, unless something rules them out
		// (linkScore of the two readings).
		join(ms[first], best, score, parts, "")
		group := c.evOf[len(c.evOf)-1]
		for k, m := range ms {
			if k == first {
				continue
			}
			if s, p, ok := linkScore(m, ms[first], false); ok {
				join(m, int(group), s, p, "same verb: ")
				continue
			}
			ei, s, p := c.bestEvent(m)
			join(m, ei, s, p, "")
		}
	}

	a.situation = c.sits.add(c, ai, linked, c.place)
	a.feat, c.place = nil, nil
	s := c.sits.list[a.situation]
	s.events = append(s.events, opened...)
	if c.cfg.SettleAfter > 0 && len(c.arts)%cmp.Or(c.cfg.SettleEvery, settleEvery) == 0 {
		c.settle()
	}
	return true
}

// trimEvents copies events without their evidence sentences (the
// mentions keep their spans), cloning the strings kept so that they do
// not hold the article's text.
func trimEvents(evs []sitrep.Event) []sitrep.Event {
	out := make([]sitrep.Event, len(evs))
	for i, e := range evs {
		e.Evidence.Sentence = ""
		e.Source = trimActor(e.Source)
		if e.Target != nil {
			t := trimActor(*e.Target)
			e.Target = &t
		}
		if e.Location != nil {
			l := *e.Location
			l.Name = strings.Clone(l.Name)
			e.Location = &l
		}
		out[i] = e
	}
	return out
}

// trimActor keeps an actor's code and its name (its text when it has
// none), the only parts the output reads.
func trimActor(a sitrep.EventActor) sitrep.EventActor {
	return sitrep.EventActor{Span: a.Span, Actor: a.Actor, Name: strings.Clone(actorName(&a))}
}

// readings groups the indexes of events by their verb (evidence sentence
// and trigger), in text order: the coder may read one verb more than
// once (with two codes, or two pairs of actors), and one verb tells one
// act.
func readings(evs []sitrep.Event) [][]int {
	type verb struct {
		sent    int
		trigger sitrep.Span
	}
	at := map[verb]int{}
	var out [][]int
	for i := range evs {
		v := verb{evs[i].Evidence.Start, evs[i].Evidence.Trigger}
		if k, ok := at[v]; ok {
			out[k] = append(out[k], i)
			continue
		}
		at[v] = len(out)
		out = append(out, []int{i})
	}
	return out
}

// bestEvent returns the event m scores highest with, if that reaches
// Config.LinkThreshold, with the score and its parts; else -1.
func (c *Clusterer) bestEvent(m *mention) (int, float64, linkParts) {
	best, score, parts := -1, 0.0, linkParts{}
	c.candidates(m, func(ei int) {
		s, p, ok := c.scoreEvent(m, ei)
		if ok && s >= c.cfg.LinkThreshold && s > score {
			best, score, parts = ei, s, p
		}
	})
	return best, score, parts
}

// candidates calls f with each event m may join: the latest events of
// its block (maxScan a week bucket) and of the blocks of neighbouring
// types (maxScanNear). (The other readings of its verb are Add's.)
func (c *Clusterer) candidates(m *mention, each func(ei int)) {
	seen := map[int]bool{}
	f := func(ei int) {
		if c.events[ei] != nil && !seen[ei] { // not settled since the last sweep
			seen[ei] = true
			each(ei)
		}
	}
	near := c.nearBlocks(m)
	if !m.dated {
		for _, ei := range lastN(c.undated[m.block], maxScan) {
			f(ei)
		}
		for _, b := range near {
			for _, ei := range lastN(c.undated[b], maxScanNear) {
				f(ei)
			}
		}
		// An undated mention may still tell an event of its own article.
		for mi := len(c.mentions) - 1; mi >= 0 && c.mentions[mi] != nil && c.mentions[mi].art == m.art; mi-- {
			if ei := int(c.evOf[mi]); c.events[ei].dated {
				f(ei)
			}
		}
		return
	}
	lo, hi := m.lo-maxDateTolerance, m.hi+maxDateTolerance
	scan := func(b string, n int) {
		weeks := c.byBlock[b]
		if weeks == nil {
			return
		}
		for w := lo / 7; w <= hi/7; w++ {
			for _, ei := range lastN(weeks[w], n) {
				f(ei)
			}
		}
		for _, ei := range lastN(c.undated[b], n) {
			f(ei)
		}
	}
	scan(m.block, maxScan)
	for _, b := range near {
		scan(b, maxScanNear)
	}
}

// maxScanNear bounds the events of one week bucket of a neighbouring
// type's block a mention is compared with.
const maxScanNear = 16

// nearBlocks returns the blocks of the types neighbouring m's (see
// neighbourKinds) in the QuadClasses of its direction.
func (c *Clusterer) nearBlocks(m *mention) []string {
	if bs, ok := c.near[m.block]; ok {
		return bs
	}
	var bs []string
	quads := []int{1, 2}
	if m.quad > 2 {
		quads = []int{3, 4}
	}
	for _, k := range neighbourKinds[m.kind] {
		for _, q := range quads {
			bs = append(bs, c.intern(k+"/"+strconv.Itoa(q)))
		}
	}
	c.near[m.block] = bs
	return bs
}

func lastN(a []int, n int) []int { return a[max(0, len(a)-n):] }

// maxCompare bounds the mentions of an event a new mention is compared
// with: its first and its latest ones.
const maxCompare = 4

// scoreEvent scores mention m with event ei: the best score with any of
// its mentions (the first and the latest maxCompare-1 of a large event),
// provided none of them rules the link out.
func (c *Clusterer) scoreEvent(m *mention, ei int) (float64, linkParts, bool) {
	best, reason := -1.0, linkParts{}
	ms := c.events[ei].mentions
	if len(ms) > maxCompare {
		ms = append(ms[:1:1], ms[len(ms)-maxCompare+1:]...)
	}
	story := c.story(ei)
	for _, mi := range ms {
		s, r, ok := linkScore(m, c.mentions[mi], story)
		if !ok {
			return 0, linkParts{}, false
		}
		if s > best {
			best, reason = s, r
		}
	}
	return best, reason, best >= 0
}

// story reports whether the article being added tells the story of
// event ei: by itself (its words, names, place, types and time, without
// the bonus of shared events or copies; see situations.score) it scores
// at least Config.SituationThreshold with the situation of the event's
// first mention.
func (c *Clusterer) story(ei int) bool {
	if c.place == nil {
		return false
	}
	ar := c.arts[c.mentions[c.events[ei].mentions[0]].art]
	if ar == nil || ar.feat != nil { // the article being added: no situation yet
		return false
	}
	return c.place.words[c.sits.find(ar.situation)] >= c.cfg.SituationThreshold
}

// addToEvent adds mention mi to event ei and indexes the event under the
// weeks of the mention's dates.
func (c *Clusterer) addToEvent(ei, mi int, score float64, reason string) {
	e := c.events[ei]
	e.mentions = append(e.mentions, mi)
	e.scores = append(e.scores, score)
	e.reasons = append(e.reasons, reason)
	c.evOf = append(c.evOf, int32(ei))
	m := c.mentions[mi]
	if !m.dated {
		if len(e.mentions) == 1 {
			c.undated[m.block] = append(c.undated[m.block], ei)
		}
		return
	}
	weeks := c.byBlock[m.block]
	if weeks == nil {
		weeks = map[int32][]int{}
		c.byBlock[m.block] = weeks
	}
	for w := m.lo / 7; w <= m.hi/7; w++ {
		if !e.dated || w < e.lo/7 || w > e.hi/7 {
			weeks[w] = append(weeks[w], ei)
		}
	}
	if !e.dated {
		e.lo, e.hi, e.dated = m.lo, m.hi, true
	} else {
		e.lo, e.hi = min(e.lo, m.lo), max(e.hi, m.hi)
	}
}

// eventID is stable for the mention that starts an event (its article,
// index among the article's events, sentence, trigger and code).
func eventID(article string, m *mention) string {
	return "ev-" + shortHash(article, strconv.Itoa(m.ev), strconv.Itoa(m.sent), strconv.Itoa(m.trigger.Start), m.cameo)
}

func shortHash(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		fmt.Fprintf(h, "%d:%s", len(p), p)
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// outlet names the article's outlet: its source, else its URL's host,
// else the article itself.
func outlet(a *sitrep.Article) string {
	if a.Source != "" {
		return a.Source
	}
	if u, err := url.Parse(a.URL); err == nil && u.Host != "" {
		return u.Host
	}
	return "article:" + a.ID
}

// Result returns the result added for an article id, or nil (also
// without Config.KeepResults, and once its situation settled).
func (c *Clusterer) Result(id string) *sitrep.Result {
	if i, ok := c.byID[id]; ok && c.arts[i] != nil {
		return c.arts[i].res
	}
	return nil
}

// Has reports whether an article id was added (settled or not).
func (c *Clusterer) Has(id string) bool {
	_, ok := c.byID[id]
	return ok
}
