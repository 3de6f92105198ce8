package event

import (
	_ "embed"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/dict"
	"github.com/sitrep-project/sitrep/internal/geo"
)

// clauseEnd returns the token index where the clause of group gi ends: at
// a clause break, ";", a conjunction that joins it to the next clause, or
// the end.
func (a *article) clauseEnd(st *sentence, gi int) int {
	g := &st.groups[gi]
	end := len(st.Tokens)
	for k := g.end; k < len(st.Tokens); k++ {
		if clauseBreak(st.words[k], st.Tokens[k].Tag) && st.words[k] != "as" && st.words[k] != "since" && st.words[k] != "after" && st.words[k] != "before" {
			end = k
			break
		}
	}
	if c := a.clauseConjunction(st, gi); c >= 0 && c < end {
		end = c
	}
	return end
}

// clauseConjunction returns the index of the "and" or "but" that joins
// the clause of group gi to the next one ("France condemned Syria and
// Turkey criticized Iran": Turkey is no one France condemned), or -1: the
// conjunction right before the noun phrase that stands before the next
// finite verb. After a verb that takes a clause ("said Syria and Turkey
// had agreed") the noun phrases are that clause's subject.
func (a *article) clauseConjunction(st *sentence, gi int) int {
	if gi+1 >= len(st.groups) || a.takesClause(st, gi) {
		return -1
	}
	g, next := &st.groups[gi], &st.groups[gi+1]
	if next.reduced || !finiteGroup(st.Tokens, next) {
		return -1
	}
	s := next.start
	for s > g.end && nounPhraseTag(st.Tokens[s-1].Tag) {
		s--
	}
	c := s - 1
	if s == next.start || c <= g.end || st.words[c] != "and" && st.words[c] != "but" || slices.Contains(st.words[g.end:c], ",") {
		// (After a comma the conjunction may close a list: "killing
		// five people, activists and a monitor said".)
		return -1
	}
	return c
}

// joinsSubjects reports whether the conjunction at c, after the verb of
// group gi that takes a clause, joins the subjects of that clause ("said
// Syria and Turkey had agreed") rather than two clauses ("announced the
// arrests, and this month launched").
func (a *article) joinsSubjects(st *sentence, gi, c int) bool {
	return st.Tokens[c].Tag == "CC" && a.takesClause(st, gi) && !slices.Contains(st.words[st.groups[gi].end:c], ",")
}

// takesClause reports whether the verb of group gi takes a clause as its
// complement ("said", "believes").
func (a *article) takesClause(st *sentence, gi int) bool {
	return verbFrames()[a.lemma(st, st.groups[gi].head)]&frameClause != 0
}

// finiteGroup reports whether the first verb of g is finite: a modal, a
// verb in the past tense or the third person, or an auxiliary ("have",
// "are"; a plural present is too often a bare infinitive: "help the
// government and the rebels reach a settlement").
func finiteGroup(toks []sitrep.Token, g *verbGroup) bool {
	for k := g.start; k < g.end; k++ {
		switch toks[k].Tag {
		case "MD", "VBZ", "VBD":
			return true
		case "VBP":
			switch strings.ToLower(toks[k].Text) {
			case "have", "are", "do", "'ve", "'re":
				return true
			}
			return false
		case "RB":
			continue
		}
		return false
	}
	return false
}

// nounPhraseTag reports the tags of a simple noun phrase's words.
func nounPhraseTag(tag string) bool {
	switch tag {
	case "DT", "PRP", "PRP$", "POS", "CD", "JJ", "NN", "NNS", "NNP", "NNPS":
		return true
	}
	return false
}

// isLocPrep reports prepositions whose object is a place, not an actor.
func isLocPrep(w string) bool {
	switch w {
	case "in", "at", "near", "outside", "inside", "across", "around", "throughout", "into", "from", "within", "towards", "toward", "through", "alongside":
		return true
	}
	return false
}

var affiliationSuffixes = lexicon.list("affiliationSuffixes") // loaded from lexicon.txt, section [affiliationSuffixes]

// isAffiliation reports modifiers that name a sponsor, not the actor's
// own identity: "Iran-backed", "pro-Iranian", "US-led".
func isAffiliation(w string) bool {
	if strings.HasPrefix(w, "pro-") || strings.HasPrefix(w, "anti-") {
		return true
	}
	for _, suf := range affiliationSuffixes {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// subject finds the subject of group gi: the noun-phrase stretch before
// it in its clause, or, for a coordinated verb ("threw rocks, smashed
// windows"), the subject of the verb it is coordinated with.
func (a *article) subject(st *sentence, gi int) *sitrep.EventActor {
	g := &st.groups[gi]
	words, toks := st.words, st.Tokens
	if g.start == 0 && (toks[g.head].Tag == "VBG" || words[0] == "having") {
		// "Blaming Somalia for the bombing, the president said ...": an
		// active participle clause that opens the sentence has the
		// subject of the clause after its comma.
		for pi := gi + 1; pi < len(st.groups); pi++ {
			if p := &st.groups[pi]; !nonFinite(st, pi) {
				if frontedParticiple(st, g, p.start) >= 0 {
					return a.subject(st, pi)
				}
				break
			}
		}
	}
	if k := g.start - 1; k > 0 && g.head == g.end-1 && g.end < len(toks) && (toks[g.head].Tag == "VBD" || toks[g.head].Tag == "VBZ") {
		if words[k] == "," {
			k--
		}
		// (A quotation ends in punctuation; a title in a word: the film
		// "Brokeback Mountain" swept the awards.)
		if closesQuotation(toks, k+1) && startsNP(toks[g.end].Tag) && quoteOpensSentence(toks, k) {
			// "“Down with the occupation!” chanted protesters": after a
			// quotation the subject follows its verb.
			if np := a.actorOf(st, g.end, a.npEnd(st, g.end, len(toks))); np != nil {
				g.inverted = true
				return np
			}
		}
	}
	if k := g.start - 1; k > 1 && (words[k] == "--" || words[k] == ")") {
		// "ASEAN -- which groups Brunei and Malaysia -- was committed",
		// "the Congress (I) party demanded": the subject stands before
		// the parenthesis.
		open := "--"
		if words[k] == ")" {
			open = "("
		}
		for j := k - 1; j > 0 && j > k-40; j-- {
			if words[j] == open {
				// Only a parenthetical clause: "(EU)" or "-- Britain and
				// France --" may name the subject itself.
				if hasClause(st, j+1, k) {
					if np := a.npBefore(st, j); np != nil && np.Actor != "" {
						return np
					}
				}
				break
			}
		}
	}
	left, prev := 0, -1
	for pi := gi - 1; pi >= 0; pi-- {
		p := &st.groups[pi]
		if p.reduced || (p.start > 0 && words[p.start-1] == "to") {
			continue
		}
		if c := frontedParticiple(st, p, g.start); c >= 0 {
			// "Speaking to reporters on Thursday, Mwangi Kamau, the army
			// chief, warned": a participle clause that opens the
			// sentence is an adverbial ending at its comma, no clause
			// whose subject the verb could share.
			left = c + 1
			break
		}
		left, prev = p.end, pi
		break
	}
	if prev >= 0 && st.groups[prev].paren > 0 {
		// "Kenya, the minister said, will send troops": the subject
		// stands before the parenthetical clause.
		if np := a.npBefore(st, st.groups[prev].paren); np != nil {
			return np
		}
	}
	if np := a.interruptedSubject(st, g.start); np != nil {
		return np
	}
	for k := g.start - 1; k >= left; k-- {
		if closesQuotation(toks, k+1) && hasNominal(toks, k+1, g.start) {
			// `"... a buzzsaw," Gen. Milley, the chairman, warned`: the
			// verbs of a closed quotation are no clause of the verb after
			// it when a noun phrase stands between them (`... it "is
			// prepared to consider," but asked` coordinates).
			left, prev = k+1, -1
			break
		}
	}
	if prev >= 0 && left < g.start && (toks[left].Tag == "IN" || toks[left].Tag == "TO") && !quantifier(toks, left) && !nominalAfterComma(st, left, g.start) {
		// "Kenyan soldiers who were sent to Somalia were captured": after
		// a relative clause, a stretch that opens with a preposition
		// finishes that clause; the subject is its antecedent. (After a
		// comma a subject of its own may follow: "..., who spoke to the
		// press, the embassy is secure".)
		p := &st.groups[prev]
		if p.start > 0 && isRelative(words[p.start-1], toks[p.start-1].Tag) && st.subj[prev] != nil {
			if p.start > 1 && words[p.start-2] != "," {
				if ante := a.appositiveHead(st, p.start-1); ante != nil {
					return ante
				}
			}
			return st.subj[prev]
		}
	}
	for k := g.start - 1; k >= left; k-- {
		if clauseBreak(words[k], toks[k].Tag) && !prepositionalAs(st, k, g.start) && !(k == 0 && frontedAdverbial(st, k, g.start)) {
			if k == g.start-1 && isRelative(words[k], toks[k].Tag) {
				// "militiamen who stormed the embassy": the subject of a
				// relative clause is the noun it modifies, also before a
				// comma ("the rebels, who control the north,").
				if k > 0 && words[k-1] == "," {
					return a.antecedentBefore(st, k-1)
				}
				return a.npBefore(st, a.properPPObject(st, a.skipTime(st, k)))
			}
			left = k + 1
			prev = -1
			break
		}
	}
	if g.report {
		// ", a human rights group charged on Saturday.": the subject is the
		// noun phrase after the comma, not the reported clause before it;
		// with an appositive, the name and the appositive between their
		// commas (", Mwangi Kamau, the army chief, warned"), read as when
		// they open a sentence.
		if c := reportingSubject(toks, g.start); c >= 0 {
			return a.actorOf(st, c+1, g.start)
		}
		for k := g.start - 1; k >= 0; k-- {
			if words[k] == "," {
				return a.actorOf(st, k+1, g.start)
			}
		}
	}
	if g.start > left && isSubjectPronoun(words[g.start-1]) && a.pronounAgrees(words[g.start-1], toks[g.start].Tag) {
		// "announced Wednesday it would prohibit": a nominative pronoun
		// right before the verb is its subject, whatever precedes it.
		if closesQuotation(toks, g.start-1) {
			// What the sentence reports, quoted in full or in part,
			// comes before: its actors are not the speaker.
			a.speakerBefore = toks[0].Start
			defer func() { a.speakerBefore = 0 }()
		}
		return a.actorOf(st, g.start-1, g.start)
	}
	if g.start > 1 && words[g.start-1] == "to" && g.controlTok < 0 {
		// "the president's decision to deploy the army", "its refusal to
		// recognize Israel": the possessor of the noun acts.
		if act := a.possessorOf(st, g.start-2); act != nil {
			return act
		}
	}
	if g.start > 0 && words[g.start-1] == "to" && g.controlTok < 0 && prev >= 0 {
		if o := a.controller(st, prev, g.start-1); o != nil {
			return o
		}
		// A purpose infinitive ("... to counter Iran") has the subject of
		// the clause it belongs to.
		return st.subj[prev]
	}
	// After a comma or conjunction, a verb with nothing before it is
	// coordinated with an earlier one.
	lastSep := -1
	for k := g.start - 1; k >= left; k-- {
		if words[k] == "," || toks[k].Tag == "CC" {
			lastSep = k
			break
		}
	}
	if lastSep >= 0 && !nominalBesidesTime(st, lastSep+1, g.start) {
		if prev >= 0 {
			if ante := a.closedRelative(st, prev, lastSep); ante != nil {
				return ante
			}
			return a.coordinatedSubject(st, gi, prev)
		}
		if gi > 0 || toks[lastSep].Tag == "CC" {
			// "Swarms of protesters, supporters of X, stormed": the commas
			// enclose an appositive; the subject is the whole stretch.
			lastSep = -1
		}
	}
	if k := left; k < g.start && prev < 0 {
		// "On Tuesday the embassy was stormed": a fronted date without a
		// comma ends where the date does.
		if toks[k].Tag == "IN" && k+1 < g.start && a.isTimexTok(st, k+1) {
			k++
		}
		for k < g.start && a.isTimexTok(st, k) {
			k++
		}
		if k > left && k < g.start && a.isTimexTok(st, k-1) && startsNP(toks[k].Tag) {
			left = k
		}
	}
	// A fronted adverbial ("On Tuesday, ...", "As the embassy was under
	// siege, ...") ends at the first comma, a time stamp at its dash
	// ("1630 GMT — Gen. Kamau, the army chief, says").
	if left < g.start && (toks[left].Tag == "IN" && !quantifier(toks, left) || toks[left].Tag == "RB" || a.isTimexTok(st, left) || complexPreposition(words, left)) {
		comma := false
		stamp := a.isTimexTok(st, left)
		for k := left; k < g.start; k++ {
			if stamp && !a.isTimexTok(st, k) {
				if isDash(words[k]) {
					left = k + 1
					comma = true
					break
				}
				stamp = false
			}
			if words[k] == "," {
				left = k + 1
				comma = true
				break
			}
		}
		if !comma && toks[left].Tag == "IN" {
			// "said on Monday it had suspended": no comma closes the
			// adverbial; the subject is the noun phrase before the verb.
			if toks[g.start-1].Tag == "PRP" {
				return a.actorOf(st, g.start-1, g.start)
			}
			if prepositionalObject(toks, words, g.start) {
				// "... while held in Libya was deported":
				// the object of a preposition is no subject.
				return nil
			}
			if np := a.npBefore(st, g.start); np != nil {
				return np
			}
		}
	}
	if words[g.start] == "," || lastSep >= 0 && prev >= 0 && !a.joinsSubjects(st, prev, lastSep) {
		left = lastSep + 1
	}
	if left >= g.start {
		if gi > 0 && st.groups[gi-1].end >= g.start-1 && prev >= 0 {
			return a.coordinatedSubject(st, gi, prev)
		}
		return nil
	}
	return a.actorOf(st, left, g.start)
}

// antecedentBefore returns the actor of the noun phrase that a
// relative clause set off by a comma at k describes: the whole phrase,
// with its of-complements and coordination ("Hundreds of Somali
// militiamen and their supporters, who ..."), not its last noun.
func (a *article) antecedentBefore(st *sentence, k int) *sitrep.EventActor {
	j := k - 1
	for j >= 0 && (nominalTag(st.Tokens[j].Tag) || st.words[j] == "of" || st.words[j] == "and" || st.words[j] == "or") {
		j--
	}
	from := j + 1
	for from < k && (st.words[from] == "of" || st.words[from] == "and" || st.words[from] == "or") {
		from++
	}
	if from >= k {
		return nil
	}
	return a.actorOf(st, from, k)
}

// properPPObject returns where the noun phrase before a restrictive
// relative clause ends (k, the relative's position): before the
// preposition when the nearest noun phrase is a proper name in a
// prepositional phrase, as a name takes no restrictive relative ("a
// rocket attack near Kirkuk that killed a contractor": the attack
// killed, not Kirkuk), and then before any "of" complements the phrase
// is part of ("the bombing of the UN headquarters in Baghdad that
// killed") and any phrase after an event noun ("a rocket attack on a
// base near Kirkuk that killed": the attack); also when the name follows
// a place noun ("near the city of Mosul that killed"); else k.
func (a *article) properPPObject(st *sentence, k int) int {
	toks := st.Tokens
	j := k - 1
	for j >= 0 && (toks[j].Tag == "NNP" || toks[j].Tag == "NNPS") {
		j--
	}
	if j > 1 && j < k-1 && st.words[j] == "of" && locativeNouns[st.words[j-1]] {
		// "near the northern city of Mosul that killed": the name of
		// a place noun is the place's name.
		for j--; j > 0 && nominalTag(toks[j].Tag); j-- {
		}
	}
	if j == k-1 || j < 1 || toks[j].Tag != "IN" || st.words[j] == "of" || !strings.HasPrefix(toks[j-1].Tag, "NN") {
		return k
	}
	for {
		i := j - 1
		for i >= 0 && nominalTag(toks[i].Tag) {
			i--
		}
		if i < 1 || toks[i].Tag != "IN" || !strings.HasPrefix(toks[i-1].Tag, "NN") {
			return j
		}
		if _, event := a.c.dicts.Verbs.NounEvent(st.words[i-1]); st.words[i] != "of" && !event {
			return j
		}
		j = i
	}
}

// nominalTag reports a tag that can be part of a noun phrase.
func nominalTag(t string) bool {
	return t == "DT" || strings.HasPrefix(t, "JJ") || strings.HasPrefix(t, "NN") || t == "CD" || t == "PRP$" || t == "POS" || t == "HYPH"
}

// frontedParticiple returns the comma that closes a participle clause
// opening the sentence with group p ("Speaking to reporters, ...",
// "Angered by the strikes, ...", "After meeting the envoy, ...") before
// the verb at token end, or -1. The clause's own commas ("After beating
// A, B and C to the prize, Joss Stone said") come before the subject's:
// the subject after the last comma, or a name and its appositive between
// the last three ("..., Mwangi Kamau, the army chief, warned").
func frontedParticiple(st *sentence, p *verbGroup, end int) int {
	start := 0
	if st.Tokens[0].Tag == "IN" {
		start = 1
	}
	if p.start != start || st.Tokens[p.head].Tag != "VBG" && st.Tokens[p.head].Tag != "VBN" {
		return -1
	}
	var commas []int
	for k := p.end; k < end; k++ {
		if st.words[k] == "," {
			commas = append(commas, k)
		}
	}
	switch n := len(commas); {
	case n > 0 && commas[n-1] < end-1:
		return commas[n-1]
	case n >= 3:
		return commas[n-3]
	}
	return -1
}

//go:embed frames.txt
var framesTxt string

// verbFrame says how a verb takes its complements (frames.txt, learned
// from a treebank by scripts/verbframes).
type verbFrame uint8

const (
	// frameControl: its object does what a to-infinitive after it says
	// ("asked Pakistan to arrest"). Keyed with the preposition of a
	// prepositional object: "call on".
	frameControl verbFrame = 1 << iota
	// frameClause: it takes a clause as its complement ("said Syria and
	// Turkey had agreed").
	frameClause
)

var verbFrames = sync.OnceValue(func() map[string]verbFrame {
	m := map[string]verbFrame{}
	for line := range strings.Lines(framesTxt) {
		f := strings.Split(strings.TrimSuffix(line, "\n"), "\t")
		if len(f) < 2 || strings.HasPrefix(line, "#") {
			continue
		}
		switch f[0] {
		case "control":
			m[f[1]] |= frameControl
		case "clause":
			m[f[1]] |= frameClause
		}
	}
	return m
})

// controller returns the object of group gi when it is the subject of
// the to-infinitive at token to right after it: "asked Pakistan to
// arrest", "called on Russia to withdraw" (object control), not
// "summoned the ambassador to complain" (a purpose, the subject's).
func (a *article) controller(st *sentence, gi, to int) *sitrep.EventActor {
	o := st.obj[gi]
	if o == nil || o.Actor == "" || to < 1 || o.End != st.Tokens[to-1].End {
		return nil
	}
	key := a.lemma(st, st.groups[gi].head)
	if k := st.tokenAt(o.Start); k > 0 && (st.Tokens[k-1].Tag == "IN" || st.Tokens[k-1].Tag == "TO") {
		key += " " + st.words[k-1]
	}
	if verbFrames()[key]&frameControl == 0 {
		return nil
	}
	if s := st.subj[gi]; s != nil && (o.Actor == "---MIL" || o.Actor == "---COP") {
		// "Kenya ordered troops to reinforce the border": troops of no
		// named country that a country commands are its own, as "its
		// troops" are.
		return withCountryOf(o, s)
	}
	return o
}

// quoteOpensSentence reports whether the quotation closed at k opens its
// sentence (or began in an earlier one), so that nothing before it can be
// the subject: not "X, who went “because …,” expressed".
func quoteOpensSentence(toks []sitrep.Token, k int) bool {
	for j := k - 1; j >= 0; j-- {
		if t := toks[j]; t.Tag == "``" || t.Text == "“" {
			return j <= 1
		}
	}
	return true
}

// startsNP reports tags that open a noun phrase.
func startsNP(tag string) bool {
	switch tag {
	case "DT", "NN", "NNS", "NNP", "NNPS", "JJ", "CD", "PRP$":
		return true
	}
	return false
}

// hasClause reports whether tokens [from, to) hold a finite verb, a
// relative pronoun or "including": a remark on the noun before them, not
// its members ("composed of the EU and Russia").
func hasClause(st *sentence, from, to int) bool {
	for k := from; k < to; k++ {
		switch st.Tokens[k].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
		if isRelative(st.words[k], st.Tokens[k].Tag) || st.words[k] == "including" {
			return true
		}
	}
	return false
}

var predicative = lexicon.set("predicative") // loaded from lexicon.txt, section [predicative]

var militaryMeans = lexicon.set("militaryMeans") // loaded from lexicon.txt, section [militaryMeans]

// lastNoun is the last common noun in [from, to), lower-cased, or "".
func lastNoun(st *sentence, from, to int) string {
	for k := to - 1; k >= from; k-- {
		if t := st.Tokens[k].Tag; t == "NN" || t == "NNS" {
			return st.words[k]
		}
	}
	return ""
}

// possessorOf returns the coded possessor of the common noun at k ("the
// president's decision", "its refusal"), or nil.
func (a *article) possessorOf(st *sentence, k int) *sitrep.EventActor {
	toks := st.Tokens
	if t := toks[k].Tag; t != "NN" && t != "NNS" {
		return nil
	}
	j := k - 1
	for j >= 0 && (toks[j].Tag == "JJ" || toks[j].Tag == "NN" || toks[j].Tag == "VBN") {
		j-- // "the government's controversial decision"
	}
	if j < 0 {
		return nil
	}
	var act *sitrep.EventActor
	switch toks[j].Tag {
	case "POS":
		act = a.npBefore(st, j)
	case "PRP$":
		if p, ok := possessivePronoun[st.words[j]]; ok {
			if ante := a.antecedent(p); ante != nil {
				act = pronounFor(ante, toks[j])
			}
		}
	}
	if act == nil || act.Actor == "" {
		return nil
	}
	return act
}

var possessivePronoun = lexicon.pairs("possessivePronoun") // loaded from lexicon.txt, section [possessivePronoun]

// quantifier reports a preposition used before a number ("about 200
// supporters", "over 50 soldiers"): it opens a noun phrase, not an
// adverbial.
func quantifier(toks []sitrep.Token, k int) bool {
	if k+1 >= len(toks) {
		return false
	}
	n := toks[k+1]
	if n.Tag == "CD" {
		return true
	}
	// "between 10-15 civilians": a range the tagger did not read as a number.
	i := strings.IndexByte(n.Text, '-')
	return i > 0 && digits(n.Text[:i]) && digits(n.Text[i+1:])
}

// isSubjectPronoun reports whether w is a nominative personal pronoun that
// actorOne resolves.
func isSubjectPronoun(w string) bool {
	switch w {
	case "he", "she", "it", "they", "we":
		return true
	}
	return false
}

// pronounAgrees reports whether pronoun p before a verb tagged tag can be
// its subject and refer to the last subject: "it" only before a finite
// verb ("see it crack" has "it" as an object) and for a singular
// antecedent, "they" for a plural one ("China told Hong Kong people they
// need not" is not China).
func (a *article) pronounAgrees(p, tag string) bool {
	if a.lastSubject == nil {
		return true
	}
	plural := pluralText(a.lastSubject.Text)
	switch p {
	case "it":
		return !plural && (tag == "VBD" || tag == "VBZ" || tag == "MD")
	case "they":
		return plural
	}
	return true
}

// pluralText guesses whether a noun phrase is plural from its last word or
// a coordination. Country and organisation names ending in -s are singular.
func pluralText(text string) bool {
	t := strings.ToLower(text)
	if strings.Contains(t, " and ") {
		return true
	}
	w := t[strings.LastIndexByte(t, ' ')+1:]
	if pluralCollectives[w] {
		return true
	}
	if singularPlurals[w] {
		return false
	}
	if strings.HasSuffix(w, "men") && len(w) > 4 || w == "men" || w == "children" {
		return true // gunmen, militiamen, policemen
	}
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "'s") && !strings.HasSuffix(w, "us")
}

var pluralCollectives = lexicon.set("pluralCollectives") // loaded from lexicon.txt, section [pluralCollectives]

var singularPlurals = lexicon.set("singularPlurals") // loaded from lexicon.txt, section [singularPlurals]

// demonym reports a word naming a people ("Hungarian"), which modifies
// the noun of a later coordinated member, unlike a country's name.
func (a *article) demonym(w string) bool {
	if a.c.gaz == nil {
		return false
	}
	_, ok := a.c.gaz.CountryByDemonym(w)
	return ok
}

// collectiveHead reports a phrase ending in a singular collective noun.
func collectiveHead(text string) bool {
	return collectiveNouns[strings.ToLower(text[strings.LastIndexByte(text, ' ')+1:])]
}

var collectiveNouns = lexicon.set("collectiveNouns") // loaded from lexicon.txt, section [collectiveNouns]

// prepositionalAs reports an "as" at k that introduces a noun phrase
// rather than a clause ("ordered out as illegal aliens, but was refusing"):
// no verb follows it before a comma or conjunction ahead of token end.
func prepositionalAs(st *sentence, k, end int) bool {
	if st.words[k] != "as" || k+1 >= end {
		return false
	}
	if asWellAs(st.words, k) >= 0 {
		return true
	}
	for j := k + 1; j < end; j++ {
		t := st.Tokens[j].Tag
		if st.words[j] == "," || t == "CC" {
			return hasNominal(st.Tokens, k+1, j)
		}
		if isVerbTag(t) {
			return false
		}
	}
	return false
}

// isDash reports a dash written as punctuation.
func isDash(w string) bool { return w == "—" || w == "–" || w == "--" || w == "-" }

// frontedAdverbial reports whether the subordinator at k opens a phrase
// with no finite verb that a comma closes before end: "After talks with
// Kenya, Somalia attacked", "Before being attacked, ...". Opening the
// sentence, it is an adverbial, no clause whose words could be the
// subject after it. (Inside a sentence the comma may close an
// appositive: "came after The Hague, current holder of the presidency,
// sought".)
func frontedAdverbial(st *sentence, k, end int) bool {
	switch st.words[k] {
	case "after", "before", "since", "until":
	default:
		return false
	}
	for j := k + 1; j < end; j++ {
		switch t := st.Tokens[j].Tag; {
		case st.words[j] == ",":
			return j > k+1
		case t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD":
			return false
		}
	}
	return false
}

// asWellAs returns where the "as well as" that token k is part of
// starts, or -1: a conjunction of noun phrases, not the "as" of a clause.
func asWellAs(words []string, k int) int {
	for s := max(k-2, 0); s <= k && s+2 < len(words); s++ {
		if words[s] == "as" && words[s+1] == "well" && words[s+2] == "as" {
			return s
		}
	}
	return -1
}

func isRelative(w, tag string) bool {
	return w == "who" || w == "which" || w == "that" && tag == "WDT"
}

// closesQuotation reports whether a quotation closes right before token
// k, after a comma or a full stop: `"...," he said`.
func closesQuotation(toks []sitrep.Token, k int) bool {
	return k >= 2 && (toks[k-1].Tag == "''" || toks[k-1].Text == "”") && (toks[k-2].Text == "," || toks[k-2].Tag == ".")
}

// nominalAfterComma reports whether a noun phrase follows the last comma
// of [from, to).
func nominalAfterComma(st *sentence, from, to int) bool {
	for k := to - 1; k >= from; k-- {
		if st.words[k] == "," {
			return hasNominal(st.Tokens, k+1, to)
		}
	}
	return false
}

// interruptedSubject returns the subject of a quoted clause that an
// attribution interrupts after its subject, for the verb at token v that
// opens the quotation's second part: in `“Uganda,” the Kenyan president
// said, “will pay a heavy price.”` Uganda will pay. The first part must
// be a noun phrase alone, and the second must open with the verb.
func (a *article) interruptedSubject(st *sentence, v int) *sitrep.EventActor {
	toks := st.Tokens
	if v < 6 || toks[v-1].Tag != "``" || st.words[v-2] != "," {
		return nil
	}
	for k := v - 3; k >= 2; k-- {
		if toks[k].Tag == "``" || toks[k].Tag == "''" && st.words[k-1] != "," {
			return nil
		}
		if toks[k].Tag != "''" {
			continue
		}
		open := k - 2
		for open >= 0 && toks[open].Tag != "``" && nounPhraseTag(toks[open].Tag) {
			open--
		}
		if open < 0 || toks[open].Tag != "``" || open+1 >= k-1 {
			return nil
		}
		return a.actorOf(st, open+1, k-1)
	}
	return nil
}

// closedRelative returns the antecedent of the relative clause set off by
// commas that group gi stands in, when the comma at c closes it:
// "Osgiliath, which Mordor attacked last week, appealed" (Osgiliath
// appealed, not Mordor), "Kenya, whose embassy was surrounded, sent"
// (Kenya sent, not the embassy), or nil.
func (a *article) closedRelative(st *sentence, gi, c int) *sitrep.EventActor {
	if st.words[c] != "," {
		return nil
	}
	// The relative clause's own verb may govern non-finite ones before
	// the comma: "who has accused Mogadishu of backing the raid, wrote".
	for gi > 0 && nonFinite(st, gi) {
		gi--
	}
	r := st.groups[gi].start - 1
	for r > 0 && nounPhraseTag(st.Tokens[r].Tag) {
		r--
	}
	if r < 2 || st.words[r] != "which" && st.words[r] != "who" && st.words[r] != "whom" && st.words[r] != "whose" {
		return nil
	}
	if st.words[r-1] != "," {
		return a.appositiveHead(st, r)
	}
	if ante := a.npBefore(st, r-1); ante != nil && ante.Actor != "" {
		return ante
	}
	return nil
}

// appositiveHead returns the noun phrase an appositive ends before, when
// the relative pronoun at r closes that appositive: "Mwangi Kamau, a
// former officer who had served for years, warned" is Kamau's warning.
func (a *article) appositiveHead(st *sentence, r int) *sitrep.EventActor {
	b := r - 1
	for b > 0 && b > r-8 && st.words[b] != "," && !isVerbTag(st.Tokens[b].Tag) {
		b--
	}
	if b < 1 || b == r-1 || st.words[b] != "," {
		return nil
	}
	if ante := a.npBefore(st, b); ante != nil && ante.Actor != "" {
		return ante
	}
	return nil
}

// nonFinite reports whether group gi is a gerund, an infinitive or a
// reduced participle: a verb with no subject of its own.
func nonFinite(st *sentence, gi int) bool {
	g := &st.groups[gi]
	return g.reduced || g.tag == "VBG" || g.start > 0 && st.words[g.start-1] == "to"
}

// coordinatedSubject returns the subject of the group that gi is
// coordinated with: the nearest earlier group of the same tense, so that
// in "X told the press that the embassy is secure and warned ..." the
// subject of "warned" is X, not "the embassy".
func (a *article) coordinatedSubject(st *sentence, gi, prev int) *sitrep.EventActor {
	tag := st.groups[gi].tag
	if reportingLemma[a.lemma(st, st.groups[gi].head)] {
		// "X said the embassy was secure and warned that ...": a verb of
		// saying goes with the earlier verb of saying, not with the verb
		// of what was said.
		for pi := gi - 1; pi >= 0; pi-- {
			if p := &st.groups[pi]; sameForm(p.tag, tag) && !p.reduced && reportingLemma[a.lemma(st, p.head)] {
				return st.subj[pi]
			}
		}
	}
	for pi := gi - 1; pi >= 0; pi-- {
		if sameForm(st.groups[pi].tag, tag) && !st.groups[pi].reduced {
			return st.subj[pi]
		}
	}
	return st.subj[prev]
}

// sameForm reports whether an earlier verb form coordinates with a later
// one: equal tags, or a past tense after a participle the tagger may have
// read for one ("criticised/VBN Annan ... and accused/VBD him"). (A
// participle after a past tense is the passive of "has been arrested and
// charged".)
func sameForm(earlier, later string) bool {
	return earlier == later || earlier == "VBN" && later == "VBD"
}

func hasNominal(toks []sitrep.Token, from, to int) bool {
	for k := from; k < to; k++ {
		if isNounTag(toks[k].Tag) || toks[k].Tag == "PRP" || toks[k].Tag == "EX" {
			return true
		}
	}
	return false
}

// nominalBesidesTime reports whether [from, to) holds a nominal that is no
// part of a time expression: "and on Tuesday warned" coordinates the verb,
// "and the army warned" does not.
func nominalBesidesTime(st *sentence, from, to int) bool {
	for k := from; k < to; k++ {
		if !st.timex[k] && hasNominal(st.Tokens, k, k+1) {
			return true
		}
	}
	return false
}

// object finds the target of an active verb: the noun phrase after it, or
// the object of a following "against/on/at/with/to" phrase when the direct
// object is no actor ("opened fire on protesters"). named is the first of
// those phrases headed by a person or an organisation the dictionaries do
// not know, coded "---" (only when the coder takes named actors,
// Coder.WithNamedSources): a target when no one else is ("granted asylum
// to Mwangi Kamau").
func (a *article) object(st *sentence, g *verbGroup, clauseEnd int) (target, named *sitrep.EventActor) {
	words, toks := st.words, st.Tokens
	k := g.end
	for k < clauseEnd && (toks[k].Tag == "RB" || toks[k].Tag == "RP" || isQuoteTok(toks[k].Text) || a.isTimexTok(st, k)) {
		k++
	}
	if k >= clauseEnd {
		return nil, nil
	}
	// fallback is a direct object that yields to a later phrase naming
	// someone: what is given ("promised military aid to Mozambique") and
	// one's own forces ("withdraw its troops from Lebanon").
	var fallback *sitrep.EventActor
	nameOf := func(obj *sitrep.EventActor) {
		if named == nil {
			named = a.named(st, obj)
		}
	}
	if !isTargetPrep(words[k]) && toks[k].Tag != "IN" && toks[k].Tag != "TO" {
		end := a.listEnd(st, k, clauseEnd)
		obj := a.actorOf(st, k, end)
		if obj != nil && strings.HasPrefix(obj.Actor, "---") {
			obj = a.appositiveCountry(st, obj, end)
		}
		nameOf(obj)
		if n := named; obj != nil && obj.Actor == "" && n != nil {
			if c := a.appositiveCountry(st, n, end); c != n {
				obj, named = c, nil
			}
		}
		if obj != nil && obj.Actor != "" {
			head := headNoun(st, obj.Span)
			_, event := a.c.dicts.Verbs.NounEvent(head)
			switch {
			case transferred[head] || a.possessive(st, k, end):
				fallback = obj
			case event && head != "" && country(obj.Actor) == "---":
				// "unleashed a major military offensive into Gaza": an
				// event noun is what is done, not to whom ("opposed to
				// Turkish mediation" is still aimed at Turkey).
			default:
				return obj, nil
			}
		}
		k = end
	}
	// A target-bearing prepositional phrase in the next few tokens.
	for j := k; j < clauseEnd && j < k+6; j++ {
		// "condemned an attack by X": the agent of the nominal object.
		if isTargetPrep(words[j]) || words[j] == "by" && j > g.end {
			end := a.listEnd(st, j+1, clauseEnd)
			obj := a.actorOf(st, j+1, end)
			if obj != nil && obj.Actor != "" {
				return obj, nil
			}
			nameOf(obj)
			break
		}
		if isVerbTag(toks[j].Tag) || words[j] == "," && !adjectiveComma(toks, j) {
			break
		}
	}
	// Else the first actor in a phrase of the verb's own clause ("acted
	// with respect to Libya", "departed from Libya"), except in a place
	// phrase ("in Baghdad"): places are where, not whom; nor in what the
	// object is called ("condemned the raids as a violation of Somali
	// sovereignty").
	inPlace := false
	for j := g.end; j < clauseEnd; j++ {
		w, t := words[j], toks[j].Tag
		if phraseBreak(st, j) {
			break
		}
		if t != "IN" && t != "TO" {
			continue
		}
		if isPlacePrep(w) || w == "as" || w == "of" && inPlace {
			// ("in the port city of Sfax" is a place throughout.)
			inPlace = true
			continue
		}
		inPlace = false
		end := a.listEnd(st, j+1, clauseEnd)
		if end > j+1 {
			if obj := a.actorOf(st, j+1, end); obj != nil && obj.Actor != "" {
				return obj, nil
			}
		}
	}
	if fallback != nil {
		return fallback, nil
	}
	return nil, named
}

// phraseBreak reports whether token j ends the phrases of a verb's
// clause: a finite verb or a clause comma. Participles stay inside
// ("welcomed memos sent by Bree").
func phraseBreak(st *sentence, j int) bool {
	t := st.Tokens[j].Tag
	return isVerbTag(t) && t != "VBN" && t != "VBG" || st.words[j] == "," && !adjectiveComma(st.Tokens, j)
}

// placeTarget returns the first actor in a place phrase opened by "in" or
// "at" in the verb's own clause ("declared a ceasefire in Yemen"), for a
// verb whose clause names no one else, marked Place (it is also where);
// nil when there is none. A place inside a "from" phrase is the act's
// origin, a target only when originOK (a withdrawal: "withdrew troops
// from bases in Iraq", not "sent Marines from a unit in Kuwait"). It is a
// copy: a coordinated place keeps its members for the actor read, not for
// the target.
func (a *article) placeTarget(st *sentence, g *verbGroup, clauseEnd int, originOK bool) *sitrep.EventActor {
	words, toks := st.words, st.Tokens
	from := false // inside a "from" phrase
	for j := g.end; j < clauseEnd; j++ {
		if phraseBreak(st, j) {
			return nil
		}
		if w := words[j]; w != "in" && w != "at" || toks[j].Tag != "IN" {
			if toks[j].Tag == "IN" || toks[j].Tag == "TO" {
				from = w == "from"
			}
			continue
		}
		if from && !originOK {
			continue
		}
		end := a.listEnd(st, j+1, clauseEnd)
		if obj := a.actorOf(st, j+1, end); end > j+1 && obj != nil && obj.Actor != "" {
			pt := *obj
			pt.Place = true
			return &pt
		}
	}
	return nil
}

var transferred = lexicon.set("transferred") // loaded from lexicon.txt, section [transferred]

// isPlacePrep reports prepositions whose object is where something
// happens, never whom it is done to.
func isPlacePrep(w string) bool {
	switch w {
	case "in", "at", "near", "outside", "inside", "across", "around", "throughout", "within", "through", "alongside", "during", "since", "until", "after", "before":
		return true
	}
	return false
}

func isTargetPrep(w string) bool {
	switch w {
	case "against", "on", "at", "with", "to", "toward", "towards", "upon", "into", "for", "between", "among":
		return true
	}
	return false
}

// npEnd returns where the noun phrase starting at k ends: it runs over
// determiners, adjectives, nouns, numbers, possessives and "of" phrases,
// and stops at other prepositions, verbs, commas and clause breaks.
func (a *article) npEnd(st *sentence, k, limit int) int {
	toks := st.Tokens
	j := k
	for j < limit {
		t, w := toks[j].Tag, st.words[j]
		switch {
		case j > k && st.timex[j]:
			// A date ends the phrase: "US military authorities Wednesday".
			return j
		case j > k && predicative[w] && strings.HasPrefix(toks[j-1].Tag, "NN"):
			// "left ten people dead": the state of the noun, not a part of it.
			return j
		case j == k && t == "IN" && quantifier(toks, j):
			// "about 200 supporters"
		case w == "for" && j > k && titleFor[st.words[j-1]] && j+1 < limit && strings.HasPrefix(toks[j+1].Tag, "NNP"):
			// "Minister for Interior Aftab Sherpao"
		case w == "of" && j > k && (j+1 >= limit || toks[j+1].Tag != "VBG"):
			// ("of" before a gerund opens a clause: "accused Hamas of
			// firing rockets".)
		case t == "DT" || t == "PDT" || strings.HasPrefix(t, "JJ") || strings.HasPrefix(t, "NN") || t == "CD" || t == "PRP$" || t == "POS" || t == "PRP" || t == "HYPH" || isQuoteTok(toks[j].Text):
		case (t == "VBN" || t == "VBG") && j+1 < limit && (strings.HasPrefix(toks[j+1].Tag, "NN") || strings.HasPrefix(toks[j+1].Tag, "JJ") && j > k) && (j > k || j > 0 && participlePrepositions[st.words[j-1]]):
			// (A participle before a noun modifies it, also first after a
			// preposition: "against besieged towns".)
		case t == "CC" && j > k && j+1 < limit && (strings.HasPrefix(toks[j+1].Tag, "NN") || toks[j+1].Tag == "DT" || toks[j+1].Tag == "PRP$" || strings.HasPrefix(toks[j+1].Tag, "JJ")):
		default:
			return max(j, k)
		}
		j++
	}
	return j
}

// skipTime returns where the noun phrase before token k ends once a time
// expression right before k is passed over, with its preposition: the
// relative clause of "air strikes on Sunday that killed 25 fighters"
// tells of the strikes, not of Sunday.
func (a *article) skipTime(st *sentence, k int) int {
	j := k
	for j > 0 && a.isTimexTok(st, j-1) {
		j--
	}
	if j == k {
		return k
	}
	if j > 0 && st.Tokens[j-1].Tag == "IN" {
		j--
	}
	if j == 0 {
		return k
	}
	return j
}

// npBefore returns the noun phrase that ends right before token k: the
// patient of a reduced relative ("militias targeted by ...").
func (a *article) npBefore(st *sentence, k int) *sitrep.EventActor {
	toks := st.Tokens
	j := k - 1
	for j >= 0 && toks[j].Tag == "RB" {
		// "forces later deployed": an adverb between the noun and its
		// participle.
		j--
	}
	end := j + 1
	for j >= 0 {
		t := toks[j].Tag
		if nominalTag(t) {
			j--
			continue
		}
		break
	}
	if j+1 >= end {
		return nil
	}
	return a.actorOf(st, j+1, end)
}

// actorOf codes the noun-phrase stretch [from, to) as an actor. It looks
// for, in this order of trust: a dictionary actor (a person with a role, an
// organisation, a country), a country name or demonym, and an agent noun
// giving the sector ("protesters" OPP, "soldiers" MIL). Sponsors
// ("Iran-backed"), places ("in Baghdad") and nested clauses ("targeted by
// US strikes") do not make the actor.
func (a *article) actorOf(st *sentence, from, to int) *sitrep.EventActor {
	// Split a coordination ("Mordor, Rohan, Fornost and Bree") into its
	// members; separators inside a locative phrase ("police in Lagos and
	// Abuja") or an appositive that names no actor do not split.
	// Commas separate members only in a list closed by "and"/"or"
	// ("A, B and C"); otherwise they set off an appositive ("protesters,
	// supporters of X").
	if to-from > 3 && st.words[to-1] == "," {
		// "Kenya, Somalia's closest ally and now a partner of Ethiopia,
		// accepted": a stretch closed by a comma ends in an appositive,
		// which describes the actor before it and adds no member. An
		// appositive of names lists members ("Two car makers, Ford and
		// GM,"), and one of belief says who the actor is ("protesters,
		// thought to be militia members,").
		c := to - 2
		for c > from && st.words[c] != "," {
			c--
		}
		if c > from && hasCommonNoun(st.Tokens[c+1:to-1]) && !beliefRelative(st.Tokens, st.words, c+1) {
			if act := a.actorOf(st, from, c); act != nil && act.Actor != "" {
				if strings.HasPrefix(act.Actor, "---") && st.Tokens[c+1].Tag != "VBN" && st.Tokens[c+1].Tag != "VBG" {
					// "Gen. Burkhard, the chief of the French defence
					// staff,": the appositive gives the country. A
					// participle clause describes the actor and names
					// others ("supporters, angered by US strikes,").
					if app := a.actorOne(st, c+1, to-1); app != nil && len(app.Actor) >= 3 && app.Actor[:3] != "---" {
						act.Actor = app.Actor[:3] + act.Actor[3:]
					} else {
						act = a.partitiveAppositive(st, act, c)
					}
				}
				return act
			}
		}
	}
	var cuts [16]int
	pieces := cuts[:0]
	start, stop, conj := from, to, false
	for k := from; k < to; k++ {
		w, t := st.words[k], st.Tokens[k].Tag
		if asWellAs(st.words, k) >= 0 {
			conj = true
			continue
		}
		if k > from && (isLocPrep(w) || clauseBreak(w, t) || t == "TO" || isVerbTag(t)) {
			stop = k
			break
		}
		if w == "and" || w == "or" || w == "nor" {
			conj = true
		}
	}
	for k := from; k < stop && len(pieces) < len(cuts)-2; k++ {
		w := st.words[k]
		width := 1
		if asWellAs(st.words, k) == k {
			width = 3
		}
		if (w == "and" || w == "or" || w == "nor" || w == "," && conj || width == 3) && k > start && a.endsNominal(st, start, k) && !a.insideName(st, k) {
			pieces = append(pieces, start, k)
			start = k + width
			k += width - 1
		}
	}
	if len(pieces) == 0 {
		return a.multiCode(st, a.actorOne(st, from, to))
	}
	pieces = append(pieces, start, to)
	var acts []*sitrep.EventActor
	for i := 0; i+1 < len(pieces); i += 2 {
		if pieces[i] >= pieces[i+1] {
			continue
		}
		act := a.actorOne(st, pieces[i], pieces[i+1])
		if act == nil || act.Actor == "" {
			continue
		}
		for _, code := range strings.Split(act.Actor, "/") {
			dup := code == ""
			for _, b := range acts {
				dup = dup || b.Actor == code
			}
			if !dup {
				cp := *act
				cp.Actor = code
				acts = append(acts, &cp)
			}
		}
	}
	if len(acts) < 2 {
		return a.multiCode(st, a.actorOne(st, from, to))
	}
	// "The ambassadors of Chile, Peru and Bolivia": the role before
	// "of" applies to every member.
	if first := acts[0].Actor; len(first) > 3 && indexFrom(st.words, pieces[0], pieces[1], "of") >= 0 {
		for _, b := range acts[1:] {
			if len(b.Actor) == 3 {
				b.Actor += first[3:]
			}
		}
	}
	// "Lawmakers and officials in Ghana and Togo": the places of the
	// last member apply to the members before it that have a role but no
	// country.
	if lp := pieces[len(pieces)-2]; indexLocPrep(st.words, lp, pieces[len(pieces)-1]) >= 0 {
		var ctrs []string
		for _, b := range acts {
			if b.Span.Start >= st.Tokens[lp].Start {
				if c := country(b.Actor); c != "---" && len(c) == 3 && !slices.Contains(ctrs, c) {
					ctrs = append(ctrs, c)
				}
			}
		}
		if len(ctrs) > 0 {
			var out []*sitrep.EventActor
			for _, b := range acts {
				if !strings.HasPrefix(b.Actor, "---") || len(b.Actor) <= 3 || b.Span.Start >= st.Tokens[lp].Start {
					out = append(out, b)
					continue
				}
				for _, c := range ctrs {
					cp := *b
					cp.Actor = c + b.Actor[3:]
					out = append(out, &cp)
				}
			}
			acts = out
		}
	}
	// "Danish media and government": a member with a role but no country
	// takes the country of the first member.
	if c := country(acts[0].Actor); c != "---" && len(c) == 3 {
		for _, b := range acts[1:] {
			if strings.HasPrefix(b.Actor, "---") && len(b.Actor) > 3 {
				b.Actor = c + b.Actor[3:]
			}
		}
	}
	// "Hungarian and Romanian officials": the last member's sector applies
	// to bare country modifiers before it.
	// ("Israel and Hamas": a one-word name has no sector to share.)
	last := acts[len(acts)-1].Actor
	if lt := st.Tokens[pieces[len(pieces)-2]].Tag; len(last) > 3 && (lt == "NNP" || strings.HasPrefix(lt, "JJ")) && strings.Contains(acts[len(acts)-1].Text, " ") {
		for _, b := range acts[:len(acts)-1] {
			if len(b.Actor) == 3 && b.Span.End-b.Span.Start < 20 && !strings.Contains(b.Text, " ") && a.demonym(b.Text) {
				b.Actor += last[3:]
			}
		}
	}
	if st.more == nil {
		st.more = map[*sitrep.EventActor][]*sitrep.EventActor{}
	}
	st.more[acts[0]] = acts[1:]
	return acts[0]
}

// hasCommonNoun reports whether the tokens hold a common noun: a
// description ("the world's largest producer") rather than a list of names.
func hasCommonNoun(toks []sitrep.Token) bool {
	for _, t := range toks {
		if t.Tag == "NN" || t.Tag == "NNS" {
			return true
		}
	}
	return false
}

// endsNominal reports whether the stretch [from, to) can stand as one
// member of a coordination: it ends in a noun, or in a word that names an
// actor by itself ("Hungarian and Romanian officials"), not in a plain
// adjective ("Ruritania's bold and ambitious minister").
func (a *article) endsNominal(st *sentence, from, to int) bool {
	if to <= from {
		return false
	}
	t := st.Tokens[to-1].Tag
	if strings.HasPrefix(t, "NN") || t == "PRP" {
		return true
	}
	if a.c.gaz != nil {
		if _, ok := a.c.gaz.CountryByDemonym(st.Tokens[to-1].Text); ok {
			return true
		}
	}
	_, ok := a.c.dicts.Actors.Match(st.words[to-1:to], a.Doc.Article.Published)
	return ok
}

// multiCode splits an actor whose dictionary code lists several actors
// ("FRO/BIL/SAM": a name that stands for a group) into members.
func (a *article) multiCode(st *sentence, act *sitrep.EventActor) *sitrep.EventActor {
	if act == nil || !strings.Contains(act.Actor, "/") {
		return act
	}
	codes := strings.Split(act.Actor, "/")
	act.Actor = codes[0]
	if st.more == nil {
		st.more = map[*sitrep.EventActor][]*sitrep.EventActor{}
	}
	for _, c := range codes[1:] {
		if c == "" {
			continue
		}
		cp := *act
		cp.Actor = c
		st.more[act] = append(st.more[act], &cp)
	}
	return act
}

// listEnd returns the end of the noun phrase at k, extended over a list
// "A, B, C and D" when the commas lead to a conjunction.
func (a *article) listEnd(st *sentence, k, limit int) int {
	end := a.npEnd(st, k, limit)
	if end > k && end+3 < limit && asWellAs(st.words, end) == end {
		// "criticized Russia as well as China"
		if n := a.npEnd(st, end+3, limit); n > end+3 {
			return n
		}
	}
	e := end
	for e < limit && st.words[e] == "," {
		n := a.npEnd(st, e+1, limit)
		if n <= e+1 {
			return end
		}
		for j := e + 1; j < n; j++ {
			if st.words[j] == "and" || st.words[j] == "or" {
				return n // the noun phrase took the closing "and D"
			}
		}
		e = n
		if e < limit && (st.words[e] == "and" || st.words[e] == "or") {
			if n := a.npEnd(st, e+1, limit); n > e+1 {
				return n
			}
			return end
		}
	}
	return end
}

// actorOne codes a stretch that names one actor.
func (a *article) actorOne(st *sentence, from, to int) *sitrep.EventActor {
	words, toks := st.words, st.Tokens
	for from < to && (words[from] == "," || toks[from].Tag == "CC" || isQuoteTok(toks[from].Text) || from+1 < to && a.isTimexTok(st, from) ||
		from+1 < to && toks[from+1].Tag == "CD" && (words[from] == "around" || words[from] == "near" || words[from] == "over" || words[from] == "under")) {
		// (A date before the phrase is an adverbial: "said Tuesday its
		// forces had withdrawn", "On Monday Peruvian President Alberto
		// Fujimori met". Before a number, "around" is no place: "Around
		// 77,000 Nigerians".)
		from++
	}
	for to > from+1 && (toks[to-1].Tag == "RB" || toks[to-1].Tag == "RBR") {
		// "They also shelled", "Israel reportedly struck": adverbs before
		// the verb are not part of the subject.
		to--
	}
	for k := from + 1; k+1 < to; k++ {
		// "US airstrikes on Iran-backed militias killed 25": the event
		// noun's target is no part of the actor its modifiers name. (Its
		// participants are: "a clash between police and traders".)
		if strings.HasPrefix(toks[k].Tag, "NN") && (words[k+1] == "on" || words[k+1] == "against") {
			if _, ok := a.c.dicts.Verbs.NounEvent(words[k]); ok {
				to = k + 1
				break
			}
		}
	}
	if from >= to {
		return nil
	}
	// Pronouns refer back to the last subject; first-person ones inside
	// a quotation to its speaker.
	if to-from == 1 && (toks[from].Tag == "PRP" || toks[from].Tag == "PRP$") {
		if firstPerson(words[from]) {
			if sp := a.quoteSpeaker(toks[from].Start); sp != nil {
				return pronounFor(sp, toks[from])
			}
		}
		switch words[from] {
		case "they", "he", "she", "it", "we":
			if ante := a.antecedent(words[from]); ante != nil {
				return pronounFor(ante, toks[from])
			}
		}
		return nil
	}
	date := a.Doc.Article.Published
	var matches []string
	var full, ctry, sector, agentWord, name, prefix string
	var crowd, crowdWord string // the agent of a transparent noun before "of"
	ctryOf := false             // the country came in an "of" complement ("the population of Gondor")
	anchor := -1                // the first token that gave part of the code
	locSkip, locCtry, ledCtry := false, "", ""
	locName, locMore := false, "" // locMore: "/XXX" for further places ("in A and B")
	for k := from; k < to; {
		w, t := words[k], toks[k].Tag
		if k > from && (clauseBreak(w, t) || (t == "VBN" && k+1 < to && words[k+1] == "by")) {
			break
		}
		if k > from && beliefRelative(toks, words, k) {
			// "protesters believed to be Iraqi militia members": what the
			// actor is believed to be identifies it; read on past it.
			k += 3
			continue
		}
		if k > from && (t == "VBD" || t == "VBZ" || t == "VBP") {
			break
		}
		if k > from && w == "by" && (full != "" || ctry != "" || sector != "") {
			// "the storming of the US Embassy by protesters": the agent
			// of an event noun is another actor than the one named
			// before it. ("Attacks by militants" is the militants.)
			break
		}
		if k > from && w == "to" && k+1 < to && toks[k+1].Tag == "VB" {
			// "efforts to clear militia members": the infinitive's object
			// is not the actor.
			break
		}
		if isLocPrep(w) {
			locSkip, locName = true, true
			k++
			continue
		}
		if locSkip {
			if t == "CC" && (w == "and" || w == "or") && k+1 < to && toks[k+1].Tag == "NNP" {
				// "lawmakers in Fornost and Gondor": one agent in each.
				locName = true
				k++
				continue
			}
			if strings.HasPrefix(t, "NN") || t == "DT" || strings.HasPrefix(t, "JJ") || t == "CD" {
				// "police in Lagos": the place's country is a fallback for
				// an actor that has no country of its own.
				if locName && strings.HasPrefix(t, "NNP") {
					locName = false
					c := ""
					if m, ok := a.c.dicts.Actors.Match(words[k:to], date); ok && len(m.Code) >= 3 && m.Code[:3] != "---" {
						c = m.Code[:3]
					} else if gc, ok := a.c.gaz.CountryByName(toks[k].Text); ok {
						c = gc.ISO3
					}
					if locCtry == "" {
						locCtry = c
					} else if c != "" && c != locCtry && !strings.Contains(locMore, c) {
						locMore += "/" + c
					}
				}
				k++
				continue
			}
			locSkip = false
		}
		if isAffiliation(w) {
			if lead, ok := strings.CutSuffix(w, "-led"); ok && ledCtry == "" {
				// "Kenyan-led forces", "the Saudi-led coalition": who
				// leads them is who they act for, when nothing else in
				// the phrase names a country (a sponsor, "Iran-backed",
				// is not).
				if m, ok := a.c.dicts.Actors.Match([]string{lead}, date); ok && len(m.Code) >= 3 && m.Code[:3] != "---" {
					ledCtry = m.Code[:3]
				}
			}
			k++
			continue
		}
		if full == "" {
			if ei := st.entity[k]; ei >= 0 && a.Entities[ei].Type == sitrep.Person {
				e := &a.Entities[ei]
				if m, ok := a.c.dicts.Actors.Match(a.entityWords(ei), date); ok && len(m.Code) == 3 && ctry != "" && ctry != m.Code && (ctryOf || !slices.Contains(words[from:k], "of")) {
					// "Ithilen's minister Calimehtar": a name listed with a
					// bare country only says less than the country already
					// named for this person. "The population of Gondor of
					// the Prince" stays Gondor's, but in "the Gondor of the
					// Prince" the person qualifies the country.
					if a.trace != nil {
						matches = a.note(matches, "actor (person entity %q): %s → %s [%s], country %s kept", e.Name, m.Name, m.Code, m.Source, ctry)
					}
					k = a.skipEntity(st, k, to, e)
					continue
				} else if ok {
					full, name = m.Code, e.Name
					anchor = firstOf(anchor, k)
					if a.trace != nil {
						matches = a.note(matches, "actor (person entity %q): %s → %s [%s]", e.Name, m.Name, m.Code, m.Source)
					}
					k = a.skipEntity(st, k, to, e)
					continue
				}
			}
			if m, ok := a.c.dicts.Actors.Match(words[k:to], date); ok && t != "PRP" {
				// (A personal pronoun is no name: "impede us" is not the US.)
				if a.trace != nil {
					matches = a.note(matches, "actor: %s → %s [%s]", m.Name, m.Code, m.Source)
				}
				anchor = firstOf(anchor, k)
				if len(m.Code) > 3 && (ctry == "" || orgCode(m.Code)) {
					// (An organisation's code is its own: "the American
					// retailer Pier 1 Imports" is MNCUSA, not USA+USA.)
					full = m.Code
				} else if ctry == "" {
					ctry = m.Code[:min(3, len(m.Code))]
					ctryOf = slices.Contains(words[from:k], "of")
				}
				if len(m.Code) > 3 && ctry != "" && sector == "" {
					sector = m.Code[3:]
				}
				k += max(m.Words, 1)
				continue
			}
		}
		if ctry == "" && a.c.gaz != nil && isUpper(toks[k].Text) {
			if c, ok := a.c.gaz.CountryByDemonym(toks[k].Text); ok {
				if a.trace != nil {
					matches = a.note(matches, "gazetteer demonym: %s → %s", toks[k].Text, c.ISO3)
				}
				ctry, anchor = c.ISO3, firstOf(anchor, k)
				k++
				continue
			}
			if c, ok := a.c.gaz.CountryByName(toks[k].Text); ok && strings.HasPrefix(t, "NNP") {
				if a.trace != nil {
					matches = a.note(matches, "gazetteer country: %s → %s", toks[k].Text, c.ISO3)
				}
				ctry, anchor = c.ISO3, firstOf(anchor, k)
				k++
				continue
			}
		}
		if sector == "" && (strings.HasPrefix(t, "NN") || strings.HasPrefix(t, "JJ") && !(w == "official" && k+1 < to)) {
			// ("official" before a noun means formal, not a government
			// official: "an official visit", "official media".)
			if am, ok := a.c.dicts.Agents.Lookup(words[k:to]); ok {
				code, n := am.Code, am.Words
				if a.trace != nil {
					matches = a.note(matches, "agent: %s → %s [%s]", strings.Join(words[k:k+max(n, 1)], " "), code, am.Source)
				}
				anchor = firstOf(anchor, k)
				if am.Prefix {
					// An organisation prefix ("MSF Arnor" = NGOARN) is
					// written before the actor's code.
					if prefix == "" {
						prefix = code
					}
					k += max(n, 1)
					continue
				}
				if k+n < to && words[k+n] == "of" && transparentNouns[w] && crowd == "" {
					// "a crowd of militia supporters": the "of" phrase says
					// who the crowd is, when it names an agent of its own.
					crowd, crowdWord = code, w
					k += max(n, 1)
					continue
				}
				sector, agentWord = code, strings.Join(words[k:k+max(n, 1)], " ")
				k += max(n, 1)
				continue
			}
		}
		k++
	}
	if sector == "" && crowd != "" {
		sector, agentWord = crowd, crowdWord
	}
	namesCountry := ctry != "" || len(full) >= 3 && full[:3] != "---" // by its own words, not by a fallback below
	code := full
	if len(full) == 3 && sector != "" && !strings.HasPrefix(full, sector) {
		// "Bree Prime Minister Romendacil": a person coded with a bare
		// country takes the role the stretch names.
		code = full + sector
	}
	if code == "" {
		if m, ok := a.memory[agentWord]; ctry == "" && ok && m.at < st.Tokens[from].Start {
			ctry = m.country
		} else if m, ok := a.memory[groupKey(sector)]; ctry == "" && groupSectors[sector] && ok && m.at < st.Tokens[from].Start {
			// "Kenyan protesters stormed ... The demonstrators": the
			// crowd of the article named again by another word.
			ctry = m.country
		}
		if ctry == "" && sector != "" && a.possessive(st, from, to) && a.lastSubject != nil && len(a.lastSubject.Actor) >= 3 && a.lastSubject.Actor[:3] != "---" {
			// "Israel said its forces had withdrawn": the possessor of an
			// agent is the last subject.
			ctry = a.lastSubject.Actor[:3]
		}
		if ctry == "" && sector == "" && a.possessive(st, from, to) && militaryMeans[lastNoun(st, from, to)] && a.lastSubject != nil && len(a.lastSubject.Actor) >= 3 && a.lastSubject.Actor[:3] != "---" {
			// "The army said its aircraft struck": one's aircraft, ships
			// and guns are one's military.
			ctry, sector = a.lastSubject.Actor[:3], "MIL"
		}
		if ctry == "" && ledCtry != "" {
			ctry = ledCtry
		}
		usedLoc := false
		if ctry == "" && sector != "" && locCtry != "" {
			ctry, usedLoc = locCtry, true
		}
		if ctry == "" && sector != "" && a.datelineCtry != "" && a.sentIndex == a.datelineSent {
			// "NAIROBI, Kenya — President William Ruto appealed for
			// calm": in the sentence a dateline opens, an agent of no
			// known country is of the country the report was filed in.
			// (Further on, "officials" in a story filed in Washington
			// may well be Syria's.)
			ctry = a.datelineCtry
		}
		switch {
		case ctry != "" && sector != "":
			code = ctry + sector
		case ctry != "":
			code = ctry
		case sector != "":
			code = "---" + sector
		}
		if usedLoc && locMore != "" {
			// "lawmakers in Fornost and Gondor": FORLEG and GONLEG, split
			// into members by multiCode.
			for _, c := range strings.Split(locMore[1:], "/") {
				code += "/" + c + sector
			}
		}
	}
	if ei, k := a.namedPerson(st, from, to); ei >= 0 && prefix == "" {
		// Only what names the person codes it: its title or its own
		// entry, not a country further on ("Weizsaecker, on a visit to
		// Argentina,").
		e, at := &a.Entities[ei], st.Tokens[from].Start
		m, ok := a.persons[e.Name]
		own := anchor >= 0 && anchor <= k
		switch {
		case own && len(code) >= 3 && code[:3] != "---" && !strings.Contains(code, "/"):
			if !ok {
				a.persons[e.Name] = learnedCode{code, at}
			}
		case ok && m.at < at && (!own || code == "---"+m.code[3:] || len(m.code) == 3 && strings.HasPrefix(code, "---")):
			// "Kamau said" after "Kenyan President Mwangi Kamau": the
			// person named again is who the article said they were
			// ("President Kamau" after "Kenya's Mwangi Kamau": KENGOV).
			if a.trace != nil {
				matches = a.note(matches, "person %q named before as %s", e.Name, m.code)
			}
			if len(m.code) == 3 {
				code = m.code + strings.TrimPrefix(code, "---")
			} else {
				code = m.code
			}
			name = e.Name
		}
	}
	if prefix != "" && code != "" && !strings.HasPrefix(code, prefix) {
		code = prefix + code
	}
	if agentWord == "" && full != "" {
		agentWord = a.firstAgentWord(st, from, to)
	}
	if agentWord != "" && len(code) >= 3 && code[:3] != "---" {
		a.memory[agentWord] = learned{code[:3], st.Tokens[from].Start}
		if i := strings.LastIndexByte(agentWord, ' '); i >= 0 {
			// "Kenya's foreign ministry ... The ministry said": the head
			// of an agent phrase names it again.
			a.memory[agentWord[i+1:]] = learned{code[:3], st.Tokens[from].Start}
		}
		if groupSectors[sector] && a.isCountry(code[:3]) {
			// (Only a country: "Islamic State fighters" in 2015 say
			// nothing of whose militia another word names.)
			a.memory[groupKey(sector)] = learned{code[:3], st.Tokens[from].Start}
		}
	}
	if anchor > from && (!nominalStretch(toks[from:anchor]) || slices.Contains(st.timex[from:anchor], true)) && !a.personAt(st, from) {
		// "Earlier, soldiers charged", "in Ramallah, teachers refused":
		// the actor's span is the noun phrase that names it, not the
		// adverbial before it.
		start := from
		from = anchor
		for from > start && nominalStretch(toks[from-1:from]) && toks[from-1].Text != "," && !st.timex[from-1] {
			from--
		}
	}
	end := a.npEnd(st, from, to)
	for end > from+1 && isQuoteTok(toks[end-1].Text) {
		end-- // a closing quotation mark is no part of the name
	}
	if end <= from {
		end = min(from+1, to)
	}
	if namesCountry && len(code) > 3 && code[:3] != "---" && !strings.Contains(code, "/") && name == "" && end+2 < len(toks) && toks[end].Text == "," {
		// "The president of Kenya, Amina Wekesa, blamed ...": the name in
		// apposition to a coded role is that person's, for later mentions
		// ("Ms. Wekesa warned").
		if ei := st.entity[end+1]; ei >= 0 && a.Entities[ei].Type == sitrep.Person && a.Entities[ei].Start == toks[end+1].Start {
			e := &a.Entities[ei]
			k := a.skipEntity(st, end+1, len(toks), e)
			if _, known := a.persons[e.Name]; !known && k < len(toks) && (toks[k].Text == "," || isVerbTag(toks[k].Tag)) {
				a.persons[e.Name] = learnedCode{code, toks[from].Start}
			}
		}
	}
	a.traceActor(from, to, code, matches)
	act := &sitrep.EventActor{
		Span:  sitrep.Span{Start: toks[from].Start, End: toks[end-1].End},
		Text:  a.Doc.SpanText(sitrep.Span{Start: toks[from].Start, End: toks[end-1].End}),
		Actor: code,
		Name:  name,
	}
	return act
}

// isCountry reports whether code is a country's ISO 3166-1 alpha-3 code,
// not one of CAMEO's international or regional actors (IGO, IMG, AFR).
func (a *article) isCountry(code string) bool {
	if a.c.gaz == nil {
		return true
	}
	_, ok := a.c.gaz.Country(code)
	return ok
}

// groupKey keys the article memory's country of the last actor of a
// [groupSectors] sector, whatever word named it (no agent word has a
// space and a hash).
func groupKey(sector string) string { return "# " + sector }

// appositiveCountry gives an actor of no country the country of a noun
// phrase in apposition after it, at token end: "bombed the Tana
// Liberation Front, a Somali armed group", "stormed by demonstrators,
// supporters of Somali militias", or of what a belief relative says it is
// ("by demonstrators believed to be Somali militia members"). A clause
// there is no appositive (", a Kenyan official said").
func (a *article) appositiveCountry(st *sentence, act *sitrep.EventActor, end int) *sitrep.EventActor {
	w := st.words
	if beliefRelative(st.Tokens, w, end) {
		return withCountryOf(act, a.actorOne(st, end+3, a.npEnd(st, end+3, len(w))))
	}
	if end+2 >= len(w) || w[end] != "," || w[end+1] != "a" && w[end+1] != "an" && w[end+1] != "the" && st.Tokens[end+1].Tag != "NNS" {
		return act
	}
	stop := end + 1
	for stop < len(w) && w[stop] != "," && st.Tokens[stop].Tag != "." && !clauseBreak(w[stop], st.Tokens[stop].Tag) {
		stop++
	}
	for _, g := range st.groups {
		if g.start > end && g.start < stop && !g.reduced {
			return act
		}
	}
	if st.Tokens[end+1].Tag == "NNS" && slices.ContainsFunc(st.Tokens[end+1:stop], func(t sitrep.Token) bool { return t.Tag == "CC" }) {
		return act // a list: "by police, soldiers and Somali militiamen"
	}
	return withCountryOf(act, a.actorOne(st, end+1, stop))
}

// withCountryOf returns act, of no country, with the country of app when
// app has one (not an organisation's prefix).
func withCountryOf(act, app *sitrep.EventActor) *sitrep.EventActor {
	if app == nil || len(app.Actor) < 3 || app.Actor[:3] == "---" || orgCode(app.Actor) {
		return act
	}
	cp := *act
	cp.Actor = app.Actor[:3] + act.Actor[3:]
	if act.Actor == "---" {
		// A name the dictionaries do not know is what its appositive
		// says it is: "the Jubba Front, a Somali militia" is SOMUAF.
		cp.Actor = app.Actor
	}
	return &cp
}

// namedPerson returns the person entity the stretch [from,to) names and
// the index of its first token, or -1: a PERSON entity preceded in the
// stretch only by words of a title ("Kenyan President Mwangi Kamau",
// "Gen. Kamau"), not one inside a complement ("a spokesman for Kamau")
// or a possessive ("Kamau's guards").
func (a *article) namedPerson(st *sentence, from, to int) (int, int) {
	for k := from; k < to; k++ {
		if ei := st.entity[k]; ei >= 0 && a.Entities[ei].Type == sitrep.Person {
			e := &a.Entities[ei]
			if e.Start != st.Tokens[k].Start {
				return -1, -1
			}
			end := k + 1
			for end < to && st.Tokens[end].Start < e.End {
				end++
			}
			if end < to && st.Tokens[end].Tag == "POS" {
				return -1, -1
			}
			return ei, k
		}
		switch t := st.Tokens[k].Tag; {
		case strings.HasPrefix(t, "NN"), strings.HasPrefix(t, "JJ"), t == "DT" && k == from:
		default:
			return -1, -1
		}
	}
	return -1, -1
}

// insideName reports whether token k lies inside a multi-word name the
// entity stage found ("Hongkong and Shanghai Banking Corp", "Trinidad and
// Tobago"), which a coordination must not split.
func (a *article) insideName(st *sentence, k int) bool {
	ei := st.entity[k]
	if ei < 0 {
		return false
	}
	e := &a.Entities[ei]
	return e.Start < st.Tokens[k].Start && e.End > st.Tokens[k].End
}

var titleFor = lexicon.set("titleFor") // loaded from lexicon.txt, section [titleFor]

// personAt reports whether a name opens the stretch at token k: a PERSON
// entity, or proper nouns up to a comma ("Salaheddine Sidhoum, Algeria's
// leading rights activist" is named by its start).
func (a *article) personAt(st *sentence, k int) bool {
	if ei := st.entity[k]; ei >= 0 && a.Entities[ei].Type == sitrep.Person && a.Entities[ei].Start == st.Tokens[k].Start {
		return true
	}
	j := k
	for j < len(st.Tokens) && st.Tokens[j].Tag == "NNP" {
		j++
	}
	return j > k && j < len(st.Tokens) && st.words[j] == ","
}

// orgCode reports actor codes of organisations, which begin with a type
// prefix instead of a country: IGOUNO, NGOHRIAMN, IMGMUSALQ, MNCUSA.
func orgCode(code string) bool {
	switch code[:min(3, len(code))] {
	case "IGO", "NGO", "IMG", "MNC":
		return true
	}
	return false
}

// firstOf keeps the first token index seen.
func firstOf(anchor, k int) int {
	if anchor < 0 {
		return k
	}
	return anchor
}

// nominalStretch reports whether toks are all noun-phrase material, so a
// phrase starting with them still starts with its noun phrase.
func nominalStretch(toks []sitrep.Token) bool {
	for i, t := range toks {
		switch {
		case t.Text == "of" || t.Tag == "IN" && quantifier(toks, i):
			// "supporters of X", "about 200 supporters"
		case t.Tag == "DT" || t.Tag == "PDT" || t.Tag == "CD" || t.Tag == "PRP$" || t.Tag == "POS" || t.Tag == "HYPH":
		case strings.HasPrefix(t.Tag, "JJ") || strings.HasPrefix(t.Tag, "NN"):
		case isQuoteTok(t.Text):
		default:
			return false
		}
	}
	return true
}

// remember records a subject for later pronouns.
func (a *article) remember(s *sitrep.EventActor) {
	const keep = 6
	if n := len(a.subjects); n > 0 && a.subjects[n-1].Text == s.Text && a.subjects[n-1].Actor == s.Actor {
		a.subjects[n-1] = s
		return
	}
	if len(a.subjects) == keep {
		copy(a.subjects, a.subjects[1:])
		a.subjects = a.subjects[:keep-1]
	}
	a.subjects = append(a.subjects, s)
}

// antecedent returns the most recent subject that pronoun p can refer to:
// "he" and "she" a single person, "it" a single non-person (a country, an
// organisation), "they" and "we" a group or organisation. The subject may
// have no code ("The pope ... He said"): the pronoun then stays uncoded,
// as it does when no subject agrees.
func (a *article) antecedent(p string) *sitrep.EventActor {
	for i := len(a.subjects) - 1; i >= 0; i-- {
		s := a.subjects[i]
		if a.speakerBefore > 0 && s.Span.Start >= a.speakerBefore {
			continue
		}
		person := (s.Name != "" || a.namesPerson(s.Span)) && !strings.Contains(s.Text, " and ") || personHead(s.Text)
		plural := pluralText(s.Text)
		switch strings.ToLower(s.Text) {
		// A pronoun subject carries its antecedent's name; its own form
		// says what it stands for ("it", for Iran, is no "he").
		case "he", "she":
			person, plural = true, false
		case "it":
			person, plural = false, false
		case "they", "we":
			person, plural = false, true
		}
		switch p {
		case "he", "she":
			if person && !plural {
				return s
			}
		case "it":
			// (A collective noun takes "it" as well as "they": "the army
			// said it had killed".)
			if !person && (!plural || collectiveHead(s.Text)) {
				return s
			}
		default: // they, we
			if !person || plural {
				return s
			}
		}
	}
	return nil
}

// namesPerson reports whether a PERSON entity ends inside span: "Kenyan
// President William Ruto".
func (a *article) namesPerson(span sitrep.Span) bool {
	i := sort.Search(len(a.Entities), func(i int) bool { return a.Entities[i].End > span.Start })
	for ; i < len(a.Entities) && a.Entities[i].Start < span.End; i++ {
		if a.Entities[i].Type == sitrep.Person && a.Entities[i].End <= span.End {
			return true
		}
	}
	return false
}

// personHead reports a phrase headed by a title or role that names one
// person: "the president", "a government spokesman".
func personHead(text string) bool {
	return personTitles[strings.ToLower(text[strings.LastIndexByte(text, ' ')+1:])]
}

var personTitles = lexicon.set("personTitles") // loaded from lexicon.txt, section [personTitles]

// pronounFor returns the actor of pronoun token tok that refers to ante:
// the pronoun's span (the evidence) with the antecedent's code, and its
// name, or its phrase, as the name.
func pronounFor(ante *sitrep.EventActor, tok sitrep.Token) *sitrep.EventActor {
	cp := *ante
	cp.Span, cp.Text = tok.Span, tok.Text
	if cp.Name == "" {
		cp.Name = ante.Text
	}
	return &cp
}

func firstPerson(w string) bool {
	switch w {
	case "i", "we", "me", "us", "our", "my":
		return true
	}
	return false
}

// directQuote returns the first direct (or mixed) quotation holding byte
// offset off for which ok holds, or -1.
func (a *article) directQuote(off int, ok func(q *sitrep.Quote) bool) int {
	if len(a.Quotes) == 0 {
		return -1
	}
	if a.quoteIndex == nil {
		a.quoteIndex = newSpanIndex(len(a.Quotes), a.quoteSpan)
	}
	first := -1
	a.quoteIndex.holding(off, a.quoteSpan, func(i int) {
		if q := &a.Quotes[i]; q.Kind != "indirect" && ok(q) && (first < 0 || i < first) {
			first = i
		}
	})
	return first
}

// quoteSpeaker returns the actor of the speaker of the direct quotation
// holding byte offset off, or nil.
func (a *article) quoteSpeaker(off int) *sitrep.EventActor {
	if i := a.directQuote(off, func(q *sitrep.Quote) bool { return q.SpeakerSpan != nil }); i >= 0 {
		q := &a.Quotes[i]
		if sp, ok := a.speakers[i]; ok {
			return sp
		}
		if a.speakers == nil {
			a.speakers = make(map[int]*sitrep.EventActor)
		}
		a.speakers[i] = nil // a speaker inside its own quote codes as nothing
		ss := a.Doc.Sentences
		si := sort.Search(len(ss), func(k int) bool { return ss[k].End > q.SpeakerSpan.Start })
		if si == len(ss) || len(ss[si].Tokens) == 0 || len(ss[si].Tokens) > maxSentenceTokens {
			return nil
		}
		st := &sentence{Sentence: &ss[si], words: lowerWords(ss[si].Tokens)}
		st.entity, st.timex = a.tokenIndex(st.Sentence)
		toks := st.Tokens
		from := sort.Search(len(toks), func(k int) bool { return toks[k].End > q.SpeakerSpan.Start })
		to := sort.Search(len(toks), func(k int) bool { return toks[k].Start >= q.SpeakerSpan.End })
		if from >= to {
			return nil
		}
		if act := a.actorOf(st, from, to); act != nil && act.Actor != "" {
			a.speakers[i] = act
			return act
		}
	}
	return nil
}

func (a *article) quoteSpan(i int) (int, int)   { return a.Quotes[i].Start, a.Quotes[i].End }
func (a *article) captionSpan(i int) (int, int) { return a.Captions[i].Start, a.Captions[i].End }

// possessive reports whether the phrase [from, to) opens, after any date
// words, with a possessive pronoun ("its forces", "Tuesday their troops").
func (a *article) possessive(st *sentence, from, to int) bool {
	for k := from; k < to; k++ {
		switch {
		case st.Tokens[k].Tag == "PRP$":
			switch st.words[k] {
			case "its", "their", "his", "her":
				return true
			}
			return false
		case a.isTimexTok(st, k):
			continue
		}
		return false
	}
	return false
}

// firstAgentWord returns the first agent noun in [from, to), so that the
// article memory learns "embassy" = USA from "the US Embassy" even when the
// dictionary coded the whole name at once.
func (a *article) firstAgentWord(st *sentence, from, to int) string {
	for k := from; k < to; k++ {
		if strings.HasPrefix(st.Tokens[k].Tag, "NN") {
			if _, n, ok := a.c.dicts.Agents.Match(st.words[k:to]); ok {
				return strings.Join(st.words[k:k+max(n, 1)], " ")
			}
		}
	}
	return ""
}

func (a *article) skipEntity(st *sentence, k, to int, e *sitrep.Entity) int {
	for k < to && st.Tokens[k].Start < e.End {
		k++
	}
	return k
}

func (a *article) isTimexTok(st *sentence, k int) bool { return st.timex[k] }

// codeNominal codes event nouns with their actors inside one noun phrase:
// "US airstrikes on Iran-backed militias" = USA → IRQ 195, "the storming of
// the Kenyan embassy by Somali militants" = SOM → KEN. Both actors must be
// present: a bare "the attack" is not an event of its own.
func (a *article) codeNominal(st *sentence) {
	words, toks := st.words, st.Tokens
	for k := 1; k+2 < len(toks); k++ {
		if !strings.HasPrefix(toks[k].Tag, "NN") && toks[k].Tag != "VBG" {
			continue
		}
		// The noun's preposition, past a date or a place between them:
		// "airstrikes on Sunday against militia bases", "airstrikes in
		// Gedo against ...".
		p := a.skipAdjuncts(st, k+1, 3, func(j int) bool {
			return j+2 < len(toks) && isPlacePrep(words[j]) && !isTargetPrep(words[j]) && strings.HasPrefix(toks[j+1].Tag, "NNP")
		})
		if p+1 >= len(toks) || !isTargetPrep(words[p]) && words[p] != "of" || words[p] == "for" || words[p] == "with" || p > k+1 && words[p] == "of" {
			continue
		}
		m, ok := a.c.dicts.Verbs.NounEvent(words[k])
		if !ok && words[k+1] == "of" && strings.HasSuffix(words[k], "ing") {
			// The gerund of a coded verb, its patient after "of": "the
			// storming of the embassy", "the shelling of the town".
			m, ok = a.c.dicts.Verbs.Match(words[k], nil, nil)
		}
		if mm, ok2 := a.c.dicts.Verbs.MatchNoun([]string{words[k], words[p]}); ok2 && mm.Words == 2 {
			// The noun with its preposition may have a code of its own:
			// "strikes on" a target are military (190), a strike alone
			// is labour's (143).
			m, ok = mm, true
		}
		if strings.HasPrefix(toks[k-1].Tag, "NN") || strings.HasPrefix(toks[k-1].Tag, "JJ") {
			// A compound event noun is more specific than its head:
			// "missile strikes" (195), not "strikes" (143).
			if mm, ok2 := a.c.dicts.Verbs.MatchNoun(words[k-1 : k+1]); ok2 && mm.Words == 2 {
				m, ok = mm, true
			}
		}
		if !ok {
			continue
		}
		// The modifiers before the noun name the source, or its
		// possessor does ("Russia's invasion of Ukraine"); the "of"
		// phrase after it is then the patient, where without one it may
		// be the agent ("an attack of the rebels").
		j := k - 1
		for j >= 0 && (strings.HasPrefix(toks[j].Tag, "JJ") || strings.HasPrefix(toks[j].Tag, "NN") || toks[j].Tag == "HYPH" || toks[j].Tag == "VBN" || toks[j].Tag == "POS") {
			j--
		}
		srcEnd := k
		for i := j + 1; i < k; i++ {
			if toks[i].Tag == "POS" {
				srcEnd = i
			}
		}
		if j+1 >= srcEnd || words[p] == "of" && srcEnd == k {
			if p == k+1 {
				a.codeNominalBy(st, k, m)
			}
			continue
		}
		if srcEnd < k && hasProper(toks, srcEnd, k) {
			// (A name after the possessive is no event: "Chicago's
			// O'Hare International Airport".)
			continue
		}
		src := a.actorOf(st, j+1, srcEnd)
		if src == nil || src.Actor == "" || country(src.Actor) == "---" {
			// A modifier that names no country says what kind of event
			// it is, not who acts: "military aid", "police raids".
			continue
		}
		end := a.npEnd(st, p+1, len(toks))
		tgt := a.actorOf(st, p+1, end)
		if tgt == nil || tgt.Actor == "" {
			continue
		}
		mod := sitrep.Asserted
		if a.inHypotheticalContext(st, j+1) {
			mod = sitrep.Hypothetical
		}
		a.emit(st, m.Code, m.Source, src, tgt, mod, toks[k].Span, j+1, end)
	}
}

// skipAdjuncts returns where the tokens from k on go on after at most n
// date or place phrases: a run of time expression tokens, a preposition
// before one, or a phrase opened at a token for which place holds; k
// itself when none opens there.
func (a *article) skipAdjuncts(st *sentence, k, n int, place func(k int) bool) int {
	toks := st.Tokens
	for range n {
		switch {
		case k < len(toks) && st.timex[k]:
			for k < len(toks) && st.timex[k] {
				k++
			}
		case k+1 < len(toks) && toks[k].Tag == "IN" && st.timex[k+1]:
			k++
		case place(k):
			k = a.npEnd(st, k+1, len(toks))
		default:
			return k
		}
	}
	return k
}

// codeNominalBy codes the event noun at k whose source is the agent
// phrase after its target: "the storming of the Kenyan embassy (in
// Mogadishu) by Somali militants", "the attack on the convoy by rebels".
// Both actors must be coded.
func (a *article) codeNominalBy(st *sentence, k int, m dict.VerbMatch) {
	words, toks := st.words, st.Tokens
	end := a.npEnd(st, k+2, len(toks))
	// A place or a time before the agent: "the storming of the embassy in
	// Mogadishu on Tuesday by ...".
	by := a.skipAdjuncts(st, end, 3, func(k int) bool { return k+1 < len(toks) && isLocPrep(words[k]) })
	if by <= k+2 || by+1 >= len(toks) || words[by] != "by" {
		return
	}
	limit := len(toks)
	for gi := range st.groups {
		if g := &st.groups[gi]; g.start > by {
			limit = g.start // "by Somali rebels killed ten": the clause's verb
			break
		}
	}
	tgt := a.actorOf(st, k+2, end)
	srcEnd := a.npEnd(st, by+1, limit)
	src := a.actorOf(st, by+1, srcEnd)
	if tgt == nil || tgt.Actor == "" || src == nil || src.Actor == "" || src.Actor == tgt.Actor {
		return
	}
	if strings.HasPrefix(src.Actor, "---") {
		src = a.appositiveCountry(st, src, srcEnd)
	}
	mod := sitrep.Asserted
	if a.inHypotheticalContext(st, k) {
		mod = sitrep.Hypothetical
	}
	a.emit(st, m.Code, m.Source, src, tgt, mod, toks[k].Span, k, srcEnd)
}

// hasProper reports whether a proper noun stands in toks[from..to], both
// ends included.
func hasProper(toks []sitrep.Token, from, to int) bool {
	for i := from; i <= to && i < len(toks); i++ {
		if strings.HasPrefix(toks[i].Tag, "NNP") {
			return true
		}
	}
	return false
}

// locate gives material events the place named in their clause or
// sentence (not a place that is one of the actors), else their caption's
// place, else the dateline's place (see useDateline), else the article's
// focus. Verbal events are located only by a place in their own clause: a
// statement has no battlefield.
func (a *article) locate(ev *sitrep.Event, st *sentence, clauseStart, clauseEnd int) {
	cs, ce := st.Tokens[clauseStart].Start, st.End
	if clauseEnd < len(st.Tokens) {
		ce = st.Tokens[clauseEnd].Start
	}
	material := ev.QuadClass == 2 || ev.QuadClass == 4
	bestIdx, reason := -1, ""
	placeStart := func(i int) int { return a.Places[i].Start }
	for _, i := range a.within(&a.placeOrder, len(a.Places), placeStart, st.Span) {
		p := &a.Places[i]
		if p.Resolution == geo.LevelUnresolved || !st.Contains(p.Span) || ev.Source.Overlaps(p.Span) || (ev.Target != nil && ev.Target.Overlaps(p.Span)) || !locative(st, p.Span) {
			continue
		}
		inClause := p.Start >= cs && p.End <= ce
		if !inClause && !material {
			continue
		}
		better := bestIdx < 0 || (inClause && reason != "clause") || (reason == "clause" == inClause && rank(p) > rank(&a.Places[bestIdx]))
		if better {
			bestIdx = i
			reason = "sentence"
			if inClause {
				reason = "clause"
			}
		}
	}
	if bestIdx < 0 && material {
		if st.caption != nil {
			for _, i := range a.within(&a.placeOrder, len(a.Places), placeStart, st.caption.Span) {
				if st.caption.Contains(a.Places[i].Span) && a.Places[i].Resolution != geo.LevelUnresolved {
					bestIdx, reason = i, "caption"
				}
			}
		}
		if bestIdx < 0 && a.useDateline() {
			bestIdx, reason = a.dateline, "dateline"
		}
		if bestIdx < 0 && a.focus != nil {
			p := a.focus
			ev.Location = &sitrep.Location{Name: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon, Reason: "focus", Place: -1}
			return
		}
	}
	if bestIdx >= 0 {
		p := &a.Places[bestIdx]
		ev.Location = &sitrep.Location{Name: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon, Reason: reason, Place: bestIdx}
	}
}

// useDateline reports whether an event with no place of its own is
// placed at the dateline, where the report was filed, rather than at the
// article's focus: when there is no focus, or the focus is the dateline's
// place or a country or region holding it. A focus elsewhere (a story
// filed in WASHINGTON about Syria) is where the events are.
func (a *article) useDateline() bool {
	if a.dateline < 0 {
		return false
	}
	d, f := &a.Places[a.dateline], a.focus
	if f == nil || f.GeonameID == d.GeonameID && f.GeonameID != 0 {
		return true
	}
	if f.Country != d.Country {
		return false
	}
	switch f.Resolution {
	case "country", "region":
		return true
	case "admin1":
		return f.Admin1 == d.Admin1
	}
	return false
}

// within returns, in their original order, the indexes of the facts
// (places or timexes, n of them, start giving each one's start offset)
// that start inside span. The facts are sorted by start once per article
// into *order, so each event reads only its sentence's facts: scanning
// them all made the coder quadratic in the article's length.
func (a *article) within(order *[]int, n int, start func(int) int, span sitrep.Span) []int {
	if *order == nil {
		o := make([]int, n)
		for i := range o {
			o[i] = i
		}
		sort.SliceStable(o, func(x, y int) bool { return start(o[x]) < start(o[y]) })
		*order = o
	}
	o := *order
	lo := sort.Search(len(o), func(k int) bool { return start(o[k]) >= span.Start })
	hi := sort.Search(len(o), func(k int) bool { return start(o[k]) >= span.End })
	a.scratch = append(a.scratch[:0], o[lo:hi]...)
	sort.Ints(a.scratch)
	return a.scratch
}

// locative reports whether the place at span is introduced by a locative
// preposition ("in Baghdad", "near the city of Mosul", "outside northern
// Kabul"): a place used as a modifier ("US airstrikes") or as an actor
// ("Iran said") is not where an event happened.
func locative(st *sentence, span sitrep.Span) bool {
	k, last := -1, -1
	for i, t := range st.Tokens {
		if t.Start == span.Start {
			k = i
		}
		if k >= 0 && t.End <= span.End {
			last = i
		}
	}
	if k < 0 {
		return false
	}
	if next := last + 1; next < len(st.Tokens) && strings.HasPrefix(st.Tokens[next].Tag, "NN") && !placeNoun[st.words[next]] {
		// "at the US embassy": the place names whose embassy it is, not
		// where the event happened ("in Basra province" still counts).
		return false
	}
	for j := k - 1; j >= 0 && j >= k-4; j-- {
		w, t := st.words[j], st.Tokens[j].Tag
		if isLocPrep(w) || w == "on" || w == "off" || w == "outside" || w == "beyond" {
			return w != "from" || j == k-1
		}
		if t == "DT" || strings.HasPrefix(t, "JJ") || t == "NNP" || w == "of" || locativeNouns[w] {
			continue
		}
		return false
	}
	return false
}

var placeNoun = lexicon.set("placeNoun") // loaded from lexicon.txt, section [placeNoun]

var locativeNouns = lexicon.set("locativeNouns") // loaded from lexicon.txt, section [locativeNouns]

// rank prefers specific places: a city over a region over a country.
func rank(p *sitrep.Place) int {
	switch p.Resolution {
	case "city":
		return 3
	case "admin1":
		return 2
	case "region":
		return 1
	}
	return 0
}

// note appends a dictionary match to the trace, when tracing. Callers
// test a.trace first: the arguments would be converted to interfaces,
// and joined, allocating, for every match of every article.
func (a *article) note(ms []string, format string, args ...any) []string {
	if a.trace == nil {
		return ms
	}
	return append(ms, fmt.Sprintf(format, args...))
}

// isUpper reports a word starting with a capital letter: country names
// and demonyms are written so, which spares gazetteer look-ups.
func isUpper(w string) bool {
	return w != "" && (w[0] >= 'A' && w[0] <= 'Z' || w[0] >= 0x80)
}

// adjectiveComma reports a comma between adjectives of one noun phrase
// ("complete, full diplomatic ties"), which does not end the phrase.
func adjectiveComma(toks []sitrep.Token, j int) bool {
	return j > 0 && j+1 < len(toks) && strings.HasPrefix(toks[j-1].Tag, "JJ") && strings.HasPrefix(toks[j+1].Tag, "JJ")
}

// indexLocPrep returns the index of the first locative preposition in
// words[from:to], or -1.
func indexLocPrep(words []string, from, to int) int {
	for k := from; k < to && k < len(words); k++ {
		if isLocPrep(words[k]) {
			return k
		}
	}
	return -1
}

// namedSource returns src, or, when the coder takes named sources
// (Coder.WithNamedSources) and src is an uncoded noun phrase headed by a
// name aimed at a coded target ("Abu Marzuk denied any link to attacks by
// Hamas"), a copy of it coded "---": a person or organisation the
// dictionaries do not know still acts, its country and role unknown.
func (a *article) namedSource(st *sentence, src, tgt *sitrep.EventActor) *sitrep.EventActor {
	if !a.c.namedSources || src == nil || src.Actor != "" || tgt == nil || tgt.Actor == "" || !a.namedActor(st, src.Span) {
		return src
	}
	s := *src
	s.Actor = "---"
	return &s
}

// named returns a copy of obj coded "---" when the coder takes named
// actors (Coder.WithNamedSources) and obj is an uncoded noun phrase headed
// by a name; else nil.
func (a *article) named(st *sentence, obj *sitrep.EventActor) *sitrep.EventActor {
	if !a.c.namedSources || obj == nil || obj.Actor != "" || !a.namedActor(st, obj.Span) {
		return nil
	}
	n := *obj
	n.Actor = "---"
	return &n
}

// namedActor reports whether the noun phrase at span is headed by the name
// of a person or an organisation: its last token before any "of" belongs
// to a PERSON or ORG entity, and no verb comes before it ("the charges
// facing Mwangi Kamau" is headed by "charges").
func (a *article) namedActor(st *sentence, span sitrep.Span) bool {
	if span.End <= span.Start {
		return false
	}
	last := -1
	for k := st.tokenAt(span.Start); k >= 0 && k < len(st.Tokens) && st.Tokens[k].End <= span.End; k++ {
		if st.words[k] == "of" || st.words[k] == "," {
			break
		}
		if isVerbTag(st.Tokens[k].Tag) {
			return false
		}
		last = k
	}
	if last < 0 {
		return false
	}
	e := st.entity[last]
	return e >= 0 && (a.Entities[e].Type == sitrep.Person || a.Entities[e].Type == sitrep.Org)
}
