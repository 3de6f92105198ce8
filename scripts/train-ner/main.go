// Command train-ner trains the named-entity model of package
// internal/entity, internal/entity/ner-pass1.bin and ner.bin: two passes
// of a structured averaged perceptron over BILOU tags (see
// internal/entity/doc.go), trained on the
// CoNLL-2003 English train split, its number of passes chosen and its
// confidence calibrated on the dev split, with the features the pipeline
// gives it at run time (the text stage's POS tags, the gazetteer and the
// actor dictionaries). Training is deterministic: the test
// TestShippedModel checks that ner.bin is what this command writes.
//
// Data: ../shared/gold/dev/ner-conll2003-{train,dev}.conll (CoNLL-2003,
// Reuters RCV1 text under the Reuters research agreement); the model holds
// hashed feature weights only, no text (docs/DATA.md).
//
// Run from the module root (about a minute on one core):
//
//	go run ./scripts/train-ner
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/sitrep-project/sitrep/internal/caption"
	"github.com/sitrep-project/sitrep/internal/dict"
	"github.com/sitrep-project/sitrep/internal/entity"
	"github.com/sitrep-project/sitrep/internal/geo"
	"github.com/sitrep-project/sitrep/internal/learn"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/text"
)

func main() {
	shared := flag.String("shared", "../shared", "shared data directory")
	out := flag.String("out", "internal/entity", "directory to write ner-pass1.bin and ner.bin to")
	flag.Parse()
	if err := run(*shared, *out); err != nil {
		slog.Error("train-ner", "err", err)
		os.Exit(1)
	}
}

func run(shared, out string) error {
	gaz, err := geo.Load()
	if err != nil {
		return fmt.Errorf("train-ner: %w", err)
	}
	dicts, err := dict.LoadDefault()
	if err != nil {
		return fmt.Errorf("train-ner: %w", err)
	}
	capt, err := caption.NewDetector()
	if err != nil {
		return fmt.Errorf("train-ner: %w", err)
	}
	an, err := text.NewAnalyzer()
	if err != nil {
		return fmt.Errorf("train-ner: %w", err)
	}
	dir := filepath.Join(shared, "gold", "dev")
	first, second, err := entity.TrainFiles(filepath.Join(dir, "ner-conll2003-train.conll"), filepath.Join(dir, "ner-conll2003-dev.conll"),
		pipeline.NewLexicon(gaz, dicts, capt), an.Tag, func(format string, args ...any) { slog.Info(fmt.Sprintf(format, args...)) })
	if err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		m    *learn.Model
	}{{"ner-pass1.bin", first}, {"ner.bin", second}} {
		b := f.m.Marshal()
		path := filepath.Join(out, f.name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return fmt.Errorf("train-ner: %w", err)
		}
		slog.Info("train-ner: wrote", "file", path, "bytes", len(b), "features", f.m.NumFeatures(), "weights", f.m.NumWeights())
	}
	return nil
}
