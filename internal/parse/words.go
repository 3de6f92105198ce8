package parse

import (
	"unicode/utf8"

	"github.com/sitrep-project/sitrep/internal/wordclass"
)

// word holds the hashed attributes of one token that the tagger and the
// parser read.
type word struct {
	norm  uint64 // lower-cased form, digits folded to 0
	raw   uint64 // form as written
	shape uint64 // letter-case/digit shape, runs collapsed
	suf   [4]uint64
	pre   [3]uint64
	cls   [4]uint32 // word-class path prefixes of clsBits bits
	amb   uint64    // ambiguity class: the tag classes the word had in training (0: rare word)
}

// clsBits are the word-class prefix lengths used as features.
var clsBits = [4]int{4, 6, 10, 16}

const fnvOffset = 14695981039346656037
const fnvPrime = 1099511628211

// analyzeWord fills w for form.
func analyzeWord(w *word, form string, wc *wordclass.Classes) {
	*w = word{}
	h, hr, hs := uint64(fnvOffset), uint64(fnvOffset), uint64(fnvOffset)
	var last byte
	for i := 0; i < len(form); i++ {
		c := form[i]
		hr = (hr ^ uint64(c)) * fnvPrime
		var s byte
		switch {
		case c >= 'A' && c <= 'Z':
			s = 'X'
			c += 'a' - 'A'
		case c >= 'a' && c <= 'z':
			s = 'x'
		case c >= '0' && c <= '9':
			s = 'd'
			c = '0'
		case c >= 0x80:
			s = 'u'
		default:
			s = c
		}
		h = (h ^ uint64(c)) * fnvPrime
		if s != last {
			hs = (hs ^ uint64(s)) * fnvPrime
			last = s
		}
	}
	w.norm, w.raw, w.shape = h, hr, hs
	// Affixes of the lower-cased form, by runes.
	n := utf8.RuneCountInString(form)
	for k := 1; k <= 4; k++ {
		if n < k+1 && k > 1 {
			break
		}
		w.suf[k-1] = hashLower(lastRunes(form, k)) + uint64(k)
	}
	for k := 1; k <= 3; k++ {
		if n < k+1 {
			break
		}
		w.pre[k-1] = hashLower(firstRunes(form, k)) + uint64(k)
	}
	if wc != nil {
		if path, depth, ok := wc.Path(form); ok {
			for i, b := range clsBits {
				w.cls[i] = wordclass.Cut(path, depth, b)
			}
		}
	}
}

func hashLower(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

func lastRunes(s string, k int) string {
	i := len(s)
	for ; k > 0 && i > 0; k-- {
		_, n := utf8.DecodeLastRuneInString(s[:i])
		i -= n
	}
	return s[i:]
}

func firstRunes(s string, k int) string {
	i := 0
	for ; k > 0 && i < len(s); k-- {
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return s[:i]
}
