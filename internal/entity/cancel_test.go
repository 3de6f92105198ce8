package entity_test

import (
	"context"
	"errors"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
	"reflect"
	"strings"
	"testing"
)

// TestRecognizeContext: cancellation stops the recognizer between
// sentences, not only before or after it; uncancelled, it finds what
// Recognize finds.
func TestRecognizeContext(t *testing.T) {
	e := testEnv(t)
	doc := e.analyze(strings.Repeat("Police in Kano arrested John Smith on Monday. The United Nations condemned it. ", 20))
	want := e.r.Recognize(doc)
	got, err := e.r.RecognizeContext(context.Background(), doc)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("uncancelled: %v, %d entities, want %d", err, len(got), len(want))
	}
	for _, n := range []int{0, 1, len(doc.Sentences), 2*len(doc.Sentences) - 1} {
		ctx := &sitreptest.Countdown{Context: context.Background(), N: n}
		if ents, err := e.r.RecognizeContext(ctx, doc); !errors.Is(err, context.Canceled) || ents != nil {
			t.Errorf("done after %d checks of %d sentences: %d entities, err %v; want none and context.Canceled", n, len(doc.Sentences), len(ents), err)
		}
	}
}
