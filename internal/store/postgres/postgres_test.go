package postgres_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/postgres"
	"github.com/sitrep-project/sitrep/internal/store/storetest"
)

// dsn is the test server: SITREP_TEST_POSTGRES, or the local one the
// development and CI machines run.
func dsn() string {
	if d := os.Getenv("SITREP_TEST_POSTGRES"); d != "" {
		return d
	}
	return "postgres://root@127.0.0.1:5432/test?sslmode=disable"
}

// connect returns a connection to the test server, skipping the test when
// there is none, unless CI or SITREP_TEST_POSTGRES promise one.
func connect(t *testing.T) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, dsn())
	if err != nil {
		if os.Getenv("CI") != "" || os.Getenv("SITREP_TEST_POSTGRES") != "" {
			t.Fatalf("PostgreSQL at %s: %v", dsn(), err)
		}
		t.Skipf("no PostgreSQL at %s (set SITREP_TEST_POSTGRES): %v", dsn(), err)
	}
	t.Cleanup(func() { c.Close(context.Background()) })
	return c
}

// freshSchema creates a schema of its own for one test and returns a dsn
// that uses it; the schema is dropped when the test ends.
func freshSchema(t *testing.T, admin *pgx.Conn) string {
	t.Helper()
	ctx := context.Background()
	schema := "sitrep_test_" + strings.ToLower(rand.Text()[:12])
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+pgx.Identifier{schema}.Sanitize()); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec(context.Background(), "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
	})
	u, err := url.Parse(dsn())
	if err != nil || u.Scheme == "" {
		// A key=value dsn.
		return fmt.Sprintf("%s search_path=%s", dsn(), schema)
	}
	v := u.Query()
	v.Set("search_path", schema)
	u.RawQuery = v.Encode()
	return u.String()
}

func TestConformance(t *testing.T) {
	admin := connect(t)
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := postgres.Open(context.Background(), freshSchema(t, admin))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestMigrateTwice(t *testing.T) {
	admin := connect(t)
	ctx := context.Background()
	d := freshSchema(t, admin)
	for range 2 {
		s, err := postgres.Open(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		v, err := s.SchemaVersion(ctx)
		s.Close()
		if err != nil || v != 1 {
			t.Fatalf("schema version %d, %v; want 1", v, err)
		}
	}
}
