package dict

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Match window sizes: how many words may be skipped before a pattern
// element. Top-level elements may float within the clause; words inside a
// (prepositional phrase) or {noun phrase} stay close to each other;
// elements joined by "_" must be adjacent.
const (
	topGap   = 8
	groupGap = 3
)

// VerbMatch is the result of matching a verb occurrence.
type VerbMatch struct {
	// Code is the CAMEO code of the event, e.g. "190".
	Code string
	// Pair is the code of the reciprocal event with source and target
	// swapped, from paired codes such as [042:043] (A visits B: B hosts A);
	// "" when there is none.
	Pair string
	// Reversed is set for codes written [:173]: the event runs from the
	// target to the source.
	Reversed bool
	// Lemma is the dictionary form of the verb ("ask for", "storm") or, for
	// NounEvent, of the noun.
	Lemma string
	// Pattern is the pattern text that matched, "" for the verb's default.
	Pattern string
	// Source is where the entry was defined, "file:line".
	Source string
	// Words is how many words after the verb the match consumed: the
	// particle of a multiword verb plus the words the pattern matched.
	Words int
	// Before is how many words before the verb the match consumed.
	Before int
	// SourceAt and TargetAt locate the $ (source) and + (target) markers of
	// the pattern: k > 0 means the actor starts at after[k-1], k < 0 at
	// before[-k-1] (before is nearest first); 0 means no marker. A %
	// (compound: source and target) marker sets both.
	SourceAt, TargetAt int
}

// elem is one element of a compiled pattern.
type elem struct {
	alts   [][]string // literal alternatives (phrases); nil for markers
	marker byte       // '$', '+', '%', '^' or 0
	gap    int8       // max words skipped before this element
}

type pattern struct {
	before []elem // nearest-first, phrases reversed
	after  []elem
	code   string
	pair   string
	rev    bool
	text   string
	src    string
	spec   int
	order  int
}

type block struct {
	name     string
	code     string
	patterns []*pattern
	byText   map[string]int
	// byWord indexes patterns (by position in patterns) under the first
	// words of their first literal element: a pattern can only match when
	// one of those words occurs around the verb, so big blocks such as SAY
	// (hundreds of patterns) are not scanned whole for every verb.
	byWord map[string][]int32
	// always lists the patterns with no literal word (markers only).
	always []int32
}

type member struct {
	lemma string
	code  string // "" = block default
	block *block
	src   string
}

type verbForm struct {
	pre  []string // words before the verb word, nearest first
	post []string
	m    *member
	gen  bool // generated regular form: loses to explicit forms
	seq  int
}

type nounEntry struct {
	words []string
	code  string
	lemma string
	src   string
	seq   int
}

// Verbs is the verb dictionary: verb forms, phrase patterns and nominal
// event triggers. It is read-only once built and safe for concurrent use.
type Verbs struct {
	forms  map[string][]verbForm
	blocks map[string]*block
	nouns  map[string][]nounEntry // by first word, longest first
	seq    int
}

func newVerbs() *Verbs {
	return &Verbs{forms: map[string][]verbForm{}, blocks: map[string]*block{}, nouns: map[string][]nounEntry{}}
}

// Blocks returns the number of verb blocks.
func (v *Verbs) Blocks() int { return len(v.blocks) }

// Patterns returns the number of distinct patterns.
func (v *Verbs) Patterns() int {
	n := 0
	for _, b := range v.blocks {
		n += len(b.patterns)
	}
	return n
}

// Forms returns the number of distinct verb surface forms (first words).
func (v *Verbs) Forms() int { return len(v.forms) }

// Nouns returns the number of nominal event triggers.
func (v *Verbs) Nouns() int {
	n := 0
	for _, e := range v.nouns {
		n += len(e)
	}
	return n
}

// Known reports whether form is a known verb form (lowercase), e.g.
// "stormed".
func (v *Verbs) Known(form string) bool { return len(v.forms[form]) > 0 }

// Codes calls fn for every code reachable from the dictionary: member and
// block defaults, pattern codes and noun codes.
func (v *Verbs) Codes(fn func(code string)) {
	for _, b := range v.blocks {
		c, pair, _ := splitCode(b.code)
		fn(c)
		if pair != "" {
			fn(pair)
		}
		for _, p := range b.patterns {
			fn(p.code)
			if p.pair != "" {
				fn(p.pair)
			}
		}
	}
	for _, fs := range v.forms {
		for _, f := range fs {
			if f.m.code != "" {
				c, pair, _ := splitCode(f.m.code)
				fn(c)
				if pair != "" {
					fn(pair)
				}
			}
		}
	}
	for _, ns := range v.nouns {
		for _, n := range ns {
			fn(n.code)
		}
	}
}

// Match finds the code for a verb occurrence. verb is the verb's surface
// form (lowercase); before are the lowercased words preceding it in its
// clause, nearest first; after the words following it. Multiword verbs
// ("ask for", "carry out", "set fire to", "wire tap") are tried first, using
// the neighbouring words. Patterns are tried most specific first, then the
// verb's default code. ok is false when the verb is unknown or its code is
// "---" (no event).
func (v *Verbs) Match(verb string, before, after []string) (VerbMatch, bool) {
	cands := v.forms[verb]
	// Candidates are stored best-first: longest multiword first, explicit
	// before generated forms.
	for i := range cands {
		f := &cands[i]
		if len(f.pre) > len(before) || len(f.post) > len(after) {
			continue
		}
		if !hasPrefix(before, f.pre) || !hasPrefix(after, f.post) {
			continue
		}
		// Patterns see the whole clause, particles included, so that
		// "asked for financial aid" still meets "* (for {financial aid})".
		m, ok, final := f.m.block.match(before, after)
		if final {
			if !ok {
				return VerbMatch{}, false
			}
			m.Lemma = f.m.lemma
			m.Words = max(m.Words, len(f.post))
			m.Before = max(m.Before, len(f.pre))
			return m, true
		}
		code := f.m.code
		if code == "" {
			code = f.m.block.code
		}
		if code != nullCode && code != "" {
			c, pair, rev := splitCode(code)
			return VerbMatch{Code: c, Pair: pair, Reversed: rev, Lemma: f.m.lemma, Source: f.m.src, Words: len(f.post), Before: len(f.pre)}, true
		}
		// An uncoded light verb takes the code of the event noun it
		// governs: "carried out airstrikes", "staged a sit-in".
		if isLightVerb(f.m.lemma) {
			for k := len(f.post); k < len(after) && k <= len(f.post)+topGap; k++ {
				if m, ok := v.MatchNoun(after[k:]); ok {
					m.Lemma = f.m.lemma
					m.Pattern = "* " + m.Pattern
					m.Words += k
					m.Before = len(f.pre)
					return m, true
				}
			}
		}
		// else try a shorter form of the verb
	}
	return VerbMatch{}, false
}

const nullCode = "---"

// match tries the block's patterns; final reports whether a pattern
// matched (ok is then false for a null-coded pattern).
func (b *block) match(before, after []string) (m VerbMatch, ok, final bool) {
	var buf [64]int32
	cands := append(buf[:0], b.always...)
	for _, ws := range [2][]string{before, after} {
		for _, w := range ws {
			cands = append(cands, b.byWord[w]...)
		}
	}
	if len(cands) == 0 {
		return VerbMatch{}, false, false
	}
	slices.Sort(cands)
	// The most specific pattern wins; among equally specific ones, the
	// one whose words lie nearest the verb ("held Somalia responsible for
	// the strike": "* responsible", not "* strike"), then the later
	// definition (patterns are sorted so).
	best, bestDist := -1, 0
	var bestM VerbMatch
	last := int32(-1)
	for _, ci := range cands {
		if ci == last {
			continue
		}
		last = ci
		p := b.patterns[ci]
		if best >= 0 && p.spec < b.patterns[best].spec {
			break
		}
		var st matchState
		end, hit := matchElems(p.after, after, 0, &st, 1)
		if !hit {
			continue
		}
		bend, hit := matchElems(p.before, before, 0, &st, -1)
		if !hit || best >= 0 && end+bend >= bestDist {
			continue
		}
		best, bestDist = int(ci), end+bend
		bestM = VerbMatch{Code: p.code, Pair: p.pair, Reversed: p.rev, Pattern: p.text, Source: p.src,
			Words: end, Before: bend, SourceAt: st.src, TargetAt: st.tgt}
	}
	if best < 0 {
		return VerbMatch{}, false, false
	}
	if b.patterns[best].code == nullCode {
		return VerbMatch{}, false, true
	}
	return bestM, true, true
}

type matchState struct{ src, tgt int }

// matchElems matches els against words from pos on, letting each element
// skip up to its gap. sign is +1 for after-words, -1 for before-words (for
// marker positions). It returns the index just past the last matched word.
func matchElems(els []elem, words []string, pos int, st *matchState, sign int) (int, bool) {
	if len(els) == 0 {
		return pos, true
	}
	e := &els[0]
	maxStart := pos + int(e.gap)
	if maxStart > len(words)-1 {
		maxStart = len(words) - 1
	}
	for start := pos; start <= maxStart; start++ {
		if e.alts == nil {
			// Markers are zero-width but need a word for the actor.
			at := sign * (start + 1)
			saved := *st
			switch e.marker {
			case '$':
				st.src = at
			case '+':
				st.tgt = at
			case '%':
				st.src, st.tgt = at, at
			}
			if end, ok := matchElems(els[1:], words, start, st, sign); ok {
				if end < start+1 {
					end = start + 1
				}
				return end, true
			}
			*st = saved
			continue
		}
		for _, alt := range e.alts {
			if start+len(alt) > len(words) || !hasPrefix(words[start:], alt) {
				continue
			}
			if end, ok := matchElems(els[1:], words, start+len(alt), st, sign); ok {
				return end, true
			}
		}
	}
	return 0, false
}

// secondKey returns a nonzero hash (FNV-1a) of words[1], or 0 for fewer
// than two words. Two phrases whose second words have different keys
// cannot both be prefixes of the same words, so a matcher can skip a
// phrase on the key alone; equal keys still need the words compared.
func secondKey(words []string) uint32 {
	if len(words) < 2 {
		return 0
	}
	h := uint32(2166136261)
	for i := 0; i < len(words[1]); i++ {
		h = (h ^ uint32(words[1][i])) * 16777619
	}
	return h | 1
}

func hasPrefix(words, prefix []string) bool {
	if len(prefix) > len(words) {
		return false
	}
	for i, w := range prefix {
		if words[i] != w {
			return false
		}
	}
	return true
}

// splitCode splits "042:043" into code and pair, and ":173" into a
// reversed code.
func splitCode(s string) (code, pair string, rev bool) {
	c, p, ok := strings.Cut(s, ":")
	if !ok {
		return s, "", false
	}
	if c == "" {
		return p, "", true
	}
	if p == c {
		// [062:062]: symmetric event, both directions carry the same code.
		return c, p, false
	}
	return c, p, false
}

// NounEvent gives the CAMEO code of a nominal event trigger ("attack",
// "airstrikes", "talks", "sanctions"). noun is lowercase; a multiword noun
// is given with single spaces ("air strike").
func (v *Verbs) NounEvent(noun string) (VerbMatch, bool) {
	first, _, _ := strings.Cut(noun, " ")
	for _, e := range v.nouns[first] {
		if len(e.words) == 1 && noun == first || len(e.words) > 1 && joinedEq(e.words, noun) {
			return v.nounMatch(e)
		}
	}
	return VerbMatch{}, false
}

// MatchNoun finds the longest nominal event trigger starting at words[0].
// Words in the result is the number of words it covers.
func (v *Verbs) MatchNoun(words []string) (VerbMatch, bool) {
	if len(words) == 0 {
		return VerbMatch{}, false
	}
	for _, e := range v.nouns[words[0]] {
		if hasPrefix(words, e.words) {
			return v.nounMatch(e)
		}
	}
	return VerbMatch{}, false
}

func (v *Verbs) nounMatch(e nounEntry) (VerbMatch, bool) {
	if e.code == nullCode || e.code == "" {
		return VerbMatch{}, false
	}
	c, pair, rev := splitCode(e.code)
	return VerbMatch{Code: c, Pair: pair, Reversed: rev, Lemma: e.lemma, Pattern: e.lemma, Source: e.src, Words: len(e.words)}, true
}

// joinedEq reports whether words joined by single spaces equal s, without
// allocating.
func joinedEq(words []string, s string) bool {
	for i, w := range words {
		if i > 0 {
			if len(s) == 0 || s[0] != ' ' {
				return false
			}
			s = s[1:]
		}
		if !strings.HasPrefix(s, w) {
			return false
		}
		s = s[len(w):]
	}
	return s == ""
}

// ---- building ----

// rawSet, rawMember, rawPattern and rawBlock are the parsed, uncompiled
// form of a verb file, shared by the sitrep and PETRARCH readers and the
// generator.
type rawSet struct {
	name    string
	members [][]string
	src     string
}

type rawMember struct {
	words   []string // lowercase words of the verb phrase
	verb    int      // index of the inflected word
	forms   []string // explicit surface forms of the verb word; nil = regular
	noForms bool     // explicit empty form list: only the base form
	code    string
	src     string
}

type rawPattern struct {
	text string // pattern text, "before * after"
	code string
	src  string
	verb string // PETRARCH comment: the verb the pattern was written for
}

type rawBlock struct {
	name     string
	code     string
	members  []rawMember
	patterns []rawPattern
	src      string
}

type rawNoun struct {
	forms [][]string
	code  string
	src   string
}

type rawVerbs struct {
	sets   []rawSet
	blocks []*rawBlock
	nouns  []rawNoun
}

// add compiles a parsed verb file into v; later definitions override
// earlier ones. Problems are reported through warn and the item skipped.
func (v *Verbs) add(r *rawVerbs, sets map[string][][]string, warn warnFunc) {
	for _, rb := range r.blocks {
		b := v.blocks[rb.name]
		if b == nil {
			b = &block{name: rb.name, code: rb.code, byText: map[string]int{}}
			v.blocks[rb.name] = b
		} else if rb.code != "" {
			b.code = rb.code
		}
		if b.code == "" {
			b.code = nullCode
		}
		for _, rp := range rb.patterns {
			p, err := compilePattern(rp.text, sets)
			if err != nil {
				warn(rp.src, err)
				continue
			}
			p.src = rp.src
			p.code, p.pair, p.rev = splitCode(rp.code)
			v.seq++
			p.order = v.seq
			if i, ok := b.byText[p.text]; ok {
				b.patterns[i] = p // later definition wins
				continue
			}
			b.byText[p.text] = len(b.patterns)
			b.patterns = append(b.patterns, p)
		}
		sortPatterns(b)
		for _, rm := range rb.members {
			v.addMember(b, rm)
		}
	}
	for _, n := range r.nouns {
		lemma := strings.Join(n.forms[0], " ")
		for _, f := range n.forms {
			v.seq++
			v.addNoun(nounEntry{words: f, code: n.code, lemma: lemma, src: n.src, seq: v.seq})
		}
	}
}

func sortPatterns(b *block) {
	slices.SortStableFunc(b.patterns, func(pi, pj *pattern) int {
		if c := cmp.Compare(pj.spec, pi.spec); c != 0 {
			return c
		}
		return cmp.Compare(pj.order, pi.order) // later definitions win ties
	})
	b.byWord = map[string][]int32{}
	b.always = b.always[:0]
	for i, p := range b.patterns {
		b.byText[p.text] = i
		keys := firstLiteral(p.after)
		if keys == nil {
			keys = firstLiteral(p.before)
		}
		if keys == nil {
			b.always = append(b.always, int32(i))
			continue
		}
		for _, alt := range keys {
			l := b.byWord[alt[0]]
			if len(l) == 0 || l[len(l)-1] != int32(i) {
				b.byWord[alt[0]] = append(l, int32(i))
			}
		}
	}
}

// firstLiteral returns the alternatives of the first literal element of
// els, or nil if it has none (or an empty alternative, which matches
// anything).
func firstLiteral(els []elem) [][]string {
	for _, e := range els {
		if e.alts == nil {
			continue
		}
		for _, alt := range e.alts {
			if len(alt) == 0 {
				return nil
			}
		}
		return e.alts
	}
	return nil
}

func (v *Verbs) addMember(b *block, rm rawMember) {
	if len(rm.words) == 0 || rm.verb < 0 || rm.verb >= len(rm.words) {
		return
	}
	m := &member{lemma: strings.Join(rm.words, " "), code: rm.code, block: b, src: rm.src}
	pre := make([]string, rm.verb)
	for i := 0; i < rm.verb; i++ {
		pre[i] = rm.words[rm.verb-1-i]
	}
	post := rm.words[rm.verb+1:]
	base := rm.words[rm.verb]
	explicit := append([]string{base}, rm.forms...)
	for _, f := range explicit {
		v.putForm(f, verbForm{pre: pre, post: post, m: m})
	}
	if rm.forms == nil && !rm.noForms {
		for _, f := range verbForms(base)[1:] {
			v.putForm(f, verbForm{pre: pre, post: post, m: m, gen: true})
		}
	}
}

// putForm inserts f under surface form w, replacing an entry with the same
// context and priority (later wins) and keeping the list best-first.
func (v *Verbs) putForm(w string, f verbForm) {
	v.seq++
	f.seq = v.seq
	list := v.forms[w]
	for i := range list {
		o := &list[i]
		if o.gen == f.gen && slicesEq(o.pre, f.pre) && slicesEq(o.post, f.post) {
			*o = f
			return
		}
		if !f.gen && o.gen && slicesEq(o.pre, f.pre) && slicesEq(o.post, f.post) {
			// An explicit form beats a generated one of another verb.
			*o = f
			return
		}
		if f.gen && !o.gen && slicesEq(o.pre, f.pre) && slicesEq(o.post, f.post) {
			return
		}
	}
	// Not insertSorted: an explicit form replacing a generated one above
	// can leave the list out of order until this sort.
	list = append(list, f)
	slices.SortStableFunc(list, func(a, b verbForm) int {
		if c := cmp.Compare(len(b.pre)+len(b.post), len(a.pre)+len(a.post)); c != 0 {
			return c
		}
		if a.gen != b.gen {
			if !a.gen {
				return -1
			}
			return 1
		}
		return cmp.Compare(b.seq, a.seq)
	})
	v.forms[w] = list
}

func (v *Verbs) addNoun(e nounEntry) {
	if len(e.words) == 0 {
		return
	}
	list := v.nouns[e.words[0]]
	for i := range list {
		if slicesEq(list[i].words, e.words) {
			list[i] = e
			return
		}
	}
	v.nouns[e.words[0]] = insertSorted(list, e, func(a, b nounEntry) int { return cmp.Compare(len(b.words), len(a.words)) })
}

// insertSorted inserts v into list, which is sorted by cmp, after the
// elements that do not sort after it: what appending v and sorting
// stably gives, without sorting the whole list again at each insertion.
func insertSorted[T any](list []T, v T, cmp func(a, b T) int) []T {
	i := len(list)
	for i > 0 && cmp(v, list[i-1]) < 0 {
		i--
	}
	return slices.Insert(list, i, v)
}

func slicesEq(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// ---- pattern compilation ----

type ptok struct {
	s      string // word, or one of ( ) { } * $ + % ^
	joined bool   // preceded by "_" rather than a blank
}

func tokenizePattern(s string) []ptok {
	var toks []ptok
	joined := false
	start := -1
	flush := func(i int) {
		if start >= 0 {
			toks = append(toks, ptok{s: s[start:i], joined: joined})
			joined = false
			start = -1
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case ' ', '\t':
			flush(i)
			joined = false
		case '_':
			flush(i)
			joined = true
		case '(', ')', '{', '}', '*':
			flush(i)
			toks = append(toks, ptok{s: s[i : i+1], joined: joined})
			joined = false
		default:
			if start < 0 {
				start = i
			}
		}
	}
	flush(len(s))
	return toks
}

// compilePattern compiles a pattern such as "* (for {financial aid})" or
// "$ * (to +)" against the synsets.
func compilePattern(text string, sets map[string][][]string) (*pattern, error) {
	toks := tokenizePattern(strings.ToLower(text))
	star := -1
	for i, t := range toks {
		if t.s == "*" {
			if star >= 0 {
				return nil, fmt.Errorf("pattern %q: more than one *", text)
			}
			star = i
		}
	}
	if star < 0 {
		return nil, fmt.Errorf("pattern %q: no * for the verb", text)
	}
	beforeEls, beforeGaps, err := compileSide(toks[:star], sets, text)
	if err != nil {
		return nil, err
	}
	afterEls, _, err := compileSide(toks[star+1:], sets, text)
	if err != nil {
		return nil, err
	}
	// After side: the first element's gap is relative to the verb.
	if len(afterEls) > 0 && star+1 < len(toks) && firstWordJoined(toks[star+1:]) {
		afterEls[0].gap = 0
	}
	// Before side: reverse to nearest-first. gaps[i] is the gap between
	// element i-1 and i in text order; the nearest element's gap comes from
	// whether "*" was joined ("in_*").
	n := len(beforeEls)
	rev := make([]elem, n)
	for j := 0; j < n; j++ {
		e := beforeEls[n-1-j]
		alts := make([][]string, len(e.alts))
		for k, a := range e.alts {
			r := make([]string, len(a))
			for x := range a {
				r[x] = a[len(a)-1-x]
			}
			alts[k] = r
		}
		if e.alts == nil {
			alts = nil
		}
		e.alts = alts
		if j == 0 {
			e.gap = topGap
			if toks[star].joined {
				e.gap = 0
			}
		} else {
			e.gap = beforeGaps[n-j]
		}
		rev[j] = e
	}
	p := &pattern{before: rev, after: afterEls, text: normalizePattern(toks)}
	for _, e := range rev {
		p.spec += elemSpec(e)
	}
	for _, e := range afterEls {
		p.spec += elemSpec(e)
	}
	return p, nil
}

func firstWordJoined(toks []ptok) bool {
	for _, t := range toks {
		if t.s == "(" || t.s == "{" {
			if t.joined {
				return true
			}
			continue
		}
		return t.joined
	}
	return false
}

// elemSpec scores how specific an element is: literal words count double,
// adjacency ("_" joins) adds one.
func elemSpec(e elem) int {
	if e.alts == nil {
		return 1
	}
	adj := 0
	if e.gap == 0 {
		adj = 1
	}
	min := 0
	for i, a := range e.alts {
		if i == 0 || len(a) < min {
			min = len(a)
		}
	}
	return 2*min + adj
}

// compileSide turns one side of a pattern into elements (text order). gaps
// holds, per element, its gap to the previous element.
func compileSide(toks []ptok, sets map[string][][]string, text string) ([]elem, []int8, error) {
	var els []elem
	var gaps []int8
	depth := 0
	firstInGroup := false
	for _, t := range toks {
		switch t.s {
		case "(", "{":
			depth++
			firstInGroup = true
			continue
		case ")", "}":
			if depth > 0 {
				depth--
			}
			continue
		}
		var g int8 = topGap
		switch {
		case t.joined:
			g = 0
		case depth > 0 && !firstInGroup:
			g = groupGap
		}
		firstInGroup = false
		var e elem
		switch {
		case t.s == "$" || t.s == "+" || t.s == "%" || t.s == "^":
			e.marker = t.s[0]
		case t.s[0] == '&':
			name := strings.TrimSuffix(t.s[1:], "_")
			alts, ok := sets[name]
			if !ok {
				return nil, nil, fmt.Errorf("pattern %q: undefined synset &%s", text, strings.ToUpper(name))
			}
			e.alts = alts
		default:
			e.alts = [][]string{{t.s}}
		}
		e.gap = g
		els = append(els, e)
		gaps = append(gaps, g)
	}
	return els, gaps, nil
}

// normalizePattern renders tokens back to canonical text: lowercase, single
// blanks, "_" for joins.
func normalizePattern(toks []ptok) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			if t.joined {
				b.WriteByte('_')
			} else if t.s != ")" && t.s != "}" && toks[i-1].s != "(" && toks[i-1].s != "{" {
				b.WriteByte(' ')
			}
		}
		b.WriteString(t.s)
	}
	return b.String()
}
