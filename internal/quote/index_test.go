package quote

import (
	"math/rand/v2"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// TestEntityIndex compares the index with a scan of every mention, on
// mentions in random order, nested and overlapping.
func TestEntityIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	types := []sitrep.EntityType{sitrep.Person, sitrep.Org, sitrep.NORP}
	for round := range 50 {
		ents := make([]sitrep.Entity, rng.IntN(40))
		for i := range ents {
			s := rng.IntN(200)
			ents[i] = sitrep.Entity{Span: sitrep.Span{Start: s, End: s + 1 + rng.IntN(15)}, Type: types[rng.IntN(len(types))]}
		}
		ix := newEntityIndex(ents)
		for range 100 {
			from := rng.IntN(220)
			to := from + rng.IntN(30)
			want := map[int]bool{}
			for i, en := range ents {
				if en.Start >= from && en.Start <= to {
					want[i] = true
				}
			}
			got := ix.starting(from, to)
			if len(got) != len(want) {
				t.Fatalf("round %d: starting(%d, %d) = %v, want %v", round, from, to, got, want)
			}
			for _, i := range got {
				if !want[i] {
					t.Fatalf("round %d: starting(%d, %d) has %d", round, from, to, i)
				}
			}
			typ := types[rng.IntN(len(types))]
			latest := -1
			for i, en := range ents {
				if en.End <= from && en.Type == typ {
					latest = i
				}
			}
			if got := ix.latestBefore(typ, from); got != latest {
				t.Fatalf("round %d: latestBefore(%s, %d) = %d, want %d", round, typ, from, got, latest)
			}
		}
	}
}
