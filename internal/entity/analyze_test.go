package entity

import (
	"sync"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/text"
)

var (
	analyzerOnce sync.Once
	analyzer     *text.Analyzer
	analyzerErr  error
)

func textAnalyzer() *text.Analyzer {
	analyzerOnce.Do(func() { analyzer, analyzerErr = text.NewAnalyzer() })
	if analyzerErr != nil {
		panic(analyzerErr) // tests only: the embedded model must load
	}
	return analyzer
}

// analyze runs the text stage on s.
func analyze(s string) *sitrep.Doc {
	return textAnalyzer().Analyze(&sitrep.Article{ID: "t", Text: s}, nil)
}
