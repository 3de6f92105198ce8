package parse

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep/internal/learn"
	"github.com/sitrep-project/sitrep/internal/text"
	"github.com/sitrep-project/sitrep/internal/wordclass"
)

// TrainConfig sets how Train trains the models.
type TrainConfig struct {
	TagEpochs   int     // maximum tagger epochs (the best on dev is kept)
	ParseEpochs int     // maximum parser epochs (the best dev LAS is kept)
	Folds       int     // jackknife folds for the parser's training tags
	Explore     float64 // probability of following a wrong prediction, after the first epoch
	Prune       float32 // parser weights whose average is smaller than this are dropped
	TagPrune    float32 // the same for the tagger
	Seed        uint64
	Source      string // training data, for the model metadata
	License     string
	// Jackknifed, if set, are the training sentences' jackknifed tag
	// classes ("UPOS XPOS") from an earlier run with the same tagger
	// settings (Models.Jackknifed), which saves retraining the folds.
	Jackknifed *Jackknifed
	// PruneReport lists other pruning thresholds whose dev figures and
	// model sizes are logged after the last epoch (for choosing Prune).
	PruneReport []float32
	// TaggerOnly stops after the tagger (for experiments on it).
	TaggerOnly bool
	// Logf, if set, receives progress lines.
	Logf func(format string, args ...any)
}

// DefaultTrainConfig is the configuration of the shipped models.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{TagEpochs: 10, ParseEpochs: 12, Folds: 10, Explore: 0.9, Prune: 2, TagPrune: 0.5, Seed: 1,
		Source:  "Universal Dependencies English Web Treebank (UD_English-EWT @ 15d613d8, train.conllu; selected on dev.conllu)",
		License: "CC BY-SA 4.0. Derived from the UD English EWT treebank, (c) the UD English EWT contributors (Silveira et al. 2014; Linguistic Data Consortium English Web Treebank); https://github.com/UniversalDependencies/UD_English-EWT; this model file is licensed CC BY-SA 4.0",
	}
}

// Models are the trained tagger and parser with their dev figures.
type Models struct {
	Tagger, Tagger2, Parser *learn.Model
	Dev                     Scores
	Jackknifed              *Jackknifed // the training tags of the folds
}

// sample is a sentence prepared for training.
type sample struct {
	ws    []word
	first []int // first-pass tags, for training the second pass
	gold  []int // tagger class of each word (-1 if unknown)
	g     oracle
	proj  bool
}

func (c TrainConfig) logf(format string, args ...any) {
	if c.Logf != nil {
		c.Logf(format, args...)
	}
}

// Train trains the tagger and the parser on train and picks their epochs
// on dev.
func Train(train, dev []*Tree, cfg TrainConfig) (*Models, error) {
	an, err := text.NewAnalyzer()
	if err != nil {
		return nil, fmt.Errorf("parse: train: %w", err)
	}
	wc, err := wordclass.Load()
	if err != nil {
		return nil, fmt.Errorf("parse: train: %w", err)
	}
	tagClasses, labels := inventory(train)
	trs := prepare(train, tagClasses, labels, wc)
	devs := prepare(dev, tagClasses, labels, wc)

	// 1. The tagger's first pass, its epochs chosen on dev, and its
	// jackknifed tags of the training sentences.
	tm, tagEpochs, acc := trainTagger(trs, devs, tagClasses, cfg.TagEpochs, 0, cfg)
	cfg.logf("tagger pass 1: %d epochs, dev accuracy %.4f", tagEpochs, acc)
	amb := ambiguity(trs)
	for i := range devs {
		devs[i].first = greedyWords(tm, amb, devs[i].ws, nil)
	}
	folds := learn.Folds(len(trs), cfg.Folds, cfg.Seed)
	var jk1, jk2 [][]int
	if cfg.Jackknifed != nil {
		if jk1, err = classIDs(cfg.Jackknifed.Pass1, trs, tagClasses); err != nil {
			return nil, fmt.Errorf("parse: train: %w", err)
		}
		if jk2, err = classIDs(cfg.Jackknifed.Pass2, trs, tagClasses); err != nil {
			return nil, fmt.Errorf("parse: train: %w", err)
		}
	} else {
		jk1 = jackknife(trs, folds, tagClasses, tagEpochs, cfg)
	}
	for i := range trs {
		trs[i].first = jk1[i]
	}
	// 2. The second pass, reading the first pass's tags of the words
	// ahead (jackknifed in training), and its own jackknifed tags, which
	// the parser trains on.
	tm2, tag2Epochs, acc2 := trainTagger(trs, devs, tagClasses, cfg.TagEpochs, 0, cfg)
	cfg.logf("tagger pass 2: %d epochs, dev accuracy %.4f", tag2Epochs, acc2)
	if jk2 == nil {
		jk2 = jackknife(trs, folds, tagClasses, tag2Epochs, cfg)
	}
	for _, m := range []struct {
		m      *learn.Model
		name   string
		epochs int
		acc    float64
	}{{tm, taggerName, tagEpochs, acc}, {tm2, tagger2Name, tag2Epochs, acc2}} {
		m.m.Meta = learn.Meta{Name: m.name, Features: featureVersion, Source: cfg.Source, License: cfg.License,
			Info: map[string]string{"epochs": strconv.Itoa(m.epochs), "dev_accuracy": fmt.Sprintf("%.4f", m.acc), ambKey: m.m.Meta.Info[ambKey]}}
	}
	tg, err := newTagger(tm, tm2)
	if err != nil {
		return nil, fmt.Errorf("parse: train: %w", err)
	}
	pred := jk2
	for _, jk := range []struct {
		name string
		tags [][]int
	}{{"pass 1", jk1}, {"pass 2", jk2}} {
		right, all := 0, 0
		for i := range trs {
			for j, c := range jk.tags[i] {
				if c == trs[i].gold[j] {
					right++
				}
				all++
			}
		}
		cfg.logf("jackknifed training tags, %s: accuracy %.4f", jk.name, float64(right)/float64(all))
	}
	if cfg.TaggerOnly {
		var c Count
		for i, t := range dev {
			sys := slices.Clone(t.Tokens)
			for j, k := range tagWords(tg, devs[i].ws) {
				sys[j].UPOS, sys[j].XPOS = tg.upos[k], tg.xpos[k]
			}
			c.Add(t.Tokens, sys)
		}
		s := c.Scores()
		cfg.logf("tagger: dev UPOS %.4f XPOS %.4f", s.UPOS, s.XPOS)
		return &Models{Tagger: tm, Tagger2: tm2, Dev: s}, nil
	}

	// 3. The parser.
	pp := &Parser{tg: tg, labels: labels, an: an, wc: wc}
	pp.rootL, pp.punctL, pp.fallbackL = slices.Index(labels, "root"), slices.Index(labels, "punct"), slices.Index(labels, "parataxis")
	pp.tagU, pp.punct = uposIDs(tg.upos)
	pp.pool.New = func() any { return &scratch{} }
	trainToks := make([][]ptok, len(trs))
	for i := range trs {
		trainToks[i] = pp.ptoks(train[i], trs[i].ws, pred[i])
	}
	meta := learn.Meta{Name: parserName, Features: featureVersion, Source: cfg.Source, License: cfg.License}
	pm, best := trainParser(pp, trs, trainToks, dev, labels, meta, cfg)
	pm.Meta.Info["tagset"] = strings.Join(tagClasses, "|")
	pp.pm = pm
	return &Models{Tagger: tm, Tagger2: tm2, Parser: pm, Dev: best,
		Jackknifed: &Jackknifed{Pass1: classNames(jk1, tagClasses), Pass2: classNames(jk2, tagClasses)}}, nil
}

// Jackknifed are the training sentences' jackknifed tag classes ("UPOS
// XPOS") of the tagger's two passes.
type Jackknifed struct {
	Pass1, Pass2 [][]string
}

func classNames(tags [][]int, classes []string) [][]string {
	out := make([][]string, len(tags))
	for i, cs := range tags {
		for _, c := range cs {
			out[i] = append(out[i], classes[c])
		}
	}
	return out
}

// jackknife tags each fold of trs with a model of the given number of
// epochs trained on the other folds (a second-pass model when the samples
// have first-pass tags).
func jackknife(trs []sample, folds []int, classes []string, epochs int, cfg TrainConfig) [][]int {
	pred := make([][]int, len(trs))
	for k := range cfg.Folds {
		var in []sample
		for i := range trs {
			if folds[i] != k {
				in = append(in, trs[i])
			}
		}
		fm, _, _ := trainTagger(in, nil, classes, epochs, epochs, cfg)
		amb := ambiguity(in)
		for i := range trs {
			if folds[i] == k {
				pred[i] = greedyWords(fm, amb, trs[i].ws, trs[i].first)
			}
		}
		cfg.logf("jackknife fold %d/%d", k+1, cfg.Folds)
	}
	return pred
}

// greedyWords tags ws with one pass of model m.
func greedyWords(m *learn.Model, amb map[uint64]uint64, ws []word, first []int) []int {
	(&tagger{amb: amb}).setAmbiguity(ws)
	out := make([]int, len(ws))
	greedy(m, ws, first, out, nil, make([]float32, m.NumClasses()))
	return out
}

// classIDs maps cached tag classes back to indices.
func classIDs(cached [][]string, trs []sample, classes []string) ([][]int, error) {
	if len(cached) != len(trs) {
		return nil, fmt.Errorf("%d cached tag sequences for %d sentences", len(cached), len(trs))
	}
	out := make([][]int, len(trs))
	for i, cs := range cached {
		if len(cs) != len(trs[i].ws) {
			return nil, fmt.Errorf("sentence %d: %d cached tags for %d words", i, len(cs), len(trs[i].ws))
		}
		for _, c := range cs {
			j, ok := slices.BinarySearch(classes, c)
			if !ok {
				return nil, fmt.Errorf("sentence %d: unknown tag class %q", i, c)
			}
			out[i] = append(out[i], j)
		}
	}
	return out, nil
}

// inventory lists the tag classes and labels of the training trees.
func inventory(trees []*Tree) (tags, labels []string) {
	for _, t := range trees {
		for _, tok := range t.Tokens {
			tags = append(tags, tok.UPOS+" "+tok.XPOS)
			labels = append(labels, tok.Rel)
		}
	}
	labels = append(labels, "root", "punct", "parataxis")
	slices.Sort(tags)
	slices.Sort(labels)
	return slices.Compact(tags), slices.Compact(labels)
}

func prepare(trees []*Tree, tags, labels []string, wc *wordclass.Classes) []sample {
	out := make([]sample, len(trees))
	for i, t := range trees {
		n := len(t.Tokens)
		s := sample{ws: make([]word, n), gold: make([]int, n), g: oracle{head: make([]int32, n+1), rel: make([]int32, n+1)}}
		s.g.head[0] = -1
		ok := true
		for j, tok := range t.Tokens {
			analyzeWord(&s.ws[j], tok.Form, wc)
			c, found := slices.BinarySearch(tags, tok.UPOS+" "+tok.XPOS)
			if !found {
				c = -1
			}
			s.gold[j] = c
			s.g.head[j+1] = int32(tok.Head)
			l, found := slices.BinarySearch(labels, tok.Rel)
			if !found {
				l = slices.Index(labels, "parataxis")
			}
			s.g.rel[j+1] = int32(l)
			ok = ok && tok.Head >= 0
		}
		if n > 0 {
		}
		s.proj = ok && projective(s.g.head)
		out[i] = s
	}
	return out
}

func tagWords(t *tagger, ws []word) []int {
	out := make([]int, len(ws))
	t.tag(ws, out, make([]int, len(ws)), nil, make([]float32, t.m.NumClasses()))
	return out
}

// trainTagger trains for up to epochs epochs and returns the model of the
// epoch with the best dev accuracy (of the last epoch when dev is empty or
// fixed > 0).
func trainTagger(trs, dev []sample, classes []string, epochs, fixed int, cfg TrainConfig) (*learn.Model, int, float64) {
	p := learn.NewPerceptron(classes)
	amb := ambiguity(trs)
	meta := learn.Meta{Info: map[string]string{ambKey: encodeAmbiguity(amb)}}
	at := &tagger{amb: amb}
	rng := rand.New(rand.NewPCG(cfg.Seed, 7))
	order := make([]int, len(trs))
	for i := range order {
		order[i] = i
	}
	scores := make([]float32, len(classes))
	var feats []uint64
	var best *learn.Model
	bestAcc, bestEp := -1.0, 0
	for ep := 1; ep <= epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			s := &trs[si]
			at.setAmbiguity(s.ws)
			p1, p2 := -1, -1
			for i := range s.ws {
				guess := uniqueClass(s.ws[i].amb)
				if guess < 0 {
					feats = tagFeatures(feats[:0], s.ws, i, p1, p2)
					if s.first != nil {
						feats = rightFeatures(feats, s.ws, s.first, i, p1)
					}
					guess = p.Predict(feats, scores)
					if g := s.gold[i]; g >= 0 {
						p.Learn(feats, g, guess)
					}
					p.Tick()
				}
				p2, p1 = p1, guess
			}
		}
		if fixed > 0 || len(dev) == 0 {
			if ep == epochs {
				return p.Model(meta, cfg.TagPrune), ep, 0
			}
			continue
		}
		m := p.Model(meta, cfg.TagPrune)
		acc := passAccuracy(m, amb, dev)
		cfg.logf("tagger epoch %d: dev accuracy %.4f", ep, acc)
		if acc > bestAcc {
			best, bestAcc, bestEp = m, acc, ep
		}
	}
	return best, bestEp, bestAcc
}

// passAccuracy is the accuracy of one pass over dev (a second pass reads
// the samples' first-pass tags).
func passAccuracy(m *learn.Model, amb map[uint64]uint64, dev []sample) float64 {
	right, all := 0, 0
	for _, s := range dev {
		for i, c := range greedyWords(m, amb, s.ws, s.first) {
			if c == s.gold[i] {
				right++
			}
			all++
		}
	}
	return float64(right) / float64(max(all, 1))
}

// ptoks builds the parser's nodes of a sentence with the given tags.
func (p *Parser) ptoks(t *Tree, ws []word, tags []int) []ptok {
	out := make([]ptok, len(ws)+1)
	out[0] = rootTok
	for i, c := range tags {
		out[i+1] = makePtok(&ws[i], c, p.tagU[c], p.an.Lemma(t.Tokens[i].Form, p.tg.xpos[c]))
	}
	return out
}

// trainParser trains the parser with the dynamic oracle and returns the
// averaged model of the epoch with the best dev LAS.
func trainParser(pp *Parser, trs []sample, toks [][]ptok, dev []*Tree, labels []string, meta learn.Meta, cfg TrainConfig) (*learn.Model, Scores) {
	classes := actionNames(labels)
	p := learn.NewPerceptron(classes)
	rng := rand.New(rand.NewPCG(cfg.Seed, 11))
	var order []int
	for i := range trs {
		if trs[i].proj && len(trs[i].ws) > 0 {
			order = append(order, i)
		}
	}
	cfg.logf("parser: %d projective training sentences of %d", len(order), len(trs))
	scores := make([]float32, len(classes))
	cost := make([]int32, len(classes))
	var feats []uint64
	var st state
	st.rootL = pp.rootL
	var best *learn.Model
	var bestS Scores
	bestEp := 0
	for ep := 1; ep <= cfg.ParseEpochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, steps := 0, 0
		for _, si := range order {
			st.toks = toks[si]
			st.reset(len(st.toks) - 1)
			g := &trs[si].g
			for !st.done() {
				feats = st.features(feats[:0])
				p.Scores(feats, scores)
				guess := st.best(scores)
				st.costs(g, cost)
				minC := slices.Min(cost)
				gold := -1
				for a, c := range cost {
					if c == minC && (gold < 0 || scores[a] > scores[gold]) {
						gold = a
					}
				}
				next := gold
				if cost[guess] > minC {
					p.Update(feats, gold, 1)
					p.Update(feats, guess, -1)
					errs++
					if ep > 1 && rng.Float64() < cfg.Explore {
						next = guess
					}
				}
				p.Tick()
				steps++
				st.apply(next)
			}
		}
		m := p.Model(meta, cfg.Prune)
		pp.pm = m
		s := pp.score(dev)
		cfg.logf("parser epoch %d: train errors %.4f, dev UAS %.4f LAS %.4f (full labels %.4f), %d features",
			ep, float64(errs)/float64(max(steps, 1)), s.UAS, s.LAS, s.LASFull, m.NumFeatures())
		if best == nil || s.LAS > bestS.LAS {
			best, bestS, bestEp = m, s, ep
		}
	}
	for _, pr := range cfg.PruneReport {
		m := p.Model(meta, pr)
		pp.pm = m
		s := pp.score(dev)
		cfg.logf("parser, last epoch, prune %g: dev UAS %.4f LAS %.4f, %d features, %d weights, %d bytes",
			pr, s.UAS, s.LAS, m.NumFeatures(), m.NumWeights(), len(m.Marshal()))
	}
	best.Meta.Info = map[string]string{
		"epochs": strconv.Itoa(bestEp), "explore": fmt.Sprint(cfg.Explore), "folds": strconv.Itoa(cfg.Folds), "prune": fmt.Sprint(cfg.Prune),
		"dev_uas": fmt.Sprintf("%.4f", bestS.UAS), "dev_las": fmt.Sprintf("%.4f", bestS.LAS), "dev_las_full": fmt.Sprintf("%.4f", bestS.LASFull),
		"dev_upos": fmt.Sprintf("%.4f", bestS.UPOS), "dev_xpos": fmt.Sprintf("%.4f", bestS.XPOS),
	}
	return best, bestS
}
