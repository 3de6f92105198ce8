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
	Beam        int     // configurations kept while parsing (1: greedy); the softmax temperature is chosen on dev
	Seed        uint64
	Source      string // training data, for the model metadata
	License     string
	// Jackknifed, if set, are the training sentences' jackknifed tag
	// classes ("UPOS XPOS") from an earlier run with the same tagger
	// settings (Models.Jackknifed), which saves retraining the folds.
	Jackknifed [][]string
	// PruneReport lists other pruning thresholds whose dev figures and
	// model sizes are logged after the last epoch (for choosing Prune).
	PruneReport []float32
	// TaggerOnly stops after the tagger (for experiments on it).
	TaggerOnly bool
	// JackknifeOnly stops after the jackknifed tags (Models.Jackknifed),
	// to cache them for experiments on the parser.
	JackknifeOnly bool
	// Logf, if set, receives progress lines.
	Logf func(format string, args ...any)
}

// DefaultTrainConfig is the configuration of the shipped models.
func DefaultTrainConfig() TrainConfig {
	return TrainConfig{TagEpochs: 10, ParseEpochs: 20, Folds: 10, Explore: 0.9, Prune: 1.6, TagPrune: 0.5, Beam: 2, Seed: 1,
		Source:  "Universal Dependencies English Web Treebank (UD_English-EWT @ 15d613d8, train.conllu; selected on dev.conllu)",
		License: "CC BY-SA 4.0. Derived from the UD English EWT treebank, (c) the UD English EWT contributors (Silveira et al. 2014; Linguistic Data Consortium English Web Treebank); https://github.com/UniversalDependencies/UD_English-EWT; this model file is licensed CC BY-SA 4.0",
	}
}

// Models are the trained tagger and parser with their dev figures.
type Models struct {
	Tagger, Parser *learn.Model
	Dev            Scores
	Jackknifed     [][]string // the parser's training tags
}

// sample is a sentence prepared for training.
type sample struct {
	ws   []word
	gold []int // tagger class of each word (-1 if unknown)
	g    oracle
	proj bool // the gold tree is projective, or was made so by lifting arcs
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

	// 1. The tagger, its epoch chosen on dev.
	tm, tagEpochs, acc := trainTagger(trs, devs, tagClasses, cfg.TagEpochs, 0, cfg)
	cfg.logf("tagger: %d epochs, dev accuracy %.4f", tagEpochs, acc)
	tm.Meta = learn.Meta{Name: taggerName, Features: featureVersion, Source: cfg.Source, License: cfg.License,
		Info: map[string]string{"epochs": strconv.Itoa(tagEpochs), "dev_accuracy": fmt.Sprintf("%.4f", acc), ambKey: tm.Meta.Info[ambKey]}}
	tg, err := newTagger(tm)
	if err != nil {
		return nil, fmt.Errorf("parse: train: %w", err)
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
		return &Models{Tagger: tm, Dev: s}, nil
	}

	// 2. Jackknifed tags for the parser's training sentences.
	pred := make([][]int, len(trs))
	folds := learn.Folds(len(trs), cfg.Folds, cfg.Seed)
	if cfg.Jackknifed != nil {
		if pred, err = classIDs(cfg.Jackknifed, trs, tagClasses); err != nil {
			return nil, fmt.Errorf("parse: train: %w", err)
		}
	}
	for k := range cfg.Folds {
		if cfg.Jackknifed != nil {
			break // the cached tags are those the folds would give
		}
		var in, out []*sample
		var outIdx []int
		for i := range trs {
			if folds[i] == k {
				out = append(out, &trs[i])
				outIdx = append(outIdx, i)
			} else {
				in = append(in, &trs[i])
			}
		}
		fm, _, _ := trainTagger(deref(in), nil, tagClasses, tagEpochs, tagEpochs, cfg)
		ft, err := newTagger(fm)
		if err != nil {
			return nil, fmt.Errorf("parse: train: %w", err)
		}
		for j, s := range out {
			pred[outIdx[j]] = tagWords(ft, s.ws)
		}
		cfg.logf("jackknife fold %d/%d", k+1, cfg.Folds)
	}
	right, all := 0, 0
	for i := range trs {
		for j, c := range pred[i] {
			if c == trs[i].gold[j] {
				right++
			}
			all++
		}
	}
	cfg.logf("jackknifed training tags: accuracy %.4f", float64(right)/float64(all))
	if cfg.JackknifeOnly {
		return &Models{Tagger: tm, Jackknifed: classNames(pred, tagClasses)}, nil
	}

	// 3. The parser.
	pp := &Parser{tg: tg, labels: labels, an: an, wc: wc, beam: 1, temp: 1}
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
	return &Models{Tagger: tm, Parser: pm, Dev: best, Jackknifed: classNames(pred, tagClasses)}, nil
}

// classNames maps tag class indices to their names.
func classNames(pred [][]int, classes []string) [][]string {
	jk := make([][]string, len(pred))
	for i, cs := range pred {
		for _, c := range cs {
			jk[i] = append(jk[i], classes[c])
		}
	}
	return jk
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

func deref(ps []*sample) []sample {
	out := make([]sample, len(ps))
	for i, p := range ps {
		out[i] = *p
	}
	return out
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
		// Non-projective trees are trained on with their crossing arcs
		// lifted (Nivre and Nilsson 2005, without the label encoding).
		s.proj = ok && (projective(s.g.head) || projectivize(s.g.head))
		out[i] = s
	}
	return out
}

func tagWords(t *tagger, ws []word) []int {
	out := make([]int, len(ws))
	t.tag(ws, out, nil, make([]float32, t.m.NumClasses()))
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
				feats = tagFeatures(feats[:0], s.ws, i, p1, p2)
				guess := p.Predict(feats, scores)
				if g := s.gold[i]; g >= 0 {
					p.Learn(feats, g, guess)
				}
				p.Tick()
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
		acc := tagAccuracy(taggerOf(m, amb), dev)
		cfg.logf("tagger epoch %d: dev accuracy %.4f", ep, acc)
		if acc > bestAcc {
			best, bestAcc, bestEp = m, acc, ep
		}
	}
	return best, bestEp, bestAcc
}

func tagAccuracy(t *tagger, dev []sample) float64 {
	right, all := 0, 0
	for _, s := range dev {
		for i, c := range tagWords(t, s.ws) {
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
	cfg.logf("parser: %d projective (or lifted) training sentences of %d", len(order), len(trs))
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
	info := map[string]string{
		"epochs": strconv.Itoa(bestEp), "explore": fmt.Sprint(cfg.Explore), "folds": strconv.Itoa(cfg.Folds), "prune": fmt.Sprint(cfg.Prune),
		"dev_greedy_uas": fmt.Sprintf("%.4f", bestS.UAS), "dev_greedy_las": fmt.Sprintf("%.4f", bestS.LAS),
	}
	pp.pm = best
	if cfg.Beam > 1 {
		temp := chooseTemperature(pp, dev, cfg)
		info[beamKey], info[tempKey] = strconv.Itoa(cfg.Beam), fmt.Sprint(temp)
		pp.beam, pp.temp = cfg.Beam, temp
		bestS = pp.score(dev)
		pp.beam, pp.temp = 1, 1
	}
	info["dev_uas"], info["dev_las"], info["dev_las_full"] = fmt.Sprintf("%.4f", bestS.UAS), fmt.Sprintf("%.4f", bestS.LAS), fmt.Sprintf("%.4f", bestS.LASFull)
	info["dev_upos"], info["dev_xpos"] = fmt.Sprintf("%.4f", bestS.UPOS), fmt.Sprintf("%.4f", bestS.XPOS)
	best.Meta.Info = info
	return best, bestS
}

// beamTemperatures are the softmax temperatures tried for the beam, in
// units of the perceptron's scores (a few hundred for a clear best
// transition).
var beamTemperatures = []float32{5, 10, 15, 20, 25, 30, 40, 50, 70}

// chooseTemperature returns the temperature of cfg.Beam's softmax with
// the best LAS on the even-numbered dev sentences, and logs the figures
// on the odd-numbered ones, which did not choose it.
func chooseTemperature(pp *Parser, dev []*Tree, cfg TrainConfig) float32 {
	var even, odd []*Tree
	for i, t := range dev {
		if i%2 == 0 {
			even = append(even, t)
		} else {
			odd = append(odd, t)
		}
	}
	pp.beam = cfg.Beam
	var best float32
	var bestS Scores
	for _, t := range beamTemperatures {
		pp.temp = t
		s := pp.score(even)
		cfg.logf("parser, beam %d, temperature %g: even dev UAS %.4f LAS %.4f", cfg.Beam, t, s.UAS, s.LAS)
		if best == 0 || s.LAS > bestS.LAS {
			best, bestS = t, s
		}
	}
	pp.temp = best
	s := pp.score(odd)
	pp.beam, pp.temp = 1, 1
	greedyOdd := pp.score(odd)
	cfg.logf("parser, beam %d, temperature %g: odd dev UAS %.4f LAS %.4f (greedy %.4f %.4f)", cfg.Beam, best, s.UAS, s.LAS, greedyOdd.UAS, greedyOdd.LAS)
	return best
}
