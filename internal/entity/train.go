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
)

// TrainConfig sets how Train trains.
type TrainConfig struct {
	// Epochs is the most passes over the training data; the pass with the
	// best dev F1 is kept.
	Epochs int
	// Seed shuffles the sentences before each pass.
	Seed uint64
	// Prune drops averaged weights smaller in magnitude.
	Prune float32
	// Logf, when set, reports progress.
	Logf func(format string, args ...any)
}

// temperatures are the candidate temperatures of the calibration.
var temperatures = []float64{0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32}

// Train trains the sequence model on train, a structured averaged
// perceptron over BILOU tags, selects the number of passes by entity F1
// on dev and fits the confidence calibration on dev. The documents must
// be POS-tagged as the text stage tags. lex must be the Lexicon the model
// will run with. Training is deterministic.
func Train(train, dev []LabeledDoc, lex Lexicon, meta learn.Meta, cfg TrainConfig) (*learn.Model, error) {
	if len(train) == 0 || len(dev) == 0 {
		return nil, fmt.Errorf("entity: train: no training or no dev documents")
	}
	logf := cfg.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	meta.Name, meta.Features = modelName, featureVersion
	r := &Recognizer{lex: lex, k: newKnowledge()}
	sents := featurize(r, train)
	lost, ntok, nplain := 0, 0, 0
	for _, s := range sents {
		for i, g := range s.gold {
			ntok++
			if s.plain[i] {
				nplain++
				if g != 0 {
					lost++
				}
			}
		}
	}
	logf("train: %d sentences, %d documents, %d tokens, %d plain (O without the model), %d of them inside a name", len(sents), len(train), ntok, nplain, lost)

	p := learn.NewPerceptron(tagNames())
	d := decoder{g: newGrammar()}
	k := numTags
	var best *learn.Model
	var bestF1 float64
	bestEpoch := 0
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	one := make([]uint64, 1)
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		rnd := rand.New(rand.NewPCG(cfg.Seed, uint64(epoch)))
		rnd.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs := 0
		for _, si := range order {
			s := &sents[si]
			n := len(s.gold)
			d.prepare(n)
			for i := range n {
				if s.plain[i] {
					d.plainRow(i)
					continue
				}
				p.Scores(s.feats[s.off[i]:s.off[i+1]], d.emit[i*k:(i+1)*k])
			}
			trans := transitions(func(prev int, out []float32) {
				one[0] = transKey(prev)
				p.Scores(one, out)
			})
			d.tag(n, s.plain, trans, nil)
			for i := range n {
				g, y := s.gold[i], d.path[i]
				gp, yp := -1, -1
				if i > 0 {
					gp, yp = s.gold[i-1], d.path[i-1]
				}
				if g != y {
					errs++
					fs := s.feats[s.off[i]:s.off[i+1]]
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
		m := p.Model(meta, cfg.Prune)
		rr, err := newRecognizer(lex, m)
		if err != nil {
			return nil, err
		}
		ev := rr.evaluate(dev, calibration{temperature: 1, a: 1})
		logf("train: epoch %d: %d token errors, dev F1 %.4f (P %.4f R %.4f), %d features", epoch, errs, ev.All.F1(), ev.All.P(), ev.All.R(), m.NumFeatures())
		if best == nil || ev.All.F1() > bestF1 {
			best, bestF1, bestEpoch = m, ev.All.F1(), epoch
		}
	}
	rr, err := newRecognizer(lex, best)
	if err != nil {
		return nil, err
	}
	cal := rr.fitCalibration(dev)
	ev := rr.evaluate(dev, cal)
	logf("train: kept epoch %d, dev F1 %.4f; calibration T=%g a=%.4f b=%.4f, dev ECE %.4f", bestEpoch, bestF1, cal.temperature, cal.a, cal.b, ev.Calibration.ECE())
	info := map[string]string{
		"epochs":        strconv.Itoa(bestEpoch),
		"max_epochs":    strconv.Itoa(cfg.Epochs),
		"seed":          strconv.FormatUint(cfg.Seed, 10),
		"prune":         strconv.FormatFloat(float64(cfg.Prune), 'g', -1, 32),
		"dev_f1":        strconv.FormatFloat(bestF1, 'f', 4, 64),
		"dev_ece":       strconv.FormatFloat(ev.Calibration.ECE(), 'f', 4, 64),
		infoTemperature: strconv.FormatFloat(cal.temperature, 'g', -1, 64),
		infoPlattA:      strconv.FormatFloat(cal.a, 'g', 8, 64),
		infoPlattB:      strconv.FormatFloat(cal.b, 'g', 8, 64),
	}
	for key, v := range meta.Info {
		info[key] = v
	}
	best.Meta.Info = info
	return best, nil
}

// trainSent is one training sentence: its features and gold tags.
type trainSent struct {
	feats []uint64
	off   []int32
	plain []bool
	gold  []int
}

func featurize(r *Recognizer, docs []LabeledDoc) []trainSent {
	var out []trainSent
	f := &featurizer{r: r}
	for _, ld := range docs {
		f.newDoc(ld.Doc)
		gold := goldTags(ld)
		for si, s := range ld.Doc.Sentences {
			if len(s.Tokens) == 0 || !spansOK(s.Tokens, f.text) {
				continue
			}
			f.sentence(s.Tokens)
			out = append(out, trainSent{feats: slices.Clone(f.feats), off: slices.Clone(f.off), plain: slices.Clone(f.plain), gold: gold[si]})
		}
	}
	return out
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
		for _, m := range r.mentions(s, ld.Doc, cal) {
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
			for _, m := range r.mentions(s, ld.Doc, raw) {
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
var TrainSettings = TrainConfig{Epochs: 12, Seed: 1, Prune: 0.01}

// trainMeta is the shipped model's record of its data.
var trainMeta = learn.Meta{
	Source: "CoNLL-2003 English NER (Tjong Kim Sang & De Meulder 2003), train split (eng.train) for training and dev split (eng.testa) for selection and calibration, read from ../shared/gold/dev/ner-conll2003-{train,dev}.conll",
	License: "The CoNLL-2003 text is Reuters RCV1 news (1996-97), distributed under the Reuters research agreement (NIST); " +
		"this file holds only hashed feature weights learnt from it, no text",
}

// TrainFiles trains the shipped model from the CoNLL-2003 train and dev
// files with TrainSettings: what scripts/train-ner runs. tag POS-tags a
// sentence as the text stage does.
func TrainFiles(trainPath, devPath string, lex Lexicon, tag func([]sitrep.Token), logf func(string, ...any)) (*learn.Model, error) {
	var sets [2][]LabeledDoc
	for i, path := range []string{trainPath, devPath} {
		docs, err := readCoNLLFile(path)
		if err != nil {
			return nil, err
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

func readCoNLLFile(path string) ([]LabeledDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("entity: %w", err)
	}
	defer f.Close()
	return ReadCoNLL(f, filepath.Base(path))
}
