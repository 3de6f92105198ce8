package quote

import (
	"strings"

	sitrep "github.com/sitrep-project/sitrep"
)

// region is a quotation in marks: the token indices of its opening and
// closing marks (close == len(tokens) when the quotation runs on).
type region struct{ open, close int }

type extractor struct {
	doc  *sitrep.Doc
	text string
	ix   entityIndex // the entity mentions

	// Per-paragraph scratch.
	toks      []sitrep.Token
	sentStart []int
	sentEnd   []int
	inQ       []int // region index holding the token, or -1
	regions   []region
	used      []bool // region already given as a quote's content

	// pending is an attribution that ended its paragraph with a colon
	// ("He told the audience:"); the quotation opening the next
	// paragraph is its content.
	pending *sitrep.Quote
}

func isOpenMark(t sitrep.Token) bool {
	if !isMark(t.Text) {
		return false
	}
	switch t.Tag {
	case "``":
		return true
	case "''":
		return false
	}
	return t.Text == "“" || t.Text == "``" || t.Text == "«"
}

func isCloseMark(t sitrep.Token) bool {
	if !isMark(t.Text) {
		return false
	}
	switch t.Tag {
	case "''":
		return true
	case "``":
		return false
	}
	return t.Text == "”" || t.Text == "''" || t.Text == "»"
}

// opensAfter reports whether a quotation mark after byte c opens.
func opensAfter(c byte) bool {
	switch c {
	case ' ', '\n', '\t', '\r', '(', '[', '-':
		return true
	}
	return c >= 0x80 // after a dash or an opening mark
}

func isMark(t string) bool {
	switch t {
	case "“", "”", "\"", "``", "''", "«", "»":
		return true
	}
	return false
}

// load gathers the tokens of a paragraph's sentences and finds its
// quotations.
func (x *extractor) load(sents []sitrep.Sentence) {
	x.toks, x.sentStart, x.sentEnd, x.inQ, x.regions, x.used = x.toks[:0], x.sentStart[:0], x.sentEnd[:0], x.inQ[:0], x.regions[:0], x.used[:0]
	for _, s := range sents {
		a := len(x.toks)
		for _, t := range s.Tokens {
			if t.Start < 0 || t.End > len(x.text) || t.Start > t.End {
				continue // inconsistent token: leave it out
			}
			// Two apostrophes in a row ('' as some papers write the
			// quotation mark) are one mark; which side it opens is read
			// from the spacing, not from the tagger.
			if n := len(x.toks); n > a && t.Text == "'" && x.toks[n-1].Text == "'" && x.toks[n-1].End == t.Start {
				m := &x.toks[n-1]
				m.End, m.Text = t.End, x.text[m.Start:t.End]
				m.Tag = "''"
				if m.Start == 0 || opensAfter(x.text[m.Start-1]) {
					m.Tag = "``"
				}
				continue
			}
			x.toks = append(x.toks, t)
		}
		b := len(x.toks)
		for i := a; i < b; i++ {
			x.sentStart = append(x.sentStart, a)
			x.sentEnd = append(x.sentEnd, b)
			x.inQ = append(x.inQ, -1)
		}
	}
	open := -1
	straight := false // next straight quote opens
	for i, t := range x.toks {
		isOpen, isClose := isOpenMark(t), isCloseMark(t)
		if (t.Text == "\"" || t.Text == "''") && t.Tag != "``" && t.Tag != "''" {
			straight = !straight
			isOpen, isClose = straight, !straight
		}
		switch {
		case isOpen && open < 0:
			open = i
		case isClose && open >= 0:
			x.addRegion(open, i)
			open = -1
		}
	}
	if open >= 0 {
		x.addRegion(open, len(x.toks))
	}
}

func (x *extractor) addRegion(open, close int) {
	r := len(x.regions)
	x.regions = append(x.regions, region{open, close})
	x.used = append(x.used, false)
	for i := open; i <= close && i < len(x.toks); i++ {
		x.inQ[i] = r
	}
}

func (x *extractor) low(i int) string {
	if i < 0 || i >= len(x.toks) {
		return ""
	}
	return strings.ToLower(x.toks[i].Text)
}

func (x *extractor) is(i int, words ...string) bool {
	if i < 0 || i >= len(x.toks) {
		return false
	}
	for _, w := range words {
		if strings.EqualFold(x.toks[i].Text, w) {
			return true
		}
	}
	return false
}

func (x *extractor) tag(i int) string {
	if i < 0 || i >= len(x.toks) {
		return ""
	}
	return x.toks[i].Tag
}

var auxWords = map[string]bool{"has": true, "have": true, "had": true, "also": true, "later": true, "again": true, "previously": true, "repeatedly": true, "is": true, "was": true, "were": true, "are": true, "would": true, "will": true, "did": true, "does": true, "do": true, "not": true, "never": true, "once": true, "then": true, "already": true, "reportedly": true, "publicly": true, "privately": true, "separately": true, "recently": true, "earlier": true, "often": true, "has-": true, "just": true, "first": true, "further": true, "flatly": true, "simply": true, "bluntly": true, "angrily": true}

// npTok reports whether token i can be part of a subject noun phrase.
func (x *extractor) npTok(i int) bool {
	t := x.toks[i]
	if x.inQ[i] >= 0 {
		return false
	}
	switch t.Tag {
	case "NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "DT", "PRP$", "CD", "POS", "HYPH", "VBN", "NNP$":
		return t.Tag != "DT" || !strings.EqualFold(t.Text, "that")
	case "IN":
		return strings.EqualFold(t.Text, "of")
	case "CC":
		return t.Text == "&"
	}
	if t.Tag == "" {
		// Untagged tokens: capitalised words and a few determiners.
		return isCap(t.Text) || t.Text == "the" || t.Text == "a"
	}
	return false
}

func isCap(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

func isPronoun(s string) bool {
	switch strings.ToLower(s) {
	case "he", "she", "they", "it", "we", "i", "you":
		return true
	}
	return false
}

// npLeft returns the start of the noun phrase ending at token e (inclusive)
// within [lo, e], or e+1 when there is none.
func (x *extractor) npLeft(e, lo int) int {
	if e < lo {
		return e + 1
	}
	if isPronoun(x.toks[e].Text) && x.inQ[e] < 0 {
		return e
	}
	a := e + 1
	for a-1 >= lo && x.npTok(a-1) {
		a--
	}
	// A phrase does not start with "of" or a possessive marker.
	for a <= e && (x.is(a, "of") || x.tag(a) == "POS") {
		a++
	}
	// It must hold a noun, or a pronoun-like quantifier ("those
	// surveyed", "most").
	for i := a; i <= e; i++ {
		if strings.HasPrefix(x.tag(i), "NN") || (x.tag(i) == "" && isCap(x.toks[i].Text)) || headWords[x.low(i)] {
			return a
		}
	}
	return e + 1
}

// npRight returns the end (exclusive) of the noun phrase starting at s.
func (x *extractor) npRight(s, hi int) int {
	if s < hi && isPronoun(x.toks[s].Text) {
		return s + 1
	}
	e := s
	for e < hi && x.npTok(e) {
		// "told reporters the plan …": a determiner after a noun opens
		// the next phrase.
		if e > s && (x.tag(e) == "DT" || x.tag(e) == "PRP$") && strings.HasPrefix(x.tag(e-1), "NN") {
			break
		}
		e++
	}
	for e > s && (x.is(e-1, "of") || x.tag(e-1) == "DT") {
		e--
	}
	return e
}

var timeWords = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true, "today": true, "yesterday": true, "tonight": true, "late": true, "early": true, "earlier": true, "later": true, "also": true, "again": true, "recently": true, "repeatedly": true, "publicly": true, "privately": true, "separately": true, "last": true, "this": true, "week": true, "month": true, "night": true, "morning": true, "afternoon": true, "evening": true, "previously": true, "then": true, "now": true, "flatly": true, "bluntly": true, "simply": true, "angrily": true, "once": true}

// skipAdverbials moves past adverbs, time words and prepositional phrases
// ("on Thursday", "at the same briefing Thursday", "in a statement").
func (x *extractor) skipAdverbials(r, hi int) int {
	for r < hi {
		t := x.toks[r]
		lw := strings.ToLower(t.Text)
		switch {
		case x.inQ[r] >= 0 || quantifiers[lw] || lw == "so" || lw == "not" || lw == "never":
			// "said much of it was …", "said so", "urged them not to
			// attack": content, not adverbs.
			return r
		case timeWords[lw] || t.Tag == "RB" || t.Tag == "RBR":
			r++
		case (t.Tag == "IN" || t.Tag == "TO") && lw != "that" && lw != "because" && lw != "if" && lw != "whether" && lw != "as":
			e := x.npRight(r+1, hi)
			// A short quoted title in the phrase: "on ABC's “This Week”".
			if e < hi && x.inQ[e] >= 0 && isOpenMark(x.toks[e]) {
				if reg := x.regions[x.inQ[e]]; reg.close < hi && reg.close-reg.open <= 8 {
					e = reg.close + 1
				}
			}
			if e == r+1 {
				return r
			}
			r = e
		default:
			return r
		}
	}
	return r
}

// clauseAux are words that make a clause whatever their tag.
var clauseAux = map[string]bool{"is": true, "was": true, "are": true, "were": true, "has": true, "had": true, "have": true, "will": true, "would": true, "could": true, "can": true, "must": true, "should": true, "may": true, "might": true, "did": true, "does": true, "do": true, "won't": true, "wasn't": true, "isn't": true}

// headWords head a subject without a noun.
var headWords = map[string]bool{"those": true, "others": true, "many": true, "most": true, "some": true, "both": true, "few": true, "half": true}

var quantifiers = map[string]bool{"much": true, "many": true, "most": true, "some": true, "all": true, "few": true, "none": true, "neither": true, "both": true, "each": true, "more": true, "only": true, "even": true, "nobody": true, "everyone": true, "nothing": true}

// startsClause reports whether token r can begin a reported clause.
func (x *extractor) startsClause(r, hi int) bool {
	if r >= hi {
		return false
	}
	tg := x.tag(r)
	if quantifiers[x.low(r)] {
		tg = "DT" // "much of his discussion was …" whatever the tagger says
	}
	switch tg {
	case "DT", "PRP", "NNP", "NNPS", "NN", "NNS", "CD", "EX", "JJ", "PRP$", "MD":
		// A clause needs a verb after its subject.
		for i := r + 1; i < hi && i < r+12; i++ {
			if strings.HasPrefix(x.tag(i), "VB") || x.tag(i) == "MD" || clauseAux[x.low(i)] {
				return true
			}
			if x.tag(i) == "." || x.toks[i].Text == "," {
				return false
			}
		}
	case "":
		return isCap(x.toks[r].Text) || isPronoun(x.toks[r].Text)
	}
	return false
}
