// Command train-parse trains the part-of-speech tagger and the dependency
// parser of package internal/parse, internal/parse/tagger.bin and
// parser.bin, on the Universal Dependencies English Web Treebank: the
// tagger's epochs are chosen on dev, the parser is trained on 10-fold
// jackknifed tags of the training split with a dynamic oracle, and its
// epoch is the one with the best dev LAS. It prints the dev figures.
// Training is deterministic (the same files byte for byte).
//
// Data: ../shared/treebank/ud-english-ewt/{train,dev}.conllu (UD_English-EWT,
// CC BY-SA 4.0). The model files hold hashed feature weights only, no
// text, and carry the treebank's attribution and license in their
// metadata (docs/DATA.md).
//
// Run from the module root (about 15 minutes on one core):
//
//	go run ./scripts/train-parse
package main

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/sitrep-project/sitrep/internal/learn"
	"github.com/sitrep-project/sitrep/internal/parse"
)

func main() {
	shared := flag.String("shared", "../shared", "shared data directory")
	out := flag.String("out", "internal/parse", "directory to write tagger.bin and parser.bin to")
	cfg := parse.DefaultTrainConfig()
	flag.IntVar(&cfg.TagEpochs, "tag-epochs", cfg.TagEpochs, "maximum tagger epochs")
	flag.IntVar(&cfg.ParseEpochs, "parse-epochs", cfg.ParseEpochs, "maximum parser epochs")
	flag.IntVar(&cfg.Folds, "folds", cfg.Folds, "jackknife folds")
	flag.IntVar(&cfg.Beam, "beam", cfg.Beam, "configurations kept while parsing (1: greedy); the temperature is chosen on dev")
	flag.Float64Var(&cfg.Explore, "explore", cfg.Explore, "exploration probability")
	prune := flag.Float64("prune", float64(cfg.Prune), "drop averaged parser weights below this")
	tagPrune := flag.Float64("tag-prune", float64(cfg.TagPrune), "drop averaged tagger weights below this")
	cache := flag.String("tags-cache", "", "read the jackknifed training tags from `FILE` if it exists, else write them there (for experiments on the parser alone)")
	flag.Func("prune-report", "comma-separated pruning thresholds to report after the last epoch", func(v string) error {
		for _, f := range strings.Split(v, ",") {
			x, err := strconv.ParseFloat(f, 32)
			if err != nil {
				return err
			}
			cfg.PruneReport = append(cfg.PruneReport, float32(x))
		}
		return nil
	})
	flag.BoolVar(&cfg.TaggerOnly, "tagger-only", false, "train and score the tagger only (writes nothing)")
	flag.BoolVar(&cfg.JackknifeOnly, "jackknife-only", false, "stop after the jackknifed tags and write them to -tags-cache")
	limit := flag.Int("limit", 0, "train on the first `N` sentences only (0: all), for quick experiments")
	flag.Parse()
	cfg.Prune, cfg.TagPrune = float32(*prune), float32(*tagPrune)
	cfg.Logf = func(format string, args ...any) { slog.Info(fmt.Sprintf(format, args...)) }
	if err := run(*shared, *out, *limit, *cache, cfg); err != nil {
		slog.Error("train-parse", "err", err)
		os.Exit(1)
	}
}

func run(shared, out string, limit int, cache string, cfg parse.TrainConfig) error {
	dir := filepath.Join(shared, "treebank", "ud-english-ewt")
	train, err := readFile(filepath.Join(dir, "train.conllu"))
	if err != nil {
		return err
	}
	dev, err := readFile(filepath.Join(dir, "dev.conllu"))
	if err != nil {
		return err
	}
	if limit > 0 && limit < len(train) {
		train = train[:limit]
	}
	if cache != "" {
		if b, err := os.ReadFile(cache); err == nil {
			if err := json.Unmarshal(b, &cfg.Jackknifed); err != nil {
				return fmt.Errorf("train-parse: %s: %w", cache, err)
			}
		}
	}
	ms, err := parse.Train(train, dev, cfg)
	if err != nil {
		return err
	}
	if cfg.TaggerOnly {
		fmt.Printf("dev: UPOS %.4f XPOS %.4f\n", ms.Dev.UPOS, ms.Dev.XPOS)
		return nil
	}
	if cache != "" && cfg.Jackknifed == nil && ms.Jackknifed != nil {
		b, err := json.Marshal(ms.Jackknifed)
		if err != nil {
			return fmt.Errorf("train-parse: %w", err)
		}
		if err := os.WriteFile(cache, b, 0o644); err != nil {
			return fmt.Errorf("train-parse: %w", err)
		}
	}
	if cfg.JackknifeOnly {
		return nil
	}
	for _, f := range []struct {
		name string
		m    *learn.Model
	}{{"tagger.bin", ms.Tagger}, {"parser.bin", ms.Parser}} {
		b := f.m.Marshal()
		path := filepath.Join(out, f.name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			return fmt.Errorf("train-parse: %w", err)
		}
		slog.Info("train-parse: wrote", "file", path, "bytes", len(b), "sha256", fmt.Sprintf("%x", sha256.Sum256(b)),
			"features", f.m.NumFeatures(), "weights", f.m.NumWeights())
	}
	d := ms.Dev
	fmt.Printf("dev: sentences %d tokens %d UPOS %.4f XPOS %.4f UAS %.4f LAS %.4f LAS(full labels) %.4f\n",
		d.Sentences, d.Tokens, d.UPOS, d.XPOS, d.UAS, d.LAS, d.LASFull)
	return nil
}

func readFile(path string) ([]*parse.Tree, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("train-parse: %w", err)
	}
	defer f.Close()
	ts, err := parse.ReadAll(f)
	if err != nil {
		return nil, fmt.Errorf("train-parse: %s: %w", path, err)
	}
	return ts, nil
}
