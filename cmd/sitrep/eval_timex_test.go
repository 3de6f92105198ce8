package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

// TestEvalTimexTimeBank runs 'sitrep eval timex --json' over TimeBank +
// AQUAINT through the pipeline and holds the figures to floors just under
// what was measured.
func TestEvalTimexTimeBank(t *testing.T) {
	gold := sitreptest.SharedFile(t, "gold/dev/timex-timebank.jsonl")
	r := evalJSON(t, "timex", gold)
	t.Logf("TimeBank: strict F1 %.3f, relaxed F1 %.3f, type %.3f, value %.3f, mod recall %.3f",
		r["strict_f1"], r["relaxed_f1"], r["type_acc"], r["value_acc"], r["mod_recall"])
	if r["gold"] != 1822 {
		t.Errorf("read %v gold timexes, want 1822", r["gold"])
	}
	floors := []struct {
		name     string
		got, min float64
	}{
		{"strict F1", r["strict_f1"], 0.87},
		{"relaxed F1", r["relaxed_f1"], 0.935},
		{"type accuracy", r["type_acc"], 0.945},
		{"value accuracy", r["value_acc"], 0.855},
		{"mod recall", r["mod_recall"], 0.72},
	}
	for _, f := range floors {
		if f.got < f.min {
			t.Errorf("TimeBank %s %.3f below floor %.2f", f.name, f.got, f.min)
		}
	}
}

// TestEvalTimexOffsets checks offset conversion and scoring on a tiny
// hand-made gold file whose text has multi-byte characters.
func TestEvalTimexOffsets(t *testing.T) {
	text := "Café owners — angry — protested on Tuesday and for about two weeks."
	idx := func(s string) int {
		r := []rune(text)
		for i := range r {
			if string(r[i:min(len(r), i+len([]rune(s)))]) == s {
				return i
			}
		}
		t.Fatalf("%q not in text", s)
		return 0
	}
	rec := map[string]any{"id": "t1", "date": "2020-01-03", "text": text, "timexes": []map[string]any{
		{"start": idx("Tuesday"), "end": idx("Tuesday") + 7, "text": "Tuesday", "type": "DATE", "value": "2019-12-31"},
		{"start": idx("about two weeks"), "end": idx("about two weeks") + 15, "text": "about two weeks", "type": "DURATION", "value": "P2W", "mod": "APPROX"},
	}}
	b, _ := json.Marshal(rec)
	path := filepath.Join(t.TempDir(), "gold.jsonl")
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	r := evalJSON(t, "timex", path)
	if r["gold"] != 2 || r["strict_tp"] != 2 || r["value_acc"] != 1 || r["mod_recall"] != 1 {
		t.Errorf("got %v, want 2 strict matches with right values and mod", r)
	}
}
