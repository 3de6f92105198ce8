package learn

import (
	"bytes"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// toy makes a three-class problem: class c has feature c and noise.
func toy(n int, seed uint64) []Example {
	r := rand.New(rand.NewPCG(seed, 1))
	var xs []Example
	for range n {
		c := r.IntN(3)
		feats := []uint64{Key(1, uint64(c)), Key(2, uint64(r.IntN(50)))}
		if r.IntN(10) == 0 { // a misleading feature now and then
			feats = append(feats, Key(1, uint64((c+1)%3)))
		}
		xs = append(xs, Example{Feats: feats, Class: c})
	}
	return xs
}

func accuracy(m *Model, xs []Example) float64 {
	scores := make([]float32, m.NumClasses())
	right := 0
	for _, x := range xs {
		if m.Predict(x.Feats, scores) == x.Class {
			right++
		}
	}
	return float64(right) / float64(len(xs))
}

var classes = []string{"a", "b", "c"}

func trainPerceptron(xs []Example) *Model {
	p := NewPerceptron(classes)
	scores := make([]float32, 3)
	for range 5 {
		for _, x := range xs {
			p.Learn(x.Feats, x.Class, p.Predict(x.Feats, scores))
			p.Tick()
		}
	}
	return p.Model(Meta{Name: "toy", Features: 1}, 0)
}

func TestPerceptronLearns(t *testing.T) {
	m := trainPerceptron(toy(2000, 1))
	if acc := accuracy(m, toy(1000, 2)); acc < 0.85 {
		t.Errorf("held-out accuracy %.3f, want >= 0.85", acc)
	}
}

func TestLogRegProbabilities(t *testing.T) {
	xs := toy(2000, 1)
	m := LogReg{Classes: classes, L2: 1e-4, Rate: 0.2, Epochs: 5, Seed: 7}.Train(xs, Meta{Name: "toy"})
	if acc := accuracy(m, toy(1000, 2)); acc < 0.85 {
		t.Errorf("held-out accuracy %.3f, want >= 0.85", acc)
	}
	p := make([]float32, 3)
	m.ScoresOf(&Example{Feats: []uint64{Key(1, 2)}}, p)
	Softmax(p)
	if p[2] < 0.7 || math.Abs(float64(p[0]+p[1]+p[2])-1) > 1e-5 {
		t.Errorf("probabilities %v: want class c likely and a sum of 1", p)
	}
}

func TestRankerPicksBest(t *testing.T) {
	// The right candidate has the larger value of feature 1.
	r := rand.New(rand.NewPCG(3, 3))
	mk := func(n int) []Group {
		var gs []Group
		for range n {
			a, b := r.Float32(), r.Float32()
			g := Group{Cands: []Example{
				{Feats: []uint64{Key(1, 0), Key(9, uint64(r.IntN(20)))}, Vals: []float32{a, 1}},
				{Feats: []uint64{Key(1, 0), Key(9, uint64(r.IntN(20)))}, Vals: []float32{b, 1}},
			}}
			if b > a {
				g.Gold = 1
			}
			gs = append(gs, g)
		}
		return gs
	}
	m := Ranker{L2: 1e-5, Rate: 0.5, Epochs: 10, Seed: 1}.Train(mk(2000), Meta{Name: "rank"})
	right := 0
	test := mk(500)
	for _, g := range test {
		best := 0
		if m.Score(&g.Cands[1]) > m.Score(&g.Cands[0]) {
			best = 1
		}
		if best == g.Gold {
			right++
		}
	}
	if acc := float64(right) / float64(len(test)); acc < 0.9 {
		t.Errorf("ranking accuracy %.3f, want >= 0.9", acc)
	}
}

func TestFileRoundTrip(t *testing.T) {
	m := trainPerceptron(toy(500, 1))
	m.Meta.Info = map[string]string{"epochs": "5"}
	data := m.Marshal()
	if !bytes.Equal(data, trainPerceptron(toy(500, 1)).withInfo().Marshal()) {
		t.Error("training twice gave different files: training must be deterministic")
	}
	got, err := Load(data, "toy", 1)
	if err != nil {
		t.Fatal(err)
	}
	if got.NumWeights() != m.NumWeights() || got.NumFeatures() != m.NumFeatures() || got.Meta.Info["epochs"] != "5" {
		t.Fatalf("round trip: %d weights %d features %v, want %d %d", got.NumWeights(), got.NumFeatures(), got.Meta, m.NumWeights(), m.NumFeatures())
	}
	xs := toy(300, 9)
	a, b := make([]float32, 3), make([]float32, 3)
	for _, x := range xs {
		m.Scores(x.Feats, a)
		got.Scores(x.Feats, b)
		if a[0] != b[0] || a[1] != b[1] || a[2] != b[2] {
			t.Fatalf("scores differ after round trip: %v vs %v", a, b)
		}
	}
	if _, err := Load(data, "other", 1); err == nil {
		t.Error("loaded a model under the wrong name")
	}
	if _, err := Load(data, "toy", 2); err == nil {
		t.Error("loaded a model of another feature version")
	}
	bad := bytes.Clone(data)
	bad[len(bad)/2] ^= 1
	if _, err := Load(bad, "toy", 1); !errors.Is(err, ErrChecksum) {
		t.Errorf("corrupted file: err %v, want ErrChecksum", err)
	}
}

func (m *Model) withInfo() *Model { m.Meta.Info = map[string]string{"epochs": "5"}; return m }

func TestViterbiMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 5))
	var v Viterbi
	for trial := range 200 {
		n, k := 1+trial%5, 1+trial%4
		emit := make([]float32, n*k)
		trans := make([]float32, (k+1)*k)
		for i := range emit {
			emit[i] = r.Float32()*4 - 2
		}
		for i := range trans {
			trans[i] = r.Float32()*4 - 2
		}
		out := make([]int, n)
		v.Decode(emit, n, k, trans, out)
		score := func(path []int) float32 {
			s, p := float32(0), -1
			for i, c := range path {
				s += trans[(p+1)*k+c] + emit[i*k+c]
				p = c
			}
			return s
		}
		best := float32(math.Inf(-1))
		path := make([]int, n)
		var rec func(i int)
		rec = func(i int) {
			if i == n {
				best = max(best, score(path))
				return
			}
			for c := range k {
				path[i] = c
				rec(i + 1)
			}
		}
		rec(0)
		if got := score(out); math.Abs(float64(got-best)) > 1e-4 {
			t.Fatalf("n=%d k=%d: viterbi path scores %v, best is %v", n, k, got, best)
		}
	}
}

func TestFolds(t *testing.T) {
	f := Folds(103, 5, 1)
	count := make([]int, 5)
	for _, x := range f {
		count[x]++
	}
	for _, c := range count {
		if c < 20 || c > 21 {
			t.Fatalf("fold sizes %v, want 20 or 21 each", count)
		}
	}
}

// TestStableOrder checks that an example added to the training data
// leaves the others' order and folds as they were, and that the seed
// still changes the order.
func TestStableOrder(t *testing.T) {
	xs := toy(200, 1)
	more := append(slices.Clone(xs[:100]), Example{Feats: []uint64{Key(9, 9)}, Class: 1})
	more = append(more, xs[100:]...)
	keys := func(xs []Example) []uint64 {
		k := make([]uint64, len(xs))
		for i := range xs {
			k[i] = ExampleKey(&xs[i])
		}
		return k
	}
	visit := func(xs []Example, seed uint64) []uint64 {
		k := keys(xs)
		idx := make([]int, len(xs))
		stableOrder(k, seed, 0, idx, make([]uint64, len(xs)))
		var out []uint64
		for _, i := range idx {
			if i < len(xs) && !slices.Equal(xs[i].Feats, []uint64{Key(9, 9)}) {
				out = append(out, k[i])
			}
		}
		return out
	}
	if !slices.Equal(visit(xs, 1), visit(more, 1)) {
		t.Error("adding an example changed the order of the others")
	}
	if slices.Equal(visit(xs, 1), visit(xs, 2)) {
		t.Error("seeds 1 and 2 give the same order")
	}
	a, b := FoldsByKey(keys(xs), 5, 1), FoldsByKey(keys(more), 5, 1)
	if !slices.Equal(a, append(slices.Clone(b[:100]), b[101:]...)) {
		t.Error("adding an example moved others to other folds")
	}
	distinct := make([]Example, 1000)
	for i := range distinct {
		distinct[i].Feats = []uint64{Key(3, uint64(i))}
	}
	count := make([]int, 5)
	for _, f := range FoldsByKey(keys(distinct), 5, 1) {
		count[f]++
	}
	for _, c := range count {
		if c < 150 || c > 250 {
			t.Errorf("fold sizes %v, want about 200 each", count)
		}
	}
}

func TestCalibration(t *testing.T) {
	c := NewCalibration(10)
	for i := range 100 {
		c.Add(0.75, i%4 != 0) // 75% right at score 0.75
	}
	if e := c.ECE(); e > 1e-9 {
		t.Errorf("ECE %.4f of a calibrated bin, want 0", e)
	}
	if b := c.Bins[7]; b.N != 100 || b.Correct != 75 {
		t.Errorf("bin 7: %+v", b)
	}
}

func FuzzLoad(f *testing.F) {
	f.Add(trainPerceptron(toy(50, 1)).Marshal())
	f.Add([]byte("SRLM"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Load(data, "", 0)
		if err != nil {
			return
		}
		scores := make([]float32, m.NumClasses())
		m.Scores([]uint64{1, 2, Key(1, 0)}, scores)
	})
}

func BenchmarkModelScores(b *testing.B) {
	m := trainPerceptron(toy(5000, 1))
	feats := []uint64{Key(1, 1), Key(2, 7), Key(3, 3), Key(1, 2)}
	scores := make([]float32, 3)
	b.ReportAllocs()
	for b.Loop() {
		m.Scores(feats, scores)
	}
}

// TestDecodeSparse checks that DecodeSparse finds Decode's path when the
// transitions it leaves out score too low to be taken, on random models
// with a random set of allowed transitions.
func TestDecodeSparse(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	var v, vs Viterbi
	for trial := range 300 {
		n, k := 1+trial%7, 2+trial%5
		emit := make([]float32, n*k)
		trans := make([]float32, (k+1)*k)
		for i := range emit {
			emit[i] = r.Float32()*4 - 2
		}
		prev := make([][]int, k)
		for p := -1; p < k; p++ {
			for c := range k {
				// Keep c after c and after the class before it, so every
				// class stays reachable; drop the rest at random.
				if p < 0 || p == c || p == c-1 || r.IntN(2) == 0 {
					trans[(p+1)*k+c] = r.Float32()*4 - 2
					if p >= 0 {
						prev[c] = append(prev[c], p)
					}
					continue
				}
				trans[(p+1)*k+c] = -1e9
			}
		}
		want, got := make([]int, n), make([]int, n)
		v.Decode(emit, n, k, trans, want)
		vs.DecodeSparse(emit, n, k, trans, prev, got)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d (n=%d k=%d): sparse %v, dense %v", trial, n, k, got, want)
		}
	}
}

func TestPruned(t *testing.T) {
	m := LogReg{Classes: []string{"a", "b", "c"}, L2: 1e-4, Rate: 0.1, Epochs: 5, Seed: 1}.Train(toy(300, 4), Meta{Name: "toy"})
	tests := []struct {
		min      float32
		same     bool // every feature and weight kept
		fewerAll bool // some weights dropped
	}{
		{0, true, false},
		{1e-9, true, false},
		{0.05, false, true},
	}
	for _, tt := range tests {
		p := m.Pruned(tt.min)
		if eq := bytes.Equal(p.Marshal(), m.Marshal()); eq != tt.same {
			t.Errorf("Pruned(%g): same file %v, want %v", tt.min, eq, tt.same)
		}
		if tt.fewerAll && p.NumWeights() >= m.NumWeights() {
			t.Errorf("Pruned(%g) kept %d of %d weights", tt.min, p.NumWeights(), m.NumWeights())
		}
		for k := range 3 {
			key := Key(1, uint64(k))
			for c := range 3 {
				w, pw := m.Weight(key, c), p.Weight(key, c)
				if w >= tt.min || w <= -tt.min {
					if pw != w {
						t.Errorf("Pruned(%g): weight %d/%d %v, want %v", tt.min, k, c, pw, w)
					}
				} else if pw != 0 {
					t.Errorf("Pruned(%g): weight %d/%d %v kept", tt.min, k, c, pw)
				}
			}
		}
	}
}

// TestScoresSumsAsAdd checks that Scores, which looks features up in
// batches, gives the sums of Add called feature by feature, bit for bit:
// on random models (keys 0 and 1 included, runs of every length, probe
// chains from collisions) and feature lists of every length around the
// batch size, with repeated and unknown features.
func TestScoresSumsAsAdd(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 9))
	const nc = 7
	cls := make([]string, nc)
	for i := range cls {
		cls[i] = string(rune('a' + i))
	}
	for trial := range 20 {
		var b builder
		keys := []uint64{0, 1}
		for range 50 + r.IntN(2000) {
			keys = append(keys, r.Uint64())
		}
		slices.Sort(keys)
		keys = slices.Compact(keys)
		if keys[0] == 0 && keys[1] == 1 {
			keys = keys[1:] // 0 and 1 share a slot: keep one of them
		}
		for _, k := range keys {
			var run []cw
			for c := range nc {
				if r.IntN(2) == 0 {
					run = append(run, cw{uint16(c), r.Float32()*2 - 1})
				}
			}
			b.add(k, run)
		}
		m := b.build(Meta{Name: "rand"}, cls)
		for n := range 140 {
			feats := make([]uint64, n)
			for i := range feats {
				switch r.IntN(4) {
				case 0:
					feats[i] = r.Uint64() // unknown
				case 1:
					if i > 0 {
						feats[i] = feats[r.IntN(i)]
						break
					}
					fallthrough
				default:
					feats[i] = keys[r.IntN(len(keys))]
				}
			}
			want := make([]float32, nc)
			for _, k := range feats {
				m.Add(k, want)
			}
			got := make([]float32, nc)
			m.Scores(feats, got)
			for c := range want {
				if math.Float32bits(got[c]) != math.Float32bits(want[c]) {
					t.Fatalf("trial %d, %d features: class %d scores %v, Add gives %v", trial, n, c, got[c], want[c])
				}
			}
		}
	}
}

func TestIsotonic(t *testing.T) {
	// Scores over-confident at the top and under-confident below.
	var scores []float64
	var right []bool
	r := rand.New(rand.NewPCG(3, 1))
	for range 4000 {
		s := r.Float64()
		scores = append(scores, s)
		right = append(right, r.Float64() < 0.2+0.5*s)
	}
	iso := FitIsotonic(scores, right)
	for i := 1; i < len(iso.X); i++ {
		if iso.X[i] <= iso.X[i-1] || iso.Y[i] <= iso.Y[i-1] {
			t.Fatalf("block %d: centres %v..%v values %v..%v, want both increasing", i, iso.X[i-1], iso.X[i], iso.Y[i-1], iso.Y[i])
		}
	}
	for _, x := range []float64{0.1, 0.5, 0.9} {
		if got, want := iso.Apply(x), 0.2+0.5*x; math.Abs(got-want) > 0.06 {
			t.Errorf("Apply(%v) = %.3f, want about %.3f", x, got, want)
		}
	}
	if iso.Apply(0.3) >= iso.Apply(0.31) {
		t.Error("distinct scores lost their order")
	}
	back, err := ParseIsotonic(iso.String())
	if err != nil || !slices.Equal(back.X, iso.X) || !slices.Equal(back.Y, iso.Y) {
		t.Errorf("round trip: %v", err)
	}
	if _, err := ParseIsotonic("0.5:0.2,0.4:0.3"); err == nil {
		t.Error("out-of-order map parsed")
	}
	// Equal scores with different outcomes make one block.
	tie := FitIsotonic([]float64{0.5, 0.5, 0.5, 0.7}, []bool{false, true, false, true})
	if len(tie.X) != 2 || tie.Y[0] != 1.0/3 {
		t.Errorf("ties: %v", tie)
	}
	if (Isotonic{}).Apply(0.42) != 0.42 {
		t.Error("the zero map is not the identity")
	}
}
