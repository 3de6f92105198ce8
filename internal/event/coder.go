// Package event codes who did what to whom: CAMEO events with source and
// target actors, date, place, modality and the evidence they came from.
//
// Input: the text layer (sentences of POS-tagged tokens) and the facts of
// the earlier stages (entities, time expressions, places, captions,
// quotes).
// Output: []sitrep.Event, each pointing to its sentence and trigger span.
//
// The coder is a shallow-syntax pattern coder in the TABARI/PETRARCH
// tradition, over raw text instead of a constituency parse: it finds verb
// groups (voice, negation, modals, control verbs such as "failed to"),
// their subjects and objects (with appositives, coordination, reduced
// relatives and "by" agents), codes the verb with the verb dictionary's
// patterns, and codes the actors with the actor and agent dictionaries and
// the gazetteer's country names and demonyms. Event nouns ("US airstrikes
// on militias") are coded too. Reported speech codes the reported event,
// not the statement ("X said Y attacked Z" gives Y→Z), except where the
// statement itself is the act (threats, accusations, warnings). Pronouns
// take the nearest agreeing subject, first-person ones in a quotation its
// speaker (from the quotes stage). Plausibility checks (plausible.go) keep
// figurative or empty readings out: military force by a firm, a relation
// with no counterpart, a thing as the source.
package event

import (
	"fmt"
	"sort"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/cameo"
	"github.com/sitrep-project/sitrep/internal/dict"
	"github.com/sitrep-project/sitrep/internal/geo"
	"github.com/sitrep-project/sitrep/internal/text"
)

// MaxEventsPerSentence caps over-generation: PETRARCH users report dozens
// of events from one sentence; a news sentence rarely reports more than
// a few distinct interactions. It counts interactions (distinct trigger
// words): a compound actor's events count once, up to
// maxEventsPerSentence events in all.
const MaxEventsPerSentence = 4

// maxSentenceTokens bounds the work on one sentence; longer "sentences"
// are usually tables or lists, which the coder cannot analyse.
const maxSentenceTokens = 160

// Coder codes events. It is immutable and safe for concurrent use.
type Coder struct {
	dicts *dict.Dictionaries
	gaz   *geo.Gazetteer
	text  *text.Analyzer
}

// New returns a Coder using the given dictionaries and gazetteer; an may
// be nil (lemmas are then not used).
func New(d *dict.Dictionaries, g *geo.Gazetteer, an *text.Analyzer) *Coder {
	return &Coder{dicts: d, gaz: g, text: an}
}

// Input is what the coder reads.
type Input struct {
	Doc      *sitrep.Doc
	Entities []sitrep.Entity
	Timexes  []sitrep.Timex
	Places   []sitrep.Place
	Captions []sitrep.Caption
	// Quotes, when given, let first-person pronouns inside a quotation
	// stand for its speaker ("We will defend Taiwan," Gingrich said).
	Quotes []sitrep.Quote
}

// article holds the per-article state of one Code call.
type article struct {
	*Input
	c *Coder
	// memory maps an agent word ("protesters", "embassy") to the country
	// last seen with it, so "the protesters" later in the article keeps
	// the country of "Iraqi protesters" earlier.
	memory map[string]string
	// lastSubject is the most recent subject actor; subjects the few
	// before it, newest last, for pronouns that must agree with theirs.
	lastSubject *sitrep.EventActor
	subjects    []*sitrep.EventActor
	focus       *sitrep.Place
	warnings    []string
	trace       *Trace // nil unless explaining
	// speakers caches the coded speaker of Quotes[i]; a nil entry is a
	// speaker that codes as no actor.
	speakers map[int]*sitrep.EventActor
	// sentIndex is the index of the sentence being coded; lastDated is
	// the last event dated by a time expression, for the sentences that
	// go on telling it.
	sentIndex int
	lastDated *datedEvent
}

// Code returns the events of the article and warnings for sentences that
// could not be analysed.
func (c *Coder) Code(in *Input) ([]sitrep.Event, []string) {
	return c.code(in, nil)
}

func (c *Coder) code(in *Input, tr *Trace) ([]sitrep.Event, []string) {
	a := &article{Input: in, c: c, memory: make(map[string]string), trace: tr}
	if f := geo.Focus(in.Places); len(f) > 0 {
		a.focus = &f[0]
	}
	var events []sitrep.Event
	for si := range in.Doc.Sentences {
		s := &in.Doc.Sentences[si]
		if len(s.Tokens) == 0 {
			continue
		}
		if len(s.Tokens) > maxSentenceTokens {
			a.warnings = append(a.warnings, fmt.Sprintf("event: sentence at bytes %d-%d has %d tokens; too long to analyse, skipped", s.Start, s.End, len(s.Tokens)))
			continue
		}
		a.sentIndex = si
		events = append(events, a.codeSentence(s)...)
	}
	return events, a.warnings
}

// sentence is the analysis of one sentence.
type sentence struct {
	*sitrep.Sentence
	words  []string
	groups []verbGroup
	// subj[i] is the subject found for groups[i], if any.
	subj []*sitrep.EventActor
	// entity[k] indexes Input.Entities for token k, or is -1; timex[k]
	// reports whether token k is inside a time expression.
	entity  []int
	timex   []bool
	caption *sitrep.Caption
	events  []sitrep.Event
	// discardAt is the token index of a discard phrase, or -1.
	discardAt int
	// more holds the other members of a coordinated actor ("Gondor and
	// Osgiliath"), keyed by the first member that actorOf returned.
	more map[*sitrep.EventActor][]*sitrep.EventActor
}

func (a *article) codeSentence(s *sitrep.Sentence) []sitrep.Event {
	var verbForm, actorName func(string) bool
	if a.c.dicts.Verbs != nil && a.c.dicts.Actors != nil {
		verbForm = a.c.dicts.Verbs.Known
		actorName = func(w string) bool {
			_, ok := a.c.dicts.Actors.Match([]string{w}, a.Doc.Article.Published)
			return ok
		}
	}
	if toks, changed := retag(s.Tokens, verbForm, actorName); changed {
		sc := *s
		sc.Tokens = toks
		s = &sc
	}
	st := &sentence{Sentence: s, words: lowerWords(s.Tokens)}
	var tr *SentenceTrace
	if a.trace != nil {
		a.trace.Sentences = append(a.trace.Sentences, SentenceTrace{Tokens: s.Tokens, Chunks: text.Chunks(s.Tokens)})
		tr = &a.trace.Sentences[len(a.trace.Sentences)-1]
	}
	st.discardAt = -1
	if a.c.dicts.Discards != nil {
		// A discard phrase (sports, history: "world cup", "years ago")
		// discards the events of its own clause; a story discard, the
		// whole sentence.
		if m, ok := a.c.dicts.Discards.Find(st.words); ok {
			if tr != nil {
				tr.Discard, tr.DiscardStory = m.Phrase, m.Story
			}
			if m.Story {
				return nil
			}
			st.discardAt = m.At
		}
	}
	for i := range a.Captions {
		if a.Captions[i].Contains(s.Span) {
			st.caption = &a.Captions[i]
		}
	}
	st.entity, st.timex = a.tokenIndex(s)
	st.groups = verbGroups(s.Tokens, st.words)
	st.subj = make([]*sitrep.EventActor, len(st.groups))
	if tr != nil {
		for _, g := range st.groups {
			tr.Groups = append(tr.Groups, GroupTrace{Start: g.start, End: g.end, Head: g.head, Passive: g.passive,
				Negated: g.negated, Modal: g.modal, Reduced: g.reduced, Control: g.control})
		}
	}
	for gi := range st.groups {
		a.codeGroup(st, gi)
	}
	a.codeNominal(st)
	st.events = capEvents(st.events)
	if tr != nil {
		tr.Events = st.events
	}
	return st.events
}

// maxEventsPerSentence bounds the events of one sentence after compound
// actors are multiplied out ("A, B, C and D welcomed ties between E and
// F" is 8 events of one interaction).
const maxEventsPerSentence = 16

// capEvents keeps the events of the first MaxEventsPerSentence distinct
// triggers, and at most maxEventsPerSentence events.
func capEvents(evs []sitrep.Event) []sitrep.Event {
	var triggers []sitrep.Span
	out := evs[:0]
	for _, e := range evs {
		seen := false
		for _, t := range triggers {
			if t == e.Evidence.Trigger {
				seen = true
				break
			}
		}
		if !seen {
			if len(triggers) == MaxEventsPerSentence {
				continue
			}
			triggers = append(triggers, e.Evidence.Trigger)
		}
		if len(out) < maxEventsPerSentence {
			out = append(out, e)
		}
	}
	return out
}

// tokenIndex maps the sentence's tokens to the entity mentions and time
// expressions covering them, in one pass over each sorted list.
func (a *article) tokenIndex(s *sitrep.Sentence) ([]int, []bool) {
	ents := make([]int, len(s.Tokens))
	tx := make([]bool, len(s.Tokens))
	ei, ti := a.firstAfter(s.Start)
	for k, t := range s.Tokens {
		ents[k] = -1
		for ei < len(a.Entities) && a.Entities[ei].End <= t.Start {
			ei++
		}
		if ei < len(a.Entities) && a.Entities[ei].Start <= t.Start {
			ents[k] = ei
		}
		for ti < len(a.Timexes) && a.Timexes[ti].End <= t.Start {
			ti++
		}
		tx[k] = ti < len(a.Timexes) && a.Timexes[ti].Start <= t.Start
	}
	return ents, tx
}

// firstAfter returns the indexes of the first entity and time expression
// ending after off; both lists are in text order.
func (a *article) firstAfter(off int) (int, int) {
	ei := sort.Search(len(a.Entities), func(i int) bool { return a.Entities[i].End > off })
	ti := sort.Search(len(a.Timexes), func(i int) bool { return a.Timexes[i].End > off })
	return ei, ti
}

// codeGroup codes the event carried by one verb group, if any.
func (a *article) codeGroup(st *sentence, gi int) {
	g := &st.groups[gi]
	toks, words := st.Tokens, st.words

	var src, tgt *sitrep.EventActor
	var patient *sitrep.EventActor
	clauseEnd := a.clauseEnd(st, gi)
	switch {
	case g.reduced && !g.passive:
		src = a.npBefore(st, g.start)
		if (src == nil || src.Actor == "") && gi > 0 && g.start > 0 && documentNouns[st.words[g.start-1]] && issues(st.words[st.groups[gi-1].head]) && !st.groups[gi-1].reduced && st.subj[gi-1] != nil && !hasBreak(st, st.groups[gi-1].end, g.start) {
			// "The PKK issued a declaration demanding that ...": a
			// participle modifying an object that is no actor (a document,
			// an effort) acts for the subject of the verb before it.
			src = st.subj[gi-1]
		}
		if src != nil && len(src.Actor) == 3 && prepositionalObject(toks, words, g.start) && !prepositionalParticiple[st.words[g.head]] {
			// "blocked streets in the old town of Tunis chanting ...": a
			// place in a prepositional phrase does not act; the
			// participle goes with the clause's subject.
			src = mainSubject(st, gi)
		}
		if src == nil && g.start > 0 && st.words[g.start-1] == "," && !prepositionalParticiple[st.words[g.head]] {
			// "X said ..., warning that ...", "X shelled the town,
			// killing three": a participle after a comma acts for the
			// subject of the sentence's main clause.
			src = mainSubject(st, gi)
		}
		tgt = a.object(st, g, clauseEnd)
		if tgt == nil {
			// "issued a statement demanding that the Kenyan police
			// release ...": the one asked is the complement's subject.
			tgt = a.complementSubject(st, gi)
		}
	case g.passive:
		if g.reduced {
			patient = a.npBefore(st, g.start)
		} else {
			patient = a.subject(st, gi)
		}
		byEnd := clauseEnd
		if gi+1 < len(st.groups) && st.groups[gi+1].start < byEnd {
			// "observers who were sent to investigate ... were held by a
			// crowd": a later verb's "by" is its own.
			byEnd = st.groups[gi+1].start
		}
		if by := indexFrom(words, g.end, byEnd, "by"); by >= 0 {
			src = a.actorOf(st, by+1, a.npEnd(st, by+1, clauseEnd))
		}
		tgt = patient
	default:
		src = a.subject(st, gi)
		if gerundPrep(st, g) != "" && src != nil && src.Span.End > st.Tokens[g.start-1].Start {
			// "accused Hamas of firing": the gerund's subject is the noun
			// phrase before its preposition.
			from := sort.Search(len(st.Tokens), func(k int) bool { return st.Tokens[k].Start >= src.Span.Start })
			src = a.actorOf(st, from, g.start-1)
		}
		if src != nil && src.Actor != "" && !g.reduced {
			// "Ukraine must withdraw its troops": a possessive in the
			// object refers to this clause's subject.
			a.lastSubject = src
		}
		tgt = a.object(st, g, clauseEnd)
		if ci := infinitiveComplement(st, gi); ci >= 0 && tgt == nil {
			// "threatened to attack South Korea": the target of the
			// threat is the object of the threatened act.
			tgt = a.object(st, &st.groups[ci], a.clauseEnd(st, ci))
		}
		if tgt == nil {
			// "demanded that the US cancel": the one asked is the subject
			// of the complement clause.
			tgt = a.complementSubject(st, gi)
		}

	}
	if !g.reduced {
		st.subj[gi] = src
		if g.passive {
			st.subj[gi] = patient
		}
		if st.subj[gi] != nil && st.subj[gi].Actor != "" {
			a.lastSubject = st.subj[gi]
		}
		if st.subj[gi] != nil && st.subj[gi].Text != "" {
			// Uncoded subjects are remembered too: "The pope arrived.
			// He ..." is about the pope, whatever came before.
			a.remember(st.subj[gi])
		}
	}

	if gt := a.groupTrace(gi); gt != nil {
		gt.ClauseStart, gt.ClauseEnd = clauseSpan(st, g, clauseEnd)
		gt.Subject, gt.Object = a.members(st, src), a.members(st, tgt)
	}
	if g.consumed {
		a.outcome(gi, "coded with the verb that governs it")
		return
	}
	if background(st, g.start) {
		a.outcome(gi, "background: a clause dated years or months back")
		return
	}
	m, before, after, ok := a.matchVerb(st, g, clauseEnd)
	if !ok && g.controlTok >= 0 && strings.HasPrefix(st.words[g.controlTok], "refus") {
		// "refused to commit to any assistance": the refusal is the act.
		m, ok = dict.VerbMatch{Code: "120", Lemma: "refuse", Source: "event:refusal"}, true
	}
	if !ok {
		a.outcome(gi, "verb not in the dictionary (or null-coded)")
		a.codeReportedThreat(st, gi, src)
		return
	}
	if gt := a.groupTrace(gi); gt != nil {
		gt.Verb = &m
	}
	// Pattern markers name the actors explicitly: "$" the source, "+" the
	// target, wherever they stand around the verb.
	if m.TargetAt < 0 && m.TargetAt == m.SourceAt {
		// A "%" marker before the verb: the coordinated actor there acts
		// on itself ("Gondor and Osgiliath delayed their meeting"). After
		// the verb it marks the (compound) target.
		if s := a.actorAtMarker(st, m.SourceAt, before, after, clauseEnd, false); s != nil && len(st.more[s]) > 0 {
			src = s
		}
		if len(st.more[src]) > 0 {
			tgt = nil
		}
	} else if m.TargetAt != 0 {
		if t := a.actorAtMarker(st, m.TargetAt, before, after, clauseEnd, true); t != nil {
			tgt = t
		}
	}
	if m.SourceAt != 0 && m.SourceAt != m.TargetAt {
		if s := a.actorAtMarker(st, m.SourceAt, before, after, clauseEnd, false); s != nil {
			src = s
		}
	}
	if m.Reversed {
		src, tgt = tgt, src
		if src == nil && tgt != nil && tgt.Actor != "" && unknownAgentViolence(m.Code) {
			// "died of torture", "was among those who died in the
			// airstrike": the subject suffered violence whose agent the
			// clause does not name.
			src = &sitrep.EventActor{Span: sitrep.Span{Start: toks[g.head].Start, End: toks[g.head].Start}, Actor: "---"}
		}
	} else if m.Pair != "" && (tgt == nil || tgt.Actor == "") && !g.passive {
		tgt = a.visitHost(st, g, clauseEnd)
	}
	if (tgt == nil || tgt.Actor == "") && !g.passive && m.Pattern != "" && m.Words > 0 && m.Words <= len(after) {
		// "began a fresh ground offensive against rebel towns": the
		// phrase the pattern matched may take the target itself.
		if j := after[m.Words-1] + 1; j+1 < clauseEnd && isTargetPrep(words[j]) {
			if t := a.actorOf(st, j+1, a.listEnd(st, j+1, clauseEnd)); t != nil && t.Actor != "" {
				tgt = t
			}
		}
	}
	if ci := infinitiveComplement(st, gi); ci >= 0 && m.Code != "010" {
		// A verb that is an act in itself codes the act it governs away:
		// a threat to attack is a threat (13x), not an attack.
		st.groups[ci].consumed = true
	}
	code := m.Code
	if g.report && strings.HasPrefix(code, "14") {
		// "..., a rights group protested on Wednesday.": a protest verb
		// ending a reporting clause reports words, a verbal objection
		// (CAMEO 111), not a demonstration.
		code = "111"
	}
	if tgt == nil && g.report && strings.HasPrefix(code, "11") {
		// "Bosnian police keep turning away returning families, a rights
		// group protested": what the reporter objects to is the reported
		// clause's subject.
		if t := mainSubject(st, gi); t != nil && src != nil && t.Actor != src.Actor {
			tgt = t
		}
	}
	// Statements are subordinate events: "X said Y attacked Z" codes the
	// attack. A bare statement is recorded as a quote, not an event.
	if m.Pattern == "" && sayingVerbs[m.Lemma] && clauseFollows(st, gi) {
		// "claimed she was married to King Faruq", "argued that the
		// plan would fail": a verb of saying with a clause after it
		// reports that clause, which is coded on its own.
		code = "010"
	}
	if code == "010" || code == "01" {
		a.outcome(gi, "statement: codes what is reported, not the saying")
		a.codeReportedThreat(st, gi, src)
		return
	}
	if g.passive && (src == nil || src.Actor == "") && patient != nil && patient.Actor != "" && (unknownAgentViolence(code) || unknownAgentAct(code)) && a.agentUnknown(st, g, clauseEnd) {
		// "Three soldiers were killed by a roadside bomb": the violence is
		// an event even though no one is named as its agent (a "by" phrase
		// naming an actor would have given src). The source is the unknown
		// actor "---" (CAMEO's convention), never a guess.
		src = &sitrep.EventActor{Span: sitrep.Span{Start: toks[g.head].Start, End: toks[g.head].Start}, Actor: "---"}
	}
	if g.passive && src == nil && strings.HasPrefix(code, "15") {
		// "Soldiers deployed in front of the embassy": with no agent, forces
		// that are deployed show their own side's force posture.
		src, tgt = patient, nil
	}
	if (tgt == nil || tgt.Actor == "") && !g.passive && gi+1 < len(st.groups) {
		// "signed a deal on Monday to supply Chad with grain": with
		// no target of its own, the act is aimed at the object of the
		// infinitive that states its purpose.
		if n := &st.groups[gi+1]; n.start > g.end && n.start < clauseEnd && st.words[n.start-1] == "to" && !verbBetween(st, g.end, n.start-1) {
			if t := a.object(st, n, a.clauseEnd(st, gi+1)); t != nil && t.Actor != "" {
				tgt = t
			}
		}
	}
	if ann, _ := a.announced(st, g); !ann && (tgt != nil && tgt.Actor != "" || !a.reciprocal(st, src, code)) {
		// (An announced gift is an intent, which needs no recipient.)
		code = a.adjustForMissingRecipient(code, tgt, src)
	}
	if code == "" {
		a.outcome(gi, "giving code with no recipient")
		return
	}
	if (src == nil || src.Actor == "") && tgt != nil && len(st.more[tgt]) > 0 && a.betweenPhrase(st, tgt) {
		// "fighting between Azerbaijanis and Armenians": the parties
		// named after "between" act on each other.
		src, tgt = tgt, nil
	}
	if src == nil || src.Actor == "" {
		a.outcome(gi, "no source actor")
		return
	}
	if (strings.HasPrefix(code, "18") || strings.HasPrefix(code, "19")) && hasScore(st) {
		// "South Korea beat Mongolia 2-0": a result with a score is a game.
		a.outcome(gi, "a score: a sports result, not violence")
		return
	}
	if (strings.HasPrefix(code, "19") || strings.HasPrefix(code, "20")) && unarmed(src.Actor) {
		// "the company battled fierce competition", "the court struck
		// down the law": military force by a firm, newspaper, court or
		// school is a figure of speech.
		a.outcome(gi, "military force by an unarmed sector (figurative)")
		return
	}
	if w := headNoun(st, src.Span); inanimate[w] {
		// "Greek stocks ended higher, pushing the index", "Japanese
		// exports rose": a country named in a phrase about a thing does
		// not make the thing an actor.
		a.outcome(gi, fmt.Sprintf("source %q is a thing, not an actor", w))
		return
	}
	if tgt != nil && (tgt.Actor == "" || tgt.Actor == src.Actor && tgt.Text == src.Text) {
		tgt = nil
	}
	if tgt == nil && a.infinitival(st, g) && !a.reciprocal(st, src, code) && !oneSided(code) {
		// "a pleasant place to visit", "the drive to meet demand": a
		// purpose with no one it is aimed at is no event. (Acts that
		// need no one are: "sent experts to investigate", "gathered to
		// protest".)
		a.outcome(gi, "purpose infinitive with no target")
		return
	}
	if tgt == nil && m.Pattern == "" && (relational(code) || strings.HasPrefix(code, "084") || code == "041") && !a.reciprocal(st, src, code) {
		// "We expect countries to take decisions", "he praised the
		// decision", "a report released Tuesday", "he called it a
		// mistake": a verb coded by its default alone, with no one on the
		// other side, is no intent, cooperation, cut in relations, release
		// of anyone or telephone call.
		a.outcome(gi, "relation with no counterpart (verb default, no target)")
		return
	}
	if tgt == nil && country(src.Actor) == "---" && code < "06" && !a.reciprocal(st, src, code) {
		// "a senior official said": an actor of no known country saying
		// something to no one tells nothing. (Acts are kept: "protesters
		// clashed", "rebels surrendered".)
		a.outcome(gi, "no target, and the source has no country")
		return
	}
	if tgt != nil && strings.HasPrefix(code, "15") && (country(tgt.Actor) == country(src.Actor) || country(tgt.Actor) == "---") {
		// Force posture is one-sided: the forces deployed, or the command
		// they are sent to, are the source's own.
		tgt = nil
	}
	if tgt != nil && country(tgt.Actor) == country(src.Actor) && ownForces(tgt) {
		// "Syria withdrew its troops": one's own forces are what is moved,
		// not whom the act is aimed at.
		tgt = nil
	}

	mod := sitrep.Asserted
	switch {
	case g.negated || deniedAct(st, g) || neitherSubject(st, g.start) || gerundPrep(st, g) == "without":
		mod = sitrep.Negated
	case unrealizedGerund[gerundPrep(st, g)]:
		mod = sitrep.Hypothetical
	case g.control != "":
		mod = g.control
	case g.modal || a.inHypotheticalContext(st, g.start):
		mod = sitrep.Hypothetical
	case a.infinitival(st, g):
		mod = sitrep.Hypothetical
	}
	code, mod = a.recode(st, g, code, mod)
	trigger := sitrep.Span{Start: toks[g.head].Start, End: toks[g.head].End}
	n := len(st.events)
	a.emit(st, code, m.Source, src, tgt, mod, trigger, g.start, clauseEnd)
	if m.Pair != "" && tgt != nil {
		// Paired codes: A visits B is also B hosting A.
		a.emit(st, m.Pair, m.Source, tgt, src, mod, trigger, g.start, clauseEnd)
	}
	a.outcome(gi, fmt.Sprintf("%d event(s)", len(st.events)-n))
}

// clauseSpan returns the clause of group g for the trace: from the last
// clause break (a relative pronoun, a subordinator, a comma) before the
// group to the first comma after it, within the window its objects and
// patterns are looked for in.
func clauseSpan(st *sentence, g *verbGroup, clauseEnd int) (int, int) {
	start := 0
	for j := g.start - 1; j >= 0; j-- {
		if clauseBreak(st.words[j], st.Tokens[j].Tag) || st.words[j] == "," {
			start = j + 1
			break
		}
	}
	end := clauseEnd
	for j := g.end; j < end; j++ {
		if st.words[j] == "," {
			end = j
			break
		}
	}
	return start, end
}

// visitHost returns the country a visit goes to when the verb names it
// only as a place: "Xi arrived in Moscow" is a visit to Russia and Russia
// hosting it (the paired code). Only a place that codes as a bare country
// qualifies; elsewhere places stay where, not whom.
func (a *article) visitHost(st *sentence, g *verbGroup, clauseEnd int) *sitrep.EventActor {
	k := g.end
	for k < clauseEnd && (st.Tokens[k].Tag == "RB" || a.isTimexTok(st, k)) {
		k++
	}
	if k+1 >= clauseEnd || st.words[k] != "in" && st.words[k] != "at" {
		return nil
	}
	host := a.actorOf(st, k+1, a.npEnd(st, k+1, clauseEnd))
	if host == nil || len(host.Actor) != 3 || host.Actor == "---" || len(st.more[host]) > 0 {
		return nil
	}
	return host
}

// betweenPhrase reports whether act is the object of "between".
func (a *article) betweenPhrase(st *sentence, act *sitrep.EventActor) bool {
	k := sort.Search(len(st.Tokens), func(k int) bool { return st.Tokens[k].Start >= act.Span.Start })
	return k > 0 && st.words[k-1] == "between"
}

// sayingVerbs are verbs coded by Phoenix as disapproval or demand that,
// before a clause, only report it: "claimed (that) ...", "argued ...".
var sayingVerbs = map[string]bool{
	"claim": true, "argue": true, "insist": true, "contend": true, "assert": true, "maintain": true,
	"stress": true, "emphasize": true, "emphasise": true, "note": true, "explain": true, "reiterate": true, "swear": true,
}

// clauseFollows reports whether a finite clause follows group gi, after
// at most a "that" and a short subject.
func clauseFollows(st *sentence, gi int) bool {
	g := &st.groups[gi]
	if gi+1 >= len(st.groups) {
		return false
	}
	n := &st.groups[gi+1]
	if n.start <= g.end || n.start-g.end > 8 || n.reduced {
		return false
	}
	switch n.tag {
	case "VBD", "VBZ", "VBP", "MD":
	default:
		return false
	}
	for k := g.end; k < n.start; k++ {
		if st.Tokens[k].Tag == "IN" && st.words[k] != "that" || st.words[k] == "," || st.words[k] == ";" {
			return false // "claimed victory in the elections"
		}
	}
	return true
}

// reportingForms are the forms of the plain reporting verbs, whose
// complement clause is coded on its own.
var reportingForms = map[string]bool{
	"say": true, "says": true, "said": true, "saying": true,
	"tell": true, "tells": true, "told": true, "telling": true,
	"add": true, "adds": true, "added": true, "adding": true,
}

// actorAtMarker codes the actor at a pattern marker position: k > 0 is
// after[k-1], k < 0 is before[-k-1] (token indexes of the clause words).
func (a *article) actorAtMarker(st *sentence, k int, before, after []int, clauseEnd int, target bool) *sitrep.EventActor {
	var tok int
	switch {
	case k > 0 && k-1 < len(after):
		tok = after[k-1]
		if target && tok > 0 && isPlacePrep(st.words[tok-1]) && strings.HasPrefix(st.Tokens[tok].Tag, "NNP") {
			// "held a feast in Cusco with the envoys of Peru" meets
			// "* feast in ^ +": a place after "in" is never the
			// target, so the marker moves past it, as TABARI's "^" (skip a
			// noun phrase) intends.
			tok = a.npEnd(st, tok, clauseEnd)
			if tok >= clauseEnd {
				return nil
			}
		}
		if tok+1 < clauseEnd && (st.Tokens[tok].Tag == "IN" || st.Tokens[tok].Tag == "TO") && !isPlacePrep(st.words[tok]) {
			// "received money from Osgiliath" meets "* money $": the
			// actor is the object of the preposition at the marker.
			tok++
		}
		return a.actorOf(st, tok, a.npEnd(st, tok, clauseEnd))
	case k < 0 && -k-1 < len(before):
		// The marker stands before the verb: the noun phrase ending there,
		// past the auxiliaries and adverbs of the verb group ("Eriador has
		// received" meets "+ * money").
		tok = before[-k-1]
		for tok > 0 && (isVerbTag(st.Tokens[tok].Tag) || st.Tokens[tok].Tag == "RB") {
			tok--
		}
		return a.npBefore(st, tok+1)
	}
	return nil
}

// mutualCode reports whether an event of code between the members of a
// compound subject can be read as mutual ("Gondor and Rohan met", "...
// clashed", "... broke off ties"). Demands, criticism, rejections, threats,
// protests, displays of force and warnings are directed at someone else.
func mutualCode(code string) bool {
	switch {
	case len(code) < 2:
		return false
	case code[:2] >= "10" && code[:2] <= "15", code[:2] == "07", code[:2] == "08", code[:2] == "09", code[:2] == "17":
		// Demands, accusations, protests, aid, concessions,
		// investigations and coercion go from some to others: "France
		// and Spain withdrew their support" is not from each other.
		return false
	case code[:2] == "16":
		return strings.HasPrefix(code, "161")
	}
	return true
}

// reciprocal reports a coordinated source with no target that acts on
// itself ("Gondor and Osgiliath renewed ties"): each member is the other's
// target. Protests and force posture stay one-sided.
func (a *article) reciprocal(st *sentence, src *sitrep.EventActor, code string) bool {
	if src == nil || len(st.more[src]) == 0 || !mutualCode(code) {
		return false
	}
	// Only distinct, known parties: "protesters and militiamen stormed"
	// is no interaction between them.
	seen := map[string]bool{}
	for _, m := range a.members(st, src) {
		c := country(m.Actor)
		if len(c) < 3 || c == "---" || seen[c] {
			return false
		}
		seen[c] = true
	}
	return true
}

// denyVerbs take the act they deny as a gerund: "denied targeting
// civilians".
var denyVerbs = map[string]bool{"deny": true, "denies": true, "denied": true, "denying": true, "rejected": true, "dismissed": true}

// deniedAct reports a gerund whose act the sentence's own verb denies.
func deniedAct(st *sentence, g *verbGroup) bool {
	if st.Tokens[g.head].Tag != "VBG" {
		return false
	}
	for k := g.start - 1; k >= 0 && k >= g.start-2; k-- {
		if denyVerbs[st.words[k]] {
			return true
		}
	}
	return false
}

// gerundPrep returns the preposition right before group g when g is a
// gerund governed by it ("accused Hamas of firing"), else "". Compound
// prepositions that report a cause ("because of fighting", "as a result
// of shelling") are left out: what they govern happened.
func gerundPrep(st *sentence, g *verbGroup) string {
	if g.start == 0 || st.Tokens[g.head].Tag != "VBG" || st.Tokens[g.start-1].Tag != "IN" {
		return ""
	}
	if g.start >= 2 && st.words[g.start-1] == "of" {
		switch st.words[g.start-2] {
		case "because", "result", "wake", "spite", "aftermath", "days", "weeks", "months", "years", "hours":
			return ""
		}
	}
	return st.words[g.start-1]
}

// unrealizedGerund are prepositions whose gerund is an act alleged,
// warned against or kept from, not one reported as done: "accused of
// firing", "warned against attacking", "refrained from striking".
var unrealizedGerund = map[string]bool{"of": true, "against": true, "from": true, "about": true}

// prepositionalParticiple are -ing words that work as prepositions
// (", according to reports", ", including ..."): no act of the subject.
var prepositionalParticiple = map[string]bool{
	"according": true, "including": true, "following": true, "regarding": true, "concerning": true,
	"excluding": true, "considering": true, "pending": true, "barring": true, "involving": true,
}

// mainSubject returns the subject of the first finite verb before group
// gi that has one: the main clause's subject in news sentences.
func mainSubject(st *sentence, gi int) *sitrep.EventActor {
	for pi := 0; pi < gi; pi++ {
		if !st.groups[pi].reduced && st.subj[pi] != nil && st.subj[pi].Actor != "" {
			return st.subj[pi]
		}
	}
	return nil
}

// infinitiveComplement returns the index of the verb group that is the
// to-infinitive complement of group gi ("threatened to attack"), or -1.
func infinitiveComplement(st *sentence, gi int) int {
	g := &st.groups[gi]
	if gi+1 >= len(st.groups) || g.end >= len(st.words) {
		return -1
	}
	to := g.end
	if effortNoun(st.words[to]) && to+1 < len(st.words) {
		// "abandoned efforts to stop the parade": the effort, and so the
		// act it aims at, is what the verb is about.
		to++
	}
	if st.words[to] != "to" {
		return -1
	}
	if next := &st.groups[gi+1]; next.start == to+1 {
		return gi + 1
	}
	return -1
}

// neitherSubject reports a "neither A nor B" subject right before the verb
// at k: neither did what the verb says.
func neitherSubject(st *sentence, k int) bool {
	nor := false
	for j := k - 1; j >= 0 && j >= k-12; j-- {
		switch w := st.words[j]; {
		case w == "nor":
			nor = true
		case w == "neither":
			return nor
		case w == "," || w == ";" || clauseBreak(w, st.Tokens[j].Tag) || isVerbTag(st.Tokens[j].Tag):
			return false
		}
	}
	return false
}

// effortNoun reports nouns for an attempted act: "efforts to", "a bid to".
func effortNoun(w string) bool {
	switch w {
	case "efforts", "effort", "attempt", "attempts", "bid", "bids":
		return true
	}
	return false
}

// infinitival reports a verb group introduced by "to" ("to counter Iran"):
// a purpose or intention, not an accomplished act.
func (a *article) infinitival(st *sentence, g *verbGroup) bool {
	if g.start > 1 && stepNoun(st.words[g.start-2]) {
		// "took steps to enhance political freedoms": the steps taken are
		// the act the infinitive names.
		return false
	}
	return g.start > 0 && st.words[g.start-1] == "to" && g.controlTok < 0
}

// stepNoun reports nouns that, taken or adopted, amount to the act of the
// infinitive after them.
func stepNoun(w string) bool {
	switch w {
	case "steps", "step", "measures", "measure":
		return true
	}
	return false
}

// adjustForMissingRecipient handles giving-type codes (material
// cooperation and aid: 06x, 07x) that need a recipient: sending forces with
// no foreign recipient is a show of force posture (154), and other
// giving with no recipient is no event.
func (a *article) adjustForMissingRecipient(code string, tgt, src *sitrep.EventActor) string {
	if !strings.HasPrefix(code, "06") && !strings.HasPrefix(code, "07") {
		return code
	}
	if tgt != nil && tgt.Actor != "" && (src == nil || country(tgt.Actor) != country(src.Actor)) {
		return code
	}
	if code == "062" || code == "072" || code == "0332" {
		return "154"
	}
	if code == "074" {
		// Peacekeepers who arrive keep the peace where they are; the
		// place is not an actor, but the deployment is the event.
		return code
	}
	return ""
}

func country(code string) string {
	if len(code) >= 3 {
		return code[:3]
	}
	return code
}

// matchVerb looks the group's content verb up in the verb dictionary with
// the words around it, so phrase patterns can refine the code.
// The returned slices give the token index of each before and after word,
// for pattern markers.
func (a *article) matchVerb(st *sentence, g *verbGroup, clauseEnd int) (m dict.VerbMatch, beforeIdx, afterIdx []int, ok bool) {
	words := st.words
	var bb [8]string
	var bi [8]int
	before, beforeIdx := bb[:0], bi[:0]
	for k := g.head - 1; k >= 0 && k >= g.head-8; k-- {
		before = append(before, words[k])
		beforeIdx = append(beforeIdx, k)
	}
	// Patterns see the verb's own clause: the window stops at the next
	// finite verb group, whose words belong to its own event ("said it had
	// halted economic aid" is not "said ... aid").
	limit := clauseEnd
	for _, o := range st.groups {
		if o.start > g.head && o.start < limit && (o.start == 0 || st.words[o.start-1] != "to") && o.tag != "VBG" && o.tag != "VBN" {
			limit = o.start
			if reportingForms[words[g.head]] {
				// "said Hwang's research had been faked": what comes
				// between a reporting verb and the complement's verb is
				// the complement's subject, not the saying's object.
				limit = g.end
			}
			break
		}
	}
	var ab [12]string
	var ai [12]int
	after, afterIdx := ab[:0], ai[:0]
	for k := g.head + 1; k < limit && len(after) < 12; k++ {
		if isQuoteTok(st.Tokens[k].Text) {
			continue
		}
		after = append(after, words[k])
		afterIdx = append(afterIdx, k)
	}
	m, ok = a.c.dicts.Verbs.Match(words[g.head], before, after)
	if ok && m.Pattern == "" && limit < len(words) && len(after) < 12 {
		// A pattern with a fixed phrase ("admit * deeply_mistaken") may
		// reach into the complement clause, as PETRARCH's do: "admitted
		// that the plan was deeply mistaken". Looser patterns stay in
		// the verb's own clause.
		for k := limit; k < len(words) && len(after) < 12 && words[k] != ";" && words[k] != "."; k++ {
			if isQuoteTok(st.Tokens[k].Text) {
				continue
			}
			after = append(after, words[k])
			afterIdx = append(afterIdx, k)
		}
		if wide, wok := a.c.dicts.Verbs.Match(words[g.head], before, after); wok && fixedPhrase(wide.Pattern) {
			return wide, beforeIdx, afterIdx, true
		}
		afterIdx = afterIdx[:0]
		for k := g.head + 1; k < limit && len(afterIdx) < 12; k++ {
			if !isQuoteTok(st.Tokens[k].Text) {
				afterIdx = append(afterIdx, k)
			}
		}
	}
	return m, beforeIdx, afterIdx, ok
}

// fixedPhrase reports whether a verb pattern contains words joined for
// adjacency ("really_pleasant"), as opposed to "in_*" which ties a word to
// the verb.
func fixedPhrase(pattern string) bool {
	for i := 1; i+1 < len(pattern); i++ {
		if pattern[i] == '_' && pattern[i-1] != '*' && pattern[i+1] != '*' && pattern[i-1] != ' ' && pattern[i+1] != ' ' {
			return true
		}
	}
	return false
}

// threatObjects are what a speaker says the target "will pay" or "face":
// a statement that harm will come to the target is a threat (CAMEO 13).
var threatObjects = map[string]bool{
	"price": true, "consequences": true, "consequence": true, "retaliation": true,
	"response": true, "retribution": true, "wrath": true, "reprisal": true, "reprisals": true,
}

var threatVerbs = map[string]bool{"pay": true, "face": true, "suffer": true, "regret": true, "bear": true}

// codeReportedThreat codes "X said/tweeted/warned that Y would pay a big
// price" as X threatening Y (130), the statement being the act.
func (a *article) codeReportedThreat(st *sentence, gi int, speaker *sitrep.EventActor) {
	if speaker == nil || speaker.Actor == "" {
		return
	}
	g := &st.groups[gi]
	words := st.words
	for ci := gi + 1; ci < len(st.groups) && ci <= gi+2; ci++ {
		c := &st.groups[ci]
		if obligation(st, c) {
			// "X said Y must return the helicopter": X demands it of Y.
			tgt := a.subject(st, ci)
			if tgt != nil && tgt.Actor == speaker.Actor {
				// "Kenya admitted it should have acted sooner": what one says
				// one must do is no demand.
				return
			}
			if tgt == nil || tgt.Actor == "" {
				// "said efforts should continue": what things should do is
				// an opinion, not a demand made of anyone.
				return
			}
			trigger := sitrep.Span{Start: st.Tokens[g.head].Start, End: st.Tokens[g.head].End}
			a.emit(st, "100", "event:reported-demand", speaker, tgt, sitrep.Asserted, trigger, g.start, a.clauseEnd(st, ci))
			return
		}
		if !c.modal || !threatVerbs[words[c.head]] {
			continue
		}
		obj := false
		for k := c.head + 1; k < len(words) && k <= c.head+8; k++ {
			if threatObjects[words[k]] {
				obj = true
				break
			}
		}
		if !obj {
			continue
		}
		tgt := a.subject(st, ci)
		if tgt != nil && tgt.Actor == "" {
			tgt = nil
		}
		trigger := sitrep.Span{Start: st.Tokens[g.head].Start, End: st.Tokens[g.head].End}
		a.emit(st, "130", "event:reported-threat", speaker, tgt, sitrep.Asserted, trigger, g.start, a.clauseEnd(st, ci))
		// "Y would pay a price" is the content of the threat, not an act.
		c.consumed = true
		return
	}
}

// obligation reports a verb group that states what someone must do:
// "must return", "should withdraw", "has to leave".
func obligation(st *sentence, c *verbGroup) bool {
	for k := c.start; k < c.head; k++ {
		switch st.words[k] {
		case "must", "should", "ought":
			return !c.negated
		}
	}
	return false
}

// complementSubject returns the subject of the clause that group gi
// introduces with "that" ("demanded that the US cancel"), or nil.
func (a *article) complementSubject(st *sentence, gi int) *sitrep.EventActor {
	g := &st.groups[gi]
	if gi+1 >= len(st.groups) {
		return nil
	}
	next := st.groups[gi+1].start
	for k := g.end; k < next && k < g.end+6; k++ {
		if st.words[k] == "that" {
			if s := a.subject(st, gi+1); s != nil && s.Actor != "" {
				return s
			}
			return nil
		}
		if st.words[k] == "," || clauseBreak(st.words[k], st.Tokens[k].Tag) {
			return nil
		}
	}
	return nil
}

// hypotheticalCues open contexts in which events are not asserted.
var hypotheticalCues = map[string]bool{
	"if": true, "unless": true, "concerns": true, "concern": true, "fears": true, "fear": true,
	"could": true, "might": true, "may": true, "would": true, "whether": true, "possibility": true,
	"threat": true, "risk": true,
	// "demanded that Kenya release": what is demanded has not happened.
	"demand": true, "demands": true, "demanded": true, "demanding": true, "urge": true, "urges": true, "urged": true,
	"insist": true, "insists": true, "insisted": true, "request": true, "requested": true, "requests": true,
}

func (a *article) inHypotheticalContext(st *sentence, start int) bool {
	for k := start - 1; k >= 0 && k >= start-6; k-- {
		if hypotheticalCues[st.words[k]] && !st.timex[k] {
			// (The month "May" is no modal.)
			return true
		}
	}
	return false
}

// resignation reports whether the event's trigger is a resignation:
// "resigned", "quit", "stepped down".
func resignation(st *sentence, trigger sitrep.Span) bool {
	k := sort.Search(len(st.Tokens), func(k int) bool { return st.Tokens[k].Start >= trigger.Start })
	if k >= len(st.Tokens) {
		return false
	}
	w := st.words[k]
	switch {
	case strings.HasPrefix(w, "resign"), w == "quit", w == "quits", w == "quitting":
		return true
	case strings.HasPrefix(w, "step") && k+1 < len(st.words) && st.words[k+1] == "down":
		return true
	}
	return false
}

// emit appends an event unless the sentence already has the same one.
func (a *article) emit(st *sentence, code, pattern string, src, tgt *sitrep.EventActor, mod string, trigger sitrep.Span, clauseStart, clauseEnd int) {
	cb, ok := lookupCode(code)
	if !ok {
		return
	}
	if cb.QuadClass > 0 && cb.PLOVER == "" {
		// Plain comments and symbolic acts (010, 012-014, 017): PLOVER
		// dropped them as events, and a statement is kept as a quote.
		return
	}
	if st.discardAt >= 0 && st.discardAt < clauseEnd && st.discardAt >= clauseBegin(st, clauseStart) && !verbBetween(st, clauseStart, st.discardAt) {
		return
	}
	srcs := a.members(st, src)
	var tgts []*sitrep.EventActor
	tm := a.members(st, tgt)
	for i := range tm {
		tgts = append(tgts, &tm[i])
	}
	if tgt == nil {
		tgts = []*sitrep.EventActor{nil}
	}
	for i := range srcs {
		s := &srcs[i]
		if tgt == nil && a.reciprocal(st, src, code) {
			// Coordinated actors acting on each other.
			for j := range srcs {
				if j != i && srcs[j].Actor != s.Actor {
					a.emitOne(st, cb, pattern, s, &srcs[j], mod, trigger, clauseStart, clauseEnd)
				}
			}
			continue
		}
		for _, t := range tgts {
			if t != nil && t.Actor == s.Actor {
				// "Kostunica promised to democratize Serbia": an actor
				// acting on its own country is a domestic, targetless event.
				if len(tgts) > 1 {
					continue
				}
				t = nil
			}
			a.emitOne(st, cb, pattern, s, t, mod, trigger, clauseStart, clauseEnd)
		}
	}
}

// background reports whether the verb at token k is in a clause that
// dates itself a span of time back from the main event ("five years after
// crowds burned down its embassy", "months since the army seized"): the
// story's history, which was news when it happened, like "years ago".
func background(st *sentence, k int) bool {
	for j := k - 1; j >= 1 && j >= k-6; j-- {
		w := st.words[j]
		if w == "," || isVerbTag(st.Tokens[j].Tag) {
			return false
		}
		if w == "after" || w == "since" {
			switch st.words[j-1] {
			case "years", "months", "decades", "weeks", "year", "month", "decade":
				return true
			}
			return false
		}
	}
	return false
}

// documentNouns are things an actor issues that speak for it.
var documentNouns = map[string]bool{
	"declaration": true, "statement": true, "resolution": true, "letter": true, "communique": true, "message": true,
	"decree": true, "motion": true, "petition": true, "appeal": true, "note": true, "memorandum": true, "bill": true,
	"report": true, "demand": true, "call": true, "ultimatum": true, "warning": true, "order": true,
}

// issues reports whether verb w issues a document ("issued a
// declaration", "adopted a resolution"), which then speaks for its subject.
func issues(w string) bool {
	for _, p := range [...]string{"issu", "adopt", "pass", "send", "sent", "releas", "publish", "deliver", "submit", "sign", "draft", "tabl", "present", "approv", "vot", "mak", "made", "reiterat", "renew"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// hasBreak reports whether a comma or a clause break lies in [from, to).
func hasBreak(st *sentence, from, to int) bool {
	for k := from; k < to; k++ {
		if st.words[k] == "," || clauseBreak(st.words[k], st.Tokens[k].Tag) {
			return true
		}
	}
	return false
}

// agentUnknown reports whether a passive act of violence has an unknown
// agent rather than a misread one or none at all: either no "by" phrase
// follows and the clause names no accident ("killed in a car crash"), or
// the "by" phrase names a weapon ("killed by a roadside bomb").
func (a *article) agentUnknown(st *sentence, g *verbGroup, clauseEnd int) bool {
	by := indexFrom(st.words, g.end, clauseEnd, "by")
	if by >= 0 {
		for k := by + 1; k < clauseEnd && k <= by+6; k++ {
			if meansNouns[st.words[k]] {
				return true
			}
		}
		return false
	}
	for k := g.end; k < len(st.words); k++ {
		if accidentNouns[st.words[k]] {
			return false
		}
	}
	return true
}

// meansNouns are weapons and acts that stand for an unnamed attacker.
var meansNouns = map[string]bool{
	"bomb": true, "bombs": true, "device": true, "explosive": true, "explosives": true, "mine": true, "landmine": true,
	"rocket": true, "rockets": true, "missile": true, "missiles": true, "shell": true, "shells": true, "mortar": true,
	"grenade": true, "grenades": true, "gunfire": true, "bullet": true, "bullets": true, "shrapnel": true,
	"blast": true, "explosion": true, "sniper": true, "snipers": true, "gunmen": true, "assailants": true, "attackers": true,
}

// accidentNouns mark deaths and injuries that no one inflicted.
var accidentNouns = map[string]bool{
	"accident": true, "accidents": true, "crash": true, "crashes": true, "collision": true, "blaze": true, "fire": true,
	"fires": true, "flood": true, "floods": true, "flooding": true, "earthquake": true, "quake": true, "storm": true,
	"storms": true, "landslide": true, "landslides": true, "avalanche": true, "stampede": true, "derailment": true,
	"typhoon": true, "hurricane": true, "cyclone": true, "tornado": true, "mudslide": true, "disease": true, "outbreak": true, "inferno": true,
}

// verbBetween reports whether a verb group starts after token from and
// before token to: a discard phrase after it ("a curfew that was imposed
// months ago", "suspected of bombing a plane in 1988") belongs to that
// nearer verb, not to the event at from.
func verbBetween(st *sentence, from, to int) bool {
	for i := range st.groups {
		if k := st.groups[i].start; k > from && k < to {
			return true
		}
	}
	return false
}

// clauseBegin returns where the clause holding token k begins: after the
// nearest clause break before it, or at the sentence start.
func clauseBegin(st *sentence, k int) int {
	for j := min(k, len(st.words)) - 1; j >= 0; j-- {
		if clauseBreak(st.words[j], st.Tokens[j].Tag) {
			return j + 1
		}
	}
	return 0
}

// lookupCode finds a code in the CAMEO codebook. Codes that user and
// PETRARCH dictionaries add below the codebook's ("1717", "174K") are
// kept as written and take the attributes of their nearest parent.
func lookupCode(code string) (cameo.Code, bool) {
	if cb, ok := cameo.Lookup(code); ok {
		return cb, true
	}
	for n := min(len(code), 4) - 1; n >= 2; n-- {
		if cb, ok := cameo.Lookup(code[:n]); ok {
			cb.Code = code
			return cb, true
		}
	}
	if len(code) < 2 || code == "---" {
		return cameo.Code{}, false
	}
	// A code of the user's own (PETRARCH test dictionaries use 9xx): kept
	// as written, with no codebook attributes.
	return cameo.Code{Code: code, Root: code[:2]}, true
}

// members returns a coordinated actor's members ("Gondor and Osgiliath"),
// or the actor alone.
func (a *article) members(st *sentence, act *sitrep.EventActor) []sitrep.EventActor {
	if act == nil {
		return nil
	}
	out := []sitrep.EventActor{*act}
	for _, m := range st.more[act] {
		out = append(out, *m)
	}
	return out
}

func (a *article) emitOne(st *sentence, cb cameo.Code, pattern string, src, tgt *sitrep.EventActor, mod string, trigger sitrep.Span, clauseStart, clauseEnd int) {
	for _, e := range st.events {
		if e.CAMEO == cb.Code && e.Source.Actor == src.Actor && sameTarget(e.Target, tgt) {
			return
		}
	}
	if tgt != nil {
		cp := *tgt
		tgt = &cp
	}
	plover := cb.PLOVER
	if plover == "CONCEDE" && resignation(st, trigger) {
		// The PLOVER manual puts resignations of officials under RETREAT
		// (mode "resign"); the CAMEO table maps 083x to CONCEDE.
		plover = "RETREAT"
	}
	ev := sitrep.Event{
		CAMEO:     cb.Code,
		Root:      cb.Root,
		QuadClass: cb.QuadClass,
		Goldstein: cb.Goldstein,
		PLOVER:    plover,
		Source:    *src,
		Target:    tgt,
		Modality:  mod,
		Pattern:   pattern,
		Evidence: sitrep.Evidence{
			Sentence: a.Doc.SpanText(st.Span),
			Start:    st.Start,
			End:      st.End,
			Trigger:  trigger,
		},
	}
	a.date(&ev, st, clauseStart, clauseEnd)
	a.locate(&ev, st, clauseStart, clauseEnd)
	st.events = append(st.events, ev)
}

func sameTarget(a, b *sitrep.EventActor) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Actor == b.Actor
}

func indexFrom(words []string, from, to int, w string) int {
	for k := from; k < to && k < len(words); k++ {
		if words[k] == w {
			return k
		}
	}
	return -1
}
