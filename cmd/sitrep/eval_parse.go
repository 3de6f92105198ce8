package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/sitrep-project/sitrep/internal/parse"
)

// evalParse scores the dependency parser: every sentence of a CoNLL-U
// file is tagged and parsed from its gold word forms alone, and the
// predicted tags and arcs are compared with the gold ones (every token
// counts, punctuation included, as in the CoNLL 2018 shared task).
func (m *Main) evalParse(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "eval parse", "FILE.conllu",
		"Scores the part-of-speech tagger and the dependency parser against a CoNLL-U treebank\n(../shared/treebank/ud-english-ewt/dev.conllu): UPOS and XPOS accuracy, UAS, LAS\n(universal relations, CoNLL 2018) and LAS over full relations with subtypes, and speed.")
	asJSON := fs.Bool("json", false, "print the figures as one JSON object")
	pos, help, err := parseInterleaved(fs, args)
	if help || err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: eval parse needs one FILE.conllu", errUsage)
	}
	gold, err := readConllu(pos[0])
	if err != nil {
		return err
	}
	p, err := parse.Load()
	if err != nil {
		return err
	}
	var c parse.Count
	var sys []parse.Token
	start := time.Now()
	for i, t := range gold {
		if i%256 == 0 && ctx.Err() != nil {
			return fmt.Errorf("eval parse: %w", ctx.Err())
		}
		sys = sys[:0]
		for _, tok := range t.Tokens {
			sys = append(sys, parse.Token{Form: tok.Form})
		}
		p.Parse(sys)
		c.Add(t.Tokens, sys)
	}
	secs := time.Since(start).Seconds()
	s := c.Scores()
	speed := float64(s.Tokens) / max(secs, 1e-9)
	beam, temp := p.Beam()
	figs := figures{
		measure("las", s.LAS), measure("uas", s.UAS), measure("las_full", s.LASFull),
		measure("upos_acc", s.UPOS), measure("xpos_acc", s.XPOS),
		count("sentences", s.Sentences), count("tokens", s.Tokens), count("tokens_per_s", int(speed)), count("beam", beam),
	}
	return printEval(m.Stdout, *asJSON, figs, func(w io.Writer) {
		fmt.Fprintf(w, "sentences %d  tokens %d (punctuation included)\n", s.Sentences, s.Tokens)
		fmt.Fprintf(w, "tags     UPOS %.3f  XPOS %.3f\n", s.UPOS, s.XPOS)
		fmt.Fprintf(w, "arcs     UAS %.3f  LAS %.3f  LAS with subtypes %.3f\n", s.UAS, s.LAS, s.LASFull)
		if beam > 1 {
			fmt.Fprintf(w, "decoding beam of %d configurations, softmax temperature %g\n", beam, temp)
		} else {
			fmt.Fprintf(w, "decoding greedy\n")
		}
		fmt.Fprintf(w, "speed    %.0f tokens/s (tagging and parsing, one goroutine)\n", speed)
	})
}

// readConllu reads a CoNLL-U file whose tokens all have a head.
func readConllu(path string) ([]*parse.Tree, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval parse: %w", err)
	}
	defer f.Close()
	trees, err := parse.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("eval parse %s: %w", path, err)
	}
	if len(trees) == 0 {
		return nil, fmt.Errorf("eval parse %s: %w", path, errors.New("no sentences"))
	}
	for _, t := range trees {
		for _, tok := range t.Tokens {
			if tok.Head < 0 {
				return nil, fmt.Errorf("eval parse %s: sentence %q: token %d has no gold head", path, t.Text(), tok.ID)
			}
		}
	}
	return trees, nil
}
