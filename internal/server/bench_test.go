package server

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

// benchDB returns a SQLite database for the API benchmark: the file named
// by SITREP_BENCH_DB when set (e.g. one filled by 'sitrep ingest' from the
// whole bench corpus), else a fresh database holding the shared bench
// corpus files named by SITREP_BENCH_CORPUS (comma separated, default the
// AFP/Xinhua file) run through the pipeline.
func benchDB(b *testing.B) store.Store {
	b.Helper()
	ctx := context.Background()
	if p := os.Getenv("SITREP_BENCH_DB"); p != "" {
		st, err := sqlite.Open(ctx, p)
		if err != nil {
			b.Fatal(err)
		}
		return st
	}
	names := os.Getenv("SITREP_BENCH_CORPUS")
	if names == "" {
		names = "afp-xinhua-1997.jsonl"
	}
	var paths []string
	for _, n := range strings.Split(names, ",") {
		paths = append(paths, sitreptest.SharedFile(b, filepath.Join("corpus", "bench", n)))
	}
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	arts := make(chan *sitrep.Article, 64)
	go func() {
		defer close(arts)
		_ = ingest.NewReader(ingest.Options{}, nil).Read(ctx, paths, func(it ingest.Item) error {
			if it.Article != nil {
				arts <- it.Article
			}
			return nil
		})
	}()
	var batch []*sitrep.Result
	articles, events := 0, 0
	flush := func() error {
		_, err := store.PutAll(ctx, st, batch)
		batch = batch[:0]
		return err
	}
	err = pipeline.Run(ctx, p, pipeline.RunOptions{Workers: runtime.GOMAXPROCS(0)}, arts, func(o pipeline.Outcome) error {
		if o.Err != nil {
			return nil
		}
		articles++
		events += len(o.Result.Events)
		if batch = append(batch, o.Result); len(batch) == 256 {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("ingested %d articles, %d events in %v", articles, events, time.Since(start).Round(time.Millisecond))
	return st
}

// BenchmarkEventsAPI measures GET /api/events over loopback HTTP with
// typical UI filters against a database of real news, and reports the
// 50th and 99th percentile latency of each query.
//
//	go test ./internal/server -run '^$' -bench EventsAPI -benchtime 400x
func BenchmarkEventsAPI(b *testing.B) {
	st := benchDB(b)
	defer st.Close()
	srv := httptest.NewServer(New(st, nil))
	defer srv.Close()
	client := srv.Client()

	// Filter values that exist in this database.
	var stats store.Stats
	benchGet(b, client, srv.URL+"/api/stats", &stats)
	var actors actorsResponse
	benchGet(b, client, srv.URL+"/api/actors?limit=1", &actors)
	if stats.Events == 0 || len(actors.Actors) == 0 {
		b.Fatalf("empty database: %+v", stats)
	}
	b.Logf("database: %d events, %d articles, %s to %s", stats.Events, stats.Articles, stats.FirstDate, stats.LastDate)
	top := func(m map[string]int) string {
		best, n := "", -1
		for k, v := range m {
			if v > n || v == n && k < best {
				best, n = k, v
			}
		}
		return best
	}
	country, root := top(stats.Countries), top(stats.ByRoot)
	mid := stats.FirstDate
	if t, err := time.Parse(time.DateOnly, stats.FirstDate); err == nil {
		mid = t.AddDate(0, 1, 0).Format(time.DateOnly)
	}
	var first eventsResponse
	benchGet(b, client, srv.URL+"/api/events", &first)

	queries := []struct{ name, q string }{
		{"all", ""},
		{"root", "root=" + root},
		{"quad", "quad=4"},
		{"country", "country=" + country},
		{"actor", "actor=" + actors.Actors[0].Actor},
		{"dates", "from=" + stats.FirstDate + "&to=" + mid},
		{"bbox", "bbox=-20,-35,60,38"},
		{"text", "q=minister"},
		{"combined", "quad=3&from=" + stats.FirstDate + "&country=" + country + "&limit=50"},
		{"plover1000", "plover=CONSULT&limit=1000"},
		{"page2", "cursor=" + url.QueryEscape(first.Next)},
	}
	var all []time.Duration
	for _, q := range queries {
		b.Run(q.name, func(b *testing.B) {
			u := srv.URL + "/api/events?" + q.q
			lat := make([]time.Duration, 0, b.N)
			for b.Loop() {
				t := time.Now()
				resp, err := client.Get(u)
				if err != nil {
					b.Fatal(err)
				}
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK {
					b.Fatalf("%s: %d %v", u, resp.StatusCode, err)
				}
				lat = append(lat, time.Since(t))
			}
			all = append(all, lat...)
			reportPercentiles(b, lat)
		})
	}
	// The UI's queries (pages of at most 100) from 4 clients at once.
	b.Run("mixed-parallel", func(b *testing.B) {
		var urls []string
		for _, q := range queries {
			if !strings.Contains(q.q, "limit=1000") {
				urls = append(urls, srv.URL+"/api/events?"+q.q)
			}
		}
		var mu sync.Mutex
		var lat []time.Duration
		b.SetParallelism(2)
		b.RunParallel(func(pb *testing.PB) {
			var mine []time.Duration
			for i := 0; pb.Next(); i++ {
				t := time.Now()
				resp, err := client.Get(urls[i%len(urls)])
				if err != nil {
					b.Error(err)
					return
				}
				_, err = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if err != nil || resp.StatusCode != http.StatusOK {
					b.Errorf("%s: %d %v", urls[i%len(urls)], resp.StatusCode, err)
					return
				}
				mine = append(mine, time.Since(t))
			}
			mu.Lock()
			lat = append(lat, mine...)
			mu.Unlock()
		})
		reportPercentiles(b, lat)
	})
	if len(all) > 0 {
		sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
		b.Logf("all queries: n=%d p50=%v p99=%v max=%v", len(all), pct(all, 50), pct(all, 99), all[len(all)-1])
	}
}

func benchGet(b *testing.B, c *http.Client, u string, v any) {
	b.Helper()
	resp, err := c.Get(u)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		b.Fatalf("%s: %v", u, err)
	}
}

func reportPercentiles(b *testing.B, lat []time.Duration) {
	if len(lat) == 0 {
		return
	}
	s := append([]time.Duration(nil), lat...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	b.ReportMetric(float64(pct(s, 50))/1e6, "p50-ms")
	b.ReportMetric(float64(pct(s, 99))/1e6, "p99-ms")
}

// pct returns the p-th percentile of sorted durations (nearest rank).
func pct(sorted []time.Duration, p int) time.Duration {
	i := (len(sorted)*p + 99) / 100
	return sorted[max(0, min(i-1, len(sorted)-1))]
}
