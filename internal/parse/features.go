package parse

import "github.com/sitrep-project/sitrep/internal/learn"

// Parser feature templates: those of Zhang and Nivre (2011), with the
// second and third stack words, word-class (Koo et al. 2008) and lemma
// variants. Template numbers are part of the model: changing what a
// number means requires a new featureVersion.
const (
	fS0wp uint32 = iota + 1
	fS0w
	fS0p
	fN0wp
	fN0w
	fN0p
	fN1wp
	fN1w
	fN1p
	fN2wp
	fN2w
	fN2p
	fS0wpN0wp
	fS0wpN0w
	fS0wN0wp
	fS0wpN0p
	fS0pN0wp
	fS0wN0w
	fS0pN0p
	fN0pN1p
	fN0pN1pN2p
	fS0pN0pN1p
	fS0hpS0pN0p
	fS0pS0lpN0p
	fS0pS0rpN0p
	fS0pN0pN0lp
	fS0wd
	fS0pd
	fN0wd
	fN0pd
	fS0wN0wd
	fS0pN0pd
	fS0wvr
	fS0pvr
	fS0wvl
	fS0pvl
	fN0wvl
	fN0pvl
	fS0hw
	fS0hp
	fS0l
	fS0lw
	fS0lp
	fS0ll
	fS0rw
	fS0rp
	fS0rl
	fN0lw
	fN0lp
	fN0ll
	fS0h2w
	fS0h2p
	fS0hl
	fS0l2w
	fS0l2p
	fS0l2l
	fS0r2w
	fS0r2p
	fS0r2l
	fN0l2w
	fN0l2p
	fN0l2l
	fS0pS0lpS0l2p
	fS0pS0rpS0r2p
	fS0pS0hpS0h2p
	fN0pN0lpN0l2p
	fS0wsr
	fS0psr
	fS0wsl
	fS0psl
	fN0wsl
	fN0psl
	fS1w
	fS1p
	fS1wp
	fS2p
	fS1pS0p
	fS1pS0pN0p
	fS2pS1pS0p
	fS1wS0w
	fS1l
	fS1pS0pd
	// word classes
	fS0c
	fN0c
	fN1c
	fS0cN0c
	fS0cN0p
	fS0pN0c
	fS0hc
	fN0lc
	fS1c
	fS0cN0cd
	fN0cN1c
	fS0rc
	fS0lc
	// lemmas
	fS0m
	fN0m
	fS0mN0p
	fS0pN0m
	fS0mN0m
	fS1mS0m
	// UPOS
	fS0uN0u
	fS1uS0uN0u
	fN0uN1uN2u
)

func pk2(a, b uint64) uint64    { return a | b<<16 }
func pk3(a, b, c uint64) uint64 { return a | b<<16 | c<<32 }

func distBucket(d int32) uint64 {
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	}
	return 7
}

// node returns the attributes of node i (noTok for -1).
func (s *state) node(i int32) *ptok {
	if i < 0 {
		return &noTok
	}
	return &s.toks[i]
}

func (s *state) label(i int32) uint64 {
	if i < 0 {
		return 0
	}
	return uint64(s.rel[i] + 2)
}

// features appends the features of the configuration.
func (s *state) features(out []uint64) []uint64 {
	K, K2, K3 := learn.Key, learn.Key2, learn.Key3
	ns := len(s.stack)
	s0i, s1i, s2i := s.stack[ns-1], int32(-1), int32(-1)
	if ns > 1 {
		s1i = s.stack[ns-2]
	}
	if ns > 2 {
		s2i = s.stack[ns-3]
	}
	n0i, n1i, n2i := s.b, s.b+1, s.b+2
	n := int32(s.n)
	if n0i > n {
		n0i = -1
	}
	if n1i > n {
		n1i = -1
	}
	if n2i > n {
		n2i = -1
	}
	s0, s1, s2, n0, n1, n2 := s.node(s0i), s.node(s1i), s.node(s2i), s.node(n0i), s.node(n1i), s.node(n2i)
	s0hi, s0h2i := int32(-1), int32(-1)
	if s0i >= 0 {
		s0hi = s.head[s0i]
		if s0hi >= 0 {
			s0h2i = s.head[s0hi]
		}
	}
	s0h, s0h2 := s.node(s0hi), s.node(s0h2i)
	s0li, s0l2i, s0ri, s0r2i := s.l1[s0i], s.l2[s0i], s.r1[s0i], s.r2[s0i]
	s0l, s0l2, s0r, s0r2 := s.node(s0li), s.node(s0l2i), s.node(s0ri), s.node(s0r2i)
	n0li, n0l2i := int32(-1), int32(-1)
	var n0vl uint64
	var n0sl [2]uint64
	if n0i >= 0 {
		n0li, n0l2i = s.l1[n0i], s.l2[n0i]
		n0vl = uint64(s.nl[n0i])
		n0sl = s.ls[n0i]
	}
	n0l, n0l2 := s.node(n0li), s.node(n0l2i)
	d := uint64(0)
	if n0i >= 0 {
		d = distBucket(n0i - s0i)
	}
	d1 := uint64(0)
	if s1i >= 0 {
		d1 = distBucket(s0i - s1i)
	}
	vr, vl := uint64(s.nr[s0i]), uint64(s.nl[s0i])
	sr, sl := s.rs[s0i], s.ls[s0i]
	const c1, c2 = 1, 2 // word-class grains used (6 and 10 bits)
	out = append(out,
		K2(fS0wp, s0.w, s0.p), K(fS0w, s0.w), K(fS0p, s0.p),
		K2(fN0wp, n0.w, n0.p), K(fN0w, n0.w), K(fN0p, n0.p),
		K2(fN1wp, n1.w, n1.p), K(fN1w, n1.w), K(fN1p, n1.p),
		K2(fN2wp, n2.w, n2.p), K(fN2w, n2.w), K(fN2p, n2.p),
		K3(fS0wpN0wp, s0.w, n0.w, pk2(s0.p, n0.p)),
		K3(fS0wpN0w, s0.w, n0.w, s0.p),
		K3(fS0wN0wp, s0.w, n0.w, n0.p),
		K2(fS0wpN0p, s0.w, pk2(s0.p, n0.p)),
		K2(fS0pN0wp, n0.w, pk2(s0.p, n0.p)),
		K2(fS0wN0w, s0.w, n0.w),
		K(fS0pN0p, pk2(s0.p, n0.p)),
		K(fN0pN1p, pk2(n0.p, n1.p)),
		K(fN0pN1pN2p, pk3(n0.p, n1.p, n2.p)),
		K(fS0pN0pN1p, pk3(s0.p, n0.p, n1.p)),
		K(fS0hpS0pN0p, pk3(s0h.p, s0.p, n0.p)),
		K(fS0pS0lpN0p, pk3(s0.p, s0l.p, n0.p)),
		K(fS0pS0rpN0p, pk3(s0.p, s0r.p, n0.p)),
		K(fS0pN0pN0lp, pk3(s0.p, n0.p, n0l.p)),
		K2(fS0wd, s0.w, d), K2(fS0pd, s0.p, d), K2(fN0wd, n0.w, d), K2(fN0pd, n0.p, d),
		K3(fS0wN0wd, s0.w, n0.w, d), K(fS0pN0pd, pk3(s0.p, n0.p, d)),
		K2(fS0wvr, s0.w, vr), K2(fS0pvr, s0.p, vr), K2(fS0wvl, s0.w, vl), K2(fS0pvl, s0.p, vl),
		K2(fN0wvl, n0.w, n0vl), K2(fN0pvl, n0.p, n0vl),
		K(fS0hw, s0h.w), K(fS0hp, s0h.p), K(fS0l, s.label(s0i)),
		K(fS0lw, s0l.w), K(fS0lp, s0l.p), K(fS0ll, s.label(s0li)),
		K(fS0rw, s0r.w), K(fS0rp, s0r.p), K(fS0rl, s.label(s0ri)),
		K(fN0lw, n0l.w), K(fN0lp, n0l.p), K(fN0ll, s.label(n0li)),
		K(fS0h2w, s0h2.w), K(fS0h2p, s0h2.p), K(fS0hl, s.label(s0hi)),
		K(fS0l2w, s0l2.w), K(fS0l2p, s0l2.p), K(fS0l2l, s.label(s0l2i)),
		K(fS0r2w, s0r2.w), K(fS0r2p, s0r2.p), K(fS0r2l, s.label(s0r2i)),
		K(fN0l2w, n0l2.w), K(fN0l2p, n0l2.p), K(fN0l2l, s.label(n0l2i)),
		K(fS0pS0lpS0l2p, pk3(s0.p, s0l.p, s0l2.p)),
		K(fS0pS0rpS0r2p, pk3(s0.p, s0r.p, s0r2.p)),
		K(fS0pS0hpS0h2p, pk3(s0.p, s0h.p, s0h2.p)),
		K(fN0pN0lpN0l2p, pk3(n0.p, n0l.p, n0l2.p)),
		K3(fS0wsr, s0.w, sr[0], sr[1]), K3(fS0psr, s0.p, sr[0], sr[1]),
		K3(fS0wsl, s0.w, sl[0], sl[1]), K3(fS0psl, s0.p, sl[0], sl[1]),
		K3(fN0wsl, n0.w, n0sl[0], n0sl[1]), K3(fN0psl, n0.p, n0sl[0], n0sl[1]),
		K(fS1w, s1.w), K(fS1p, s1.p), K2(fS1wp, s1.w, s1.p), K(fS2p, s2.p),
		K(fS1pS0p, pk2(s1.p, s0.p)),
		K(fS1pS0pN0p, pk3(s1.p, s0.p, n0.p)),
		K(fS2pS1pS0p, pk3(s2.p, s1.p, s0.p)),
		K2(fS1wS0w, s1.w, s0.w),
		K(fS1l, s.label(s1i)),
		K(fS1pS0pd, pk3(s1.p, s0.p, d1)),
		K(fS0c, s0.c[c2]), K(fN0c, n0.c[c2]), K(fN1c, n1.c[c1]),
		K2(fS0cN0c, s0.c[c1], n0.c[c1]),
		K2(fS0cN0p, s0.c[c2], n0.p), K2(fS0pN0c, s0.p, n0.c[c2]),
		K(fS0hc, s0h.c[c1]), K(fN0lc, n0l.c[c1]), K(fS1c, s1.c[c1]),
		K3(fS0cN0cd, s0.c[0], n0.c[0], d),
		K2(fN0cN1c, n0.c[c1], n1.c[c1]),
		K2(fS0rc, s0.p, s0r.c[c1]), K2(fS0lc, s0.p, s0l.c[c1]),
		K(fS0m, s0.lem), K(fN0m, n0.lem),
		K2(fS0mN0p, s0.lem, n0.p), K2(fS0pN0m, s0.p, n0.lem),
		K2(fS0mN0m, s0.lem, n0.lem), K2(fS1mS0m, s1.lem, s0.lem),
		K(fS0uN0u, pk2(s0.u, n0.u)),
		K(fS1uS0uN0u, pk3(s1.u, s0.u, n0.u)),
		K(fN0uN1uN2u, pk3(n0.u, n1.u, n2.u)),
	)
	return out
}
