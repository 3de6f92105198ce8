package cluster

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// words calls f with each word of s lower-cased: runs of letters and
// digits, apostrophes inside a word dropped. The slice is reused: f must
// not keep it.
func words(s string, f func(w []byte)) {
	wordsAt(s, func(w []byte, _ int) { f(w) })
}

// wordsAt is words with the byte offset of each word in s.
func wordsAt(s string, f func(w []byte, start int)) {
	buf := make([]byte, 0, 32)
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf { // ASCII, the common case
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '\'' && len(buf) > 0:
				i++
				continue
			default:
				if len(buf) > 0 {
					f(buf, start)
					buf = buf[:0]
				}
				i++
				continue
			}
			if len(buf) == 0 {
				start = i
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if len(buf) == 0 {
				start = i
			}
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		case r == '’' && len(buf) > 0:
			// "embassy’s" → "embassys" (the possessive s is dropped below)
		default:
			if len(buf) > 0 {
				f(buf, start)
				buf = buf[:0]
			}
		}
		i += n
	}
	if len(buf) > 0 {
		f(buf, start)
	}
}

// contentWord returns the word reduced to a crude stem, or nil when it is
// a stop word, a number or too short to tell topics apart.
func contentWord(w []byte) []byte {
	if len(w) < 3 || stopWords[string(w)] || (w[0] >= '0' && w[0] <= '9') {
		return nil
	}
	w = bytes.TrimSuffix(w, []byte("s")) // possessives and plurals: "embassy's", "protesters"
	if len(w) > 5 {
		if bytes.HasSuffix(w, []byte("ing")) {
			return w[:len(w)-3]
		}
		if bytes.HasSuffix(w, []byte("ed")) {
			return w[:len(w)-2]
		}
	}
	return w
}

// hashWord hashes a word (FNV-1a 64).
func hashWord(w []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range w {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// contentSet returns the sorted, distinct hashes of the content words of s.
func contentSet(s string) []uint64 {
	var set []uint64
	words(s, func(w []byte) {
		if w = contentWord(w); w != nil {
			set = append(set, hashWord(w))
		}
	})
	return sortedUnique(set)
}

func sortedUnique(a []uint64) []uint64 {
	if len(a) < 2 {
		return a
	}
	slices.Sort(a)
	j := 1
	for i := 1; i < len(a); i++ {
		if a[i] != a[j-1] {
			a[j] = a[i]
			j++
		}
	}
	return a[:j]
}

// jaccard is the Jaccard similarity of two sorted sets.
func jaccard(a, b []uint64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			inter++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

// stopWords are function words and words every news report uses, which
// tell nothing of its topic.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also although am among an and another any
are around as at be because been before being below between both but by can could did do does doing done down
during each either else even ever every few for from further had has have having he her here hers herself him
himself his how however i if in into is it its itself just least less like many may me might more most much must
my myself near neither no nor not now of off on once one only or other others our ours out over own per same
several she should since so some such than that the their theirs them themselves then there these they this
those though through thus to too two three four five under until up upon us very was we were what when where
whether which while who whom whose why will with within without would yet you your yours
said says say saying told tell tells according reported reports report reporting added adding news
statement statements spokesman spokeswoman spokesperson official officials people year years day days week
weeks month months time times today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
january february march april june july august september october november december mr mrs ms dr new first
second last later earlier early late since ago still back well way part made make makes making take took taken
get got going go went come came including include includes included told asked say according also
photo photos caption credit image images reuters ap afp getty epa`) {
		m[w] = true
	}
	return m
}()
