package main

import (
	"context"
	"fmt"
	"io"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/casualty"
	"github.com/sitrep-project/sitrep/internal/pipeline"
)

// evalCasualties scores casualty counts: every single-incident article of
// the gold set goes through the full pipeline, and the killed and injured
// counts casualty.Summarize draws from its Result.Casualties are scored
// by casualty.Evaluate.
func (m *Main) evalCasualties(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "eval casualties", "GOLD.jsonl",
		"Scores per-article killed and injured counts (exact match) against a gold set in the\n"+
			"format of ../shared/gold/dev/casualties-dev.jsonl. Articles about several incidents\n"+
			"(multi_incident) have no per-article count and are left out.")
	asJSON := fs.Bool("json", false, "print the figures as one JSON object")
	nMiss := fs.Int("misses", 0, "print up to `N` articles whose counts are wrong to stderr")
	pos, help, err := parseInterleaved(fs, args)
	if help || err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: eval casualties needs one GOLD.jsonl", errUsage)
	}
	gold, err := readGold(pos[0], casualty.ReadGold)
	if err != nil {
		return fmt.Errorf("eval casualties: %w", err)
	}
	p, err := newPipeline(pipeline.Config{})
	if err != nil {
		return err
	}
	s, mis, err := casualty.Evaluate(gold, func(a *sitrep.Article) ([]sitrep.Casualty, error) {
		res, err := p.Process(ctx, a)
		if err != nil {
			return nil, err
		}
		return res.Casualties, nil
	})
	if err != nil {
		return fmt.Errorf("eval casualties %s: %w", pos[0], err)
	}
	for _, ms := range mis[:min(len(mis), max(*nMiss, 0))] {
		fmt.Fprintf(m.Stderr, "%s\tgold killed %d injured %d\tgot killed %d injured %d\n", ms.ID, ms.GoldKilled, ms.GoldInjured, ms.Killed, ms.Injured)
	}
	figs := figures{
		measure("killed_acc", s.KilledAcc), measure("injured_acc", s.InjuredAcc), measure("both_acc", s.BothAcc),
		count("killed_right", s.Killed), count("injured_right", s.Injured), count("both_right", s.Both),
		count("articles", s.Articles), count("left_out", s.LeftOut),
	}
	return printEval(m.Stdout, *asJSON, figs, func(w io.Writer) {
		fmt.Fprintf(w, "articles %d scored; %d left out (about several incidents, or no count in the gold)\n", s.Articles, s.LeftOut)
		fmt.Fprintf(w, "killed accuracy  %.3f (%d/%d)\n", s.KilledAcc, s.Killed, s.Articles)
		fmt.Fprintf(w, "injured accuracy %.3f (%d/%d)\n", s.InjuredAcc, s.Injured, s.Articles)
		fmt.Fprintf(w, "both right       %.3f (%d/%d)\n", s.BothAcc, s.Both, s.Articles)
	})
}
