package backend_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/backend"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

func TestOpen(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, dsn := range []string{filepath.Join(dir, "a.db"), "sqlite:" + filepath.Join(dir, "b.db")} {
		s, err := backend.Open(ctx, dsn)
		if err != nil {
			t.Fatalf("Open(%s): %v", dsn, err)
		}
		if _, ok := s.(*sqlite.Store); !ok {
			t.Errorf("Open(%s) = %T, want *sqlite.Store", dsn, s)
		}
		if _, err := s.Article(ctx, "x"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Open(%s): Article: %v", dsn, err)
		}
		s.Close()
	}
	if _, err := os.Stat(filepath.Join(dir, "b.db")); err != nil {
		t.Errorf("sqlite: prefix not stripped: %v", err)
	}
	if _, err := backend.Open(ctx, filepath.Join(dir, "no", "such", "dir", "c.db")); err == nil {
		t.Error("Open in a missing directory: no error")
	}
}

func TestIsPostgres(t *testing.T) {
	for dsn, want := range map[string]bool{
		"postgres://root@127.0.0.1:5432/test":   true,
		"postgresql://root@127.0.0.1:5432/test": true,
		"sitrep.db":                             false,
		"sqlite:postgres.db":                    false,
		"./postgres://x":                        false,
	} {
		if got := backend.IsPostgres(dsn); got != want {
			t.Errorf("IsPostgres(%q) = %v, want %v", dsn, got, want)
		}
	}
	// Nothing listens on port 1: the error must come from PostgreSQL's
	// side, not from SQLite creating a file named like a URL.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := backend.Open(ctx, "postgres://root@127.0.0.1:1/test?sslmode=disable&connect_timeout=2"); err == nil || !strings.Contains(err.Error(), "postgres") {
		t.Errorf("Open(postgres on a closed port): %v, want a postgres error", err)
	}
}
