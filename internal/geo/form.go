package geo

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// LevelUnresolved is the Resolution of a toponym recognised by its form
// or context ("Shamrock Street", "the Neches River", "Cookville, Texas")
// that the gazetteer does not hold. Such a place has no coordinates: Lat,
// Lon and GeonameID are zero, Name is the text as written, and Country
// and Admin1 are set only when a qualifier gives them ("X, Ohio").
// Consumers that need a position must skip it.
const LevelUnresolved = "unresolved"

// suffixFeatures after capitalised words make the whole a street, water,
// park or area: "Shamrock Street", "Neches River", "Readington Township".
// Words that mostly end other names in local news ("Court", "Way") are
// left out.
var suffixFeatures = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`street st avenue ave road rd drive boulevard blvd parkway pkwy
		highway hwy pike river creek lake lakes park hill hills mountain mountains valley
		county parish township heights beach island springs falls bay wilderness freeway expressway
		forest lane circle trail overlook ranch station twp`) {
		m[w] = true
	}
	return m
}()

// naturalFeatures are the feature words of waters, whose names
// stay toponyms inside an institution's name.
var naturalFeatures = map[string]bool{"river": true, "creek": true, "lake": true, "lakes": true,
	"falls": true, "bay": true}

// surnameFeatures are the feature words that also end personal names
// ("Chan Park", "Faith Hill").
var surnameFeatures = map[string]bool{"park": true, "hill": true, "hills": true, "lake": true, "beach": true,
	"bay": true, "island": true, "springs": true, "falls": true, "heights": true, "mountain": true,
	"lane": true, "forest": true, "station": true}

// areaWords after a name make it a part of a town: "the Shadyside
// neighborhood". "Community" and "area" are left out: "the Tamil
// community", "the Latino area" name people.
var areaWords = map[string]bool{"neighborhood": true, "neighbourhood": true, "subdivision": true}

// prefixFeatures open a water or mountain name: "Lake Lanier", "Mount Hood".
var prefixFeatures = map[string]bool{"Lake": true, "Mount": true, "Mt.": true}

// nameStops are capitalised words that do not start or continue a
// place name before a feature word.
var nameStops = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`The A An In On At Of For From To By With And Or But If When While As After Before
		This That These Those Its His Her Their Our My Your I He She We They It Mr. Mrs. Ms. Dr. Sen. Rep. Gov.
		Former Only Both Miss All Some Many Most Each Every Another Several No One Two Three Four Five Six Seven
		Eight Nine Ten County State City U.S. Interstate`) {
		m[w] = true
	}
	return m
}()

// byForm finds the toponyms that the gazetteer finder cannot: names made
// places by a feature word ("Shamrock Street", "Lake Lanier"), the
// entity stage's GPE and LOC names the gazetteer lacks (unknown) when
// their context confirms them, and sure spans (datelines) as they are.
// Persons are the entity stage's PERSON spans. The caller merges the
// result with the gazetteer's toponyms (mergeForm).
func (p *Parser) byForm(doc *sitrep.Doc, persons, unknown, sure []sitrep.Span) []sitrep.Place {
	text := doc.Article.Text
	var out []sitrep.Place
	inPerson := func(s sitrep.Span) bool {
		for _, v := range persons {
			if v.Start <= s.Start && s.End <= v.End {
				return true
			}
		}
		return false
	}
	for si := range doc.Sentences {
		ts := doc.Sentences[si].Tokens
		for k := 0; k < len(ts); k++ {
			t := ts[k]
			if t.Start < 0 || t.End > len(text) || t.Start >= t.End {
				continue
			}
			// Suffix form: capitalised words, then the feature word.
			if w, end, ok := featureToken(ts, k, text); ok && k > 0 && nameToken(ts[k-1].Text) && t.Start-ts[k-1].End <= 1 {
				i := k
				for i > 0 && k-i < 4 && nameToken(ts[i-1].Text) && ts[i].Start-ts[i-1].End <= 1 {
					i--
				}
				if i < k {
					s := sitrep.Span{Start: ts[i].Start, End: end}
					// "Main Street Baptist Church" names a building, not
					// the street; counties stay places ("Lake County
					// Sheriff's Office").
					next := k + 1
					if end > t.End {
						next++
					}
					// Waters stay places inside a name ("the
					// Neches River National Wildlife Refuge").
					org := next < len(ts) && isCapWord(ts[next].Text) && !isCounty(w) && !naturalFeatures[w] && ts[next].Start-end <= 1
					// "Highway 19", "County Road 12": numbered roads are
					// left to a rule of their own.
					org = org || next < len(ts) && ts[next].Text != "" && ts[next].Text[0] >= '0' && ts[next].Text[0] <= '9'
					// The entity stage calls "Wichita Drive" a person; only
					// the feature words that are also surnames ("Park",
					// "Hill") defer to it.
					if !org && !(surnameFeatures[w] && inPerson(s)) {
						out = append(out, unresolved(text, s))
					}
				}
				if end > t.End {
					k++
				}
				continue
			}
			// Area form: "the Hagins-Fewell neighborhood", "the rural
			// Gratis community".
			if areaWords[t.Text] && k > 0 && nameToken(ts[k-1].Text) && ts[k-1].Start >= 0 {
				i := k - 1
				for i > 0 && k-i < 3 && nameToken(ts[i-1].Text) && ts[i].Start-ts[i-1].End <= 1 {
					i--
				}
				if s := (sitrep.Span{Start: ts[i].Start, End: ts[k-1].End}); !inPerson(s) && !isAllUpper(ts[i].Text) {
					out = append(out, unresolved(text, s))
				}
				continue
			}
			// Prefix form: "Lake Lanier", "Mount Hood".
			if prefixFeatures[t.Text] && k+1 < len(ts) && isCapWord(ts[k+1].Text) && !nameStops[ts[k+1].Text] &&
				ts[k+1].Start-t.End <= 1 {
				j := k + 1
				if j+1 < len(ts) && nameToken(ts[j+1].Text) && ts[j+1].Start-ts[j].End <= 1 {
					j++
				}
				if _, _, ok := featureToken(ts, j, text); ok {
					continue // "Lake Shore Drive": the suffix form takes it
				}
				if j+1 < len(ts) && isCapWord(ts[j+1].Text) && ts[j+1].Start-ts[j].End <= 1 {
					k = j + 1 // "Mount Pleasant High School", an institution
					continue
				}
				s := sitrep.Span{Start: t.Start, End: ts[j].End}
				// The entity stage takes "Lake Lanier" for a person;
				// no one is named "Lake".
				if !inPerson(s) || startsPerson(persons, s) {
					out = append(out, unresolved(text, s))
				}
				k = j
			}
		}
	}
	// The entity stage's GPE and LOC names that the gazetteer lacks
	// (villages, neighbourhoods, valleys) are taken with a locative cue
	// ("in Cookville", "near the Caucasus") or a qualifying state or
	// country ("Cookville, Texas"); without one they are too often
	// organisations and people.
	for _, s := range unknown {
		name := text[s.Start:s.End]
		if !p.plainName(name) || numberAfter(text, s.End) || !strings.Contains(name, " ") && lowerElsewhere(text, name) {
			continue
		}
		if locativeBefore(text, s.Start) || p.qualifiedAfter(text, s.End) || residentAround(text, s) {
			out = append(out, unresolved(text, s))
		}
	}
	for _, s := range sure {
		out = append(out, unresolved(text, s))
	}
	slices.SortFunc(out, func(a, b sitrep.Place) int { return cmp.Or(a.Start-b.Start, b.End-a.End) })
	return slices.CompactFunc(out, func(a, b sitrep.Place) bool { return a.Overlaps(b.Span) })
}

func isCounty(w string) bool { return w == "county" || w == "parish" || w == "township" }

// featureToken returns the lower-cased feature word at ts[k], one of
// suffixFeatures, without its full stop, and the end of the word with the
// stop ("St." or "St" ".").
func featureToken(ts []sitrep.Token, k int, text string) (string, int, bool) {
	t := ts[k]
	if !isCapWord(t.Text) || isAllUpper(t.Text) && len(t.Text) > 1 {
		return "", 0, false
	}
	// Every capitalised word is asked: it is lowered on the stack, and
	// only a feature word is made a string.
	var buf [32]byte
	w := lowerASCII(buf[:0], t.Text)
	if w == nil {
		w = []byte(strings.ToLower(t.Text))
	}
	end := t.End
	if bytes.HasSuffix(w, []byte(".")) {
		w = w[:len(w)-1]
	} else if k+1 < len(ts) && ts[k+1].Text == "." && ts[k+1].Start == t.End && abbrevFeature[string(w)] {
		end = ts[k+1].End
	}
	if abbrevFeature[string(w)] && end == t.End && !strings.HasSuffix(t.Text, ".") {
		return "", 0, false // "St" without its stop is a word, not "Street"
	}
	if !suffixFeatures[string(w)] {
		return "", 0, false
	}
	return string(w), end, end <= len(text)
}

// lowerASCII appends s lower-cased to dst, or returns nil when s is not
// ASCII (strings.ToLower lowers the rest).
func lowerASCII(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return nil
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// abbrevFeature are feature words that are only written abbreviated with a
// full stop.
var abbrevFeature = map[string]bool{"twp": true, "st": true, "ave": true, "rd": true, "blvd": true, "pkwy": true, "hwy": true}

// nameToken reports whether a token can be part of a name before a
// feature word: a capitalised word or an ordinal ("5th").
func nameToken(s string) bool {
	if nameStops[s] {
		return false
	}
	if isCapWord(s) {
		// "R-Elbow Lake" (a member's home), "Paris-Henry County".
		return !strings.ContainsAny(s, ",;:\"“”()-")
	}
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 {
		return false
	}
	switch s[n:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

func unresolved(text string, s sitrep.Span) sitrep.Place {
	t := text[s.Start:s.End]
	return sitrep.Place{Span: s, Text: t, Name: t, Resolution: LevelUnresolved}
}

// plainName reports whether an entity's text looks like a place name: at
// most four words, each capitalised and none an acronym, with no "&".
func (p *Parser) plainName(name string) bool {
	ws := strings.Fields(name)
	if len(ws) == 0 || len(ws) > 4 || strings.Contains(name, "&") {
		return false
	}
	for _, w := range ws {
		if connectors[w] {
			continue
		}
		if !isCapWord(w) || len(w) > 1 && isAllUpper(w) && !strings.Contains(w, ".") {
			return false
		}
	}
	return true
}

// locativeBefore reports whether the words before at are a locative
// preposition, optionally followed by "the": "in X", "near the X".
func locativeBefore(text string, at int) bool {
	w, rest := lastWord(text[:at])
	if strings.EqualFold(w, "the") {
		w, _ = lastWord(rest)
	}
	return cuePreps[strings.ToLower(w)]
}

// lastWord returns the last space-separated word of s and what comes
// before it.
func lastWord(s string) (string, string) {
	s = strings.TrimRight(s, " ")
	i := strings.LastIndexByte(s, ' ')
	return s[i+1:], s[:max(i, 0)]
}

// qualifiedAfter reports whether ", STATE" or ", COUNTRY" follows at.
func (p *Parser) qualifiedAfter(text string, at int) bool {
	rest, ok := strings.CutPrefix(text[at:], ", ")
	if !ok {
		return false
	}
	end := strings.IndexAny(rest, ",.;:()\n")
	if end < 0 {
		end = len(rest)
	}
	w := rest
	if i := strings.IndexAny(w, " ,;:()\n"); i >= 0 {
		w = w[:i]
	}
	if _, ok := p.g.qual[w]; ok {
		return true // "Cookville, TX", "Kelowna, B.C."
	}
	if _, ok := p.g.qual[strings.TrimSuffix(w, ".")]; ok {
		return true // "Cookville, TX."
	}
	if end > 0 && rest[end-1] != ' ' && end < len(rest) && rest[end] == '.' {
		// "Tex." and "W.Va.": the abbreviation keeps its stop.
		if _, ok := p.g.abbr[rest[:end+1]]; ok {
			return true
		}
	}
	for _, id := range p.g.ids(Fold(rest[:end])) {
		if l := p.g.places[id].level; l == lvCountry || l == lvAdmin1 {
			return true
		}
	}
	return false
}

// numberAfter reports whether a number follows at: "County Road 12" is a
// road's number, not a name.
func numberAfter(text string, at int) bool {
	rest := strings.TrimLeft(text[at:], " ")
	return rest != "" && rest[0] >= '0' && rest[0] <= '9'
}

// lowerElsewhere reports whether the article also writes word in lower
// case, as a common noun ("Section", "Block"): one sense per discourse.
func lowerElsewhere(text, word string) bool {
	lw := strings.ToLower(word)
	for i := 0; ; {
		k := strings.Index(text[i:], lw)
		if k < 0 {
			return false
		}
		a, b := i+k, i+k+len(lw)
		if (a == 0 || !isLetter(text[a-1])) && (b == len(text) || !isLetter(text[b])) {
			return true
		}
		i = b
	}
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }

// startsPerson reports whether one of persons starts where s does.
func startsPerson(persons []sitrep.Span, s sitrep.Span) bool {
	for _, v := range persons {
		if v.Start == s.Start {
			return true
		}
	}
	return false
}

// residentAround reports whether the name at s is where someone lives: "a
// Cookville man", "Jane Doe, 38, of Cookville".
func residentAround(text string, s sitrep.Span) bool {
	next, _, _ := strings.Cut(strings.TrimLeft(text[s.End:], " "), " ")
	next = strings.ToLower(strings.TrimRight(next, ",.;:"))
	if residentNouns[next] {
		w, _ := lastWord(text[:s.Start])
		if residentArticle[strings.ToLower(w)] {
			return true
		}
	}
	w, rest := lastWord(text[:s.Start])
	if w != "of" {
		return false
	}
	age, _ := lastWord(strings.TrimSuffix(strings.TrimRight(rest, " "), ","))
	return strings.HasSuffix(strings.TrimRight(rest, " "), ",") && age != "" && len(age) <= 3 &&
		strings.Trim(strings.TrimSuffix(age, ","), "0123456789") == ""
}

// residentNouns after "a X" make X where the person lives.
var residentNouns = map[string]bool{"man": true, "woman": true, "men": true, "women": true, "teen": true,
	"teenager": true, "boy": true, "girl": true, "resident": true, "couple": true, "native": true}
