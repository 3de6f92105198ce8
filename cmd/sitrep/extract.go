package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/pipeline"
)

// inputFlags are the flags shared by commands that read articles.
type inputFlags struct {
	date      string
	format    string
	workers   int
	dicts     multiFlag
	noDefault bool
	maxBytes  int
	budget    time.Duration
	parse     bool
}

func (f *inputFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.date, "date", "", "publication date `YYYY-MM-DD` of plain-text articles (and of pages without one); without it their relative dates stay unresolved (warned once)")
	fs.StringVar(&f.format, "format", "auto", "input format: auto, seed, text, jsonl, html or warc")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "articles processed in parallel")
	fs.Var(&f.dicts, "dict", "directory of extra dictionaries layered over the defaults (repeatable)")
	fs.BoolVar(&f.noDefault, "no-default-dicts", false, "use only the --dict directories, not the embedded defaults (nor the event typer, which was trained with them)")
	fs.IntVar(&f.maxBytes, "max-bytes", ingest.DefaultMaxArticleBytes, "longest article text in `BYTES`; a longer one is cut at a sentence boundary, with a warning")
	fs.DurationVar(&f.budget, "budget", time.Minute, "time one article may take (0 = no limit); an article over it fails alone")
	fs.BoolVar(&f.parse, "parse", false, "code events from dependency trees where a tree can change them, parsing those sentences (experimental)")
}

func (f *inputFlags) options() (ingest.Options, error) {
	format, err := ingest.ParseFormat(f.format)
	if err != nil {
		return ingest.Options{}, fmt.Errorf("%w: --format: %v", errUsage, err)
	}
	if f.date != "" && !validDate(f.date) {
		return ingest.Options{}, fmt.Errorf("%w: --date %q: want YYYY-MM-DD", errUsage, f.date)
	}
	if f.maxBytes < 1 {
		return ingest.Options{}, fmt.Errorf("%w: --max-bytes %d: want at least 1", errUsage, f.maxBytes)
	}
	if f.budget < 0 {
		return ingest.Options{}, fmt.Errorf("%w: --budget %s: want 0 or more", errUsage, f.budget)
	}
	if f.noDefault && len(f.dicts) == 0 {
		return ingest.Options{}, fmt.Errorf("%w: --no-default-dicts needs at least one --dict", errUsage)
	}
	return ingest.Options{Format: format, Date: f.date, MaxArticleBytes: f.maxBytes}, nil
}

// config returns the pipeline configuration the flags ask for.
func (f *inputFlags) config() pipeline.Config {
	return pipeline.Config{DictDirs: f.dicts, NoDefaultDicts: f.noDefault, Parse: f.parse}
}

// run returns the options of pipeline.Run.
func (f *inputFlags) run() pipeline.RunOptions {
	return pipeline.RunOptions{Workers: f.workers, Budget: f.budget}
}

type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

func newFlagSet(m *Main, name, args, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(m.Stderr, "Usage: sitrep %s [flags] %s\n\n%s\n\nFlags:\n", name, args, summary)
		fs.PrintDefaults()
		fmt.Fprint(m.Stderr, exitCodes)
	}
	return fs
}

// parseFlags parses args, turning -h into a clean exit and other flag
// errors into usage errors. Flags may come before or after the positional
// arguments ("sitrep bench PATH --limit 10"); "--" ends them.
func parseFlags(fs *flag.FlagSet, args []string) (help bool, err error) {
	if err := fs.Parse(flagsFirst(fs, args)); err != nil {
		if err == flag.ErrHelp {
			return true, nil
		}
		return false, fmt.Errorf("%w: %v", errUsage, err)
	}
	return false, nil
}

// flagsFirst moves the flags of args, with their values, before the
// positional arguments, which follow a "--" so that none is read as a
// flag. A flag fs does not know is moved alone: fs.Parse reports it.
func flagsFirst(fs *flag.FlagSet, args []string) []string {
	var flags, pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			pos = append(pos, args[i+1:]...)
			break
		}
		if len(a) < 2 || a[0] != '-' {
			pos = append(pos, a) // "-" is standard input
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if i+1 < len(args) {
			i++
			flags = append(flags, args[i])
		}
	}
	return append(append(flags, "--"), pos...)
}

// summary counts what happened to a batch of input.
type summary struct {
	articles, failed, skipped, warned int
	// unchanged counts articles already stored, not extracted again.
	unchanged int
}

func (s summary) String() string {
	already := ""
	if s.unchanged > 0 {
		already = fmt.Sprintf(" (%d more already stored, not extracted again)", s.unchanged)
	}
	return fmt.Sprintf("%d articles extracted%s, %d input problems (%d inputs skipped, %d articles kept with a warning), %d articles failed",
		s.articles, already, s.skipped+s.warned, s.skipped, s.warned, s.failed)
}

// err is errSomeFailed when some input could not be processed: an input
// skipped or an article failed. Articles kept with a warning (a missing
// date, a text cut at the size limit) were processed: they do not count.
func (s summary) err() error {
	if s.failed+s.skipped > 0 {
		return errSomeFailed
	}
	return nil
}

func (m *Main) extract(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "extract", "PATH...",
		"Reads articles from files, directories (recursively) or - (stdin) and writes one JSON\nobject per article to stdout (see 'sitrep schema'). Problems with the input are\nreported on stderr with file and line; the rest of the batch goes on, and the exit\ncode is 1 if anything failed.")
	var in inputFlags
	in.register(fs)
	pretty := fs.Bool("pretty", false, "indent the JSON output")
	out := fs.String("o", "", "write output to `FILE` instead of stdout")
	withText := fs.Bool("text", false, "include each article's text in the output")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: extract needs at least one PATH (or - for stdin)", errUsage)
	}
	opts, err := in.options()
	if err != nil {
		return err
	}
	p, err := newPipeline(in.config())
	if err != nil {
		return err
	}

	var w io.Writer = m.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("extract: %w", err)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if *pretty {
		enc.SetIndent("", "  ")
	}

	var sum summary
	rep := m.newReporter(fs.Args(), "extract", *out != "")
	defer rep.done()
	err = process(ctx, m, p, in.run(), opts, fs.Args(), &sum, rep, nil, func(res *sitrep.Result) error {
		if *withText {
			res.Text = res.Article.Text
		}
		return enc.Encode(res)
	})
	if ferr := bw.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("extract: write output: %w", ferr)
	}
	if err != nil {
		rep.done()
		if ctx.Err() != nil {
			fmt.Fprintln(m.Stderr, "sitrep: interrupted:", sum)
		}
		return err
	}
	rep.done()
	fmt.Fprintln(m.Stderr, "sitrep:", sum)
	return sum.err()
}

// process reads paths and runs the pipeline over every article, reporting
// input problems on stderr and calling emit for each result in input order.
// skip, when not nil, is asked about each article before it is processed:
// an article it returns true for is counted as unchanged and not
// processed.
//
// Problems are printed through rep (a few of each kind, then a count),
// which also moves its progress bar.
//
// When ctx is done, process returns at once with ctx's error, after every
// article finished before has been emitted.
func process(ctx context.Context, m *Main, p pipeline.Processor, run pipeline.RunOptions, opts ingest.Options, paths []string, sum *summary, rep *reporter, skip func(*sitrep.Article) (bool, error), emit func(*sitrep.Result) error) error {
	if rep.bytes {
		opts.Progress = rep.bar.add
	}
	parent := ctx
	arts := make(chan *sitrep.Article, 2*max(run.Workers, 1))
	readErr := make(chan error, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	reader := ingest.NewReader(opts, m.Stdin)
	// The reader may still be blocked in a read (of stdin) when process
	// returns on a signal: what it shares is guarded.
	var mu sync.Mutex
	var inputProblems []*ingest.Error
	var skipped int
	go func() {
		defer close(arts)
		readErr <- reader.Read(ctx, paths, func(it ingest.Item) error {
			if it.Err != nil {
				mu.Lock()
				inputProblems = append(inputProblems, it.Err)
				mu.Unlock()
				rep.warn.add(it.Err.Reason, "sitrep: input: "+it.Err.Error())
			}
			if it.Article == nil {
				return nil
			}
			if skip != nil {
				done, err := skip(it.Article)
				if err != nil {
					return err
				}
				if done {
					mu.Lock()
					skipped++
					mu.Unlock()
					return nil
				}
			}
			select {
			case arts <- it.Article:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	err := pipeline.Run(ctx, p, run, arts, func(o pipeline.Outcome) error {
		if o.Err != nil {
			if ctx.Err() != nil && errors.Is(o.Err, context.Canceled) {
				// Stopped on purpose (bench --limit, interrupt): the
				// article was not processed, which is no failure of it.
				return nil
			}
			sum.failed++
			rep.warn.add(o.Err.Error(), fmt.Sprintf("sitrep: %s (article %s): %v", o.Article.Origin, o.Article.ID, o.Err))
			return nil
		}
		sum.articles++
		if !rep.bytes {
			rep.bar.add(1)
		}
		return emit(o.Result)
	})
	cancel()
	var rerr error
	select {
	case rerr = <-readErr:
	case <-parent.Done():
		// Interrupted: do not wait for a read that may never return.
	}
	mu.Lock()
	defer mu.Unlock()
	for _, e := range inputProblems {
		if e.Skipped {
			sum.skipped++
		} else {
			sum.warned++
		}
	}
	sum.unchanged += skipped
	if perr := parent.Err(); perr != nil {
		return perr
	}
	if err != nil {
		return err
	}
	if rerr != nil && !errors.Is(rerr, context.Canceled) {
		return rerr
	}
	return nil
}
