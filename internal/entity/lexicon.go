package entity

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed firstnames.txt
var firstNamesData string

// Lexicon is what the recognizer needs to know about the world; the
// pipeline wires the gazetteer and actor dictionaries into it.
// Implementations must be safe for concurrent use.
type Lexicon interface {
	// Place reports whether name (as written, e.g. "Baghdad", "United
	// States", "US") is a known place, and whether it is a country.
	Place(name string) (known, country bool)
	// Demonym reports whether word is a nationality adjective or noun
	// ("Iraqi", "Iranian", "Americans").
	Demonym(word string) bool
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

// knowledge is the immutable built-in data, keyed by lower-cased text.
type knowledge struct {
	first       set                  // given names as written ("Mark")
	places      map[string]placeInfo // lower-cased
	demonyms    map[string]string    // lower-cased demonym → country ("" if none)
	orgs        map[string]string    // lower-cased alias → canonical name
	titles      map[string][][]string
	lowerTitles set
	orgCues     set
	locCues     set
	gpeCues     set
	eventCues   set
	notNames    set
	maxPlace    int // most tokens in a built-in place name
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
		orgCues:     lowerSet(orgCues),
		locCues:     lowerSet(locCues),
		gpeCues:     lowerSet(gpeCues),
		eventCues:   lowerSet(eventCues),
		notNames:    lowerSet(notNames),
	}
	for _, line := range strings.Split(firstNamesData, "\n") {
		if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
			k.first[line] = struct{}{}
		}
	}
	for _, n := range strings.Split(moreFirstNames, ",") {
		k.first[n] = struct{}{}
	}
	addPlace := func(name string, kind placeKind, canon string) {
		k.places[strings.ToLower(name)] = placeInfo{kind: kind, canon: canon}
		if n := len(strings.Fields(name)); n > k.maxPlace {
			k.maxPlace = n
		}
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

// lowerInto appends the lower-cased s to buf[:0].
func lowerInto(buf []byte, s string) []byte {
	buf = buf[:0]
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

// titleInto appends s with its first letter upper-cased and the rest
// lower-cased ("LONDON" → "London") to buf[:0].
func titleInto(buf []byte, s string) []byte {
	buf = lowerInto(buf, s)
	if len(buf) > 0 && 'a' <= buf[0] && buf[0] <= 'z' {
		buf[0] -= 'a' - 'A'
	}
	return buf
}
