package dict

import (
	"cmp"
	"slices"
	"strings"
)

// Discards holds phrases that mark a sentence or a whole story as not
// codeable (sports, entertainment, historical chronologies).
type Discards struct {
	byFirst map[string][]discard // multiword or exact phrases, by first word
	stems   map[string][]discard // one-word stems, by the stem
	// stemLens are the distinct stem lengths, ascending, so Find looks up
	// only prefixes that can be stems.
	stemLens []int
	// stemHeads holds the first stemLens[0] bytes of every stem: Find
	// looks stems up only for words that start as one does (one lookup
	// a word instead of one for each stem length).
	stemHeads map[string]bool
	n         int
}

type discard struct {
	words []string
	stem  bool // last word matches as a prefix
	story bool
	text  string
}

func newDiscards() *Discards {
	return &Discards{byFirst: map[string][]discard{}, stems: map[string][]discard{}}
}

// Len returns the number of discard phrases.
func (d *Discards) Len() int { return d.n }

// Match reports the first discard phrase found in the sentence (lowercase
// word tokens).
func (d *Discards) Match(sentenceWordsLower []string) (phrase string, ok bool) {
	ph, _, ok := d.MatchStory(sentenceWordsLower)
	return ph, ok
}

// MatchStory is Match that also reports whether the phrase discards the
// whole story rather than the sentence.
func (d *Discards) MatchStory(words []string) (phrase string, story, ok bool) {
	m, ok := d.Find(words)
	return m.Phrase, m.Story, ok
}

// DiscardMatch is a discard phrase found in a sentence.
type DiscardMatch struct {
	Phrase string
	// At is the index of the first word matched, Words how many matched.
	At, Words int
	// Story is set when the phrase discards the whole story.
	Story bool
}

// Find reports the first discard phrase in words and where it is.
func (d *Discards) Find(words []string) (DiscardMatch, bool) {
	for i, w := range words {
		for _, e := range d.byFirst[w] {
			if e.matchAt(words[i:]) {
				return DiscardMatch{Phrase: e.text, At: i, Words: len(e.words), Story: e.story}, true
			}
		}
		if len(d.stemLens) == 0 || len(w) < d.stemLens[0] || !d.stemHeads[w[:d.stemLens[0]]] {
			continue
		}
		for _, k := range d.stemLens {
			if k > len(w) {
				break
			}
			for _, e := range d.stems[w[:k]] {
				if e.matchAt(words[i:]) {
					return DiscardMatch{Phrase: e.text, At: i, Words: len(e.words), Story: e.story}, true
				}
			}
		}
	}
	return DiscardMatch{}, false
}

func (e *discard) matchAt(words []string) bool {
	if len(words) < len(e.words) {
		return false
	}
	last := len(e.words) - 1
	for j, w := range e.words {
		if j == last && e.stem {
			if !strings.HasPrefix(words[j], w) {
				return false
			}
		} else if words[j] != w {
			return false
		}
	}
	return true
}

func (d *Discards) put(e discard) {
	if len(e.words) == 0 {
		return
	}
	m := d.byFirst
	key := e.words[0]
	if e.stem && len(e.words) == 1 {
		m = d.stems
	}
	if e.stem && len(e.words) == 1 {
		i, found := slices.BinarySearch(d.stemLens, len(key))
		if !found {
			d.stemLens = slices.Insert(d.stemLens, i, len(key))
		}
	}
	list := m[key]
	for i := range list {
		if slicesEq(list[i].words, e.words) {
			// A later file redefines the phrase, stem or not: "+davis cup"
			// in the additions overrides Phoenix's "davis cup*".
			list[i] = e
			return
		}
	}
	d.n++
	m[key] = insertSorted(list, e, func(a, b discard) int { return cmp.Compare(len(b.words), len(a.words)) })
	if len(list) == 0 && e.stem && len(e.words) == 1 {
		// A new stem, perhaps shorter than the others: the heads are
		// taken again (there are about a hundred stems).
		d.stemHeads = make(map[string]bool, len(d.stems))
		for st := range d.stems {
			d.stemHeads[st[:d.stemLens[0]]] = true
		}
	}
}
