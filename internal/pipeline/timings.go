package pipeline

import (
	"sync/atomic"
	"time"
)

// Stage names, in pipeline order.
var stageNames = [...]string{"text", "caption", "parse", "entity", "timex", "quote", "casualty", "geo", "event"}

const (
	stText = iota
	stCaption
	stParse
	stEntity
	stTimex
	stQuote
	stCasualty
	stGeo
	stEvent
	numStages
)

// Timings accumulates the time spent in each stage across all articles and
// workers. The zero value is ready to use and safe for concurrent use.
type Timings struct {
	ns     [numStages]atomic.Int64
	parsed atomic.Int64
}

func (t *Timings) add(stage int, since time.Time) {
	if t != nil {
		t.ns[stage].Add(int64(time.Since(since)))
	}
}

// addParsed records an event stage that took d, of which parsing the n
// sentences whose trees the coder read took parse.
func (t *Timings) addParsed(d, parse time.Duration, n int) {
	if t != nil {
		t.ns[stEvent].Add(int64(d - parse))
		t.ns[stParse].Add(int64(parse))
		t.parsed.Add(int64(n))
	}
}

// Parsed returns the number of sentences parsed: those whose trees the
// event coder read.
func (t *Timings) Parsed() int64 { return t.parsed.Load() }

// StageTime is the total time spent in one stage.
type StageTime struct {
	Name string
	Time time.Duration
}

// Stages returns the time per stage in pipeline order.
func (t *Timings) Stages() []StageTime {
	out := make([]StageTime, numStages)
	for i := range out {
		out[i] = StageTime{stageNames[i], time.Duration(t.ns[i].Load())}
	}
	return out
}

// Total returns the time summed over all stages.
func (t *Timings) Total() time.Duration {
	var d time.Duration
	for i := range t.ns {
		d += time.Duration(t.ns[i].Load())
	}
	return d
}
