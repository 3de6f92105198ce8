package main

import (
	"context"
	"encoding/json"
	"fmt"
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
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	nMiss := fs.Int("misses", 0, "print up to `N` disagreements to stderr")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: eval timex needs one GOLD.jsonl", errUsage)
	}
	s, mis, err := scoreTimex(ctx, fs.Arg(0))
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
	if *asJSON {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(timexReport{
			Gold: s.Gold, System: s.System, StrictMatch: s.StrictMatch, RelaxMatch: s.RelaxMatch,
			StrictP: s.StrictP, StrictR: s.StrictR, StrictF1: s.Strict,
			RelaxP: s.RelaxP, RelaxR: s.RelaxR, RelaxF1: s.Relaxed,
			TypeAcc: s.TypeAcc, ValueAcc: s.ValueAcc, ValueF1: s.ValueF1,
			ModAcc: s.ModAcc, ModRecall: s.ModRecall, ModGold: s.ModGold,
		})
	}
	fmt.Fprintf(m.Stdout, "gold timexes %d  found %d\n", s.Gold, s.System)
	fmt.Fprintf(m.Stdout, "strict   P %.3f  R %.3f  F1 %.3f\n", s.StrictP, s.StrictR, s.Strict)
	fmt.Fprintf(m.Stdout, "relaxed  P %.3f  R %.3f  F1 %.3f\n", s.RelaxP, s.RelaxR, s.Relaxed)
	fmt.Fprintf(m.Stdout, "type accuracy %.3f  value accuracy %.3f  value F1 %.3f\n", s.TypeAcc, s.ValueAcc, s.ValueF1)
	fmt.Fprintf(m.Stdout, "mod accuracy %.3f  mod recall %.3f (of %d gold mods matched)\n", s.ModAcc, s.ModRecall, s.ModGold)
	return nil
}

// timexReport is the --json form of timex.Scores.
type timexReport struct {
	Gold        int     `json:"gold"`
	System      int     `json:"found"`
	StrictMatch int     `json:"strict_matches"`
	RelaxMatch  int     `json:"relaxed_matches"`
	StrictP     float64 `json:"strict_precision"`
	StrictR     float64 `json:"strict_recall"`
	StrictF1    float64 `json:"strict_f1"`
	RelaxP      float64 `json:"relaxed_precision"`
	RelaxR      float64 `json:"relaxed_recall"`
	RelaxF1     float64 `json:"relaxed_f1"`
	TypeAcc     float64 `json:"type_accuracy"`
	ValueAcc    float64 `json:"value_accuracy"`
	ValueF1     float64 `json:"value_f1"`
	ModAcc      float64 `json:"mod_accuracy"`
	ModRecall   float64 `json:"mod_recall"`
	ModGold     int     `json:"gold_mods_matched"`
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
	p, err := pipeline.New(pipeline.Config{})
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
