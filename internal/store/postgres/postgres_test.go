package postgres_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/postgres"
	"github.com/sitrep-project/sitrep/internal/store/storesql"
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
		if err != nil || v != latest(t) {
			t.Fatalf("schema version %d, %v; want %d", v, err, latest(t))
		}
	}
}

// latest is the number of migrations in migrations/.
func latest(t *testing.T) int {
	t.Helper()
	ms, err := filepath.Glob("migrations/*.sql")
	if err != nil || len(ms) == 0 {
		t.Fatalf("migrations: %d files, %v", len(ms), err)
	}
	return len(ms)
}

// TestMigrateFromVersion1 writes events as the first schema stored them
// (confidence only inside the event JSON) and checks that the migration
// to the confidence column fills it, so filters and sorts see it.
func TestMigrateFromVersion1(t *testing.T) {
	admin := connect(t)
	ctx := context.Background()
	d := freshSchema(t, admin)
	v1, err := os.ReadFile("migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	c, err := pgx.Connect(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	rs := storetest.Results(6)
	want := 0
	for _, q := range []string{string(v1), "CREATE TABLE schema_version (version integer NOT NULL)", "INSERT INTO schema_version VALUES (1)"} {
		if _, err := c.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range rs {
		a, evs, err := storesql.Rows(r)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Exec(ctx, `INSERT INTO articles (id, published, title, url, source, origin, text, hash, result)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, a.ID, a.Published, a.Title, a.URL, a.Source, a.Origin, a.Text, a.Hash, string(a.Result)); err != nil {
			t.Fatal(err)
		}
		for _, e := range evs {
			if e.Confidence >= 0.5 {
				want++
			}
			if _, err := c.Exec(ctx, `INSERT INTO events (id, article_id, idx, date, day, cameo, root, quad_class, goldstein,
				plover, modality, source_actor, target_actor, loc_name, loc_country, lat, lon, event)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
				e.ID, e.ArticleID, e.Index, e.Date, e.Day, e.CAMEO, e.Root, e.QuadClass, e.Goldstein,
				e.PLOVER, e.Modality, e.SourceActor, e.TargetActor, e.LocName, e.LocCountry, e.Lat, e.Lon, string(e.JSON)); err != nil {
				t.Fatal(err)
			}
		}
	}
	s, err := postgres.Open(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.SchemaVersion(ctx); err != nil || v != latest(t) {
		t.Fatalf("schema version %d, %v; want %d", v, err, latest(t))
	}
	p, err := s.Events(ctx, store.Query{MinConfidence: 0.5, Sort: store.SortConfidence})
	if err != nil || len(p.Events) != want || want == 0 {
		t.Fatalf("events with confidence ≥ 0.5 after migrating: %d, %v; want %d", len(p.Events), err, want)
	}
	if p.Events[0].Confidence != 1 {
		t.Errorf("most confident event has %v, want 1", p.Events[0].Confidence)
	}
}

// TestLease checks that one session at a time holds a lease, that a
// lease is free again once released or once its session is gone, and
// that a lost lease writes nothing; and InputHashes on the way.
func TestLease(t *testing.T) {
	admin := connect(t)
	ctx := context.Background()
	d := freshSchema(t, admin)
	open := func() *postgres.Store {
		s, err := postgres.Open(ctx, d)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	a, b := open(), open()
	rs := storetest.Results(3)
	if _, err := a.PutBatch(ctx, rs); err != nil {
		t.Fatal(err)
	}
	hs, err := b.InputHashes(ctx, []string{rs[0].Article.ID, "missing", rs[2].Article.ID})
	if err != nil || len(hs) != 2 || hs[rs[0].Article.ID] != store.InputHash(rs[0].Article) || hs[rs[2].Article.ID] != store.InputHash(rs[2].Article) {
		t.Errorf("InputHashes = %v, %v; want the hashes of the 2 stored articles", hs, err)
	}
	la, err := a.TryLease(ctx, "link")
	if err != nil || la == nil {
		t.Fatalf("first lease: %v, %v", la, err)
	}
	if lb, err := b.TryLease(ctx, "link"); err != nil || lb != nil {
		t.Fatalf("second lease while the first is held: %v, %v; want nil", lb, err)
	}
	if lb, err := b.TryLease(ctx, "other"); err != nil || lb == nil {
		t.Fatalf("lease of another name: %v, %v", lb, err)
	} else if err := lb.Release(ctx); err != nil {
		t.Fatal(err)
	}
	var ids []string
	if err := la.Articles(ctx, func(id, h string) error {
		if h == "" {
			t.Errorf("article %s without input hash", id)
		}
		ids = append(ids, id)
		return nil
	}); err != nil || len(ids) != 3 {
		t.Fatalf("lease articles %v, %v; want 3", ids, err)
	}
	if err := la.PutSituations(ctx, &sitrep.Situations{}); err != nil {
		t.Fatalf("put situations while holding the lease: %v", err)
	}
	if err := la.Release(ctx); err != nil {
		t.Fatal(err)
	}
	lb, err := b.TryLease(ctx, "link")
	if err != nil || lb == nil {
		t.Fatalf("lease after release: %v, %v", lb, err)
	}
	// End lb's session as a crash of its process would.
	var n int
	if err := admin.QueryRow(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_locks
		WHERE locktype = 'advisory' AND classid = 1936290930 AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
		AND objid = hashtext($1)::oid`, schemaOf(t, d)+".link").Scan(&n); err != nil || n != 1 {
		t.Fatalf("terminate the lease's session: %d, %v", n, err)
	}
	if err := lb.PutSituations(ctx, &sitrep.Situations{}); err == nil {
		t.Error("a lost lease wrote situations")
	}
	lb.Release(ctx)
	// pg_terminate_backend only signals the session: it ends soon after.
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if la, err = a.TryLease(ctx, "link"); err != nil {
			t.Fatal(err)
		}
		if la != nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("lease still held 10 s after its holder's session was terminated")
		}
	}
	la.Release(ctx)
}

// schemaOf returns the search_path of a test dsn.
func schemaOf(t *testing.T, d string) string {
	t.Helper()
	if u, err := url.Parse(d); err == nil && u.Scheme != "" {
		return u.Query().Get("search_path")
	}
	_, s, _ := strings.Cut(d, "search_path=")
	return s
}

// TestLinkOrderPlan checks that both queries of the linking order
// (ArticleIDs, and the lease's Articles with the input hashes) read the
// (published, id) index in order, with no sort and no table scan
// (migration 6, the twin of sqlite's migration 9). The table is tiny, so
// sequential scans are switched off for the plan.
func TestLinkOrderPlan(t *testing.T) {
	admin := connect(t)
	ctx := context.Background()
	d := freshSchema(t, admin)
	s, err := postgres.Open(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := store.PutAll(ctx, s, storetest.Results(6)); err != nil {
		t.Fatal(err)
	}
	c, err := pgx.Connect(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, "VACUUM ANALYZE articles"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Exec(ctx, "SET enable_seqscan = off"); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"SELECT id FROM articles ORDER BY published, id",
		"SELECT id, input_hash FROM articles ORDER BY published, id",
	} {
		rows, err := c.Query(ctx, "EXPLAIN "+q)
		if err != nil {
			t.Fatal(err)
		}
		lines, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		plan := strings.Join(lines, "\n")
		if !strings.Contains(plan, "Index Only Scan using articles_by_published_id") || strings.Contains(plan, "Sort") {
			t.Errorf("plan of %q:\n%s\nwant an index-only scan of articles_by_published_id and no sort", q, plan)
		}
	}
}
