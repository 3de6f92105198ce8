// Command sitrep turns news reports into structured, sourced event data.
//
// Usage:
//
//	sitrep extract [flags] PATH...   extract events, quotes, places, ... as JSON Lines
//	sitrep ingest [flags] PATH...    extract and store in a database
//	sitrep watch [flags] FEED...     follow news feeds into a database
//	sitrep export [flags]            write a database's events in an export format
//	sitrep bench [flags] PATH...     measure throughput and memory on a corpus
//	sitrep ingest [flags] PATH...    extract and store in SQLite or PostgreSQL (--queue: publish to NATS JetStream)
//	sitrep worker [flags]            extract articles from the queue into PostgreSQL (docs/SCALING.md)
//	sitrep situations [flags] PATH... link events and group articles into situations (JSON)
//	sitrep report [flags] PATH...     write a situation report (Markdown, HTML, PDF)
//	sitrep schema                    print the output schema
//	sitrep version                   print the version
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	m := &Main{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
	err := m.Run(ctx, os.Args[1:])
	stop()
	os.Exit(exitCode(m.Stderr, err))
}

// errUsage marks errors in how the command was called.
var errUsage = errors.New("usage")

// errSomeFailed means the command ran but some input could not be read or
// processed cleanly; the details were already printed.
var errSomeFailed = errors.New("some input failed")

func exitCode(stderr io.Writer, err error) int {
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errSomeFailed):
		return 1
	case errors.Is(err, errUsage):
		fmt.Fprintln(stderr, "sitrep:", err)
		return 2
	default:
		fmt.Fprintln(stderr, "sitrep:", err)
		return 1
	}
}

// Main is the sitrep program with its standard streams injected, so tests
// can run it in-process.
type Main struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
}

// command is one sitrep subcommand.
type command struct {
	name    string
	summary string
	run     func(m *Main, ctx context.Context, args []string) error
}

func commands() []command {
	return []command{
		{"extract", "extract events, quotes, places, dates, captions and casualties as JSON Lines", (*Main).extract},
		{"ingest", "run the pipeline and store the results in a database (SQLite or PostgreSQL)", (*Main).ingest},
		{"watch", "follow RSS/Atom/JSON feeds: fetch, extract and store every new item; alert on matches", (*Main).watch},
		{"export", "write a database's events as CSV, JSON Lines, GeoJSON, PLOVER or GDELT, without a server", (*Main).export},
		{"bench", "measure articles/s, MB/s and peak memory of extraction on a corpus", (*Main).bench},
		{"eval", "score extraction against a gold set (events, geo, timex)", (*Main).eval},
		{"explain", "show how the event coder reads a sentence: tags, chunks, verb groups, dictionary entries, events", (*Main).explain},
		{"situations", "link events across sentences and articles, mark duplicates, group situations (JSON)", (*Main).situations},
		{"report", "write the situation report of one situation as Markdown, HTML or PDF", (*Main).report},
		{"worker", "extract articles from a NATS JetStream work queue into PostgreSQL (many workers, many machines)", (*Main).worker},
		{"serve", "serve the JSON API, exports and web UI over a database (--demo: the sample articles)", (*Main).serve},
		{"schema", "print the output schema of extract", (*Main).schema},
		{"version", "print the version", (*Main).version},
	}
}

// Run runs the command named by args[0].
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		m.usage(m.Stdout)
		if len(args) == 0 {
			return fmt.Errorf("%w: no command given", errUsage)
		}
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(m, ctx, args[1:])
		}
	}
	m.usage(m.Stderr)
	return fmt.Errorf("%w: unknown command %q", errUsage, args[0])
}

func (m *Main) usage(w io.Writer) {
	fmt.Fprintln(w, "sitrep turns news reports into structured, sourced event data.")
	fmt.Fprintln(w, "\nUsage: sitrep COMMAND [flags] [args]\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'sitrep COMMAND -h' for a command's flags.")
	fmt.Fprint(w, exitCodes)
}

// exitCodes documents the exit status, in every usage text.
const exitCodes = `
Exit status:
  0  everything was read and processed (warnings about articles that were
     kept, such as a missing date, do not change it)
  1  some input could not be read or processed (details and counts on
     stderr), or the command failed
  2  the command was called wrongly (unknown command or flag, bad value)
`

const version = "0.1.0-dev"

func (m *Main) version(_ context.Context, _ []string) error {
	fmt.Fprintln(m.Stdout, "sitrep", version)
	return nil
}
