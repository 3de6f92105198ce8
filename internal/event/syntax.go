package event

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sitrep-project/sitrep"
)

// This file is the coder's shallow syntax: verb groups with voice, tense,
// negation and control verbs, and the noun-phrase stretches around them.
// It works on Penn Treebank tags, so it needs no parser.

func isVerbTag(t string) bool { return strings.HasPrefix(t, "VB") || t == "MD" }
func isNounTag(t string) bool { return strings.HasPrefix(t, "NN") || t == "PRP" || t == "CD" }
func isQuoteTok(s string) bool {
	switch s {
	case "\"", "“", "”", "‘", "’", "``", "''", "'":
		return true
	}
	return false
}

// lowerWords returns the lower-cased token texts, with curly quotes and
// apostrophes made straight.
func lowerWords(toks []sitrep.Token) []string {
	out := make([]string, len(toks))
	// ASCII words with capitals are lowered into one string, sliced for
	// each: an allocation a sentence instead of one a capitalised word.
	n := 0
	for _, t := range toks {
		n += len(t.Text)
	}
	var b strings.Builder
	b.Grow(n)
	for i, t := range toks {
		switch ascii, upper := asciiCase(t.Text); {
		case ascii && upper:
			for j := 0; j < len(t.Text); j++ {
				c := t.Text[j]
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				b.WriteByte(c)
			}
		case ascii:
			out[i] = t.Text
		default:
			out[i] = strings.ReplaceAll(strings.ToLower(t.Text), "’", "'")
		}
	}
	lowered, off := b.String(), 0
	for i, t := range toks {
		if ascii, upper := asciiCase(t.Text); ascii && upper {
			out[i] = lowered[off : off+len(t.Text)]
			off += len(t.Text)
		}
	}
	return out
}

// asciiCase reports whether s is ASCII and whether it has capitals.
func asciiCase(s string) (ascii, upper bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return false, false
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	return true, upper
}

var auxForms = lexicon.pairs("auxForms") // loaded from lexicon.txt, section [auxForms]

var controlKind = lexicon.modalities("controlKind") // loaded from lexicon.txt, section [controlKind]

// verbGroup is a run of auxiliaries, modals, adverbs, control verbs and one
// content verb: "has blamed", "was attacked", "decided to send in",
// "did not attack", "would “pay".
type verbGroup struct {
	start, end int // token range [start, end)
	head       int // the content verb
	passive    bool
	negated    bool
	modal      bool   // will/would/could...: future or hypothetical
	control    string // modality set by a control verb, or ""
	controlTok int    // index of the control verb, or -1
	reduced    bool   // a participle with no auxiliary after a noun: "militias targeted by", "soldiers deployed"
	tag        string // tag of the first verb (tense for coordination)
	consumed   bool   // coded as part of the verb that governs it
	identity   bool   // "believed to be": describes the noun before it
	report     bool   // ends a reporting clause after a comma: ", a rights group charged on Saturday."
	inverted   bool   // its subject follows it, after a quotation: "“…!” chanted protesters"
	// paren is the comma that opens a parenthetical reporting clause
	// ("Kenya, the minister said on Monday, will ...") whose verb this
	// is, or 0 (report is then set too: it reports what surrounds it).
	paren int
}

// verbGroups finds the verb groups of a sentence.
func verbGroups(toks []sitrep.Token, words []string) []verbGroup {
	var groups []verbGroup
	for i := 0; i < len(toks); {
		if !isVerbTag(toks[i].Tag) || isAdjectivalParticiple(toks, i) || complexPreposition(words, i) {
			i++
			continue
		}
		g := verbGroup{start: i, head: -1, controlTok: -1, tag: toks[i].Tag}
		j := i
		sawAux := false
		for j < len(toks) {
			t, w := toks[j].Tag, words[j]
			switch {
			case t == "MD":
				g.modal = true
				sawAux = true
			case isVerbTag(t):
				if _, aux := auxForms[w]; aux && j+1 < len(toks) && continuesGroup(toks, words, j+1) {
					if auxForms[w] == "be" || auxForms[w] == "get" {
						g.passive = true // confirmed below by the participle
					}
					sawAux = true
				} else if ck, ok := controlKind[w]; ok && j+2 < len(toks) && words[j+1] == "to" && isVerbTag(toks[j+2].Tag) {
					g.control = ck
					g.controlTok = j
					j++ // skip "to"
				} else if ck, ok := controlKind[w]; ok && j+3 < len(toks) && (words[j+1] == "not" || words[j+1] == "never") && words[j+2] == "to" && isVerbTag(toks[j+3].Tag) {
					// "decided not to join": the negation is the act's.
					g.control = ck
					g.controlTok = j
					g.negated = true
					j += 2 // skip "not to"
				} else {
					g.head = j
				}
			case w == "not" || w == "n't" || w == "never":
				g.negated = true
			case t == "RB" || t == "RP" || isQuoteTok(toks[j].Text) || t == "TO",
				(w == "both" || w == "either") && j+1 < len(toks) && isVerbTag(toks[j+1].Tag):
				// adverbs, particles and quote marks stay inside the group
				// ("is both facilitating talks and leading")
			default:
				j = len(toks) + 1 // stop
				continue
			}
			if g.head >= 0 {
				j++
				// absorb a particle right after the head ("send in", "carry out")
				for j < len(toks) && toks[j].Tag == "RP" {
					j++
				}
				break
			}
			j++
		}
		if j > len(toks) {
			j = len(toks)
		}
		if g.head < 0 {
			// Only auxiliaries: the last one is the content verb ("was under siege").
			for k := min(j, len(toks)) - 1; k >= i; k-- {
				if isVerbTag(toks[k].Tag) && toks[k].Tag != "MD" {
					g.head = k
					break
				}
			}
			if g.head < 0 {
				i = max(j, i+1)
				continue
			}
		}
		if g.passive && hedgeParticiple[words[g.head]] && j < len(toks) && (toks[j].Tag == "VBN" || toks[j].Tag == "VBD") && j == g.head+1 {
			// "were believed killed", "are feared dead... reported
			// kidnapped": the hedge frames the participle that follows,
			// which is the content verb, still passive.
			g.head = j
			j++
		} else if g.passive && toks[g.head].Tag != "VBN" {
			g.passive = false
		}
		if beliefRelative(toks, words, g.head) {
			// "protesters believed to be militia members": a reduced
			// relative saying who the noun is, not an act of its own
			// (the tagger often reads the participle as a past tense).
			g.reduced, g.passive, g.identity = true, true, true
		}
		if t := toks[g.head].Tag; !sawAux && g.controlTok < 0 && g.head == g.start && (t == "VBD" || t == "VBN") {
			if c := parentheticalReport(toks, words, g.head, j); c > 0 {
				// Neither a participle nor a reduced relative: a reporting
				// clause inside the clause it reports.
				g.report, g.paren = true, c
			}
		}
		if !sawAux && g.controlTok < 0 && g.head > 0 && g.paren == 0 && (isNounTag(toks[g.head-1].Tag) || toks[g.head-1].Tag == "JJ" || toks[g.head-1].Tag == "RB" || toks[g.head-1].Text == ",") {
			switch toks[g.head].Tag {
			case "VBN":
				// "militias targeted by strikes", "soldiers deployed in front
				// of": a past participle right after a noun is a reduced
				// relative clause or a caption's verbless sentence; both are
				// passive. Unless it is a past tense the tagger took for a
				// participle: "the army lifted Friday a blockade" has an
				// object and no other verb in its clause.
				g.report = reportingTail(toks, words, g.head, j)
				if !pastTenseMisread(toks, words, j) && !datedSubject(words, g.head) && !g.report && !closesRelative(toks, words, g.head) {
					g.reduced = true
					g.passive = true
				}
			case "VBD":
				if coordinatedPassive(toks, words, j) {
					// "militias armed and funded by Iran": the first of
					// two participles sharing one agent.
					g.reduced, g.passive = true, true
					break
				}
				// "opened its borders to West Africans ordered out of
				// Nigeria": a past form after the object of a preposition,
				// with a preposition and no object after it, is a
				// participle the tagger read as a past tense.
				// The clause must already have its finite verb.
				// So is one set off like an appositive before the finite
				// verb of its noun: "Rumsfeld, blamed for the mess in
				// Iraq, was given a send-off".
				if j < len(toks) && toks[j].Tag == "IN" && !clauseBreak(words[j], toks[j].Tag) &&
					(hasFinite(groups) && (prepositionalObject(toks, words, g.head) || verbObject(toks, words, groups, g.head)) || finiteAfterComma(toks, words, j)) {
					g.reduced = true
					g.passive = true
				}
			case "VBG":
				// "the area immediately surrounding the embassy": an active
				// participle modifying the noun before it.
				g.reduced = true
			}
		}
		if n := len(groups); !sawAux && n > 0 && g.head > 0 && toks[g.head].Tag == "VBN" && (words[g.head-1] == "and" || words[g.head-1] == "or") &&
			groups[n-1].reduced && groups[n-1].passive && groups[n-1].end == g.head-1 {
			// "armed and funded by Iran": the second participle of a
			// reduced relative is one too.
			g.reduced, g.passive = true, true
		}
		if g.start >= 1 && words[g.start-1] == "never" {
			// "troops never exchanged fire": the adverb stands before
			// the group.
			g.negated = true
		}
		if g.start >= 2 && words[g.start-1] == "to" && (words[g.start-2] == "not" || words[g.start-2] == "never") {
			// "decided not to join", "agreed never to attack": the
			// negation before "to" is the infinitive's.
			g.negated = true
		}
		g.end = max(j, g.head+1)
		if !g.report && g.head == g.start && toks[g.head].Tag == "VBD" {
			g.report = reportingTail(toks, words, g.head, g.end)
		}
		if g.passive && !g.reduced && g.end < len(words) && statePassive(words[g.head], words[g.end]) {
			// "Militias were engaged in looting", "Egypt is opposed to
			// Turkish mediation": a participle of state; the
			// subject is the one acting.
			g.passive = false
		}
		groups = append(groups, g)
		i = g.end
	}
	return groups
}

// coordinatedPassive reports whether the participle group ending at j is
// coordinated with a second participle that has a by-agent: "armed and
// funded by", "trained and equipped by".
func coordinatedPassive(toks []sitrep.Token, words []string, j int) bool {
	if j+2 >= len(toks) || words[j] != "and" && words[j] != "or" {
		return false
	}
	k := j + 1
	if toks[k].Tag == "RB" {
		k++
	}
	return k+1 < len(toks) && (toks[k].Tag == "VBN" || toks[k].Tag == "VBD") && words[k+1] == "by"
}

var hedgeParticiple = lexicon.set("hedgeParticiple") // loaded from lexicon.txt, section [hedgeParticiple]

// statePassive reports whether participle p followed by preposition prep
// describes what the subject does rather than what is done to it.
func statePassive(p, prep string) bool {
	q, ok := stateParticiples[p]
	return ok && q == prep
}

var stateParticiples = lexicon.pairs("stateParticiples") // loaded from lexicon.txt, section [stateParticiples]

// continuesGroup reports whether token j can follow an auxiliary inside
// the same verb group.
func continuesGroup(toks []sitrep.Token, words []string, j int) bool {
	for ; j < len(toks); j++ {
		t := toks[j].Tag
		if isVerbTag(t) {
			return true
		}
		if t == "RB" || isQuoteTok(toks[j].Text) || words[j] == "not" || words[j] == "n't" || words[j] == "both" || words[j] == "either" {
			continue
		}
		return false
	}
	return false
}

// isAdjectivalParticiple reports participles used as adjectives inside a
// noun phrase: "the burned checkpoint", "a wounded soldier".
func isAdjectivalParticiple(toks []sitrep.Token, i int) bool {
	t := toks[i].Tag
	if t != "VBN" && t != "VBG" && t != "VBD" {
		return false
	}
	if i == 0 || i+1 >= len(toks) {
		return false
	}
	prev, next := toks[i-1].Tag, toks[i+1].Tag
	if prev == "IN" && t == "VBN" && participlePrepositions[strings.ToLower(toks[i-1].Text)] && strings.HasPrefix(next, "NN") {
		// "an offensive against besieged towns", "in occupied Crimea":
		// a participle between a preposition and its noun modifies it.
		return true
	}
	// "a wounded soldier", "the country's ruling party", "Algeria's
	// leading human rights activist"; after an indefinite article, a
	// name modifies the noun as an adjective does ("a Somali armed
	// group"), where after "the" it may be a subject ("the UN deployed
	// troops").
	indefName := false
	if prev == "NNP" {
		// (Past other modifiers: "an Eritrea-backed Somali armed group".)
		j := i - 2
		for j > 0 && j > i-5 && (toks[j].Tag == "JJ" || toks[j].Tag == "NNP") {
			j--
		}
		indefName = j >= 0 && (strings.EqualFold(toks[j].Text, "a") || strings.EqualFold(toks[j].Text, "an"))
	}
	if t == "VBD" && !indefName {
		// (A past tense the tagger may have taken a participle for is
		// an adjective only in the indefinite noun phrase above.)
		return false
	}
	return (prev == "DT" || prev == "JJ" || prev == "PRP$" || prev == "CD" || prev == "POS" || indefName) &&
		(strings.HasPrefix(next, "NN") || next == "JJ" && i+2 < len(toks) && strings.HasPrefix(toks[i+2].Tag, "NN"))
}

var participlePrepositions = lexicon.set("participlePrepositions") // loaded from lexicon.txt, section [participlePrepositions]

// clauseBreak reports tokens that end a noun-phrase stretch.
func clauseBreak(w, tag string) bool {
	switch w {
	case ";", ":", "that", "which", "who", "whom", "whose", "because", "while", "although", "though", "if", "unless", "whereas", "since", "after", "before", "when", "as", "until", "where":
		return true
	}
	return tag == "WDT" || tag == "WP"
}

// datedSubject reports whether the participle at h follows "on DAY" ("Bashir
// on Thursday shortened the curfew"): a date adverbial sits between a
// subject and its finite verb; a reduced relative follows its noun.
func datedSubject(words []string, h int) bool {
	return h >= 2 && words[h-2] == "on" && weekdays[words[h-1]]
}

// parentheticalReport returns the comma that opens a reporting clause
// set off by commas inside the clause it reports, with the verb at h
// followed at j by at most three adjuncts, a comma and the reported
// clause's finite verb: "Kenya, the minister said on Monday, will send
// troops". It returns 0 when there is none.
func parentheticalReport(toks []sitrep.Token, words []string, h, j int) int {
	c := nominalBefore(toks, h)
	if c < 1 || !isNounTag(toks[c-1].Tag) {
		return 0
	}
	k := afterAdjuncts(toks, words, j)
	if k+1 >= len(toks) || words[k] != "," {
		return 0
	}
	switch toks[k+1].Tag {
	case "MD", "VBD", "VBZ", "VBP": // not ", adding that": a finite verb
		return c
	}
	return 0
}

// afterAdjuncts returns where up to three adjuncts of date, place or
// medium from token j end: "on Saturday", "today", "here", "on Twitter
// on Tuesday".
func afterAdjuncts(toks []sitrep.Token, words []string, j int) int {
	k := j
	for range 5 {
		switch {
		case k < len(words) && (words[k] == "here" || relativeDays[words[k]] || weekdays[words[k]] || addressees[words[k]]):
			k++
		case k+1 < len(words) && words[k] == "on" && toks[k+1].Tag == "NNP":
			k += 2
		case k+1 < len(words) && (words[k] == "in" || words[k] == "at") && toks[k+1].Tag == "NNP" && !weekdays[words[k+1]]:
			// "told reporters in New Delhi"
			k += 2
			for k < len(words) && toks[k].Tag == "NNP" {
				k++
			}
		case k+2 < len(words) && (words[k] == "in" || words[k] == "at") && (words[k+1] == "a" || words[k+1] == "an" || words[k+1] == "the") && statementNouns[words[k+2]]:
			// "said in a statement", "told a news conference"
			k += 3
			for k < len(words) && statementNouns[words[k]] {
				k++
			}
		case k+1 < len(words) && (words[k] == "the" || words[k] == "a") && statementNouns[words[k+1]]:
			k += 2 // "told the press", "told a news conference"
			for k < len(words) && statementNouns[words[k]] {
				k++
			}
		}
	}
	return k
}

// What a closing reporting clause may name besides its speaker and date.
var (
	addressees     = lexicon.set("addressees")     // loaded from lexicon.txt, section [addressees]
	statementNouns = lexicon.set("statementNouns") // loaded from lexicon.txt, section [statementNouns]
)

// complexPreposition reports a verb form that is part of a preposition:
// "according to", "owing to".
func complexPreposition(words []string, i int) bool {
	return (words[i] == "according" || words[i] == "owing") && i+1 < len(words) && words[i+1] == "to"
}

// closesRelative reports whether token h follows the comma that closes a
// relative clause set off by commas: in "Kamau, who met the envoy,
// flew home" the participle is the main verb's past tense, not a reduced
// relative.
func closesRelative(toks []sitrep.Token, words []string, h int) bool {
	if h < 4 || words[h-1] != "," {
		return false
	}
	for k := h - 2; k > 0; k-- {
		switch words[k] {
		case ",", ";", ":":
			return false
		case "who", "which":
			if words[k-1] != "," {
				return false
			}
			for f := k + 1; f < h-1; f++ {
				if t := toks[f].Tag; t == "VBD" || t == "VBZ" || t == "VBP" || t == "MD" {
					return true
				}
			}
			return false
		}
	}
	return false
}

// reportingTail reports whether the participle at h, followed at j by
// nothing but a few adjuncts of date, place or medium ("on Saturday",
// "today", "here", "on Twitter on Tuesday"), ends a reporting clause set
// off by a comma: ", a human rights group charged on Saturday." is a past
// tense.
func reportingTail(toks []sitrep.Token, words []string, h, j int) bool {
	if k := afterAdjuncts(toks, words, j); k < len(toks) && toks[k].Tag != "." {
		return false
	}
	return reportingSubject(toks, h) >= 0
}

// reportingSubject returns the comma that opens the subject of a closing
// reporting clause whose verb is token h: a noun phrase between commas
// (", a human rights group charged"), or a name and an appositive after
// it, each between commas (", Mwangi Kamau, the army chief, warned");
// -1 if there is none.
func reportingSubject(toks []sitrep.Token, h int) int {
	c := h
	if h > 0 && toks[h-1].Text == "," {
		if c = nominalBefore(toks, h-1); c < 0 {
			return -1
		}
	}
	return nominalBefore(toks, c)
}

// nominalBefore returns the index of the comma that opens the noun phrase
// ending right before token c, or -1 if there is none.
func nominalBefore(toks []sitrep.Token, c int) int {
	b := c - 1
	for b >= 0 {
		t := toks[b].Tag
		if t == "DT" || t == "POS" || t == "PRP$" || t == "CD" || t == "HYPH" || strings.HasPrefix(t, "JJ") || strings.HasPrefix(t, "NN") {
			b--
			continue
		}
		if w := strings.ToLower(toks[b].Text); (w == "of" || w == "for") && b > 0 && b+1 < c && strings.HasPrefix(toks[b-1].Tag, "NN") {
			// "the chairman of the Joint Chiefs of Staff", "a spokesman
			// for the ministry": a complement inside the noun phrase.
			b--
			continue
		}
		break
	}
	if b >= 0 && b < c-1 && (toks[b].Text == "," || closesQuotation(toks, b+1)) {
		// (After a quotation: `"...," Mwangi Kamau said.`)
		return b
	}
	return -1
}

var weekdays = lexicon.set("weekdays") // loaded from lexicon.txt, section [weekdays]

// pastTenseMisread reports a participle right after a noun that is the
// main verb of its clause: an object follows (a determiner, a name, a
// number or a time word) and no finite verb comes later in the clause.
func pastTenseMisread(toks []sitrep.Token, words []string, j int) bool {
	if j >= len(toks) {
		return false
	}
	// A preposition ("targeted by", "deployed in front of") or the end of
	// the clause leaves the participle a participle.
	switch t := toks[j].Tag; {
	case t == "IN" || t == "TO" || t == "," || t == "." || t == ":" || isQuoteTok(toks[j].Text):
		return false
	case strings.HasPrefix(t, "JJ") && (j+1 == len(toks) || !strings.HasPrefix(toks[j+1].Tag, "NN") && !strings.HasPrefix(toks[j+1].Tag, "JJ")):
		// A predicative adjective is no object: "rebels captured alive",
		// "civilians shot dead near Mussayab".
		return false
	}
	for k := j; k < len(toks); k++ {
		if clauseBreak(words[k], toks[k].Tag) || words[k] == "," {
			break
		}
		switch toks[k].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			if k > j && (words[k-1] == "and" || words[k-1] == "or") {
				// "a bombing killed nine and injured 20": a verb
				// coordinated with this one is no other clause's.
				continue
			}
			return false
		}
	}
	return true
}

var beliefVerbs = lexicon.set("beliefVerbs") // loaded from lexicon.txt, section [beliefVerbs]

// finiteAfterComma reports whether the phrase from k runs to a comma that a
// finite verb follows (adverbs aside), with no clause boundary before it.
func finiteAfterComma(toks []sitrep.Token, words []string, k int) bool {
	for ; k < len(toks); k++ {
		if words[k] == "," {
			break
		}
		if clauseBreak(words[k], toks[k].Tag) || isVerbTag(toks[k].Tag) {
			return false
		}
	}
	for k++; k < len(toks) && toks[k].Tag == "RB"; k++ {
	}
	if k >= len(toks) {
		return false
	}
	switch toks[k].Tag {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// beliefRelative reports "NOUN believed to be/have ...": a participle of
// belief right after a noun (or a noun and a comma) and followed by an
// infinitive.
func beliefRelative(toks []sitrep.Token, words []string, h int) bool {
	if h == 0 || h+2 >= len(toks) || !beliefVerbs[words[h]] || words[h+1] != "to" {
		return false
	}
	if t := toks[h].Tag; t != "VBD" && t != "VBN" {
		return false
	}
	prev := h - 1
	if words[prev] == "," && prev > 0 {
		prev-- // "demonstrators, thought to be militia members,"
	}
	partitive := words[prev] == "them" && prev >= 2 && words[prev-1] == "of" // "most of them believed to be"
	return (strings.HasPrefix(toks[prev].Tag, "NN") || partitive) && isVerbTag(toks[h+2].Tag)
}

// retag corrects tagger misreads that break verb groups. It returns a
// corrected copy and true when anything changed, so the article's own
// tokens stay as the text layer produced them.
//   - a name particle between capitalised names ("Sheikh Hamad bin Khalifa")
//     is part of the name, not a verb;
//   - a noun read after "willing to", "ready to", "able to" is a verb;
//   - a past form read as an adjective after a noun and a manner adverb
//     ("agents sexually abused illegal immigrants") is the clause's verb when
//     the clause has no other verb and an object follows;
//   - an -ing word coordinated with a gerund noun before a noun or
//     adjective ("a bombing and shelling offensive") is a noun;
//   - a known past form read as an adjective after a conjunction or comma
//     and before a number ("and injured four soldiers") is a past tense.
//
// With the dictionaries (verb forms, actor names), misreads at the start
// of a sentence are corrected too:
//   - a known actor read as an adverb or adjective before a verb
//     ("Ethiopia deplored") is a name;
//   - right after the opening name, when the first clause has no other
//     finite verb, a known verb form in -s ("Ethiopia departs from Libya")
//     is a present tense, not a plural noun, a base form read as a noun
//     is a present tense, and a participle followed by a preposition
//     other than "by" ("Ethiopia deplored from Libya") a past tense;
//   - likewise after the head noun of the noun phrase that opens a
//     clause (retagOpeningNP), a base form after a plural ("Polish
//     warplanes bomb camps") and a form in -s after a singular ("the
//     government sends troops").
func retag(toks []sitrep.Token, words []string, verbForm, actorName func(string) bool) ([]sitrep.Token, bool) {
	// low is strings.ToLower of token i's text: words[i] but for the
	// curly apostrophes lowerWords straightens.
	low := func(i int) string {
		if strings.Contains(toks[i].Text, "’") {
			return strings.ToLower(toks[i].Text)
		}
		return words[i]
	}
	var out []sitrep.Token
	set := func(i int, tag string) {
		if out == nil {
			out = append([]sitrep.Token(nil), toks...)
		}
		out[i].Tag = tag
	}
	if len(toks) > 2 && verbForm != nil && actorName != nil {
		if (toks[0].Tag == "RB" || toks[0].Tag == "JJ") && isCapitalised(toks[0].Text) &&
			(toks[1].Tag == "VBD" || toks[1].Tag == "VBN" || toks[1].Tag == "VBZ") && actorName(low(0)) {
			// "Ethiopia deplored": a known actor read as an adverb.
			set(0, "NNP")
		}
		cur := toks
		if out != nil {
			cur = out
		}
		i := 0
		for i < len(cur) && cur[i].Tag == "NNP" {
			i++
		}
		switch {
		case i > 0 && i+1 < len(cur) && (cur[i].Tag == "VBZ" || cur[i].Tag == "VBP") && (cur[i+1].Tag == "VBD" || cur[i+1].Tag == "VBN") &&
			auxForms[low(i)] == "" && actorName(low(i-1)):
			// "Kenyan troops deployed": two finite verbs do not follow each
			// other; the first, after a demonym, is its noun.
			if strings.HasSuffix(low(i), "s") {
				set(i, "NNS")
			} else {
				set(i, "NN")
			}
		case i > 0 && i+1 < len(cur) && cur[i].Tag == "NNS" && strings.HasSuffix(cur[i].Text, "s") &&
			verbForm(low(i)) && (cur[i+1].Tag == "IN" || cur[i+1].Tag == "TO" || startsObject(cur[i+1].Tag)) &&
			!firstClauseHasVerb(cur):
			set(i, "VBZ")
		case i > 0 && i+1 < len(cur) && cur[i].Tag == "NN" && verbForm(low(i)) &&
			(cur[i+1].Tag == "IN" || cur[i+1].Tag == "DT") && !firstClauseHasVerb(cur):
			// "Ethiopia act on a resolution": a base form read as a noun.
			set(i, "VBP")
		case i > 0 && i+1 < len(cur) && cur[i].Tag == "VBN" && strings.HasSuffix(cur[i].Text, "ed") && verbForm(low(i)) &&
			cur[i+1].Tag == "IN" && low(i+1) != "by" && !firstClauseHasVerb(cur):
			// "Ethiopia deplored from Libya ...": with no other finite verb
			// in its clause and no "by" agent, the name's participle is
			// its past tense.
			set(i, "VBD")
		case i > 0 && i+1 < len(cur) && cur[i].Tag == "JJ" && strings.HasSuffix(cur[i].Text, "ed") && verbForm(low(i)) &&
			startsObject(cur[i+1].Tag) && !firstClauseHasVerb(cur):
			// "North Korea test-fired two missiles": a known past form
			// after the name, read as an adjective.
			set(i, "VBD")
		}
		if cur = toks; out != nil {
			cur = out
		}
		// "Polish warplanes bomb camps", "Hundreds of militias storm the
		// embassy", "The Kenyan government sends troops": in the noun
		// phrase that opens a clause with no finite verb, a known verb
		// form right after the head noun and before an object is the verb
		// (a plural read as a verb after it is then its object). A clause
		// opens the sentence, follows a fronted adverbial's comma ("As the
		// siege goes on, the Pentagon sends Marines") or a subordinator
		// ("two days after US warplanes bomb bases").
		for start := 0; start >= 0; start = nextClauseStart(cur, start) {
			retagOpeningNP(cur[start:], low, start, verbForm, set)
			if out != nil {
				cur = out
			}
		}
	}
	if len(toks) > 2 && toks[0].Tag == "VBN" && (toks[1].Tag == "NNS" || toks[1].Tag == "NN") && isVerbTag(toks[2].Tag) {
		// "Armed men abducted", "Masked gunmen stormed": a participle
		// opening the sentence before its noun and verb modifies the noun.
		set(0, "JJ")
	}
	for i := 1; i+1 < len(toks); i++ {
		w := low(i)
		if w == "given" && toks[i].Tag == "VBN" && (toks[i+1].Tag == "DT" || toks[i+1].Tag == "PRP$" || strings.HasPrefix(toks[i+1].Tag, "JJ")) && !isAux(toks[i-1].Text) {
			// "a prickly issue, given the trade dispute": a preposition.
			set(i, "IN")
			continue
		}
		if w == "dead" && isVerbTag(toks[i].Tag) {
			// "left five soldiers dead": never a verb.
			set(i, "JJ")
			continue
		}
		if w == "army" && isVerbTag(toks[i].Tag) {
			// "Somali army units deployed": never a verb either.
			set(i, "NN")
			continue
		}
		if toks[i].Tag == "JJ" && strings.HasSuffix(w, "ed") && toks[i+1].Tag == "CD" && (toks[i-1].Tag == "CC" || toks[i-1].Text == ",") && verbForm != nil && verbForm(w) {
			// "killed a contractor and injured four soldiers": a past
			// form before a number, after a conjunction, is a verb (an
			// adjective would stand after the number).
			set(i, "VBD")
			continue
		}
		if nameParticles[w] && isCapitalised(toks[i-1].Text) && isCapitalised(toks[i+1].Text) && toks[i].Tag != "NNP" {
			set(i, "NNP")
			continue
		}
		if i >= 2 && (toks[i].Tag == "NN" || toks[i].Tag == "JJ") && toks[i-1].Tag == "TO" &&
			(intentAdjectives[low(i-2)] || low(i-2) == "able") && startsObject(toks[i+1].Tag) {
			// "willing to forgive Nigerian President ...": after "willing
			// to" comes a verb.
			set(i, "VB")
			continue
		}
		if toks[i].Tag == "NNS" && i+2 < len(toks) && controlKind[w] != "" && low(i+1) == "to" && toks[i+2].Tag == "VB" &&
			(toks[i-1].Tag == "NN" || toks[i-1].Tag == "NNS" || toks[i-1].Tag == "NNP") && !verbBefore(toks, i-1) {
			// "the Danish government plans to meet": a control verb in -s
			// after its subject, read as a plural noun.
			set(i, "VBZ")
			continue
		}
		if toks[i].Tag == "VB" && toks[i-1].Tag == "TO" && isCapitalised(toks[i].Text) && actorName != nil && actorName(w) {
			// "opposed to Turkish mediation": a known name or demonym
			// after "to" is no verb.
			set(i, "JJ")
			continue
		}
		if toks[i].Tag == "VB" && toks[i-1].Tag == "TO" && len(w) > 3 && strings.HasSuffix(w, "s") &&
			!strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") {
			// "aid to refugees fleeing the war": a base verb does not end
			// in -s; after "to" this is a plural noun.
			set(i, "NNS")
			continue
		}
		if (w == "set" || w == "sets") && (toks[i].Tag == "NN" || toks[i].Tag == "VBN") && i+1 < len(toks) &&
			(strings.EqualFold(toks[i+1].Text, "fire") || strings.EqualFold(toks[i+1].Text, "ablaze") || strings.EqualFold(toks[i+1].Text, "alight")) &&
			strings.HasPrefix(toks[i-1].Tag, "NN") {
			// "the crowd set fire to a kiosk": after its subject, "set fire"
			// is the past tense of the idiom.
			set(i, "VBD")
			continue
		}
		if i >= 2 && toks[i].Tag == "VBG" && toks[i-1].Tag == "CC" && toks[i-2].Tag == "NN" &&
			strings.HasSuffix(low(i-2), "ing") && (toks[i+1].Tag == "NN" || toks[i+1].Tag == "NNS" || toks[i+1].Tag == "JJ") {
			// "a bombing and shelling offensive": coordinated with a
			// gerund noun, the second -ing word is a noun too.
			set(i, "NN")
			continue
		}
		if i >= 2 && toks[i].Tag == "JJ" && strings.HasSuffix(w, "ed") &&
			toks[i-1].Tag == "RB" && strings.HasSuffix(low(i-1), "ly") &&
			strings.HasPrefix(toks[i-2].Tag, "NN") && startsObject(toks[i+1].Tag) && !verbBefore(toks, i-2) {
			set(i, "VBD")
		}
	}
	if out == nil {
		return toks, false
	}
	return out, true
}

// retagOpeningNP applies retag's verb-in-noun-phrase readings to the
// noun phrase that opens cur, the clause at token off of the sentence
// (low and set take sentence indexes).
func retagOpeningNP(cur []sitrep.Token, low func(int) string, off int, verbForm func(string) bool, set func(int, string)) {
	for j := 1; j+1 < len(cur); j++ {
		t, prev, next := cur[j].Tag, cur[j-1].Tag, cur[j+1].Tag
		w, pw := low(off+j), low(off+j-1)
		after := startsObject(next) || next == "IN" || next == "TO"
		plural := prev == "NNS" || prev == "NN" && strings.HasSuffix(pw, "s") && !strings.HasSuffix(pw, "ss")
		swap := t == "NNS" && next == "VBP" && strings.HasSuffix(low(off+j+1), "s") && !verbForm(low(off+j+1)) && !firstClauseHasVerb(cur[j+2:])
		if swap && (prev == "NN" || prev == "NNP") && verbForm(w) && !firstClauseHasVerb(cur[:j]) {
			set(off+j, "VBZ")
			set(off+j+1, "NNS")
			return
		}
		if !firstClauseHasVerb(cur) {
			if (t == "NN" || t == "IN" && w != "of") && plural && after && verbForm(w) {
				set(off+j, "VBP")
				return
			}
			if t == "NNS" && (prev == "NN" || prev == "NNP") && strings.HasSuffix(w, "s") && verbForm(w) &&
				(startsObject(next) || after && !hasFiniteVerb(cur[j+1:])) {
				// (Before a preposition, only when no finite verb comes
				// later: "party member dies in prison", but "Business
				// loans on the books of banks, ..., fell".)
				set(off+j, "VBZ")
				return
			}
		}
		if !openingNP(t) && w != "of" {
			return
		}
	}
}

// nextClauseStart returns the first token after start that opens a
// clause retagOpeningNP reads: after the comma of a fronted adverbial
// (the sentence opening with a preposition or an adverb) or after a
// subordinator (not "as", a preposition as often: "emerging as a media
// force in"); -1 when there is none.
func nextClauseStart(toks []sitrep.Token, start int) int {
	fronted := (toks[0].Tag == "IN" || toks[0].Tag == "RB") && !slices.ContainsFunc(toks[:start+1], func(t sitrep.Token) bool { return t.Text == "," })
	for k := start + 1; k+2 < len(toks); k++ {
		switch t := &toks[k]; {
		case t.Text == ",":
			if fronted {
				return k + 1 // the first comma after a fronted adverbial
			}
		case t.Tag == "IN" && subordinators[strings.ToLower(t.Text)]:
			return k + 1
		}
	}
	return -1
}

var subordinators = lexicon.set("subordinators") // loaded from lexicon.txt, section [subordinators]

// hasFiniteVerb reports whether any of toks is a finite verb or a modal.
func hasFiniteVerb(toks []sitrep.Token) bool {
	return slices.ContainsFunc(toks, func(t sitrep.Token) bool {
		return t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD"
	})
}

// openingNP reports the tags of the words of a noun phrase that opens a
// sentence.
func openingNP(t string) bool {
	return t == "DT" || t == "CD" || t == "POS" || strings.HasPrefix(t, "JJ") || strings.HasPrefix(t, "NN")
}

// isAux reports a form of be, have or get.
func isAux(w string) bool {
	_, ok := auxForms[strings.ToLower(w)]
	return ok
}

var nameParticles = lexicon.set("nameParticles") // loaded from lexicon.txt, section [nameParticles]

func isCapitalised(s string) bool {
	return s != "" && s[0] >= 'A' && s[0] <= 'Z'
}

// startsObject reports tags that can begin a noun phrase object.
func startsObject(t string) bool {
	return t == "DT" || t == "PRP" || t == "PRP$" || t == "CD" || strings.HasPrefix(t, "JJ") || strings.HasPrefix(t, "NN")
}

// verbBefore reports whether a verb precedes token k within its clause.
func verbBefore(toks []sitrep.Token, k int) bool {
	for j := k; j >= 0; j-- {
		if toks[j].Text == "," || toks[j].Text == ";" {
			return false
		}
		if isVerbTag(toks[j].Tag) {
			return true
		}
	}
	return false
}

// prepositionalObject reports whether the noun phrase ending right before
// token h is the object of a preposition ("to most West Africans"), which
// cannot be the subject of a finite verb at h.
func prepositionalObject(toks []sitrep.Token, words []string, h int) bool {
	b := h - 1
	for b >= 0 {
		t := toks[b].Tag
		if t == "DT" || t == "POS" || t == "PRP$" || t == "CD" || t == "PDT" || strings.HasPrefix(t, "JJ") || strings.HasPrefix(t, "NN") || words[b] == "most" {
			b--
			continue
		}
		break
	}
	if b < 0 || b == h-1 {
		return false
	}
	for k := b + 1; k < h; k++ {
		if timeWord(words[k]) {
			return false // "Iran on Tuesday threatened": a date adverbial
		}
	}
	return (toks[b].Tag == "IN" || toks[b].Tag == "TO") && !clauseBreak(words[b], toks[b].Tag) && !subordinator(words[b])
}

// verbObject reports whether the noun phrase before h is the object of
// the verb group just before it ("arrested an official accused of
// smuggling"), not the subject of a reported clause ("said the army
// attacked in the north").
func verbObject(toks []sitrep.Token, words []string, groups []verbGroup, h int) bool {
	if len(groups) == 0 {
		return false
	}
	p := groups[len(groups)-1]
	if p.head < 0 || p.end >= h || reportingForm[words[p.head]] {
		return false
	}
	for k := p.end; k < h; k++ {
		t := toks[k].Tag
		if !(t == "DT" || t == "POS" || t == "PRP$" || t == "CD" || strings.HasPrefix(t, "JJ") || strings.HasPrefix(t, "NN")) || timeWord(words[k]) {
			return false
		}
	}
	return true
}

var reportingForm = lexicon.set("reportingForm") // loaded from lexicon.txt, section [reportingForm]

// subordinator reports conjunctions tagged as prepositions that open a
// finite clause ("because the army shelled").
func subordinator(w string) bool {
	switch w {
	case "than", "whether", "once", "so", "for", "like":
		return true
	}
	return false
}

// hasFinite reports whether any of groups is a finite verb of its own.
func hasFinite(groups []verbGroup) bool {
	for _, g := range groups {
		if !g.reduced && !g.identity && (g.tag == "VBD" || g.tag == "VBZ" || g.tag == "VBP" || g.tag == "MD") {
			return true
		}
	}
	return false
}

// timeWord reports words that head a date adverbial.
func timeWord(w string) bool {
	return weekdays[w] || relativeDays[w] || timeWords[w]
}

var relativeDays = lexicon.set("relativeDays") // loaded from lexicon.txt, section [relativeDays]

var timeWords = lexicon.set("timeWords") // loaded from lexicon.txt, section [timeWords]

// firstClauseHasVerb reports whether a finite verb comes before the first
// comma or clause break.
func firstClauseHasVerb(toks []sitrep.Token) bool {
	for _, t := range toks {
		switch {
		case t.Text == "," || clauseBreak(strings.ToLower(t.Text), t.Tag):
			return false
		case t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD":
			return true
		}
	}
	return false
}
