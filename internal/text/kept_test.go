package text

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// keptNaive is kept by reading every skipped region for every
// paragraph: the definition kept must match.
func keptNaive(paras, skip []sitrep.Span, emit func(pi, start, end int)) {
	for pi, p := range paras {
		pos := p.Start
		for _, sk := range skip {
			if sk.End <= pos || sk.Start >= p.End || sk.End <= sk.Start {
				continue
			}
			if sk.Start > pos {
				emit(pi, pos, sk.Start)
			}
			pos = max(pos, sk.End)
			if pos >= p.End {
				break
			}
		}
		if pos < p.End {
			emit(pi, pos, p.End)
		}
	}
}

// TestKept compares kept with keptNaive on random paragraphs and skipped
// regions: short and long, nested, overlapping, empty, spanning several
// paragraphs or none.
func TestKept(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for round := range 500 {
		var paras []sitrep.Span
		pos := 0
		for range rng.IntN(12) {
			pos += rng.IntN(3)
			end := pos + 1 + rng.IntN(60)
			paras = append(paras, sitrep.Span{Start: pos, End: end})
			pos = end
		}
		var skip []sitrep.Span
		for range rng.IntN(10) {
			a := rng.IntN(pos + 10)
			n := rng.IntN(20)
			if rng.IntN(8) == 0 {
				n = rng.IntN(200)
			}
			skip = append(skip, sitrep.Span{Start: a, End: a + n})
		}
		slices.SortFunc(skip, func(x, y sitrep.Span) int { return cmp.Compare(x.Start, y.Start) })
		var got, want [][3]int
		kept(paras, skip, func(pi, s, e int) { got = append(got, [3]int{pi, s, e}) })
		keptNaive(paras, skip, func(pi, s, e int) { want = append(want, [3]int{pi, s, e}) })
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: paragraphs %v, skip %v:\ngot  %v\nwant %v", round, paras, skip, got, want)
		}
	}
}
