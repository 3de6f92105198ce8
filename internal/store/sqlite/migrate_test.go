package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"

	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/storesql"
	"github.com/sitrep-project/sitrep/internal/store/storetest"
)

// TestMigrateFromVersion1 builds a database as the first schema left it,
// with an article indexed by the old triggers, and checks that opening it
// migrates to the latest version without losing or double-indexing data.
func TestMigrateFromVersion1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	ms, err := storesql.Migrations(migrationFS, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	rs := storetest.Results(3)
	a, evs, err := storesql.Rows(rs[1])
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		"CREATE TABLE schema_version (version INTEGER NOT NULL)",
		ms[0].SQL,
		"INSERT INTO schema_version VALUES (1)",
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	_, err = db.ExecContext(ctx, `INSERT INTO articles (id, published, title, url, source, origin, text, hash, result)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, a.ID, a.Published, a.Title, a.URL, a.Source, a.Origin, a.Text, a.Hash, a.Result)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range evs {
		_, err := db.ExecContext(ctx, `INSERT INTO events (id, article_id, idx, date, day, cameo, root, quad_class, goldstein,
			plover, modality, source_actor, target_actor, loc_name, loc_country, lat, lon, event)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.ID, e.ArticleID, e.Index, e.Date, e.Day, e.CAMEO, e.Root, e.QuadClass, e.Goldstein,
			e.PLOVER, e.Modality, e.SourceActor, e.TargetActor, e.LocName, e.LocCountry, e.Lat, e.Lon, e.JSON)
		if err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if len(evs) == 0 {
		t.Fatal("fixture article without events")
	}

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.SchemaVersion(ctx); err != nil || v != len(ms) {
		t.Fatalf("schema version %d, %v; want %d", v, err, len(ms))
	}
	// Events written by version 1 read back whole.
	got, err := s.Article(ctx, a.ID)
	if err != nil || len(got.Events) != len(evs) || got.Events[0].CAMEO != rs[1].Events[0].CAMEO {
		t.Fatalf("article from version 1: %v; want its %d events", err, len(evs))
	}
	// Their confidence column was filled from the stored JSON.
	nonzero := false
	for _, e := range evs {
		var conf float64
		if err := s.r.QueryRowContext(ctx, "SELECT confidence FROM events WHERE id = ?", e.ID).Scan(&conf); err != nil || conf != e.Confidence {
			t.Errorf("confidence of version 1 event %s: %v, %v; want %v", e.ID, conf, err, e.Confidence)
		}
		nonzero = nonzero || e.Confidence != 0
	}
	if !nonzero {
		t.Error("fixture events all have confidence 0: the migration is not tested")
	}
	// The old article is unchanged and its index entry survives; the
	// new ones are indexed by the store.
	outs, err := store.PutAll(ctx, s, rs)
	if err != nil {
		t.Fatal(err)
	}
	if outs[1] != store.Unchanged || outs[0] != store.Inserted {
		t.Errorf("outcomes %v, want inserted, unchanged, inserted", outs)
	}
	var n int
	if err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Zürich'").Scan(&n); err != nil || n != 3 {
		t.Errorf("full-text index holds %d articles, %v; want 3", n, err)
	}
	// Updating the trigger-indexed article replaces its index entry.
	rs[1].Article.Text += " Flooding followed."
	if o, err := s.Put(ctx, rs[1]); err != nil || o != store.Updated {
		t.Fatalf("update: %v, %v", o, err)
	}
	for q, want := range map[string]int{"Flooding": 1, "Zürich": 3} {
		if err := s.r.QueryRowContext(ctx, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", q).Scan(&n); err != nil || n != want {
			t.Errorf("full-text matches for %s: %d, %v; want %d", q, n, err, want)
		}
	}
	if _, err := s.w.ExecContext(ctx, "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)"); err != nil {
		t.Errorf("full-text index integrity: %v", err)
	}
}

// TestLinkOrderPlan checks that the linking order (ArticleIDs) is read
// from the (published, id) index alone, no article row and no sort
// (migration 9; postgres has its twin).
func TestLinkOrderPlan(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "plan.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := store.PutAll(ctx, s, storetest.Results(6)); err != nil {
		t.Fatal(err)
	}
	rows, err := s.r.QueryContext(ctx, "EXPLAIN QUERY PLAN SELECT id FROM articles ORDER BY published, id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(plan) != 1 || plan[0] != "SCAN articles USING COVERING INDEX articles_by_published_id" {
		t.Errorf("plan of the linking order: %q, want one covering-index scan of articles_by_published_id", plan)
	}
}
