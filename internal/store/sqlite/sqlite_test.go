package sqlite_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
	"github.com/sitrep-project/sitrep/internal/store/storetest"
)

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "sitrep.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestConformanceMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := sqlite.Open(context.Background(), ":memory:")
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// TestTextQuery checks the FTS5 side of full-text queries: plain words
// with punctuation work, FTS5 syntax passes through, and syntax errors
// are query errors on the text.
func TestTextQuery(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "sitrep.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rs := storetest.Results(10)
	if _, err := store.PutAll(ctx, s, rs); err != nil {
		t.Fatal(err)
	}
	articles := func(p store.Page) int {
		seen := map[string]bool{}
		for _, e := range p.Events {
			seen[e.ArticleID] = true
		}
		return len(seen)
	}
	for _, tt := range []struct {
		text string
		want int // articles with events matching
	}{
		{"KABUL —", 8},                // punctuation alone is no syntax error
		{"Zürich's", 0},               // a word that is not there
		{"minister said", 8},          // all words, any order
		{`"said of article 3"`, 1},    // a phrase
		{"earthquake OR drought", 3},  // FTS5 operators
		{"report* NOT earthquake", 7}, // prefix and NOT
		{"ceasefires", 1},             // porter stemming
	} {
		p, err := s.Events(ctx, store.Query{Text: tt.text, Limit: store.MaxLimit})
		if err != nil {
			t.Errorf("text %q: %v", tt.text, err)
			continue
		}
		if got := articles(p); got != tt.want {
			t.Errorf("text %q: events of %d articles, want %d", tt.text, got, tt.want)
		}
	}
	var qe *store.QueryError
	if _, err := s.Events(ctx, store.Query{Text: `"unbalanced`}); !errors.As(err, &qe) || qe.Param != "text" {
		t.Errorf("unbalanced quote: %v, want a QueryError on text", err)
	}
}
