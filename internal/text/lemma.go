package text

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
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

type lemmatizer struct {
	words map[string]*lemmaEntry
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
	l := &lemmatizer{words: make(map[string]*lemmaEntry, 70000)}
	entries := make([]lemmaEntry, 0, 70000)
	// Most words have one base: it is taken from shared, capped at one so
	// that a second base moves the list out rather than overwrite another.
	shared := make([]string, 0, 70000)
	get := func(w string) *lemmaEntry {
		e := l.words[w]
		if e == nil {
			if len(entries) == cap(entries) {
				entries = make([]lemmaEntry, 0, 4096)
			}
			entries = append(entries, lemmaEntry{})
			e = &entries[len(entries)-1]
			l.words[w] = e
		}
		return e
	}
	for line := range strings.SplitSeq(data, "\n") {
		base, forms, ok := strings.Cut(line, "\t")
		if !ok || base == "" {
			continue
		}
		get(base).base = true
		for f := range strings.SplitSeq(forms, "\t") {
			if f == "" || f == base {
				continue
			}
			e := get(f)
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
	e := a.lem.words[string(key)] // no allocation: map index by converted bytes
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
	e := a.lem.words[string(b)]
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
		if a.lem.words[string(w[:len(w)-2])] != nil { // graffitied -> graffiti
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
