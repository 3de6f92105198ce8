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
	fBias
	nTemplates = fBias
)

// featKey combines a template id with the FNV-1a hashes of its arguments
// into a feature key; scripts/posmodel uses the same function.
func featKey(t int, a, b uint64) uint64 {
	h := (a ^ uint64(t+1)*0x9E3779B97F4A7C15) * 0xBF58476D1CE4E5B9
	h ^= b
	h *= 0x94D049BB133111EB
	return h ^ h>>31
}

// A slot of the feature hash table holds a 26-bit fingerprint of the
// feature hash and the feature's weight count n (tag = fp<<6 | n; 0 marks
// an empty slot). Up to three weights are stored in the slot itself, so
// most lookups touch one cache line; longer runs start at w[0] in weights.
type slot struct {
	tag uint32
	w   [3]int32
}

const (
	fpShift    = 64 - 26
	maxWeights = 1 << 30
	noSlot     = -1
)

// Tag ids are class indices; the two sentence-start pseudo tags follow.
const extraTags = 2

// perceptron is the immutable averaged-perceptron model.
type perceptron struct {
	classes []string
	tagdict map[string]uint8
	slots   []slot
	shift   uint
	weights []int32  // weight*1000 << 6 | class
	tagHash []uint64 // tag id -> FNV-1a of its name
	// Slots of the tag-history features, indexed by tag id.
	tag1, tag2 []int32
	tag12      []int32  // [p1*ntags + p2]
	tagNames   []string // tag id -> name
	startID    uint8
	// base[(p1*ntags+p2)*nc+c] is the summed score of class c from the
	// bias and tag-history features, which hold weights for almost every
	// class; baseSeen marks the classes they touch.
	base     []int32
	baseSeen []uint64
}

func loadPerceptron(b []byte) (*perceptron, error) {
	r := reader{b: b}
	if string(r.bytes(6)) != "SRPOS\x01" {
		return nil, errors.New("text: posmodel.bin: bad magic")
	}
	p := &perceptron{}
	nc := int(r.u32())
	if nc > 64-extraTags {
		return nil, fmt.Errorf("text: posmodel.bin: %d classes", nc)
	}
	for range nc {
		p.classes = append(p.classes, string(r.bytes(int(r.u8()))))
	}
	nt := int(r.u32())
	p.tagdict = make(map[string]uint8, nt)
	for range nt {
		w := string(r.bytes(int(r.u8())))
		c := r.u8()
		if int(c) < nc {
			p.tagdict[w] = c
		}
	}
	nf := int(r.u32())
	keys := r.bytes(8 * nf)
	offs := r.bytes(4 * (nf + 1))
	nw := int(r.u32())
	wb := r.bytes(4 * nw)
	if r.err != nil {
		return nil, fmt.Errorf("text: posmodel.bin: %w", r.err)
	}
	if nw >= maxWeights {
		return nil, fmt.Errorf("text: posmodel.bin: %d weights, at most %d", nw, maxWeights)
	}
	p.weights = make([]int32, nw)
	for i := range p.weights {
		v := int32(binary.LittleEndian.Uint32(wb[4*i:]))
		if int(v&63) >= nc {
			return nil, fmt.Errorf("text: posmodel.bin: weight %d: bad class", i)
		}
		p.weights[i] = v
	}
	bits := uint(4)
	for 3<<bits < 5*nf { // load factor at most 0.6
		bits++
	}
	p.slots = make([]slot, 1<<bits)
	p.shift = 64 - bits
	mask := uint64(len(p.slots) - 1)
	for i := range nf {
		k := binary.LittleEndian.Uint64(keys[8*i:])
		lo := binary.LittleEndian.Uint32(offs[4*i:])
		hi := binary.LittleEndian.Uint32(offs[4*i+4:])
		if lo >= hi || int(hi) > nw || hi-lo >= 64 {
			continue
		}
		j := (k * 0x9E3779B97F4A7C15) >> p.shift
		for p.slots[j].tag != 0 {
			j = (j + 1) & mask
		}
		s := slot{tag: uint32(k>>fpShift)<<6 | (hi - lo)}
		if hi-lo <= 3 {
			copy(s.w[:], p.weights[lo:hi])
		} else {
			s.w[0] = int32(lo)
		}
		p.slots[j] = s
	}

	ntags := nc + extraTags
	p.tagNames = append(append([]string{}, p.classes...), "-START-", "-START2-")
	p.startID = uint8(nc)
	p.tag1 = make([]int32, ntags)
	p.tag2 = make([]int32, ntags)
	p.tag12 = make([]int32, ntags*ntags)
	for _, name := range p.tagNames {
		p.tagHash = append(p.tagHash, fnvString(fnvOffset, name))
	}
	p.base = make([]int32, ntags*ntags*nc)
	p.baseSeen = make([]uint64, ntags*ntags)
	bias := p.lookup(featKey(fBias, 0, 0))
	for i, a := range p.tagHash {
		p.tag1[i] = p.lookup(featKey(fTag1, a, 0))
		p.tag2[i] = p.lookup(featKey(fTag2, a, 0))
		for j, b := range p.tagHash {
			p.tag12[i*ntags+j] = p.lookup(featKey(fTag12, a, b))
		}
	}
	for i := range ntags {
		for j := range ntags {
			pair := i*ntags + j
			sc := p.base[pair*nc : (pair+1)*nc]
			for _, r := range [...]int32{bias, p.tag1[i], p.tag2[j], p.tag12[pair]} {
				if r == noSlot {
					continue
				}
				for _, v := range p.weightsOf(r) {
					sc[v&63] += v >> 6
					p.baseSeen[pair] |= 1 << uint(v&63)
				}
			}
		}
	}
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
	norm []byte   // normalization buffer
	word []uint64 // word[k]: hash of normalized context word k
	suf  []uint64 // suf[k]: hash of its last three bytes
}

// push appends the hashes of a normalized context word.
func (s *tagScratch) push(w []byte) {
	s.word = append(s.word, fnvBytes(fnvOffset, w))
	s.suf = append(s.suf, fnvBytes(fnvOffset, suffix3(w)))
}

// tagText maps a token to the form the Treebank-trained model knows:
// quotes become “ and ”, curly apostrophes become straight.
func tagText(toks []sitrep.Token, i int) string {
	w := toks[i].Text
	if c := w[0] | 0x20; c >= 'a' && c <= 'z' && c != 'n' || w[0] >= '0' && w[0] <= '9' {
		return w // fast path: no mapped token starts with a letter but n
	}
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

// lookup returns the slot index of feature hash h, or noSlot.
func (p *perceptron) lookup(h uint64) int32 {
	mask := uint64(len(p.slots) - 1)
	j := (h * 0x9E3779B97F4A7C15) >> p.shift
	fp := uint32(h >> fpShift)
	for {
		t := p.slots[j].tag
		if t == 0 {
			return noSlot
		}
		if t>>6 == fp {
			return int32(j)
		}
		j = (j + 1) & mask
	}
}

// weightsOf returns the weights of slot j.
func (p *perceptron) weightsOf(j int32) []int32 {
	s := &p.slots[j]
	n := s.tag & 63
	if n <= 3 {
		return s.w[:n]
	}
	lo := uint32(s.w[0])
	return p.weights[lo : lo+n]
}

// tag tags one sentence in place.
func (p *perceptron) tag(toks []sitrep.Token, s *tagScratch) {
	n := len(toks)
	s.word, s.suf = s.word[:0], s.suf[:0]
	s.push([]byte("-START-"))
	s.push([]byte("-START2-"))
	for i := range toks {
		s.norm = appendNorm(s.norm[:0], tagText(toks, i))
		s.push(s.norm)
	}
	s.push([]byte("-END-"))
	s.push([]byte("-END2-"))

	p1, p2 := p.startID, p.startID+1
	for i := range n {
		w := tagText(toks, i)
		var id uint8
		if tag, ok := specialTag(w); ok {
			id = p.classID(tag)
		} else if c, found := p.tagdict[w]; found {
			id = c
		} else {
			id = p.predict(i, w, p1, p2, s)
		}
		toks[i].Tag = p.tagNames[id]
		if acronymOfPronoun(toks, i) {
			// The features see words lower-cased: "US launched" read
			// as the pronoun "us". A pronoun in capitals amid
			// lower-case text is an acronym (US, IT).
			id = p.classID("NNP")
			toks[i].Tag = "NNP"
		}
		p2, p1 = p1, id
	}
}

// acronymOfPronoun reports a token of two or more capital letters tagged
// as a pronoun in a sentence that also has lower-case words.
func acronymOfPronoun(toks []sitrep.Token, i int) bool {
	if t := toks[i].Tag; t != "PRP" && t != "PRP$" {
		return false
	}
	w := toks[i].Text
	if len(w) < 2 {
		return false
	}
	for j := 0; j < len(w); j++ {
		if w[j] < 'A' || w[j] > 'Z' {
			return false
		}
	}
	for _, t := range toks {
		if c := t.Text[0]; c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

func (p *perceptron) classID(tag string) uint8 {
	for i, c := range p.classes {
		if c == tag {
			return uint8(i)
		}
	}
	return 0
}

func (p *perceptron) predict(i int, w string, p1, p2 uint8, s *tagScratch) uint8 {
	k := i + 2
	cur := s.word[k]

	// Compute every key first, then look them all up, then add: the
	// lookups are independent, so their cache misses overlap.
	var hs [10]uint64
	suf := w
	if len(suf) > 3 {
		suf = suf[len(suf)-3:]
	}
	hs[0] = featKey(fSuffix, fnvString(fnvOffset, suf), 0)
	// prose writes string(w[0]): the first byte as a rune.
	h := uint64(fnvOffset)
	if c := w[0]; c < utf8.RuneSelf {
		h = fnvByte(h, c)
	} else {
		h = fnvByte(fnvByte(h, 0xC0|c>>6), 0x80|c&0x3F)
	}
	hs[1] = featKey(fPref1, h, 0)
	hs[2] = featKey(fWord, cur, 0)
	hs[3] = featKey(fTag1Word, p.tagHash[p1], cur)
	hs[4] = featKey(fWordM1, s.word[k-1], 0)
	hs[5] = featKey(fSuffixM1, s.suf[k-1], 0)
	hs[6] = featKey(fWordM2, s.word[k-2], 0)
	hs[7] = featKey(fWordP1, s.word[k+1], 0)
	hs[8] = featKey(fSuffixP1, s.suf[k+1], 0)
	hs[9] = featKey(fWordP2, s.word[k+2], 0)

	var runs [len(hs)]int32
	for f, h := range hs {
		runs[f] = p.lookup(h)
	}
	nc := len(p.classes)
	pair := int(p1)*len(p.tagNames) + int(p2)
	var scores [64]int32
	copy(scores[:nc], p.base[pair*nc:(pair+1)*nc])
	seen := p.baseSeen[pair]
	for _, r := range runs {
		if r == noSlot {
			continue
		}
		for _, v := range p.weightsOf(r) {
			c := v & 63
			scores[c] += v >> 6
			seen |= 1 << uint(c)
		}
	}
	best, bestScore := -1, int32(0)
	for c := range p.classes {
		if seen&(1<<uint(c)) != 0 && (best < 0 || scores[c] > bestScore) {
			best, bestScore = c, scores[c]
		}
	}
	if best < 0 {
		return p.classID("NN")
	}
	return uint8(best)
}
