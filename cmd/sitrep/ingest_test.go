package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

// openDB opens a database written by ingest for inspection.
func openDB(t *testing.T, path string) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// storedLine matches ingest's summary of what it stored.
var storedLine = regexp.MustCompile(`(\d+) inserted, (\d+) updated, (\d+) unchanged \((\d+) of them skipped before extraction\); (\d+) events stored`)

func stored(t *testing.T, errs string) string {
	t.Helper()
	m := storedLine.FindString(errs)
	if m == "" {
		t.Fatalf("no storage summary on stderr:\n%s", errs)
	}
	return m
}

func TestIngestExamples(t *testing.T) {
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "sitrep.db")
	out, _, code := run(t, "", "extract", "--text", "../../examples")
	if code != 0 {
		t.Fatalf("extract: exit %d", code)
	}
	want := decodeResults(t, out)
	var events int
	for _, r := range want {
		events += len(r.Events)
	}

	_, errs, code := run(t, "", "ingest", "--db", db, "../../examples")
	if code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	if got, w := stored(t, errs), itoa(len(want))+" inserted, 0 updated, 0 unchanged (0 of them skipped before extraction); "+itoa(events)+" events stored"; got != w {
		t.Errorf("first ingest: %q, want %q", got, w)
	}
	for _, w := range []string{itoa(len(want)) + " articles extracted", "articles/s", "events/s", "linked in"} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}

	s := openDB(t, db)
	st, err := s.Stats(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles == 0 || st.Events != events {
		t.Errorf("stored %d events in %d articles, want %d", st.Events, st.Articles, events)
	}
	for _, w := range want {
		got, err := s.Article(ctx, w.Article.ID)
		if err != nil {
			t.Fatalf("article %s: %v", w.Article.ID, err)
		}
		if got.Article.Text != w.Text || got.Article.Title != w.Article.Title || len(got.Events) != len(w.Events) {
			t.Errorf("article %s: stored text, title or events differ from extract's", w.Article.ID)
		}
		checkSpans(t, *got)
	}

	// Ingesting again stores nothing new and extracts nothing; with
	// --force it extracts again and finds the same results.
	_, errs, code = run(t, "", "ingest", "--db", db, "../../examples")
	if code != 0 {
		t.Fatalf("second ingest: exit %d: %s", code, errs)
	}
	if got, w := stored(t, errs), "0 inserted, 0 updated, "+itoa(len(want))+" unchanged ("+itoa(len(want))+" of them skipped before extraction); 0 events stored"; got != w {
		t.Errorf("second ingest: %q, want %q", got, w)
	}
	if !strings.Contains(errs, "0 articles extracted ("+itoa(len(want))+" more already stored, not extracted again)") {
		t.Errorf("second ingest summary:\n%s", errs)
	}
	if !strings.Contains(errs, "situations unchanged") || strings.Contains(errs, "linked in") {
		t.Errorf("second ingest linked again, though no article changed:\n%s", errs)
	}
	_, errs, code = run(t, "", "ingest", "--force", "--db", db, "../../examples")
	if code != 0 {
		t.Fatalf("ingest --force: exit %d: %s", code, errs)
	}
	if got, w := stored(t, errs), "0 inserted, 0 updated, "+itoa(len(want))+" unchanged (0 of them skipped before extraction); 0 events stored"; got != w {
		t.Errorf("ingest --force: %q, want %q", got, w)
	}
	if !strings.Contains(errs, "linked in") {
		t.Errorf("ingest --force did not link again:\n%s", errs)
	}
	st2, err := s.Stats(ctx, store.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if st2.Events != st.Events || st2.Articles != st.Articles {
		t.Errorf("second ingest changed the counts: %+v, then %+v", st, st2)
	}
}

func TestIngestUpdate(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "sitrep.db")
	feed := filepath.Join(dir, "feed.jsonl")
	write := func(second string) {
		t.Helper()
		lines := `{"id":"a","date":"2020-01-01","title":"A","text":"Rebels attacked a police station in Kano on Thursday."}` + "\n" +
			`{"id":"b","date":"2020-01-02","title":"B","text":"` + second + `"}` + "\n"
		if err := os.WriteFile(feed, []byte(lines), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("Police arrested five protesters in Lagos on Monday.")
	if _, errs, code := run(t, "", "ingest", "--db", db, feed); code != 0 || !strings.Contains(errs, "2 inserted, 0 updated, 0 unchanged") {
		t.Fatalf("first ingest: exit %d:\n%s", code, errs)
	}
	write("Troops shelled the town of Kidal in Mali on Monday.")
	_, errs, code := run(t, "", "ingest", "--db", db, feed)
	if code != 0 || !strings.Contains(errs, "0 inserted, 1 updated, 1 unchanged") {
		t.Fatalf("ingest of a changed article: exit %d:\n%s", code, errs)
	}
	s := openDB(t, db)
	got, err := s.Article(ctx, "b")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got.Article.Text, "Kidal") {
		t.Errorf("article b not updated: %q", got.Article.Text)
	}
	p, err := s.Events(ctx, store.Query{ArticleID: "b"})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Events) != len(got.Events) {
		t.Errorf("article b: %d events listed, %d in the article", len(p.Events), len(got.Events))
	}
	for _, e := range p.Events {
		if strings.Contains(e.Evidence.Sentence, "Lagos") {
			t.Errorf("event %s of the old version survived the update", e.ID)
		}
	}
}

func TestIngestBadInput(t *testing.T) {
	dir := t.TempDir()
	feed := filepath.Join(dir, "feed.jsonl")
	content := `{"id":"a","date":"2020-01-01","text":"Troops entered the town."}` + "\n" + `{"id":"b",` + "\n"
	if err := os.WriteFile(feed, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code := run(t, "", "ingest", "--db", filepath.Join(dir, "x.db"), feed)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, w := range []string{"feed.jsonl:2 (byte 65): malformed JSON", "1 inserted"} {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
}

func TestIngestUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"ingest"},
		{"ingest", "--batch", "0", "x"},
		{"ingest", "--date", "May 5", "x"},
	} {
		if _, _, code := run(t, "", args...); code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
	}
	// A database that cannot be opened fails before any work.
	var out, errb strings.Builder
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb}
	err := m.Run(context.Background(), []string{"ingest", "--db", filepath.Join(dir, "missing", "dir", "x.db"), "../../examples"})
	if err == nil || !strings.Contains(err.Error(), "ingest: store: sqlite") || strings.Contains(errb.String(), "articles extracted") {
		t.Errorf("unopenable database: %v\n%s", err, errb.String())
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"sitrep.db":                                 "sitrep.db",
		"postgres://root@127.0.0.1:5432/test":       "postgres://root@127.0.0.1:5432/test",
		"postgres://u:secret@db.example.org/sitrep": "postgres://u:xxxxx@db.example.org/sitrep",
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}
