// Package event codes who did what to whom: CAMEO events with source and
// target actors, date, place, modality and the evidence they came from.
//
// Input: the text layer (sentences of POS-tagged tokens) and the facts of
// the earlier stages (entities, time expressions, places, captions).
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
// statement itself is the act (threats, accusations, warnings).
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
// a few distinct interactions.
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
}

// article holds the per-article state of one Code call.
type article struct {
	*Input
	c *Coder
	// memory maps an agent word ("protesters", "embassy") to the country
	// last seen with it, so "the protesters" later in the article keeps
	// the country of "Iraqi protesters" earlier.
	memory map[string]string
	// lastSubject is the most recent subject actor, for pronouns.
	lastSubject *sitrep.EventActor
	focus       *sitrep.Place
	warnings    []string
}

// Code returns the events of the article and warnings for sentences that
// could not be analysed.
func (c *Coder) Code(in *Input) ([]sitrep.Event, []string) {
	a := &article{Input: in, c: c, memory: make(map[string]string)}
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
}

func (a *article) codeSentence(s *sitrep.Sentence) []sitrep.Event {
	st := &sentence{Sentence: s, words: lowerWords(s.Tokens)}
	if a.c.dicts.Discards != nil {
		if _, ok := a.c.dicts.Discards.Match(st.words); ok {
			return nil
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
	for gi := range st.groups {
		a.codeGroup(st, gi)
	}
	a.codeNominal(st)
	if len(st.events) > MaxEventsPerSentence {
		st.events = st.events[:MaxEventsPerSentence]
	}
	return st.events
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
		tgt = a.object(st, g, clauseEnd)
	case g.passive:
		if g.reduced {
			patient = a.npBefore(st, g.start)
		} else {
			patient = a.subject(st, gi)
		}
		if by := indexFrom(words, g.end, clauseEnd, "by"); by >= 0 {
			src = a.actorOf(st, by+1, a.npEnd(st, by+1, clauseEnd))
		}
		tgt = patient
	default:
		src = a.subject(st, gi)
		tgt = a.object(st, g, clauseEnd)
		if ci := infinitiveComplement(st, gi); ci >= 0 && tgt == nil {
			// "threatened to attack South Korea": the target of the
			// threat is the object of the threatened act.
			tgt = a.object(st, &st.groups[ci], a.clauseEnd(st, ci))
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
	}

	if g.consumed {
		return
	}
	m, ok := a.matchVerb(st, g, clauseEnd)
	if !ok {
		a.codeReportedThreat(st, gi, src)
		return
	}
	if ci := infinitiveComplement(st, gi); ci >= 0 && m.Code != "010" {
		// A verb that is an act in itself codes the act it governs away:
		// a threat to attack is a threat (13x), not an attack.
		st.groups[ci].consumed = true
	}
	code := m.Code
	// Statements are subordinate events: "X said Y attacked Z" codes the
	// attack. A bare statement is recorded as a quote, not an event.
	if code == "010" || code == "01" {
		a.codeReportedThreat(st, gi, src)
		return
	}
	if g.passive && src == nil && strings.HasPrefix(code, "15") {
		// "Soldiers deployed in front of the embassy": with no agent, forces
		// that are deployed show their own side's force posture.
		src, tgt = patient, nil
	}
	code = a.adjustForMissingRecipient(code, tgt, src)
	if code == "" {
		return
	}
	if src == nil || src.Actor == "" {
		return
	}
	if tgt != nil && (tgt.Actor == "" || tgt.Actor == src.Actor && tgt.Text == src.Text) {
		tgt = nil
	}
	if tgt != nil && strings.HasPrefix(code, "15") && (country(tgt.Actor) == country(src.Actor) || country(tgt.Actor) == "---") {
		// Force posture is one-sided: the forces deployed, or the command
		// they are sent to, are the source's own.
		tgt = nil
	}
	if tgt == nil && !oneSided(code) {
		return
	}
	mod := sitrep.Asserted
	switch {
	case g.negated:
		mod = sitrep.Negated
	case g.control != "":
		mod = g.control
	case g.modal || a.inHypotheticalContext(st, g.start):
		mod = sitrep.Hypothetical
	case a.infinitival(st, g):
		mod = sitrep.Hypothetical
	}
	trigger := sitrep.Span{Start: toks[g.head].Start, End: toks[g.head].End}
	a.emit(st, code, m.Source, src, tgt, mod, trigger, g.start, clauseEnd)
}

// infinitiveComplement returns the index of the verb group that is the
// to-infinitive complement of group gi ("threatened to attack"), or -1.
func infinitiveComplement(st *sentence, gi int) int {
	g := &st.groups[gi]
	if gi+1 >= len(st.groups) || g.end >= len(st.words) || st.words[g.end] != "to" {
		return -1
	}
	if next := &st.groups[gi+1]; next.start == g.end+1 {
		return gi + 1
	}
	return -1
}

// infinitival reports a verb group introduced by "to" ("to counter Iran"):
// a purpose or intention, not an accomplished act.
func (a *article) infinitival(st *sentence, g *verbGroup) bool {
	return g.start > 0 && st.words[g.start-1] == "to" && g.controlTok < 0
}

// oneSided reports codes that make sense without a target: protests,
// force posture, threats and warnings to no one in particular, violence
// against an unnamed target.
func oneSided(code string) bool {
	switch code[:min(2, len(code))] {
	case "13", "14", "15", "18", "19", "20", "17":
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
func (a *article) matchVerb(st *sentence, g *verbGroup, clauseEnd int) (dict.VerbMatch, bool) {
	words := st.words
	var before []string
	for k := g.head - 1; k >= 0 && k >= g.head-8; k-- {
		before = append(before, words[k])
	}
	after := make([]string, 0, 12)
	for k := g.head + 1; k < clauseEnd && len(after) < 12; k++ {
		if isQuoteTok(st.Tokens[k].Text) {
			continue
		}
		after = append(after, words[k])
	}
	// A control verb that is itself an act ("threatened to attack") is
	// coded instead of the verb it controls.
	if g.controlTok >= 0 {
		return a.c.dicts.Verbs.Match(words[g.head], before, after)
	}
	return a.c.dicts.Verbs.Match(words[g.head], before, after)
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
		return
	}
}

// hypotheticalCues open contexts in which events are not asserted.
var hypotheticalCues = map[string]bool{
	"if": true, "unless": true, "concerns": true, "concern": true, "fears": true, "fear": true,
	"could": true, "might": true, "may": true, "would": true, "whether": true, "possibility": true,
	"threat": true, "risk": true,
}

func (a *article) inHypotheticalContext(st *sentence, start int) bool {
	for k := start - 1; k >= 0 && k >= start-6; k-- {
		if hypotheticalCues[st.words[k]] {
			return true
		}
	}
	return false
}

// emit appends an event unless the sentence already has the same one.
func (a *article) emit(st *sentence, code, pattern string, src, tgt *sitrep.EventActor, mod string, trigger sitrep.Span, clauseStart, clauseEnd int) {
	cb, ok := cameo.Lookup(code)
	if !ok {
		return
	}
	for _, e := range st.events {
		if e.CAMEO == cb.Code && e.Source.Actor == src.Actor && sameTarget(e.Target, tgt) {
			return
		}
	}
	ev := sitrep.Event{
		CAMEO:     cb.Code,
		Root:      cb.Root,
		QuadClass: cb.QuadClass,
		Goldstein: cb.Goldstein,
		PLOVER:    cb.PLOVER,
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
