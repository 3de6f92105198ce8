package webtest

import (
	"context"
	"log/slog"
	"net/http"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/internal/cluster"
	"github.com/sitrep-project/sitrep/internal/ingest"
	"github.com/sitrep-project/sitrep/internal/pipeline"
	"github.com/sitrep-project/sitrep/internal/server"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

// demoHandler runs the pipeline over the shipped sample articles, stores
// the results and their situations (internal/cluster) in a fresh SQLite
// database and returns the real server
// (API and embedded UI) over it. Events the coder gave no confidence get
// a constructed one (see standInConfidence), so that the confidence
// column, sort and filter have something to show.
func demoHandler(t *testing.T) http.Handler {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	p, err := pipeline.New(pipeline.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	linker := cluster.New(cluster.DefaultConfig())
	err = ingest.NewReader(ingest.Options{}, nil).Read(ctx, []string{"../../examples"}, func(it ingest.Item) error {
		if it.Err != nil {
			t.Errorf("examples: %v", it.Err)
		}
		if it.Article == nil {
			return nil
		}
		res, err := p.Process(ctx, it.Article)
		if err != nil {
			return err
		}
		for i := range res.Events {
			if res.Events[i].Confidence == 0 {
				res.Events[i].Confidence = standInConfidence(n, i)
			}
		}
		n++
		linker.Add(res)
		_, err = st.Put(ctx, res)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Fatal("no sample articles in ../../examples")
	}
	if err := st.PutSituations(ctx, linker.Snapshot()); err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	return server.New(st, logger)
}

// standInConfidence is a confidence for the i-th event of the n-th
// article, spread over [0.05, 0.95] in steps of 0.05 with ties, for
// coders that set none.
func standInConfidence(n, i int) float64 {
	return float64(1+(n*7+i*11)%19) / 20
}

// testWriter sends the server's warnings and errors to the test log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(string(p))
	return len(p), nil
}
