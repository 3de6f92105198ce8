// Command scaling measures how 'sitrep worker' scales on this machine:
// the throughput of 1, 2, 4, ... worker processes over the same bench
// articles, the CPU each article costs (summed over the workers, user and
// system), and the cost of the queue against the embedded path ('sitrep
// ingest' into the same PostgreSQL, one process).
//
// It starts its own NATS server with JetStream in this process (a fresh
// one per run, on loopback), makes a PostgreSQL schema per run on the
// test server and drops it after, and runs the sitrep binary given.
// Every run is bounded by -timeout.
//
// Usage (from the module root):
//
//	go build -o /tmp/sitrep ./cmd/sitrep
//	go run ./scripts/scaling -bin /tmp/sitrep -n 1000 -workers 1,2,4
package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/nats-io/nats-server/v2/server"
)

func main() {
	bin := flag.String("bin", "/tmp/sitrep", "the sitrep binary")
	dsn := flag.String("db", envOr("SITREP_TEST_POSTGRES", "postgres://root@127.0.0.1:5432/test?sslmode=disable"), "PostgreSQL server (a schema per run is made and dropped)")
	corpus := flag.String("corpus", "../shared/corpus/bench/afp-xinhua-1997.jsonl", "bench corpus (JSON Lines)")
	n := flag.Int("n", 1000, "articles per run")
	workers := flag.String("workers", "1,2,4", "numbers of worker processes to run")
	threads := flag.Int("threads", 1, "extraction threads per worker (--workers of sitrep worker)")
	timeout := flag.Duration("timeout", 10*time.Minute, "bound of each run")
	flag.Parse()
	log.SetFlags(0)

	input, err := prepare(*corpus, *n)
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(filepath.Dir(input))
	load, _ := os.ReadFile("/proc/loadavg")
	fmt.Printf("# %d articles of %s; %d extraction thread(s) per process; load average before: %s", *n, filepath.Base(*corpus), *threads, load)
	fmt.Printf("%-22s %8s %10s %12s %14s\n", "run", "wall s", "articles/s", "CPU ms/art", "NATS CPU ms/art")

	ctx := context.Background()
	r, err := embedded(ctx, *bin, *dsn, input, *n, *threads, *timeout)
	if err != nil {
		log.Fatal(err)
	}
	r.print("ingest (embedded)")
	for _, w := range strings.Split(*workers, ",") {
		k, err := strconv.Atoi(w)
		if err != nil || k < 1 {
			log.Fatalf("-workers: bad number %q", w)
		}
		r, err := queued(ctx, *bin, *dsn, input, *n, k, *threads, *timeout)
		if err != nil {
			log.Fatal(err)
		}
		r.print(fmt.Sprintf("%d worker(s)", k))
	}
}

type result struct {
	n       int
	wall    time.Duration // until every article is stored and linked
	cpu     time.Duration // user + system of the sitrep processes
	natsCPU time.Duration // user + system of this process (the NATS server)
}

func (r result) print(name string) {
	fmt.Printf("%-22s %8.1f %10.1f %12.2f %14.2f\n", name, r.wall.Seconds(), float64(r.n)/r.wall.Seconds(),
		ms(r.cpu)/float64(r.n), ms(r.natsCPU)/float64(r.n))
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// embedded runs 'sitrep ingest' (extraction, storage and linking in one
// process) into a fresh schema.
func embedded(ctx context.Context, bin, dsn, input string, n, threads int, timeout time.Duration) (result, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	db, drop, err := schema(ctx, dsn)
	if err != nil {
		return result{}, err
	}
	defer drop()
	cmd := exec.CommandContext(ctx, bin, "ingest", "--db", db, "--workers", strconv.Itoa(threads), input)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	t := time.Now()
	if err := cmd.Run(); err != nil {
		return result{}, fmt.Errorf("ingest: %v\n%s", err, stderr.Bytes())
	}
	return result{n: n, wall: time.Since(t), cpu: cpuOf(cmd.ProcessState)}, nil
}

// queued publishes the articles to a fresh NATS server and runs k
// workers until the queue is empty.
func queued(ctx context.Context, bin, dsn, input string, n, k, threads int, timeout time.Duration) (result, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	dir, err := os.MkdirTemp("", "sitrep-scaling-nats")
	if err != nil {
		return result{}, err
	}
	defer os.RemoveAll(dir)
	ns, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: server.RANDOM_PORT, JetStream: true, StoreDir: dir, NoLog: true, NoSigs: true})
	if err != nil {
		return result{}, err
	}
	ns.Start()
	defer ns.Shutdown()
	if !ns.ReadyForConnections(10 * time.Second) {
		return result{}, fmt.Errorf("nats server not ready")
	}
	db, drop, err := schema(ctx, dsn)
	if err != nil {
		return result{}, err
	}
	defer drop()
	if out, err := exec.CommandContext(ctx, bin, "ingest", "--queue", ns.ClientURL(), input).CombinedOutput(); err != nil {
		return result{}, fmt.Errorf("ingest --queue: %v\n%s", err, out)
	}
	self0 := selfCPU()
	const idle = 2 * time.Second
	t := time.Now()
	cmds := make([]*exec.Cmd, k)
	logs := make([]bytes.Buffer, k)
	for i := range cmds {
		cmds[i] = exec.CommandContext(ctx, bin, "worker", "--queue", ns.ClientURL(), "--db", db, "--workers", strconv.Itoa(threads),
			"--exit-idle", idle.String(), "--link-every", "5s", "--metrics", "")
		cmds[i].Stderr = &logs[i]
		if err := cmds[i].Start(); err != nil {
			return result{}, err
		}
	}
	r := result{n: n}
	var last time.Time
	for i, c := range cmds {
		if err := c.Wait(); err != nil {
			return result{}, fmt.Errorf("worker %d: %v\n%s", i, err, logs[i].Bytes())
		}
		last = time.Now()
		r.cpu += cpuOf(c.ProcessState)
	}
	// The workers wait idle that long before they exit.
	r.wall = last.Sub(t) - idle
	r.natsCPU = selfCPU() - self0
	return r, nil
}

func cpuOf(ps *os.ProcessState) time.Duration { return ps.UserTime() + ps.SystemTime() }

// selfCPU is the CPU time of this process: the embedded NATS server.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// schema makes a fresh schema and returns a dsn that uses it and a func
// that drops it.
func schema(ctx context.Context, dsn string) (string, func(), error) {
	c, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return "", nil, err
	}
	name := "sitrep_scaling_" + strings.ToLower(rand.Text()[:10])
	if _, err := c.Exec(ctx, "CREATE SCHEMA "+name); err != nil {
		c.Close(ctx)
		return "", nil, err
	}
	drop := func() {
		if _, err := c.Exec(context.Background(), "DROP SCHEMA "+name+" CASCADE"); err != nil {
			log.Printf("drop schema %s: %v", name, err)
		}
		c.Close(context.Background())
	}
	u, err := url.Parse(dsn)
	if err != nil {
		drop()
		return "", nil, err
	}
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String(), drop, nil
}

// prepare writes the first n articles of corpus in linking order
// (publication date, then id) to a temporary file.
func prepare(corpus string, n int) (string, error) {
	f, err := os.Open(corpus)
	if err != nil {
		return "", err
	}
	defer f.Close()
	type line struct{ date, id, raw string }
	var lines []line
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() && len(lines) < n {
		var a struct {
			ID   any    `json:"id"`
			Date string `json:"date"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return "", fmt.Errorf("%s:%d: %w", corpus, len(lines)+1, err)
		}
		lines = append(lines, line{a.Date, fmt.Sprint(a.ID), sc.Text()})
	}
	if err := sc.Err(); err != nil {
		return "", err
	}
	slices.SortFunc(lines, func(a, b line) int {
		if c := strings.Compare(a.date, b.date); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	dir, err := os.MkdirTemp("", "sitrep-scaling")
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	for _, l := range lines {
		b.WriteString(l.raw + "\n")
	}
	p := filepath.Join(dir, "input.jsonl")
	return p, os.WriteFile(p, b.Bytes(), 0o644)
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
