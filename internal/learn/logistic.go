package learn

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
)

// Example is one training instance: its features (with optional values;
// nil Vals means every value is 1) and its gold class.
type Example struct {
	Feats []uint64
	Vals  []float32
	Class int
}

// Group is one ranking instance: a set of candidates, each a feature
// list, of which Gold is the right one.
type Group struct {
	Cands []Example // Class is ignored
	Gold  int
}

// LogReg trains multinomial logistic regression with L2 regularisation by
// AdaGrad. Its model's softmax scores are probabilities.
type LogReg struct {
	Classes []string
	L2      float64 // per-example penalty weight (e.g. 1e-4)
	Rate    float64 // AdaGrad learning rate (e.g. 0.1)
	Epochs  int
	Seed    uint64 // salts the order the examples are visited in each epoch (stableOrder)
}

// Ranker trains a conditional logit: a score w·f per candidate, softmax
// over each group's candidates. Its model has one class, "score".
type Ranker struct {
	L2     float64
	Rate   float64
	Epochs int
	Seed   uint64
}

// adagrad holds dense per-class weights with squared-gradient sums.
type adagrad struct {
	k    int
	w    map[uint64][]float32 // k weights, then k gradient sums
	rate float64
	l2   float64
}

func newAdagrad(k int, rate, l2 float64) *adagrad {
	return &adagrad{k: k, w: map[uint64][]float32{}, rate: rate, l2: l2}
}

func val(vals []float32, i int) float32 {
	if vals == nil {
		return 1
	}
	return vals[i]
}

func (a *adagrad) scores(x *Example, out []float32) {
	clear(out)
	for i, f := range x.Feats {
		if w := a.w[f]; w != nil {
			v := val(x.Vals, i)
			for c := range a.k {
				out[c] += v * w[c]
			}
		}
	}
}

// step applies the gradient g (per class, for a feature value of 1) to
// every feature of x.
func (a *adagrad) step(x *Example, g []float32) {
	for i, f := range x.Feats {
		w := a.w[f]
		if w == nil {
			w = make([]float32, 2*a.k)
			a.w[f] = w
		}
		v := val(x.Vals, i)
		for c := range a.k {
			gc := float64(g[c]*v) + a.l2*float64(w[c])
			if gc == 0 {
				continue
			}
			w[a.k+c] += float32(gc * gc)
			w[c] -= float32(a.rate * gc / (math.Sqrt(float64(w[a.k+c])) + 1e-8))
		}
	}
}

func (a *adagrad) model(meta Meta, classes []string) *Model {
	keys := make([]uint64, 0, len(a.w))
	for k := range a.w {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b builder
	for _, k := range keys {
		var run []cw
		for c, x := range a.w[k][:a.k] {
			if x != 0 {
				run = append(run, cw{uint16(c), x})
			}
		}
		b.add(k, run)
	}
	return b.build(meta, classes)
}

func order(n int, r *rand.Rand) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	r.Shuffle(n, func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
	return idx
}

// ExampleKey returns a hash of x's features and values: equal examples
// have equal keys, and a key does not depend on the other examples.
func ExampleKey(x *Example) uint64 {
	h := uint64(fnvOffset)
	for i, f := range x.Feats {
		h = mix(h ^ f)
		if x.Vals != nil {
			h = mix(h ^ uint64(math.Float32bits(x.Vals[i])))
		}
	}
	return mix(h ^ uint64(x.Class))
}

// stableOrder orders the examples of an epoch by a hash of the seed, the
// epoch and each example's key, so that adding or removing an example
// leaves the order of the others as it was: a model retrained on data
// that changed a little changes a little, rather than being a new draw
// of a shuffled order. Equal keys keep their input order.
func stableOrder(keys []uint64, seed uint64, epoch int, idx []int, salted []uint64) {
	salt := mix(seed ^ uint64(epoch+1)*0x9E3779B97F4A7C15)
	for i := range idx {
		idx[i], salted[i] = i, mix(keys[i]^salt)
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(salted[a], salted[b]) })
}

// Train fits the model to xs. Each epoch visits the examples in an order
// set by their content and the seed (stableOrder), not their positions.
func (lr LogReg) Train(xs []Example, meta Meta) *Model {
	k := len(lr.Classes)
	a := newAdagrad(k, lr.Rate, lr.L2)
	keys := make([]uint64, len(xs))
	for i := range xs {
		keys[i] = ExampleKey(&xs[i])
	}
	idx, salted := make([]int, len(xs)), make([]uint64, len(xs))
	p := make([]float32, k)
	for e := range lr.Epochs {
		stableOrder(keys, lr.Seed, e, idx, salted)
		for _, i := range idx {
			x := &xs[i]
			a.scores(x, p)
			Softmax(p)
			p[x.Class]--
			a.step(x, p)
		}
	}
	return a.model(meta, lr.Classes)
}

// Train fits the ranker to gs.
func (rk Ranker) Train(gs []Group, meta Meta) *Model {
	a := newAdagrad(1, rk.Rate, rk.L2)
	r := rand.New(rand.NewPCG(rk.Seed, 0x5eed))
	var p []float32
	var one [1]float32
	for range rk.Epochs {
		for _, i := range order(len(gs), r) {
			g := &gs[i]
			if len(g.Cands) < 2 || g.Gold < 0 || g.Gold >= len(g.Cands) {
				continue
			}
			p = p[:0]
			for j := range g.Cands {
				a.scores(&g.Cands[j], one[:])
				p = append(p, one[0])
			}
			Softmax(p)
			p[g.Gold]--
			for j := range g.Cands {
				one[0] = p[j]
				a.step(&g.Cands[j], one[:])
			}
		}
	}
	return a.model(meta, []string{"score"})
}

// AddScaled adds v times the weights of feature k to scores.
func (m *Model) AddScaled(k uint64, v float32, scores []float32) {
	s := m.find(k)
	if s == nil {
		return
	}
	ws := m.w[s.off : s.off+s.n]
	cs := m.cls[s.off : s.off+s.n]
	for i, w := range ws {
		scores[cs[i]] += v * w
	}
}

// ScoresOf sets scores to the scores of x (features with values).
func (m *Model) ScoresOf(x *Example, scores []float32) {
	clear(scores)
	for i, k := range x.Feats {
		m.AddScaled(k, val(x.Vals, i), scores)
	}
}

// Score returns the score of x under a one-class model (a Ranker's).
func (m *Model) Score(x *Example) float32 {
	var s [1]float32
	for i, k := range x.Feats {
		m.AddScaled(k, val(x.Vals, i), s[:])
	}
	return s[0]
}
