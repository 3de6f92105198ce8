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
	out, errOut, code := run(t, "", "eval", "timex", "--json", gold)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r timexReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("decode %q: %v", out, err)
	}
	t.Logf("TimeBank: strict F1 %.3f, relaxed F1 %.3f, type %.3f, value %.3f, mod recall %.3f",
		r.StrictF1, r.RelaxF1, r.TypeAcc, r.ValueAcc, r.ModRecall)
	if r.Gold != 1822 {
		t.Errorf("read %d gold timexes, want 1822", r.Gold)
	}
	floors := []struct {
		name     string
		got, min float64
	}{
		{"strict F1", r.StrictF1, 0.87},
		{"relaxed F1", r.RelaxF1, 0.935},
		{"type accuracy", r.TypeAcc, 0.945},
		{"value accuracy", r.ValueAcc, 0.855},
		{"mod recall", r.ModRecall, 0.72},
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
	out, errOut, code := run(t, "", "eval", "timex", "--json", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r timexReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Gold != 2 || r.StrictMatch != 2 || r.ValueAcc != 1 || r.ModRecall != 1 {
		t.Errorf("got %+v, want 2 strict matches with right values and mod", r)
	}
}
