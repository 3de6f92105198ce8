package event

import (
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

// readsTree reports whether the coder reads the dependency tree of the
// sentence, when there is one or one can be had. The tree only ever
// replaces the chunk reading of a verb group's roles (treeOrChunk), and a
// verb's roles make an event only when the verb dictionary knows the verb
// and the sentence names someone who can be coded as an actor; elsewhere
// the tree could at most move the subject the next pronoun refers to, or
// the clause the event typer would type alone, and parsing such sentences
// costs more than the rest of the pipeline together.
//
// The test reads only what the coder knows before any tree (the verb
// groups, words, tags), so it gives the same answer whether the sentence
// was parsed beforehand (explain, eval) or is parsed on demand: coding is
// the same either way.
func (a *article) readsTree(st *sentence) bool {
	d := a.c.dicts
	if d.Verbs == nil {
		return false
	}
	known := false
	for gi := range st.groups {
		if a.mayCode(st, gi) {
			known = true
			break
		}
	}
	return known && a.mayNameActor(st)
}

// mayCode reports whether verb group gi can code an event of its own: the
// verb dictionary matches it (read up to the chunk reading's clause end)
// with a code that is not a bare statement, or it is a refusal.
func (a *article) mayCode(st *sentence, gi int) bool {
	g := &st.groups[gi]
	if g.controlTok >= 0 && refusal(st.words[g.controlTok]) {
		return true
	}
	if !a.c.dicts.Verbs.Known(st.words[g.head]) {
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

// mayNameActor reports whether some word of the sentence can start a coded
// actor in actorOne: a pronoun it resolves, an actor or agent of the
// dictionaries, or a country name or demonym of the gazetteer.
func (a *article) mayNameActor(st *sentence) bool {
	d, date := a.c.dicts, a.Doc.Article.Published
	for k, w := range st.words {
		tag := st.Tokens[k].Tag
		if tag == "PRP" || tag == "PRP$" {
			if isSubjectPronoun(w) || firstPerson(w) {
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

// treeOf returns the tree of sentence s (the document's own, before any
// retagging), parsing it with the input's parser when it has not been
// parsed yet; nil when there is neither a parse nor a parser.
func (a *article) treeOf(s *sitrep.Sentence) *tree {
	if len(s.Tokens) > 0 && s.Tokens[0].Rel == "" && a.Parser != nil {
		a.Parser.ParseTree(s)
	}
	return newTree(s.Tokens)
}
