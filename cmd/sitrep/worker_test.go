package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/queue/queuetest"
	"github.com/sitrep-project/sitrep/internal/sitreptest"
	"github.com/sitrep-project/sitrep/internal/store/postgres/pgtest"
)

// queueTestArticles is how many bench articles the queue test ingests:
// enough that 3 workers each store several batches, and that linking
// finds situations across many articles.
const queueTestArticles = 2000

// TestWorkersKill9 is the acceptance test of the queue deployment: the
// same bench articles are ingested once by one process ('sitrep ingest'
// into PostgreSQL) and once through a JetStream work queue by 3 'sitrep
// worker' processes, one of which is killed with SIGKILL in the middle
// of a batch and started again. The two databases must hold the same
// rows: articles, events (mentions), linked events, situations and
// duplicates, compared whole, so nothing is lost or stored twice.
func TestWorkersKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and runs 3 workers")
	}
	input := benchInput(t, queueTestArticles)
	refDSN, refDB := pgtest.Schema(t)
	dsn, db := pgtest.Schema(t)
	url := queuetest.Server(t)
	dir := t.TempDir()
	bin := filepath.Join(dir, "sitrep")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()

	t0 := time.Now()
	if out, err := exec.CommandContext(ctx, bin, "ingest", "--db", refDSN, input).CombinedOutput(); err != nil {
		t.Fatalf("single-process ingest: %v\n%s", err, out)
	}
	t.Logf("single-process ingest of %d articles: %.1f s", queueTestArticles, time.Since(t0).Seconds())

	t0 = time.Now()
	if out, err := exec.CommandContext(ctx, bin, "ingest", "--queue", url, input).CombinedOutput(); err != nil {
		t.Fatalf("ingest --queue: %v\n%s", err, out)
	} else if !strings.Contains(string(out), fmt.Sprintf("queued %d articles", queueTestArticles)) {
		t.Fatalf("ingest --queue: %s", out)
	}
	// Publishing again queues nothing: the message ids are the content.
	if out, err := exec.CommandContext(ctx, bin, "ingest", "--queue", url, input).CombinedOutput(); err != nil ||
		!strings.Contains(string(out), fmt.Sprintf("queued 0 articles to SITREP_ARTICLES (%d already queued)", queueTestArticles)) {
		t.Fatalf("ingest --queue again: %v\n%s", err, out)
	}

	start := func(name string) *workerProc {
		w := &workerProc{name: name}
		w.cmd = exec.CommandContext(ctx, bin, "worker", "--queue", url, "--db", dsn, "--workers", "1", "--batch", "32",
			"--ack-wait", "6s", "--link-every", "2s", "--exit-idle", "3s", "--metrics", "", "--log", "json")
		w.cmd.Stderr = &w.log
		if err := w.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		w.done = make(chan error, 1)
		go func() { w.done <- w.cmd.Wait() }()
		return w
	}
	var ws []*workerProc
	for i := range 3 {
		ws = append(ws, start(fmt.Sprint("worker", i)))
	}
	waitStored := func(n int) {
		t.Helper()
		for stored := 0; stored < n; time.Sleep(50 * time.Millisecond) {
			err := db.QueryRow(ctx, "SELECT count(*) FROM articles").Scan(&stored)
			if err != nil && !strings.Contains(err.Error(), "does not exist") {
				t.Fatal(err) // (the workers create the tables)
			}
		}
	}
	// Kill worker0 once a quarter of the articles are stored: each
	// worker then holds a batch it is extracting or storing.
	waitStored(queueTestArticles / 4)
	if err := ws[0].cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-ws[0].done
	t.Logf("killed worker0 (SIGKILL) after %.1f s", time.Since(t0).Seconds())
	ws = append(ws, start("worker0-restarted"))
	// Stop worker1 with SIGTERM halfway: it finishes the batch in hand,
	// if any, and exits.
	waitStored(queueTestArticles / 2)
	if err := ws[1].cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-ws[1].done:
		if err != nil || !strings.Contains(ws[1].log.String(), "worker stopped") {
			t.Fatalf("worker1 after SIGTERM: %v\n%s", err, ws[1].log.String())
		}
		ws[1].done <- nil
	case <-time.After(time.Minute):
		t.Fatal("worker1 did not stop within a minute of SIGTERM")
	}
	t.Logf("stopped worker1 (SIGTERM) after %.1f s", time.Since(t0).Seconds())
	sum := map[string]int{}
	for _, w := range ws[1:] {
		if err := <-w.done; err != nil {
			t.Fatalf("%s: %v\n%s", w.name, err, w.log.String())
		}
		s := w.summary(t)
		t.Logf("%s: %v", w.name, s)
		for k, v := range s {
			sum[k] += v
		}
	}
	t.Logf("3 workers (one killed and restarted, one stopped): %.1f s", time.Since(t0).Seconds())
	// worker0's batch comes again: skipped if it was killed between
	// commit and ack, extracted again if before the commit.
	if sum["redelivered"] == 0 {
		t.Errorf("no article was delivered again: worker0 was not killed in the middle of a batch")
	}
	if sum["dead_lettered"] != 0 || sum["failed"] != 0 {
		t.Errorf("failures: %v", sum)
	}

	want, got := pgtest.Digest(t, refDB), pgtest.Digest(t, db)
	for _, table := range slices.Sorted(maps.Keys(want)) {
		if got[table] != want[table] {
			t.Errorf("%s: workers stored %s, single process %s", table, got[table], want[table])
		} else {
			t.Logf("%s: %s in both", table, got[table])
		}
	}
}

// workerProc is a 'sitrep worker' process.
type workerProc struct {
	name string
	cmd  *exec.Cmd
	log  lockedBuffer
	done chan error
}

// summary reads the counts of the worker's last log line.
func (w *workerProc) summary(t *testing.T) map[string]int {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(w.log.String()), "\n")
	var rec map[string]any
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &rec); err != nil || rec["msg"] != "worker stopped" {
		t.Fatalf("%s: last log line %q: %v", w.name, lines[len(lines)-1], err)
	}
	out := map[string]int{}
	for k, v := range rec {
		if f, ok := v.(float64); ok {
			out[k] = int(f)
		}
	}
	return out
}

// benchInput writes the first n articles of a bench corpus, in the
// order linking reads a database (publication date, then id), so that
// the single-process ingest links in the same order as the workers'
// linker once the queue is settled.
func benchInput(t *testing.T, n int) string {
	t.Helper()
	f, err := os.Open(sitreptest.SharedFile(t, "corpus/bench/afp-xinhua-1997.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type line struct{ date, id, raw string }
	var lines []line
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() && len(lines) < n {
		var a struct {
			ID   json.RawMessage `json:"id"`
			Date string          `json:"date"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		id, err := strconv.Unquote(string(a.ID))
		if err != nil {
			id = string(a.ID)
		}
		lines = append(lines, line{a.Date, id, sc.Text()})
	}
	if err := sc.Err(); err != nil || len(lines) < n {
		t.Fatalf("bench corpus: %d articles, %v", len(lines), err)
	}
	slices.SortFunc(lines, func(a, b line) int {
		if c := strings.Compare(a.date, b.date); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	var b bytes.Buffer
	for _, l := range lines {
		b.WriteString(l.raw + "\n")
	}
	p := filepath.Join(t.TempDir(), "bench.jsonl")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
