package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestServeUsage(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "extra"},
		{"serve", "--port", "80"},
	} {
		_, errs, code := run(t, "", args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, errs)
		}
	}
	if _, errs, code := run(t, "", "serve", "--addr", "256.0.0.1:1", "--db", filepath.Join(t.TempDir(), "x.db")); code != 1 {
		t.Errorf("bad address: exit %d: %s", code, errs)
	}
}

// lockedBuffer is a bytes.Buffer safe for one writer and one reader.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

var reServing = regexp.MustCompile(`serving .* on (http://\S+/)`)

// getJSON fetches url and decodes its JSON body into v.
func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", url, resp.StatusCode, body)
	}
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: %v: %s", url, err, body)
	}
}

// TestServeInProcess serves an empty database on a free port and stops
// when the context is canceled.
func TestServeInProcess(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errb lockedBuffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
	done := make(chan error, 1)
	db := filepath.Join(t.TempDir(), "empty.db")
	go func() { done <- m.Run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}) }()
	var base string
	for deadline := time.Now().Add(30 * time.Second); base == ""; {
		if mm := reServing.FindStringSubmatch(out.String()); mm != nil {
			base = mm[1]
			break
		}
		select {
		case err := <-done:
			t.Fatalf("serve exited early: %v\n%s", err, errb.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("no URL printed: %q %q", out.String(), errb.String())
		}
	}
	var stats struct{ Events int }
	getJSON(t, base+"api/stats", &stats)
	if stats.Events != 0 {
		t.Errorf("empty database has %d events", stats.Events)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run after cancel: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("server did not stop")
	}
	if !strings.Contains(errb.String(), "msg=http") || !strings.Contains(errb.String(), "server stopped") || !strings.Contains(errb.String(), "holds no events yet") {
		t.Errorf("stderr: %s", errb.String())
	}
}

// TestServeDemoBinary builds sitrep, runs 'serve --demo' on a free port
// and queries it like a client would.
func TestServeDemoBinary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "sitrep")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "serve", "--demo", "--addr", "127.0.0.1:0")
	cmd.Dir = t.TempDir() // --demo must not depend on the working directory
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var errb lockedBuffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	stopped := false
	defer func() {
		if !stopped {
			cmd.Process.Kill()
			<-exited
		}
	}()
	urls := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if mm := reServing.FindStringSubmatch(sc.Text()); mm != nil {
				urls <- mm[1]
			}
		}
		exited <- cmd.Wait()
	}()
	var base string
	select {
	case base = <-urls:
	case err := <-exited:
		stopped = true
		t.Fatalf("serve exited: %v\n%s", err, errb.String())
	case <-time.After(2 * time.Minute):
		t.Fatalf("no URL printed; stderr:\n%s", errb.String())
	}

	var page struct {
		Events []struct {
			ID        string `json:"id"`
			ArticleID string `json:"article_id"`
			CAMEO     string `json:"cameo"`
			Root      string `json:"root"`
			Evidence  struct {
				Sentence string `json:"sentence"`
			} `json:"evidence"`
			Linked *struct {
				LinkedEvent string `json:"linked_event"`
			} `json:"linked"`
		} `json:"events"`
		Next *string `json:"next"`
	}
	getJSON(t, base+"api/events?limit=1000", &page)
	if len(page.Events) == 0 || page.Next == nil {
		t.Fatalf("demo events: %+v", page)
	}
	for _, e := range page.Events {
		if e.ID == "" || e.ArticleID == "" || e.CAMEO == "" || e.Evidence.Sentence == "" {
			t.Errorf("incomplete event %+v", e)
		}
	}
	var one struct {
		ID      string `json:"id"`
		Article struct {
			ID string `json:"id"`
		} `json:"article"`
	}
	first := page.Events[0]
	getJSON(t, base+"api/events/"+first.ID, &one)
	if one.ID != first.ID || one.Article.ID != first.ArticleID {
		t.Errorf("event %s: %+v", first.ID, one)
	}
	var filtered struct {
		Events []struct {
			Root string `json:"root"`
		} `json:"events"`
	}
	getJSON(t, base+"api/events?root="+first.Root, &filtered)
	if len(filtered.Events) == 0 {
		t.Errorf("no events with root %s", first.Root)
	}
	for _, e := range filtered.Events {
		if e.Root != first.Root {
			t.Errorf("root filter %s let %s through", first.Root, e.Root)
		}
	}
	resp, err := http.Get(base + "api/events?quad=7")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest {
		t.Errorf("quad=7: status %d", resp.StatusCode)
	}
	resp, err = http.Get(base + "api/export?format=gdelt")
	if err != nil {
		t.Fatal(err)
	}
	tsv, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	rows := strings.Split(strings.TrimSuffix(string(tsv), "\n"), "\n")
	// One row per linked event; the demo links its events (serve --demo
	// links the sample articles).
	linked := map[string]bool{}
	for _, e := range page.Events {
		if e.Linked == nil {
			t.Errorf("demo event %s is not linked", e.ID)
			continue
		}
		linked[e.Linked.LinkedEvent] = true
	}
	if len(rows) != len(linked) || len(linked) >= len(page.Events) {
		t.Errorf("GDELT export has %d rows for %d linked events of %d events", len(rows), len(linked), len(page.Events))
	}
	for i, r := range rows {
		if n := strings.Count(r, "\t") + 1; n != 61 {
			t.Errorf("GDELT row %d has %d fields", i, n)
		}
	}
	resp, err = http.Get(base)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Errorf("UI: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}

	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		stopped = true
		if err != nil {
			t.Errorf("exit after SIGINT: %v\n%s", err, errb.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("server did not stop on SIGINT")
	}
	if !strings.Contains(errb.String(), "server stopped") {
		t.Errorf("stderr: %s", errb.String())
	}
}

func TestAllowedHosts(t *testing.T) {
	name, _ := os.Hostname()
	for _, tt := range []struct {
		addr  string
		extra []string
		want  []string
	}{
		{"127.0.0.1:8080", nil, []string{"localhost", "127.0.0.1", "::1"}},
		{"[::1]:8080", []string{"sitrep.test"}, []string{"localhost", "127.0.0.1", "::1", "sitrep.test"}},
		{"127.0.0.1:8080", []string{"*"}, nil},
		{"0.0.0.0:8080", nil, nil},
		{"0.0.0.0:8080", []string{"box"}, []string{"localhost", "127.0.0.1", "::1", "box"}},
		{"192.0.2.7:8080", nil, []string{"localhost", "127.0.0.1", "::1", "192.0.2.7", name}},
	} {
		addr, err := net.ResolveTCPAddr("tcp", tt.addr)
		if err != nil {
			t.Fatal(err)
		}
		if got := allowedHosts(addr, tt.extra); !slices.Equal(got, tt.want) {
			t.Errorf("allowedHosts(%s, %q) = %q, want %q", tt.addr, tt.extra, got, tt.want)
		}
	}
}
