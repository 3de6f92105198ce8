package parse

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"

	"github.com/sitrep-project/sitrep/internal/learn"
)

// tagger is the part-of-speech model: its classes are joint "UPOS XPOS"
// pairs, predicted left to right.
type tagger struct {
	m    *learn.Model
	upos []string // per class
	xpos []string
	amb  map[uint64]uint64 // word -> ambiguity class
}

func newTagger(m *learn.Model) (*tagger, error) {
	amb, err := decodeAmbiguity(m.Meta.Info[ambKey])
	if err != nil {
		return nil, err
	}
	return taggerOf(m, amb), nil
}

// taggerOf returns the tagger of model m with ambiguity classes amb.
func taggerOf(m *learn.Model, amb map[uint64]uint64) *tagger {
	t := &tagger{m: m, amb: amb}
	for _, c := range m.Classes {
		u, x, _ := strings.Cut(c, " ")
		t.upos = append(t.upos, u)
		t.xpos = append(t.xpos, x)
	}
	return t
}

// ambKey is the model metadata entry holding the ambiguity classes.
const ambKey = "ambiguity"

// ambMinCount is how often a word must occur in training to get an
// ambiguity class.
const ambMinCount = 3

// ambiguity computes the ambiguity classes of the words of samples.
func ambiguity(samples []sample) map[uint64]uint64 {
	type entry struct {
		n    int
		tags [2]uint64
	}
	seen := map[uint64]*entry{}
	for _, s := range samples {
		for i, c := range s.gold {
			if c < 0 {
				continue
			}
			e := seen[s.ws[i].norm]
			if e == nil {
				e = &entry{}
				seen[s.ws[i].norm] = e
			}
			e.n++
			e.tags[c>>6] |= 1 << uint(c&63)
		}
	}
	out := map[uint64]uint64{}
	for w, e := range seen {
		if e.n >= ambMinCount {
			out[w] = learn.Key2(0, e.tags[0], e.tags[1]) | 1
		}
	}
	return out
}

// encodeAmbiguity writes the classes as base64 (word, class) pairs in
// word order, for the model metadata.
func encodeAmbiguity(amb map[uint64]uint64) string {
	keys := make([]uint64, 0, len(amb))
	for k := range amb {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b := make([]byte, 0, 16*len(keys))
	for _, k := range keys {
		b = binary.LittleEndian.AppendUint64(b, k)
		b = binary.LittleEndian.AppendUint64(b, amb[k])
	}
	return base64.StdEncoding.EncodeToString(b)
}

func decodeAmbiguity(s string) (map[uint64]uint64, error) {
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(b)%16 != 0 {
		return nil, fmt.Errorf("tagger model: bad ambiguity classes")
	}
	out := make(map[uint64]uint64, len(b)/16)
	for i := 0; i < len(b); i += 16 {
		out[binary.LittleEndian.Uint64(b[i:])] = binary.LittleEndian.Uint64(b[i+8:])
	}
	return out, nil
}

// Tagger feature templates.
const (
	tBias uint32 = iota + 1
	tWord
	tRaw
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tShape
	tWm1
	tWm2
	tWp1
	tWp2
	tT1
	tT2
	tT12
	tT1W
	tSufP1
	tSufM1
	tWWp1
	tWm1W
	tFirstShape
	tT1Wp1
	tClsP2
	tShapeP1
	tShapeM1
	tT1Cls
	tAmb
	tAmbP1
	tAmbM1
	tAmbT1
	tAmbAmbP1
	tAmbWp1
)

// Word-class templates: one per prefix length.
const (
	tCls0  uint32 = 100
	tClsP1 uint32 = 110
	tClsM1 uint32 = 120
)

// sentinels for positions outside the sentence.
var (
	padBefore = word{norm: 1, raw: 1, shape: 1}
	padAfter  = word{norm: 2, raw: 2, shape: 2}
)

func at(ws []word, i int) *word {
	switch {
	case i < 0:
		return &padBefore
	case i >= len(ws):
		return &padAfter
	}
	return &ws[i]
}

// tagFeatures appends the features of word i given the classes p1, p2 of
// the two words before it (-1 when there is none).
func tagFeatures(out []uint64, ws []word, i, p1, p2 int) []uint64 {
	w := &ws[i]
	m1, m2, n1, n2 := at(ws, i-1), at(ws, i-2), at(ws, i+1), at(ws, i+2)
	t1, t2 := uint64(p1+1), uint64(p2+1)
	out = append(out,
		learn.Key(tBias, 0),
		learn.Key(tWord, w.norm),
		learn.Key(tRaw, w.raw),
		learn.Key(tSuf1, w.suf[0]), learn.Key(tSuf2, w.suf[1]), learn.Key(tSuf3, w.suf[2]), learn.Key(tSuf4, w.suf[3]),
		learn.Key(tPre1, w.pre[0]), learn.Key(tPre2, w.pre[1]), learn.Key(tPre3, w.pre[2]),
		learn.Key(tShape, w.shape),
		learn.Key(tWm1, m1.norm), learn.Key(tWm2, m2.norm), learn.Key(tWp1, n1.norm), learn.Key(tWp2, n2.norm),
		learn.Key(tT1, t1), learn.Key(tT2, t2), learn.Key2(tT12, t1, t2), learn.Key2(tT1W, t1, w.norm),
		learn.Key(tSufP1, n1.suf[2]), learn.Key(tSufM1, m1.suf[2]),
		learn.Key2(tWWp1, w.norm, n1.norm), learn.Key2(tWm1W, m1.norm, w.norm),
		learn.Key2(tFirstShape, boolKey(i == 0), w.shape),
		learn.Key2(tT1Wp1, t1, n1.norm),
		learn.Key(tClsP2, uint64(n2.cls[2])),
		learn.Key2(tShapeP1, w.shape, n1.shape), learn.Key2(tShapeM1, m1.shape, w.shape),
		learn.Key2(tT1Cls, t1, uint64(w.cls[2])),
		learn.Key(tAmb, w.amb), learn.Key(tAmbP1, n1.amb), learn.Key(tAmbM1, m1.amb),
		learn.Key2(tAmbT1, w.amb, t1), learn.Key2(tAmbAmbP1, w.amb, n1.amb), learn.Key2(tAmbWp1, w.amb, n1.norm),
	)
	for k := range clsBits {
		out = append(out, learn.Key(tCls0+uint32(k), uint64(w.cls[k])))
	}
	for k := 1; k < 3; k++ {
		out = append(out, learn.Key(tClsP1+uint32(k), uint64(n1.cls[k])), learn.Key(tClsM1+uint32(k), uint64(m1.cls[k])))
	}
	return out
}

func boolKey(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// tag sets the class of each word in out.
func (t *tagger) tag(ws []word, out []int, feats []uint64, scores []float32) []uint64 {
	t.setAmbiguity(ws)
	p1, p2 := -1, -1
	for i := range ws {
		feats = tagFeatures(feats[:0], ws, i, p1, p2)
		c := t.m.Predict(feats, scores)
		out[i] = c
		p2, p1 = p1, c
	}
	return feats
}

// setAmbiguity sets the ambiguity class of each word.
func (t *tagger) setAmbiguity(ws []word) {
	for i := range ws {
		ws[i].amb = t.amb[ws[i].norm]
	}
}
