package entity

import (
	"unicode"
	"unicode/utf8"
	"unsafe"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/learn"
	"github.com/sitrep-project/sitrep/internal/wordclass"
)

// featureVersion is the version of the feature extractor below. Changing a
// template, its inputs or the lists behind them (builtin.go,
// firstnames.txt, the Lexicon's answers) changes what a key means: bump it
// and retrain (go run ./scripts/train-ner).
const featureVersion = 4

// Feature templates.
const (
	fBias uint32 = iota
	fLower
	fShape
	fPrefix // 3 templates, lengths 2-4
	_
	_
	fSuffix // 3 templates
	_
	_
	fLowerP1
	fLowerN1
	fLowerP2
	fLowerN2
	fShapeP1C
	fShapeCN1
	fPos
	fPosP1
	fPosN1
	fPosP1C
	fPosCN1
	fBigramP
	fBigramN
	fPosition
	fRun
	fGaz
	fGazCtx
	fOrgAlias
	fActor
	fFlag
	fFlagP1
	fFlagN1
	fWordForm
	fTrans    // transition: previous tag → tag
	fPass1Tag // second pass: the token's first-pass tag
	fDocLabel // second pass: a label of the word's other mentions
	fDocMajor // second pass: their majority label, with the token's own
	fClass    // word class of the word, at each grain of clsBits
	fClassP1  // the previous word's, at the middle grain
	fClassN1  // the next word's
)

// clsBits are the grains, in bits of the class path, at which the word's
// class (package wordclass) is a feature: classes learnt from embeddings of
// a corpus far larger than CoNLL's carry what the model learnt of a word to
// the words it never saw used alike ("Kisumu" to "Eldoret").
var clsBits = [...]int{4, 8, 12, 16}

// Token flags.
const (
	flFirstName  uint16 = 1 << iota // a given name
	flTitle                         // a title or role word ("President", "minister")
	flAgent                         // inside an agent phrase of the actor dictionaries ("police")
	flDemonym                       // a nationality or group word
	flInitial                       // first word of a sentence or quotation
	flDocLower                      // written in lower case elsewhere in the article
	flDocCap                        // capitalised mid-sentence elsewhere in the article
	flDocSurname                    // ends a name that starts with a given name elsewhere
	flWord                          // a common English word (lower-cased)
	nFlags       = 9
)

// Capitalisation classes.
const (
	capLower uint8 = iota
	capInit        // "Baghdad"
	capAll         // "NATO", "BAGHDAD"
	capOther       // digits, punctuation
)

// Sentence forms, for fPosition.
const (
	formNormal = iota
	formHeadline
)

// Hashes of the padding tokens before and after a sentence.
var (
	hashBOS = learn.Hash("<s>")
	hashEOS = learn.Hash("</s>")
)

// tokInfo is what the feature templates read about one token.
type tokInfo struct {
	lower, shape, pos uint64
	pre, suf          [3]uint64 // affixes of 2-4 letters, 0 when the word is not longer
	low               string    // lower-cased text
	flags             uint16
	capc              uint8
	marks             uint8                // markUpper etc.
	gaz, org, actor   uint8                // position (B/I/L/U) << 2 | kind, 0 for none
	cls               [len(clsBits)]uint32 // wordclass.Prefix at each grain, 0 unknown
}

var padBOS = tokInfo{lower: hashBOS, shape: hashBOS, pos: hashBOS, capc: capOther}
var padEOS = tokInfo{lower: hashEOS, shape: hashEOS, pos: hashEOS, capc: capOther}

// Span positions for the gazetteer, alias and actor features.
const (
	spB uint8 = iota + 1
	spI
	spL
	spU
)

func spanPos(i, a, b int) uint8 {
	switch {
	case b-a == 1:
		return spU
	case i == a:
		return spB
	case i == b-1:
		return spL
	}
	return spI
}

// featurizer computes the features of a document's tokens. It is scratch
// space, reused across documents.
type featurizer struct {
	r        *Recognizer
	text     string
	arena    []byte // lower-cased words of the current sentence
	buf      []byte
	words    []string     // lower-cased words of the current sentence
	plain    []bool       // tokens of the current sentence left out: O
	wl       WordLexicon  // r.lex's, or nil
	al       ActorLexicon // r.lex's, or nil
	doc      map[uint64]uint8
	places   map[string]uint8 // the Lexicon's answers for the document's names
	demonyms map[string]bool
	info     []tokInfo // the current sentence
	feats    []uint64  // the current sentence's features, flattened
	off      []int32   // token i's features are feats[off[i]:off[i+1]]
}

// Doc-level evidence bits.
const (
	docLower uint8 = 1 << iota
	docCap
	docSurname
)

// newDoc resets the featurizer for a document and collects the
// article-level evidence: how each word is written elsewhere.
func (f *featurizer) newDoc(doc *sitrep.Doc) {
	f.text = doc.Article.Text
	f.wl, _ = f.r.lex.(WordLexicon)
	f.al, _ = f.r.lex.(ActorLexicon)
	if f.doc == nil || len(f.doc) > 4096 {
		f.doc = make(map[uint64]uint8, 256)
		f.places = make(map[string]uint8, 64)
		f.demonyms = make(map[string]bool, 64)
	}
	clear(f.doc)
	clear(f.places)
	clear(f.demonyms)
	for si := range doc.Sentences {
		toks := doc.Sentences[si].Tokens
		if !spansOK(toks, f.text) {
			continue
		}
		head := isHeadline(toks)
		run := 0
		for i, t := range toks {
			r := firstRune(t.Text)
			low := f.lowerHash(t.Text)
			switch {
			case unicode.IsLower(r):
				f.doc[low] |= docLower
			case unicode.IsUpper(r) && !head:
				if !isInitial(toks, i) {
					f.doc[low] |= docCap
				}
			}
			if !head && unicode.IsUpper(r) {
				run++
				continue
			}
			f.markSurname(toks, i, run)
			run = 0
		}
		if !head {
			f.markSurname(toks, len(toks), run)
		}
	}
}

// markSurname records the last word of the capitalised run of n tokens
// ending before end when the run starts with a given name.
func (f *featurizer) markSurname(toks []sitrep.Token, end, n int) {
	if n >= 2 && f.r.k.first.has(toks[end-n].Text) {
		f.doc[f.lowerHash(toks[end-1].Text)] |= docSurname
	}
}

func (f *featurizer) lowerHash(s string) uint64 {
	f.buf = lowerInto(f.buf, s)
	return learn.HashBytes(f.buf)
}

func spansOK(toks []sitrep.Token, text string) bool {
	for _, t := range toks {
		if t.Start < 0 || t.End > len(text) || t.Start > t.End {
			return false
		}
	}
	return true
}

// sentence computes the features of the tokens of toks (a sentence of
// the current document) that may be part of a name. The others, plain
// lower-case words and punctuation with no capitalised neighbour outside
// headlines, are O without asking the model: names in news text have
// capitals, and "Bank of England" has them on either side of "of", "1860
// Munich" after "1860".
func (f *featurizer) sentence(toks []sitrep.Token) {
	n := len(toks)
	f.info = f.info[:0]
	// Lower-cased words live in one arena for the sentence. When append
	// moves the arena, the strings made earlier keep the old array alive
	// and unchanged, so they stay valid.
	arena := f.arena[:0]
	f.words = f.words[:0]
	head := isHeadline(toks)
	k := f.r.k
	for i, t := range toks {
		start := len(arena)
		arena = appendLower(arena, t.Text)
		lowb := arena[start:]
		low := ""
		if len(lowb) > 0 {
			low = unsafe.String(&lowb[0], len(lowb))
		}
		f.words = append(f.words, low)
		ti := tokInfo{lower: learn.HashBytes(lowb), pos: learn.Hash(t.Tag), low: low}
		ti.shape, ti.capc, ti.marks = shapeOf(t.Text)
		if isInitial(toks, i) {
			ti.flags |= flInitial
		}
		f.info = append(f.info, ti)
	}
	f.arena = arena
	f.plain = f.plain[:0]
	for i := range n {
		f.plain = append(f.plain, !head && f.info[i].plainForm(toks[i].Text) && !f.capital(i-1) && !f.capital(i+1))
	}
	for i, t := range toks {
		if !f.needed(i) {
			continue
		}
		ti := &f.info[i]
		low := ti.low
		if k.first.has(t.Text) || head && f.headlineFirstName(t.Text, low) {
			ti.flags |= flFirstName
		}
		if _, ok := k.titles[low]; ok || k.lowerTitles.has(low) {
			ti.flags |= flTitle
		}
		capital := ti.capc == capInit || ti.capc == capAll
		if _, ok := k.demonyms[low]; ok || f.r.lex != nil && capital && f.demonym(t.Text) {
			ti.flags |= flDemonym
		}
		if f.wl != nil && capital && f.wl.Word(low) {
			ti.flags |= flWord
		}
		d := f.doc[ti.lower]
		if d&docLower != 0 {
			ti.flags |= flDocLower
		}
		if d&docCap != 0 {
			ti.flags |= flDocCap
		}
		if d&docSurname != 0 {
			ti.flags |= flDocSurname
		}
		if f.r.wc != nil {
			if path, depth, ok := f.r.wc.Path(low); ok {
				for g, b := range clsBits {
					ti.cls[g] = wordclass.Cut(path, depth, b)
				}
			}
		}
		if f.plain[i] {
			continue
		}
		for k := range 3 {
			if len(low) > k+2 {
				ti.pre[k] = learn.Hash(low[:k+2])
				ti.suf[k] = learn.Hash(low[len(low)-k-2:])
			}
		}
	}
	f.lookups(toks)
	f.feats = f.feats[:0]
	f.off = append(f.off[:0], 0)
	form := uint64(formNormal)
	if head {
		form = formHeadline
	}
	runStart := 0
	for i := range n {
		if !f.capital(i) || !f.capital(i-1) {
			runStart = i
		}
		if !f.plain[i] {
			runEnd := i + 1
			for f.capital(i) && f.capital(runEnd) {
				runEnd++
			}
			f.tokenFeatures(i, form, runStart, runEnd)
		}
		f.off = append(f.off, int32(len(f.feats)))
	}
}

// needed reports whether the features of some token read token i's
// flags: it is not plain, or a neighbour is not.
func (f *featurizer) needed(i int) bool {
	n := len(f.plain)
	return !f.plain[i] || i > 0 && !f.plain[i-1] || i+1 < n && !f.plain[i+1]
}

// capital reports whether token i of the sentence is capitalised (false
// out of range).
func (f *featurizer) capital(i int) bool {
	if i < 0 || i >= len(f.info) {
		return false
	}
	c := f.info[i].capc
	return c == capInit || c == capAll
}

// plainForm reports whether a token is a lower-case word without capitals
// inside ("police", not "al-Sadr"), a number or punctuation other than
// "&".
func (ti *tokInfo) plainForm(text string) bool {
	switch ti.capc {
	case capLower:
		return ti.marks&markUpper == 0
	case capOther:
		return ti.marks&markLetter == 0 && text != "&"
	}
	return false
}

// headlineFirstName reports whether a word of an all-caps sentence
// ("MARK") is a given name written in title case ("Mark").
func (f *featurizer) headlineFirstName(s, low string) bool {
	if len(s) < 2 || len(s) != len(low) || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	f.buf = append(append(f.buf[:0], s[0]), low[1:]...)
	return f.r.k.first.has(string(f.buf))
}

func (f *featurizer) at(i int) *tokInfo {
	switch {
	case i < 0:
		return &padBOS
	case i >= len(f.info):
		return &padEOS
	}
	return &f.info[i]
}

func (f *featurizer) add(k uint64) { f.feats = append(f.feats, k) }

func (f *featurizer) tokenFeatures(i int, form uint64, runStart, runEnd int) {
	w, p1, n1, p2, n2 := &f.info[i], f.at(i-1), f.at(i+1), f.at(i-2), f.at(i+2)
	f.add(learn.Key(fBias, 0))
	f.add(learn.Key(fLower, w.lower))
	f.add(learn.Key(fShape, w.shape))
	for k := range 3 {
		if w.pre[k] != 0 {
			f.add(learn.Key(fPrefix+uint32(k), w.pre[k]))
			f.add(learn.Key(fSuffix+uint32(k), w.suf[k]))
		}
	}
	f.add(learn.Key(fLowerP1, p1.lower))
	f.add(learn.Key(fLowerN1, n1.lower))
	f.add(learn.Key(fLowerP2, p2.lower))
	f.add(learn.Key(fLowerN2, n2.lower))
	f.add(learn.Key2(fShapeP1C, p1.shape, w.shape))
	f.add(learn.Key2(fShapeCN1, w.shape, n1.shape))
	f.add(learn.Key(fPos, w.pos))
	f.add(learn.Key(fPosP1, p1.pos))
	f.add(learn.Key(fPosN1, n1.pos))
	f.add(learn.Key2(fPosP1C, p1.pos, w.pos))
	f.add(learn.Key2(fPosCN1, w.pos, n1.pos))
	f.add(learn.Key2(fBigramP, p1.lower, w.lower))
	f.add(learn.Key2(fBigramN, w.lower, n1.lower))
	position := uint64(2)
	switch {
	case i == 0:
		position = 0
	case i == 1:
		position = 1
	case i == len(f.info)-1:
		position = 3
	}
	f.add(learn.Key3(fPosition, position, form, uint64(w.capc)))
	if runEnd-runStart > 1 {
		f.add(learn.Key2(fRun, uint64(min(runEnd-runStart, 5)), uint64(spanPos(i, runStart, runEnd))))
	}
	if w.gaz != 0 {
		f.add(learn.Key2(fGaz, uint64(w.gaz), uint64(w.capc)))
	}
	if p1.gaz|n1.gaz != 0 {
		f.add(learn.Key2(fGazCtx, uint64(p1.gaz), uint64(n1.gaz)))
	}
	if w.org != 0 {
		f.add(learn.Key(fOrgAlias, uint64(w.org)))
	}
	if w.actor != 0 {
		f.add(learn.Key2(fActor, uint64(w.actor), uint64(w.capc)))
	}
	for b := range nFlags {
		if w.flags&(1<<b) != 0 {
			f.add(learn.Key2(fFlag, uint64(b), uint64(w.capc)|form<<2))
		}
		if p1.flags&(1<<b) != 0 {
			f.add(learn.Key2(fFlagP1, uint64(b), uint64(w.capc)))
		}
		if n1.flags&(1<<b) != 0 {
			f.add(learn.Key2(fFlagN1, uint64(b), uint64(w.capc)))
		}
	}
	for _, c := range w.cls {
		if c != 0 {
			f.add(learn.Key(fClass, uint64(c)))
		}
	}
	if p1.cls[1] != 0 {
		f.add(learn.Key(fClassP1, uint64(p1.cls[1])))
	}
	if n1.cls[1] != 0 {
		f.add(learn.Key(fClassN1, uint64(n1.cls[1])))
	}
	// The word with its sentence form: "US" in a headline is no evidence
	// of an acronym.
	f.add(learn.Key2(fWordForm, w.lower, form<<2|uint64(w.capc)))
}

// lookups marks the tokens inside known place names, organisation
// aliases, actor names and agent phrases (longest match first).
func (f *featurizer) lookups(toks []sitrep.Token) {
	n := len(toks)
	k := f.r.k
	for i := 0; i < n; {
		if f.info[i].capc == capLower || f.info[i].capc == capOther {
			i++
			continue
		}
		// The longest name starting here: capitalised words, with "of"
		// and similar connectors inside.
		end := i + 1
		for end < n && end-i < 5 && (f.info[end].capc == capInit || f.info[end].capc == capAll || connector(f.words[end])) {
			end++
		}
		for end > i+1 && connector(f.words[end-1]) {
			end--
		}
		matched := 1
		for e := end; e > i; e-- {
			name := f.text[toks[i].Start:toks[e-1].End]
			kind := uint8(0)
			f.buf = lowerInto(f.buf, name)
			if pi, ok := k.places[string(f.buf)]; ok {
				kind = uint8(pi.kind)
			} else if f.r.lex != nil {
				kind = f.place(name)
			}
			if kind != 0 {
				for j := i; j < e; j++ {
					f.info[j].gaz = spanPos(j, i, e)<<2 | kind
				}
				matched = e - i
				break
			}
		}
		for e := end; e > i; e-- {
			f.buf = lowerInto(f.buf, f.text[toks[i].Start:toks[e-1].End])
			if _, ok := k.orgs[string(f.buf)]; ok {
				for j := i; j < e; j++ {
					f.info[j].org = spanPos(j, i, e) << 2
				}
				break
			}
		}
		i += matched
	}
	al := f.al
	if al == nil {
		return
	}
	for i := 0; i < n; i++ {
		if !f.needed(i) {
			continue
		}
		w := f.words[i:min(n, i+6)]
		if m := al.Agent(w); m > 0 {
			for j := i; j < i+m && j < n; j++ {
				f.info[j].flags |= flAgent
			}
		}
	}
	for i := 0; i < n; {
		if f.info[i].capc == capLower || f.info[i].capc == capOther {
			i++
			continue
		}
		m, kind := al.Actor(f.words[i:min(n, i+6)])
		if m == 0 {
			i++
			continue
		}
		m = min(m, n-i)
		for j := i; j < i+m; j++ {
			f.info[j].actor = spanPos(j, i, i+m)<<2 | uint8(kind)
		}
		i += m
	}
}

// demonym asks the Lexicon whether word is a demonym, once per document.
func (f *featurizer) demonym(word string) bool {
	if d, ok := f.demonyms[word]; ok {
		return d
	}
	d := f.r.lex.Demonym(word)
	f.demonyms[word] = d
	return d
}

// place asks the Lexicon about name, once per document.
func (f *featurizer) place(name string) uint8 {
	if kind, ok := f.places[name]; ok {
		return kind
	}
	kind := uint8(0)
	if known, country := f.r.lex.Place(name); country {
		kind = uint8(kindCountry)
	} else if known {
		kind = uint8(kindCity)
	}
	f.places[name] = kind
	return kind
}

// connector reports whether a lower-case word may join the words of a
// name ("Bank of England", "Rio de Janeiro").
func connector(w string) bool {
	switch w {
	case "of", "de", "del", "da", "do", "dos", "la", "le", "el", "al", "von", "van", "der", "den", "and", "&", "upon", "on":
		return true
	}
	return false
}

// Marks of shapeOf.
const (
	markUpper uint8 = 1 << iota
	markDigit
	markLetter
)

// shapeOf returns the hash of the word's shape (letters as X or x, digits
// as d, other characters as themselves, runs of one class collapsed:
// "Baghdad" → "Xx", "U.S." → "X.X.", "1996-08-30" → "d-d-d") and its
// capitalisation class and which kinds of characters it has.
func shapeOf(s string) (uint64, uint8, uint8) {
	h := learn.Hash("")
	var last rune = -1
	upper, lower, letters, digits := 0, 0, 0, 0
	first := rune(-1)
	for _, r := range s {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			upper++
			letters++
		case unicode.IsLetter(r):
			c = 'x'
			lower++
			letters++
		case unicode.IsDigit(r):
			c = 'd'
			digits++
		}
		if first < 0 {
			first = c
		}
		if c == last {
			continue
		}
		last = c
		var b [utf8.UTFMax]byte
		for _, x := range b[:utf8.EncodeRune(b[:], c)] {
			h = (h ^ uint64(x)) * 1099511628211
		}
	}
	cc := capOther
	switch {
	case letters == 0:
	case first == 'x':
		cc = capLower
	case lower == 0 && upper > 0:
		cc = capAll
	case first == 'X':
		cc = capInit
	}
	var marks uint8
	if upper > 0 {
		marks |= markUpper
	}
	if digits > 0 {
		marks |= markDigit
	}
	if letters > 0 {
		marks |= markLetter
	}
	return h, cc, marks
}

// isHeadline reports whether the sentence is written in capitals, so that
// capitalisation says little about names.
func isHeadline(toks []sitrep.Token) bool {
	words, upper := 0, 0
	for _, t := range toks {
		hasLetter, hasLower := false, false
		for _, r := range t.Text {
			if unicode.IsLetter(r) {
				hasLetter = true
				if unicode.IsLower(r) {
					hasLower = true
					break
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
	return words > 1 && upper*10 >= words*8
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
