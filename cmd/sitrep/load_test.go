package main

import (
	"runtime/debug"
	"testing"

	"github.com/sitrep-project/sitrep/internal/pipeline"
)

// TestNewPipelineRestoresGC checks that loading leaves the garbage
// collector as it found it.
func TestNewPipelineRestoresGC(t *testing.T) {
	orig := debug.SetGCPercent(77)
	defer debug.SetGCPercent(orig)
	if _, err := newPipeline(pipeline.Config{}); err != nil {
		t.Fatal(err)
	}
	if got := debug.SetGCPercent(77); got != 77 {
		t.Errorf("GC percent after loading %d, want 77", got)
	}
}
