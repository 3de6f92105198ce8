package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// Datelines returns the datelines of text: the lines opening a report
// that say where (and sometimes when and by which agency) it was filed,
// "BAGHDAD (Reuters) -", "NAIROBI, Kenya —", "KABUL, Jan 3 (AP) --",
// "WASHINGTON —". One is looked for at the start of each paragraph of
// paras and after each sentence's end. Spans index text; Article is left
// empty.
func Datelines(text string, paras []sitrep.Span) []sitrep.Dateline {
	var out []sitrep.Dateline
	try := func(at int) {
		if d, ok := ParseDateline(text[at:]); ok {
			shift(&d, at)
			out = append(out, d)
		}
	}
	for _, p := range paras {
		if p.Start < 0 || p.End > len(text) || p.Start >= p.End {
			continue
		}
		try(p.Start)
		// After a sentence's end, on the next line or on the same one
		// (a headline run into the text: "Council to vote. ARLINGTON —
		// The City Council voted"); on the same line only a place in
		// capitals counts.
		for i := p.Start; i < p.End; i++ {
			c := text[i]
			if c != '.' && c != '!' && c != '?' {
				continue
			}
			j := i + 1
			for j < p.End && (text[j] == '"' || text[j] == '\'') {
				j++
			}
			if strings.HasPrefix(text[j:p.End], "”") || strings.HasPrefix(text[j:p.End], "’") {
				j += len("”")
			}
			if j >= p.End || (text[j] != ' ' && text[j] != '\n' && text[j] != '\r' && text[j] != '\t') {
				continue
			}
			s, _ := trimSpace(text, j, p.End)
			if s >= p.End || text[s] < 'A' || text[s] > 'Z' {
				continue
			}
			newLine := strings.Contains(text[j:s], "\n")
			if d, ok := ParseDateline(text[s:]); ok && (newLine || placeInCapitals(d.Place)) {
				shift(&d, s)
				out = append(out, d)
			}
		}
	}
	return out
}

// placeInCapitals reports whether a place has no lower-case letter.
func placeInCapitals(place string) bool {
	return strings.ToUpper(place) == place
}

func shift(d *sitrep.Dateline, by int) {
	d.Start += by
	d.End += by
	d.PlaceSpan.Start += by
	d.PlaceSpan.End += by
	if d.RegionSpan != nil {
		d.RegionSpan.Start += by
		d.RegionSpan.End += by
	}
}

// Limits on the parts of a dateline, in bytes and words.
const (
	maxDatelineLen   = 120
	maxPlaceWords    = 5
	maxRegionWords   = 3
	maxAgencyLen     = 30
	maxDatelineParts = 2 // region and date after the place
)

// ParseDateline reads a dateline at the very start of s and returns it
// with spans relative to s. Its shape: a place of capitalised words, then
// optionally, after commas, a region ("Kenya", "Calif.") and a date ("Jan
// 3", "March 11, 2024"), then optionally an agency in brackets, then a
// dash (-, --, — or –) and the start
// of the report. A place in capitals needs nothing more ("WASHINGTON —");
// a place in title case needs a region, a date or an agency ("Nairobi,
// Kenya —"), since a capitalised word and a dash open many sentences.
func ParseDateline(s string) (sitrep.Dateline, bool) {
	var d sitrep.Dateline
	if len(s) > maxDatelineLen*4 {
		s = s[:maxDatelineLen*4]
	}
	pos, caps, ok := placeWords(s, 0)
	if !ok {
		return d, false
	}
	d.PlaceSpan = sitrep.Span{Start: 0, End: pos}
	d.Place = s[:pos]
	if first, _, _ := strings.Cut(d.Place, " "); slugs[strings.ToUpper(strings.TrimRight(first, "'’S"))] {
		return d, false // "NOTE: latest 12 mths net", "UPDATE 1 -"
	}
	extra := false
	for range maxDatelineParts {
		p := skipSpaces(s, pos)
		if p >= len(s) || s[p] != ',' {
			break
		}
		p = skipSpaces(s, p+1)
		if e, ok := datePart(s, p); ok && d.Date == "" {
			d.Date, pos, extra = s[p:e], e, true
			continue
		}
		if e, ok := regionWords(s, p); ok && d.Region == "" && d.Date == "" {
			d.Region, d.RegionSpan, pos, extra = s[p:e], &sitrep.Span{Start: p, End: e}, e, true
			continue
		}
		break
	}
	p := skipSpaces(s, pos)
	if p < len(s) && s[p] == '(' {
		e := strings.IndexByte(s[p:min(len(s), p+maxAgencyLen+2)], ')')
		if e < 0 {
			return d, false
		}
		ag := s[p+1 : p+e]
		if !agencyName(ag) {
			return d, false
		}
		d.Agency, extra = ag, true
		p = skipSpaces(s, p+e+1)
	}
	end, ok := dash(s, p)
	if !ok || (!caps && !extra) || end > maxDatelineLen {
		return d, false
	}
	// The report must go on after the dash, with a word, a number or a
	// quotation.
	rest := skipSpaces(s, end)
	if rest >= len(s) {
		return d, false
	}
	r, _ := utf8.DecodeRuneInString(s[rest:])
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("\"'“‘(", r) {
		return d, false
	}
	d.Span = sitrep.Span{Start: 0, End: end}
	return d, true
}

// slugs are the labels that open wire copy the way a dateline does
// ("NOTE -", "UPDATE:", "EDITOR'S NOTE —") but name no place.
var slugs = map[string]bool{
	"NOTE": true, "NOTES": true, "UPDATE": true, "UPDATED": true, "CORRECTION": true, "CORRECTED": true,
	"CORRECTS": true, "BREAKING": true, "ADVISORY": true, "EDITOR": true, "EDITORS": true, "WARNING": true,
	"URGENT": true, "FLASH": true, "ALERT": true, "BULLETIN": true, "REPEAT": true, "ADVANCE": true,
	"EXCLUSIVE": true, "ANALYSIS": true, "INTERVIEW": true, "FACTBOX": true, "COLUMN": true, "OPINION": true,
	"REFILE": true, "RPT": true, "WRAPUP": true, "PREVIEW": true, "FEATURE": true, "SOURCE": true, "SOURCES": true,
	"PHOTO": true, "PHOTOS": true, "VIDEO": true, "WATCH": true, "READ": true, "MORE": true, "RELATED": true,
}

// placeWords reads the place of a dateline from s[pos:]: one to
// maxPlaceWords capitalised words (see capWords). caps is true when
// every word is written in capitals.
func placeWords(s string, pos int) (end int, caps, ok bool) {
	end, caps, n := capWords(s, pos, maxPlaceWords)
	return end, caps, n > 0 && letters(s[pos:end]) >= 2
}

// regionWords reads a region (a state, a country) from s[pos:]: one to
// maxRegionWords capitalised words.
func regionWords(s string, pos int) (int, bool) {
	end, _, n := capWords(s, pos, maxRegionWords)
	return end, n > 0
}

// capWords reads up to max capitalised words from s[pos:], separated by
// single spaces; a short lower-case connector may stand between two of
// them ("Port of Spain"). It returns the end of the last word, whether
// every word is in capitals, and how many words it read.
func capWords(s string, pos, max int) (end int, caps bool, n int) {
	caps, end = true, pos
	p := pos
	for n < max {
		e, wcaps, title := word(s, p)
		if e == p {
			break
		}
		if !wcaps && !title {
			if n == 0 || !connector(s[p:e]) || e >= len(s) || s[e] != ' ' {
				break
			}
			// A connector counts only when a capitalised word follows.
			e2, c2, t2 := word(s, e+1)
			if e2 == e+1 || !(c2 || t2) {
				break
			}
			p = e + 1
			continue
		}
		n++
		caps = caps && wcaps
		end = e
		if e >= len(s) || s[e] != ' ' {
			break
		}
		p = e + 1
	}
	return end, caps, n
}

// word reads one word from s[pos:]: letters, with an apostrophe, a
// hyphen or a period between letters and a period at the end ("ST.",
// "U.S.", "WINSTON-SALEM", "N'DJAMENA"). It reports whether the word is
// in capitals (no lower-case letter) or in title case (an upper-case
// first letter and some lower case: "Winston-Salem", "McAllen"). end ==
// pos when no word starts there.
func word(s string, pos int) (end int, caps, title bool) {
	end = pos
	upper, lower := 0, 0
	firstUpper := false
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if unicode.IsLetter(r) {
			if end == pos {
				firstUpper = unicode.IsUpper(r)
			}
			if unicode.IsUpper(r) {
				upper++
			} else {
				lower++
			}
			end += n
			continue
		}
		if end == pos || (r != '.' && r != '\'' && r != '’' && r != '-') {
			break
		}
		// Inside a word only before a letter; a period may end it.
		if r2, _ := utf8.DecodeRuneInString(s[end+n:]); end+n < len(s) && unicode.IsLetter(r2) {
			end += n
			continue
		}
		if r == '.' {
			end += n
		}
		break
	}
	return end, upper > 0 && lower == 0, firstUpper && lower > 0
}

// connectors may stand inside a place name.
func connector(w string) bool {
	switch w {
	case "of", "de", "del", "la", "le", "du", "da", "do", "upon", "on", "al", "el", "en":
		return true
	}
	return false
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

func skipSpaces(s string, p int) int {
	for p < len(s) && (s[p] == ' ' || s[p] == '\t') {
		p++
	}
	return p
}

// months are the month names and abbreviations a dateline's date uses.
var months = map[string]bool{
	"jan": true, "january": true, "feb": true, "february": true, "mar": true, "march": true, "apr": true,
	"april": true, "may": true, "jun": true, "june": true, "jul": true, "july": true, "aug": true, "august": true,
	"sep": true, "sept": true, "september": true, "oct": true, "october": true, "nov": true, "november": true,
	"dec": true, "december": true,
}

// datePart reads a dateline date from s[pos:]: a month and a day ("Jan
// 3", "Jan. 3", "MARCH 11"), or a day and a month ("3 January"), with an
// optional year ("Jan 3, 2024").
func datePart(s string, pos int) (int, bool) {
	if e, ok := monthWord(s, pos); ok {
		p := skipSpaces(s, e)
		if p == e {
			return pos, false
		}
		d := digits(s, p)
		if d == p || d-p > 2 {
			return pos, false
		}
		return year(s, d), true
	}
	d := digits(s, pos)
	if d == pos || d-pos > 2 || d >= len(s) || s[d] != ' ' {
		return pos, false
	}
	if e, ok := monthWord(s, d+1); ok {
		return year(s, e), true
	}
	return pos, false
}

// monthWord reads a month name or abbreviation (with its period).
func monthWord(s string, pos int) (int, bool) {
	e := pos
	for e < len(s) && e-pos < 10 && (s[e] >= 'a' && s[e] <= 'z' || s[e] >= 'A' && s[e] <= 'Z') {
		e++
	}
	if e == pos || !(s[pos] >= 'A' && s[pos] <= 'Z') || !months[strings.ToLower(s[pos:e])] {
		return pos, false
	}
	if e < len(s) && s[e] == '.' {
		e++
	}
	return e, true
}

// year extends a date ending at e over a following year (", 2024" or
// " 2024").
func year(s string, e int) int {
	p := e
	if p < len(s) && s[p] == ',' {
		p++
	}
	p = skipSpaces(s, p)
	if d := digits(s, p); d-p == 4 {
		return d
	}
	return e
}

func digits(s string, p int) int {
	for p < len(s) && s[p] >= '0' && s[p] <= '9' {
		p++
	}
	return p
}

// agencyName accepts the name of a news agency in brackets: one to four
// words of letters (any case: "dpa"), with "&", "." or "-".
func agencyName(a string) bool {
	a = strings.TrimSpace(a)
	if a == "" || len(a) > maxAgencyLen || len(strings.Fields(a)) > 4 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(a)
	if !unicode.IsLetter(r) {
		return false
	}
	for _, r := range a {
		if !unicode.IsLetter(r) && !strings.ContainsRune(" &.-'’", r) {
			return false
		}
	}
	return true
}

// dash reads the dash closing a dateline at s[pos:] and returns where it
// ends: "--", "—", "–" or "―" with or without spaces around, or a
// hyphen with a space after it. (A colon is no dash: "NEW DELHI:" is a
// dateline, but "POPULATION:", "CAPITAL:" open the lines of fact boxes
// and "MOOPANAR:" the answers of interviews.)
func dash(s string, pos int) (int, bool) {
	rest := s[pos:]
	switch {
	case strings.HasPrefix(rest, "--"):
		return pos + 2, true
	case strings.HasPrefix(rest, "—"), strings.HasPrefix(rest, "–"), strings.HasPrefix(rest, "―"):
		_, n := utf8.DecodeRuneInString(rest)
		return pos + n, true
	case strings.HasPrefix(rest, "- "), strings.HasPrefix(rest, "-\t"):
		return pos + 1, true
	}
	return pos, false
}
