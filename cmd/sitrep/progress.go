package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// warnings prints problems of the same kind a few times, then only counts
// them; Summary says how many of each kind were not printed.
type warnings struct {
	mu    sync.Mutex
	w     io.Writer
	shown int // per kind
	kinds map[string]*kindCount
	order []string
	// before, when set, is called before a line is printed (to clear a
	// progress bar).
	before func()
}

type kindCount struct {
	n       int
	example string
}

func newWarnings(w io.Writer, shown int) *warnings {
	return &warnings{w: w, shown: shown, kinds: map[string]*kindCount{}}
}

// kindRe finds what varies between problems of one kind: file names and
// places (before ": "), quoted text, numbers.
var kindRe = regexp.MustCompile(`"[^"]*"|'[^']*'|[0-9]+`)

// warnKind is the kind of a problem: its reason with quoted text and
// numbers blanked.
func warnKind(reason string) string { return kindRe.ReplaceAllString(reason, "#") }

// add prints line (about a problem whose reason is reason) unless its
// kind was printed often enough.
func (w *warnings) add(reason, line string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	k := warnKind(reason)
	c := w.kinds[k]
	if c == nil {
		c = &kindCount{example: reason}
		w.kinds[k] = c
		w.order = append(w.order, k)
	}
	c.n++
	if w.shown < 0 || c.n <= w.shown {
		if w.before != nil {
			w.before()
		}
		fmt.Fprintln(w.w, line)
	}
}

// summary prints, for each kind with problems not printed, how many
// there were in all.
func (w *warnings) summary() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.shown < 0 {
		return
	}
	keys := append([]string(nil), w.order...)
	sort.SliceStable(keys, func(i, j int) bool { return w.kinds[keys[i]].n > w.kinds[keys[j]].n })
	for _, k := range keys {
		if c := w.kinds[k]; c.n > w.shown {
			fmt.Fprintf(w.w, "sitrep: ... and %d more like: %s (%d in all)\n", c.n-w.shown, c.example, c.n)
		}
	}
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progress shows a progress bar on a terminal and nothing elsewhere.
type progress struct {
	bar *progressbar.ProgressBar
}

// newProgress returns a bar over total bytes of input (a spinner counting
// items when total <= 0) on w, or an inert one when show is false.
func newProgress(w io.Writer, total int64, desc string, show bool) *progress {
	if !show {
		return &progress{}
	}
	opts := []progressbar.Option{
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(desc),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(100 * time.Millisecond),
		progressbar.OptionShowElapsedTimeOnFinish(),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetRenderBlankState(true),
	}
	if total > 0 {
		opts = append(opts, progressbar.OptionShowBytes(true), progressbar.OptionSetPredictTime(true))
	} else {
		opts = append(opts, progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("items"),
			progressbar.OptionSpinnerType(14))
		total = -1
	}
	return &progress{bar: progressbar.NewOptions64(total, opts...)}
}

// add advances the bar by n (bytes or items).
func (p *progress) add(n int64) {
	if p.bar != nil {
		p.bar.Add64(n)
	}
}

// describe sets the text before the bar.
func (p *progress) describe(s string) {
	if p.bar != nil {
		p.bar.Describe(s)
	}
}

// clear wipes the bar so a line can be printed; the next update draws it
// again.
func (p *progress) clear() {
	if p.bar != nil {
		p.bar.Clear()
	}
}

// finish removes the bar.
func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
		p.bar.Clear()
	}
}

// inputSize is the total size of the regular files under paths ("-"
// counts nothing), for a progress bar over bytes.
func inputSize(paths []string) int64 {
	var total int64
	for _, p := range paths {
		if p == "-" {
			return 0
		}
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			total += st.Size()
			continue
		}
		total += dirSize(p, 0)
	}
	return total
}

func dirSize(dir string, depth int) int64 {
	if depth > 64 {
		return 0
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	var total int64
	for _, e := range ents {
		p := filepath.Join(dir, e.Name())
		if e.IsDir() {
			total += dirSize(p, depth+1)
		} else if info, err := e.Info(); err == nil && info.Mode().IsRegular() {
			total += info.Size()
		}
	}
	return total
}

// reporter is what a command that reads articles tells people while it
// runs: warnings, a few of each kind, and a progress bar on a terminal.
type reporter struct {
	warn  *warnings
	bar   *progress
	bytes bool // the bar counts input bytes (else articles)
	once  sync.Once
}

// warningsShown is how many problems of one kind are printed.
const warningsShown = 5

// newReporter returns the reporter of a command reading paths. The bar
// shows only when stderr is a terminal and stdout is not (or the output
// goes to a file: toFile).
func (m *Main) newReporter(paths []string, desc string, toFile bool) *reporter {
	show := isTerminal(m.Stderr) && (toFile || !isTerminal(m.Stdout) || desc != "extract")
	total := int64(0)
	if show {
		total = inputSize(paths)
	}
	r := &reporter{warn: newWarnings(m.Stderr, warningsShown), bar: newProgress(m.Stderr, total, desc, show), bytes: total > 0}
	r.warn.before = r.bar.clear
	return r
}

// done removes the bar and prints the counts of warnings not shown.
func (r *reporter) done() {
	r.once.Do(func() {
		r.bar.finish()
		r.warn.summary()
	})
}
