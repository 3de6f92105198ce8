package cluster

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"strconv"

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
}

// DefaultConfig returns the thresholds set on the corpora in testdata/.
func DefaultConfig() Config {
	return Config{LinkThreshold: 0.6, CopySimilarity: 0.8, RewriteSimilarity: 0.4, SituationThreshold: 0.24}
}

// article is what the clusterer keeps of one article.
type article struct {
	res       *sitrep.Result // Article, Casualties, Quotes, Events, Places (Text is not read after Add)
	outlet    string
	day       int32 // publication day
	dated     bool
	dupOf     int // index of the most similar earlier article, or -1
	dupSim    float64
	situation int // index in Clusterer.sits (follow merged)
	feat      *articleFeatures
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
type Clusterer struct {
	cfg      Config
	arts     []article
	byID     map[string]int
	dups     *dupIndex
	mentions []mention
	events   []event
	evOf     []int // event index of each mention
	// byBlock indexes events by linking block and week of their dates;
	// undated events by block alone.
	byBlock map[string]map[int32][]int
	undated map[string][]int
	sits    *situations
	// strs interns blocks and modalities, so that comparing them is
	// comparing pointers.
	strs map[string]string
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
// must be set; res is kept (without reading the text again) for Snapshot.
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
	a := article{res: res, outlet: outlet(res.Article), dupOf: -1}
	a.day, _, a.dated = dayRange(res.Article.Published)

	sig, n := minhash(res.Article.Text)
	if j, s := c.dups.add(sig, n, c.cfg.RewriteSimilarity); j >= 0 {
		a.dupOf, a.dupSim = j, s
	}
	c.arts = append(c.arts, a)

	// Link the mentions, in text order.
	linked := map[int]bool{} // events this article's mentions joined
	for i := range res.Events {
		m := newMention(ai, res, i)
		m.block, m.modality = c.intern(m.block), c.intern(m.modality)
		mi := len(c.mentions)
		c.mentions = append(c.mentions, m)
		best, score, reason := -1, 0.0, ""
		c.candidates(&m, func(ei int) {
			s, r, ok := c.scoreEvent(&m, ei)
			if ok && s >= c.cfg.LinkThreshold && s > score {
				best, score, reason = ei, s, r
			}
		})
		if best < 0 {
			best = len(c.events)
			c.events = append(c.events, event{block: m.block})
			reason = "first mention"
		} else {
			linked[best] = true
		}
		c.addToEvent(best, mi, score, reason)
	}

	c.arts[ai].feat = newArticleFeatures(res)
	c.arts[ai].situation = c.sits.add(c, ai, linked)
	return true
}

// candidates calls f with each event m may join.
func (c *Clusterer) candidates(m *mention, f func(ei int)) {
	if !m.dated {
		for _, ei := range lastN(c.undated[m.block], maxScan) {
			f(ei)
		}
		// An undated mention may still tell an event of its own article.
		for mi := len(c.mentions) - 2; mi >= 0 && c.mentions[mi].art == m.art; mi-- {
			if ei := c.evOf[mi]; c.events[ei].dated {
				f(ei)
			}
		}
		return
	}
	weeks := c.byBlock[m.block]
	lo, hi := m.lo-maxDateTolerance, m.hi+maxDateTolerance
	seen := map[int]bool{}
	for w := lo / 7; w <= hi/7; w++ {
		for _, ei := range lastN(weeks[w], maxScan) {
			if !seen[ei] {
				seen[ei] = true
				f(ei)
			}
		}
	}
	for _, ei := range lastN(c.undated[m.block], maxScan) {
		f(ei)
	}
}

func lastN(a []int, n int) []int { return a[max(0, len(a)-n):] }

// maxCompare bounds the mentions of an event a new mention is compared
// with: its first and its latest ones.
const maxCompare = 4

// scoreEvent scores mention m with event ei: the best score with any of
// its mentions (the first and the latest maxCompare-1 of a large event),
// provided none of them rules the link out.
func (c *Clusterer) scoreEvent(m *mention, ei int) (float64, string, bool) {
	best, reason := -1.0, ""
	ms := c.events[ei].mentions
	if len(ms) > maxCompare {
		ms = append(ms[:1:1], ms[len(ms)-maxCompare+1:]...)
	}
	for _, mi := range ms {
		s, r, ok := linkScore(m, &c.mentions[mi])
		if !ok {
			return 0, "", false
		}
		if s > best {
			best, reason = s, r
		}
	}
	return best, reason, best >= 0
}

// addToEvent adds mention mi to event ei and indexes the event under the
// weeks of the mention's dates.
func (c *Clusterer) addToEvent(ei, mi int, score float64, reason string) {
	e := &c.events[ei]
	e.mentions = append(e.mentions, mi)
	e.scores = append(e.scores, score)
	e.reasons = append(e.reasons, reason)
	c.evOf = append(c.evOf, ei)
	m := &c.mentions[mi]
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

// Result returns the result added for an article id, or nil.
func (c *Clusterer) Result(id string) *sitrep.Result {
	if i, ok := c.byID[id]; ok {
		return c.arts[i].res
	}
	return nil
}
