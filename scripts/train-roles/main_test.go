package main

import (
	"bytes"
	"os"
	"testing"

	"github.com/sitrep-project/sitrep/internal/sitreptest"
)

// TestShippedRoles checks that internal/event/roles.txt is what this
// script writes: training is deterministic, and the chooser must be
// regenerated when the tree or chunk readings, the parser or the stages
// before the coder change.
func TestShippedRoles(t *testing.T) {
	gold := sitreptest.SharedFile(t, "gold/train/events-plv-train.jsonl")
	c, n, err := train(gold)
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Errorf("%d role samples, want at least 100", n)
	}
	var got bytes.Buffer
	if _, err := c.WriteTo(&got); err != nil {
		t.Fatal(err)
	}
	shipped, err := os.ReadFile("../../internal/event/roles.txt")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), shipped) {
		t.Errorf("internal/event/roles.txt differs from a retrain: run go run ./scripts/train-roles")
	}
}
