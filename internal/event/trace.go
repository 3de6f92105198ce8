package event

import (
	"context"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/dict"
	"github.com/sitrep-project/sitrep/internal/text"
)

// Trace is the coder's reasoning over an article, for 'sitrep explain':
// what it saw in each sentence, which dictionary entries matched and why
// each verb group did or did not become an event.
type Trace struct {
	Sentences []SentenceTrace
	Warnings  []string
}

// SentenceTrace is the analysis of one sentence.
type SentenceTrace struct {
	Tokens []sitrep.Token
	Chunks []text.Chunk
	// Tree reports whether the coder read the sentence's dependency tree:
	// it reads the roles of the verbs the dictionary codes and whose chunk
	// reading has a coded actor from the tree, and no others (readsTree);
	// a verb group whose SubjectBy is "" was read from the chunks alone.
	Tree bool
	// Heads and Rels are the tree the coder read, when it read one: the
	// parser's, with the misparses tree.go repairs repaired; Heads[k] is
	// token k's head (-1 for the root).
	Heads []int
	Rels  []string
	// Discard is the discard phrase found in the sentence, if any; with
	// DiscardStory it dropped the whole sentence, else only the event of
	// the verb nearest to it.
	Discard      string
	DiscardStory bool
	Groups       []GroupTrace
	// Actors lists every noun-phrase stretch coded as an actor, in order.
	Actors []ActorTrace
	Events []sitrep.Event
	// Types are the event typer's most probable PLOVER types for the
	// sentence, best first (empty when the typer did not score it), and
	// EventProb the probability that the sentence reports an event at all
	// (the presence model's).
	Types     []TypeProb
	EventProb float64
}

// TypeProb is a PLOVER type with the typer's probability.
type TypeProb struct {
	Type string
	P    float64
}

// GroupTrace is one verb group and what became of it.
type GroupTrace struct {
	Start, End, Head int // token indexes; End exclusive
	// ClauseStart and ClauseEnd delimit the clause the group belongs to
	// (commas, relative pronouns and subordinators end clauses).
	ClauseStart, ClauseEnd int
	Passive                bool
	Negated                bool
	Modal                  bool
	Reduced                bool
	Control                string
	Subject, Object        []sitrep.EventActor
	// SubjectBy and ObjectBy name the tree relations that gave the
	// subject and the object ("nsubj", "conj → nsubj", "obl:agent",
	// "obl (against)"), when the sentence was parsed.
	SubjectBy, ObjectBy string
	// Verb is the verb dictionary match, nil when the verb is unknown.
	Verb *dict.VerbMatch
	// Outcome says what the group produced or why it produced nothing.
	Outcome string
}

// ActorTrace is one noun-phrase stretch and the dictionary entries that
// coded it.
type ActorTrace struct {
	Start, End int // token range
	Code       string
	Matches    []string // "actor: gondor → GON (file:line)", "agent: police → COP (file:line)"
}

// Explain codes the article like Code and returns the trace of how.
func (c *Coder) Explain(in *Input) *Trace {
	tr := &Trace{}
	_, tr.Warnings, _ = c.code(context.Background(), in, tr)
	return tr
}

// group returns the trace entry of group gi of the current sentence, or
// nil when not tracing.
func (a *article) groupTrace(gi int) *GroupTrace {
	if a.trace == nil || len(a.trace.Sentences) == 0 {
		return nil
	}
	s := &a.trace.Sentences[len(a.trace.Sentences)-1]
	if gi >= len(s.Groups) {
		return nil
	}
	return &s.Groups[gi]
}

func (a *article) outcome(gi int, msg string) {
	if g := a.groupTrace(gi); g != nil && g.Outcome == "" {
		g.Outcome = msg
	}
}

func (a *article) traceActor(from, to int, code string, matches []string) {
	if a.trace == nil || len(a.trace.Sentences) == 0 {
		return
	}
	s := &a.trace.Sentences[len(a.trace.Sentences)-1]
	s.Actors = append(s.Actors, ActorTrace{Start: from, End: to, Code: code, Matches: matches})
}
