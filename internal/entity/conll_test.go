package entity_test

import (
	"testing"

	"github.com/sitrep-project/sitrep/internal/entity"
)

// TestCoNLLDev measures entity-level exact-match F1 (conlleval) on
// CoNLL-2003 dev, the split the number of training passes and the
// calibration were chosen on, with the text stage's POS tags and the
// pipeline's Lexicon; and without a Lexicon, as some callers run it.
func TestCoNLLDev(t *testing.T) {
	e := testEnv(t)
	docs := e.readTagged(t, "gold/dev/ner-conll2003-dev.conll")
	for _, tc := range []struct {
		name     string
		r        *entity.Recognizer
		floor    float64
		perLabel float64 // every label's F1
		maxECE   float64
	}{
		{"lexicon", e.r, 0.927, 0.875, 0.02},     // measured F1 0.932, MISC 0.880, ECE 0.009
		{"no lexicon", e.rNil, 0.91, 0.86, 0.03}, // 0.918, MISC 0.866, ECE 0.009
	} {
		ev := tc.r.Evaluate(docs)
		t.Logf("%s: P=%.4f R=%.4f F1=%.4f", tc.name, ev.All.P(), ev.All.R(), ev.All.F1())
		for i, l := range entity.Labels {
			x := ev.ByLabel[i]
			t.Logf("  %-4s P=%.4f R=%.4f F1=%.4f", l, x.P(), x.R(), x.F1())
			if x.F1() < tc.perLabel {
				t.Errorf("%s: %s F1 %.4f below floor %.2f", tc.name, l, x.F1(), tc.perLabel)
			}
		}
		t.Logf("calibration:\n%s", ev.Calibration)
		if f := ev.All.F1(); f < tc.floor {
			t.Errorf("%s: F1 %.4f below floor %.3f", tc.name, f, tc.floor)
		}
		if ece := ev.Calibration.ECE(); ece > tc.maxECE {
			t.Errorf("%s: calibration error %.4f above %.2f", tc.name, ece, tc.maxECE)
		}
	}
}
