package quote

import (
	"slices"
	"sort"

	"github.com/sitrep-project/sitrep"
)

// entityIndex answers the extractor's questions about entity mentions by
// position in logarithmic time, so that the cost of an article stays
// linear in its length whatever order the mentions come in.
type entityIndex struct {
	ents    []sitrep.Entity
	byStart []int // indices into ents ordered by Start, then index
	// ended holds, per entity type, the mentions ordered by End with the
	// highest index among each prefix: the latest mention of a type that
	// ends before a position.
	ended map[sitrep.EntityType]endOrder
}

type endOrder struct {
	ends   []int // End of each mention, ascending
	latest []int // latest[k] is the highest index among the first k+1
}

func newEntityIndex(ents []sitrep.Entity) entityIndex {
	ix := entityIndex{ents: ents, byStart: make([]int, len(ents)), ended: map[sitrep.EntityType]endOrder{}}
	for i := range ents {
		ix.byStart[i] = i
	}
	slices.SortStableFunc(ix.byStart, func(a, b int) int { return ents[a].Start - ents[b].Start })
	byEnd := slices.Clone(ix.byStart)
	slices.SortStableFunc(byEnd, func(a, b int) int { return ents[a].End - ents[b].End })
	for _, i := range byEnd {
		o := ix.ended[ents[i].Type]
		top := i
		if n := len(o.latest); n > 0 {
			top = max(top, o.latest[n-1])
		}
		o.ends = append(o.ends, ents[i].End)
		o.latest = append(o.latest, top)
		ix.ended[ents[i].Type] = o
	}
	return ix
}

// starting returns the indices of the mentions whose Start is in
// [from, to], in order of Start.
func (ix *entityIndex) starting(from, to int) []int {
	lo := sort.Search(len(ix.byStart), func(k int) bool { return ix.ents[ix.byStart[k]].Start >= from })
	hi := sort.Search(len(ix.byStart), func(k int) bool { return ix.ents[ix.byStart[k]].Start > to })
	if hi < lo {
		hi = lo
	}
	return ix.byStart[lo:hi]
}

// latestBefore returns the highest index of a mention of type typ that
// ends at or before pos, or -1.
func (ix *entityIndex) latestBefore(typ sitrep.EntityType, pos int) int {
	o := ix.ended[typ]
	k := sort.SearchInts(o.ends, pos+1)
	if k == 0 {
		return -1
	}
	return o.latest[k-1]
}
