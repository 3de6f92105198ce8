// Command train-geo trains the geo stage's toponym ranker
// (internal/geo/ranker.model, see internal/geo/rank.go) on the LGL gold
// set, ../shared/gold/dev/geo-lgl.jsonl: the Local-Global Lexicon of
// Lieberman, Samet and Sankaranarayanan (ICDE 2010), 588 US local news
// articles of 2009, from milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation
// @ 6947d464da1904e5ce68e90ea906997eb02ea73f : data/Corpora/lgl.xml (the
// repository is GPL-3.0; the texts belong to their publishers). The model
// holds hashed feature weights only, no text.
//
// Each article goes through the pipeline's text and entity stages, as in
// sitrep; the toponyms the geo stage finds at gold spans are its training
// groups. Training is deterministic: TestShippedRanker checks that the
// shipped file is what this command writes.
//
// Run from the module root:
//
//	go run ./scripts/train-geo            # write internal/geo/ranker.model
//	go run ./scripts/train-geo -cv 5      # also print 5-fold cross-validation
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"os"
	"strconv"

	"github.com/sitrep-project/sitrep/internal/geo"
	"github.com/sitrep-project/sitrep/internal/learn"
	"github.com/sitrep-project/sitrep/internal/pipeline"
)

// config is the shipped model's training, chosen by 5-fold
// cross-validation on LGL.
var config = geo.TrainConfig{L2: 1e-5, Rate: 0.3, Epochs: 10, Seed: 1}

// cvSeed folds the articles for cross-validation.
const cvSeed = 11

func main() {
	gold := flag.String("gold", "../shared/gold/dev/geo-lgl.jsonl", "geo gold set to train on")
	out := flag.String("out", "internal/geo/ranker.model", "model file to write")
	cv := flag.Int("cv", 0, "print `k`-fold cross-validated accuracy (0: none)")
	l2 := flag.Float64("l2", config.L2, "L2 penalty")
	rate := flag.Float64("rate", config.Rate, "AdaGrad rate")
	epochs := flag.Int("epochs", config.Epochs, "epochs")
	flag.Parse()
	cfg := config
	cfg.L2, cfg.Rate, cfg.Epochs = *l2, *rate, *epochs
	if err := run(*gold, *out, *cv, cfg); err != nil {
		slog.Error("train-geo", "err", err)
		os.Exit(1)
	}
}

func run(gold, out string, cv int, cfg geo.TrainConfig) error {
	g, docs, err := load(gold)
	if err != nil {
		return err
	}
	if cv > 1 {
		folds := geo.CrossValidate(g, docs, cfg, cv, cvSeed)
		for i, f := range folds {
			fmt.Printf("fold %d  train acc@161 %.3f  held-out acc@161 %.3f (%d toponyms)\n", i, f.Train.Acc161(), f.Held.Acc161(), f.Held.Geocoded)
		}
		acc, lo, hi, gap := geo.CVSummary(folds)
		fmt.Printf("%d-fold CV acc@161 %.3f  folds %.3f-%.3f  train-held gap %.3f\n", cv, acc, lo, hi, gap)
		cal := learn.NewCalibration(10)
		for _, f := range folds {
			for i, b := range f.Held.Calibration.Bins {
				cb := &cal.Bins[i]
				cb.MeanScore = (cb.MeanScore*float64(cb.N) + b.MeanScore*float64(b.N)) / max(1, float64(cb.N+b.N))
				cb.N += b.N
				cb.Correct += b.Correct
			}
		}
		fmt.Print("held-out calibration:\n", cal)
	}
	m := build(g, docs, cfg)
	if err := os.WriteFile(out, m.Marshal(), 0o644); err != nil {
		return fmt.Errorf("train-geo: %w", err)
	}
	slog.Info("train-geo: wrote", "file", out, "features", m.NumFeatures())
	return nil
}

// load reads the gold set and runs the pipeline's text and entity stages
// over its articles.
func load(gold string) (*geo.Gazetteer, []geo.TrainDoc, error) {
	f, err := os.Open(gold)
	if err != nil {
		return nil, nil, fmt.Errorf("train-geo: %w", err)
	}
	defer f.Close()
	arts, err := geo.ReadGold(f)
	if err != nil {
		return nil, nil, fmt.Errorf("train-geo: %s: %w", gold, err)
	}
	p, err := pipeline.New(pipeline.Config{NoGeoRanker: true})
	if err != nil {
		return nil, nil, fmt.Errorf("train-geo: %w", err)
	}
	docs := make([]geo.TrainDoc, len(arts))
	for i, a := range arts {
		doc, ents := p.Prepare(a.Article)
		docs[i] = geo.TrainDoc{Doc: doc, Ents: ents, Gold: a.Toponyms}
	}
	return p.Gazetteer(), docs, nil
}

// build trains the shipped model.
func build(g *geo.Gazetteer, docs []geo.TrainDoc, cfg geo.TrainConfig) *learn.Model {
	return geo.Train(g, docs, cfg, learn.Meta{
		Source: "LGL (Lieberman et al. 2010) via shared/gold/dev/geo-lgl.jsonl: milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation " +
			"@ 6947d464da1904e5ce68e90ea906997eb02ea73f data/Corpora/lgl.xml",
		License: "feature weights only, no text; trained on LGL (repository GPL-3.0, article texts © their publishers)",
		Info: map[string]string{
			"l2":     strconv.FormatFloat(cfg.L2, 'g', -1, 64),
			"rate":   strconv.FormatFloat(cfg.Rate, 'g', -1, 64),
			"epochs": strconv.Itoa(cfg.Epochs),
			"seed":   strconv.FormatUint(cfg.Seed, 10),
		},
	})
}
