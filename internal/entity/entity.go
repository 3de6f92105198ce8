package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"

	sitrep "github.com/sitrep-project/sitrep"
)

// Recognizer finds and links named entities. It is immutable after New and
// safe for concurrent use.
type Recognizer struct {
	lex Lexicon
	k   *knowledge
}

// New returns a Recognizer using lex for places and demonyms beyond the
// built-in lists; lex may be nil.
func New(lex Lexicon) *Recognizer {
	return &Recognizer{lex: lex, k: newKnowledge()}
}

// mention is an entity mention before linking.
type mention struct {
	start, end int // byte span
	ntok       int
	typ        sitrep.EntityType
	strong     bool // typed from knowledge or cues, not a default guess
	fixed      bool // typed from its context: evidence elsewhere does not change it
	tentative  bool // kept only if the article names a person so
	headline   bool
	title      string
	name       string // name override ("Iran" for "Iran-backed")
}

// state is the per-call scratch space of Recognize.
type state struct {
	r         *Recognizer
	k         *knowledge
	text      string
	buf, buf2 []byte
	capsSeen  set  // capitalised tokens seen inside mixed-case sentences
	lowerSeen set  // lower-case words seen anywhere
	sports    bool // the article reports on a team sport
	ments     []mention
}

// Recognize returns the PERSON, ORG, GPE, LOC and NORP mentions of the doc
// in text order, with Name (fullest name in the article, without titles)
// and Ref (same Ref = same entity).
func (r *Recognizer) Recognize(doc *sitrep.Doc) []sitrep.Entity {
	if doc == nil || doc.Article == nil || len(doc.Sentences) == 0 {
		return nil
	}
	st := &state{
		r:         r,
		k:         r.k,
		text:      doc.Article.Text,
		buf:       make([]byte, 0, 64),
		buf2:      make([]byte, 0, 64),
		capsSeen:  make(set, 64),
		lowerSeen: make(set, 256),
	}
	st.collectEvidence(doc)
	st.sports = st.detectSports(doc)
	for si := range doc.Sentences {
		st.sentence(doc.Sentences[si].Tokens)
	}
	if len(st.ments) == 0 {
		return nil
	}
	st.resolve()
	if len(st.ments) == 0 {
		return nil
	}
	return st.link()
}

// tokText returns the token's text, read from the article when it is in
// range so that spans and text always agree.
func (st *state) tokOK(t sitrep.Token) bool {
	return t.Start >= 0 && t.End <= len(st.text) && t.Start <= t.End
}

func (st *state) low(s string) []byte {
	st.buf = lowerInto(st.buf, s)
	return st.buf
}

func (st *state) collectEvidence(doc *sitrep.Doc) {
	for si := range doc.Sentences {
		toks := doc.Sentences[si].Tokens
		head := isHeadline(toks)
		for i, t := range toks {
			if t.Text == "" {
				continue
			}
			r, _ := utf8.DecodeRuneInString(t.Text)
			switch {
			case unicode.IsLower(r):
				st.lowerSeen[t.Text] = struct{}{}
			case unicode.IsUpper(r) && !head && !isInitial(toks, i):
				st.capsSeen[t.Text] = struct{}{}
			}
		}
	}
}

// isHeadline reports whether the sentence is written in capitals, so that
// capitalisation says nothing about names.
func isHeadline(toks []sitrep.Token) bool {
	words, upper := 0, 0
	for _, t := range toks {
		hasLetter, hasLower := false, false
		for _, r := range t.Text {
			if unicode.IsLetter(r) {
				hasLetter = true
				if unicode.IsLower(r) {
					hasLower = true
				}
			}
		}
		if !hasLetter {
			continue
		}
		words++
		if !hasLower {
			upper++
		}
	}
	return words > 0 && upper*10 >= words*8 && (words > 1 || upper == 1)
}

// isInitial reports whether token i starts a sentence or a quotation, where
// any word is capitalised.
func isInitial(toks []sitrep.Token, i int) bool {
	if i == 0 {
		return true
	}
	switch toks[i-1].Text {
	case "\"", "“", "‘", "'", "(", "[", "-", "--", "—", "–", ":", "``", "`", "•", "*":
		return true
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

var particlePrefixes = [...]string{"al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "an-", "az-", "ud-", "ul-", "bin-", "ibn-", "abu-", "bu-", "d'", "l'"}

// isCapLike reports whether s looks like part of a name: capitalised, or an
// Arabic or Romance particle glued to a capitalised word ("al-Sadr").
func isCapLike(s string) bool {
	r := firstRune(s)
	if unicode.IsUpper(r) {
		return true
	}
	if !unicode.IsLower(r) {
		return false
	}
	for _, p := range particlePrefixes {
		if len(s) > len(p) && strings.HasPrefix(s, p) {
			return unicode.IsUpper(firstRune(s[len(p):]))
		}
	}
	return false
}

func isUpperWord(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

func isTagNNP(tag string) bool { return tag == "NNP" || tag == "NNPS" }

// known reports whether the lower-cased word is in any built-in list.
func (st *state) known(low []byte, asWritten string) bool {
	k := st.k
	if _, ok := k.places[string(low)]; ok {
		return true
	}
	if _, ok := k.demonyms[string(low)]; ok {
		return true
	}
	if _, ok := k.orgs[string(low)]; ok {
		return true
	}
	if k.first.has(asWritten) {
		return true
	}
	if st.r.lex != nil && st.r.lex.Demonym(asWritten) {
		return true
	}
	return false
}

func (st *state) isFirstName(s string, headline bool) bool {
	if headline {
		st.buf2 = titleInto(st.buf2, s)
		_, ok := st.k.first[string(st.buf2)]
		return ok
	}
	return st.k.first.has(s)
}

// startCand reports whether token i can start a name.
func (st *state) startCand(toks []sitrep.Token, i int, headline bool) bool {
	t := toks[i].Text
	if t == "" {
		return false
	}
	if headline {
		return st.headCand(t) && !oddName(t)
	}
	if !isCapLike(t) || oddName(t) || st.hyphenNotName(t) {
		return false
	}
	if isDateline(toks) {
		return !st.k.notNames.has(string(st.low(t)))
	}
	// A title starts a run even sentence-initially ("Mr Trump", "Secretary of State X").
	if m := st.matchTitle(toks, i, len(toks)); m > i && m < len(toks) && isCapLike(toks[m].Text) {
		return true
	}
	low := st.low(t)
	if st.k.notNames.has(string(low)) || sportNames.has(string(low)) {
		return false
	}
	if !isInitial(toks, i) {
		return true
	}
	if st.known(low, t) || st.capsSeen.has(t) {
		return true
	}
	if st.lowerSeen.has(string(low)) {
		return false
	}
	// An unknown sentence-initial word needs a capitalised neighbour (and
	// a proper-noun tag when there is one): "Smoke rises" is no name.
	if tableStart(toks, i) {
		return true
	}
	if i+2 < len(toks) && toks[i+1].Text == "&" && isCapLike(toks[i+2].Text) {
		return true // "Dorran & Pike said"
	}
	if strings.IndexByte(t, '&') > 0 {
		return true // "S&P said"
	}
	if i > 0 && toks[i-1].Text == "(" && i+1 < len(toks) && toks[i+1].Text == ")" {
		return true // an abbreviation in brackets: "( NFU )"
	}
	if i+1 >= len(toks) || !isCapLike(toks[i+1].Text) {
		return false
	}
	// The tagger often misreads a foreign given name; a proper noun after
	// it is evidence enough ("Yevgeny Kafelnikov").
	return toks[i].Tag == "" || isTagNNP(toks[i].Tag) || isTagNNP(toks[i+1].Tag) && !st.k.notNames.has(string(st.low(toks[i+1].Text))) && !inflected(t)
}

// headCand decides for a word of an all-caps sentence: only words known
// from the lists or seen capitalised elsewhere in the article qualify.
func (st *state) headCand(t string) bool {
	if !unicode.IsLetter(firstRune(t)) {
		return false
	}
	low := st.low(t)
	if st.k.notNames.has(string(low)) || sportNames.has(string(low)) {
		return false
	}
	// Given names are not enough here: "LUCKY WIN" is no person.
	if _, ok := st.k.places[string(low)]; ok {
		return true
	}
	if _, ok := st.k.demonyms[string(low)]; ok {
		return true
	}
	if _, ok := st.k.orgs[string(low)]; ok {
		return true
	}
	st.buf2 = titleInto(st.buf2, t)
	return st.capsSeen.has(string(st.buf2)) || st.capsSeen.has(t)
}

func (st *state) midCand(toks []sitrep.Token, j int, headline bool) bool {
	t := toks[j].Text
	if t == "" {
		return false
	}
	if headline {
		return st.headCand(t)
	}
	if !isCapLike(t) || st.hyphenNotName(t) {
		return false
	}
	return !st.k.notNames.has(string(st.low(t)))
}

// inflected reports whether a word has an English inflection that names
// rarely have ("Trailing", "Exiled", "Reportedly", "Advisors").
func inflected(t string) bool {
	if len(t) < 6 {
		return false
	}
	return strings.HasSuffix(t, "ing") || strings.HasSuffix(t, "ed") || strings.HasSuffix(t, "ly") || strings.HasSuffix(t, "ors") || strings.HasSuffix(t, "ers")
}

// titleWord reports whether the lower-cased word is a title on its own
// ("director", "queen").
func (st *state) titleWord(low string) bool {
	for _, words := range st.k.titles[low] {
		if len(words) == 1 {
			return true
		}
	}
	return false
}

// oddName reports whether t holds a character no name has: currencies
// and ratings ("C$", "HK$", "BBB+").
func oddName(t string) bool {
	for i := 0; i < len(t); i++ {
		if t[i] == '$' || t[i] == '+' {
			return true
		}
	}
	return false
}

// hyphenNotName reports whether a hyphenated word starts with a word that
// is no name: "Jan-April", "Twenty-two".
func (st *state) hyphenNotName(t string) bool {
	h := strings.IndexByte(t, '-')
	return h > 0 && st.k.notNames.has(string(st.low(t[:h])))
}

var connectorParticles = set{"al": {}, "bin": {}, "ibn": {}, "bint": {}, "abu": {}, "de": {}, "da": {}, "del": {}, "della": {}, "di": {}, "du": {}, "dos": {}, "das": {}, "van": {}, "von": {}, "der": {}, "den": {}, "la": {}, "le": {}, "el": {}, "ben": {}, "y": {}}

// extend returns the end of the name run starting at i.
func (st *state) extend(toks []sitrep.Token, i int, headline bool) int {
	j := i + 1
	for j < len(toks) {
		if st.isCompound(toks[j].Text) {
			break
		}
		if st.midCand(toks, j, headline) {
			j++
			continue
		}
		t := toks[j].Text
		// "Gen" "." when the tokenizer splits abbreviation periods.
		if t == "." && toks[j].Start == toks[j-1].End && len(toks[j-1].Text) <= 4 && j+1 < len(toks) && st.midCand(toks, j+1, headline) {
			j++
			continue
		}
		if j+1 >= len(toks) {
			break
		}
		lt := string(st.low(t)) // a copy: the checks below reuse st.buf
		switch {
		case t == "&":
			if st.midCand(toks, j+1, headline) {
				j += 2
				continue
			}
		case lt == "of" && st.ofHead(toks[j-1].Text),
			!headline && lt == "for" && st.orgSoFar(toks, i, j):
			// "Ministry of Defence", "Organisation for Security",
			// "Committee for the Protection".
			if st.midCand(toks, j+1, headline) {
				j += 2
				continue
			}
			if j+2 < len(toks) && strings.EqualFold(toks[j+1].Text, "the") && st.midCand(toks, j+2, headline) {
				j += 3
				continue
			}
		case !headline && lt == "and":
			// "Securities and Exchange Commission", "Organisation for
			// Security and Cooperation": the words after "and" end in an
			// organisation's head, or continue one after "for"/"of".
			if e := st.andJoin(toks, i, j); e > j {
				j = e
				continue
			}
		case !headline && connectorParticles.has(t):
			if st.midCand(toks, j+1, headline) {
				j += 2
				continue
			}
			// "van der Westhuizen", "de la Fuente".
			if j+2 < len(toks) && connectorParticles.has(toks[j+1].Text) && st.midCand(toks, j+2, headline) {
				j += 3
				continue
			}
		}
		break
	}
	return j
}

// orgSoFar reports whether the run [i,j) has an organisation's head word.
func (st *state) orgSoFar(toks []sitrep.Token, i, j int) bool {
	for p := i; p < j; p++ {
		if st.k.orgCues.has(string(st.low(toks[p].Text))) {
			return true
		}
	}
	return false
}

// andJoin returns the end of the run [i,j) extended over "and" at j and
// the capitalised words after it when they make one organisation's name
// with the words before, or j when they do not.
func (st *state) andJoin(toks []sitrep.Token, i, j int) int {
	e := j + 1
	for e < len(toks) && e-j <= 4 && st.midCand(toks, e, false) {
		e++
	}
	if e == j+1 {
		return j
	}
	connected := false // "for" or "of" inside an organisation's name before "and"
	for p := i + 1; p < j; p++ {
		if l := st.low(toks[p].Text); string(l) == "for" || string(l) == "of" {
			connected = st.orgSoFar(toks, i, p)
		}
	}
	lastCue := st.k.orgCues.has(string(st.low(toks[e-1].Text)))
	switch {
	case connected && !st.orgSoFar(toks, j+1, e) && !st.wholeKnown(toks, j+1, e):
		return e
	case lastCue && j-i <= 2 && !st.wholeKnown(toks, i, j) && (j-i == 2 || !st.isDemonym(toks[i].Text)) && !st.k.first.has(toks[i].Text):
		return e
	}
	return j
}

var ofHeads = set{"united": {}, "people's": {}, "house": {}, "chiefs": {}, "friends": {}, "sons": {}, "daughters": {}, "order": {}, "city": {}, "isle": {}, "cape": {}, "duke": {}, "prince": {}, "princess": {}, "king": {}, "queen": {}, "bank": {}, "ministry": {}, "department": {}, "secretary": {}, "minister": {}, "university": {}, "republic": {}, "kingdom": {}, "gulf": {}, "bay": {}, "sea": {}, "strait": {}, "straits": {}, "council": {}, "board": {}, "chamber": {}, "commission": {}, "institute": {}, "school": {}, "college": {}, "church": {}, "federation": {}, "union": {}, "league": {}, "association": {}, "organization": {}, "organisation": {}, "office": {}, "bureau": {}, "society": {}, "academy": {}, "museum": {}, "party": {}, "army": {}, "province": {}, "state": {}, "states": {}, "court": {}, "mount": {}, "lake": {}, "islands": {}, "chief": {}, "speaker": {}, "governor": {}, "emirate": {}, "sultanate": {}, "commonwealth": {}, "statue": {}, "bishop": {}, "archbishop": {}, "minister-president": {}, "horn": {}, "coast": {}, "gate": {}, "tower": {}, "palace": {}}

func (st *state) ofHead(word string) bool {
	low := st.low(strings.TrimSuffix(word, "."))
	if firmWords.has(string(low)) {
		return false // "Sterling Software of Dallas": "of" gives the seat
	}
	return ofHeads.has(string(low)) || st.k.orgCues.has(string(low)) || st.k.locCues.has(string(low)) || st.k.gpeCues.has(string(low))
}

// firmWords end company names; an "of" after them gives the firm's seat,
// not more of its name.
var firmWords = set{"inc": {}, "corp": {}, "ltd": {}, "co": {}, "cos": {}, "plc": {}, "llc": {}, "ag": {}, "sa": {}, "nv": {}, "gmbh": {}, "ab": {}, "asa": {}, "spa": {}, "bv": {}, "bhd": {}, "berhad": {}, "oyj": {}, "holdings": {}, "industries": {}, "motors": {}, "systems": {}, "technologies": {}, "products": {}, "sciences": {}, "cables": {}, "enterprises": {}, "associates": {}, "solutions": {}, "networks": {}, "mills": {}, "brands": {}, "materials": {}, "instruments": {}, "devices": {}, "healthcare": {}, "software": {}, "electronics": {}, "pharmaceuticals": {}, "brothers": {}, "funds": {}, "shipping": {}, "bancorp": {}, "bancshares": {}, "securities": {}, "investments": {}, "partners": {}, "stores": {}, "foods": {}}

var modSuffixes = set{"backed": {}, "led": {}, "allied": {}, "aligned": {}, "funded": {}, "supported": {}, "sponsored": {}, "controlled": {}, "held": {}, "run": {}, "owned": {}, "based": {}, "born": {}, "made": {}, "brokered": {}, "dominated": {}, "linked": {}, "affiliated": {}, "friendly": {}, "inspired": {}, "trained": {}, "armed": {}, "occupied": {}, "leaning": {}, "oriented": {}, "registered": {}, "flagged": {}}

// sentence finds the mentions of one sentence.
func (st *state) sentence(toks []sitrep.Token) {
	for i := range toks {
		if !st.tokOK(toks[i]) {
			return // inconsistent token spans: skip the sentence rather than misreport
		}
	}
	headline := isHeadline(toks)
	if headline && isDateline(toks) {
		headline = false // "CONAKRY 1996-08-22": capitals say nothing, the form does
	}
	for i := 0; i < len(toks); {
		if st.compound(toks[i]) {
			i++
			continue
		}
		if headline {
			// "NEW YORK 72 53": a known multi-word place in capitals.
			if m := st.placeRun(toks, i); m > i+1 {
				st.run(toks, i, m, headline)
				i = m
				continue
			}
		}
		if !st.startCand(toks, i, headline) {
			i++
			continue
		}
		j := st.extend(toks, i, headline)
		// "Iran" "-" "backed" when the tokenizer splits hyphens.
		if j+1 < len(toks) && toks[j].Text == "-" && toks[j].Start == toks[j-1].End &&
			toks[j+1].Start == toks[j].End && modSuffixes.has(toks[j+1].Text) {
			st.modifier(toks[i].Start, toks[j-1].End, toks[j+1].End, toks[j+1].Text, j-i)
			i = j + 2
			continue
		}
		st.run(toks, i, j, headline)
		i = j
	}
}

// compound handles hyphenated single tokens: "Iran-backed", "US-led",
// "Baghdad-based", "pro-Iranian", "anti-American".
func (st *state) compound(t sitrep.Token) bool {
	s := t.Text
	d := strings.LastIndexByte(s, '-')
	if d <= 0 || d == len(s)-1 {
		return false
	}
	head, tail := s[:d], s[d+1:]
	if modSuffixes.has(tail) && isCapLike(head) && !strings.HasSuffix(head, "-") {
		st.modifier(t.Start, t.Start+d, t.End, tail, 1)
		return true
	}
	if f := strings.IndexByte(s, '-'); f > 0 {
		pre := strings.ToLower(s[:f])
		rest := s[f+1:]
		if (pre == "pro" || pre == "anti") && isCapLike(rest) {
			st.ments = append(st.ments, mention{start: t.Start, end: t.End, ntok: 1, typ: sitrep.NORP, strong: true, name: rest})
			return true
		}
	}
	return false
}

// isCompound reports whether compound would take the token.
func (st *state) isCompound(s string) bool {
	d := strings.LastIndexByte(s, '-')
	if d <= 0 || d == len(s)-1 {
		return false
	}
	if modSuffixes.has(s[d+1:]) {
		return true
	}
	f := strings.IndexByte(s, '-')
	pre := s[:f]
	return strings.EqualFold(pre, "pro") || strings.EqualFold(pre, "anti")
}

// modifier emits the mention for "<name>-<suffix>" spanning [start,end)
// whose name part ends at headEnd.
func (st *state) modifier(start, headEnd, end int, suffix string, ntok int) {
	head := st.text[start:headEnd]
	if suffix == "based" || suffix == "born" {
		typ := sitrep.GPE
		if _, ok := st.k.orgs[string(st.low(head))]; ok {
			typ = sitrep.Org
		}
		st.ments = append(st.ments, mention{start: start, end: headEnd, ntok: ntok, typ: typ, strong: true})
		return
	}
	st.ments = append(st.ments, mention{start: start, end: end, ntok: ntok, typ: sitrep.NORP, strong: true, name: head})
}

// matchTitle returns the end of the longest title starting at token k and
// ending before j, or k when none does.
func (st *state) matchTitle(toks []sitrep.Token, k, j int) int {
	list, ok := st.k.titles[string(st.low(toks[k].Text))]
	if !ok {
		return k
	}
	for _, words := range list {
		p := k
		ok := true
		for _, w := range words {
			if p >= j {
				ok = false
				break
			}
			tw := st.low(toks[p].Text)
			if string(tw) != w {
				// "Gen" "." split by the tokenizer matches "gen."
				if strings.HasSuffix(w, ".") && string(tw) == w[:len(w)-1] && p+1 < j && toks[p+1].Text == "." {
					p += 2
					continue
				}
				ok = false
				break
			}
			p++
		}
		if ok {
			if p < j && toks[p].Text == "." && toks[p].Start == toks[p-1].End {
				p++
			}
			return p
		}
	}
	return k
}

// personLike reports whether tokens [m,j) can be a person's name.
func (st *state) personLike(toks []sitrep.Token, m, j int) bool {
	if j-m > 5 {
		return false
	}
	for p := m; p < j; p++ {
		l := st.low(strings.TrimSuffix(toks[p].Text, "'s"))
		if st.k.orgCues.has(string(l)) || st.k.locCues.has(string(l)) || st.k.gpeCues.has(string(l)) || string(l) == "of" {
			return false
		}
	}
	l := st.low(st.text[toks[m].Start:toks[j-1].End])
	if _, ok := st.k.places[string(l)]; ok {
		return false
	}
	if _, ok := st.k.orgs[string(l)]; ok {
		return false
	}
	if _, ok := st.k.demonyms[string(l)]; ok {
		return false
	}
	return true
}

// run splits a run of name tokens [i,j) into titles, modifiers and names
// and emits their mentions.
func (st *state) run(toks []sitrep.Token, i, j int, headline bool) {
	k := i
	for k < j {
		for p := k; p < j; p++ {
			m := st.matchTitle(toks, p, j)
			if m == p {
				continue
			}
			if m == j {
				// A trailing title ("the US President") names nobody.
				if p > k && !strings.EqualFold(toks[p-1].Text, "of") && toks[p-1].Text != "&" {
					st.classify(toks, k, p, headline)
					return
				}
				continue
			}
			if !st.personLike(toks, m, j) {
				continue
			}
			if p > k {
				st.classify(toks, k, p, headline)
			}
			title := st.text[toks[p].Start:toks[m-1].End]
			st.emit(toks, m, j, sitrep.Person, true, headline, title)
			return
		}
		// "Bosnian Serb", "Iraqi Kurdish": demonyms in a row are one group.
		if j-k > 1 && j-k <= 3 && st.allDemonyms(toks, k, j) {
			st.emit(toks, k, j, sitrep.NORP, true, headline, "")
			return
		}
		// "Iraqi Hadi al-Amiri": a demonym before a name is a separate NORP
		// (but "Christian Springer" is a given name and a surname).
		if j-k > 1 && st.isDemonym(toks[k].Text) && !st.cueInside(toks, k+1, j) && !st.wholeKnown(toks, k, j) && !(j-k == 2 && st.k.first.has(toks[k].Text)) {
			st.emit(toks, k, k+1, sitrep.NORP, true, headline, "")
			k++
			continue
		}
		st.classify(toks, k, j, headline)
		return
	}
}

func (st *state) allDemonyms(toks []sitrep.Token, a, b int) bool {
	for p := a; p < b; p++ {
		if !st.isDemonym(toks[p].Text) {
			return false
		}
	}
	return true
}

func (st *state) isDemonym(s string) bool {
	if _, ok := st.k.demonyms[string(st.low(s))]; ok {
		return true
	}
	return st.r.lex != nil && st.r.lex.Demonym(s)
}

func (st *state) cueInside(toks []sitrep.Token, a, b int) bool {
	for p := a; p < b; p++ {
		l := st.low(toks[p].Text)
		if st.k.orgCues.has(string(l)) || st.k.locCues.has(string(l)) || st.k.gpeCues.has(string(l)) {
			return true
		}
	}
	return false
}

// wholeKnownPlace reports whether tokens [a,b) are a built-in place.
func (st *state) wholeKnownPlace(toks []sitrep.Token, a, b int) bool {
	if a >= b {
		return false
	}
	_, ok := st.k.places[string(st.low(st.text[toks[a].Start:toks[b-1].End]))]
	return ok
}

func (st *state) wholeKnown(toks []sitrep.Token, a, b int) bool {
	l := st.low(st.text[toks[a].Start:toks[b-1].End])
	if _, ok := st.k.places[string(l)]; ok {
		return true
	}
	_, ok := st.k.orgs[string(l)]
	return ok
}

// placeLookup asks the built-in lists, then the Lexicon.
func (st *state) placeLookup(text string, headline bool) (known bool, kind placeKind) {
	if info, ok := st.k.places[string(st.low(text))]; ok {
		return true, info.kind
	}
	if st.r.lex == nil {
		return false, 0
	}
	q := text
	if headline {
		q = titleWords(text)
	}
	if ok, country := st.r.lex.Place(q); ok {
		if country {
			return true, kindCountry
		}
		return true, kindCity
	}
	return false, 0
}

// titleWords turns "NEW YORK" into "New York" for lexicon look-ups.
func titleWords(s string) string {
	b := []byte(strings.ToLower(s))
	up := true
	for i, c := range b {
		if up && 'a' <= c && c <= 'z' {
			b[i] = c - ('a' - 'A')
		}
		up = c == ' ' || c == '-'
	}
	return string(b)
}

var directions = set{"north": {}, "south": {}, "east": {}, "west": {}, "northern": {}, "southern": {}, "eastern": {}, "western": {}, "central": {}}

var locPrepositions = set{"in": {}, "near": {}, "outside": {}, "across": {}, "throughout": {}, "around": {}, "inside": {}}

var speechVerbs = set{"said": {}, "says": {}, "told": {}, "added": {}, "says:": {}, "wrote": {}, "tweeted": {}, "explained": {}, "warned": {}, "asked": {}, "replied": {}}

// classify types tokens [a,b) and emits the mention.
func (st *state) classify(toks []sitrep.Token, a, b int, headline bool) {
	if a >= b {
		return
	}
	end := toks[b-1].End
	text := st.text[toks[a].Start:end]
	n := b - a
	k := st.k
	emit := func(t sitrep.EntityType, strong bool) { st.emit(toks, a, b, t, strong, headline, "") }

	low := st.low(strings.TrimSuffix(strings.TrimSuffix(text, "'s"), "’s"))
	if _, ok := k.orgs[string(low)]; ok {
		emit(sitrep.Org, true)
		return
	}
	if _, ok := k.demonyms[string(low)]; ok {
		emit(sitrep.NORP, true)
		return
	}
	if isDateline(toks) && !st.cueInside(toks, a, b) && !(n >= 2 && st.isFirstName(toks[a].Text, headline)) {
		// "CONAKRY 1996-08-22", "RICHMOND , Va .": datelines name places.
		st.emitFixed(toks, a, b, sitrep.GPE, headline)
		return
	}
	if known, kind := st.placeLookup(text, headline); known {
		// Only the built-in lists are sure enough to beat a surname.
		_, builtin := k.places[string(st.low(text))]
		if kind == kindCity && st.sports {
			typ := sitrep.GPE
			if st.teamContext(toks, a, b) {
				typ = sitrep.Org
			}
			if !builtin {
				// A gazetteer town may be a surname: evidence may still win.
				emit(typ, false)
				return
			}
			st.emitFixed(toks, a, b, typ, headline)
			return
		}
		if kind == kindRegion {
			emit(sitrep.Loc, builtin)
		} else {
			emit(sitrep.GPE, builtin)
		}
		return
	}
	if n == 1 && st.isDemonym(text) {
		emit(sitrep.NORP, true)
		return
	}
	firstLow := string(st.low(toks[a].Text))
	if n >= 2 && directions.has(firstLow) && st.isDemonym(toks[b-1].Text) {
		emit(sitrep.NORP, true)
		return
	}
	if n == 1 {
		if d := strings.LastIndexByte(text, '-'); d > 0 && st.isDemonym(text[d+1:]) {
			emit(sitrep.NORP, true)
			return
		}
	}
	if n >= 2 && !headline && st.shouting(toks, a, b) {
		return
	}
	// A trailing demonym or common word is not part of a name: "Nasser
	// Iraqi soldiers", "Khalid al-Mousily Protesters and ..." in captions.
	if n >= 2 && !k.orgCues.has(string(st.low(toks[b-1].Text))) {
		last := toks[b-1].Text
		if st.sports && strings.HasSuffix(last, "s") && st.wholeKnownPlace(toks, a, b-1) {
			// "Cleveland Indians", "Texas Rangers": a team.
			emit(sitrep.Org, true)
			return
		}
		if st.isDemonym(last) {
			st.classify(toks, a, b-1, headline)
			st.emit(toks, b-1, b, sitrep.NORP, true, headline, "")
			return
		}
		if !headline && st.lowerSeen.has(string(st.low(last))) && !st.wholeKnown(toks, a, b) && !(n == 2 && st.k.first.has(toks[a].Text)) {
			st.classify(toks, a, b-1, headline)
			return
		}
	}
	// "Gulf of Mexico", "Republic of Iraq", "Ministry of Defence".
	if n >= 3 && strings.EqualFold(toks[a+1].Text, "of") {
		switch {
		case k.locCues.has(firstLow):
			emit(sitrep.Loc, true)
			return
		case k.gpeCues.has(firstLow):
			emit(sitrep.GPE, true)
			return
		case k.orgCues.has(firstLow):
			emit(sitrep.Org, true)
			return
		}
	}
	lastLow := string(st.low(strings.TrimSuffix(toks[b-1].Text, ".")))
	if n >= 2 || !st.k.first.has(text) {
		switch {
		case k.orgCues.has(lastLow) && n >= 2:
			emit(sitrep.Org, true)
			return
		case k.locCues.has(lastLow) && n >= 2:
			emit(sitrep.Loc, true)
			return
		case k.gpeCues.has(lastLow) && n >= 2:
			emit(sitrep.GPE, true)
			return
		}
	}
	if n >= 2 && k.eventCues.has(lastLow) {
		return
	}
	if n == 1 && directions.has(lastLow) {
		return // "Northern" before "Ireland-born"
	}
	if n == 1 && st.titleWord(lastLow) {
		// "Director" of something names nobody, unless the article
		// names a person so ("John Major ... Major said").
		st.emitTentative(toks, a, b, sitrep.Person, headline)
		return
	}
	if n == 1 && k.orgCues.has(lastLow) && !headline && (st.sports || a > 0 && strings.EqualFold(toks[a-1].Text, "the") || b < len(toks) && orgFollowers.has(toks[b].Text)) {
		// "the Commission", "Navy spokesman"; in sports reports "United".
		emit(sitrep.Org, true)
		return
	}
	if n == 1 && (k.eventCues.has(lastLow) || k.orgCues.has(lastLow)) {
		// "Open" left over from "Canadian Open", "League" from "MAJOR
		// LEAGUE": a head word alone names nothing.
		return
	}
	if n >= 2 && st.sports && clubHeads.has(strings.ReplaceAll(firstLow, ".", "")) {
		emit(sitrep.Org, true)
		return
	}
	if n == 2 && acronymHead(toks[a].Text) && !st.known(st.low(toks[a].Text), toks[a].Text) {
		// "SBC Warburg", "PSV Eindhoven": no person's name starts with an acronym.
		emit(sitrep.Org, false)
		return
	}
	if n >= 3 && !headline {
		// "Engineering Paul Hammersmith", "Hacker Brothers Construction
		// Manager David Jackson": a given name after an organisation's
		// word starts a person's name.
		for p := a + 1; p+1 < b; p++ {
			if !st.k.first.has(toks[p].Text) || !isCapLike(toks[p-1].Text) || !st.personLike(toks, p, b) || st.cueInside(toks, p, b) || directions.has(string(st.low(toks[p].Text))) || st.isDemonym(toks[b-1].Text) {
				continue
			}
			if p >= a+3 && st.titleWord(string(st.low(toks[a].Text))) && (toks[a+1].Text == "of" || toks[a+1].Text == "for") {
				// "Minister of Finance Bill Birch": a title with its portfolio.
				st.emit(toks, p, b, sitrep.Person, true, headline, st.text[toks[a].Start:toks[p-1].End])
				return
			}
			if st.orgSoFar(toks, a, p) {
				st.classify(toks, a, p, headline)
				st.emit(toks, p, b, sitrep.Person, true, headline, "")
				return
			}
		}
	}
	if n >= 2 && st.cueInside(toks, a, b) {
		// A cue word inside ("Bank of America Merrill Lynch") still marks an organisation.
		for p := a; p < b; p++ {
			if k.orgCues.has(string(st.low(toks[p].Text))) {
				emit(sitrep.Org, true)
				return
			}
		}
	}
	if st.sports && a > 0 && n <= 3 && strings.EqualFold(toks[a-1].Text, "at") && !isUpperWord(toks[a-1].Text) {
		// "At Headingley :", "play at Cardiff": a venue.
		st.emitFixed(toks, a, b, sitrep.GPE, headline)
		return
	}
	if n >= 2 && st.hasAmpersand(toks, a, b) {
		// "Duff & Phelps", "Goldman Sachs & Co": a firm.
		emit(sitrep.Org, true)
		return
	}
	if a > 0 && !headline && orgNouns.has(toks[a-1].Text) {
		// "the rebel group Shining Path", "the daily Le Monde".
		emit(sitrep.Org, true)
		return
	}
	if n >= 2 && (st.isFirstName(toks[a].Text, headline) || st.hasParticle(toks, a, b) || isInitialTok(toks[a].Text)) {
		emit(sitrep.Person, true)
		return
	}
	// Context.
	var prev, next, next2 string
	if a > 0 {
		prev = toks[a-1].Text
	}
	if b < len(toks) {
		next = toks[b].Text
	}
	if b+1 < len(toks) {
		next2 = toks[b+1].Text
	}
	prevLow := string(st.low(prev))
	if k.lowerTitles.has(prevLow) && !headline {
		st.emit(toks, a, b, sitrep.Person, true, headline, prev)
		return
	}
	if next == "," && next2 != "" {
		if known, kind := st.placeLookup(next2, headline); known && kind != kindRegion {
			emit(sitrep.GPE, true)
			return
		}
	}
	if n == 1 && isUpperWord(text) && !headline && len(text) <= 6 && !strings.ContainsAny(text, "+0123456789") {
		emit(sitrep.Org, false)
		return
	}
	if locPrepositions.has(prevLow) && n <= 2 {
		emit(sitrep.GPE, false)
		return
	}
	if n <= 2 && b < len(toks) && !headline {
		// "the Heysel stadium", "the Zadar hinterland", "Jenin province".
		switch next {
		case "prison", "stadium", "airport", "mine", "oilfield", "checkpoint", "hinterland", "enclave", "outskirts", "countryside", "crossing", "refinery":
			emit(sitrep.Loc, false)
			return
		case "region", "province", "district", "suburb", "municipality":
			emit(sitrep.GPE, false)
			return
		case "river", "valley", "hills", "mountains", "lake", "coast", "basin", "peninsula", "desert", "sea":
			emit(sitrep.Loc, false)
			return
		}
	}
	if n <= 3 && st.placeNounBefore(toks, a) {
		// "the town of Kaolack", "the capital Conakry".
		emit(sitrep.GPE, true)
		return
	}
	if speechVerbs.has(string(st.low(next))) {
		emit(sitrep.Person, false)
		return
	}
	if n >= 2 && st.placeInside(toks, a, b, headline) {
		// "Air France", "Real Madrid": a name built on a place is an organisation.
		emit(sitrep.Org, false)
		return
	}
	if n >= 2 && n <= 4 {
		if b < len(toks) && orgFollowers.has(toks[b].Text) {
			// "Apex Tannery shares", "Kessel Morrow spokesman".
			emit(sitrep.Org, false)
			return
		}
		if st.sports && st.scoreAfter(toks, a, b) {
			// "Hansa Rostock 2 Werder Bremen 1": a team with its score.
			emit(sitrep.Org, false)
			return
		}
		emit(sitrep.Person, false)
		return
	}
	if st.sports && n <= 3 && !headline && cricketer(toks, a, b) {
		emit(sitrep.Person, false)
		return
	}
	if n == 1 && !headline && (st.k.first.has(text) && !st.sports || ordinalAfter(toks, b)) {
		// "Tony and I", "Cocu 54th", "Gabriel ( 86th )": a person; in a
		// sports report a lone given name is rather a club ("Kent").
		emit(sitrep.Person, false)
		return
	}
	if n == 1 && st.lowerSeen.has(lastLow) {
		// A common word capitalised in a title or a broken-up name
		// ("European Coal and Steel Community", "Net Income") is no
		// name of its own, unless it is a known surname ("trump card",
		// "Donald Trump ... Trump arrived").
		st.emitTentative(toks, a, b, defaultSingle, headline)
		return
	}
	if n == 1 {
		emit(defaultSingle, false)
		return
	}
	emit(sitrep.Org, false)
}

// orgNouns are lower-case nouns written before an organisation's name.
var orgNouns = set{"group": {}, "agency": {}, "company": {}, "firm": {}, "newspaper": {}, "daily": {}, "weekly": {}, "manufacturer": {}, "bank": {}, "club": {}, "magazine": {}, "airline": {}, "subsidiary": {}, "brokerage": {}, "insurer": {}, "retailer": {}, "conglomerate": {}, "broadcaster": {}, "consortium": {}, "newsletter": {}, "tabloid": {}, "movement": {}, "faction": {}, "militia": {}, "charity": {}, "lender": {}, "automaker": {}, "carmaker": {}, "giant": {}}

// orgFollowers are lower-case nouns written after an organisation's name
// ("Apex Tannery shares", "Harwick Group spokesman").
var orgFollowers = set{"shares": {}, "stock": {}, "shareholders": {}, "subsidiary": {}, "unit": {}, "spokesman": {}, "spokeswoman": {}, "chairman": {}, "executives": {}, "officials": {}, "supporters": {}, "fans": {}, "defender": {}, "striker": {}, "midfielder": {}, "goalkeeper": {}, "coach": {}, "analyst": {}, "analysts": {}, "board": {}, "employees": {}, "workers": {}, "stores": {}, "plant": {}, "plants": {}}

// hasAmpersand reports whether "&" joins tokens inside [a,b).
func (st *state) hasAmpersand(toks []sitrep.Token, a, b int) bool {
	for p := a + 1; p < b; p++ {
		if toks[p].Text == "&" {
			return true
		}
	}
	return false
}

// placeNouns are common nouns for settlements and territories.
var placeNouns = set{"town": {}, "towns": {}, "city": {}, "cities": {}, "village": {}, "villages": {}, "capital": {}, "island": {}, "islands": {}, "province": {}, "provinces": {}, "region": {}, "district": {}, "state": {}, "republic": {}, "port": {}, "suburb": {}, "outskirts": {}, "municipality": {}, "county": {}, "resort": {}, "enclave": {}, "settlement": {}, "territory": {}, "hamlet": {}}

// placeNounBefore reports whether "<place noun> of" or a place noun
// written before the name precedes token a: "the town of X", "the
// capital X".
func (st *state) placeNounBefore(toks []sitrep.Token, a int) bool {
	p := a - 1
	if p >= 0 && toks[p].Text == "of" {
		p--
	}
	return p >= 0 && placeNouns.has(toks[p].Text) && (p+1 < a || toks[p].Text == "capital" || toks[p].Text == "town" || toks[p].Text == "city" || toks[p].Text == "village")
}

// isDateline reports whether the sentence is a dateline: a few
// capitalised words and commas, ending in a numeric date or a full stop
// ("CONAKRY 1996-08-22", "RICHMOND , Va .").
func isDateline(toks []sitrep.Token) bool {
	if len(toks) < 2 || len(toks) > 7 {
		return false
	}
	last := toks[len(toks)-1].Text
	comma := false
	for _, t := range toks[:len(toks)-1] {
		switch {
		case t.Text == ",":
			comma = true
		case unicode.IsUpper(firstRune(t.Text)):
		case t.Text == "." && comma:
		default:
			return false
		}
	}
	return isDate(last) || last == "." && comma
}

// defaultSingle is the guess for a lone unknown capitalised word.
const defaultSingle = sitrep.Org

// shouting reports whether an all-caps run in a mixed-case sentence is
// emphasis ("a very BIG PRICE") rather than acronyms.
func (st *state) shouting(toks []sitrep.Token, a, b int) bool {
	for p := a; p < b; p++ {
		t := toks[p].Text
		if !isUpperWord(t) || st.known(st.low(t), t) {
			return false
		}
	}
	return true
}

func (st *state) placeInside(toks []sitrep.Token, a, b int, headline bool) bool {
	for p := a; p < b; p++ {
		if _, ok := st.k.places[string(st.low(toks[p].Text))]; ok {
			return true
		}
	}
	return false
}

// cricketer reports whether a scorecard names a player at [a,b): a
// fielder or bowler ("c Croft b Cork 176") or bowling figures after the
// name ("Mullally 22-6-56-2").
func cricketer(toks []sitrep.Token, a, b int) bool {
	if a > 0 {
		switch toks[a-1].Text {
		case "c", "b", "st", "lbw":
			return true
		}
	}
	if b < len(toks) {
		n := toks[b].Text
		return n != "" && n[0] >= '0' && n[0] <= '9' && strings.Count(n, "-") == 3
	}
	return false
}

// ordinalAfter reports whether a minute or place follows token b
// ("Cocu 54th", "Gabriel ( 86th )"), as after scorers' names.
func ordinalAfter(toks []sitrep.Token, b int) bool {
	if b < len(toks) && toks[b].Text == "(" {
		b++
	}
	if b >= len(toks) {
		return false
	}
	s := toks[b].Text
	if len(s) < 3 || s[0] < '0' || s[0] > '9' {
		return false
	}
	switch s[len(s)-2:] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// acronymHead reports whether s is a dotless capitals acronym of 3 to 5
// letters ("SBC", "PSV"); two letters are often initials ("JP McManus").
func acronymHead(s string) bool {
	if len(s) < 3 || len(s) > 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func isInitialTok(s string) bool {
	return len(s) == 2 && s[1] == '.' && 'A' <= s[0] && s[0] <= 'Z'
}

func (st *state) hasParticle(toks []sitrep.Token, a, b int) bool {
	for p := a; p < b; p++ {
		t := toks[p].Text
		if connectorParticles.has(t) {
			return true
		}
		if r := firstRune(t); unicode.IsLower(r) && isCapLike(t) {
			return true
		}
		switch t {
		case "Abdul", "Abd", "Abu", "Bin", "Ibn", "Al":
			return true
		}
	}
	return false
}

// emitFixed emits a mention typed from its context, which resolve keeps.
func (st *state) emitFixed(toks []sitrep.Token, a, b int, typ sitrep.EntityType, headline bool) {
	n := len(st.ments)
	st.emit(toks, a, b, typ, true, headline, "")
	if len(st.ments) > n {
		st.ments[n].fixed = true
	}
}

// emitTentative emits a weak mention that resolve keeps only as a
// surname the article gives in full elsewhere.
func (st *state) emitTentative(toks []sitrep.Token, a, b int, typ sitrep.EntityType, headline bool) {
	n := len(st.ments)
	st.emit(toks, a, b, typ, false, headline, "")
	if len(st.ments) > n {
		st.ments[n].tentative = true
	}
}

// emit records the mention of tokens [a,b), trimming a possessive.
func (st *state) emit(toks []sitrep.Token, a, b int, typ sitrep.EntityType, strong, headline bool, title string) {
	start, end := toks[a].Start, toks[b-1].End
	s := st.text[start:end]
	switch {
	case strings.HasSuffix(s, "'s"):
		end -= 2
	case strings.HasSuffix(s, "’s"):
		end -= len("’s")
	case strings.HasSuffix(s, "'") || strings.HasSuffix(s, "’"):
		if b-a == 1 && len(s) > 1 {
			_, n := utf8.DecodeLastRuneInString(s)
			end -= n
		}
	}
	if end <= start || (end-start == 1 && b-a == 1) {
		return
	}
	if typ == sitrep.Person && title == "" && a > 0 && !headline && st.k.lowerTitles.has(toks[a-1].Text) {
		title = toks[a-1].Text
	}
	st.ments = append(st.ments, mention{start: start, end: end, ntok: b - a, typ: typ, strong: strong && !headline, headline: headline, title: title})
}
