package entity_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/sitrep-project/sitrep/internal/entity"
	"github.com/sitrep-project/sitrep/internal/learn"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

// TestShippedModel retrains the model as scripts/train-ner does (about
// half a minute) and checks that the embedded ner.bin is byte for byte
// what it writes. Skipped with -short, except in CI.
func TestShippedModel(t *testing.T) {
	if testing.Short() && os.Getenv("CI") == "" {
		t.Skip("retraining takes half a minute")
	}
	e := testEnv(t)
	first, second, err := entity.TrainFiles(sitreptest.SharedFile(t, "gold/dev/ner-conll2003-train.conll"),
		sitreptest.SharedFile(t, "gold/dev/ner-conll2003-dev.conll"), e.lex, e.an.Tag, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name    string
		m       *learn.Model
		shipped []byte
	}{{"ner-pass1.bin", first, entity.FirstData}, {"ner.bin", second, entity.ModelData}} {
		if got := f.m.Marshal(); !bytes.Equal(got, f.shipped) {
			t.Errorf("%s (%d bytes) is not what scripts/train-ner writes (%d bytes, %v): run go run ./scripts/train-ner",
				f.name, len(f.shipped), len(got), f.m.Meta.Info)
		}
	}
}
