package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/fetch"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/backend"
	"github.com/sitrep-project/sitrep/internal/watch"
)

func (m *Main) watch(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "watch", "FEED_URL...",
		"Polls RSS, Atom and JSON feeds, fetches the page of every new item, extracts it\nand stores the result like 'sitrep ingest'. It runs until interrupted (or, with\n--once, polls each feed once). What it has seen is kept in a state file, so a\nwatch stopped in any way and started again loses and repeats nothing.\n\nFetching obeys robots.txt, waits --delay between requests to one host, uses\nconditional GET, backs off on errors and on 429/503 with Retry-After, and\nrefuses private and loopback addresses unless --allow-private is given.")
	db := fs.String("db", "sitrep.db", "database: a SQLite `FILE` or a postgres:// URL")
	state := fs.String("state", "", "state `FILE` (default: the database file + .watch.json)")
	feedsFile := fs.String("feeds", "", "`FILE` of feed URLs, one per line (# starts a comment)")
	interval := fs.Duration("interval", 15*time.Minute, "time between two polls of one feed")
	once := fs.Bool("once", false, "poll every feed once, store the new items and exit")
	delay := fs.Duration("delay", time.Second, "least time between two requests to one host (robots.txt Crawl-delay may ask for more)")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit of one request")
	maxPage := fs.Int64("max-page-bytes", 16<<20, "largest page or feed read, in `BYTES`")
	allowPrivate := fs.Bool("allow-private", false, "allow feeds and pages on loopback and private addresses")
	date := fs.String("date", "", "publication date `YYYY-MM-DD` of items whose page and feed give none")
	var dicts multiFlag
	fs.Var(&dicts, "dict", "directory of extra dictionaries layered over the defaults (repeatable)")
	var al alertFlags
	al.register(fs)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	feeds := fs.Args()
	if *feedsFile != "" {
		more, err := readFeedList(*feedsFile)
		if err != nil {
			return fmt.Errorf("%w: --feeds: %v", errUsage, err)
		}
		feeds = append(feeds, more...)
	}
	if len(feeds) == 0 {
		fs.Usage()
		return fmt.Errorf("%w: watch needs at least one FEED_URL (or --feeds FILE)", errUsage)
	}
	if *date != "" && !validDate(*date) {
		return fmt.Errorf("%w: --date %q: want YYYY-MM-DD", errUsage, *date)
	}
	if *state == "" {
		if strings.Contains(*db, "://") {
			return fmt.Errorf("%w: watch with a database URL needs --state FILE", errUsage)
		}
		*state = *db + ".watch.json"
	}
	p, err := pipeline.New(pipeline.Config{DictDirs: dicts})
	if err != nil {
		return err
	}
	st, err := backend.Open(ctx, *db)
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	defer st.Close()
	notifier, err := al.open(st, m)
	if err != nil {
		return err
	}
	if notifier != nil {
		defer notifier.Close()
	}

	bar := newProgress(m.Stderr, 0, fmt.Sprintf("watch: %d feeds", len(feeds)), isTerminal(m.Stderr))
	defer bar.finish()
	log := slog.New(slog.NewTextHandler(&clearing{w: m.Stderr, bar: bar}, nil))
	if *delay <= 0 {
		*delay = -1 // fetch.Config: negative for no delay
	}
	client := fetch.New(fetch.Config{Timeout: *timeout, MaxBytes: *maxPage, Delay: *delay, AllowPrivate: *allowPrivate})
	var inserted, updated, unchanged, events, failed int
	handle := func(ctx context.Context, art *sitrep.Article) error {
		res, err := p.Process(ctx, art)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			failed++
			log.Warn("extraction failed", "item", art.Origin, "err", err)
			return nil // the item is done: extracting again would fail again
		}
		out, err := st.Put(ctx, res)
		if err != nil {
			return err
		}
		switch out {
		case store.Inserted:
			inserted++
		case store.Updated:
			updated++
		default:
			unchanged++
			return nil
		}
		events += len(res.Events)
		if notifier != nil {
			return notifier.Stored(ctx, res)
		}
		return nil
	}
	w, err := watch.New(watch.Config{Feeds: feeds, Interval: *interval, StatePath: *state, Once: *once, Date: *date}, client, handle, log)
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	last := 0
	w.Progress = func(s watch.Stats) {
		bar.add(int64(s.Stored - last))
		last = s.Stored
		bar.describe(fmt.Sprintf("watch: %d feeds, %d polls, %d new items, %d failed", len(feeds), s.Polls, s.Items, s.Failed))
	}
	err = w.Run(ctx)
	bar.finish()
	s := w.Stats()
	fmt.Fprintf(m.Stderr, "sitrep: watch: %d polls (%d not modified, %d failed), %d new items: %d stored (%d inserted, %d updated, %d unchanged), %d not read, %d not extracted; %d events stored\n",
		s.Polls, s.NotModified, s.FeedErrors, s.Items, s.Stored-failed, inserted, updated, unchanged, s.Failed, failed, events)
	if err != nil {
		return err
	}
	if s.Failed+s.FeedErrors+failed > 0 {
		return errSomeFailed
	}
	return nil
}

// readFeedList reads feed URLs, one per line.
func readFeedList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out, sc.Err()
}

// clearing clears a progress bar before each write, so log lines do not
// mix with it.
type clearing struct {
	w   io.Writer
	bar *progress
}

func (c *clearing) Write(p []byte) (int, error) {
	c.bar.clear()
	return c.w.Write(p)
}
