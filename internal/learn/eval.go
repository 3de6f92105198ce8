package learn

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Folds assigns each of n items to one of k folds for cross-validation:
// fold sizes differ by at most one, and the assignment is a deterministic
// shuffle of seed. Items that must stay together (the sentences of one
// document) should be folded by group index.
func Folds(n, k int, seed uint64) []int {
	f := make([]int, n)
	for i := range f {
		f[i] = i % k
	}
	r := rand.New(rand.NewPCG(seed, 0xf01d))
	r.Shuffle(n, func(i, j int) { f[i], f[j] = f[j], f[i] })
	return f
}

// FoldsByKey assigns each item to one of k folds by a hash of its key and
// the seed, so that an item keeps its fold when others are added or
// removed (Folds deals positions, so one more item moves them all). Folds
// are balanced only in expectation.
func FoldsByKey(keys []uint64, k int, seed uint64) []int {
	f := make([]int, len(keys))
	salt := mix(seed ^ 0xf01d)
	for i, key := range keys {
		f[i] = int(mix(key^salt) % uint64(k))
	}
	return f
}

// Bin is one calibration bin: the predictions whose score fell in
// [Lo, Hi) and how many of them were right.
type Bin struct {
	Lo, Hi  float64
	N       int
	Correct int
	// MeanScore is the mean score of the bin's predictions.
	MeanScore float64
}

// Accuracy is the share of right predictions in the bin.
func (b Bin) Accuracy() float64 {
	if b.N == 0 {
		return 0
	}
	return float64(b.Correct) / float64(b.N)
}

// Calibration bins scores in [0,1] into nbins equal-width bins against
// whether each prediction was right.
type Calibration struct {
	Bins []Bin
}

// NewCalibration returns empty bins.
func NewCalibration(nbins int) *Calibration {
	c := &Calibration{}
	for i := range nbins {
		c.Bins = append(c.Bins, Bin{Lo: float64(i) / float64(nbins), Hi: float64(i+1) / float64(nbins)})
	}
	return c
}

// Add records one prediction.
func (c *Calibration) Add(score float64, correct bool) {
	i := int(score * float64(len(c.Bins)))
	i = min(max(i, 0), len(c.Bins)-1)
	b := &c.Bins[i]
	b.MeanScore = (b.MeanScore*float64(b.N) + score) / float64(b.N+1)
	b.N++
	if correct {
		b.Correct++
	}
}

// ECE is the expected calibration error: the mean gap between score and
// accuracy, weighted by bin size.
func (c *Calibration) ECE() float64 {
	n, e := 0, 0.0
	for _, b := range c.Bins {
		n += b.N
		d := b.MeanScore - b.Accuracy()
		if d < 0 {
			d = -d
		}
		e += d * float64(b.N)
	}
	if n == 0 {
		return 0
	}
	return e / float64(n)
}

// String prints one line per non-empty bin.
func (c *Calibration) String() string {
	var sb strings.Builder
	for _, b := range c.Bins {
		if b.N == 0 {
			continue
		}
		fmt.Fprintf(&sb, "  score %.1f-%.1f  n %6d  mean score %.3f  accuracy %.3f\n", b.Lo, b.Hi, b.N, b.MeanScore, b.Accuracy())
	}
	fmt.Fprintf(&sb, "  ECE %.3f\n", c.ECE())
	return sb.String()
}

// PRF accumulates precision, recall and F1 counts.
type PRF struct{ TP, FP, FN int }

// P returns precision.
func (x PRF) P() float64 { return ratio(x.TP, x.TP+x.FP) }

// R returns recall.
func (x PRF) R() float64 { return ratio(x.TP, x.TP+x.FN) }

// F1 returns the harmonic mean of precision and recall.
func (x PRF) F1() float64 {
	p, r := x.P(), x.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
