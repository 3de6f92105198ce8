package parse

// The arc-eager transition system (Nivre 2008) with labelled arcs, a
// ROOT node at the bottom of the stack that takes exactly one dependent,
// and the dynamic oracle of Goldberg and Nivre (2012).
//
// Transitions are numbered: 0 SHIFT, 1 REDUCE, then for each label l,
// 2+2l LEFT-ARC(l) and 3+2l RIGHT-ARC(l).

const (
	actShift  = 0
	actReduce = 1
)

func actLeft(l int) int  { return 2 + 2*l }
func actRight(l int) int { return 3 + 2*l }

// ptok holds the hashed attributes the parser reads of one node; node 0 is
// ROOT.
type ptok struct {
	w   uint64    // normalized word
	p   uint64    // tag class + 2 (1 for ROOT, 0 for none)
	u   uint64    // UPOS id + 2
	lem uint64    // lemma
	c   [4]uint64 // word-class prefixes
}

var noTok = ptok{w: 3}

// state is a parser configuration over nodes 0 (ROOT) .. n.
type state struct {
	n      int
	toks   []ptok
	stack  []int32
	b      int32 // front of the buffer; n+1 when it is empty
	head   []int32
	rel    []int32 // label of the arc to the head, -1 for none
	l1, l2 []int32 // leftmost and second leftmost dependents
	r1, r2 []int32 // rightmost and second rightmost dependents
	nl, nr []uint8 // numbers of left and right dependents
	ls, rs [][2]uint64
	inSt   []bool
	rootL  int // label index of "root"
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// reset starts the configuration for a sentence of n words.
func (s *state) reset(n int) {
	s.n = n
	m := n + 1
	s.head, s.rel = grow(s.head, m), grow(s.rel, m)
	s.l1, s.l2, s.r1, s.r2 = grow(s.l1, m), grow(s.l2, m), grow(s.r1, m), grow(s.r2, m)
	s.nl, s.nr = grow(s.nl, m), grow(s.nr, m)
	s.ls, s.rs = grow(s.ls, m), grow(s.rs, m)
	s.inSt = grow(s.inSt, m)
	for i := range m {
		s.head[i], s.rel[i] = -1, -1
		s.l1[i], s.l2[i], s.r1[i], s.r2[i] = -1, -1, -1, -1
		s.nl[i], s.nr[i] = 0, 0
		s.ls[i], s.rs[i] = [2]uint64{}, [2]uint64{}
		s.inSt[i] = false
	}
	s.stack = append(s.stack[:0], 0)
	s.inSt[0] = true
	s.b = 1
}

// copyFrom makes s a copy of o, reusing s's memory.
func (s *state) copyFrom(o *state) {
	s.n, s.toks, s.b, s.rootL = o.n, o.toks, o.b, o.rootL
	s.stack = append(s.stack[:0], o.stack...)
	s.head, s.rel = append(s.head[:0], o.head...), append(s.rel[:0], o.rel...)
	s.l1, s.l2 = append(s.l1[:0], o.l1...), append(s.l2[:0], o.l2...)
	s.r1, s.r2 = append(s.r1[:0], o.r1...), append(s.r2[:0], o.r2...)
	s.nl, s.nr = append(s.nl[:0], o.nl...), append(s.nr[:0], o.nr...)
	s.ls, s.rs = append(s.ls[:0], o.ls...), append(s.rs[:0], o.rs...)
	s.inSt = append(s.inSt[:0], o.inSt...)
}

func (s *state) done() bool { return int(s.b) > s.n }

func (s *state) top() int32 { return s.stack[len(s.stack)-1] }

// legal reports whether transition a may be applied.
func (s *state) legal(a int) bool {
	if s.done() {
		return false
	}
	st := s.top()
	switch a {
	case actShift:
		return true
	case actReduce:
		return st != 0 && s.head[st] >= 0
	}
	l := (a - 2) / 2
	if a%2 == 0 { // left
		return st != 0 && s.head[st] < 0 && l != s.rootL
	}
	if st == 0 {
		return l == s.rootL && s.nr[0] == 0
	}
	return l != s.rootL
}

// legalMask sets mask[a] to legal(a) for every transition a, faster than
// asking one by one.
func (s *state) legalMask(mask []bool) {
	if s.done() {
		clear(mask)
		return
	}
	st := s.top()
	mask[actShift] = true
	mask[actReduce] = st != 0 && s.head[st] >= 0
	left := st != 0 && s.head[st] < 0
	for l := range (len(mask) - 2) / 2 {
		mask[actLeft(l)] = left && l != s.rootL
		if st == 0 {
			mask[actRight(l)] = l == s.rootL && s.nr[0] == 0
		} else {
			mask[actRight(l)] = l != s.rootL
		}
	}
}

func (s *state) addArc(h, d int32, l int) {
	s.head[d], s.rel[d] = h, int32(l)
	if d < h {
		s.nl[h]++
		s.ls[h][l>>6] |= 1 << uint(l&63)
		switch {
		case s.l1[h] < 0 || d < s.l1[h]:
			s.l2[h], s.l1[h] = s.l1[h], d
		case s.l2[h] < 0 || d < s.l2[h]:
			s.l2[h] = d
		}
	} else {
		s.nr[h]++
		s.rs[h][l>>6] |= 1 << uint(l&63)
		switch {
		case s.r1[h] < 0 || d > s.r1[h]:
			s.r2[h], s.r1[h] = s.r1[h], d
		case s.r2[h] < 0 || d > s.r2[h]:
			s.r2[h] = d
		}
	}
}

// apply applies the legal transition a.
func (s *state) apply(a int) {
	st := s.top()
	switch {
	case a == actShift:
		s.stack = append(s.stack, s.b)
		s.inSt[s.b] = true
		s.b++
	case a == actReduce:
		s.stack = s.stack[:len(s.stack)-1]
		s.inSt[st] = false
	case a%2 == 0:
		s.addArc(s.b, st, (a-2)/2)
		s.stack = s.stack[:len(s.stack)-1]
		s.inSt[st] = false
	default:
		s.addArc(st, s.b, (a-3)/2)
		s.stack = append(s.stack, s.b)
		s.inSt[s.b] = true
		s.b++
	}
}

// finish attaches the words left without a head once the buffer is
// empty: the first becomes the root if there is none, the others depend
// on the root with label fallback (punct for punctuation).
func (s *state) finish(fallback, punct int, isPunct func(i int) bool) {
	root := s.r1[0]
	for i := int32(1); i <= int32(s.n); i++ {
		if s.head[i] >= 0 {
			continue
		}
		if root < 0 {
			s.addArc(0, i, s.rootL)
			root = i
			continue
		}
		l := fallback
		if isPunct(int(i)) {
			l = punct
		}
		s.addArc(root, i, l)
	}
}

// oracle holds the gold tree of a training sentence: heads and label
// indices of nodes 1..n (index 0 unused).
type oracle struct {
	head []int32
	rel  []int32
}

// costs sets cost[a] for every legal transition a (and a large value for
// illegal ones): the number of gold arcs (a wrong label counts) that
// become unreachable.
func (s *state) costs(g *oracle, cost []int32) {
	const illegal = 1 << 20
	for i := range cost {
		cost[i] = illegal
	}
	if s.done() {
		return
	}
	st, b := s.top(), s.b
	n := int32(s.n)
	// Dependents of st in the buffer; of b on the stack (without head).
	depSB, depBS, headBS := int32(0), int32(0), int32(0)
	for k := b; k <= n; k++ {
		if g.head[k] == st {
			depSB++
		}
	}
	for _, k := range s.stack {
		if k != 0 && s.head[k] < 0 && g.head[k] == b {
			depBS++
		}
		if g.head[b] == k {
			headBS++
		}
	}
	// SHIFT loses b's arcs with the stack.
	cost[actShift] = headBS + depBS
	if s.legal(actReduce) {
		cost[actReduce] = depSB
	}
	if st != 0 && s.head[st] < 0 {
		c := depSB
		if gh := g.head[st]; gh > b {
			c++
		}
		for l := range (len(cost) - 2) / 2 {
			a := actLeft(l)
			if !s.legal(a) {
				continue
			}
			cost[a] = c
			if g.head[st] == b && int32(l) != g.rel[st] {
				cost[a]++
			}
		}
	}
	c := depBS
	if gh := g.head[b]; gh != st && (gh > b || (gh >= 0 && s.inSt[gh])) {
		c++
	}
	for l := range (len(cost) - 2) / 2 {
		a := actRight(l)
		if !s.legal(a) {
			continue
		}
		cost[a] = c
		if g.head[b] == st && int32(l) != g.rel[b] {
			cost[a]++
		}
	}
}

// projective reports whether the gold tree has no crossing arcs.
func projective(head []int32) bool {
	n := int32(len(head) - 1)
	for d := int32(1); d <= n; d++ {
		h := head[d]
		lo, hi := min(h, d), max(h, d)
		for k := lo + 1; k < hi; k++ {
			// every node strictly between must be dominated by h
			a := k
			for steps := int32(0); a != h && a > 0 && steps <= n; steps++ {
				a = head[a]
			}
			if a != h {
				return false
			}
		}
	}
	return true
}

// nonProjective returns the shortest arc of the tree that some node
// between its ends is not dominated by its head, or -1.
func nonProjective(head []int32) int32 {
	n := int32(len(head) - 1)
	best, bestLen := int32(-1), n+1
	for d := int32(1); d <= n; d++ {
		h := head[d]
		lo, hi := min(h, d), max(h, d)
		if hi-lo >= bestLen {
			continue
		}
		for k := lo + 1; k < hi; k++ {
			a := k
			for steps := int32(0); a != h && a > 0 && steps <= n; steps++ {
				a = head[a]
			}
			if a != h {
				best, bestLen = d, hi-lo
				break
			}
		}
	}
	return best
}

// projectivize lifts non-projective arcs, shortest first, to the head's
// head (labels unchanged) until the tree is projective; it reports
// whether it got there.
func projectivize(head []int32) bool {
	for range len(head) * len(head) {
		d := nonProjective(head)
		if d < 0 {
			return true
		}
		if head[d] <= 0 {
			return false
		}
		head[d] = head[head[d]]
	}
	return false
}
