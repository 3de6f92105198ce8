// Package pgtest gives tests a PostgreSQL schema of their own on the test
// server, so that tests running at the same time (the store conformance
// suite, the queue integration tests) never see each other's rows.
//
// Input: a testing.TB. Output: a dsn whose search_path is a fresh schema,
// dropped when the test ends, and a connection to run checks with.
package pgtest

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
)

// ServerDSN is the test server: SITREP_TEST_POSTGRES, or the local one
// the development and CI machines run.
func ServerDSN() string {
	if d := os.Getenv("SITREP_TEST_POSTGRES"); d != "" {
		return d
	}
	return "postgres://root@127.0.0.1:5432/test?sslmode=disable"
}

// Schema creates a schema for the test and returns a dsn that uses it and
// a connection whose search_path is that schema. The test is skipped when
// there is no server, unless CI or SITREP_TEST_POSTGRES promise one.
func Schema(tb testing.TB) (string, *pgx.Conn) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	admin, err := pgx.Connect(ctx, ServerDSN())
	if err != nil {
		if os.Getenv("CI") != "" || os.Getenv("SITREP_TEST_POSTGRES") != "" {
			tb.Fatalf("PostgreSQL at %s: %v", ServerDSN(), err)
		}
		tb.Skipf("no PostgreSQL at %s (set SITREP_TEST_POSTGRES): %v", ServerDSN(), err)
	}
	schema := "sitrep_test_" + strings.ToLower(rand.Text()[:12])
	if _, err := admin.Exec(ctx, "CREATE SCHEMA "+pgx.Identifier{schema}.Sanitize()); err != nil {
		admin.Close(ctx)
		tb.Fatalf("pgtest: create schema: %v", err)
	}
	if _, err := admin.Exec(ctx, "SET search_path TO "+pgx.Identifier{schema}.Sanitize()); err != nil {
		tb.Fatalf("pgtest: %v", err)
	}
	tb.Cleanup(func() {
		ctx := context.Background()
		if _, err := admin.Exec(ctx, "DROP SCHEMA "+pgx.Identifier{schema}.Sanitize()+" CASCADE"); err != nil {
			tb.Errorf("pgtest: drop schema %s: %v", schema, err)
		}
		admin.Close(ctx)
	})
	d := ServerDSN()
	u, err := url.Parse(d)
	if err != nil || u.Scheme == "" {
		return fmt.Sprintf("%s search_path=%s", d, schema), admin // a key=value dsn
	}
	v := u.Query()
	v.Set("search_path", schema)
	u.RawQuery = v.Encode()
	return u.String(), admin
}

// Tables returns the tables that hold what ingest and linking store.
func Tables() []string {
	return []string{"articles", "events", "situations", "situation_articles", "linked_events", "mentions", "duplicates"}
}

// Digest sums up the stored data of the connection's schema: per table,
// its row count and a hash of its rows (ids and contents), so that two
// schemas can be compared whole.
func Digest(tb testing.TB, c *pgx.Conn) map[string]string {
	tb.Helper()
	out := map[string]string{}
	for _, t := range Tables() {
		var n int
		var h string
		q := fmt.Sprintf("SELECT count(*), coalesce(md5(string_agg(md5(x::text), ',' ORDER BY md5(x::text))), '') FROM %s x", t)
		if err := c.QueryRow(context.Background(), q).Scan(&n, &h); err != nil {
			tb.Fatalf("pgtest: digest %s: %v", t, err)
		}
		out[t] = fmt.Sprintf("%d rows %s", n, h)
	}
	return out
}
