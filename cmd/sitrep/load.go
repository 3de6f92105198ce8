package main

import (
	"runtime/debug"
	"sync"

	"github.com/sitrep-project/sitrep/internal/pipeline"
)

// loadMu serializes newPipeline, so that one load's pause of the garbage
// collector never outlives another's.
var loadMu sync.Mutex

// newPipeline builds the pipeline with the garbage collector paused.
// Loading allocates some 60 MB of dictionaries, models and tables that
// live as long as the process; collecting while a fresh heap grows to them
// finds next to no garbage and cost about half of the start-up
// (`sitrep bench --limit 1`: 285–328 ms, 155–166 ms with GOGC=off).
func newPipeline(cfg pipeline.Config) (*pipeline.Pipeline, error) {
	loadMu.Lock()
	defer loadMu.Unlock()
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	return pipeline.New(cfg)
}
