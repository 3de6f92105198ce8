package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/timex"
)

// evalTimex scores time expressions: every document of the gold set goes
// through the full pipeline (text → timex) with the gold's publication
// date, and its Result.Timexes are compared with the gold TIMEX3s.
func (m *Main) evalTimex(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "eval timex", "GOLD.jsonl",
		"Scores TIMEX3 extraction (strict and relaxed P/R/F1) and normalization (type and value\naccuracy over the relaxed matches) against a gold set in the format of\n../shared/gold/dev/timex-timebank.jsonl.")
	asJSON := fs.Bool("json", false, "print the figures as one JSON object")
	nMiss := fs.Int("misses", 0, "print up to `N` disagreements to stderr")
	pos, help, err := parseInterleaved(fs, args)
	if help || err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: eval timex needs one GOLD.jsonl", errUsage)
	}
	s, mis, err := scoreTimex(ctx, pos[0])
	if err != nil {
		return err
	}
	for i, ms := range mis {
		if i >= *nMiss {
			break
		}
		switch {
		case ms.Sys == nil:
			fmt.Fprintf(m.Stderr, "missed\t%s\t%q\t%s\t%s\n", ms.Doc, ms.Gold.Text, ms.Gold.Type, ms.Gold.Value)
		case ms.Gold == nil:
			fmt.Fprintf(m.Stderr, "spurious\t%s\t%q\t%s\t%s\n", ms.Doc, ms.Sys.Text, ms.Sys.Type, ms.Sys.Value)
		default:
			fmt.Fprintf(m.Stderr, "differs\t%s\t%q\t%s\t%s\t| %q\t%s\t%s\n", ms.Doc, ms.Gold.Text, ms.Gold.Type, ms.Gold.Value, ms.Sys.Text, ms.Sys.Type, ms.Sys.Value)
		}
	}
	return printEval(m.Stdout, *asJSON, timexFigures(s), func(w io.Writer) {
		fmt.Fprintf(w, "gold timexes %d  found %d\n", s.Gold, s.System)
		fmt.Fprintf(w, "strict   P %.3f  R %.3f  F1 %.3f\n", s.StrictP, s.StrictR, s.Strict)
		fmt.Fprintf(w, "relaxed  P %.3f  R %.3f  F1 %.3f\n", s.RelaxP, s.RelaxR, s.Relaxed)
		fmt.Fprintf(w, "type accuracy %.3f  value accuracy %.3f  value F1 %.3f\n", s.TypeAcc, s.ValueAcc, s.ValueF1)
		fmt.Fprintf(w, "mod accuracy %.3f  mod recall %.3f (of %d gold mods matched)\n", s.ModAcc, s.ModRecall, s.ModGold)
	})
}

// timexFigures are the headline figures of timex.Scores.
func timexFigures(s timex.Scores) figures {
	return figures{
		measure("strict_f1", s.Strict), measure("strict_p", s.StrictP), measure("strict_r", s.StrictR),
		measure("relaxed_f1", s.Relaxed), measure("relaxed_p", s.RelaxP), measure("relaxed_r", s.RelaxR),
		measure("type_acc", s.TypeAcc), measure("value_acc", s.ValueAcc), measure("value_f1", s.ValueF1),
		measure("mod_acc", s.ModAcc), measure("mod_recall", s.ModRecall),
		count("gold", s.Gold), count("found", s.System), count("strict_tp", s.StrictMatch), count("relaxed_tp", s.RelaxMatch),
		count("gold_mods", s.ModGold),
	}
}

// scoreTimex runs the pipeline over a TIMEX3 gold file and scores its timexes.
func scoreTimex(ctx context.Context, path string) (timex.Scores, []timex.Mismatch, error) {
	f, err := os.Open(path)
	if err != nil {
		return timex.Scores{}, nil, fmt.Errorf("eval timex: %w", err)
	}
	defer f.Close()
	gold, err := timex.ReadGold(f)
	if err != nil {
		return timex.Scores{}, nil, fmt.Errorf("eval timex %s: %w", path, err)
	}
	p, err := newPipeline(pipeline.Config{})
	if err != nil {
		return timex.Scores{}, nil, err
	}
	var perr error
	s, mis := timex.EvaluateFunc(gold, func(a *sitrep.Article) []sitrep.Timex {
		res, err := p.Process(ctx, a)
		if err != nil {
			if perr == nil {
				perr = fmt.Errorf("eval timex %s: article %s: %w", path, a.ID, err)
			}
			return nil
		}
		return res.Timexes
	})
	return s, mis, perr
}
