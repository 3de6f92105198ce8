// Command train-roles trains the event coder's role chooser
// (internal/event/roles.txt, see internal/event/roles.go) on
// ../shared/gold/train/events-plv-train.jsonl: 1,044 real-news sentences
// labelled with their PLOVER event and its source and target spans (PLV
// train; docs/DATA.md gives its origin). Each sentence goes through the
// whole pipeline with the parser; wherever the tree and the chunks give a
// verb different coded actors, the chooser counts, per tree relation,
// which reading overlapped the gold actor. The file holds counts only,
// no text. Training is deterministic: TestShippedRoles checks that the
// shipped file is what it writes.
//
// Run from the module root:
//
//	go run ./scripts/train-roles          # write internal/event/roles.txt
//
// 'sitrep eval events --parse --folds 5' cross-validates the chooser
// with the typer.
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/pipeline"
)

func main() {
	gold := flag.String("gold", "../shared/gold/train/events-plv-train.jsonl", "PLOVER-labelled sentences to train on")
	out := flag.String("out", "internal/event", "directory to write roles.txt to")
	flag.Parse()
	if err := run(*gold, *out); err != nil {
		slog.Error("train-roles", "err", err)
		os.Exit(1)
	}
}

func run(gold, out string) error {
	c, n, err := train(gold)
	if err != nil {
		return err
	}
	f, err := os.Create(filepath.Join(out, "roles.txt"))
	if err != nil {
		return fmt.Errorf("train-roles: %w", err)
	}
	if _, err := c.WriteTo(f); err != nil {
		f.Close()
		return fmt.Errorf("train-roles: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("train-roles: %w", err)
	}
	slog.Info("train-roles: wrote", "dir", out, "samples", n)
	return nil
}

// train codes every sentence of the gold file with the parser and returns
// the chooser learned from their role samples, and the number of samples.
func train(gold string) (*event.RoleChooser, int, error) {
	labelled, err := event.ReadLabelled(gold)
	if err != nil {
		return nil, 0, fmt.Errorf("train-roles: %w", err)
	}
	p, err := pipeline.New(pipeline.Config{Parse: true, NoTyper: true})
	if err != nil {
		return nil, 0, fmt.Errorf("train-roles: %w", err)
	}
	var recs []event.RoleRecord
	n := 0
	for _, r := range labelled {
		art := &sitrep.Article{ID: r.ID, Text: ingest.Normalize(r.Text)}
		if r.Date != nil {
			art.Published = *r.Date
		}
		rr := event.RoleRecord{Samples: p.RoleSamples(art)}
		for _, e := range r.Events {
			rr.Sources, rr.Targets = append(rr.Sources, e.SourceText...), append(rr.Targets, e.TargetText...)
		}
		n += len(rr.Samples)
		recs = append(recs, rr)
	}
	return event.TrainRoleChooser(recs), n, nil
}
