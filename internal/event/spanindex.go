package event

import "sort"

// spanIndex finds, among n spans that may nest or overlap, those holding
// a byte offset, in O(log n) plus the spans that start before the offset
// and end after it, so that looking up every sentence or event of a long
// article stays near-linear in its length.
type spanIndex struct {
	order  []int // span indexes by start offset
	starts []int // starts[k] is the start of span order[k]
	maxEnd []int // maxEnd[k] is the largest end of spans order[0..k]
}

// newSpanIndex indexes n spans; span(i) returns the start and end of the
// i-th.
func newSpanIndex(n int, span func(int) (start, end int)) *spanIndex {
	x := &spanIndex{order: make([]int, n), starts: make([]int, n), maxEnd: make([]int, n)}
	for i := range x.order {
		x.order[i] = i
	}
	sort.SliceStable(x.order, func(p, q int) bool {
		sp, _ := span(x.order[p])
		sq, _ := span(x.order[q])
		return sp < sq
	})
	end := 0
	for k, i := range x.order {
		s, e := span(i)
		x.starts[k] = s
		end = max(end, e)
		x.maxEnd[k] = end
	}
	return x
}

// holding calls fn with the index of every span whose start is at or
// before off and whose end, by span, is after it, latest start first.
func (x *spanIndex) holding(off int, span func(int) (start, end int), fn func(i int)) {
	k := sort.SearchInts(x.starts, off+1) - 1 // last span starting at or before off
	for ; k >= 0 && x.maxEnd[k] > off; k-- {
		if _, e := span(x.order[k]); e > off {
			fn(x.order[k])
		}
	}
}
