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

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/pipeline"
)

// inputFlags are the flags shared by commands that read articles.
type inputFlags struct {
	date    string
	format  string
	workers int
	dicts   multiFlag
}

func (f *inputFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.date, "date", "", "publication date `YYYY-MM-DD` of plain-text articles")
	fs.StringVar(&f.format, "format", "auto", "input format: auto, seed, text or jsonl")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "articles processed in parallel")
	fs.Var(&f.dicts, "dict", "directory of extra dictionaries layered over the defaults (repeatable)")
}

func (f *inputFlags) options() (ingest.Options, error) {
	format, err := ingest.ParseFormat(f.format)
	if err != nil {
		return ingest.Options{}, fmt.Errorf("%w: --format: %v", errUsage, err)
	}
	if f.date != "" && !validDate(f.date) {
		return ingest.Options{}, fmt.Errorf("%w: --date %q: want YYYY-MM-DD", errUsage, f.date)
	}
	return ingest.Options{Format: format, Date: f.date}, nil
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
	}
	return fs
}

// parseFlags parses args, turning -h into a clean exit and other flag
// errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) (help bool, err error) {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return true, nil
		}
		return false, fmt.Errorf("%w: %v", errUsage, err)
	}
	return false, nil
}

// summary counts what happened to a batch of input.
type summary struct {
	articles, failed, skipped, warned int
}

func (s summary) String() string {
	return fmt.Sprintf("%d articles extracted, %d input problems (%d inputs skipped, %d articles kept with a warning), %d articles failed",
		s.articles, s.skipped+s.warned, s.skipped, s.warned, s.failed)
}

func (s summary) err() error {
	if s.failed+s.skipped+s.warned > 0 {
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
	p, err := pipeline.New(pipeline.Config{DictDirs: in.dicts})
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
	err = process(ctx, m, p, in.workers, opts, fs.Args(), &sum, -1, func(res *sitrep.Result) error {
		if *withText {
			res.Text = res.Article.Text
		}
		return enc.Encode(res)
	})
	if ferr := bw.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("extract: write output: %w", ferr)
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(m.Stderr, "sitrep:", sum)
	return sum.err()
}

// process reads paths and runs the pipeline over every article, reporting
// input problems on stderr and calling emit for each result in input order.
//
// At most maxReports input problems are printed one by one (all when
// maxReports < 0); the rest are only counted in the summary.
func process(ctx context.Context, m *Main, p pipeline.Processor, workers int, opts ingest.Options, paths []string, sum *summary, maxReports int, emit func(*sitrep.Result) error) error {
	parent := ctx
	arts := make(chan *sitrep.Article, 2*workers)
	readErr := make(chan error, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	reader := ingest.NewReader(opts, m.Stdin)
	var inputProblems []*ingest.Error
	go func() {
		defer close(arts)
		readErr <- reader.Read(ctx, paths, func(it ingest.Item) error {
			if it.Err != nil {
				inputProblems = append(inputProblems, it.Err)
				if maxReports < 0 || len(inputProblems) <= maxReports {
					fmt.Fprintln(m.Stderr, "sitrep: input:", it.Err)
				}
			}
			if it.Article == nil {
				return nil
			}
			select {
			case arts <- it.Article:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	err := pipeline.Run(ctx, p, workers, arts, func(o pipeline.Outcome) error {
		if o.Err != nil {
			if ctx.Err() != nil && errors.Is(o.Err, context.Canceled) {
				// Stopped on purpose (bench --limit, interrupt): the
				// article was not processed, which is no failure of it.
				return nil
			}
			sum.failed++
			fmt.Fprintf(m.Stderr, "sitrep: %s (article %s): %v\n", o.Article.Origin, o.Article.ID, o.Err)
			return nil
		}
		sum.articles++
		return emit(o.Result)
	})
	cancel()
	rerr := <-readErr
	for _, e := range inputProblems {
		if e.Skipped {
			sum.skipped++
		} else {
			sum.warned++
		}
	}
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
