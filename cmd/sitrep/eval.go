package main

import (
	"context"
	"fmt"
)

// evalKind is one 'sitrep eval KIND' scorer. Each lives in its own file
// (eval_events.go, eval_geo.go, ...) and prints its figures with
// printEval (eval_figures.go).
type evalKind struct {
	name    string
	summary string
	run     func(m *Main, ctx context.Context, args []string) error
}

// evalKinds lists the scorers; add one line per kind.
func evalKinds() []evalKind {
	return []evalKind{
		{"casualties", "killed/injured exact-match accuracy per article (casualties-dev.jsonl format)", (*Main).evalCasualties},
		{"events", "CAMEO triple P/R/F1 and PLOVER type accuracy of the event coder", (*Main).evalEvents},
		{"ner", "entity-level NER P/R/F1 per type, conlleval-style, and calibration (CoNLL columns or ner-conll2003-*.jsonl format)", (*Main).evalNER},
		{"parse", "UPOS/XPOS accuracy, UAS and LAS of the dependency parser from raw word forms (CoNLL-U treebank)", (*Main).evalParse},
		{"geo", "toponym P/R/F1 and geocoding accuracy@161 km (geo-lgl.jsonl format)", (*Main).evalGeo},
		{"quotes", "quote content span P/R/F1, speaker and cue accuracy (PolNeAR JSONL format)", (*Main).evalQuotes},
		{"timex", "TIMEX3 strict/relaxed P/R/F1, type and value accuracy (timex-timebank.jsonl format)", (*Main).evalTimex},
	}
}

func (m *Main) eval(ctx context.Context, args []string) error {
	kinds := evalKinds()
	if len(args) > 0 {
		for _, k := range kinds {
			if k.name == args[0] {
				return k.run(m, ctx, args[1:])
			}
		}
	}
	fmt.Fprintln(m.Stderr, "Usage: sitrep eval KIND [flags] GOLD.jsonl\n\nScores sitrep against a gold set. Kinds:")
	for _, k := range kinds {
		fmt.Fprintf(m.Stderr, "  %-10s %s\n", k.name, k.summary)
	}
	if len(args) == 0 {
		return fmt.Errorf("%w: eval needs a KIND", errUsage)
	}
	return fmt.Errorf("%w: unknown eval kind %q", errUsage, args[0])
}
