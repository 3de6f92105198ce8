package main

import (
	"bytes"
	"os"
	"sync"
	"testing"

	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/learn"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

var (
	trainOnce sync.Once
	models    *event.TyperModels
	report    *event.TyperReport
	trainErr  error
)

// train loads the training file and trains the models once for the tests
// of this package.
func train(t *testing.T) (*event.TyperModels, *event.TyperReport) {
	t.Helper()
	gold := sitreptest.SharedFile(t, "gold/train/events-plv-train.jsonl")
	also := sitreptest.SharedFile(t, "gold/dev/events-plover-dev.jsonl")
	conll := sitreptest.SharedFile(t, "gold/dev/ner-conll2003-train.conll")
	trainOnce.Do(func() {
		recs, unl, err := load(gold, also, conll)
		if err != nil {
			trainErr = err
			return
		}
		models, report, trainErr = build(recs, unl, event.TyperDefaults())
	})
	if trainErr != nil {
		t.Fatal(trainErr)
	}
	return models, report
}

// TestShippedTyper checks that internal/event/typer.model and
// confidence.model are what this script writes: training is
// deterministic, and the models must be regenerated when their features,
// their training, the dictionaries or the stages before the coder change.
func TestShippedTyper(t *testing.T) {
	ms, _ := train(t)
	for name, m := range map[string]*learn.Model{"typer.model": ms.Typer, "confidence.model": ms.Conf, "presence.model": ms.Presence} {
		shipped, err := os.ReadFile("../../internal/event/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if got := m.Marshal(); !bytes.Equal(got, shipped) {
			t.Errorf("internal/event/%s (%d bytes) differs from a retrain (%d bytes): run go run ./scripts/train-typer",
				name, len(shipped), len(got))
		}
	}
}

// TestCrossValidation holds the cross-validated figures of the training
// run to floors just under what was measured (typer alone: accuracy
// 0.784, macro-F1 0.760, 0.778 and 0.750 before PLOVER dev added to its
// examples; coder with the typer 0.795 against 0.633 without; ECE 0.031)
// and the typer's train/held-out gap to a ceiling. On the unlabelled
// general-news sentences, the presence model must keep the typer's events
// to a quarter of what it adds without it (measured: 58 against 1,425).
func TestCrossValidation(t *testing.T) {
	_, r := train(t)
	t.Logf("\n%s", r)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"typer CV accuracy", r.CVAccuracy, 0.78},
		{"typer CV macro-F1", r.CVMacroF1, 0.75},
		{"coder type accuracy with the typer", r.TypedAccuracy, 0.78},
		{"gain over the dictionaries alone", r.TypedAccuracy - r.DictAccuracy, 0.15},
	} {
		if c.got < c.want {
			t.Errorf("%s %.3f, below floor %.3f", c.name, c.got, c.want)
		}
	}
	if r.Gap > 0.26 {
		t.Errorf("train/held-out gap %.3f above 0.26: the typer overfits more than it did", r.Gap)
	}
	if r.Unlabelled < 1000 || r.UngatedAdded < 100 || 4*r.UnlabelledAdded > r.UngatedAdded {
		t.Errorf("typer events on %d unlabelled sentences: %d with the presence model, %d without: want at most a quarter",
			r.Unlabelled, r.UnlabelledAdded, r.UngatedAdded)
	}
	// ECE over 10 bins of about 1,400 held-out events moves by up to 0.02
	// between retrainings that change a few sentences (0.029–0.049 on
	// 2026-12-07 before the isotonic map, 0.031 with it); an uncalibrated
	// confidence is off by 0.2 or more.
	if e := r.Calibration.ECE(); e > 0.05 {
		t.Errorf("cross-fitted ECE %.3f above 0.05", e)
	}
}
