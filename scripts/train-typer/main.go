// Command train-typer trains the event coder's typer and confidence model
// (internal/event/typer.model and confidence.model, see
// internal/event/typer.go) on ../shared/gold/train/events-plv-train.jsonl:
// 1,044 real-news sentences, each labelled with one PLOVER root and its
// source and target spans (PLV train; YIELD is CONCEDE or RETREAT in
// PLOVER 2021), and trains the presence model (internal/event/presence.model)
// on those sentences against the sentences of general news of CoNLL-2003
// English train (../shared/gold/dev/ner-conll2003-train.conll, Reuters
// 1996-97, its entity labels unused; the NER model learns from the same
// file). The CAMEO manual's example sentences of the PLOVER gold standard
// records (../shared/gold/dev/events-plover-dev.jsonl, CC BY-SA 4.0) add to
// the typer's examples only: they are short constructed sentences, so
// the thresholds, the presence model and the confidence model, which
// stand for news, are fit on PLV alone. See docs/DATA.md for the origin and
// license of each. The models hold hashed feature weights only, no text.
//
// Each sentence goes through the whole pipeline, with the dictionaries
// alone coding its events; the typer learns the gold root from the
// sentence's features, its thresholds are chosen by cross-validation and
// the confidence model is fit on cross-fitted held-out events. The command
// prints the 5-fold cross-validated figures. Training is deterministic:
// TestShippedTyper checks that the shipped files are what it writes.
//
// Run from the module root:
//
//	go run ./scripts/train-typer          # write the models, print the CV figures
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/entity"
	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/learn"
	"github.com/sitrep-project/sitrep/internal/pipeline"
)

func main() {
	gold := flag.String("gold", "../shared/gold/train/events-plv-train.jsonl", "PLOVER-labelled sentences to train on")
	also := flag.String("also", "../shared/gold/dev/events-plover-dev.jsonl", "PLOVER-labelled sentences that only add to the typer's examples (none: \"\")")
	unl := flag.String("unlabelled", "../shared/gold/dev/ner-conll2003-train.conll", "CoNLL-2003 `file` whose documents are the presence model's unlabelled news")
	out := flag.String("out", "internal/event", "directory to write typer.model, confidence.model and presence.model to")
	config := event.TyperDefaults()
	l2 := flag.Float64("l2", config.L2, "L2 penalty")
	rate := flag.Float64("rate", config.Rate, "AdaGrad rate")
	epochs := flag.Int("epochs", config.Epochs, "epochs")
	prune := flag.Float64("prune", float64(config.Prune), "drop weights of smaller magnitude")
	seed := flag.Uint64("seed", config.Seed, "seed of the training order and the inner folds (studies of the recipe's spread)")
	flag.Parse()
	cfg := config
	cfg.L2, cfg.Rate, cfg.Epochs, cfg.Prune, cfg.Seed = *l2, *rate, *epochs, float32(*prune), *seed
	if err := run(*gold, *also, *unl, *out, cfg); err != nil {
		slog.Error("train-typer", "err", err)
		os.Exit(1)
	}
}

func run(gold, also, unlabelled, out string, cfg event.TyperConfig) error {
	recs, unl, err := load(gold, also, unlabelled)
	if err != nil {
		return err
	}
	ms, rep, err := build(recs, unl, cfg)
	if err != nil {
		return err
	}
	fmt.Print(rep)
	for name, m := range map[string]*learn.Model{"typer.model": ms.Typer, "confidence.model": ms.Conf, "presence.model": ms.Presence} {
		if err := os.WriteFile(filepath.Join(out, name), m.Marshal(), 0o644); err != nil {
			return fmt.Errorf("train-typer: %w", err)
		}
	}
	slog.Info("train-typer: wrote", "dir", out, "features", ms.Typer.NumFeatures(), "presence features", ms.Presence.NumFeatures())
	return nil
}

// load reads the training files and runs the pipeline, without its typer,
// over every labelled sentence and over the documents of the unlabelled
// CoNLL file; the records of also are auxiliary.
func load(path, also, unlabelled string) ([]event.TyperRecord, []event.TyperSample, error) {
	labelled, err := event.ReadLabelled(path)
	if err != nil {
		return nil, nil, fmt.Errorf("train-typer: %w", err)
	}
	nMain := len(labelled)
	if also != "" {
		more, err := event.ReadLabelled(also)
		if err != nil {
			return nil, nil, fmt.Errorf("train-typer: %w", err)
		}
		labelled = append(labelled, more...)
	}
	arts, err := entity.ReadCoNLLArticles(unlabelled)
	if err != nil {
		return nil, nil, fmt.Errorf("train-typer: %w", err)
	}
	p, err := pipeline.New(pipeline.Config{NoTyper: true})
	if err != nil {
		return nil, nil, fmt.Errorf("train-typer: %w", err)
	}
	feats, err := event.NewFeatures()
	if err != nil {
		return nil, nil, fmt.Errorf("train-typer: %w", err)
	}
	var recs []event.TyperRecord
	for i, r := range labelled {
		if len(r.Events) == 0 || r.Events[0].EventType == "" {
			continue
		}
		art := &sitrep.Article{ID: r.ID, Text: ingest.Normalize(r.Text)}
		if r.Date != nil {
			art.Published = *r.Date
		}
		recs = append(recs, event.TyperRecord{Samples: p.TyperSamples(art, feats), Gold: event.TyperClass(r.Events[0].EventType), Aux: i >= nMain})
	}
	return recs, p.UnlabelledSamples(arts, feats), nil
}

// build trains the shipped models.
func build(recs []event.TyperRecord, unl []event.TyperSample, cfg event.TyperConfig) (*event.TyperModels, *event.TyperReport, error) {
	return event.TrainTyper(recs, unl, cfg, learn.Meta{
		Source:  "PLV train (shared/gold/train/events-plv-train.jsonl): 1,044 news sentences labelled with a PLOVER root; typer examples also from the PLOVER gold standard records (shared/gold/dev/events-plover-dev.jsonl); unlabelled: CoNLL-2003 English train (shared/gold/dev/ner-conll2003-train.conll)",
		License: "feature weights only, no text; see docs/DATA.md for the training data's origin and license",
	})
}
