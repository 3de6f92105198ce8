package entity

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed firstnames.txt
var firstNamesData string

// Lexicon is what the recognizer knows about the world beyond its built-in
// lists; the pipeline wires the gazetteer and the actor dictionaries into
// it. Its answers are model features, so a Lexicon must answer the same
// way when the model is trained (scripts/train-ner uses the pipeline's)
// and when it runs. Implementations must be safe for concurrent use.
type Lexicon interface {
	// Place reports whether name (as written, e.g. "Baghdad", "United
	// States", "US") is a known country, admin area or town, and whether
	// it is a country.
	Place(name string) (known, country bool)
	// Demonym reports whether word is a nationality adjective or noun
	// ("Iraqi", "Iranian", "Americans").
	Demonym(word string) bool
}

// ActorKind says what a known actor name names.
type ActorKind uint8

// Kinds of actor names.
const (
	NoActor      ActorKind = iota
	ActorCountry           // a country or one of its places ("iraq", "kabul")
	ActorPerson            // a person with dated roles ("donald trump")
	ActorGroup             // an organisation, party or armed group ("hamas")
)

// ActorLexicon is implemented by a Lexicon that also knows the actor
// dictionaries (package dict). words are lower-cased tokens.
type ActorLexicon interface {
	// Actor returns the number of words of the longest known actor name
	// starting at words[0] (0 for none) and what it names.
	Actor(words []string) (n int, kind ActorKind)
	// Agent returns the number of words of the agent phrase ("police",
	// "foreign minister") starting at words[0], 0 for none.
	Agent(words []string) int
}

// WordLexicon is implemented by a Lexicon that knows common English words.
type WordLexicon interface {
	// Word reports whether low, a lower-cased word, is a common English
	// word ("smoke", "protesters").
	Word(low string) bool
}

type placeKind uint8

const (
	kindCity placeKind = iota + 1
	kindCountry
	kindRegion
)

type placeInfo struct {
	kind  placeKind
	canon string // canonical name ("United States" for "US")
}

type set map[string]struct{}

func (s set) has(k string) bool { _, ok := s[k]; return ok }

// knowledge is the immutable built-in data (builtin.go, firstnames.txt),
// keyed by lower-cased text unless said otherwise.
type knowledge struct {
	first       set                  // given names as written ("Mark")
	places      map[string]placeInfo // lower-cased
	demonyms    map[string]string    // lower-cased demonym → country ("" if none)
	orgs        map[string]string    // lower-cased alias → canonical name
	titles      map[string][][]string
	lowerTitles set
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func lowerSet(s string) set {
	m := make(set)
	for _, w := range splitList(s) {
		m[strings.ToLower(w)] = struct{}{}
	}
	return m
}

func pluralDemonym(d string) string {
	switch {
	case strings.HasSuffix(d, "s"), strings.HasSuffix(d, "sh"), strings.HasSuffix(d, "ch"), strings.HasSuffix(d, "ese"):
		return ""
	case strings.HasSuffix(d, "man"):
		return ""
	}
	return d + "s"
}

func newKnowledge() *knowledge {
	k := &knowledge{
		first:       make(set, 9000),
		places:      make(map[string]placeInfo, 700),
		demonyms:    make(map[string]string, 500),
		orgs:        make(map[string]string, 200),
		titles:      make(map[string][][]string, 200),
		lowerTitles: lowerSet(lowerTitles),
	}
	for _, line := range strings.Split(firstNamesData, "\n") {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
			k.first[line] = struct{}{}
		}
	}
	for _, n := range splitList(moreFirstNames) {
		k.first[n] = struct{}{}
	}
	addPlace := func(name string, kind placeKind, canon string) {
		k.places[strings.ToLower(name)] = placeInfo{kind: kind, canon: canon}
	}
	for _, line := range strings.Split(countries, "\n") {
		f := strings.Split(line, "|")
		if len(f) != 3 {
			continue
		}
		name := f[0]
		addPlace(name, kindCountry, name)
		for _, a := range splitList(f[2]) {
			addPlace(a, kindCountry, name)
		}
		for _, d := range splitList(f[1]) {
			k.demonyms[strings.ToLower(d)] = name
			if p := pluralDemonym(d); p != "" {
				k.demonyms[strings.ToLower(p)] = name
			}
		}
	}
	for _, c := range splitList(cities) {
		if _, dup := k.places[strings.ToLower(c)]; !dup {
			addPlace(c, kindCity, c)
		}
	}
	for _, c := range splitList(regions) {
		addPlace(c, kindRegion, c)
	}
	for _, d := range splitList(demonymsExtra) {
		k.demonyms[strings.ToLower(d)] = ""
	}
	for _, group := range splitList(orgs) {
		names := strings.Split(group, "=")
		for _, n := range names {
			k.orgs[strings.ToLower(n)] = names[0]
		}
	}
	for _, t := range splitList(titles) {
		words := strings.Fields(strings.ToLower(t))
		k.titles[words[0]] = append(k.titles[words[0]], words)
	}
	// Longest titles first so "Army Gen." wins over "Army".
	for w, list := range k.titles {
		for i := 1; i < len(list); i++ {
			for j := i; j > 0 && len(list[j]) > len(list[j-1]); j-- {
				list[j], list[j-1] = list[j-1], list[j]
			}
		}
		k.titles[w] = list
	}
	return k
}

// lowerInto returns buf[:0] with the lower-cased s appended.
func lowerInto(buf []byte, s string) []byte { return appendLower(buf[:0], s) }

// appendLower appends the lower-cased s to buf.
func appendLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
		i += n
	}
	return buf
}
