package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestExtractSIGTERM sends SIGTERM to `sitrep extract` in the middle of a
// large input that includes a 2 MB article, and checks that it exits
// within 2 s with every article it finished written out whole.
func TestExtractSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "sitrep")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	para := "Police in Kano arrested 12 protesters on Monday after clashes near the market, officials said. " +
		"“We will not stop,” said John Smith, a spokesman for the opposition.\n\n"
	var in bytes.Buffer
	enc := json.NewEncoder(&in)
	for i := range 400 {
		text := strings.Repeat(para, 10)
		if i == 30 {
			text = strings.Repeat(para, (2<<20)/len(para))
		}
		if err := enc.Encode(map[string]string{"id": strconv.Itoa(i), "date": "2021-03-05", "text": text}); err != nil {
			t.Fatal(err)
		}
	}
	input := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(input, in.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.jsonl")
	var stderr bytes.Buffer
	cmd := exec.Command(bin, "extract", "--workers", "2", "-o", out, input)
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Wait until results reach the file (the output buffer flushed once).
	for deadline := time.Now().Add(2 * time.Minute); ; time.Sleep(50 * time.Millisecond) {
		if st, err := os.Stat(out); err == nil && st.Size() > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("no output after 2 minutes:\n%s", stderr.String())
		}
	}
	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("still running 10 s after SIGTERM")
	}
	took := time.Since(sent)
	t.Logf("exited %s after SIGTERM", took)
	if took > 2*time.Second {
		t.Errorf("exited %s after SIGTERM, want within 2 s", took)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	// Articles come in input order; one cut short by the signal is
	// left out, and those after it that had finished are kept.
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	last := -1
	for i, l := range lines {
		var r struct {
			Article struct{ ID string } `json:"article"`
		}
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("output line %d is not whole: %v", i+1, err)
		}
		n, err := strconv.Atoi(r.Article.ID)
		if err != nil || n <= last {
			t.Fatalf("output line %d is article %q after %d: not in input order", i+1, r.Article.ID, last)
		}
		last = n
	}
	m := regexp.MustCompile(`interrupted: (\d+) articles extracted`).FindStringSubmatch(stderr.String())
	if m == nil {
		t.Fatalf("no interruption summary on stderr:\n%s", stderr.String())
	}
	if m[1] != fmt.Sprint(len(lines)) {
		t.Errorf("summary says %s articles, %d written", m[1], len(lines))
	}
	if len(lines) >= 400 {
		t.Errorf("all %d articles written: the signal came too late to test anything", len(lines))
	}
}
