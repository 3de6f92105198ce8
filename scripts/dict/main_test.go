package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

// TestGeneratedInSync regenerates the Phoenix-derived dictionaries and
// compares them with the committed ones, so a change to the converter
// cannot leave internal/dict/data stale.
func TestGeneratedInSync(t *testing.T) {
	phoenix := filepath.Join(sitreptest.SharedDir(t), "dictionaries", "phoenix")
	out := t.TempDir()
	if err := run(phoenix, out); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"verbs.txt", "actors.txt", "agents.txt", "discards.txt"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", "internal", "dict", "data", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("internal/dict/data/%s is not what `go run ./scripts/dict` generates; regenerate it", name)
		}
	}
}
