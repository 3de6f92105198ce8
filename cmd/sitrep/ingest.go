package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/backend"
)

// ingestBatch is how many articles go into one write transaction: large
// enough that commits do not dominate, small enough to keep memory flat.
const ingestBatch = 256

// ingestStats counts what ingest stored.
type ingestStats struct {
	inserted, updated, unchanged int
	events                       int           // events written (of inserted and updated articles)
	write                        time.Duration // time spent writing
	// stored, when set, is told of every article inserted or updated
	// (alert rules).
	stored func(context.Context, *sitrep.Result) error
}

func (m *Main) ingest(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "ingest", "PATH...",
		"Reads articles like 'sitrep extract', runs the pipeline and stores every result\n(article, text, entities, places, events, quotes, casualties, captions) in a\ndatabase that 'sitrep serve' reads. An article already stored with the same\nid, metadata and text is skipped before extraction (--force extracts it again),\nso a re-run resumes where an interrupted one stopped; a changed article replaces\nits earlier version. Unless --link=false, it links the events of the articles as\nthey come, then those stored before, and stores the situations of the whole\ndatabase (not again when no article changed since the last linking). With --queue it only reads the articles and publishes them to a work\nqueue that 'sitrep worker' processes (docs/SCALING.md).")
	var in inputFlags
	in.register(fs)
	db := fs.String("db", "sitrep.db", "database: a SQLite `FILE` or a postgres:// URL")
	batch := fs.Int("batch", ingestBatch, "articles stored per transaction")
	force := fs.Bool("force", false, "extract and store articles already stored with the same content, and link again (after a change of dictionaries, models or sitrep)")
	link := fs.Bool("link", true, "link events across articles and store the situations of the whole database (see 'sitrep situations')")
	var qf queueFlags
	qf.register(fs, "publish the articles to the NATS JetStream work queue at `URL`s (comma-separated) for 'sitrep worker' instead of extracting them here (docs/SCALING.md)", false)
	var al alertFlags
	al.register(fs)
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return fmt.Errorf("%w: ingest needs at least one PATH (or - for stdin)", errUsage)
	}
	if *batch < 1 {
		return fmt.Errorf("%w: --batch %d: want at least 1", errUsage, *batch)
	}
	opts, err := in.options()
	if err != nil {
		return err
	}
	if qf.url != "" {
		return m.enqueue(ctx, &qf, opts, fs.Args())
	}
	p, err := newPipeline(in.config())
	if err != nil {
		return err
	}
	st, err := backend.Open(ctx, *db)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	defer st.Close()
	var is ingestStats
	notifier, err := al.open(st, m)
	if err != nil {
		return err
	}
	if notifier != nil {
		defer notifier.Close()
		// Alerts follow the command's context, not the writer's: an
		// interrupt cuts webhook retries short (those alerts are not sent
		// again), while storing goes on to the end of the batch.
		is.stored = func(_ context.Context, res *sitrep.Result) error {
			if ctx.Err() != nil {
				return nil
			}
			if err := notifier.Stored(ctx, res); err != nil && ctx.Err() == nil {
				return err
			}
			return nil
		}
	}

	start := time.Now()
	var sum summary
	rep := m.newReporter(fs.Args(), "ingest", true)
	defer rep.done()
	// A writer goroutine stores full batches while the pipeline goes on
	// extracting the next ones. It goes on after an interrupt, so that
	// every article extracted is stored: a batch is one short transaction.
	wctx := context.WithoutCancel(ctx)
	batches := make(chan []*sitrep.Result, 2)
	written := make(chan error, 1)
	go func() {
		var werr error
		for b := range batches {
			if werr != nil {
				continue // drain
			}
			if werr = is.put(wctx, st, b); werr != nil {
				written <- werr // tells the pipeline to stop
			}
		}
		if werr == nil {
			written <- nil
		}
	}()
	var skip func(*sitrep.Article) (bool, error)
	if r, ok := st.(store.Resumer); ok && !*force {
		skip = func(a *sitrep.Article) (bool, error) {
			h, err := r.InputHash(ctx, a.ID)
			if err != nil {
				return false, fmt.Errorf("ingest: %w", err)
			}
			return h == store.InputHash(a), nil
		}
	}
	var linker *streamLinker
	var linkTime time.Duration
	if *link {
		linker = newStreamLinker()
		defer linker.close()
	}
	cur := make([]*sitrep.Result, 0, *batch)
	err = process(ctx, m, p, in.run(), opts, fs.Args(), &sum, rep, skip, func(res *sitrep.Result) error {
		if linker != nil {
			t := time.Now()
			err := linker.add(res)
			linkTime += time.Since(t)
			if err != nil {
				return fmt.Errorf("ingest: %w", err)
			}
		}
		cur = append(cur, res)
		if len(cur) < *batch {
			return nil
		}
		select {
		case batches <- cur:
		case err := <-written: // the writer stopped early
			written <- err
			return err
		}
		cur = make([]*sitrep.Result, 0, *batch)
		return nil
	})
	if len(cur) > 0 && (err == nil || ctx.Err() != nil) {
		batches <- cur
	}
	close(batches)
	werr := <-written
	rep.done()
	if ctx.Err() != nil {
		fmt.Fprintln(m.Stderr, "sitrep: interrupted:", sum)
		fmt.Fprintf(m.Stderr, "sitrep: stored in %s: %d inserted, %d updated, %d unchanged; run again to resume\n",
			redact(*db), is.inserted, is.updated, is.unchanged)
	}
	if err = errors.Join(err, werr); err != nil {
		return err
	}
	if linker != nil {
		current, version, err := linkedCurrent(ctx, st)
		if err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
		if current && !*force {
			fmt.Fprintln(m.Stderr, "sitrep: situations unchanged: no article changed since they were linked")
		} else {
			t := time.Now()
			sits, evs, err := linker.finish(ctx, st)
			if err != nil {
				return fmt.Errorf("ingest: %w", err)
			}
			if lm, ok := st.(store.LinkMarker); ok {
				if err := lm.MarkLinked(ctx, version); err != nil {
					return fmt.Errorf("ingest: %w", err)
				}
			}
			linkTime += time.Since(t)
			fmt.Fprintf(m.Stderr, "sitrep: linked in %.1f s: %d situations, %d linked events (at most %d articles held while linking)\n",
				linkTime.Seconds(), sits, evs, linker.c.MaxHeld())
		}
	}
	elapsed := time.Since(start)
	fmt.Fprintln(m.Stderr, "sitrep:", sum)
	fmt.Fprintf(m.Stderr, "sitrep: stored in %s: %d inserted, %d updated, %d unchanged (%d of them skipped before extraction); %d events stored\n",
		redact(*db), is.inserted, is.updated, is.unchanged+sum.unchanged, sum.unchanged, is.events)
	fmt.Fprintf(m.Stderr, "sitrep: %.1f s: %.0f articles/s, %.0f events/s (writing alone: %.1f s, %.0f articles/s, %.0f events/s)\n",
		elapsed.Seconds(), rate(sum.articles, elapsed), rate(is.events, elapsed),
		is.write.Seconds(), rate(is.inserted+is.updated+is.unchanged, is.write), rate(is.events, is.write))
	return sum.err()
}

// linkedCurrent reports whether the situations stored in st were linked
// from its current data, and the version of the data linking would read
// now (-1 when st keeps none). The version is read before linking starts,
// so that articles stored by another process meanwhile make the next run
// link again.
func linkedCurrent(ctx context.Context, st store.Store) (bool, int64, error) {
	lm, ok := st.(store.LinkMarker)
	if !ok {
		return false, -1, nil
	}
	v, err := lm.Version(ctx)
	if err != nil {
		return false, 0, err
	}
	linked, err := lm.Linked(ctx)
	if err != nil {
		return false, 0, err
	}
	return linked == v, v, nil
}

// put stores one batch and counts the outcomes.
func (is *ingestStats) put(ctx context.Context, st store.Store, b []*sitrep.Result) error {
	t := time.Now()
	outs, err := store.PutAll(ctx, st, b)
	is.write += time.Since(t)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	for i, o := range outs {
		switch o {
		case store.Inserted:
			is.inserted++
			is.events += len(b[i].Events)
		case store.Updated:
			is.updated++
			is.events += len(b[i].Events)
		case store.Unchanged:
			is.unchanged++
			continue
		}
		if is.stored != nil {
			if err := is.stored(ctx, b[i]); err != nil {
				return fmt.Errorf("ingest: %w", err)
			}
		}
	}
	return nil
}

func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// redact hides the password of a database URL.
func redact(db string) string {
	if u, err := url.Parse(db); err == nil && u.User != nil {
		return u.Redacted()
	}
	return db
}
