package text

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

//go:embed posmodel.bin
var posModelData []byte

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func fnvBytes(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func fnvByte(h uint64, c byte) uint64 {
	h ^= uint64(c)
	return h * fnvPrime
}

// Feature templates, in prose's order; the strings are prose's feature
// names followed by the separating space.
const (
	fSuffix = iota
	fPref1
	fTag1
	fTag2
	fTag12
	fWord
	fTag1Word
	fWordM1
	fSuffixM1
	fWordM2
	fWordP1
	fSuffixP1
	fWordP2
	nTemplates
)

var templateNames = [nTemplates]string{
	"i suffix ", "i pref1 ", "i-1 tag ", "i-2 tag ", "i tag+i-2 tag ", "i word ", "i-1 tag+i word ",
	"i-1 word ", "i-1 suffix ", "i-2 word ", "i+1 word ", "i+1 suffix ", "i+2 word ",
}

type slot struct {
	key    uint64
	lo, hi uint32 // weight entries [lo, hi); hi == 0 marks an empty slot
}

// perceptron is the immutable averaged-perceptron model.
type perceptron struct {
	classes []string
	tagdict map[string]uint8
	slots   []slot
	shift   uint
	weights []int32 // weight*1000 << 6 | class
	prefix  [nTemplates]uint64
	bias    uint64
	classID map[string]int
}

func loadPerceptron(b []byte) (*perceptron, error) {
	r := reader{b: b}
	if string(r.bytes(6)) != "SRPOS\x01" {
		return nil, errors.New("text: posmodel.bin: bad magic")
	}
	p := &perceptron{classID: map[string]int{}}
	nc := int(r.u32())
	if nc > 64 {
		return nil, fmt.Errorf("text: posmodel.bin: %d classes", nc)
	}
	for range nc {
		c := string(r.bytes(int(r.u8())))
		p.classID[c] = len(p.classes)
		p.classes = append(p.classes, c)
	}
	nt := int(r.u32())
	p.tagdict = make(map[string]uint8, nt)
	for range nt {
		w := string(r.bytes(int(r.u8())))
		p.tagdict[w] = r.u8()
	}
	nf := int(r.u32())
	keys := r.bytes(8 * nf)
	offs := r.bytes(4 * (nf + 1))
	nw := int(r.u32())
	wb := r.bytes(4 * nw)
	if r.err != nil {
		return nil, fmt.Errorf("text: posmodel.bin: %w", r.err)
	}
	p.weights = make([]int32, nw)
	for i := range p.weights {
		p.weights[i] = int32(binary.LittleEndian.Uint32(wb[4*i:]))
	}
	bits := uint(1)
	for 1<<bits < 2*nf {
		bits++
	}
	p.slots = make([]slot, 1<<bits)
	p.shift = 64 - bits
	mask := uint64(len(p.slots) - 1)
	for i := range nf {
		k := binary.LittleEndian.Uint64(keys[8*i:])
		lo := binary.LittleEndian.Uint32(offs[4*i:])
		hi := binary.LittleEndian.Uint32(offs[4*i+4:])
		if lo >= hi || int(hi) > nw {
			continue
		}
		j := (k * 0x9E3779B97F4A7C15) >> p.shift
		for p.slots[j].hi != 0 {
			j = (j + 1) & mask
		}
		p.slots[j] = slot{key: k, lo: lo, hi: hi}
	}
	for i, name := range templateNames {
		p.prefix[i] = fnvString(fnvOffset, name)
	}
	p.bias = fnvString(fnvOffset, "bias")
	return p, nil
}

type reader struct {
	b   []byte
	err error
}

func (r *reader) bytes(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b) {
		r.err = errors.New("truncated")
		return make([]byte, max(n, 0))
	}
	out := r.b[:n]
	r.b = r.b[n:]
	return out
}

func (r *reader) u8() uint8   { return r.bytes(1)[0] }
func (r *reader) u32() uint32 { return binary.LittleEndian.Uint32(r.bytes(4)) }

// tagScratch is the per-call working memory of the tagger.
type tagScratch struct {
	norm []byte  // normalized context words, concatenated
	ends []int32 // ends[k] is the end of context word k in norm
}

func (s *tagScratch) ctx(k int) []byte {
	start := int32(0)
	if k > 0 {
		start = s.ends[k-1]
	}
	return s.norm[start:s.ends[k]]
}

// tagText maps a token to the form the Treebank-trained model knows:
// quotes become `` and '', curly apostrophes become straight.
func tagText(toks []sitrep.Token, i int) string {
	w := toks[i].Text
	switch w {
	case "“", "‘", "«", "„":
		return "``"
	case "”", "»":
		return "''"
	case "’":
		return "''"
	case "\"", "'":
		// A straight quote opens when it is not glued to a preceding word.
		if i == 0 || toks[i-1].End < toks[i].Start || isOpening(toks[i-1].Text) {
			if i+1 < len(toks) && toks[i+1].Start == toks[i].End {
				return "``"
			}
		}
		return "''"
	case "’s":
		return "'s"
	case "’S":
		return "'S"
	case "n’t":
		return "n't"
	case "N’T":
		return "N'T"
	case "’re":
		return "'re"
	case "’ll":
		return "'ll"
	case "’ve":
		return "'ve"
	case "’d":
		return "'d"
	case "’m":
		return "'m"
	case "—", "–", "--", "---":
		return "--"
	case "…":
		return "..."
	}
	return w
}

// specialTag returns a fixed tag for tokens the model should not guess.
func specialTag(w string) (string, bool) {
	switch w {
	case "-":
		return ":", true
	case "0":
		return "CD", true
	case "*", "•", "@", "/":
		return "SYM", true
	}
	if strings.HasPrefix(w, "@") || strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") ||
		strings.HasPrefix(w, "www.") {
		return "NN", true
	}
	if at := strings.IndexByte(w, '@'); at > 0 && strings.IndexByte(w[at:], '.') > 0 {
		return "NN", true
	}
	return "", false
}

// appendNorm appends prose's normalized form of w: "!HYPHEN", "!YEAR",
// "!DIGITS" or the lower-cased word (strings.ToLower semantics).
func appendNorm(dst []byte, w string) []byte {
	if w == "" {
		return dst
	}
	if w[0] != '-' && strings.IndexByte(w, '-') >= 0 {
		return append(dst, "!HYPHEN"...)
	}
	if len(w) == 4 && isAtoi(w) {
		return append(dst, "!YEAR"...)
	}
	if isDigitByte(w[0]) {
		return append(dst, "!DIGITS"...)
	}
	ascii := true
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for i := 0; i < len(w); i++ {
			c := w[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
		return dst
	}
	for _, r := range w { // invalid bytes decode to RuneError, as strings.Map does
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// isAtoi reports whether strconv.Atoi accepts w.
func isAtoi(w string) bool {
	if w[0] == '+' || w[0] == '-' {
		w = w[1:]
	}
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isDigitByte(w[i]) {
			return false
		}
	}
	return true
}

func suffix3(b []byte) []byte {
	if len(b) > 3 {
		return b[len(b)-3:]
	}
	return b
}

func (p *perceptron) lookup(h uint64) (uint32, uint32) {
	mask := uint64(len(p.slots) - 1)
	j := (h * 0x9E3779B97F4A7C15) >> p.shift
	for {
		s := &p.slots[j]
		if s.hi == 0 {
			return 0, 0
		}
		if s.key == h {
			return s.lo, s.hi
		}
		j = (j + 1) & mask
	}
}

// tag tags one sentence in place.
func (p *perceptron) tag(toks []sitrep.Token, s *tagScratch) {
	n := len(toks)
	s.norm = s.norm[:0]
	s.ends = s.ends[:0]
	push := func(b []byte) {
		s.ends = append(s.ends, int32(len(b)))
	}
	s.norm = append(s.norm, "-START-"...)
	push(s.norm)
	s.norm = append(s.norm, "-START2-"...)
	push(s.norm)
	for i := range toks {
		s.norm = appendNorm(s.norm, tagText(toks, i))
		push(s.norm)
	}
	s.norm = append(s.norm, "-END-"...)
	push(s.norm)
	s.norm = append(s.norm, "-END2-"...)
	push(s.norm)

	p1, p2 := "-START-", "-START2-"
	var scores [64]int64
	for i := range n {
		w := tagText(toks, i)
		tag, ok := specialTag(w)
		if !ok {
			if c, found := p.tagdict[w]; found {
				tag = p.classes[c]
			} else {
				tag = p.predict(i, w, p1, p2, s, &scores)
			}
		}
		toks[i].Tag = tag
		p2, p1 = p1, tag
	}
}

func (p *perceptron) add(h uint64, scores *[64]int64, seen *uint64) {
	lo, hi := p.lookup(h)
	for _, v := range p.weights[lo:hi] {
		c := v & 63
		scores[c] += int64(v >> 6)
		*seen |= 1 << uint(c)
	}
}

func (p *perceptron) predict(i int, w, p1, p2 string, s *tagScratch, scores *[64]int64) string {
	var seen uint64
	k := i + 2
	cur, m1, m2, p1w, p2w := s.ctx(k), s.ctx(k-1), s.ctx(k-2), s.ctx(k+1), s.ctx(k+2)

	p.add(p.bias, scores, &seen)
	suf := w
	if len(suf) > 3 {
		suf = suf[len(suf)-3:]
	}
	p.add(fnvString(p.prefix[fSuffix], suf), scores, &seen)
	// prose writes string(w[0]): the first byte as a rune.
	h := p.prefix[fPref1]
	if c := w[0]; c < utf8.RuneSelf {
		h = fnvByte(h, c)
	} else {
		h = fnvByte(fnvByte(h, 0xC0|c>>6), 0x80|c&0x3F)
	}
	p.add(h, scores, &seen)
	p.add(fnvString(p.prefix[fTag1], p1), scores, &seen)
	p.add(fnvString(p.prefix[fTag2], p2), scores, &seen)
	p.add(fnvString(fnvByte(fnvString(p.prefix[fTag12], p1), ' '), p2), scores, &seen)
	p.add(fnvBytes(p.prefix[fWord], cur), scores, &seen)
	p.add(fnvBytes(fnvByte(fnvString(p.prefix[fTag1Word], p1), ' '), cur), scores, &seen)
	p.add(fnvBytes(p.prefix[fWordM1], m1), scores, &seen)
	p.add(fnvBytes(p.prefix[fSuffixM1], suffix3(m1)), scores, &seen)
	p.add(fnvBytes(p.prefix[fWordM2], m2), scores, &seen)
	p.add(fnvBytes(p.prefix[fWordP1], p1w), scores, &seen)
	p.add(fnvBytes(p.prefix[fSuffixP1], suffix3(p1w)), scores, &seen)
	p.add(fnvBytes(p.prefix[fWordP2], p2w), scores, &seen)

	best, bestScore := -1, int64(0)
	for c := range p.classes {
		if seen&(1<<uint(c)) == 0 {
			continue
		}
		if best < 0 || scores[c] > bestScore {
			best, bestScore = c, scores[c]
		}
		scores[c] = 0
	}
	if best < 0 {
		return "NN"
	}
	return p.classes[best]
}
