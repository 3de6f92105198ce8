package geo

import (
	"os"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

func TestLGL(t *testing.T) {
	path := sitreptest.SharedFile(t, "gold/dev/geo-lgl.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := Evaluate(f, NewParser(testGaz(t)), testDoc)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(m)
}

func parseText(t testing.TB, text string) []sitrep.Place {
	return NewParser(testGaz(t)).Parse(testDoc(&sitrep.Article{Text: text}), nil)
}
