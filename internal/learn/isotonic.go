package learn

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Isotonic maps a model's scores to probabilities with a non-decreasing
// function fitted by pool-adjacent-violators (isotonic regression) on
// held-out scores and outcomes. Between the centres of its blocks it
// interpolates linearly, so that distinct scores keep their order; below
// the first and above the last it is flat. The zero value is the
// identity.
type Isotonic struct {
	X, Y []float64 // block centres (mean score) and values (share right), both increasing
}

// FitIsotonic fits the map to scores and whether each was right.
func FitIsotonic(scores []float64, right []bool) Isotonic {
	idx := make([]int, len(scores))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(scores[a], scores[b]) })
	type block struct{ sx, sy, n float64 }
	var bs []block
	for k, i := range idx {
		y := 0.0
		if right[i] {
			y = 1
		}
		if n := len(bs); k > 0 && scores[i] == scores[idx[k-1]] {
			// Equal scores are one block, so that centres increase.
			bs[n-1].sx, bs[n-1].sy, bs[n-1].n = bs[n-1].sx+scores[i], bs[n-1].sy+y, bs[n-1].n+1
		} else {
			bs = append(bs, block{scores[i], y, 1})
		}
		// Pool while the last block's mean is not above the one before.
		for len(bs) > 1 {
			p, q := bs[len(bs)-2], bs[len(bs)-1]
			if p.sy/p.n < q.sy/q.n {
				break
			}
			bs = append(bs[:len(bs)-2], block{p.sx + q.sx, p.sy + q.sy, p.n + q.n})
		}
	}
	var iso Isotonic
	for _, b := range bs {
		iso.X = append(iso.X, b.sx/b.n)
		iso.Y = append(iso.Y, b.sy/b.n)
	}
	return iso
}

// Apply returns the probability for score x.
func (iso Isotonic) Apply(x float64) float64 {
	n := len(iso.X)
	switch {
	case n == 0:
		return x
	case x <= iso.X[0]:
		return iso.Y[0]
	case x >= iso.X[n-1]:
		return iso.Y[n-1]
	}
	j, _ := slices.BinarySearch(iso.X, x) // iso.X[j-1] < x <= iso.X[j]
	x0, x1, y0, y1 := iso.X[j-1], iso.X[j], iso.Y[j-1], iso.Y[j]
	return y0 + (y1-y0)*(x-x0)/(x1-x0)
}

// String writes the map as "x:y,x:y,...", the form ParseIsotonic reads
// (model metadata).
func (iso Isotonic) String() string {
	var b strings.Builder
	for i := range iso.X {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatFloat(iso.X[i], 'g', -1, 64))
		b.WriteByte(':')
		b.WriteString(strconv.FormatFloat(iso.Y[i], 'g', -1, 64))
	}
	return b.String()
}

// ParseIsotonic reads the form String writes; "" is the identity.
func ParseIsotonic(s string) (Isotonic, error) {
	var iso Isotonic
	if s == "" {
		return iso, nil
	}
	for _, pair := range strings.Split(s, ",") {
		xs, ys, ok := strings.Cut(pair, ":")
		x, err1 := strconv.ParseFloat(xs, 64)
		y, err2 := strconv.ParseFloat(ys, 64)
		if !ok || err1 != nil || err2 != nil {
			return Isotonic{}, fmt.Errorf("learn: isotonic map: bad pair %q", pair)
		}
		if n := len(iso.X); n > 0 && (x <= iso.X[n-1] || y < iso.Y[n-1]) {
			return Isotonic{}, fmt.Errorf("learn: isotonic map: pair %q out of order", pair)
		}
		iso.X, iso.Y = append(iso.X, x), append(iso.Y, y)
	}
	return iso, nil
}
