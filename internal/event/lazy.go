package event

import (
	"slices"

	"github.com/sitrep-project/sitrep"
)

// TreeParser parses one sentence on demand: ParseTree sets the dependency
// arc (Token.Head, Token.Rel) of every token of s, as the pipeline's parse
// stage does. The coder asks for the trees it reads and no others, so that
// parsing, the dearest stage, is spent only where a tree can change an
// event (see readsTree).
type TreeParser interface {
	ParseTree(s *sitrep.Sentence)
}

// readsTree reports whether the coder reads verb group gi's roles from the
// sentence's dependency tree, given c, their chunk reading, and gets the
// tree if so (parsing the sentence the first time one of its groups asks).
//
// The tree only ever replaces the chunk reading of a group's roles
// (treeOrChunk), and a group's roles make an event only when the verb
// dictionary codes its verb with an act, not a bare statement (mayCode),
// and some actor is coded around it. The coder reads the tree of the
// groups where both readings can make an event: those whose chunk reading
// already has a coded source or target; the tree then settles who is who.
// Elsewhere the tree could at most move the subject a later pronoun
// refers to, give an actor the chunks missed entirely, or the clause the
// event typer types alone; parsing those sentences (most of the
// sentences of general news) would cost more than the rest of the
// pipeline together.
//
// The test reads only what the coder knows before the group's tree
// reading, so it gives the same answer whether the sentence was parsed
// beforehand (explain) or is parsed on demand: the events are the same
// either way.
func (a *article) readsTree(st *sentence, gi int, c *roles) bool {
	if !st.parsed && a.Parser == nil && !hasArcs(st.doc) {
		// No tree and no parser to make one (the chunk-only default):
		// the test below would be spent for nothing.
		return false
	}
	if st.groups[gi].consumed || len(st.Tokens) > maxTreeTokens || !coded(c.src) && !coded(c.tgt) || !a.mayCode(st, gi) {
		return false
	}
	if !coded(c.src) || !coded(c.tgt) {
		// With one role coded, the tree can change the event only by
		// naming someone else, for the other role or instead of it: a
		// tree actor that codes as nothing leaves the chunks' in place.
		if !a.otherActor(st, c) {
			return false
		}
	}
	if !st.parsed {
		st.parsed = true
		st.tree = a.treeOf(st.doc)
		if a.trace != nil && len(a.trace.Sentences) > 0 && st.tree != nil {
			tr := &a.trace.Sentences[len(a.trace.Sentences)-1]
			tr.Tree, tr.Heads, tr.Rels = true, slices.Clone(st.tree.head), slices.Clone(st.tree.rel)
		}
	}
	return st.tree != nil
}

// maxTreeTokens is the longest sentence whose tree the coder reads. A
// parse costs time in proportion to the sentence's length, and the
// parser errs more on long sentences: their chunk reading codes PLV as
// well (5-fold type 0.725 reading the trees of sentences of up to 35
// tokens, 0.713 reading all; then, over four fold seeds, 0.731 at 35 and
// 0.728 at 30, within the seeds' spread; PETRARCH unit and PLOVER dev
// unchanged), and each step down parses about 30% fewer sentences of the
// bench corpus (35: 6-7% less CPU than all; 30: about 11% less than 35).
const maxTreeTokens = 30

// mayCode reports whether verb group gi can code an event of its own: the
// verb dictionary matches it (read up to the chunk reading's clause end)
// with a code that is not a bare statement, or it is a refusal.
func (a *article) mayCode(st *sentence, gi int) bool {
	g := &st.groups[gi]
	if g.controlTok >= 0 && refusal(st.words[g.controlTok]) {
		return true
	}
	if a.c.dicts.Verbs == nil || !a.c.dicts.Verbs.Known(st.words[g.head]) {
		return false
	}
	m, _, _, ok := a.matchVerb(st, g, a.clauseEnd(st, gi))
	if !ok || m.Code == "010" || m.Code == "01" {
		return false
	}
	return m.Pattern != "" || !sayingVerbs[m.Lemma] || !clauseFollows(st, gi)
}

// refusal reports the control verbs whose refusal is an act of its own
// ("refused to commit to any assistance": CAMEO 120, see codeGroup).
func refusal(w string) bool {
	return len(w) >= 5 && w[:5] == "refus"
}

// treeOf returns the tree of sentence s (the document's own, before any
// retagging), parsing it with the input's parser when it has not been
// parsed yet; nil when there is neither a parse nor a parser.
func (a *article) treeOf(s *sitrep.Sentence) *tree {
	if len(s.Tokens) > 0 && !hasArcs(s) && a.Parser != nil {
		a.Parser.ParseTree(s)
	}
	return newTree(s.Tokens)
}

// hasArcs reports whether sentence s has been parsed.
func hasArcs(s *sitrep.Sentence) bool {
	return len(s.Tokens) > 0 && s.Tokens[0].Rel != ""
}

// otherActor reports whether a word of the sentence outside the coded
// actors of chunk reading c can start a coded actor in actorOne: a
// pronoun standing for a coded actor, an actor or agent of the
// dictionaries, or a country name or demonym of the gazetteer.
func (a *article) otherActor(st *sentence, c *roles) bool {
	d, date := a.c.dicts, a.Doc.Article.Published
	inside := func(k int) bool {
		for _, act := range [2]*sitrep.EventActor{c.src, c.tgt} {
			if !coded(act) {
				continue
			}
			if act.Span.Contains(st.Tokens[k].Span) {
				return true
			}
			for _, m := range st.more[act] {
				if m.Span.Contains(st.Tokens[k].Span) {
					return true
				}
			}
		}
		return false
	}
	for k := range st.words {
		if inside(k) {
			continue
		}
		if tag := st.Tokens[k].Tag; tag == "PRP" || tag == "PRP$" {
			if a.codedPronoun(st, k) {
				return true
			}
			continue
		}
		if d.Actors != nil {
			if _, ok := d.Actors.Match(st.words[k:], date); ok {
				return true
			}
		}
		if d.Agents != nil {
			if _, ok := d.Agents.Lookup(st.words[k:]); ok {
				return true
			}
		}
		if g := a.c.gaz; g != nil && isUpper(st.Tokens[k].Text) {
			if _, ok := g.CountryByDemonym(st.Tokens[k].Text); ok {
				return true
			}
			if _, ok := g.CountryByName(st.Tokens[k].Text); ok {
				return true
			}
		}
	}
	return false
}

// codedPronoun reports whether the pronoun at token k stands for a coded
// actor as the sentence starts: a first-person pronoun in a quotation for
// its speaker, a third-person one for the last subject that agrees.
func (a *article) codedPronoun(st *sentence, k int) bool {
	w := st.words[k]
	if firstPerson(w) {
		if sp := a.quoteSpeaker(st.Tokens[k].Start); sp != nil {
			return coded(sp)
		}
	}
	if isSubjectPronoun(w) {
		return coded(a.antecedent(w))
	}
	return false
}
