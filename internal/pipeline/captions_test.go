package pipeline

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/geo"
)

// fillCaptionsNaive is fillCaptions by scanning every fact for every
// caption: the definition the indexed version must match.
func fillCaptionsNaive(caps []sitrep.Caption, tx []sitrep.Timex, places []sitrep.Place) {
	for i := range caps {
		c := &caps[i]
		for _, t := range tx {
			if c.Contains(t.Span) && t.Type == "DATE" && t.Precision == sitrep.Day && len(t.Value) == 10 {
				c.Date = t.Value
			}
		}
		for _, pl := range places {
			if c.Contains(pl.Span) && pl.Resolution != geo.LevelUnresolved {
				c.Place = pl.Name
			}
		}
	}
}

// TestFillCaptions compares fillCaptions with the naive scan on random
// captions and facts, in and out of offset order, overlapping, nested,
// straddling caption ends, of every kind.
func TestFillCaptions(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	span := func(max int) sitrep.Span {
		a := rng.IntN(max)
		return sitrep.Span{Start: a, End: a + 1 + rng.IntN(40)}
	}
	for round := range 300 {
		size := 50 + rng.IntN(2000)
		var caps []sitrep.Caption
		for range rng.IntN(6) {
			s := span(size)
			s.End += rng.IntN(200)
			caps = append(caps, sitrep.Caption{Span: s})
		}
		var tx []sitrep.Timex
		for i := range rng.IntN(40) {
			t := sitrep.Timex{Span: span(size), Type: "DATE", Precision: sitrep.Day, Value: "2024-01-" + string(rune('1'+i%9)) + "0"}
			switch rng.IntN(4) {
			case 0:
				t.Type = "TIME"
			case 1:
				t.Precision = sitrep.Year
			case 2:
				t.Value = "2024"
			}
			tx = append(tx, t)
		}
		var places []sitrep.Place
		for i := range rng.IntN(40) {
			p := sitrep.Place{Span: span(size), Name: "P" + string(rune('A'+i%26)), Resolution: "city"}
			if rng.IntN(4) == 0 {
				p.Resolution = geo.LevelUnresolved
			}
			places = append(places, p)
		}
		if round%2 == 0 { // offset order, as the stages emit them
			slices.SortStableFunc(tx, func(a, b sitrep.Timex) int { return cmp.Compare(a.Start, b.Start) })
			slices.SortStableFunc(places, func(a, b sitrep.Place) int { return cmp.Compare(a.Start, b.Start) })
		}
		got := append([]sitrep.Caption(nil), caps...)
		want := append([]sitrep.Caption(nil), caps...)
		fillCaptions(got, tx, places)
		fillCaptionsNaive(want, tx, places)
		for i := range want {
			if got[i].Date != want[i].Date || got[i].Place != want[i].Place {
				t.Fatalf("round %d, caption %v: date %q place %q, want %q %q", round, caps[i].Span, got[i].Date, got[i].Place, want[i].Date, want[i].Place)
			}
		}
	}
}
