package queue_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/queue"
	"github.com/sitrep-project/sitrep/internal/queue/queuetest"
	"github.com/sitrep-project/sitrep/internal/store"
)

func open(t *testing.T, cfg queue.Config) *queue.Queue {
	t.Helper()
	q, err := queue.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Consume(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

func articles(n int) []*sitrep.Article {
	out := make([]*sitrep.Article, n)
	for i := range out {
		out[i] = &sitrep.Article{
			ID: fmt.Sprintf("a%03d", i), Published: "2024-05-01", Source: []string{"bbc.co.uk", "", "Reuters Wire"}[i%3],
			Title: fmt.Sprintf("Title %d", i), Text: fmt.Sprintf("Troops entered town %d on Monday.", i),
		}
	}
	return out
}

// What fetchAll does with a message.
const (
	ack   = iota
	retry // ask for it again at once
	done  // nothing: the callback handled it
)

// fetchAll fetches until the queue is empty, doing with each message what
// do says, and returns the articles acknowledged.
func fetchAll(t *testing.T, q *queue.Queue, do func(*queue.Message) int) []*sitrep.Article {
	t.Helper()
	ctx := context.Background()
	var out []*sitrep.Article
	for empty := 0; empty < 2; {
		ms, err := q.Fetch(ctx, 10, 300*time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) == 0 {
			empty++
			continue
		}
		empty = 0
		for _, m := range ms {
			switch do(m) {
			case retry:
				if err := m.Retry(0); err != nil {
					t.Fatal(err)
				}
				continue
			case done:
				continue
			}
			a, err := m.Article(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if m.ID != a.ID || m.Hash != store.InputHash(a) {
				t.Errorf("message headers %s %s, article %s %s", m.ID, m.Hash, a.ID, store.InputHash(a))
			}
			out = append(out, a)
			if err := m.Ack(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	return out
}

func TestSubject(t *testing.T) {
	for _, c := range []struct{ source, want string }{
		{"", "sitrep.articles._"},
		{"bbc.co.uk", "sitrep.articles.bbc_co_uk"},
		{"Reuters Wire", "sitrep.articles.Reuters_Wire"},
		{"a*b>c", "sitrep.articles.a_b_c"},
		{"Le Monde é", "sitrep.articles.Le_Monde___"},
	} {
		if got := queue.Subject(queue.ArticleSubjects, c.source); got != c.want {
			t.Errorf("Subject(%q) = %q, want %q", c.source, got, c.want)
		}
	}
}

// TestPublishFetch publishes articles twice, one of them with a text too
// long for a message, and checks that each comes out once, whole, and
// that the long text's object is gone once acknowledged.
func TestPublishFetch(t *testing.T) {
	ctx := context.Background()
	q := open(t, queue.Config{URL: queuetest.Server(t), InlineMax: 1 << 10})
	in := articles(30)
	in[7].Text = strings.Repeat("Rebels shelled the city of Aleppo on Friday. ", 20000) // ~900 KB, over the 1 MB default max_payload with JSON
	for round := range 2 {
		p := q.Publisher()
		for _, a := range in {
			if err := p.Publish(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		if err := p.Flush(ctx); err != nil {
			t.Fatal(err)
		}
		if want := [2]int{30, 0}; round == 1 {
			want = [2]int{0, 30}
			if got := [2]int{p.Published, p.Duplicates}; got != want {
				t.Errorf("round %d: published, duplicates = %v, want %v", round, got, want)
			}
		} else if got := [2]int{p.Published, p.Duplicates}; got != want {
			t.Errorf("round %d: published, duplicates = %v, want %v", round, got, want)
		}
	}
	if pending, _, err := q.Lag(ctx); err != nil || pending != 30 {
		t.Fatalf("lag %d, %v; want 30", pending, err)
	}
	got := fetchAll(t, q, func(*queue.Message) int { return ack })
	slices.SortFunc(got, func(a, b *sitrep.Article) int { return strings.Compare(a.ID, b.ID) })
	if len(got) != len(in) {
		t.Fatalf("fetched %d articles, want %d", len(got), len(in))
	}
	for i := range in {
		if *got[i] != *in[i] {
			t.Errorf("article %d: got %+.80v, want %+.80v", i, *got[i], *in[i])
		}
	}
	if pending, inFlight, err := q.Lag(ctx); err != nil || pending+inFlight != 0 {
		t.Errorf("lag after acking all: %d + %d, %v", pending, inFlight, err)
	}
	if n := objects(t, q); n != 0 {
		t.Errorf("%d texts left in the object store after acking", n)
	}
}

// TestRetryAndDeadLetter refuses one article every time: it is delivered
// MaxDeliver times, then set aside with its error; the others pass.
func TestRetryAndDeadLetter(t *testing.T) {
	ctx := context.Background()
	q := open(t, queue.Config{URL: queuetest.Server(t), MaxDeliver: 3})
	p := q.Publisher()
	for _, a := range articles(5) {
		if err := p.Publish(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if err := p.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	var deliveries []uint64
	got := fetchAll(t, q, func(m *queue.Message) int {
		if m.ID != "a002" {
			return ack
		}
		deliveries = append(deliveries, m.Deliveries)
		if !m.LastTry() {
			return retry
		}
		if err := m.DeadLetter(ctx, errors.New("extract: boom\nstack line")); err != nil {
			t.Fatal(err)
		}
		return done
	})
	if len(got) != 4 {
		t.Errorf("%d articles passed, want 4", len(got))
	}
	if !slices.Equal(deliveries, []uint64{1, 2, 3}) {
		t.Errorf("deliveries of the failing article %v, want [1 2 3]", deliveries)
	}
	dl, err := q.DeadLetters(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []queue.DeadLetter{{Subject: "sitrep.articles.Reuters_Wire", ArticleID: "a002", Error: "extract: boom stack line", Deliveries: 3}}
	if !slices.Equal(dl, want) {
		t.Errorf("dead letters %+v, want %+v", dl, want)
	}
}

// TestBadMessage checks that a message that is no article is an error
// of that message, not a crash.
func TestBadMessage(t *testing.T) {
	ctx := context.Background()
	url := queuetest.Server(t)
	q := open(t, queue.Config{URL: url})
	for i, body := range []string{"not json", `{"article":null}`, `{"article":{"id":"x"},"text":"changed"}`} {
		if err := q.PublishRaw(ctx, "sitrep.articles.test", fmt.Sprint("bad", i), []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	ms, err := q.Fetch(ctx, 10, time.Second)
	if err != nil || len(ms) != 3 {
		t.Fatalf("fetched %d, %v; want 3", len(ms), err)
	}
	for _, m := range ms {
		if a, err := m.Article(ctx); err == nil {
			t.Errorf("message %s decoded as %+v", m.Hash, a)
		}
	}
}

func objects(t *testing.T, q *queue.Queue) int {
	t.Helper()
	n, err := q.TextObjects(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestBackPressure bounds the stream to a few articles: publishing waits
// until the consumer makes room, and nothing is lost.
func TestBackPressure(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	q := open(t, queue.Config{URL: queuetest.Server(t), MaxBytes: 2000})
	in := articles(40)
	published := make(chan error, 1)
	go func() {
		p := q.Publisher()
		for _, a := range in {
			if err := p.Publish(ctx, a); err != nil {
				published <- err
				return
			}
		}
		published <- p.Flush(ctx)
	}()
	seen := map[string]bool{}
	for len(seen) < len(in) && ctx.Err() == nil {
		ms, err := q.Fetch(ctx, 5, 200*time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			seen[m.ID] = true
			if err := m.Ack(ctx); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := <-published; err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(in) {
		t.Errorf("consumed %d articles, want %d", len(seen), len(in))
	}
}

// TestAbandoned delivers an article twice without an answer, as a worker
// that crashes on it would; the server's max-deliveries advisory then
// sets it aside on the dead-letter subject and out of the queue.
func TestAbandoned(t *testing.T) {
	ctx := context.Background()
	q := open(t, queue.Config{URL: queuetest.Server(t), MaxDeliver: 2, AckWait: 300 * time.Millisecond})
	stop, err := q.DeadLetterAbandoned(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	p := q.Publisher()
	if err := p.Publish(ctx, articles(1)[0]); err != nil {
		t.Fatal(err)
	}
	if err := p.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	delivered := 0
	var dl []queue.DeadLetter
	for deadline := time.Now().Add(20 * time.Second); len(dl) == 0 && time.Now().Before(deadline); {
		ms, err := q.Fetch(ctx, 1, 200*time.Millisecond)
		if err != nil {
			t.Fatal(err)
		}
		delivered += len(ms) // and no answer
		if dl, err = q.DeadLetters(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if delivered != 2 || len(dl) != 1 || dl[0].ArticleID != "a000" || dl[0].Deliveries != 2 || !strings.Contains(dl[0].Error, "without an answer") {
		t.Fatalf("delivered %d times, dead letters %+v; want 2 and a000 set aside", delivered, dl)
	}
	if pending, inFlight, err := q.Lag(ctx); err != nil || pending+inFlight != 0 {
		t.Errorf("lag after setting aside: %d + %d, %v", pending, inFlight, err)
	}
}
