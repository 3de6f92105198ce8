package entity_test

import (
	"os"
	"strings"
	"sync"
	"testing"

	sitrep "github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/caption"
	"github.com/sitrep-project/sitrep/internal/dict"
	"github.com/sitrep-project/sitrep/internal/entity"
	"github.com/sitrep-project/sitrep/internal/geo"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
	"github.com/sitrep-project/sitrep/internal/text"
)

// env holds what the tests share: the text stage, the pipeline's Lexicon
// (the one the model is trained with) and recognizers with and without it.
type env struct {
	an      *text.Analyzer
	lex     *pipeline.Lexicon
	r, rNil *entity.Recognizer
}

var (
	envOnce sync.Once
	envVal  env
	envErr  error
)

func testEnv(tb testing.TB) *env {
	tb.Helper()
	envOnce.Do(func() {
		e := &envVal
		if e.an, envErr = text.NewAnalyzer(); envErr != nil {
			return
		}
		gaz, err := geo.Load()
		if err != nil {
			envErr = err
			return
		}
		d, err := dict.LoadDefault()
		if err != nil {
			envErr = err
			return
		}
		capt, err := caption.NewDetector()
		if err != nil {
			envErr = err
			return
		}
		e.lex = pipeline.NewLexicon(gaz, d, capt)
		if e.r, envErr = entity.New(e.lex); envErr != nil {
			return
		}
		e.rNil, envErr = entity.New(nil)
	})
	if envErr != nil {
		tb.Fatal(envErr)
	}
	return &envVal
}

func (e *env) analyze(s string) *sitrep.Doc {
	return e.an.Analyze(&sitrep.Article{ID: "t", Text: s}, nil)
}

// readTagged reads a CoNLL file of ../shared and tags it as the text
// stage does.
func (e *env) readTagged(tb testing.TB, rel string) []entity.LabeledDoc {
	tb.Helper()
	f, err := os.Open(sitreptest.SharedFile(tb, rel))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	docs, err := entity.ReadCoNLL(f, rel)
	if err != nil {
		tb.Fatal(err)
	}
	for _, d := range docs {
		for si := range d.Doc.Sentences {
			e.an.Tag(d.Doc.Sentences[si].Tokens)
		}
	}
	return docs
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
