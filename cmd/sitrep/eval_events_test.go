package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/event"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

// TestEvalEventsFloors runs the event evaluations over the shared dev gold
// files and fails when the coder falls below the figures it reached, so
// that regressions show. Raise the floors when the coder improves.
func TestEvalEventsFloors(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the pipeline over the gold files")
	}
	ctx := context.Background()

	t.Run("petrarch-unit", func(t *testing.T) {
		dicts := sitreptest.SharedFile(t, "gold/dev/petrarch-validation-dictionaries")
		p, err := pipeline.New(pipeline.Config{DictDirs: []string{dicts}, NoDefaultDicts: true})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := scoreEvents(ctx, p, sitreptest.SharedFile(t, "gold/dev/events-petrarch-unit.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		tr := rep.Triples
		t.Logf("PETRARCH unit triples: P %.3f R %.3f F1 %.3f (tp %d gold %d predicted %d)", tr.Precision, tr.Recall, tr.F1, tr.TP, tr.Gold, tr.Predicted)
		if tr.Recall < petrarchRecallFloor || tr.Precision < petrarchPrecisionFloor {
			t.Errorf("PETRARCH unit triples P %.3f R %.3f, want at least P %.2f R %.2f", tr.Precision, tr.Recall, petrarchPrecisionFloor, petrarchRecallFloor)
		}
		if rep.Skipped == 0 || rep.Triples.Gold < 300 {
			t.Errorf("read %d gold triples and skipped %d records; the gold file looks wrong", rep.Triples.Gold, rep.Skipped)
		}
	})

	t.Run("plover-dev", func(t *testing.T) {
		p, err := pipeline.New(pipeline.Config{})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := scoreEvents(ctx, p, sitreptest.SharedFile(t, "gold/dev/events-plover-dev.jsonl"))
		if err != nil {
			t.Fatal(err)
		}
		if rep.PLOVER == nil || rep.PLOVER.Total < 150 {
			t.Fatalf("PLOVER gold events not read: %+v", rep.PLOVER)
		}
		t.Logf("PLOVER dev type accuracy %.3f (%d/%d)", rep.PLOVER.Accuracy, rep.PLOVER.Correct, rep.PLOVER.Total)
		if rep.PLOVERSource == nil || rep.PLOVERSource.Total < 100 || rep.PLOVERTarget == nil {
			t.Fatalf("PLOVER actor texts not scored: %+v %+v", rep.PLOVERSource, rep.PLOVERTarget)
		}
		t.Logf("PLOVER dev source text %.3f, target text %.3f", rep.PLOVERSource.Accuracy, rep.PLOVERTarget.Accuracy)
		if rep.PLOVERTarget.Accuracy < ploverTargetFloor {
			t.Errorf("PLOVER dev target text accuracy %.3f, want at least %.2f", rep.PLOVERTarget.Accuracy, ploverTargetFloor)
		}
		if rep.PLOVER.Accuracy < ploverFloor {
			t.Errorf("PLOVER dev type accuracy %.3f, want at least %.2f", rep.PLOVER.Accuracy, ploverFloor)
		}
	})
}

// Floors just under what was measured: PETRARCH P 0.894 R 0.876 (0.870
// and 0.853 before a clause's place phrase gave the target when no one
// else is named), PLOVER dev type 0.907, target text 0.794 (0.715 before;
// since the typer learns from PLOVER dev too, in-sample 0.950 and 0.774,
// 0.907 when each fold is held out: see docs/EVAL.md).
const (
	petrarchRecallFloor    = 0.87
	petrarchPrecisionFloor = 0.88
	ploverFloor            = 0.88
	ploverTargetFloor      = 0.77
)

func TestMatchMultiset(t *testing.T) {
	tests := []struct {
		gold, pred      []string
		tp, miss, extra int
	}{
		{[]string{"A B 1", "A B 1"}, []string{"A B 1"}, 1, 1, 0},
		{[]string{"A B 1"}, []string{"A B 1", "A B 1", "B A 1"}, 1, 0, 2},
		{nil, []string{"A --- 1"}, 0, 0, 1},
		{[]string{"A --- 1"}, nil, 0, 1, 0},
	}
	for _, tt := range tests {
		s, miss, extra := matchMultiset(tt.gold, tt.pred)
		if s.TP != tt.tp || len(miss) != tt.miss || len(extra) != tt.extra {
			t.Errorf("matchMultiset(%v, %v) = tp %d, %d missed, %d extra; want %d, %d, %d", tt.gold, tt.pred, s.TP, len(miss), len(extra), tt.tp, tt.miss, tt.extra)
		}
	}
}

func TestExplainCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the models")
	}
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Iraqi protesters stormed the US Embassy in Baghdad.", []string{"verb group", "stormed/VBD", "clause:  0-", "chunks:", "verbs.additions.txt:", "EVENT 1", "IRQ", "USA"}},
		// A target the dictionaries do not know is shown as read.
		{"Kenyan police arrested Mwangi Kamau on Monday.", []string{`object:  --- "Mwangi Kamau"`, `→ --- "Mwangi Kamau"`}},
	} {
		var out, errb bytes.Buffer
		m := &Main{Stdout: &out, Stderr: &errb}
		if err := m.Run(context.Background(), []string{"explain", "--date", "2020-01-01", tc.text}); err != nil {
			t.Fatalf("explain: %v\n%s", err, errb.String())
		}
		for _, want := range tc.want {
			if !strings.Contains(out.String(), want) {
				t.Errorf("explain output lacks %q:\n%s", want, out.String())
			}
		}
	}
}

func TestActorOverlaps(t *testing.T) {
	tests := []struct {
		gold []string
		text string
		name string
		want bool
	}{
		{[]string{"Hungary"}, "Hungary", "", true},
		{[]string{"Trade and Industry Minister Nguyen Van An"}, "Nguyen Van An", "", true},
		{[]string{"President Amina Diallo"}, "she", "Amina Diallo", true},
		{[]string{"AU  monitoring  troops"}, "AU monitoring troops", "", true},
		{[]string{"Lebanon"}, "its troops", "", false},
		{[]string{""}, "x", "", false},
	}
	for _, tt := range tests {
		if got := event.TextOverlaps(tt.gold, &sitrep.EventActor{Text: tt.text, Name: tt.name}); got != tt.want {
			t.Errorf("TextOverlaps(%q, %q/%q) = %v, want %v", tt.gold, tt.text, tt.name, got, tt.want)
		}
	}
	if event.TextOverlaps([]string{"x"}, nil) {
		t.Error("nil actor overlaps")
	}
}

func TestScorePloverYield(t *testing.T) {
	tests := []struct {
		gold  []string
		coded []string
		right int
		extra int
		first int // 1 when the first coded event has the first gold type
	}{
		{[]string{"YIELD"}, []string{"CONCEDE"}, 1, 0, 1},
		{[]string{"YIELD"}, []string{"RETREAT", "RETREAT"}, 1, 1, 1},
		{[]string{"YIELD", "YIELD"}, []string{"RETREAT", "CONCEDE"}, 2, 0, 1},
		{[]string{"CONCEDE"}, []string{"RETREAT"}, 0, 1, 0}, // PLOVER 2021 gold keeps the two apart
		{[]string{"DEMAND"}, []string{"REQUEST"}, 1, 0, 1},
		{[]string{"YIELD"}, []string{"AGREE"}, 0, 1, 0},
		{[]string{"ACCUSE"}, []string{"REJECT", "ACCUSE"}, 1, 1, 0},
		{[]string{"ACCUSE"}, nil, 0, 0, 0},
	}
	for _, tt := range tests {
		var gold []goldEvent
		for _, g := range tt.gold {
			gold = append(gold, goldEvent{EventType: g})
		}
		var evs []sitrep.Event
		for _, c := range tt.coded {
			evs = append(evs, sitrep.Event{PLOVER: c})
		}
		rep := &eventsReport{PLOVERByType: map[string]accuracy{}}
		var acc accuracy
		var rr recordResult
		scorePlover(&rr, gold, evs, &acc, rep)
		if acc.Correct != tt.right || rep.PLOVERExtra != tt.extra {
			t.Errorf("gold %v, coded %v: %d right, %d extra; want %d, %d", tt.gold, tt.coded, acc.Correct, rep.PLOVERExtra, tt.right, tt.extra)
		}
		if f := rep.PLOVERFirst; f == nil || f.Total != 1 || f.Correct != tt.first {
			t.Errorf("gold %v, coded %v: first event %+v, want %d of 1", tt.gold, tt.coded, f, tt.first)
		}
	}
	if k := ploverKey("RETREAT", []string{"YIELD"}); k != "YIELD" {
		t.Errorf("ploverKey(RETREAT, [YIELD]) = %q", k)
	}
	if k := ploverKey("RETREAT", []string{"CONCEDE"}); k != "RETREAT" {
		t.Errorf("ploverKey(RETREAT, [CONCEDE]) = %q", k)
	}
}

// TestEvalEventsFolds holds the whole pipeline's cross-validated PLOVER
// type accuracy on the PLV train file (each fold coded by a typer trained
// on the others and, as the shipped one, on the PLOVER gold standard
// records) to a floor under what was measured (0.791 at fold seed 7 with
// the typer's fixed thresholds, 0.799 with thresholds searched per fold;
// 0.744 while the typer's events needed a coded target, 0.606 with the
// dictionaries alone), and checks that the confidences are calibrated.
func TestEvalEventsFolds(t *testing.T) {
	if testing.Short() {
		t.Skip("trains the typer five times over the pipeline")
	}
	gold := sitreptest.SharedFile(t, "gold/train/events-plv-train.jsonl")
	conll := sitreptest.SharedFile(t, "gold/dev/ner-conll2003-train.conll")
	also := sitreptest.SharedFile(t, "gold/dev/events-plover-dev.jsonl")
	rep, err := crossValidateEvents(context.Background(), pipeline.Config{}, gold, 5, eventsCVSeed, cvTraining{unlabelled: conll, also: also})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("PLV train, 5-fold CV through the pipeline: type accuracy %.3f (%d/%d), ECE %.3f", rep.PLOVER.Accuracy, rep.PLOVER.Correct, rep.PLOVER.Total, rep.Calibration.ECE())
	if rep.PLOVER.Accuracy < 0.78 {
		t.Errorf("cross-validated type accuracy %.3f below floor 0.78", rep.PLOVER.Accuracy)
	}
	if e := rep.Calibration.ECE(); e > 0.05 {
		t.Errorf("cross-validated ECE %.3f above 0.05", e)
	}
}

func TestEvalEventsUsage(t *testing.T) {
	gold := filepath.Join(t.TempDir(), "gold.jsonl")
	for _, args := range [][]string{
		{"--also", "x.jsonl", gold},           // --also without --folds
		{"--also-main", gold},                 // --also-main without --folds
		{"--folds", "5", "--also-main", gold}, // --also-main without --also
		{"--folds", "1", gold},                // one fold
		{"--folds", "5", "--no-typer", gold},  // nothing to cross-validate
	} {
		if _, _, code := run(t, "", append([]string{"eval", "events"}, args...)...); code != 2 {
			t.Errorf("eval events %v: exit %d, want 2", args, code)
		}
	}
}
