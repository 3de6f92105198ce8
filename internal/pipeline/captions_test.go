package pipeline

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/geo"
)

// fillCaptionsNaive is fillCaptions by scanning every fact for every
// caption: the definition the indexed version must match.
func fillCaptionsNaive(caps []sitrep.Caption, tx []sitrep.Timex, places []sitrep.Place) {
	for i := range caps {
		c := &caps[i]
		date := -1
		for j, t := range tx {
			if c.Contains(t.Span) && t.Type == "DATE" && t.Precision == sitrep.Day && len(t.Value) == 10 {
				c.Date, date = t.Value, j
			}
		}
		for _, pl := range places {
			if c.Contains(pl.Span) && pl.Resolution != geo.LevelUnresolved {
				c.Place = pl.Name
			}
		}
		if date < 0 {
			continue
		}
		before := sitrep.Span{Start: c.Start, End: tx[date].Start}
		for _, pl := range places {
			if before.Contains(pl.Span) && pl.Resolution != geo.LevelUnresolved {
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

// TestCaptionPlaceBeforeDate checks that a caption's place is the one
// named before its date, not one a later sentence of it names.
func TestCaptionPlaceBeforeDate(t *testing.T) {
	const text = "Police stand guard in Nairobi, March 3, 2021. The protest followed strikes near Ethiopia."
	at := func(s string) sitrep.Span {
		i := strings.Index(text, s)
		return sitrep.Span{Start: i, End: i + len(s)}
	}
	caps := []sitrep.Caption{{Span: sitrep.Span{Start: 0, End: len(text)}}}
	tx := []sitrep.Timex{{Span: at("March 3, 2021"), Type: "DATE", Precision: sitrep.Day, Value: "2021-03-03"}}
	places := []sitrep.Place{{Span: at("Nairobi"), Name: "Nairobi", Resolution: "city"}, {Span: at("Ethiopia"), Name: "Ethiopia", Resolution: "country"}}
	fillCaptions(caps, tx, places)
	if caps[0].Place != "Nairobi" || caps[0].Date != "2021-03-03" {
		t.Errorf("caption place %q date %q, want Nairobi 2021-03-03", caps[0].Place, caps[0].Date)
	}
}
