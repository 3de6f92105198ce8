package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/cluster"
)

// TestStreamLinker links the stored examples in bounded memory, with
// situations settling after every article that leaves one quiet, and
// checks what it stores: the situations spilled to the temporary file
// and those still open at the end, every article in exactly one, and
// the spill file removed.
func TestStreamLinker(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "sitrep.db")
	if _, errs, code := run(t, "", "ingest", "--link=false", "--db", db, "../../examples"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	st := openDB(t, db)
	cfg := cluster.StreamConfig()
	cfg.SettleAfter, cfg.SettleDays, cfg.SettleEvery = 1, 0, 1
	l := &streamLinker{c: cluster.New(cfg)}
	sits, events, err := l.finish(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	if l.n == 0 || l.spill == nil {
		t.Fatal("nothing settled")
	}
	spill := l.spill.Name()
	if err := l.close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(spill); !os.IsNotExist(err) {
		t.Errorf("spill file %s left: %v", spill, err)
	}
	list, err := st.Situations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != sits || sits <= l.n {
		t.Errorf("%d situations stored, %d reported, %d of them spilled", len(list), sits, l.n)
	}
	seen := map[string]int{}
	n := 0
	for _, s := range list {
		sit, err := st.Situation(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range sit.Articles {
			seen[a]++
		}
		n += len(sit.Events)
	}
	if n != events {
		t.Errorf("%d linked events stored, %d reported", n, events)
	}
	if err := st.ArticleIDs(ctx, func(id string) error {
		if seen[id] != 1 {
			t.Errorf("article %s in %d situations", id, seen[id])
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// TestSituationsCommand: 'sitrep situations' prints, plain or indented,
// the one JSON object of linking the articles in memory, from PATHs or
// from a database.
func TestSituationsCommand(t *testing.T) {
	out, errs, code := run(t, "", "extract", "--text", "../../examples")
	if code != 0 {
		t.Fatalf("extract: exit %d: %s", code, errs)
	}
	c := cluster.New(cluster.DefaultConfig())
	for _, r := range decodeResults(t, out) {
		r.Article.Text = r.Text
		c.Add(&r)
	}
	want, err := json.Marshal(c.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	decode := func(s string) string {
		var got sitrep.Situations
		if err := json.Unmarshal([]byte(s), &got); err != nil {
			t.Fatalf("output is no JSON object: %v\n%s", err, s)
		}
		b, _ := json.Marshal(&got)
		return string(b)
	}
	for _, args := range [][]string{{"situations", "../../examples"}, {"situations", "--pretty", "../../examples"}} {
		out, errs, code := run(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errs)
		}
		if got := decode(out); got != string(want) {
			t.Errorf("%v differs from linking in memory:\n%s\nwant\n%s", args, got, want)
		}
	}
	db := filepath.Join(t.TempDir(), "sitrep.db")
	if _, errs, code := run(t, "", "ingest", "--link=false", "--db", db, "../../examples"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	out, errs, code = run(t, "", "situations", "--db", db)
	if code != 0 {
		t.Fatalf("situations --db: exit %d: %s", code, errs)
	}
	var got sitrep.Situations
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got.Situations) == 0 {
		t.Fatalf("situations --db: %v, %d situations", err, len(got.Situations))
	}
	if _, _, code := run(t, "", "situations", "--db", db, "../../examples"); code == 0 {
		t.Error("--db with PATHs accepted")
	}
}

// TestReportCommand: a report over PATHs (linked in memory) and one over
// the situations ingest stored are the same, by query or by id; the
// HTML and PDF are written; an unknown id is an error.
func TestReportCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "sitrep.db")
	if _, errs, code := run(t, "", "ingest", "--db", db, "../../examples"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	fromPaths, errs, code := run(t, "", "report", "--place", "Nairobi", "--text", "fuel", "../../examples")
	if code != 0 || !strings.HasPrefix(fromPaths, "# ") {
		t.Fatalf("report over PATHs: exit %d: %s\n%s", code, errs, fromPaths)
	}
	fromDB, errs, code := run(t, "", "report", "--db", db, "--place", "Nairobi", "--text", "fuel")
	if code != 0 {
		t.Fatalf("report --db: exit %d: %s", code, errs)
	}
	if fromDB != fromPaths {
		t.Errorf("report --db differs from the report over PATHs:\n%s\nwant\n%s", fromDB, fromPaths)
	}
	id := regexp.MustCompile("Situation `(sit-[0-9a-f]+)`").FindStringSubmatch(fromPaths)
	if id == nil {
		t.Fatalf("no situation id in the report:\n%s", fromPaths)
	}
	dir := t.TempDir()
	html, pdf := filepath.Join(dir, "r.html"), filepath.Join(dir, "r.pdf")
	byID, errs, code := run(t, "", "report", "--db", db, "--id", id[1], "-o", html, "-o", pdf)
	if code != 0 || byID != "" {
		t.Fatalf("report --id: exit %d: %s\n%s", code, errs, byID)
	}
	for p, head := range map[string]string{html: "<!DOCTYPE html>", pdf: "%PDF-"} {
		b, err := os.ReadFile(p)
		if err != nil || !strings.HasPrefix(strings.TrimSpace(string(b)), head) {
			t.Errorf("%s: %v, starts %q", p, err, string(b[:min(len(b), 20)]))
		}
	}
	if _, _, code := run(t, "", "report", "--db", db, "--id", "sit-none"); code != 1 {
		t.Errorf("unknown id: exit %d, want 1", code)
	}
}
