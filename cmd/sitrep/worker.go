package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/queue"
	"github.com/sitrep-project/sitrep/internal/store/backend"
	"github.com/sitrep-project/sitrep/internal/worker"
)

// queueFlags are the flags of the work queue, shared by ingest --queue
// and worker.
type queueFlags struct {
	url        string
	replicas   int
	maxBytes   int64
	maxDeliver int
	ackWait    time.Duration
}

// register adds --queue and --replicas, and the consumer's flags when
// consumer is set.
func (f *queueFlags) register(fs *flag.FlagSet, usage string, consumer bool) {
	d := queue.DefaultConfig()
	fs.StringVar(&f.url, "queue", "", usage)
	fs.IntVar(&f.replicas, "replicas", d.Replicas, "servers that keep each queued article (3 on a cluster of 3 or more)")
	fs.Int64Var(&f.maxBytes, "queue-max-bytes", d.MaxBytes, "bound of the queue in `BYTES` (-1: none); when full, publishing waits for the workers")
	if !consumer {
		return
	}
	fs.IntVar(&f.maxDeliver, "max-deliver", d.MaxDeliver, "deliveries of an article before it goes to the dead-letter subject")
	fs.DurationVar(&f.ackWait, "ack-wait", d.AckWait, "time a worker may hold an article without a sign of progress before it is delivered again")
}

func (f *queueFlags) config(log *slog.Logger) queue.Config {
	return queue.Config{URL: f.url, Replicas: f.replicas, MaxBytes: f.maxBytes, MaxDeliver: f.maxDeliver, AckWait: f.ackWait, Logger: log}
}

func (m *Main) worker(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "worker", "",
		"Pulls articles from a NATS JetStream work queue (filled by 'sitrep ingest --queue'),\nextracts them and stores each batch in one transaction, acknowledging it only after\nthe commit: a crash means the batch comes again, and nothing is stored twice.\nArticles that keep failing go, with their error, to the subject sitrep.dead.<source>.\nRun as many workers as you like on as many machines; one of them at a time links\nevents into situations (it holds a lease in PostgreSQL). Serves /metrics\n(Prometheus) and /healthz. On SIGTERM it finishes the batch in hand and exits.\nSee docs/SCALING.md.")
	var qf queueFlags
	qf.register(fs, "NATS server `URL`s, comma-separated (required)", true)
	db := fs.String("db", "", "database: a postgres:// URL shared by the workers (required; a SQLite FILE works for one worker, without linking)")
	workers := fs.Int("workers", worker.DefaultConfig().Run.Workers, "articles extracted in parallel")
	budget := fs.Duration("budget", time.Minute, "time one article may take (0 = no limit); an article over it fails")
	var dicts multiFlag
	fs.Var(&dicts, "dict", "directory of extra dictionaries layered over the defaults (repeatable)")
	batch := fs.Int("batch", worker.DefaultConfig().Batch, "articles fetched, extracted and stored together (one transaction)")
	link := fs.Bool("link", true, "take part in linking events into situations")
	linkEvery := fs.Duration("link-every", worker.DefaultConfig().LinkEvery, "how often the linking worker links while articles come")
	metrics := fs.String("metrics", "127.0.0.1:9464", "serve /metrics and /healthz on this `ADDR` (\"\" for none)")
	exitIdle := fs.Duration("exit-idle", 0, "exit once the queue has been empty this long (0 = run until stopped)")
	drain := fs.Duration("drain", worker.DefaultConfig().Drain, "on SIGTERM, time given to the batch in hand to finish")
	logFormat := fs.String("log", "text", "log format: text or json")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	switch {
	case qf.url == "":
		return fmt.Errorf("%w: worker needs --queue", errUsage)
	case *db == "":
		return fmt.Errorf("%w: worker needs --db", errUsage)
	case *batch < 1:
		return fmt.Errorf("%w: --batch %d: want at least 1", errUsage, *batch)
	case *logFormat != "text" && *logFormat != "json":
		return fmt.Errorf("%w: --log %q: want text or json", errUsage, *logFormat)
	}
	var log *slog.Logger
	if *logFormat == "json" {
		log = slog.New(slog.NewJSONHandler(m.Stderr, nil))
	} else {
		log = slog.New(slog.NewTextHandler(m.Stderr, nil))
	}

	timings := new(pipeline.Timings)
	p, err := newPipeline(pipeline.Config{DictDirs: dicts, Timings: timings})
	if err != nil {
		return err
	}
	st, err := backend.Open(ctx, *db)
	if err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	defer st.Close()
	q, err := queue.Open(ctx, qf.config(log))
	if err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	defer q.Close()
	if err := q.Consume(ctx); err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	met := worker.NewMetrics(timings)
	w := worker.New(worker.Config{
		Batch:     *batch,
		Run:       pipeline.RunOptions{Workers: *workers, Budget: *budget},
		Link:      *link,
		LinkEvery: *linkEvery,
		ExitIdle:  *exitIdle,
		Drain:     *drain,
		Logger:    log,
		Metrics:   met,
	}, q, p, st)
	if *metrics != "" {
		ln, err := net.Listen("tcp", *metrics)
		if err != nil {
			return fmt.Errorf("worker: metrics: %w", err)
		}
		srv := &http.Server{Handler: met.Handler(w.Health), ReadHeaderTimeout: 10 * time.Second}
		go srv.Serve(ln)
		defer srv.Close()
		log.Info("metrics", "addr", "http://"+ln.Addr().String()+"/metrics")
	}
	log.Info("worker started", "queue", qf.url, "db", redact(*db), "batch", *batch, "workers", *workers)
	if err := w.Run(ctx); err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	log.Info("worker stopped", met.Summary()...)
	return nil
}

// enqueue reads articles like extract and publishes them to the work
// queue instead of extracting them (ingest --queue).
func (m *Main) enqueue(ctx context.Context, qf *queueFlags, opts ingest.Options, paths []string) error {
	log := slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	q, err := queue.Open(ctx, qf.config(log))
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	defer q.Close()
	pub := q.Publisher()
	start := time.Now()
	var read, problems int
	err = ingest.NewReader(opts, m.Stdin).Read(ctx, paths, func(it ingest.Item) error {
		if it.Err != nil {
			problems++
			fmt.Fprintln(m.Stderr, "sitrep: input:", it.Err)
		}
		if it.Article == nil {
			return nil
		}
		read++
		return pub.Publish(ctx, it.Article)
	})
	err = errors.Join(err, pub.Flush(context.WithoutCancel(ctx)))
	elapsed := time.Since(start)
	fmt.Fprintf(m.Stderr, "sitrep: queued %d articles to %s (%d already queued), %d input problems, in %.1f s (%.0f articles/s)\n",
		pub.Published, queue.Stream, pub.Duplicates, problems, elapsed.Seconds(), rate(read, elapsed))
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	return nil
}
