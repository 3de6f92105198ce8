package learn

import "slices"

// Perceptron trains an averaged multiclass perceptron over hashed
// features. Weights live in a map from feature key to a short list of
// per-class weights, so a feature costs memory only for the classes it was
// ever updated for. Averaging is lazy: each weight remembers when it last
// changed.
//
// Use: for each example, Scores (or Predict), then Update with the gold
// and predicted class, then Tick once per example; Model returns the
// averaged weights.
type Perceptron struct {
	classes []string
	w       map[uint64]*pweights
	now     int32 // examples seen
}

type pweights struct {
	c   []uint16
	w   []float32
	tot []float64 // sum of w over the examples before ts
	ts  []int32   // example count when w last changed
}

// NewPerceptron returns an untrained perceptron over the given classes.
func NewPerceptron(classes []string) *Perceptron {
	return &Perceptron{classes: classes, w: map[uint64]*pweights{}}
}

// Classes returns the class names.
func (p *Perceptron) Classes() []string { return p.classes }

// Scores sets scores[c] to the current (not averaged) score of class c.
func (p *Perceptron) Scores(feats []uint64, scores []float32) {
	clear(scores)
	for _, k := range feats {
		if pw := p.w[k]; pw != nil {
			for i, c := range pw.c {
				scores[c] += pw.w[i]
			}
		}
	}
}

// Predict returns the best class under the current weights.
func (p *Perceptron) Predict(feats []uint64, scores []float32) int {
	p.Scores(feats, scores)
	return Argmax(scores)
}

// Update adds v to the weight of class c for every feature in feats
// (v = +1 for the gold class and -1 for a wrong guess, in the plain
// perceptron).
func (p *Perceptron) Update(feats []uint64, c int, v float32) {
	for _, k := range feats {
		pw := p.w[k]
		if pw == nil {
			pw = &pweights{}
			p.w[k] = pw
		}
		i := slices.Index(pw.c, uint16(c))
		if i < 0 {
			pw.c = append(pw.c, uint16(c))
			pw.w = append(pw.w, 0)
			pw.tot = append(pw.tot, 0)
			pw.ts = append(pw.ts, p.now)
			i = len(pw.c) - 1
		}
		pw.tot[i] += float64(p.now-pw.ts[i]) * float64(pw.w[i])
		pw.ts[i] = p.now
		pw.w[i] += v
	}
}

// Learn is the perceptron rule for one example: when guess differs from
// gold, gold's weights go up and guess's down.
func (p *Perceptron) Learn(feats []uint64, gold, guess int) {
	if gold != guess {
		p.Update(feats, gold, 1)
		p.Update(feats, guess, -1)
	}
}

// Tick marks the end of one example, for averaging.
func (p *Perceptron) Tick() { p.now++ }

// Features returns the number of features with weights.
func (p *Perceptron) Features() int { return len(p.w) }

// Model returns the averaged model. Weights whose average magnitude is
// below prune are dropped (0 keeps every non-zero weight).
func (p *Perceptron) Model(meta Meta, prune float32) *Model {
	var b builder
	keys := make([]uint64, 0, len(p.w))
	for k := range p.w {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	now := float64(max(p.now, 1))
	for _, k := range keys {
		pw := p.w[k]
		var run []cw
		for i, c := range pw.c {
			tot := pw.tot[i] + float64(p.now-pw.ts[i])*float64(pw.w[i])
			avg := float32(tot / now)
			if avg == 0 || avg < prune && avg > -prune {
				continue
			}
			run = append(run, cw{c, avg})
		}
		b.add(k, run)
	}
	return b.build(meta, p.classes)
}
