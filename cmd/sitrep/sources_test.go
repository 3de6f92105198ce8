package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	"github.com/sitrep-project/sitrep/internal/server"
	"github.com/sitrep-project/sitrep/internal/warc/warctest"
)

// newsPage is an HTML news page with boilerplate, a captioned photo and
// an event.
func newsPage(n int) string {
	return fmt.Sprintf(`<!DOCTYPE html><html><head><title>Clashes in Kano %[1]d</title>
<meta property="article:published_time" content="2024-03-0%[2]dT09:00:00Z"><meta property="og:site_name" content="Sahel Post">
<link rel="canonical" href="https://sahel.example/story/%[1]d"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Clashes in Kano %[1]d</h1>
<figure><img src="p.jpg"><figcaption>Police stand guard in Kano. <span class="credit">Aminu Abubakar/AFP</span></figcaption></figure>
<p>Police arrested 12 protesters in Kano on Monday after clashes near the central market, officials said.</p>
<p>Soldiers attacked a convoy of rebels near Maiduguri on Tuesday, killing five fighters, the army said.</p>
</article><footer>Sahel Post, all rights reserved</footer></body></html>`, n, 1+n%9)
}

func articleID(canonical string) string {
	sum := sha256.Sum256([]byte(canonical))
	return hex.EncodeToString(sum[:8])
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestExitCodes: warnings about articles that were kept leave exit 0;
// an input that could not be read gives 1.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	var lines strings.Builder
	for i := range 12 {
		fmt.Fprintf(&lines, `{"id":"%d","text":"Police arrested %d protesters in Kano."}`+"\n", i, i+2)
	}
	noDates := writeFile(t, dir, "nodates.jsonl", []byte(lines.String()))
	_, errs, code := run(t, "", "extract", noDates)
	if code != 0 {
		t.Errorf("articles kept with warnings: exit %d, want 0:\n%s", code, errs)
	}
	// Twelve warnings of one kind: five printed, then a count.
	if n := strings.Count(errs, `missing "date"`); n != 6 { // 5 lines and the summary
		t.Errorf("%d mentions of the missing date, want 5 and a summary:\n%s", n, errs)
	}
	if !strings.Contains(errs, "... and 7 more like: missing") || !strings.Contains(errs, "(12 in all)") {
		t.Errorf("no summary of the warnings not shown:\n%s", errs)
	}
	// Plain text without --date: said once.
	a := writeFile(t, dir, "a.txt", []byte("Rebels attacked Goma on Monday.\n"))
	b := writeFile(t, dir, "b.txt", []byte("Troops entered Bunia on Tuesday.\n"))
	_, errs, code = run(t, "", "extract", a, b)
	if code != 0 || strings.Count(errs, "no date given (--date YYYY-MM-DD)") != 1 {
		t.Errorf("plain text without --date: exit %d, want 0 and one warning:\n%s", code, errs)
	}
	_, errs, code = run(t, "", "extract", noDates, filepath.Join(dir, "missing.txt"))
	if code != 1 {
		t.Errorf("a missing file: exit %d, want 1:\n%s", code, errs)
	}
	out, _, code := run(t, "", "--help")
	if code != 0 || !strings.Contains(out, "Exit status:") || !strings.Contains(out, "  2  the command was called wrongly") {
		t.Errorf("--help: exit %d, no exit codes:\n%s", code, out)
	}
}

// TestExtractWebInput: HTML pages and web archives go through extract,
// with their captions read by the caption stage.
func TestExtractWebInput(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "page.html", []byte(newsPage(1)))
	writeFile(t, dir, "crawl.warc.gz", warctest.Gzip(
		warctest.Info(1),
		warctest.Request("https://sahel.example/story/2", 2),
		warctest.Response("https://sahel.example/story/2", 200, "text/html; charset=utf-8", newsPage(2), 3),
		warctest.Response("https://sahel.example/logo.png", 200, "image/png", "\x89PNG", 4),
	))
	out, errs, code := run(t, "", "extract", "--text", dir)
	if code != 0 {
		t.Fatalf("exit %d:\n%s", code, errs)
	}
	res := decodeResults(t, out)
	if len(res) != 2 {
		t.Fatalf("%d articles, want 2:\n%s", len(res), errs)
	}
	for i, r := range res {
		checkSpans(t, r)
		a := r.Article
		if a.Source != "Sahel Post" || !strings.HasPrefix(a.URL, "https://sahel.example/story/") || a.Published == "" {
			t.Errorf("article %d: %+v", i, a)
		}
		if strings.Contains(r.Text, "Home") || strings.Contains(r.Text, "<") {
			t.Errorf("article %d: boilerplate or markup in the text:\n%s", i, r.Text)
		}
		if len(r.Captions) != 1 || r.Captions[0].Agency != "AFP" || r.Captions[0].Photographer != "Aminu Abubakar" {
			t.Errorf("article %d: captions %+v", i, r.Captions)
		}
		if len(r.Events) == 0 {
			t.Errorf("article %d: no events", i)
		}
	}
}

// TestExport: every export format, straight from the database.
func TestExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "db.sqlite")
	if _, errs, code := run(t, "", "ingest", "--db", db, "../../examples"); code != 0 {
		t.Fatalf("ingest: exit %d:\n%s", code, errs)
	}
	all, errs, code := run(t, "", "export", "--db", db, "--format", "jsonl")
	if code != 0 {
		t.Fatalf("export jsonl: exit %d:\n%s", code, errs)
	}
	n := strings.Count(all, "\n")
	if n == 0 || !strings.Contains(errs, fmt.Sprintf("exported %d events", n)) {
		t.Fatalf("export jsonl: %d lines; stderr %s", n, errs)
	}
	for _, f := range server.ExportFormats() {
		out, errs, code := run(t, "", "export", "--db", db, "--format", f)
		if code != 0 || len(out) == 0 {
			t.Errorf("export %s: exit %d, %d bytes:\n%s", f, code, len(out), errs)
		}
	}
	if f := filepath.Join(dir, "out.csv"); true {
		_, errs, code := run(t, "", "export", "--db", db, "--format", "csv", "-o", f)
		data, _ := os.ReadFile(f)
		if code != 0 || strings.Count(string(data), "\n") < n+1 {
			t.Errorf("export -o: exit %d, %d lines:\n%s", code, strings.Count(string(data), "\n"), errs)
		}
	}
	some, _, code := run(t, "", "export", "--db", db, "--format", "jsonl", "--filter", "quad=4")
	if code != 0 || strings.Count(some, "\n") >= n {
		t.Errorf("--filter quad=4: exit %d, %d of %d events", code, strings.Count(some, "\n"), n)
	}
	for _, args := range [][]string{
		{"export", "--db", db},
		{"export", "--db", db, "--format", "xml"},
		{"export", "--db", db, "--format", "csv", "--filter", "root=99"},
		{"export", "--db", filepath.Join(dir, "none.db"), "--format", "csv"},
	} {
		if _, errs, code := run(t, "", args...); code != 2 {
			t.Errorf("%q: exit %d, want 2:\n%s", args, code, errs)
		}
	}
}

// newsSite serves a feed of n items and their pages, counting page hits.
type newsSite struct {
	mu    sync.Mutex
	n     int
	hits  map[string]int
	delay time.Duration
}

func (s *newsSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
	case r.URL.Path == "/feed.xml":
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<rss version="2.0"><channel><title>Sahel Post</title>`)
		for i := range s.n {
			fmt.Fprintf(w, "<item><title>Story %d</title><link>http://%s/story/%d</link><guid>story-%d</guid><pubDate>Mon, 04 Mar 2024 10:%02d:00 +0000</pubDate></item>", i, r.Host, i, i, i%60)
		}
		fmt.Fprint(w, `</channel></rss>`)
	case strings.HasPrefix(r.URL.Path, "/story/"):
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.mu.Unlock()
		time.Sleep(s.delay)
		var n int
		fmt.Sscan(strings.TrimPrefix(r.URL.Path, "/story/"), &n)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, newsPage(n))
	default:
		http.NotFound(w, r)
	}
}

// TestWatchOnce: a watch stores every item once, alerts on matching
// events once, and a second poll stores nothing new.
func TestWatchOnce(t *testing.T) {
	site := &newsSite{n: 4, hits: map[string]int{}}
	srv := httptest.NewServer(site)
	defer srv.Close()
	dir := t.TempDir()
	db := filepath.Join(dir, "db.sqlite")
	alerts := filepath.Join(dir, "alerts.jsonl")
	rules := writeFile(t, dir, "rules.json", []byte(`{"rules":[{"name":"violence","filter":"quad=4&background=include","file":"`+alerts+`"}]}`))
	args := []string{"watch", "--once", "--allow-private", "--delay", "0", "--db", db, "--alerts", rules, srv.URL + "/feed.xml"}
	_, errs, code := run(t, "", args...)
	if code != 0 || !strings.Contains(errs, "4 new items: 4 stored (4 inserted") {
		t.Fatalf("first watch: exit %d:\n%s", code, errs)
	}
	data, _ := os.ReadFile(alerts)
	first := strings.Count(string(data), "\n")
	if first == 0 {
		t.Fatalf("no alerts written:\n%s", errs)
	}
	_, errs, code = run(t, "", args...)
	if code != 0 || !strings.Contains(errs, "0 new items") {
		t.Fatalf("second watch: exit %d:\n%s", code, errs)
	}
	data, _ = os.ReadFile(alerts)
	if n := strings.Count(string(data), "\n"); n != first {
		t.Errorf("alerts %d after the second watch, want %d", n, first)
	}
	for p, n := range site.hits {
		if n != 1 {
			t.Errorf("%s fetched %d times", p, n)
		}
	}
	if _, errs, code := run(t, "", "watch", "--once", "--db", db, srv.URL+"/feed.xml"); code != 1 || !strings.Contains(errs, "private or loopback") {
		t.Errorf("watch of a loopback feed without --allow-private: exit %d:\n%s", code, errs)
	}
}

// TestWatchSIGKILL kills a watch with SIGKILL in the middle of a feed and
// starts it again: every item ends up stored once.
func TestWatchSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	const items = 24
	site := &newsSite{n: items, hits: map[string]int{}, delay: 40 * time.Millisecond}
	srv := httptest.NewServer(site)
	defer srv.Close()
	dir := t.TempDir()
	bin := filepath.Join(dir, "sitrep")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	db := filepath.Join(dir, "db.sqlite")
	args := []string{"watch", "--allow-private", "--delay", "0", "--interval", "1h", "--db", db, srv.URL + "/feed.xml"}
	var stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(time.Minute); ; time.Sleep(20 * time.Millisecond) {
		site.mu.Lock()
		n := len(site.hits)
		site.mu.Unlock()
		if n >= items/2 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("watch fetched %d pages in a minute:\n%s", n, stderr.String())
		}
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	cmd.Wait()

	out, err := exec.Command(bin, append([]string{"watch", "--once"}, args[1:]...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("restart: %v\n%s", err, out)
	}
	st := openDB(t, db)
	for i := range items {
		if _, err := st.Article(context.Background(), articleID(fmt.Sprintf("https://sahel.example/story/%d", i))); err != nil {
			t.Errorf("story %d: %v", i, err)
		}
	}
	// At most the page in flight at the kill (extracted, perhaps stored,
	// not yet marked) is fetched twice, and then stored unchanged.
	twice := 0
	for p, n := range site.hits {
		if n > 2 {
			t.Errorf("%s fetched %d times", p, n)
		}
		if n == 2 {
			twice++
		}
	}
	if twice > 1 || len(site.hits) != items {
		t.Errorf("%d pages fetched twice, %d of %d fetched", twice, len(site.hits), items)
	}
	if !strings.Contains(string(out), " 0 updated") {
		t.Errorf("restart updated articles:\n%s", out)
	}
}

// TestProgressBar: ingest draws a progress bar on a terminal and none in
// a pipe.
func TestProgressBar(t *testing.T) {
	dir := t.TempDir()
	var in strings.Builder
	for i := range 60 {
		fmt.Fprintf(&in, `{"id":"%d","date":"2024-01-02","text":"Police arrested %d protesters in Kano on Monday after clashes near the market, officials said."}`+"\n", i, i+2)
	}
	input := writeFile(t, dir, "in.jsonl", []byte(in.String()))

	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	defer ptmx.Close()
	var screen bytes.Buffer
	copied := make(chan struct{})
	go func() { io.Copy(&screen, ptmx); close(copied) }()
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: tty}
	if err := m.Run(context.Background(), []string{"ingest", "--db", filepath.Join(dir, "a.db"), input}); err != nil {
		t.Fatal(err)
	}
	tty.Close()
	select {
	case <-copied:
	case <-time.After(5 * time.Second):
	}
	if s := screen.String(); !strings.Contains(s, "ingest") || !strings.Contains(s, "%") || !strings.Contains(s, "\r") {
		t.Errorf("no progress bar on the terminal:\n%q", s)
	}

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	m = &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: w}
	err = m.Run(context.Background(), []string{"ingest", "--db", filepath.Join(dir, "b.db"), input})
	w.Close()
	piped, _ := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(piped, []byte("\r")) || bytes.Contains(piped, []byte("%|")) {
		t.Errorf("progress bar in a pipe:\n%q", piped)
	}
	if !bytes.Contains(piped, []byte("60 inserted")) {
		t.Errorf("no summary in the pipe:\n%s", piped)
	}
}

// TestIngestAlerts: ingest tells a rule's file of every new event once,
// even when the articles are extracted and stored again.
func TestIngestAlerts(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "db.sqlite")
	alerts := filepath.Join(dir, "alerts.jsonl")
	rules := writeFile(t, dir, "rules.json", []byte(`{"rules":[{"name":"all","filter":"background=include","file":"`+alerts+`"}]}`))
	_, errs, code := run(t, "", "ingest", "--db", db, "--alerts", rules, "../../examples")
	if code != 0 {
		t.Fatalf("ingest: exit %d:\n%s", code, errs)
	}
	var events int
	fmt.Sscan(storedLine.FindStringSubmatch(stored(t, errs))[5], &events)
	data, _ := os.ReadFile(alerts)
	if n := strings.Count(string(data), "\n"); n != events || n == 0 {
		t.Fatalf("%d alerts for %d events stored", n, events)
	}
	if _, errs, code := run(t, "", "ingest", "--db", db, "--force", "--alerts", rules, "../../examples"); code != 0 {
		t.Fatalf("ingest --force: exit %d:\n%s", code, errs)
	}
	again, _ := os.ReadFile(alerts)
	if len(again) != len(data) {
		t.Errorf("alerts sent again after ingest --force:\n%s", again[len(data):])
	}
	if _, errs, code := run(t, "", "ingest", "--db", db, "--alerts", writeFile(t, dir, "bad.json", []byte(`{"rules":[{"name":"x","filter":"root=99","file":"f"}]}`)), "../../examples"); code != 2 {
		t.Errorf("bad rule: exit %d, want 2:\n%s", code, errs)
	}
}
