package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"

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
