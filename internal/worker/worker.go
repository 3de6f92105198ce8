// Package worker is the extraction worker of a queue deployment: it pulls
// batches of articles from the work queue (internal/queue), extracts them
// (internal/pipeline), stores each batch in one transaction of a shared
// store (internal/store, PostgreSQL), and acknowledges the batch only
// after the commit. One worker at a time also links the stored articles
// into situations (internal/cluster), under a lease of the store.
//
// Input: queue messages. Output: stored results, situations, dead
// letters for articles that keep failing, and Prometheus metrics.
//
// Storage is exactly once although delivery is at least once: an article
// is stored under its id, with the hash of its content; a delivery again
// of an article already stored (a crash between commit and ack, a
// re-publish) is acknowledged without extraction, and a repeated put
// changes nothing.
package worker

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/queue"
	"github.com/sitrep-project/sitrep/internal/store"
)

// Config configures a Worker. Zero fields take the defaults of
// DefaultConfig.
type Config struct {
	// Batch is how many articles are fetched, extracted and stored
	// together (one transaction).
	Batch int
	// Run sets the parallelism and time budget of extraction.
	Run pipeline.RunOptions
	// Link makes the worker take part in linking (see linker).
	Link bool
	// LinkEvery is how often the linker links while articles come.
	LinkEvery time.Duration
	// ExitIdle, when positive, makes Run return once the queue has been
	// empty and nothing in flight for that long (for backfills and
	// benchmarks); 0 runs until ctx is done.
	ExitIdle time.Duration
	// Drain bounds, after ctx is done, the time given to the batch in
	// hand to finish; what is not stored by then is delivered again.
	Drain time.Duration
	// RetryDelay is the wait before an article that failed is delivered
	// again (times the number of deliveries so far).
	RetryDelay time.Duration
	Logger     *slog.Logger
	Metrics    *Metrics
}

// DefaultConfig returns the defaults.
func DefaultConfig() Config {
	return Config{
		Batch:      64,
		Run:        pipeline.RunOptions{Workers: runtime.GOMAXPROCS(0), Budget: time.Minute},
		Link:       true,
		LinkEvery:  10 * time.Second,
		Drain:      30 * time.Second,
		RetryDelay: 5 * time.Second,
	}
}

// Worker extracts the articles of a queue into a store.
type Worker struct {
	cfg    Config
	q      *queue.Queue
	p      pipeline.Processor
	st     store.Store
	log    *slog.Logger
	m      *Metrics
	linkMu sync.Mutex // serialises linking steps
	linker *linker
}

// New returns a worker. Linking needs a store that is a store.Leaser
// (PostgreSQL); with another store the worker does not link.
func New(cfg Config, q *queue.Queue, p pipeline.Processor, st store.Store) *Worker {
	d := DefaultConfig()
	if cfg.Batch <= 0 {
		cfg.Batch = d.Batch
	}
	if cfg.Run.Workers <= 0 {
		cfg.Run.Workers = d.Run.Workers
	}
	if cfg.LinkEvery <= 0 {
		cfg.LinkEvery = d.LinkEvery
	}
	if cfg.Drain <= 0 {
		cfg.Drain = d.Drain
	}
	if cfg.RetryDelay <= 0 {
		cfg.RetryDelay = d.RetryDelay
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Metrics == nil {
		cfg.Metrics = NewMetrics(nil)
	}
	w := &Worker{cfg: cfg, q: q, p: p, st: st, log: cfg.Logger, m: cfg.Metrics}
	if l, ok := st.(store.Leaser); ok && cfg.Link {
		w.linker = &linker{st: st, leaser: l, log: cfg.Logger, linkedAt: -1}
	} else if cfg.Link {
		w.log.Warn("this store cannot elect a linker (PostgreSQL can): not linking; run 'sitrep situations' or ingest --link")
	}
	return w
}

// Health reports an error when the queue or the store cannot be reached.
func (w *Worker) Health(ctx context.Context) error {
	if err := w.q.Healthy(); err != nil {
		return err
	}
	if v, ok := w.st.(store.Versioner); ok {
		if _, err := v.Version(ctx); err != nil {
			return err
		}
	}
	return nil
}

// fetchWait is how long one fetch waits for articles.
const fetchWait = time.Second

// Run processes batches until ctx is done (then it finishes the batches
// in hand, within Config.Drain) or, with Config.ExitIdle, until the queue
// stays empty. It returns nil after a graceful stop.
//
// A batch is stored while the next one is extracted; the linker, if this
// worker holds the lease, links in a goroutine of its own.
func (w *Worker) Run(ctx context.Context) error {
	stopAbandoned, err := w.q.DeadLetterAbandoned(ctx)
	if err != nil {
		return err
	}
	defer stopAbandoned()
	toStore := make(chan *batch, 1)
	stored := make(chan struct{})
	go func() {
		defer close(stored)
		for b := range toStore {
			w.storeAndAck(b.ctx, b.msgs, b.results)
			b.finish()
		}
	}()
	linkCtx, stopLinking := context.WithCancel(ctx)
	linking := make(chan struct{})
	go func() {
		defer close(linking)
		if w.linker != nil {
			w.linkLoop(linkCtx)
		}
	}()
	defer func() {
		close(toStore)
		<-stored
		stopLinking()
		<-linking
		if w.linker != nil {
			w.linker.release(ctx)
			w.m.linker.Set(0)
		}
	}()

	var idleSince, lastLag time.Time
	settledLinked := false
	for ctx.Err() == nil {
		t := time.Now()
		msgs, err := w.q.Fetch(ctx, w.cfg.Batch, fetchWait)
		if err != nil {
			w.log.Warn("fetch", "err", err)
			sleep(ctx, time.Second)
			continue
		}
		if len(msgs) > 0 {
			w.m.observe("fetch", t)
			idleSince, settledLinked = time.Time{}, false
			if b := w.extract(ctx, msgs); b != nil {
				toStore <- b
			}
			if time.Since(lastLag) >= lagEvery {
				w.lag(ctx)
				lastLag = time.Now()
			}
			continue
		}
		// Nothing to do: is the queue settled (this worker's batch in
		// storage counts as in flight)?
		settled, err := w.lag(ctx)
		lastLag = time.Now()
		if err != nil || !settled {
			idleSince = time.Time{}
			continue
		}
		if !settledLinked {
			settledLinked = w.link(ctx, true)
		}
		if idleSince.IsZero() {
			idleSince = time.Now()
		}
		if w.cfg.ExitIdle > 0 && time.Since(idleSince) >= w.cfg.ExitIdle {
			w.log.Info("queue empty: exiting", "idle", w.cfg.ExitIdle)
			return nil
		}
	}
	return nil
}

// lagEvery is how often a busy worker updates the queue lag gauges.
const lagEvery = 2 * time.Second

// lag updates the queue lag gauges and reports whether the queue is
// settled: nothing waiting, nothing in flight.
func (w *Worker) lag(ctx context.Context) (settled bool, err error) {
	pending, inFlight, err := w.q.Lag(ctx)
	if err != nil {
		if ctx.Err() == nil {
			w.log.Warn("queue lag", "err", err)
		}
		return false, err
	}
	w.m.pending.Set(float64(pending))
	w.m.inFlight.Set(float64(inFlight))
	return pending == 0 && inFlight == 0, nil
}

// linkLoop links every Config.LinkEvery while ctx lasts.
func (w *Worker) linkLoop(ctx context.Context) {
	tick := time.NewTicker(w.cfg.LinkEvery)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			w.link(ctx, false)
		}
	}
}

// link runs a linking step, if this worker links, and reports whether
// the step succeeded.
func (w *Worker) link(ctx context.Context, settled bool) bool {
	if w.linker == nil {
		return true
	}
	w.linkMu.Lock()
	defer w.linkMu.Unlock()
	t := time.Now()
	linked, err := w.linker.step(ctx, settled)
	if w.linker.lease != nil {
		w.m.linker.Set(1)
	} else {
		w.m.linker.Set(0)
	}
	if err != nil {
		if ctx.Err() == nil {
			w.log.Warn("link", "err", err)
		}
		return false
	}
	if linked {
		w.m.observe("link", t)
		w.log.Info("linked", "articles", len(w.linker.held), "in_order", w.linker.canonical, "seconds", time.Since(t).Seconds())
	}
	return true
}

// batch is a batch extracted and waiting to be stored.
type batch struct {
	ctx     context.Context
	msgs    []*queue.Message
	results []*sitrep.Result
	// finish stops what keeps the messages ours and the drain timer.
	finish func()
}

// extract extracts one batch and returns what is to be stored, or nil.
// Once ctx is done, the batch has Config.Drain more to be extracted and
// stored; messages not finished by then are handed back to the server.
func (w *Worker) extract(ctx context.Context, msgs []*queue.Message) *batch {
	wctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stop := context.AfterFunc(ctx, func() {
		w.log.Info("stopping: finishing the batch in hand", "articles", len(msgs), "drain", w.cfg.Drain)
		time.AfterFunc(w.cfg.Drain, cancel)
	})
	w.m.received.Add(float64(len(msgs)))
	for _, m := range msgs {
		if m.Deliveries > 1 {
			w.m.redelivered.Inc()
		}
	}
	// Keep the messages ours while we work on them.
	done := make(chan struct{})
	go func() {
		tick := time.NewTicker(w.q.AckWait() / 3)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
				for _, m := range msgs {
					m.InProgress()
				}
			}
		}
	}()
	finish := func() {
		close(done)
		stop()
		cancel()
	}

	todo, arts := w.skipStored(wctx, msgs)
	if len(todo) == 0 {
		finish()
		return nil
	}
	t := time.Now()
	in := make(chan *sitrep.Article, len(arts))
	for _, a := range arts {
		in <- a
	}
	close(in)
	b := &batch{ctx: wctx, finish: finish}
	var abandoned []*queue.Message
	i := 0
	err := pipeline.Run(wctx, w.p, w.cfg.Run, in, func(o pipeline.Outcome) error {
		m := todo[i]
		i++
		switch {
		case o.Err != nil && wctx.Err() != nil:
			abandoned = append(abandoned, m)
		case o.Err != nil:
			w.fail(wctx, m, "extract", o.Err)
		default:
			w.m.extracted.Inc()
			b.results = append(b.results, o.Result)
			b.msgs = append(b.msgs, m)
		}
		return nil
	})
	if err != nil {
		abandoned = append(abandoned, todo[i:]...)
	}
	w.giveBack(abandoned)
	if len(b.results) == 0 {
		finish()
		return nil
	}
	w.m.observe("extract", t)
	return b
}

// storeAndAck stores results in one transaction and acknowledges their
// messages. When the transaction fails, it stores them one by one, so
// that an article no transaction takes fails alone.
func (w *Worker) storeAndAck(ctx context.Context, msgs []*queue.Message, results []*sitrep.Result) {
	t := time.Now()
	outs, err := store.PutAll(ctx, w.st, results)
	switch {
	case err != nil && ctx.Err() != nil:
		w.giveBack(msgs)
		return
	case err != nil && len(results) > 1:
		w.log.Warn("store batch failed: storing its articles one by one", "articles", len(results), "err", err)
		for i := range results {
			w.storeAndAck(ctx, msgs[i:i+1], results[i:i+1])
		}
		return
	case err != nil:
		w.fail(ctx, msgs[0], "store", err)
		return
	}
	w.m.observe("store", t)
	for _, o := range outs {
		w.m.stored.WithLabelValues(o.String()).Inc()
	}
	t = time.Now()
	for _, m := range msgs {
		if err := m.Ack(ctx); err != nil {
			w.log.Warn("ack (the article will come again and be skipped as stored)", "article", m.ID, "err", err)
		}
	}
	w.m.observe("ack", t)
}

// giveBack hands messages not finished (on a stop) back to the server
// for another worker at once.
func (w *Worker) giveBack(msgs []*queue.Message) {
	for _, m := range msgs {
		if err := m.Retry(0); err != nil {
			w.log.Warn("give back", "article", m.ID, "err", err)
		}
	}
}

// skipStored acknowledges the messages whose article is stored with the
// same content, and returns the others with their articles. A message
// that holds no article goes to the dead letters at once.
func (w *Worker) skipStored(ctx context.Context, msgs []*queue.Message) ([]*queue.Message, []*sitrep.Article) {
	t := time.Now()
	stored := w.storedHashes(ctx, msgs)
	var todo []*queue.Message
	var arts []*sitrep.Article
	for _, m := range msgs {
		if h, ok := stored[m.ID]; ok && m.Hash != "" && h == m.Hash {
			w.m.skipped.Inc()
			if err := m.Ack(ctx); err != nil {
				w.log.Warn("ack", "article", m.ID, "err", err)
			}
			continue
		}
		a, err := m.Article(ctx)
		if err != nil {
			if errors.Is(err, context.Canceled) || ctx.Err() != nil {
				w.giveBack([]*queue.Message{m})
				continue
			}
			w.m.failed.WithLabelValues("decode").Inc()
			w.deadLetter(ctx, m, err)
			continue
		}
		todo = append(todo, m)
		arts = append(arts, a)
	}
	w.m.observe("resume", t)
	return todo, arts
}

// storedHashes returns the stored input hashes of the messages' articles
// (none if the store cannot tell: then every article is extracted).
func (w *Worker) storedHashes(ctx context.Context, msgs []*queue.Message) map[string]string {
	ids := make([]string, 0, len(msgs))
	for _, m := range msgs {
		if m.ID != "" {
			ids = append(ids, m.ID)
		}
	}
	out := map[string]string{}
	var err error
	switch r := w.st.(type) {
	case store.BatchResumer:
		out, err = r.InputHashes(ctx, ids)
	case store.Resumer:
		for _, id := range ids {
			var h string
			if h, err = r.InputHash(ctx, id); err != nil {
				break
			}
			if h != "" {
				out[id] = h
			}
		}
	}
	if err != nil {
		w.log.Warn("resume check: extracting the whole batch", "err", err)
		return map[string]string{}
	}
	return out
}

// fail hands a failed article back for a later delivery, or to the dead
// letters on its last try.
func (w *Worker) fail(ctx context.Context, m *queue.Message, stage string, err error) {
	w.m.failed.WithLabelValues(stage).Inc()
	w.log.Warn("article failed", "article", m.ID, "stage", stage, "delivery", m.Deliveries, "err", err)
	if m.LastTry() {
		w.deadLetter(ctx, m, fmt.Errorf("%s: %w", stage, err))
		return
	}
	w.retry(m)
}

func (w *Worker) retry(m *queue.Message) {
	w.m.retried.Inc()
	if err := m.Retry(time.Duration(m.Deliveries) * w.cfg.RetryDelay); err != nil {
		w.log.Warn("retry", "article", m.ID, "err", err)
	}
}

func (w *Worker) deadLetter(ctx context.Context, m *queue.Message, err error) {
	w.log.Error("article set aside on the dead-letter subject", "article", m.ID, "delivery", m.Deliveries, "err", err)
	if derr := m.DeadLetter(ctx, err); derr != nil {
		w.log.Error("dead-letter", "article", m.ID, "err", derr)
		return
	}
	w.m.deadLetters.Inc()
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}
