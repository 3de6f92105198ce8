package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/quote"
)

// evalQuotes scores quotation extraction and attribution: every article of
// a PolNeAR gold set goes through the full pipeline, and its Result.Quotes
// are scored by quote.Evaluate.
func (m *Main) evalQuotes(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "eval quotes", "GOLD.jsonl",
		"Scores quotations against a gold set in the PolNeAR format of\n"+
			"../shared/gold/dev/quotes-polnear-dev.jsonl: content span P/R/F1 (overlap, and exact up to\n"+
			"surrounding quotation marks and punctuation), speaker accuracy and cue (reporting verb)\n"+
			"accuracy over the matched contents.")
	asJSON := fs.Bool("json", false, "print the figures as one JSON object")
	pos, help, err := parseInterleaved(fs, args)
	if help || err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: eval quotes needs one GOLD.jsonl", errUsage)
	}
	gold, err := readGold(pos[0], quote.ReadGold)
	if err != nil {
		return fmt.Errorf("eval quotes: %w", err)
	}
	p, err := newPipeline(pipeline.Config{})
	if err != nil {
		return err
	}
	s, err := quote.Evaluate(gold, func(a *sitrep.Article) ([]sitrep.Quote, error) {
		res, err := p.Process(ctx, a)
		if err != nil {
			return nil, err
		}
		return res.Quotes, nil
	})
	if err != nil {
		return fmt.Errorf("eval quotes %s: %w", pos[0], err)
	}
	figs := figures{
		measure("f1", s.F1), measure("p", s.P), measure("r", s.R),
		count("tp", s.Matched), count("gold", s.Gold), count("pred", s.Predicted),
		measure("exact_f1", s.ExactF1), measure("exact_p", s.ExactP), measure("exact_r", s.ExactR), count("exact_tp", s.Exact),
		measure("speaker_acc", s.SpeakerAcc), count("speaker_right", s.SpeakerCorrect), count("speaker_gold", s.SpeakerGold),
		measure("cue_acc", s.CueAcc), count("cue_right", s.CueRight), count("cue_gold", s.CueGold),
		count("articles", s.Articles), count("skipped", s.Skipped),
	}
	return printEval(m.Stdout, *asJSON, figs, func(w io.Writer) {
		fmt.Fprintf(w, "articles %d (%d skipped: text not valid UTF-8)  gold contents %d  quotes found %d\n", s.Articles, s.Skipped, s.Gold, s.Predicted)
		fmt.Fprintf(w, "content overlap  P %.3f  R %.3f  F1 %.3f  (tp %d)\n", s.P, s.R, s.F1, s.Matched)
		fmt.Fprintf(w, "content exact    P %.3f  R %.3f  F1 %.3f  (tp %d)\n", s.ExactP, s.ExactR, s.ExactF1, s.Exact)
		fmt.Fprintf(w, "speaker accuracy %.3f (%d/%d matched contents with a gold source)\n", s.SpeakerAcc, s.SpeakerCorrect, s.SpeakerGold)
		fmt.Fprintf(w, "cue accuracy     %.3f (%d/%d matched contents with a gold cue)\n", s.CueAcc, s.CueRight, s.CueGold)
	})
}

// readGold opens path and reads it with read.
func readGold[T any](path string, read func(io.Reader) ([]T, error)) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	g, err := read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return g, nil
}
