package queue_test

import (
	"context"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/queue"
	"github.com/sitrep-project/sitrep/internal/queue/queuetest"
)

// TestClusterLosesNode runs the queue on a 3-node JetStream cluster with
// 3 replicas, stops the server that leads the article stream halfway, and
// checks that publishing and fetching go on and that no article is lost.
// (The queue delivers at least once: an acknowledgement lost in the
// failover brings an article again, which the workers' store absorbs.)
func TestClusterLosesNode(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a 3-node cluster")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	servers := queuetest.Cluster(t, 3)
	q := open(t, queue.Config{URL: queuetest.URL(servers), Replicas: 3, AckWait: 5 * time.Second})
	all := articles(400)
	publish := func(as []*sitrep.Article) {
		t.Helper()
		p := q.Publisher()
		for _, a := range as {
			if err := p.Publish(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		if err := p.Flush(ctx); err != nil {
			t.Fatal(err)
		}
	}
	seen := map[string]int{}
	consume := func(n int) {
		t.Helper()
		for got := 0; got < n; {
			if ctx.Err() != nil {
				t.Fatalf("consumed %d of %d: %v", got, n, ctx.Err())
			}
			ms, err := q.Fetch(ctx, 50, time.Second)
			if err != nil {
				t.Logf("fetch (retrying): %v", err)
				continue
			}
			for _, m := range ms {
				a, err := m.Article(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if err := m.Ack(ctx); err != nil {
					t.Logf("ack (the article comes again): %v", err)
					continue
				}
				seen[a.ID]++
				got++
			}
		}
	}
	publish(all[:200])
	consume(100)

	leader := -1
	for i, s := range servers {
		if s.JetStreamIsStreamLeader("$G", queue.Stream) {
			leader = i
		}
	}
	if leader < 0 {
		t.Fatal("no leader of the article stream")
	}
	servers[leader].Shutdown()
	servers[leader].WaitForShutdown()
	t.Logf("stopped server %d, the stream's leader", leader)

	publish(all[200:])
	consume(300)
	if ms, err := q.Fetch(ctx, 10, 2*time.Second); err != nil || len(ms) != 0 {
		t.Errorf("after all: %d more messages, %v", len(ms), err)
	}
	again := 0
	for _, a := range all {
		switch n := seen[a.ID]; {
		case n == 0:
			t.Errorf("article %s lost", a.ID)
		case n > 1:
			again += n - 1
		}
	}
	t.Logf("%d articles, %d delivered again after an acknowledgement", len(all), again)
}
