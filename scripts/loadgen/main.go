// Command loadgen measures the latency of sitrep's API under concurrent
// clients: it sends a fixed mix of filtered /api/events first pages (and,
// with -mix all, the other read endpoints) to a server on this machine
// and prints p50, p90, p99 and the maximum per number of clients, and the
// slowest of the first requests of each path in the level ("cold"): on a
// server just started, those are the answers its cache does not hold yet.
//
// It only talks to loopback addresses, and every run is bounded: each
// level stops after -n requests or -max-time, whichever comes first.
//
// Usage (from the module root, with a server running):
//
//	go run ./cmd/sitrep serve --db bench.db --addr 127.0.0.1:8181 &
//	go run ./scripts/loadgen -url http://127.0.0.1:8181 -clients 1,4,16 -n 3000
//
// Only the first level of a run starts on a cold cache; to measure every
// level cold, start a new server for each (docs/ARCHITECTURE.md, Limits).
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// eventQueries are the filtered first pages asked for: the filters a
// person combines in the UI.
var eventQueries = []string{
	"",
	"actor=USA",
	"actor=---GOV",
	"country=US",
	"country=IQ",
	"root=19",
	"root=03",
	"quad=4",
	"plover=PROTEST",
	"from=1997-01-01&to=1997-12-31",
	"from=1997-06-01&to=1997-06-30&quad=4",
	"actor=USA&root=04",
	"country=GB&quad=1",
	"q=oil",
	"q=election&country=US",
	"min_confidence=0.5",
	"sort=confidence",
	"modality=asserted&root=11",
	"bbox=30,20,60,40",
	"cameo=19&limit=50",
}

// otherPaths are the other read endpoints, for -mix all.
var otherPaths = []string{
	"/api/stats",
	"/api/timeline?interval=month",
	"/api/actors?limit=20",
	"/api/stats?country=US",
	"/api/timeline?interval=week&root=19",
}

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "server `URL` (loopback only)")
	clients := flag.String("clients", "1,4,16", "comma-separated numbers of concurrent clients")
	n := flag.Int("n", 3000, "requests per level")
	maxTime := flag.Duration("max-time", 60*time.Second, "longest time per level")
	mix := flag.String("mix", "events", "requests: events (filtered /api/events first pages) or all")
	flag.Parse()
	if err := run(*base, *clients, *n, *maxTime, *mix); err != nil {
		log.Fatal(err)
	}
}

func run(base, clientList string, n int, maxTime time.Duration, mix string) error {
	u, err := url.Parse(base)
	if err != nil {
		return fmt.Errorf("-url: %w", err)
	}
	if err := loopback(u.Hostname()); err != nil {
		return err
	}
	var paths []string
	for _, q := range eventQueries {
		paths = append(paths, "/api/events?"+q)
	}
	switch mix {
	case "events":
	case "all":
		paths = append(paths, otherPaths...)
	default:
		return fmt.Errorf("-mix %q: want events or all", mix)
	}
	var levels []int
	for _, f := range strings.Split(clientList, ",") {
		c, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || c < 1 || c > 256 {
			return fmt.Errorf("-clients: %q is not a number from 1 to 256", f)
		}
		levels = append(levels, c)
	}
	tr := &http.Transport{MaxIdleConnsPerHost: 256, DisableCompression: true}
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	fmt.Printf("%s, %d paths, %d requests per level (at most %s)\n", u.Redacted(), len(paths), n, maxTime)
	fmt.Printf("%7s %8s %8s %8s %8s %8s %8s %8s %6s\n", "clients", "requests", "req/s", "p50", "p90", "p99", "max", "cold", "errors")
	for _, c := range levels {
		r := level(client, strings.TrimSuffix(base, "/"), paths, c, n, maxTime)
		fmt.Printf("%7d %8d %8.0f %8s %8s %8s %8s %8s %6d\n", c, len(r.lat), float64(len(r.lat))/r.elapsed.Seconds(),
			pct(r.lat, 50), pct(r.lat, 90), pct(r.lat, 99), pct(r.lat, 100), pct(r.cold, 100), r.errors)
		if r.firstErr != "" {
			fmt.Fprintln(os.Stderr, "first error:", r.firstErr)
		}
	}
	return nil
}

// loopback refuses any host that is not on this machine's loopback.
func loopback(host string) error {
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("-url: %q is not a loopback address; loadgen only loads a server on this machine", host)
}

type result struct {
	lat      []time.Duration
	cold     []time.Duration // of the first request of each path
	errors   int
	firstErr string
	elapsed  time.Duration
}

// level runs c clients until n requests are sent or maxTime passes.
func level(client *http.Client, base string, paths []string, c, n int, maxTime time.Duration) result {
	ctx, cancel := context.WithTimeout(context.Background(), maxTime)
	defer cancel()
	var next atomic.Int64
	var mu sync.Mutex
	var r result
	var wg sync.WaitGroup
	start := time.Now()
	for range c {
		wg.Add(1)
		go func() {
			defer wg.Done()
			lat := make([]time.Duration, 0, n/c+1)
			var cold []time.Duration
			var errs int
			var firstErr string
			for ctx.Err() == nil {
				i := next.Add(1) - 1
				if i >= int64(n) {
					break
				}
				p := paths[i%int64(len(paths))]
				t := time.Now()
				err := get(ctx, client, base+p)
				if ctx.Err() != nil {
					break // cut by the time limit: not a server error
				}
				lat = append(lat, time.Since(t))
				if i < int64(len(paths)) {
					cold = append(cold, lat[len(lat)-1])
				}
				if err != nil {
					errs++
					if firstErr == "" {
						firstErr = p + ": " + err.Error()
					}
				}
			}
			mu.Lock()
			r.lat = append(r.lat, lat...)
			r.cold = append(r.cold, cold...)
			r.errors += errs
			if r.firstErr == "" {
				r.firstErr = firstErr
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	r.elapsed = time.Since(start)
	slices.Sort(r.lat)
	slices.Sort(r.cold)
	return r
}

func get(ctx context.Context, client *http.Client, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return nil
}

// pct returns the p-th percentile of sorted latencies, rounded.
func pct(sorted []time.Duration, p int) string {
	if len(sorted) == 0 {
		return "-"
	}
	i := min(len(sorted)-1, (len(sorted)*p+99)/100-1)
	return sorted[max(i, 0)].Round(100 * time.Microsecond).String()
}
