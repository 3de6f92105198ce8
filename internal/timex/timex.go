// Package timex finds time expressions in English news text and normalizes
// them to TIMEX3 values, resolving relative expressions ("on Tuesday",
// "last week", "two days ago") against the publication date.
//
// Input: a *sitrep.Doc (its Article.Text, Article.Published and, when
// present, the sentences and Penn POS tags of the text stage) or plain text
// with a publication date.
// Output: []sitrep.Timex in text order, each with its byte span, exact
// text, TIMEX3 type (DATE, TIME, DURATION, SET), value, precision and
// whether the value was anchored to the publication date.
//
// The scanner is token driven and rule based: a small hand-written
// tokenizer feeds a set of recognizers (absolute dates, clock times,
// weekdays, deictic and anaphoric expressions, durations, sets), the
// longest match at each token wins. Dates named without a year or week
// (month names, month-days, weekdays, seasons, quarters, holidays) are
// placed before or after the publication date by the tense of their
// clause, read from the verb group around them (POS tags when the doc has
// them, word lists otherwise); anaphoric ones ("that year", "the following
// month", "two years later") take the last date named. All word lists are
// written by hand in this package (no third-party data). Without a publication date relative
// expressions keep TIMEX3 placeholders ("XXXX-WXX-2", "XXXX-XX-XX") and
// are not anchored; absolute dates still resolve.
package timex

import (
	"unicode"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// Extractor recognizes and normalizes time expressions. It is immutable
// after New and safe for concurrent use.
type Extractor struct {
	t *tables
}

// New returns an Extractor with its word tables built.
func New() *Extractor {
	return &Extractor{t: newTables()}
}

// Extract finds the time expressions of doc's text. Sentences and POS tags
// of doc are used when present to find clause boundaries and tense; the
// text itself is always scanned by the package's own tokenizer.
func (e *Extractor) Extract(doc *sitrep.Doc) []sitrep.Timex {
	return e.ExtractAside(doc, nil)
}

// ExtractAside is Extract with asides: byte spans of the text (photo
// captions) whose time expressions are found and resolved but are no
// anchor for the anaphoric ones after them ("a day later" goes on from
// the story's last date, not from a caption's).
func (e *Extractor) ExtractAside(doc *sitrep.Doc, aside []sitrep.Span) []sitrep.Timex {
	if doc == nil || doc.Article == nil {
		return nil
	}
	return e.extract(doc.Article.Text, doc.Article.Published, doc, aside)
}

// ExtractText is Extract over plain text, with published as "YYYY-MM-DD"
// or "" when unknown.
func (e *Extractor) ExtractText(text, published string) []sitrep.Timex {
	return e.extract(text, published, nil, nil)
}

func (e *Extractor) extract(text, published string, doc *sitrep.Doc, aside []sitrep.Span) []sitrep.Timex {
	if text == "" {
		return nil
	}
	p := parser{t: e.t, src: text, aside: aside}
	p.pub, p.hasPub = parseISODate(published)
	p.ref, p.narr = p.pub, p.pub
	p.low = asciiLower(text)
	p.all = tokenize(text)
	if len(p.all) == 0 {
		return nil
	}
	if doc != nil && len(doc.Sentences) > 0 {
		assignSentences(p.all, doc)
	} else {
		guessSentences(p.all, p.low, e.t)
	}
	var out []sitrep.Timex
	// Expressions never cross a paragraph break.
	start := 0
	for i := 1; i <= len(p.all); i++ {
		if i == len(p.all) || p.all[i].para {
			p.toks = p.all[start:i]
			p.base = start
			out = p.scan(out)
			start = i
		}
	}
	return out
}

// tok is one token of the scanned text. Words are maximal runs of letters
// and digits; every other non-space rune is a token of its own.
type tok struct {
	start, end int
	num        int  // value when the token is all digits (capped), else -1
	nd         int  // number of digits when num >= 0
	sp         bool // white space before the token
	para       bool // a blank line before the token
	upper      bool // first letter is upper case
	word       bool // letters or digits
	sent       int32
	tag        string
}

// asciiLower lower-cases ASCII letters only, so byte offsets stay valid.
func asciiLower(s string) string {
	b := make([]byte, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return string(b)
}

func tokenize(s string) []tok {
	toks := make([]tok, 0, len(s)/4+1)
	sp, nl := true, 0
	para := false
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' {
			sp = true
			if c == '\n' {
				nl++
				if nl >= 2 {
					para = true
				}
			}
			i++
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
			if unicode.IsSpace(r) {
				sp = true
				i += size
				continue
			}
		}
		t := tok{start: i, sp: sp, para: para, num: -1}
		if isWordRune(r) {
			j := i + size
			for j < len(s) {
				r2, sz := rune(s[j]), 1
				if s[j] >= utf8.RuneSelf {
					r2, sz = utf8.DecodeRuneInString(s[j:])
				}
				if !isWordRune(r2) {
					break
				}
				j += sz
			}
			t.end = j
			t.word = true
			t.upper = unicode.IsUpper(r)
			n, nd := 0, 0
			for k := i; k < j; k++ {
				if s[k] < '0' || s[k] > '9' {
					nd = -1
					break
				}
				if n < 1e8 {
					n = n*10 + int(s[k]-'0')
				}
				nd++
			}
			if nd > 0 {
				t.num, t.nd = n, nd
			}
		} else {
			t.end = i + size
		}
		toks = append(toks, t)
		i = t.end
		sp, nl, para = false, 0, false
	}
	return toks
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// assignSentences numbers tokens by the doc's sentences and copies the POS
// tags of doc tokens that start where ours do.
func assignSentences(toks []tok, doc *sitrep.Doc) {
	si, ti := 0, 0
	for i := range toks {
		for si < len(doc.Sentences) && doc.Sentences[si].End <= toks[i].start {
			si++
			ti = 0
		}
		toks[i].sent = int32(si)
		if si < len(doc.Sentences) {
			dt := doc.Sentences[si].Tokens
			for ti < len(dt) && dt[ti].Start < toks[i].start {
				ti++
			}
			if ti < len(dt) && dt[ti].Start == toks[i].start {
				toks[i].tag = dt[ti].Tag
			}
		}
	}
}

// guessSentences splits at terminal punctuation followed by an upper-case
// word, except after common abbreviations, months and single letters.
func guessSentences(toks []tok, low string, t *tables) {
	var s int32
	for i := range toks {
		toks[i].sent = s
		if toks[i].para && i > 0 {
			s++
			toks[i].sent = s
		}
		c := low[toks[i].start]
		if (c == '.' || c == '!' || c == '?') && i+1 < len(toks) && toks[i+1].sp && toks[i+1].upper {
			if c == '.' && i > 0 && !toks[i].sp {
				prev := low[toks[i-1].start:toks[i-1].end]
				if len(prev) == 1 || isAbbrev(prev) {
					continue
				}
				if _, ok := t.months[prev]; ok && len(prev) <= 4 {
					continue
				}
			}
			s++
		}
	}
}

func isAbbrev(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "capt", "maj", "gov",
		"sen", "rep", "st", "jr", "sr", "prof", "rev", "inc", "corp", "co", "ltd",
		"no", "vs", "u", "s", "mt", "ft", "m", "p", "a":
		return true
	}
	return false
}
