package main

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sitrep-project/sitrep/internal/queue/queuetest"
)

// TestWatchQueue: 'watch --queue' publishes the new items to the work
// queue instead of storing them; a watch that forgot what it published
// (its state file lost, as when killed between the queue's
// acknowledgement and the state's save) publishes duplicates the server
// drops; a worker then stores every item once, as a watch without
// --queue does.
func TestWatchQueue(t *testing.T) {
	const items = 6
	site := &newsSite{n: items, hits: map[string]int{}}
	srv := httptest.NewServer(site)
	defer srv.Close()
	url := queuetest.Server(t)
	dir := t.TempDir()
	state := filepath.Join(dir, "watch.json")
	args := []string{"watch", "--once", "--allow-private", "--delay", "0", "--queue", url, "--state", state, srv.URL + "/feed.xml"}

	_, errs, code := run(t, "", args...)
	if code != 0 || !strings.Contains(errs, fmt.Sprintf("%d new items: %d queued to SITREP_ARTICLES (0 already queued)", items, items)) {
		t.Fatalf("watch --queue: exit %d:\n%s", code, errs)
	}
	if _, errs, code = run(t, "", args...); code != 0 || !strings.Contains(errs, "0 new items: 0 queued") {
		t.Fatalf("watch --queue again: exit %d:\n%s", code, errs)
	}
	if err := os.Remove(state); err != nil {
		t.Fatal(err)
	}
	if _, errs, code = run(t, "", args...); code != 0 || !strings.Contains(errs, fmt.Sprintf("%d new items: 0 queued to SITREP_ARTICLES (%d already queued)", items, items)) {
		t.Fatalf("watch --queue without its state: exit %d:\n%s", code, errs)
	}

	db := filepath.Join(dir, "db.sqlite")
	if _, errs, code = run(t, "", "worker", "--queue", url, "--db", db, "--link=false", "--exit-idle", "500ms", "--metrics", ""); code != 0 {
		t.Fatalf("worker: exit %d:\n%s", code, errs)
	}
	ref := filepath.Join(dir, "ref.sqlite")
	if _, errs, code = run(t, "", "watch", "--once", "--allow-private", "--delay", "0", "--db", ref, srv.URL+"/feed.xml"); code != 0 {
		t.Fatalf("watch without --queue: exit %d:\n%s", code, errs)
	}
	ctx := context.Background()
	got, want := openDB(t, db), openDB(t, ref)
	for i := range items {
		id := articleID(fmt.Sprintf("https://sahel.example/story/%d", i))
		a, err := got.Article(ctx, id)
		if err != nil {
			t.Errorf("story %d through the queue: %v", i, err)
			continue
		}
		b, err := want.Article(ctx, id)
		if err != nil {
			t.Fatalf("story %d without the queue: %v", i, err)
		}
		if a.Article.Text == "" || len(a.Events) == 0 {
			t.Errorf("story %d through the queue: %d bytes of text, %d events", i, len(a.Article.Text), len(a.Events))
		}
		if a.Article.Text != b.Article.Text || len(a.Events) != len(b.Events) {
			t.Errorf("story %d: through the queue %d bytes, %d events; without %d bytes, %d events",
				i, len(a.Article.Text), len(a.Events), len(b.Article.Text), len(b.Events))
		}
	}
	for _, bad := range [][]string{
		{"watch", "--once", "--queue", url, srv.URL + "/feed.xml"},
		{"watch", "--once", "--queue", url, "--state", state, "--alerts", filepath.Join(dir, "rules.json"), srv.URL + "/feed.xml"},
	} {
		if _, errs, code := run(t, "", bad...); code != 2 {
			t.Errorf("%q: exit %d, want 2:\n%s", bad, code, errs)
		}
	}
}
