package parse

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep/internal/learn"
	"github.com/sitrep-project/sitrep/internal/text"
	"github.com/sitrep-project/sitrep/internal/wordclass"
)

// tagger.bin and parser.bin are the models written by scripts/train-parse.
var (
	//go:embed tagger.bin
	taggerData []byte
	//go:embed parser.bin
	parserData []byte
)

// Model names and the feature version this build extracts.
const (
	taggerName     = "parse-tagger"
	parserName     = "parse-parser"
	featureVersion = 1
)

// Parser tags, lemmatizes and parses sentences. It is read-only after
// Load and safe for concurrent use.
type Parser struct {
	tg     *tagger
	pm     *learn.Model
	labels []string
	tagU   []uint64 // UPOS id + 2 of each tagger class
	punct  []bool   // tagger class is punctuation
	an     *text.Analyzer
	wc     *wordclass.Classes

	rootL, punctL, fallbackL int

	// beam is the number of configurations kept while parsing (1:
	// greedy), temp the temperature of the transitions' softmax that
	// scores them; both from the model's metadata (scripts/train-parse
	// chooses the temperature on dev).
	beam int
	temp float32

	pool sync.Pool // *scratch: working memory reused across calls
}

// scratch is the working memory of one Parse call.
type scratch struct {
	ws     []word
	tags   []int
	feats  []uint64
	scores []float32
	st     state
	hyps   [2][]hyp // the beam's configurations: current and next
	top    []ext    // the best extensions of the current ones
	legal  []bool   // which transitions are legal (state.legalMask)
}

// Load returns the parser of the embedded models (some 40 ms of CPU with
// its text analyzer: call it once and share the Parser).
func Load() (*Parser, error) {
	m, err := LoadEmbedded()
	if err != nil {
		return nil, err
	}
	an, err := text.NewAnalyzer()
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	return m.Parser(an)
}

// Embedded holds the parser's embedded models, read but not yet joined to
// a text analyzer (for lemmas). It lets a caller that loads an analyzer
// anyway, such as the pipeline, read the models at the same time and
// share its analyzer rather than load a second one.
type Embedded struct {
	tg *tagger
	pm *learn.Model
	wc *wordclass.Classes
}

// LoadEmbedded reads the embedded tagger, parser and word-class models.
func LoadEmbedded() (*Embedded, error) {
	tm, err := learn.Load(taggerData, taggerName, featureVersion)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	pm, err := learn.Load(parserData, parserName, featureVersion)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	wc, err := wordclass.Load()
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	if got, want := pm.Meta.Info["tagset"], strings.Join(tm.Classes, "|"); got != want {
		return nil, fmt.Errorf("parse: the parser model was trained with another tagger (tag set %q, tagger has %q)", got, want)
	}
	tg, err := newTagger(tm)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	return &Embedded{tg: tg, pm: pm, wc: wc}, nil
}

// Parser returns the parser of the models that lemmatizes with an.
func (m *Embedded) Parser(an *text.Analyzer) (*Parser, error) {
	return newParser(m.tg, m.pm, an, m.wc)
}

// newParser assembles a Parser from its models.
func newParser(tg *tagger, pm *learn.Model, an *text.Analyzer, wc *wordclass.Classes) (*Parser, error) {
	labels, err := labelsOf(pm.Classes)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	p := &Parser{tg: tg, pm: pm, labels: labels, an: an, wc: wc}
	p.rootL = slices.Index(labels, "root")
	p.punctL = slices.Index(labels, "punct")
	p.fallbackL = slices.Index(labels, "parataxis")
	if p.rootL < 0 || p.punctL < 0 || p.fallbackL < 0 {
		return nil, fmt.Errorf("parse: the parser model lacks the root, punct or parataxis label")
	}
	p.tagU, p.punct = uposIDs(p.tg.upos)
	p.pool.New = func() any { return &scratch{} }
	if err := p.setBeam(pm.Meta.Info); err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	return p, nil
}

// setBeam reads the beam width and temperature of the model's metadata:
// none means greedy parsing.
func (p *Parser) setBeam(info map[string]string) error {
	p.beam, p.temp = 1, 1
	if info[beamKey] == "" {
		return nil
	}
	k, err := strconv.Atoi(info[beamKey])
	if err != nil || k < 1 || k > 64 {
		return fmt.Errorf("parser model: beam %q is not a width from 1 to 64", info[beamKey])
	}
	t, err := strconv.ParseFloat(info[tempKey], 32)
	if err != nil || !(t > 0) {
		return fmt.Errorf("parser model: beam temperature %q is not a positive number", info[tempKey])
	}
	p.beam, p.temp = k, float32(t)
	return nil
}

// Beam returns the number of configurations the parser keeps (1:
// greedy) and the temperature of the softmax that scores them.
func (p *Parser) Beam() (width int, temperature float64) { return p.beam, float64(p.temp) }

// The parser model's metadata keys of the beam.
const (
	beamKey = "beam"
	tempKey = "beam_temp"
)

// uposIDs numbers the distinct UPOS tags of the tagger classes.
func uposIDs(upos []string) ([]uint64, []bool) {
	names := slices.Clone(upos)
	slices.Sort(names)
	names = slices.Compact(names)
	ids := make([]uint64, len(upos))
	punct := make([]bool, len(upos))
	for i, u := range upos {
		ids[i] = uint64(slices.Index(names, u) + 2)
		punct[i] = u == "PUNCT"
	}
	return ids, punct
}

// actionNames returns the class names of the transitions over labels.
func actionNames(labels []string) []string {
	out := []string{"SHIFT", "REDUCE"}
	for _, l := range labels {
		out = append(out, "L:"+l, "R:"+l)
	}
	return out
}

// labelsOf recovers the labels from the transition names.
func labelsOf(classes []string) ([]string, error) {
	if len(classes) < 4 || len(classes)%2 != 0 || classes[0] != "SHIFT" || classes[1] != "REDUCE" {
		return nil, fmt.Errorf("parser classes %v are not transitions", classes[:min(4, len(classes))])
	}
	var labels []string
	for i := 2; i < len(classes); i += 2 {
		l, ok := strings.CutPrefix(classes[i], "L:")
		if !ok || classes[i+1] != "R:"+l {
			return nil, fmt.Errorf("parser class %q is not a transition", classes[i])
		}
		labels = append(labels, l)
	}
	return labels, nil
}

// Labels returns the dependency relations the parser produces.
func (p *Parser) Labels() []string { return slices.Clone(p.labels) }

// Parse tags, lemmatizes and parses one sentence in place: it reads each
// token's Form (Start and End are kept) and sets ID, UPOS, XPOS, Lemma,
// Head and Rel. The result is always a tree: one token has Head 0 and Rel
// "root", and every other token's head chain reaches it.
func (p *Parser) Parse(toks []Token) { p.parseTokens(toks, p.beam > 1) }

// parseTokens is Parse, with the beam or greedily.
func (p *Parser) parseTokens(toks []Token, beam bool) {
	if len(toks) == 0 {
		return
	}
	s := p.pool.Get().(*scratch)
	defer p.pool.Put(s)
	p.tag(s, toks)
	st := &s.st
	st.toks = grow(st.toks, len(toks)+1)
	st.toks[0] = rootTok
	for i := range toks {
		c := s.tags[i]
		st.toks[i+1] = makePtok(&s.ws[i], c, p.tagU[c], toks[i].Lemma)
	}
	isPunct := func(i int) bool { return p.punct[s.tags[i-1]] }
	if beam {
		st = p.parseBeam(s, isPunct)
	} else {
		s.feats = p.parse(st, s.feats, s.scores[:p.pm.NumClasses()], isPunct)
	}
	for i := range toks {
		toks[i].Head = int(st.head[i+1])
		toks[i].Rel = p.labels[st.rel[i+1]]
	}
}

// Tag sets the ID, tags and lemma of each token of a sentence from its
// Form, without parsing it.
func (p *Parser) Tag(toks []Token) {
	if len(toks) == 0 {
		return
	}
	s := p.pool.Get().(*scratch)
	defer p.pool.Put(s)
	p.tag(s, toks)
}

func (p *Parser) tag(s *scratch, toks []Token) {
	n := len(toks)
	s.ws = grow(s.ws, n)
	for i := range toks {
		toks[i].ID = i + 1
		analyzeWord(&s.ws[i], toks[i].Form, p.wc)
	}
	s.tags = grow(s.tags, n)
	s.scores = grow(s.scores, max(p.tg.m.NumClasses(), p.pm.NumClasses()))
	s.feats = p.tg.tag(s.ws, s.tags, s.feats, s.scores[:p.tg.m.NumClasses()])
	for i := range toks {
		c := s.tags[i]
		toks[i].UPOS, toks[i].XPOS = p.tg.upos[c], p.tg.xpos[c]
		toks[i].Lemma = p.an.Lemma(toks[i].Form, toks[i].XPOS)
	}
}

// ParseWords parses a sentence given as words.
func (p *Parser) ParseWords(words []string) *Tree {
	t := &Tree{Tokens: make([]Token, len(words))}
	for i, w := range words {
		t.Tokens[i].Form = w
	}
	p.Parse(t.Tokens)
	return t
}

var rootTok = ptok{w: 4, p: 1, u: 1, lem: 4, c: [4]uint64{5, 5, 5, 5}}

func makePtok(w *word, tag int, upos uint64, lemma string) ptok {
	return ptok{w: w.norm, p: uint64(tag + 2), u: upos, lem: learn.Hash(lemma),
		c: [4]uint64{uint64(w.cls[0]), uint64(w.cls[1]), uint64(w.cls[2]), uint64(w.cls[3])}}
}

// parse runs the transition system greedily over st.toks.
func (p *Parser) parse(st *state, feats []uint64, scores []float32, isPunct func(int) bool) []uint64 {
	st.rootL = p.rootL
	st.reset(len(st.toks) - 1)
	for !st.done() {
		feats = st.features(feats[:0])
		p.pm.Scores(feats, scores)
		st.apply(st.best(scores))
	}
	st.finish(p.fallbackL, p.punctL, isPunct)
	return feats
}

// best returns the best-scoring legal transition.
func (s *state) best(scores []float32) int {
	best := -1
	for a, sc := range scores {
		if (best < 0 || sc > scores[best]) && s.legal(a) {
			best = a
		}
	}
	return best
}

// hyp is one configuration of the beam and the sum of the log
// probabilities of its transitions.
type hyp struct {
	st    state
	score float64
}

// ext is an extension of the beam: configuration from, transition act
// (-1 for a finished configuration, kept as it is) and the score after it.
type ext struct {
	from, act int
	score     float64
}

// parseBeam parses s.st.toks keeping the p.beam best configurations at
// each step, a configuration scored by the sum of its transitions' log
// probabilities: a softmax at temperature p.temp of the model's scores
// over the legal transitions. A locally trained model's raw scores are
// not comparable across configurations; their softmax is, and
// flattening it lets a configuration whose best transition was nearly
// tied stay in the beam. It returns the best finished configuration.
func (p *Parser) parseBeam(s *scratch, isPunct func(int) bool) *state {
	k := p.beam
	for b := range s.hyps {
		s.hyps[b] = grow(s.hyps[b], k)
	}
	cur, next := s.hyps[0], s.hyps[1]
	h := &cur[0]
	h.st.toks, h.st.rootL, h.score = s.st.toks, p.rootL, 0
	h.st.reset(len(s.st.toks) - 1)
	live := 1
	scores := s.scores[:p.pm.NumClasses()]
	s.legal = grow(s.legal, len(scores))
	legal := s.legal
	inv := 1 / p.temp
	for {
		top := s.top[:0]
		open := false
		for i := range live {
			h := &cur[i]
			if h.st.done() {
				top = offer(top, k, ext{i, -1, h.score})
				continue
			}
			open = true
			s.feats = h.st.features(s.feats[:0])
			p.pm.Scores(s.feats, scores)
			h.st.legalMask(legal)
			m := float32(math.Inf(-1))
			for a, v := range scores {
				if v > m && legal[a] {
					m = v
				}
			}
			base := h.score
			if live > 1 {
				// Normalized, to compare with the other configurations'
				// extensions. (A lone configuration's extensions share
				// its normalizer, which then changes no comparison.)
				var z float64
				for a, v := range scores {
					// (e^-10 adds next to nothing to the sum.)
					if d := (v - m) * inv; d > -10 && legal[a] {
						z += math.Exp(float64(d))
					}
				}
				base -= math.Log(z)
			}
			for a, v := range scores {
				if d := (v - m) * inv; d > -beamPrune && legal[a] {
					top = offer(top, k, ext{i, a, base + float64(d)})
				}
			}
		}
		for len(top) > 1 && top[0].score-top[len(top)-1].score > beamPrune {
			top = top[:len(top)-1]
		}
		s.top = top
		if !open {
			break
		}
		for j, c := range top {
			n := &next[j]
			n.st.copyFrom(&cur[c.from].st)
			n.score = c.score
			if c.act >= 0 {
				n.st.apply(c.act)
			}
		}
		cur, next, live = next, cur, len(top)
	}
	s.hyps[0], s.hyps[1] = cur, next
	best := &cur[s.top[0].from].st
	best.finish(p.fallbackL, p.punctL, isPunct)
	return best
}

// beamPrune drops from the beam a configuration this much less probable
// (in log probability) than the best: with 3 (e^3, some 20 times) no dev
// parse changed, with beams of 2 and 4, and two configurations were
// scored per step 1.65 times on average instead of 2.
const beamPrune = 3

// offer adds c to top, the best extensions so far in decreasing order of
// score (the earlier of equal ones first), keeping at most k.
func offer(top []ext, k int, c ext) []ext {
	i := len(top)
	for i > 0 && top[i-1].score < c.score {
		i--
	}
	if i >= k {
		return top
	}
	if len(top) < k {
		top = append(top, ext{})
	}
	copy(top[i+1:], top[i:])
	top[i] = c
	return top
}
