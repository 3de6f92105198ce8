package worker_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/queue"
	"github.com/sitrep-project/sitrep/internal/queue/queuetest"
	"github.com/sitrep-project/sitrep/internal/store/postgres"
	"github.com/sitrep-project/sitrep/internal/store/postgres/pgtest"
	"github.com/sitrep-project/sitrep/internal/worker"
)

// fakeProcessor "extracts" an article into a result without facts, and
// fails the articles whose text says so.
type fakeProcessor struct{}

func (fakeProcessor) Process(ctx context.Context, a *sitrep.Article) (*sitrep.Result, error) {
	if strings.Contains(a.Text, "POISON") {
		return nil, errors.New("cannot read this article")
	}
	return &sitrep.Result{Article: a}, nil
}

func publish(t *testing.T, q *queue.Queue, as []*sitrep.Article) {
	t.Helper()
	p := q.Publisher()
	for _, a := range as {
		if err := p.Publish(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// TestWorker runs a worker over articles of which one always fails and
// one is no article at all, then over the same articles published again
// after the duplicate window. It checks that the good articles are
// stored once, that the bad ones end on the dead-letter subject with
// their error, that a second delivery of stored articles extracts
// nothing, and that /metrics and /healthz answer.
func TestWorker(t *testing.T) {
	ctx := context.Background()
	dsn, db := pgtest.Schema(t)
	st, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	url := queuetest.Server(t)
	q, err := queue.Open(ctx, queue.Config{URL: url, MaxDeliver: 2, Duplicates: 500 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if err := q.Consume(ctx); err != nil {
		t.Fatal(err)
	}
	var as []*sitrep.Article
	for i := range 50 {
		as = append(as, &sitrep.Article{ID: fmt.Sprint("a", i), Published: "2024-01-02", Source: "example.org", Text: fmt.Sprint("Article ", i, ".")})
	}
	as[17].Text = "POISON"
	publish(t, q, as)
	publishRaw(t, url, "sitrep.articles.example_org", []byte("{not json"))

	m := worker.NewMetrics(nil)
	cfg := worker.Config{Batch: 8, ExitIdle: 500 * time.Millisecond, RetryDelay: time.Millisecond, Metrics: m}
	w := worker.New(cfg, q, fakeProcessor{}, st)
	srv := httptest.NewServer(m.Handler(w.Health))
	defer srv.Close()
	if err := w.Run(ctx); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.QueryRow(ctx, "SELECT count(*) FROM articles").Scan(&n); err != nil || n != 49 {
		t.Errorf("stored %d articles, %v; want 49", n, err)
	}
	dl, err := q.DeadLetters(ctx)
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(dl, func(a, b queue.DeadLetter) int { return strings.Compare(a.ArticleID, b.ArticleID) })
	if len(dl) != 2 || dl[0].ArticleID != "" || dl[1].ArticleID != "a17" || dl[1].Deliveries != 2 ||
		!strings.Contains(dl[1].Error, "extract: cannot read this article") {
		t.Errorf("dead letters %+v; want the junk message, then a17 after 2 deliveries with its error", dl)
	}
	metrics := get(t, srv.URL+"/metrics")
	for _, want := range []string{
		`sitrep_worker_articles_stored_total{outcome="inserted"} 49`,
		`sitrep_worker_articles_dead_lettered_total 2`,
		`sitrep_worker_articles_failed_total{stage="decode"} 1`,
		`sitrep_worker_articles_failed_total{stage="extract"} 2`,
		`sitrep_queue_pending_articles 0`,
		`process_cpu_seconds_total`,
	} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
	if h := get(t, srv.URL+"/healthz"); h != "ok\n" {
		t.Errorf("/healthz = %q", h)
	}

	// The same articles again, past the duplicate window: the server
	// takes them, the worker skips them as stored.
	time.Sleep(600 * time.Millisecond)
	publish(t, q, append(as[:17:17], as[18:]...))
	m2 := worker.NewMetrics(nil)
	cfg.Metrics = m2
	if err := worker.New(cfg, q, fakeProcessor{}, st).Run(ctx); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(ctx, "SELECT count(*) FROM articles").Scan(&n); err != nil || n != 49 {
		t.Errorf("after the second delivery: %d articles, %v; want 49", n, err)
	}
	if s := fmt.Sprint(m2.Summary()...); !strings.Contains(s, "skipped49") || !strings.Contains(s, "extracted0") {
		t.Errorf("second run: %s; want 49 skipped, none extracted", s)
	}
}

// publishRaw publishes a body that is no article.
func publishRaw(t *testing.T, url, subject string, body []byte) {
	t.Helper()
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := js.Publish(context.Background(), subject, body); err != nil {
		t.Fatal(err)
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
