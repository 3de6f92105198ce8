package worker

import (
	"context"
	"encoding/json"
	"log/slog"
	"slices"
	"testing"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/cluster"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/postgres"
	"github.com/sitrep-project/sitrep/internal/store/postgres/pgtest"
	"github.com/sitrep-project/sitrep/internal/store/storetest"
)

// TestLinker stores articles in reverse linking order, linking after
// each batch as a busy queue would, then settles; the situations must be
// those of linking the store in one process. A second linker waits while
// the first holds the lease, and takes over from the store once it is
// released.
func TestLinker(t *testing.T) {
	ctx := context.Background()
	dsn, _ := pgtest.Schema(t)
	open := func() *postgres.Store {
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	st, st2 := open(), open()
	newLinker := func(s *postgres.Store) *linker {
		return &linker{st: s, leaser: s, log: slog.New(slog.DiscardHandler), linkedAt: -1}
	}
	l, l2 := newLinker(st), newLinker(st2)
	results := storetest.Results(24)
	for i := 0; i < len(results); i += 8 {
		batch := slices.Clone(results[i : i+8])
		slices.Reverse(batch)
		if _, err := st.PutBatch(ctx, batch); err != nil {
			t.Fatal(err)
		}
		if ok, err := l.step(ctx, false); err != nil || !ok {
			t.Fatalf("busy step after batch %d: %v, %v", i/8, ok, err)
		}
		if ok, err := l2.step(ctx, false); err != nil || ok {
			t.Fatalf("second linker linked while the first held the lease: %v, %v", ok, err)
		}
	}
	if l.canonical {
		t.Error("articles stored out of order, yet the linker says they were linked in order")
	}
	if ok, err := l.step(ctx, false); err != nil || ok {
		t.Errorf("busy step without change: linked %v, %v", ok, err)
	}
	if ok, err := l.step(ctx, true); err != nil || !ok || !l.canonical {
		t.Fatalf("settled step: linked %v, in order %v, %v", ok, l.canonical, err)
	}
	want := canonical(t, st)
	if got := snapshotJSON(t, l.c.Snapshot()); got != want {
		t.Errorf("settled linking differs from linking the store in one process")
	}
	checkStored(t, st, want)
	if ok, err := l.step(ctx, true); err != nil || ok {
		t.Errorf("settled step without change: linked %v, %v", ok, err)
	}

	l.release(ctx)
	if ok, err := l2.step(ctx, true); err != nil || !ok {
		t.Fatalf("second linker after release: %v, %v", ok, err)
	}
	if got := snapshotJSON(t, l2.c.Snapshot()); got != want {
		t.Errorf("the second linker's situations differ")
	}
	l2.release(ctx)
}

// canonical links the articles of st in one process, as 'sitrep
// situations --db' does.
func canonical(t *testing.T, st store.Store) string {
	t.Helper()
	c := cluster.New(cluster.DefaultConfig())
	if err := st.ArticleIDs(context.Background(), func(id string) error {
		res, err := st.Article(context.Background(), id)
		if err == nil {
			c.Add(res)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	return snapshotJSON(t, c.Snapshot())
}

func snapshotJSON(t *testing.T, s *sitrep.Situations) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkStored compares the stored situations with the snapshot want.
func checkStored(t *testing.T, st store.Store, want string) {
	t.Helper()
	var w sitrep.Situations
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	sums, err := st.Situations(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != len(w.Situations) || len(w.Situations) == 0 {
		t.Errorf("stored %d situations, want %d (and some)", len(sums), len(w.Situations))
	}
}
