package entity

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/learn"
	"github.com/sitrep-project/sitrep/internal/wordclass"
)

// TrainConfig sets how Train trains.
type TrainConfig struct {
	// Epochs is the most passes over the training data; the pass with the
	// best dev F1 is kept.
	Epochs int
	// Folds is the number of parts the training documents are split into
	// to give the second pass first-pass labels of documents the first
	// pass was not trained on.
	Folds int
	// Seed shuffles the sentences before each pass and the documents
	// into folds.
	Seed uint64
	// Prune drops averaged weights smaller in magnitude.
	Prune float32
	// Logf, when set, reports progress.
	Logf func(format string, args ...any)
}

// temperatures are the candidate temperatures of the calibration.
var temperatures = []float64{0.5, 1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96}

// Train trains the two passes of the sequence model on train, each a
// structured averaged perceptron over BILOU tags, selects the number of
// epochs of each by entity F1 on dev and fits the confidence calibration
// on dev. The second pass learns weights for its document-label features
// on top of first-pass scores and labels given by models trained on the
// other folds of train (stacking), so that it sees them as wrong as they
// will be on new text. The documents must be POS-tagged
// as the text stage tags; lex must be the Lexicon the models will run
// with. Training is deterministic. It returns the first- and second-pass
// models.
func Train(train, dev []LabeledDoc, lex Lexicon, meta learn.Meta, cfg TrainConfig) (first, second *learn.Model, err error) {
	if len(train) == 0 || len(dev) == 0 {
		return nil, nil, fmt.Errorf("entity: train: no training or no dev documents")
	}
	if cfg.Folds < 2 {
		return nil, nil, fmt.Errorf("entity: train: %d folds", cfg.Folds)
	}
	logf := cfg.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	wc, err := wordclass.Load()
	if err != nil {
		return nil, nil, fmt.Errorf("entity: train: %w", err)
	}
	t := &trainer{cfg: cfg, lex: lex, wc: wc, dev: dev, logf: logf}
	docs := t.featurize(train)

	// First pass, on all of train.
	meta1 := meta
	meta1.Name, meta1.Features = firstName, featureVersion
	first, epochs1, f1, err := t.trainStage(docs, meta1, false, true, cfg.Epochs, nil)
	if err != nil {
		return nil, nil, err
	}
	logf("train: first pass: kept epoch %d, dev F1 %.4f", epochs1, f1)

	// First-pass labels of each fold from a model trained on the others.
	fold := learn.Folds(len(docs), cfg.Folds, cfg.Seed)
	for k := range cfg.Folds {
		var in, out []*trainDoc
		for i, d := range docs {
			if fold[i] == k {
				out = append(out, d)
			} else {
				in = append(in, d)
			}
		}
		m, _, _, err := t.trainStage(in, meta1, false, false, epochs1, nil)
		if err != nil {
			return nil, nil, err
		}
		rr, err := newRecognizer(lex, m, nil)
		if err != nil {
			return nil, nil, err
		}
		for _, d := range out {
			d.firstPass(rr)
		}
		logf("train: fold %d: first-pass labels of %d documents", k+1, len(out))
	}
	var cv learn.PRF
	for _, d := range docs {
		cv = addSpans(cv, d.gold, d.dd.tag1)
	}
	logf("train: first pass cross-validated on train (%d folds): F1 %.4f (P %.4f R %.4f)", cfg.Folds, cv.F1(), cv.P(), cv.R())

	// Second pass.
	meta2 := meta
	meta2.Name, meta2.Features = modelName, featureVersion
	second, epochs2, f1, err := t.trainStage(docs, meta2, true, true, cfg.Epochs, first)
	if err != nil {
		return nil, nil, err
	}
	rr, err := newRecognizer(lex, first, second)
	if err != nil {
		return nil, nil, err
	}
	cal := rr.fitCalibration(dev)
	ev := rr.evaluate(dev, cal)
	logf("train: second pass: kept epoch %d, dev F1 %.4f; calibration T=%g a=%.4f b=%.4f, dev ECE %.4f", epochs2, f1, cal.temperature, cal.a, cal.b, ev.Calibration.ECE())
	info := map[string]string{
		"epochs":        strconv.Itoa(epochs2),
		"first_epochs":  strconv.Itoa(epochs1),
		"max_epochs":    strconv.Itoa(cfg.Epochs),
		"folds":         strconv.Itoa(cfg.Folds),
		"seed":          strconv.FormatUint(cfg.Seed, 10),
		"prune":         strconv.FormatFloat(float64(cfg.Prune), 'g', -1, 32),
		"dev_f1":        strconv.FormatFloat(f1, 'f', 4, 64),
		"first_cv_f1":   strconv.FormatFloat(cv.F1(), 'f', 4, 64),
		"dev_ece":       strconv.FormatFloat(ev.Calibration.ECE(), 'f', 4, 64),
		infoTemperature: strconv.FormatFloat(cal.temperature, 'g', -1, 64),
		infoPlattA:      strconv.FormatFloat(cal.a, 'g', 8, 64),
		infoPlattB:      strconv.FormatFloat(cal.b, 'g', 8, 64),
	}
	for key, v := range meta.Info {
		info[key] = v
	}
	second.Meta.Info = info
	return first, second, nil
}

// trainer holds what the stages of Train share.
type trainer struct {
	cfg  TrainConfig
	lex  Lexicon
	wc   *wordclass.Classes
	dev  []LabeledDoc
	logf func(string, ...any)
}

// trainDoc is one training document: its features, gold tags and, for
// the second pass, its document-label features.
type trainDoc struct {
	dd     docFeatures
	gold   []int // tag of each token
	extra  [][]uint64
	trans1 []float32 // transitions of the first pass that labelled it
}

// firstPass labels the document with the first-pass recognizer r and
// computes the second pass's document features from those labels.
func (td *trainDoc) firstPass(r *Recognizer) {
	s := r.pool.Get().(*scratch)
	defer r.pool.Put(s)
	dd := &td.dd
	for _, base := range dd.sent {
		if base < 0 {
			continue
		}
		n := sentLen(dd, base)
		r.decodeSentence(s, dd, &r.first, base, n, nil)
		copy(dd.tag1[base:base+n], s.d.path[:n])
	}
	dd.countLabels()
	td.trans1 = r.first.trans
	td.extra = make([][]uint64, len(dd.plain))
	for t := range dd.plain {
		if !dd.plain[t] {
			td.extra[t] = dd.labelFeatures(nil, t)
		}
	}
}

// sentLen returns the length of the sentence starting at token base.
func sentLen(dd *docFeatures, base int) int {
	next := len(dd.plain)
	for _, b := range dd.sent {
		if b > base && b < next {
			next = b
		}
	}
	return next - base
}

func (t *trainer) featurize(docs []LabeledDoc) []*trainDoc {
	r := &Recognizer{lex: t.lex, k: newKnowledge(), wc: t.wc}
	f := &featurizer{r: r}
	var out []*trainDoc
	lost, ntok, nplain := 0, 0, 0
	for _, ld := range docs {
		td := &trainDoc{}
		td.dd.featurize(f, ld.Doc)
		// Keep the document's own copies of the scratch arrays.
		dd := &td.dd
		dd.sent, dd.feats, dd.off = slices.Clone(dd.sent), slices.Clone(dd.feats), slices.Clone(dd.off)
		dd.plain, dd.lower, dd.capc = slices.Clone(dd.plain), slices.Clone(dd.lower), slices.Clone(dd.capc)
		dd.tag1, dd.emit1 = slices.Clone(dd.tag1), slices.Clone(dd.emit1)
		dd.counts = nil
		gold := goldTags(ld)
		for si, base := range dd.sent {
			if base >= 0 {
				td.gold = append(td.gold, gold[si]...)
			}
		}
		for i, g := range td.gold {
			ntok++
			if dd.plain[i] {
				nplain++
				if g != 0 {
					lost++
				}
			}
		}
		out = append(out, td)
	}
	t.logf("train: %d documents, %d tokens, %d plain (O without the model), %d of them inside a name", len(out), ntok, nplain, lost)
	return out
}

// trainStage trains the first pass, or the second (behind the first-pass
// model first), for up to epochs epochs and returns the model of the
// epoch with the best dev F1, that epoch and its F1; when selecting is
// false, the model after the last epoch, without evaluating on dev.
func (t *trainer) trainStage(docs []*trainDoc, meta learn.Meta, second, selecting bool, epochs int, first *learn.Model) (*learn.Model, int, float64, error) {
	type sent struct {
		d       *trainDoc
		base, n int
	}
	var sents []sent
	for _, d := range docs {
		for _, base := range d.dd.sent {
			if base >= 0 {
				sents = append(sents, sent{d, base, sentLen(&d.dd, base)})
			}
		}
	}
	p := learn.NewPerceptron(tagNames())
	d := decoder{g: newGrammar()}
	k := numTags
	var best *learn.Model
	var bestF1 float64
	bestEpoch := 0
	// The first pass learns from the token features, the second from the
	// document-label features, added to the first pass's scores.
	feats := func(td *trainDoc, t int) []uint64 {
		if second {
			return td.extra[t]
		}
		return td.dd.feats[td.dd.off[t]:td.dd.off[t+1]]
	}
	one := make([]uint64, 1)
	for epoch := 1; epoch <= epochs; epoch++ {
		rnd := rand.New(rand.NewPCG(t.cfg.Seed, uint64(epoch)))
		rnd.Shuffle(len(sents), func(i, j int) { sents[i], sents[j] = sents[j], sents[i] })
		for _, s := range sents {
			dd, n := &s.d.dd, s.n
			d.prepare(n)
			for i := range n {
				if dd.plain[s.base+i] {
					d.plainRow(i)
					continue
				}
				row := d.emit[i*k : (i+1)*k]
				p.Scores(feats(s.d, s.base+i), row)
				if second {
					for c, v := range dd.emit1[(s.base+i)*k : (s.base+i+1)*k] {
						row[c] += firstScale * v
					}
				}
			}
			trans := transitions(func(prev int, out []float32) {
				one[0] = transKey(prev)
				p.Scores(one, out)
			})
			if second {
				for i, t := range s.d.trans1 {
					trans[i] = max(trans[i]+firstScale*t, forbidden)
				}
			}
			d.tag(n, dd.plain[s.base:s.base+n], trans, nil)
			gold := s.d.gold[s.base : s.base+n]
			for i := range n {
				g, y := gold[i], d.path[i]
				gp, yp := -1, -1
				if i > 0 {
					gp, yp = gold[i-1], d.path[i-1]
				}
				if g != y && !dd.plain[s.base+i] {
					fs := feats(s.d, s.base+i)
					p.Update(fs, g, 1)
					p.Update(fs, y, -1)
				}
				if g != y || gp != yp {
					one[0] = transKey(gp)
					p.Update(one, g, 1)
					one[0] = transKey(yp)
					p.Update(one, y, -1)
				}
			}
			p.Tick()
		}
		if !selecting && epoch < epochs {
			continue
		}
		m := p.Model(meta, t.cfg.Prune)
		if !selecting {
			return m, epoch, 0, nil
		}
		m1, m2 := m, (*learn.Model)(nil)
		if second {
			m1, m2 = first, m
		}
		rr, err := newRecognizer(t.lex, m1, m2)
		if err != nil {
			return nil, 0, 0, err
		}
		f1 := rr.evaluate(t.dev, calibration{temperature: 1, a: 1}).All.F1()
		t.logf("train: %s epoch %d: dev F1 %.4f, %d features", meta.Name, epoch, f1, m.NumFeatures())
		if best == nil || f1 > bestF1 {
			best, bestF1, bestEpoch = m, f1, epoch
		}
	}
	return best, bestEpoch, bestF1, nil
}

// addSpans adds to x the entity-level match of the mentions of the tag
// sequence pred against those of gold (exact span and label).
func addSpans(x learn.PRF, gold, pred []int) learn.PRF {
	spans := func(tags []int, f func(a, b, label int)) {
		for a := 0; a < len(tags); a++ {
			if tags[a] == 0 {
				continue
			}
			label, _ := tagParts(tags[a])
			b := a + 1
			for b < len(tags) && tags[b] != 0 {
				if l, pos := tagParts(tags[b]); l != label || pos == posB || pos == posU {
					break
				}
				b++
			}
			f(a, b, label)
			a = b - 1
		}
	}
	type span struct{ a, b, label int }
	in := map[span]bool{}
	spans(gold, func(a, b, l int) { in[span{a, b, l}] = true; x.FN++ })
	spans(pred, func(a, b, l int) {
		if in[span{a, b, l}] {
			x.TP++
			x.FN--
		} else {
			x.FP++
		}
	})
	return x
}

// goldTags returns the BILOU tag classes of each sentence of ld.
func goldTags(ld LabeledDoc) [][]int {
	tags := make([][]int, len(ld.Doc.Sentences))
	for si, s := range ld.Doc.Sentences {
		tags[si] = make([]int, len(s.Tokens))
	}
	for _, g := range ld.Gold {
		label := slices.Index(Labels[:], g.Label)
		t := tags[g.sent]
		if g.b-g.a == 1 {
			t[g.a] = tagClass(label, posU)
			continue
		}
		for i := g.a; i < g.b; i++ {
			t[i] = tagClass(label, posI)
		}
		t[g.a], t[g.b-1] = tagClass(label, posB), tagClass(label, posL)
	}
	return tags
}

// Eval holds entity-level scores (exact span and label, as conlleval) and
// the calibration of the mentions' confidence.
type Eval struct {
	All         learn.PRF
	ByLabel     [len(Labels)]learn.PRF // in the order of Labels
	Calibration *learn.Calibration
}

// Evaluate scores r's mentions against the gold mentions of docs (which
// must be POS-tagged as the text stage tags).
func (r *Recognizer) Evaluate(docs []LabeledDoc) Eval { return r.evaluate(docs, r.cal) }

func (r *Recognizer) evaluate(docs []LabeledDoc, cal calibration) Eval {
	ev := Eval{Calibration: learn.NewCalibration(10)}
	s := r.pool.Get().(*scratch)
	defer r.pool.Put(s)
	type key struct {
		span  sitrep.Span
		label string
	}
	gold := map[key]bool{}
	for _, ld := range docs {
		clear(gold)
		for _, g := range ld.Gold {
			gold[key{g.Span, g.Label}] = true
			ev.All.FN++
			ev.ByLabel[slices.Index(Labels[:], g.Label)].FN++
		}
		for _, m := range r.mentionsAll(s, ld.Doc, cal) {
			li := slices.Index(Labels[:], m.Label)
			ok := gold[key{m.Span, m.Label}]
			ev.Calibration.Add(m.Confidence, ok)
			if ok {
				ev.All.TP++
				ev.All.FN--
				ev.ByLabel[li].TP++
				ev.ByLabel[li].FN--
			} else {
				ev.All.FP++
				ev.ByLabel[li].FP++
			}
		}
	}
	return ev
}

// fitCalibration chooses the temperature and Platt scaling of the
// mentions' confidence by log loss on docs.
func (r *Recognizer) fitCalibration(docs []LabeledDoc) calibration {
	best, bestLoss := calibration{temperature: 1, a: 1}, math.Inf(1)
	s := r.pool.Get().(*scratch)
	defer r.pool.Put(s)
	var xs, ys []float64
	for _, t := range temperatures {
		xs, ys = xs[:0], ys[:0]
		raw := calibration{temperature: t, a: 1}
		for _, ld := range docs {
			gold := map[sitrep.Span]string{}
			for _, g := range ld.Gold {
				gold[g.Span] = g.Label
			}
			for _, m := range r.mentionsAll(s, ld.Doc, raw) {
				p := min(max(m.Confidence, 1e-6), 1-1e-6)
				xs = append(xs, math.Log(p/(1-p)))
				y := 0.0
				if gold[m.Span] == m.Label {
					y = 1
				}
				ys = append(ys, y)
			}
		}
		a, b := platt(xs, ys)
		c := calibration{temperature: t, a: a, b: b}
		loss := 0.0
		for i, x := range xs {
			q := min(max(1/(1+math.Exp(-(a*x+b))), 1e-9), 1-1e-9)
			loss -= ys[i]*math.Log(q) + (1-ys[i])*math.Log(1-q)
		}
		if loss < bestLoss {
			best, bestLoss = c, loss
		}
	}
	return best
}

// platt fits P(y=1|x) = sigmoid(a·x + b) by Newton's method.
func platt(xs, ys []float64) (a, b float64) {
	a = 1
	for range 50 {
		var ga, gb, haa, hab, hbb float64
		for i, x := range xs {
			q := 1 / (1 + math.Exp(-(a*x + b)))
			e := q - ys[i]
			w := q * (1 - q)
			ga += e * x
			gb += e
			haa += w*x*x + 1e-9
			hab += w * x
			hbb += w + 1e-9
		}
		det := haa*hbb - hab*hab
		if det <= 0 {
			break
		}
		da := (hbb*ga - hab*gb) / det
		db := (haa*gb - hab*ga) / det
		a -= da
		b -= db
		if math.Abs(da)+math.Abs(db) < 1e-9 {
			break
		}
	}
	return a, b
}

// TrainSettings are the settings of the shipped model, chosen by dev F1.
var TrainSettings = TrainConfig{Epochs: 12, Folds: 5, Seed: 1, Prune: 0.01}

// trainMeta is the shipped model's record of its data.
var trainMeta = learn.Meta{
	Source: "CoNLL-2003 English NER (Tjong Kim Sang & De Meulder 2003), train split (eng.train) for training and dev split (eng.testa) for selection and calibration, read from ../shared/gold/dev/ner-conll2003-{train,dev}.conll",
	License: "The CoNLL-2003 text is Reuters RCV1 news (1996-97), distributed under the Reuters research agreement (NIST); " +
		"this file holds only hashed feature weights learnt from it, no text",
}

// TrainFiles trains the shipped model from the CoNLL-2003 train and dev
// files with TrainSettings: what scripts/train-ner runs. tag POS-tags a
// sentence as the text stage does.
func TrainFiles(trainPath, devPath string, lex Lexicon, tag func([]sitrep.Token), logf func(string, ...any)) (first, second *learn.Model, err error) {
	var sets [2][]LabeledDoc
	for i, path := range []string{trainPath, devPath} {
		docs, err := ReadCoNLLFile(path)
		if err != nil {
			return nil, nil, err
		}
		for _, d := range docs {
			for si := range d.Doc.Sentences {
				tag(d.Doc.Sentences[si].Tokens)
			}
		}
		sets[i] = docs
	}
	cfg := TrainSettings
	cfg.Logf = logf
	return Train(sets[0], sets[1], lex, trainMeta, cfg)
}

// ReadCoNLLFile reads a CoNLL-2003 style file (ReadCoNLL).
func ReadCoNLLFile(path string) ([]LabeledDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("entity: %w", err)
	}
	defer f.Close()
	return ReadCoNLL(f, filepath.Base(path))
}

// ReadCoNLLArticles reads the documents of a CoNLL-2003 style file as
// articles, without their labels: news text (words joined by spaces, a
// paragraph per sentence) for models that learn from unlabelled news.
func ReadCoNLLArticles(path string) ([]*sitrep.Article, error) {
	docs, err := ReadCoNLLFile(path)
	if err != nil {
		return nil, err
	}
	arts := make([]*sitrep.Article, len(docs))
	for i := range docs {
		arts[i] = docs[i].Doc.Article
	}
	return arts, nil
}
