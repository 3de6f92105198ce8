package main

import (
	"io"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/learn"
)

func TestCalibrate(t *testing.T) {
	ev := func(typ string, conf float64) sitrep.Event { return sitrep.Event{PLOVER: typ, Confidence: conf} }
	tests := []struct {
		name string
		evs  []sitrep.Event
		gold []string
		// right[i] and n[i] are the counts wanted in bin i of 10.
		right, n map[int]int
	}{
		{"one right one wrong", []sitrep.Event{ev("ASSAULT", 0.95), ev("PROTEST", 0.15)}, []string{"ASSAULT"},
			map[int]int{9: 1}, map[int]int{9: 1, 1: 1}},
		{"the most confident of a type takes the match", []sitrep.Event{ev("ASSAULT", 0.25), ev("ASSAULT", 0.85)}, []string{"ASSAULT"},
			map[int]int{8: 1}, map[int]int{2: 1, 8: 1}},
		{"events without a type are left out", []sitrep.Event{ev("", 0.5)}, []string{"ASSAULT"},
			nil, nil},
	}
	for _, tt := range tests {
		cal := learn.NewCalibration(10)
		calibrate(cal, tt.evs, func(e *sitrep.Event) string { return e.PLOVER }, tt.gold)
		for i, b := range cal.Bins {
			if b.Correct != tt.right[i] || b.N != tt.n[i] {
				t.Errorf("%s: bin %d has %d/%d right, want %d/%d", tt.name, i, b.Correct, b.N, tt.right[i], tt.n[i])
			}
		}
	}
}

// TestEventsReportCalibration checks that calibration is printed, and
// its ECE is among the figures, only when events carry confidences.
func TestEventsReportCalibration(t *testing.T) {
	tri := &prf{TP: 1, Gold: 2, Predicted: 1}
	tri.finish()
	base := eventsReport{Triples: tri, TriplesNotEvaluated: &prf{}, RootTriples: tri, RootAccuracy: &accuracy{}, RecordsCorrect: &accuracy{}}
	cal := learn.NewCalibration(10)
	cal.Add(0.9, true)
	cal.Add(0.7, false)
	withCal := base
	withCal.Calibration = cal
	for _, tt := range []struct {
		rep  *eventsReport
		want bool
	}{{&base, false}, {&withCal, true}} {
		var b strings.Builder
		if err := printEval(&b, false, eventsFigures(tt.rep), func(w io.Writer) { printEventsReport(w, tt.rep) }); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if got := strings.Contains(out, "calibration") && strings.Contains(out, " ece=0.400 calibrated=2 "); got != tt.want {
			t.Errorf("calibration shown %v, want %v:\n%s", got, tt.want, out)
		}
		if !strings.Contains(out, "f1=0.667 p=1.000 r=0.500 tp=1 gold=2 pred=1 ") {
			t.Errorf("figures line missing:\n%s", out)
		}
	}
}
