package text

import (
	"context"
	"errors"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
	"reflect"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
)

// TestAnalyzeContext: cancellation stops the analysis between sentences;
// uncancelled, it gives what Analyze gives.
func TestAnalyzeContext(t *testing.T) {
	a := testAnalyzer(t)
	art := &sitrep.Article{Text: strings.Repeat("Police arrested 12 men in Kano. Officials said so.\n\n", 10)}
	want := a.Analyze(art, nil)
	got, err := a.AnalyzeContext(context.Background(), art, nil)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("uncancelled: %v, %d sentences, want %d", err, len(got.Sentences), len(want.Sentences))
	}
	for _, n := range []int{0, 1, len(want.Sentences) - 1} {
		ctx := &sitreptest.Countdown{Context: context.Background(), N: n}
		if doc, err := a.AnalyzeContext(ctx, art, nil); !errors.Is(err, context.Canceled) || doc != nil {
			t.Errorf("done after %d checks of %d sentences: doc %v, err %v; want none and context.Canceled", n, len(want.Sentences), doc != nil, err)
		}
	}
}
