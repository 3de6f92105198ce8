package quote

import (
	"os"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

// TestPolNeARDev measures content-span overlap P/R/F1 and speaker
// attribution accuracy (a matched quote whose speaker span overlaps the
// gold source) on PolNeAR's dev split, scored by Evaluate as 'sitrep eval
// quotes' does.
func TestPolNeARDev(t *testing.T) {
	f, err := os.Open(sitreptest.SharedFile(t, "gold/dev/quotes-polnear-dev.jsonl"))
	if err != nil {
		t.Fatalf("open gold: %v", err)
	}
	defer f.Close()
	gold, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Evaluate(gold, func(a *sitrep.Article) ([]sitrep.Quote, error) {
		doc, ents := analyze(t, a.Text)
		return Extract(doc, ents), nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("content overlap P=%.3f R=%.3f F1=%.3f (tp=%d gold=%d pred=%d), exact F1=%.3f; speaker accuracy %.3f (%d/%d); cue accuracy %.3f (%d/%d)",
		s.P, s.R, s.F1, s.Matched, s.Gold, s.Predicted, s.ExactF1, s.SpeakerAcc, s.SpeakerCorrect, s.SpeakerGold, s.CueAcc, s.CueRight, s.CueGold)
	floors := []struct {
		name     string
		got, min float64
	}{
		{"content precision", s.P, 0.855},
		{"content recall", s.R, 0.60},
		{"content F1", s.F1, 0.71},
		{"speaker accuracy", s.SpeakerAcc, 0.93},
	}
	for _, fl := range floors {
		if fl.got < fl.min {
			t.Errorf("%s %.3f below floor %.2f", fl.name, fl.got, fl.min)
		}
	}
}
