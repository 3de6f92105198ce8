package main

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAUC(t *testing.T) {
	for _, tc := range []struct {
		scores []float64
		right  []bool
		want   float64
	}{
		{[]float64{0.9, 0.1}, []bool{true, false}, 1},
		{[]float64{0.1, 0.9}, []bool{true, false}, 0},
		{[]float64{0.5, 0.5}, []bool{true, false}, 0.5},
		{[]float64{0.8, 0.6, 0.7, 0.2}, []bool{true, true, false, false}, 0.75},
		{[]float64{0.3, 0.4}, []bool{true, true}, 0}, // no wrong event
	} {
		if got := auc(tc.scores, tc.right); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("auc(%v, %v) = %v, want %v", tc.scores, tc.right, got, tc.want)
		}
	}
}

// TestScore scores a small extract output, written for this test,
// against judgments: one judged event is still coded twice (counted
// once), one is gone, one coded event was never judged.
func TestScore(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out.jsonl")
	lines := []string{
		`{"article":{"id":"a1"},"events":[{"plover":"ASSAULT","confidence":0.9,"evidence":{"sentence":"Rebels shelled the town.","start":0,"trigger":{"start":7,"end":14}},"source":{"text":"Rebels","actor":"---REB"}},` +
			`{"plover":"ASSAULT","confidence":0.9,"evidence":{"sentence":"Rebels shelled the town.","start":0,"trigger":{"start":7,"end":14}},"source":{"text":"Rebels","actor":"---REB"}}]}`,
		`{"article":{"id":"a2"},"events":[{"plover":"THREATEN","confidence":0.4,"evidence":{"sentence":"The striker threatened the goal.","start":0,"trigger":{"start":12,"end":22}},"source":{"text":"The striker","actor":"---"}},` +
			`{"plover":"AGREE","confidence":0.2,"evidence":{"sentence":"They agreed.","start":40,"trigger":{"start":45,"end":51}},"source":{"text":"They","actor":"---"}}]}`,
	}
	if err := os.WriteFile(out, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	judged := filepath.Join(dir, "judged.tsv")
	if err := os.WriteFile(judged, []byte("# test\na1\t0\t7\tASSAULT\t1\na2\t0\t12\tTHREATEN\t0\na3\t0\t1\tPROTEST\t1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	evs, err := readOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	j, err := readJudged(judged)
	if err != nil {
		t.Fatal(err)
	}
	r := score(evs, j)
	if r.coded != 4 || r.judged != 2 || r.right != 1 || r.gone != 1 || r.goneRight != 1 || r.auc != 1 || math.Abs(r.meanConf-0.65) > 1e-9 {
		t.Errorf("score: %+v", r)
	}
}

func TestReadJudgedErrors(t *testing.T) {
	for _, bad := range []string{"a1\t0\t7\tASSAULT\n", "a1\tx\t7\tASSAULT\t1\n", "a1\t0\t7\tASSAULT\tyes\n"} {
		p := filepath.Join(t.TempDir(), "j.tsv")
		if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := readJudged(p); err == nil || !strings.Contains(err.Error(), "j.tsv:1") {
			t.Errorf("readJudged(%q): %v, want an error naming line 1", bad, err)
		}
	}
}

// TestShippedJudgments reads the judged file: it must parse.
func TestShippedJudgments(t *testing.T) {
	j, err := readJudged("judged.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(j) < 90 {
		t.Errorf("%d judged events, want at least 90", len(j))
	}
}
