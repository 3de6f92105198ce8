package event

import (
	"fmt"
	"slices"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/learn"
)

func TestClassOf(t *testing.T) {
	classes := []string{"ACCUSE", "ASSAULT", "YIELD"}
	tests := []struct {
		plover string
		want   int
	}{
		{"ACCUSE", 0},
		{"ASSAULT", 1},
		{"CONCEDE", 2}, // PLOVER 2021 split YIELD into CONCEDE and RETREAT
		{"RETREAT", 2},
		{"YIELD", 2},
		{"PROTEST", -1},
		{"", -1},
	}
	for _, tt := range tests {
		if got := classOf(classes, tt.plover); got != tt.want {
			t.Errorf("classOf(%q) = %d, want %d", tt.plover, got, tt.want)
		}
	}
	if got := classOf([]string{"CONCEDE", "RETREAT"}, "RETREAT"); got != 1 {
		t.Errorf("classOf(RETREAT) with both 2021 types = %d, want 1", got)
	}
}

func TestTypeCodes(t *testing.T) {
	for typ, code := range typeCodes {
		cb, ok := lookupCode(code)
		if !ok {
			t.Errorf("%s: code %s not in the codebook", typ, code)
			continue
		}
		want := typ
		if typ == yieldClass || typ == "RETREAT" {
			want = "CONCEDE"
		}
		if cb.PLOVER != want {
			t.Errorf("%s: code %s has PLOVER type %q, want %q", typ, code, cb.PLOVER, want)
		}
	}
}

func TestNeedsTarget(t *testing.T) {
	tests := []struct {
		plover string
		want   bool
	}{
		{"AGREE", true}, {"SUPPORT", true}, {"COOPERATE", true}, {"AID", true}, {"SANCTION", true}, {"CONSULT", true},
		{"ACCUSE", false}, {"ASSAULT", false}, {"PROTEST", false}, {"MOBILIZE", false}, {"YIELD", false}, {"REQUEST", false},
	}
	for _, tt := range tests {
		if got := needsTarget(tt.plover); got != tt.want {
			t.Errorf("needsTarget(%s) = %v, want %v", tt.plover, got, tt.want)
		}
	}
}

func TestDecide(t *testing.T) {
	classes := []string{"ACCUSE", "AID", "ASSAULT", "PROTEST"}
	th := thresholds{alone: 0.5, aloneHit: 0.8, veto: 0.05, retype: 0.6}
	tgt := &sitrep.EventActor{Actor: "USA"}
	src := sitrep.EventActor{Actor: "IRN"}
	cand := &sitrep.Event{Source: src}
	candTgt := &sitrep.Event{Source: src, Target: tgt}
	ev := func(plover string, target bool) sitrep.Event {
		e := sitrep.Event{PLOVER: plover, Source: src}
		if target {
			e.Target = tgt
		}
		return e
	}
	tests := []struct {
		name     string
		p        []float32
		pev      float32 // 0: 1
		evs      []sitrep.Event
		hit      bool
		cand     *sitrep.Event
		wantAdd  int
		wantBase int // index into evs, -1 for cand, -2 for none
		wantKeep []bool
	}{
		{"alone above threshold", []float32{0.6, 0.3, 0.1, 0}, 0, nil, false, candTgt, 0, -1, nil},
		{"alone without a target", []float32{0.6, 0.3, 0.1, 0}, 0, nil, false, cand, 0, -1, nil},
		{"alone protest without a target", []float32{0.1, 0.1, 0.1, 0.7}, 0, nil, false, cand, 3, -1, nil},
		{"alone aid without a target", []float32{0.1, 0.8, 0.1, 0}, 0, nil, false, cand, 1, -1, nil},
		{"alone below threshold", []float32{0.4, 0.3, 0.3, 0}, 0, nil, false, candTgt, -1, -2, nil},
		{"after a verb matched, its own threshold", []float32{0.9, 0.05, 0.05, 0}, 0, nil, true, candTgt, 0, -1, nil},
		{"after a verb matched, below its threshold", []float32{0.7, 0.2, 0.1, 0}, 0, nil, true, candTgt, -1, -2, nil},
		{"no clause reading", []float32{0.9, 0.05, 0.05, 0}, 0, nil, false, nil, -1, -2, nil},
		{"aid with a target", []float32{0.1, 0.8, 0.1, 0}, 0, nil, false, candTgt, 1, -1, nil},
		{"retype", []float32{0.1, 0.2, 0.7, 0}, 0, []sitrep.Event{ev("ACCUSE", false)}, true, nil, 2, 0, []bool{true}},
		{"type already coded", []float32{0.1, 0.2, 0.7, 0}, 0, []sitrep.Event{ev("ASSAULT", false)}, true, nil, -1, -2, []bool{true}},
		{"retype aid without a target", []float32{0.02, 0.9, 0.08, 0}, 0, []sitrep.Event{ev("ASSAULT", false)}, true, nil, 1, 0, []bool{true}},
		{"retype on the event with a target", []float32{0.02, 0.9, 0.08, 0}, 0, []sitrep.Event{ev("ASSAULT", false), ev("ASSAULT", true)}, true, nil, 1, 1, []bool{true, true}},
		{"veto", []float32{0.02, 0.5, 0.48, 0}, 0, []sitrep.Event{ev("ACCUSE", false), ev("ASSAULT", false)}, true, nil, -1, -2, []bool{false, true}},
		// The joint probability of an event and of its type decides.
		{"alone, unlikely an event", []float32{0.6, 0.3, 0.1, 0}, 0.8, nil, false, candTgt, -1, -2, nil},
		{"alone, likely an event", []float32{0.7, 0.2, 0.1, 0}, 0.8, nil, false, candTgt, 0, -1, nil},
		{"retype, unlikely an event", []float32{0.1, 0.2, 0.7, 0}, 0.5, []sitrep.Event{ev("ACCUSE", false)}, true, nil, -1, -2, []bool{true}},
		{"veto whatever the event probability", []float32{0.02, 0.5, 0.48, 0}, 0.1, []sitrep.Event{ev("ACCUSE", false), ev("ASSAULT", false)}, true, nil, -1, -2, []bool{false, true}},
	}
	for _, tt := range tests {
		keep := make([]bool, len(tt.evs))
		pev := tt.pev
		if pev == 0 {
			pev = 1
		}
		add, base := th.decide(tt.p, pev, classes, tt.evs, make([]bool, len(tt.evs)), tt.hit, tt.cand, keep)
		if add != tt.wantAdd {
			t.Errorf("%s: add %d, want %d", tt.name, add, tt.wantAdd)
		}
		var want *sitrep.Event
		switch {
		case tt.wantBase == -1:
			want = tt.cand
		case tt.wantBase >= 0:
			want = &tt.evs[tt.wantBase]
		}
		if add >= 0 && base != want {
			t.Errorf("%s: base %+v, want %+v", tt.name, base, want)
		}
		for i := range tt.wantKeep {
			if keep[i] != tt.wantKeep[i] {
				t.Errorf("%s: keep %v, want %v", tt.name, keep, tt.wantKeep)
				break
			}
		}
	}
}

func TestNewTyperNeedsThresholds(t *testing.T) {
	m := learn.LogReg{Classes: []string{"A", "B"}, Epochs: 1, Rate: 0.1}.Train([]learn.Example{{Feats: []uint64{1}, Class: 0}}, learn.Meta{Name: typerName})
	c := learn.LogReg{Classes: []string{"wrong", "right"}, Epochs: 1, Rate: 0.1}.Train([]learn.Example{{Feats: []uint64{1}, Class: 1}}, learn.Meta{Name: confName})
	if _, err := NewTyper(nil, TyperModels{Typer: m, Conf: c}); err == nil {
		t.Error("NewTyper accepted a model without thresholds")
	}
	m.Meta.Info = map[string]string{"alone": "0.2", "alone_hit": "0.5", "veto": "0", "retype": "0.4"}
	ty, err := NewTyper(nil, TyperModels{Typer: m, Conf: c})
	if err != nil {
		t.Fatal(err)
	}
	if a, v, r := ty.Thresholds(); a != float64(float32(0.2)) || v != 0 || r != float64(float32(0.4)) {
		t.Errorf("thresholds %v %v %v", a, v, r)
	}
	c3 := learn.LogReg{Classes: []string{"a", "b", "c"}, Epochs: 1, Rate: 0.1}.Train([]learn.Example{{Feats: []uint64{1}, Class: 1}}, learn.Meta{Name: confName})
	if _, err := NewTyper(nil, TyperModels{Typer: m, Conf: c3}); err == nil {
		t.Error("NewTyper accepted a confidence model with 3 classes")
	}
	pm := learn.LogReg{Classes: []string{"unlabelled", "event"}, Epochs: 1, Rate: 0.1}.Train([]learn.Example{{Feats: []uint64{1}, Class: 1}}, learn.Meta{Name: presenceName})
	if _, err := NewTyper(nil, TyperModels{Typer: m, Conf: c, Presence: pm}); err == nil {
		t.Error("NewTyper accepted a presence model without a label frequency")
	}
	pm.Meta.Info = map[string]string{labelFreqKey: "0.5"}
	if ty, err = NewTyper(nil, TyperModels{Typer: m, Conf: c, Presence: pm}); err != nil {
		t.Fatal(err)
	}
	var two [2]float32
	if p := ty.eventProb([]uint64{1}, two[:]); p <= 0 || p > 1 {
		t.Errorf("event probability %v outside (0, 1]", p)
	}
}

func TestPresenceProb(t *testing.T) {
	for _, tt := range []struct{ g, c, want float32 }{
		{0.2, 0.4, 0.5}, {0.4, 0.4, 1}, {0.6, 0.4, 1}, {0, 0.4, 0},
	} {
		if got := presenceProb(tt.g, tt.c); got != tt.want {
			t.Errorf("presenceProb(%v, %v) = %v, want %v", tt.g, tt.c, got, tt.want)
		}
	}
}

func TestLoadTyper(t *testing.T) {
	ty, err := LoadTyper()
	if err != nil {
		t.Fatal(err)
	}
	if len(ty.Classes()) < 10 || ty.yield < 0 {
		t.Errorf("classes %v", ty.Classes())
	}
	for _, c := range ty.Classes() {
		if _, ok := typeCodes[c]; !ok {
			t.Errorf("class %s has no CAMEO code", c)
		}
	}
}

// TestTrainTyperAux checks that auxiliary records only add to the typer's
// examples: a word seen in them alone decides the type, a class of theirs
// that the main records lack is not learnt, and the cross-validated
// figures count the main records only.
func TestTrainTyperAux(t *testing.T) {
	sample := func(word string) []TyperSample {
		return []TyperSample{{Feats: []uint64{learn.Key(fBias, 0), learn.Key(fLemma, learn.Hash(word))}}}
	}
	var recs []TyperRecord
	for i := range 40 {
		gold, word := "ASSAULT", "shelled"
		if i%2 == 1 {
			gold, word = "AGREE", "signed"
		}
		recs = append(recs, TyperRecord{Samples: sample(word), Gold: gold})
	}
	for range 10 {
		recs = append(recs, TyperRecord{Samples: sample("ratified"), Gold: "AGREE", Aux: true})
	}
	recs = append(recs, TyperRecord{Samples: sample("marched"), Gold: "PROTEST", Aux: true})
	ms, rep, err := TrainTyper(recs, nil, TyperDefaults(), learn.Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"AGREE", "ASSAULT"}; !slices.Equal(ms.Typer.Classes, want) {
		t.Errorf("classes %v, want %v", ms.Typer.Classes, want)
	}
	if rep.Aux != 10 {
		t.Errorf("%d auxiliary examples, want 10", rep.Aux)
	}
	if rep.CVAccuracy != 1 || len(rep.FoldAccuracy) != 5 {
		t.Errorf("CV accuracy %.3f over %d folds, want 1 over 5", rep.CVAccuracy, len(rep.FoldAccuracy))
	}
	scores := make([]float32, 2)
	if got := ms.Typer.Predict(sample("ratified")[0].Feats, scores); ms.Typer.Classes[got] != "AGREE" {
		t.Errorf("a word of the auxiliary records alone typed %s, want AGREE", ms.Typer.Classes[got])
	}
}

func TestTyperClass(t *testing.T) {
	for in, want := range map[string]string{
		"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT",
		"CONCEDE": "YIELD", "RETREAT": "YIELD", "YIELD": "YIELD", "AGREE": "AGREE",
	} {
		if got := TyperClass(in); got != want {
			t.Errorf("TyperClass(%s) = %s, want %s", in, got, want)
		}
	}
	if got := GoldType("CONCEDE"); got != "CONCEDE" {
		t.Errorf("GoldType(CONCEDE) = %s: only the typer merges CONCEDE into YIELD", got)
	}
}

func TestSortByConfidence(t *testing.T) {
	ev := func(typ string, c float64) sitrep.Event { return sitrep.Event{PLOVER: typ, Confidence: c} }
	evs := []sitrep.Event{ev("ACCUSE", 0.3), ev("ACCUSE", 0.3), ev("ASSAULT", 0.8), ev("REJECT", 0.3)}
	info := []evInfo{{specific: true}, {}, {typer: true}, {announced: true}}
	sortByConfidence(evs, info)
	var got []string
	for i, e := range evs {
		got = append(got, fmt.Sprintf("%s %.1f %v", e.PLOVER, e.Confidence, info[i]))
	}
	want := []string{"ASSAULT 0.8 {false true false}", "ACCUSE 0.3 {true false false}", "ACCUSE 0.3 {false false false}", "REJECT 0.3 {false false true}"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}
