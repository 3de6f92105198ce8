package pipeline

import (
	"testing"

	"github.com/sitrep-project/sitrep"
)

func TestNumberSentences(t *testing.T) {
	sents := []sitrep.Sentence{{Span: sitrep.Span{Start: 0, End: 10}}, {Span: sitrep.Span{Start: 11, End: 30}}, {Span: sitrep.Span{Start: 32, End: 50}}}
	tests := []struct {
		start int
		want  int
	}{
		{0, 1},  // the first sentence
		{11, 2}, // the start of the second
		{20, 2}, // inside the second (a caption or clause)
		{32, 3},
		{60, 3}, // past the last
	}
	evs := make([]sitrep.Event, len(tests))
	for i, tt := range tests {
		evs[i].Evidence.Start = tt.start
	}
	numberSentences(evs, sents)
	for i, tt := range tests {
		if got := evs[i].Evidence.SentenceNum; got != tt.want {
			t.Errorf("evidence at %d: sentence %d, want %d", tt.start, got, tt.want)
		}
	}
	none := []sitrep.Event{{}}
	if numberSentences(none, nil); none[0].Evidence.SentenceNum != 0 {
		t.Errorf("no sentences: %d, want 0", none[0].Evidence.SentenceNum)
	}
}
