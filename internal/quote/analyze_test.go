package quote

import (
	"os"
	"strings"
	"sync"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/entity"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
	"github.com/sitrep-project/sitrep/internal/text"
)

var (
	setupOnce  sync.Once
	analyzer   *text.Analyzer
	recognizer *entity.Recognizer
	setupErr   error
)

// analyze runs the text and entity stages on s.
func analyze(tb testing.TB, s string) (*sitrep.Doc, []sitrep.Entity) {
	tb.Helper()
	setupOnce.Do(func() {
		if analyzer, setupErr = text.NewAnalyzer(); setupErr != nil {
			return
		}
		recognizer, setupErr = entity.New(nil)
	})
	if setupErr != nil {
		tb.Fatalf("text analyzer: %v", setupErr)
	}
	doc := analyzer.Analyze(&sitrep.Article{ID: "t", Text: s}, nil)
	return doc, recognizer.Recognize(doc)
}

// seedText returns the seed article without its " date YYYY-MM-DD " prefix.
func seedText(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile(sitreptest.SeedPath(tb))
	if err != nil {
		tb.Fatalf("read seed: %v", err)
	}
	s := string(b)
	if strings.HasPrefix(s, " date ") && len(s) >= len(" date 2020-01-03 ") {
		s = s[len(" date 2020-01-03 "):]
	}
	return s
}
