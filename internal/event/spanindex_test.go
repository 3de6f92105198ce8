package event

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSpanIndex checks spanIndex.holding against a scan of every span, on
// random spans that nest, overlap and repeat.
func TestSpanIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		n := r.IntN(30)
		spans := make([][2]int, n)
		for i := range spans {
			s := r.IntN(100)
			spans[i] = [2]int{s, s + 1 + r.IntN(40)}
		}
		span := func(i int) (int, int) { return spans[i][0], spans[i][1] }
		x := newSpanIndex(n, span)
		for off := -1; off < 145; off++ {
			var got, want []int
			x.holding(off, span, func(i int) { got = append(got, i) })
			for i, s := range spans {
				if s[0] <= off && off < s[1] {
					want = append(want, i)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("spans %v, offset %d: holding gives %v, want %v", spans, off, got, want)
			}
		}
	}
}
