package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/pipeline"
)

// explain shows how the event coder read a sentence: tokens and tags,
// chunks, verb groups, actors with the dictionary entries that matched,
// and the events produced.
func (m *Main) explain(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "explain", `"SENTENCE"`,
		"Shows how the event coder reads a sentence (or short text): tokens, tags, chunks,\n"+
			"verb groups, actor and verb dictionary entries (file:line) and the events coded.")
	date := fs.String("date", "", "publication date `YYYY-MM-DD` (dated actor roles, relative dates)")
	var dicts multiFlag
	fs.Var(&dicts, "dict", "directory of dictionaries layered over the defaults (repeatable)")
	noDefault := fs.Bool("no-default-dicts", false, "use only the --dict directories, not the embedded defaults")
	parseTrees := fs.Bool("parse", false, "parse every sentence with the dependency parser, show the trees and code events from them where a tree can change them (experimental)")
	pos, help, err := parseInterleaved(fs, args)
	if help || err != nil {
		return err
	}
	if len(pos) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: explain needs a sentence", errUsage)
	}
	if *date != "" && !validDate(*date) {
		return fmt.Errorf("%w: --date %q: want YYYY-MM-DD", errUsage, *date)
	}
	if *noDefault && len(dicts) == 0 {
		return fmt.Errorf("%w: --no-default-dicts needs at least one --dict", errUsage)
	}
	art := &sitrep.Article{ID: "explain", Published: *date, Text: ingest.Normalize(strings.Join(pos, " "))}

	// The earlier stages run through the pipeline; the coder is then run
	// again on the same document with tracing on.
	p, err := newPipeline(pipeline.Config{DictDirs: dicts, NoDefaultDicts: *noDefault, Parse: *parseTrees})
	if err != nil {
		return err
	}
	res, err := p.Process(ctx, art)
	if err != nil {
		return err
	}
	// The document again, for the coder to trace: the pipeline's analysis
	// of the same text, with the same credit lines.
	var credits []sitrep.Span
	for _, c := range res.Captions {
		credits = append(credits, c.Credit)
	}
	doc := p.Analyzer().Analyze(art, credits)
	p.Parse(doc) // every tree, to show; the coder reads those the pipeline did
	tr := p.Coder().Explain(&event.Input{
		Doc: doc, Entities: res.Entities, Timexes: res.Timexes, Places: res.Places, Captions: res.Captions, Quotes: res.Quotes,
	})
	printTrace(m.Stdout, doc, res, tr)
	return nil
}

func printTrace(w io.Writer, doc *sitrep.Doc, res *sitrep.Result, tr *event.Trace) {
	for _, e := range res.Entities {
		fmt.Fprintf(w, "entity   %-7s %q\n", e.Type, doc.SpanText(e.Span))
	}
	for _, t := range res.Timexes {
		fmt.Fprintf(w, "timex    %-7s %q = %s\n", t.Type, doc.SpanText(t.Span), t.Value)
	}
	for _, p := range res.Places {
		fmt.Fprintf(w, "place    %q → %s (%s)\n", doc.SpanText(p.Span), p.Name, p.Country)
	}
	for si, s := range tr.Sentences {
		words := func(from, to int) string {
			var b strings.Builder
			for k := from; k < to && k < len(s.Tokens); k++ {
				if k > from {
					b.WriteByte(' ')
				}
				b.WriteString(s.Tokens[k].Text)
			}
			return b.String()
		}
		fmt.Fprintf(w, "\nsentence %d\n  tokens: ", si+1)
		for k, t := range s.Tokens {
			fmt.Fprintf(w, "%d:%s/%s ", k, t.Text, t.Tag)
		}
		if len(s.Tokens) > 0 && s.Tokens[0].Rel != "" {
			// The dependency tree, one arc per token: index:word ←rel─
			// head; the one the coder read, repairs made, when it read
			// one, else the parser's.
			fmt.Fprint(w, "\n  tree:   ")
			for k, t := range s.Tokens {
				h, rel := t.Head, t.Rel
				if s.Heads != nil {
					h, rel = s.Heads[k], s.Rels[k]
				}
				head := "ROOT"
				if h >= 0 && h < len(s.Tokens) {
					head = fmt.Sprintf("%d:%s", h, s.Tokens[h].Text)
				}
				fmt.Fprintf(w, "%d:%s←%s─%s ", k, t.Text, rel, head)
			}
			if !s.Tree {
				// The coder reads trees only where they can change an
				// event (event.readsTree); sitrep extract parses no other.
				fmt.Fprint(w, "\n          (not read: no verb the dictionary codes has a coded actor that the tree could change)")
			}
		}
		fmt.Fprint(w, "\n  chunks: ")
		for _, c := range s.Chunks {
			fmt.Fprintf(w, "[%s %s] ", c.Kind, words(c.Start, c.End))
		}
		fmt.Fprintln(w)
		if s.Discard != "" && s.DiscardStory {
			fmt.Fprintf(w, "  discarded: matches discard phrase %q\n", s.Discard)
			continue
		}
		if s.Discard != "" {
			fmt.Fprintf(w, "  discard phrase %q drops the event of the verb nearest to it\n", s.Discard)
		}
		for _, g := range s.Groups {
			var flags []string
			for _, f := range []struct {
				on   bool
				name string
			}{{g.Passive, "passive"}, {g.Negated, "negated"}, {g.Modal, "modal"}, {g.Reduced, "reduced"}} {
				if f.on {
					flags = append(flags, f.name)
				}
			}
			if g.Control != "" {
				flags = append(flags, "control:"+g.Control)
			}
			if len(flags) == 0 {
				flags = append(flags, "active")
			}
			fmt.Fprintf(w, "  verb group %q head %q (%s)\n", words(g.Start, g.End), words(g.Head, g.Head+1), strings.Join(flags, ", "))
			fmt.Fprintf(w, "    clause:  %d-%d %q\n", g.ClauseStart, g.ClauseEnd, words(g.ClauseStart, g.ClauseEnd))
			fmt.Fprintf(w, "    subject: %s%s\n    object:  %s%s\n", actorList(g.Subject), by(g.SubjectBy), actorList(g.Object), by(g.ObjectBy))
			if g.Verb != nil {
				v := g.Verb
				pat := v.Pattern
				if pat == "" {
					pat = "(verb default)"
				}
				extra := ""
				if v.Pair != "" {
					extra = " pair " + v.Pair
				}
				if v.Reversed {
					extra += " reversed"
				}
				fmt.Fprintf(w, "    verb:    %q %s → %s%s  [%s]\n", v.Lemma, pat, v.Code, extra, v.Source)
			}
			fmt.Fprintf(w, "    outcome: %s\n", g.Outcome)
		}
		for _, a := range s.Actors {
			fmt.Fprintf(w, "  actor %q → %q\n", words(a.Start, a.End), a.Code)
			for _, m := range a.Matches {
				fmt.Fprintf(w, "      %s\n", m)
			}
		}
		if len(s.Types) > 0 {
			fmt.Fprintf(w, "  typer: reports an event %.2f; if so:", s.EventProb)
			for _, t := range s.Types {
				fmt.Fprintf(w, " %s %.2f", t.Type, t.P)
			}
			fmt.Fprintln(w)
		}
		for _, e := range s.Events {
			tgt := "-"
			if e.Target != nil {
				tgt = fmt.Sprintf("%s %q", e.Target.Actor, e.Target.Text)
			}
			fmt.Fprintf(w, "  EVENT %s (%s) %s %q → %s  modality %s  trigger %q  confidence %.2f  [%s]\n",
				e.CAMEO, e.PLOVER, e.Source.Actor, e.Source.Text, tgt, e.Modality, doc.SpanText(e.Evidence.Trigger), e.Confidence, e.Pattern)
		}
	}
	for _, x := range tr.Warnings {
		fmt.Fprintln(w, "warning:", x)
	}
}

func actorList(as []sitrep.EventActor) string {
	if len(as) == 0 {
		return "-"
	}
	parts := make([]string, len(as))
	for i, a := range as {
		code := a.Actor
		if code == "" {
			code = "(no code)"
		}
		parts[i] = fmt.Sprintf("%s %q", code, a.Text)
	}
	return strings.Join(parts, " + ")
}

// by names the tree relation that gave a role, when there is one.
func by(rel string) string {
	if rel == "" {
		return ""
	}
	return "  (tree: " + rel + ")"
}
