//go:build linux

package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
)

// longParagraphs are written for this test: newswire-like paragraphs
// that give every stage work (names, places, dates, quotes, casualties,
// captions). longArticle varies the names so that an article is not one
// paragraph repeated.
var longParagraphs = []string{
	"Police in %[1]s arrested %[3]d protesters on Monday after clashes near the central market, officials said.",
	"“We will not stop until the government listens,” said %[2]s, a spokesman for the opposition, on Tuesday.",
	"Gunmen killed at least %[3]d people and wounded dozens in an attack on a village outside %[1]s on March 3, 2021, the army said.",
	"The foreign minister met his counterpart from %[4]s in %[1]s to discuss the ceasefire, according to a statement.",
	"%[2]s told reporters that troops had shelled the town of %[1]s for two days before aid workers could reach it.",
	"Residents walk past a damaged building in %[1]s, %[4]s, on Wednesday. AP Photo/%[2]s",
}

var (
	longPlaces  = []string{"Kano", "Mosul", "Aleppo", "Kabul", "Kidal", "Goma", "Lagos", "Sanaa"}
	longNames   = []string{"John Smith", "Amina Bello", "Omar Haddad", "Maria Lopez", "Chen Wei", "Ivan Petrov"}
	longCountry = []string{"Nigeria", "Iraq", "Syria", "Afghanistan", "Mali", "Congo", "Yemen"}
)

// longArticle returns an article text of about n bytes.
func longArticle(n int) string {
	var b strings.Builder
	b.Grow(n + 512)
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteString("\n\n")
		}
		p := longParagraphs[i%len(longParagraphs)]
		j := i / len(longParagraphs)
		fmt.Fprintf(&b, p, longPlaces[j%len(longPlaces)], longNames[j%len(longNames)], 3+j%40, longCountry[j%len(longCountry)])
	}
	return b.String()
}

var (
	timedOnce sync.Once
	timedPipe *Pipeline
	timedErr  error
	timings   Timings
)

// BenchmarkPerMB measures extraction cost per MB of article text on
// generated articles of 10 KB to 10 MB, in total and per stage: with
// linear cost the figures stay flat across sizes. cpu-s/MB is the CPU
// time of the thread running the pipeline (Process starts no goroutines;
// background garbage collection is left out), which other load on the
// machine does not inflate; the per-stage figures are wall time.
// Run it with
//
//	go test ./internal/pipeline -run '^$' -bench PerMB -benchtime 1x
func BenchmarkPerMB(b *testing.B) {
	timedOnce.Do(func() { timedPipe, timedErr = New(Config{Timings: &timings}) })
	if timedErr != nil {
		b.Fatal(timedErr)
	}
	for _, size := range []struct {
		name string
		n    int
	}{{"10KB", 10 << 10}, {"100KB", 100 << 10}, {"1MB", 1 << 20}, {"10MB", 10 << 20}} {
		b.Run(size.name, func(b *testing.B) {
			art := &sitrep.Article{ID: "long", Published: "2021-03-05", Text: longArticle(size.n)}
			mb := float64(len(art.Text)) / (1 << 20)
			// Small articles run several times per op, so that each op
			// does about the same work.
			reps := max(1, (1<<20)/len(art.Text))
			runtime.LockOSThread()
			defer runtime.UnlockOSThread()
			before := timings.Stages()
			cpu := cpuTime(b)
			b.SetBytes(int64(len(art.Text) * reps))
			for b.Loop() {
				for range reps {
					if _, err := timedPipe.Process(context.Background(), art); err != nil {
						b.Fatal(err)
					}
				}
			}
			total := mb * float64(reps*b.N)
			b.ReportMetric(b.Elapsed().Seconds()/total, "s/MB")
			b.ReportMetric((cpuTime(b)-cpu).Seconds()/total, "cpu-s/MB")
			for i, st := range timings.Stages() {
				b.ReportMetric((st.Time-before[i].Time).Seconds()/total, st.Name+"-s/MB")
			}
		})
	}
}

// rusageThread is Linux's RUSAGE_THREAD.
const rusageThread = 1

// cpuTime is the user and system CPU time of the calling thread so far.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestLongArticle checks that the generated article gives every stage
// something to find, so that the benchmark measures real work.
func TestLongArticle(t *testing.T) {
	res, err := testPipeline(t).Process(context.Background(), &sitrep.Article{ID: "x", Published: "2021-03-05", Text: longArticle(8 << 10)})
	if err != nil {
		t.Fatal(err)
	}
	for what, n := range map[string]int{
		"entities": len(res.Entities), "timexes": len(res.Timexes), "quotes": len(res.Quotes),
		"casualties": len(res.Casualties), "places": len(res.Places), "events": len(res.Events), "captions": len(res.Captions),
	} {
		if n == 0 {
			t.Errorf("no %s in the generated article", what)
		}
	}
}
