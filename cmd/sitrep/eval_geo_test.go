package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

// TestEvalGeoLGL runs 'sitrep eval geo --json' over the LGL dev set (the
// full pipeline: text, entities, geo) and holds the figures to floors just
// under what was measured, so regressions fail.
func TestEvalGeoLGL(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline over 588 articles")
	}
	gold := sitreptest.SharedFile(t, "gold/dev/geo-lgl.jsonl")
	out, errOut, code := run(t, "", "eval", "geo", "--json", gold)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r geoReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("decode %q: %v", out, err)
	}
	t.Logf("LGL: P %.3f R %.3f F1 %.3f (w/o demonyms F1 %.3f), acc@161 %.3f, median %.1f km",
		r.Precision, r.Recall, r.F1, r.F1NoDemonyms, r.Acc161, r.MedianKm)
	if r.Docs != 588 || r.Gold != 5088 {
		t.Errorf("read %d articles, %d toponyms; want 588, 5088", r.Docs, r.Gold)
	}
	floors := []struct {
		name     string
		got, min float64
	}{
		{"precision", r.Precision, 0.85},
		{"F1", r.F1, 0.835},
		{"F1 without demonyms", r.F1NoDemonyms, 0.86},
		{"acc@161", r.Acc161, 0.91},
	}
	for _, f := range floors {
		if f.got < f.min {
			t.Errorf("LGL %s %.3f below floor %.2f", f.name, f.got, f.min)
		}
	}
}

// TestEvalGeoOffsets checks the code-point to byte offset conversion and
// the scoring on a small hand-made gold file with non-ASCII text.
func TestEvalGeoOffsets(t *testing.T) {
	// "Zürich" and "—" make code-point and byte offsets differ.
	text := "Zürich — Protesters gathered in Baghdad and later in Paris, Texas."
	cp := func(s string) int { return len([]rune(text[:strings.Index(text, s)])) }
	rec := map[string]any{"id": "t1", "date": "2020-01-03", "text": text, "toponyms": []map[string]any{
		{"start": cp("Baghdad"), "end": cp("Baghdad") + 7, "name": "Baghdad", "lat": 33.34, "lon": 44.40},
		{"start": cp("Paris"), "end": cp("Paris") + 5, "name": "Paris", "lat": 33.66, "lon": -95.55},
		{"start": cp("Texas"), "end": cp("Texas") + 5, "name": "Texas", "lat": 31.25, "lon": -99.25},
	}}
	b, _ := json.Marshal(rec)
	path := filepath.Join(t.TempDir(), "gold.jsonl")
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "", "eval", "geo", "--json", "--misses", "10", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r geoReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if r.Gold != 3 || r.Correct != 3 || r.Within161 != 3 {
		t.Errorf("gold %d correct %d within 161 km %d, want 3 3 3 (misses: %s)", r.Gold, r.Correct, r.Within161, errOut)
	}
	// Zürich is found but not in the gold: one spurious place.
	if r.Found != 4 || !strings.Contains(errOut, "spurious") {
		t.Errorf("found %d, want 4 with one spurious; misses: %s", r.Found, errOut)
	}
	var n int
	for _, b := range r.Calibration {
		n += b.N
	}
	if n != r.Geocoded || r.ECE < 0 || r.ECE > 1 {
		t.Errorf("calibration bins hold %d places, ECE %.3f; want %d geocoded and ECE in [0,1]", n, r.ECE, r.Geocoded)
	}
	// The text report ends with the figures as key=value pairs.
	out, errOut, code = run(t, "", "eval", "geo", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if last := lines[len(lines)-1]; !strings.HasPrefix(last, "acc161=1.000 p=0.750 r=1.000 f1=0.857 ") {
		t.Errorf("last line %q, want the key=value figures", last)
	}
}

func TestEvalGeoTimexUsage(t *testing.T) {
	for _, args := range [][]string{{"eval", "geo"}, {"eval", "timex"}, {"eval", "nosuch", "x"}} {
		if _, _, code := run(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	for _, kind := range []string{"geo", "timex"} {
		if _, _, code := run(t, "", "eval", kind, filepath.Join(t.TempDir(), "missing.jsonl")); code != 1 {
			t.Errorf("eval %s of a missing gold file: exit %d, want 1", kind, code)
		}
	}
}
