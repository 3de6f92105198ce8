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
	"github.com/sitrep-project/sitrep/internal/alert"
	"github.com/sitrep-project/sitrep/internal/fetch"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/queue"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/backend"
	"github.com/sitrep-project/sitrep/internal/watch"
)

func (m *Main) watch(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "watch", "FEED_URL...",
		"Polls RSS, Atom and JSON feeds, fetches the page of every new item, extracts it\nand stores the result like 'sitrep ingest'. It runs until interrupted (or, with\n--once, polls each feed once). What it has seen is kept in a state file, so a\nwatch stopped in any way and started again loses and repeats nothing.\n\nFetching obeys robots.txt, waits --delay between requests to one host, uses\nconditional GET, backs off on errors and on 429/503 with Retry-After, and\nrefuses private and loopback addresses unless --allow-private is given.\n\nWith --queue, it publishes each new article to the NATS JetStream work queue that\n'sitrep worker' processes (docs/SCALING.md) instead of extracting and storing it;\nan item counts as handled once the queue has acknowledged it.")
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
	var qf queueFlags
	qf.register(fs, "publish the new articles to the NATS JetStream work queue at `URL`s (comma-separated) for 'sitrep worker' instead of extracting and storing them here (needs --state)", false)
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
	if qf.url != "" {
		switch {
		case *state == "":
			return fmt.Errorf("%w: watch --queue needs --state FILE", errUsage)
		case al.rules != "":
			return fmt.Errorf("%w: watch --queue extracts nothing, so it cannot alert: --alerts needs a watch without --queue", errUsage)
		}
	}
	if *state == "" {
		if strings.Contains(*db, "://") {
			return fmt.Errorf("%w: watch with a database URL needs --state FILE", errUsage)
		}
		*state = *db + ".watch.json"
	}
	bar := newProgress(m.Stderr, 0, fmt.Sprintf("watch: %d feeds", len(feeds)), isTerminal(m.Stderr))
	defer bar.finish()
	log := slog.New(slog.NewTextHandler(&clearing{w: m.Stderr, bar: bar}, nil))
	if *delay <= 0 {
		*delay = -1 // fetch.Config: negative for no delay
	}
	client := fetch.New(fetch.Config{Timeout: *timeout, MaxBytes: *maxPage, Delay: *delay, AllowPrivate: *allowPrivate})
	var sink watchSink
	if qf.url != "" {
		q, err := queue.Open(ctx, qf.config(log))
		if err != nil {
			return fmt.Errorf("watch: %w", err)
		}
		defer q.Close()
		sink = &queueSink{pub: q.Publisher()}
	} else {
		p, err := newPipeline(pipeline.Config{DictDirs: dicts})
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
		sink = &storeSink{p: p, st: st, notifier: notifier, log: log}
	}
	w, err := watch.New(watch.Config{Feeds: feeds, Interval: *interval, StatePath: *state, Once: *once, Date: *date}, client, sink.handle, log)
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
	fmt.Fprintf(m.Stderr, "sitrep: watch: %d polls (%d not modified, %d failed), %d new items: %s\n",
		s.Polls, s.NotModified, s.FeedErrors, s.Items, sink.summary(s))
	if err != nil {
		return err
	}
	if s.Failed+s.FeedErrors+sink.failed() > 0 {
		return errSomeFailed
	}
	return nil
}

// watchSink is where a watch hands the articles of new items: a store
// (extracted here) or a work queue (extracted by workers).
type watchSink interface {
	handle(ctx context.Context, art *sitrep.Article) error
	// summary tells what became of the items, given the watch's counts.
	summary(s watch.Stats) string
	// failed counts the articles that could not be processed.
	failed() int
}

// storeSink extracts each article and stores the result.
type storeSink struct {
	p        *pipeline.Pipeline
	st       store.Store
	notifier *alert.Notifier
	log      *slog.Logger

	inserted, updated, unchanged, events, notExtracted int
}

func (k *storeSink) handle(ctx context.Context, art *sitrep.Article) error {
	res, err := k.p.Process(ctx, art)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		k.notExtracted++
		k.log.Warn("extraction failed", "item", art.Origin, "err", err)
		return nil // the item is done: extracting again would fail again
	}
	out, err := k.st.Put(ctx, res)
	if err != nil {
		return err
	}
	switch out {
	case store.Inserted:
		k.inserted++
	case store.Updated:
		k.updated++
	default:
		k.unchanged++
		return nil
	}
	k.events += len(res.Events)
	if k.notifier != nil {
		return k.notifier.Stored(ctx, res)
	}
	return nil
}

func (k *storeSink) summary(s watch.Stats) string {
	return fmt.Sprintf("%d stored (%d inserted, %d updated, %d unchanged), %d not read, %d not extracted; %d events stored",
		s.Stored-k.notExtracted, k.inserted, k.updated, k.unchanged, s.Failed, k.notExtracted, k.events)
}

func (k *storeSink) failed() int { return k.notExtracted }

// queueSink publishes each article to the work queue and waits for the
// server's acknowledgement, so that the watch marks an item handled only
// once the queue holds it. A repeat (a watch killed between the
// acknowledgement and its state file) has the same message id and is
// dropped by the server, or skipped as stored by the worker.
type queueSink struct {
	pub *queue.Publisher
}

func (k *queueSink) handle(ctx context.Context, art *sitrep.Article) error {
	if err := k.pub.Publish(ctx, art); err != nil {
		return err
	}
	return k.pub.Flush(ctx)
}

func (k *queueSink) summary(s watch.Stats) string {
	return fmt.Sprintf("%d queued to %s (%d already queued), %d not read",
		k.pub.Published, queue.Stream, k.pub.Duplicates, s.Failed)
}

func (k *queueSink) failed() int { return 0 }

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
