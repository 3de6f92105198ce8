package quote

import (
	"strings"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
)

func TestTrimSpan(t *testing.T) {
	text := `He said: “We will stay.” Then`
	tests := []struct {
		sp   sitrep.Span
		want string
	}{
		{sitrep.Span{Start: 7, End: strings.Index(text, " Then")}, "We will stay"},
		{sitrep.Span{Start: 0, End: 2}, "He"},
		{sitrep.Span{Start: 7, End: 9}, ""},
		{sitrep.Span{Start: 5, End: 500}, ""},
	}
	for _, tt := range tests {
		got := trimSpan(text, tt.sp)
		if s := text[got.Start:got.End]; s != tt.want {
			t.Errorf("trimSpan(%v) = %q, want %q", tt.sp, s, tt.want)
		}
	}
}

// FuzzEvaluate feeds gold lines with arbitrary offsets and predicted
// spans: Evaluate must not panic and its figures must stay in range.
func FuzzEvaluate(f *testing.F) {
	f.Add(`{"id":"a","text":"Zoë said “hi.”","quotes":[{"source":{"start":0,"end":3},"cue":{"start":4,"end":8},"content":{"start":10,"end":13}}]}`, 9, 14)
	f.Add(`{"id":"b","text":"x","quotes":[{"content":{"start":-1,"end":99}}]}`, 0, 1)
	f.Fuzz(func(t *testing.T, line string, start, end int) {
		gold, err := ReadGold(strings.NewReader(line))
		if err != nil {
			return
		}
		s, err := Evaluate(gold, func(a *sitrep.Article) ([]sitrep.Quote, error) {
			sp := sitrep.Span{Start: start, End: end}
			return []sitrep.Quote{{Span: sp, SpeakerSpan: &sp, VerbSpan: &sp}}, nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []float64{s.P, s.R, s.F1, s.ExactF1, s.SpeakerAcc, s.CueAcc} {
			if v < 0 || v > 1 {
				t.Fatalf("figure %v out of range: %+v", v, s)
			}
		}
		if s.Matched > s.Gold || s.Matched > s.Predicted || s.Exact > s.Gold {
			t.Fatalf("counts inconsistent: %+v", s)
		}
	})
}
