package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/pipeline"
)

func (m *Main) bench(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "bench", "[PATH...]",
		"Runs the whole extraction over a corpus (default: ../shared/corpus/bench), discards the\noutput and reports articles/s, MB/s, sentences/s, events and peak memory, with the time\nspent in each stage.")
	var in inputFlags
	in.register(fs)
	limit := fs.Int("limit", 0, "stop after `N` articles (0 = all)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to `FILE`")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	paths := fs.Args()
	if len(paths) == 0 {
		def := filepath.Join("..", "shared", "corpus", "bench")
		if _, err := os.Stat(def); err != nil {
			return fmt.Errorf("%w: bench needs a PATH (no %s here)", errUsage, def)
		}
		paths = []string{def}
	}
	opts, err := in.options()
	if err != nil {
		return err
	}
	loadStart := time.Now()
	var timings pipeline.Timings
	cfg := in.config()
	cfg.Timings = &timings
	p, err := newPipeline(cfg)
	if err != nil {
		return err
	}
	loadTime := time.Since(loadStart)

	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer pprof.StopCPUProfile()
	}

	var peakHeap atomic.Uint64
	stopSampler := sampleHeap(&peakHeap)
	defer stopSampler()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var sum summary
	var bytes, sentences, events, entities int
	start := time.Now()
	rep := &reporter{warn: newWarnings(m.Stderr, warningsShown), bar: &progress{}}
	defer rep.done()
	err = process(ctx, m, p, in.run(), opts, paths, &sum, rep, nil, func(res *sitrep.Result) error {
		bytes += len(res.Article.Text)
		events += len(res.Events)
		entities += len(res.Entities)
		sentences += res.Stats.Sentences
		if *limit > 0 && sum.articles >= *limit {
			cancel()
		}
		return nil
	})
	elapsed := time.Since(start)
	if err != nil && ctx.Err() == nil {
		return err
	}
	stopSampler()

	secs := elapsed.Seconds()
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	w := m.Stdout
	fmt.Fprintf(w, "sitrep bench: %d articles, %.1f MB, %d sentences in %.2fs with %d workers (GOMAXPROCS %d)\n",
		sum.articles, float64(bytes)/1e6, sentences, secs, in.workers, runtime.GOMAXPROCS(0))
	fmt.Fprintf(w, "  throughput: %.0f articles/s, %.2f MB/s, %.0f sentences/s\n",
		float64(sum.articles)/secs, float64(bytes)/1e6/secs, float64(sentences)/secs)
	fmt.Fprintf(w, "  extracted:  %d events, %d entity mentions\n", events, entities)
	if in.parse {
		fmt.Fprintf(w, "  parsed:     %d of %d sentences (%.1f%%): those whose trees the event coder reads\n",
			timings.Parsed(), sentences, 100*float64(timings.Parsed())/float64(max(sentences, 1)))
	}
	// CPU time is steadier than wall time on a machine shared with other
	// work: it is what the throughput would be on idle cores.
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	fmt.Fprintf(w, "  CPU time:   %.2fs (user and system, start-up included), %.3f ms per article\n",
		cpu.Seconds(), 1e3*cpu.Seconds()/float64(max(sum.articles, 1)))
	fmt.Fprintf(w, "  memory:     peak RSS %.0f MB, peak heap %.0f MB; start-up (models, dictionaries, gazetteer) %.0f ms\n",
		float64(ru.Maxrss)/1024, float64(peakHeap.Load())/1e6, float64(loadTime.Milliseconds()))
	fmt.Fprintf(w, "  stage CPU time (summed over workers):\n")
	total := timings.Total()
	for _, st := range timings.Stages() {
		if st.Time == 0 {
			continue // a stage that is off (parse without --parse)
		}
		fmt.Fprintf(w, "    %-9s %8.2fs %5.1f%%  %10.0f sentences/s per core\n", st.Name, st.Time.Seconds(),
			100*st.Time.Seconds()/max(total.Seconds(), 1e-9), float64(sentences)/max(st.Time.Seconds(), 1e-9))
	}
	fmt.Fprintf(m.Stderr, "sitrep: %s\n", sum)
	return nil
}

// sampleHeap records the peak of live heap memory every 10 ms until the
// returned function is called.
func sampleHeap(peak *atomic.Uint64) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	var stopped bool
	return func() {
		if !stopped {
			stopped = true
			close(done)
			<-finished
		}
	}
}
