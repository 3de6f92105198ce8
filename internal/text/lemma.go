package text

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"strings"
	"unsafe"
)

//go:embed lemmas.txt.gz
var lemmaData []byte

// lemmaEntry is what the lemma lists say about one lower-case word.
type lemmaEntry struct {
	base  bool     // the word is a base form itself
	bases []string // base forms the word is an inflection of, other than itself
}

// lemmatizer holds the lemma lists: what they say about each word, found
// through an open-addressing table (linear probing) of the words' places
// in the list's text. It stands in for a map[string]*lemmaEntry of the
// 67,000 words, which took a sixth of the pipeline's start-up to build:
// the table fills with one hash a word, not a lookup and an insert, and
// is as fast to query. It is immutable once loaded.
type lemmatizer struct {
	text    string   // the lemma list; the keys are substrings of it
	slots   []uint32 // per slot: key offset<<8 | key length; 0 = empty
	entry   []int32  // per slot: the key's index in entries
	entries []lemmaEntry
	mask    uint64
	seed    maphash.Seed
}

// find returns the slot of the word w hashed to h, or the empty slot
// where it would go.
func (l *lemmatizer) find(w string, h uint64) uint64 {
	for i := h & l.mask; ; i = (i + 1) & l.mask {
		s := l.slots[i]
		if s == 0 {
			return i
		}
		if off, n := int(s>>8), int(s&0xff); n == len(w) && l.text[off:off+n] == w {
			return i
		}
	}
}

// lookup returns what the lists say about the word w, or nil.
func (l *lemmatizer) lookup(w []byte) *lemmaEntry {
	// w is only compared, never kept, so it is viewed as a string in
	// place: lookups do not allocate.
	i := l.find(unsafe.String(unsafe.SliceData(w), len(w)), maphash.Bytes(l.seed, w))
	if l.slots[i] == 0 {
		return nil
	}
	return &l.entries[l.entry[i]]
}

func loadLemmas(gz []byte) (*lemmatizer, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, fmt.Errorf("text: lemmas: %w", err)
	}
	// Read whole into a buffer of the size the gzip trailer records (a
	// hint: it is modulo 2^32), with room for ReadFrom's last, empty
	// read, and viewed as a string without a copy since nothing writes to
	// it afterwards.
	var buf bytes.Buffer
	if len(gz) >= 4 {
		buf.Grow(int(binary.LittleEndian.Uint32(gz[len(gz)-4:])) + bytes.MinRead)
	}
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("text: lemmas: %w", err)
	}
	raw := buf.Bytes()
	data := unsafe.String(unsafe.SliceData(raw), len(raw))
	if len(data) >= 1<<24 {
		return nil, fmt.Errorf("text: lemmas: list too long")
	}
	// At most one word a field: the table is at most two-thirds full.
	fields := strings.Count(data, "\t") + strings.Count(data, "\n") + 1
	size := 1
	for size < fields+fields/2 {
		size <<= 1
	}
	l := &lemmatizer{text: data, slots: make([]uint32, size), entry: make([]int32, size),
		entries: make([]lemmaEntry, 0, 70000), mask: uint64(size - 1), seed: maphash.MakeSeed()}
	// Most words have one base: it is taken from shared, capped at one so
	// that a second base moves the list out rather than overwrite another.
	shared := make([]string, 0, 70000)
	var long error
	// get returns the entry of w, the word at offset off of the text,
	// adding it if new.
	get := func(w string, off int) *lemmaEntry {
		i := l.find(w, maphash.String(l.seed, w))
		if l.slots[i] == 0 {
			if len(w) > 0xff {
				long = fmt.Errorf("text: lemmas: word %.20q... too long", w)
			}
			l.slots[i] = uint32(off)<<8 | uint32(len(w)&0xff)
			l.entry[i] = int32(len(l.entries))
			l.entries = append(l.entries, lemmaEntry{})
		}
		return &l.entries[l.entry[i]]
	}
	for start := 0; start < len(data); {
		end := strings.IndexByte(data[start:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += start
		}
		line, off := data[start:end], start
		start = end + 1
		base, forms, ok := strings.Cut(line, "\t")
		if !ok || base == "" {
			continue
		}
		get(base, off).base = true
		off += len(base) + 1
		for more := true; more; {
			var f string
			f, forms, more = strings.Cut(forms, "\t")
			fOff := off
			off += len(f) + 1
			if f == "" || f == base {
				continue
			}
			e := get(f, fOff)
			dup := false
			for _, b := range e.bases {
				dup = dup || b == base
			}
			switch {
			case dup:
			case e.bases == nil:
				shared = append(shared, base)
				e.bases = shared[len(shared)-1 : len(shared) : len(shared)]
			default:
				e.bases = append(e.bases, base)
			}
		}
	}
	if long != nil {
		return nil, long
	}
	return l, nil
}

// Lemma returns the lower-case base form of word given its Penn Treebank
// tag: stormed/VBD -> storm, threw/VBD -> throw, militias/NNS -> militia,
// was/VBD -> be. Words of uninflected classes are only lower-cased.
func (a *Analyzer) Lemma(word, tag string) string {
	var buf [64]byte
	var key []byte
	if len(word) <= len(buf) {
		key = buf[:0]
		for i := 0; i < len(word); i++ {
			c := word[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			} else if c == 0xE2 && i+2 < len(word) && word[i+1] == 0x80 && word[i+2] == 0x99 {
				c = '\'' // curly apostrophe
				i += 2
			}
			key = append(key, c)
		}
	}
	lower := func() string {
		if key == nil {
			return strings.ToLower(word)
		}
		if string(key) == word {
			return word
		}
		return string(key)
	}
	if key == nil {
		return lower()
	}
	inflected := false
	switch tag {
	case "NNS", "NNPS", "JJR", "JJS", "RBR", "RBS", "MD":
		inflected = true
	default:
		inflected = strings.HasPrefix(tag, "VB")
	}
	if !inflected && tag != "RB" {
		return lower()
	}
	if l, ok := contractionLemmas[string(key)]; ok && (inflected || tag == "RB") {
		return l
	}
	e := a.lem.lookup(key)
	if tag == "RB" {
		return lower()
	}
	if strings.HasPrefix(tag, "VB") || tag == "MD" {
		if (tag == "VB" || tag == "VBP" || tag == "MD") && e != nil && e.base {
			return lower()
		}
		if e != nil && len(e.bases) > 0 {
			return e.bases[0]
		}
		if e != nil && e.base {
			return lower()
		}
		return a.verbRule(key, tag, lower)
	}
	if e != nil && len(e.bases) > 0 {
		if tag == "NNS" || tag == "NNPS" {
			return pickPlural(string(key), e.bases)
		}
		return e.bases[0]
	}
	if (tag == "NNS" || tag == "NNPS") && (e == nil || !e.base) {
		return a.nounRule(key, lower)
	}
	return lower()
}

// contractionLemmas are the PTB contraction tokens; "'d" is taken as
// "would" and "'s" (when not possessive) as "be".
var contractionLemmas = map[string]string{
	"'s": "be", "'re": "be", "'m": "be", "'ve": "have", "'ll": "will", "'d": "would",
	"ca": "can", "wo": "will", "n't": "not", "sha": "shall",
}

// pickPlural prefers the base the plural is regularly formed from.
func pickPlural(w string, bases []string) string {
	if strings.HasSuffix(w, "ves") {
		stem := w[:len(w)-3]
		for _, b := range bases {
			if b == stem+"f" || b == stem+"fe" {
				return b
			}
		}
	}
	for _, b := range bases {
		if w == b+"s" || w == b+"es" || strings.HasSuffix(b, "y") && w == b[:len(b)-1]+"ies" {
			return b
		}
	}
	return bases[0]
}

func (a *Analyzer) isBase(b []byte) bool {
	e := a.lem.lookup(b)
	return e != nil && e.base
}

// verbRule strips regular verb endings from unknown words.
func (a *Analyzer) verbRule(w []byte, tag string, lower func() string) string {
	try := func(stem []byte, add string) (string, bool) {
		cand := append(append(make([]byte, 0, len(stem)+len(add)), stem...), add...)
		if a.isBase(cand) {
			return string(cand), true
		}
		return "", false
	}
	switch {
	case (tag == "VBD" || tag == "VBN") && bytes.HasSuffix(w, []byte("ied")) && len(w) > 4:
		if a.lem.lookup(w[:len(w)-2]) != nil { // graffitied -> graffiti
			return string(w[:len(w)-2])
		}
		return string(w[:len(w)-3]) + "y"
	case (tag == "VBD" || tag == "VBN") && bytes.HasSuffix(w, []byte("ed")) && len(w) > 3:
		stem := w[:len(w)-2]
		if s, ok := try(stem, ""); ok {
			return s
		}
		if s, ok := try(stem, "e"); ok {
			return s
		}
		if n := len(stem); n > 2 && stem[n-1] == stem[n-2] {
			if s, ok := try(stem[:n-1], ""); ok {
				return s
			}
		}
		return string(stem)
	case tag == "VBG" && bytes.HasSuffix(w, []byte("ing")) && len(w) > 4:
		stem := w[:len(w)-3]
		if s, ok := try(stem, ""); ok {
			return s
		}
		if s, ok := try(stem, "e"); ok {
			return s
		}
		if n := len(stem); n > 2 && stem[n-1] == stem[n-2] {
			if s, ok := try(stem[:n-1], ""); ok {
				return s
			}
		}
		return string(stem)
	case tag == "VBZ" && bytes.HasSuffix(w, []byte("s")) && len(w) > 2:
		return a.nounRule(w, lower)
	}
	return lower()
}

// nounRule strips regular plural endings from unknown words.
func (a *Analyzer) nounRule(w []byte, lower func() string) string {
	n := len(w)
	switch {
	case n > 4 && bytes.HasSuffix(w, []byte("ies")):
		return string(w[:n-3]) + "y"
	case n > 3 && (bytes.HasSuffix(w, []byte("ses")) || bytes.HasSuffix(w, []byte("xes")) ||
		bytes.HasSuffix(w, []byte("ches")) || bytes.HasSuffix(w, []byte("shes")) || bytes.HasSuffix(w, []byte("zes"))):
		if a.isBase(w[:n-1]) {
			return string(w[:n-1])
		}
		return string(w[:n-2])
	case n > 2 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i':
		return string(w[:n-1])
	}
	return lower()
}
