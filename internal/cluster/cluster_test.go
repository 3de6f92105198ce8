package cluster

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// readResults reads extraction results written by 'sitrep extract --text'.
func readResults(t testing.TB, path string) []*sitrep.Result {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []*sitrep.Result
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r sitrep.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		r.Article.Text = r.Text
		out = append(out, &r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// extract runs the real pipeline over the articles of path.
func extract(t testing.TB, path string) []*sitrep.Result {
	t.Helper()
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var out []*sitrep.Result
	err = ingest.NewReader(ingest.Options{}, nil).Read(context.Background(), []string{path}, func(it ingest.Item) error {
		if it.Err != nil {
			t.Fatalf("ingest: %v", it.Err)
		}
		res, err := p.Process(context.Background(), it.Article)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, res)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func link(results []*sitrep.Result) *sitrep.Situations {
	c := New(DefaultConfig())
	for _, r := range results {
		c.Add(r)
	}
	return c.Snapshot()
}

func byID(results []*sitrep.Result) func(string) *sitrep.Result {
	m := map[string]*sitrep.Result{}
	for _, r := range results {
		m[r.Article.ID] = r
	}
	return func(id string) *sitrep.Result { return m[id] }
}

func readGold(t testing.TB, name string) *Gold {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestCorpus runs the real pipeline over the test corpora and scores the
// links against the expected ones. examples/situations.jsonl is the
// corpus the weights and thresholds were set on; testdata/heldout.jsonl
// (four situations, two of them in one city) was written apart and not
// tuned on. The floors sit a little under what the current stages reach
// (event pairwise F1 0.910 and 0.940, both at precision 1: the links
// missed join mentions the coder gave conflicting
// actors, such as "Residents" read as the source of a shelling, or
// places, such as Santiago placed in the Philippines), so that a change
// that moves them shows up here.
func TestCorpus(t *testing.T) {
	tests := []struct {
		name, corpus, gold string
		minP, minF1        float64
	}{
		{"tuned", filepath.Join("..", "..", "examples", "situations.jsonl"), "situations.gold.json", 0.95, 0.9},
		{"held out", filepath.Join("testdata", "heldout.jsonl"), "heldout.gold.json", 0.95, 0.9},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			results := extract(t, tt.corpus)
			out := link(results)
			s := Evaluate(readGold(t, tt.gold), out, byID(results))
			t.Logf("events: pairwise p=%.3f r=%.3f f1=%.3f (%d mentions, %d/%d/%d pairs tp/pred/gold)",
				s.EventP, s.EventR, s.EventF1, s.Mentions, s.EventPairsTP, s.EventPairsPred, s.EventPairsGold)
			t.Logf("situations: B3 p=%.3f r=%.3f f1=%.3f; duplicates %d/%d/%d (kinds right %d); conflicts %d/%d",
				s.SituationP, s.SituationR, s.SituationF1, s.DupTP, s.DupPred, s.DupGold, s.DupKindRight, s.ConflictsFlagged, s.ConflictsGold)
			checks := []struct {
				name      string
				got, want float64
			}{
				{"event pairwise precision", s.EventP, tt.minP},
				{"event pairwise F1", s.EventF1, tt.minF1},
				{"situation B3 F1", s.SituationF1, 0.95},
				{"duplicates found", float64(s.DupTP), float64(s.DupGold)},
				{"duplicates found right", float64(s.DupTP), float64(s.DupPred)},
				{"duplicate kinds right", float64(s.DupKindRight), float64(s.DupGold)},
				{"conflicts flagged", float64(s.ConflictsFlagged), float64(s.ConflictsGold)},
			}
			for _, c := range checks {
				if c.got < c.want {
					t.Errorf("%s = %.3f, want at least %.3f", c.name, c.got, c.want)
				}
			}
		})
	}
}

// TestGolden links a fixed extraction of the test corpus (so that it does
// not move with the stages) and compares the whole output with the golden
// file; -update rewrites it.
func TestGolden(t *testing.T) {
	out := link(readResults(t, filepath.Join("testdata", "situations.results.jsonl")))
	got, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "situations.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run with -update and review the diff)", path)
	}
}

// TestSeed: the sample article's three captions "Iraqi soldiers deployed
// in front of the US Embassy" are one event with three mentions.
func TestSeed(t *testing.T) {
	results := extract(t, sitreptest.SeedPath(t))
	out := link(results)
	text := results[0].Article.Text
	found := false
	for _, sit := range out.Situations {
		for _, e := range sit.Events {
			if e.PLOVER != "MOBILIZE" || e.Source != "IRQMIL" {
				continue
			}
			if found {
				t.Errorf("a second Iraqi deployment event: %+v", e)
			}
			found = true
			if e.NumMentions != 3 || e.NumArticles != 1 || e.NumSources != 1 {
				t.Errorf("deployment: %d mentions, %d articles, %d sources; want 3, 1, 1", e.NumMentions, e.NumArticles, e.NumSources)
			}
			for _, m := range e.Mentions {
				if s := text[m.Start:m.End]; !bytes.Contains([]byte(s), []byte("soldiers deployed in front of the US Embassy")) {
					t.Errorf("mention %d-%d is %q", m.Start, m.End, s)
				}
			}
		}
	}
	if !found {
		t.Error("no Iraqi deployment event")
	}
}
