// Package postgres is the server store: PostgreSQL through a pgx
// connection pool, with full-text search over article titles and texts
// by a generated tsvector column and a GIN index.
//
// Input: *sitrep.Result values and store.Query values.
// Output: the records and aggregates of store.Store.
//
// It keeps the same schema and semantics as the SQLite store; both pass
// store/storetest. Concurrent writers of the same article are serialised
// by transaction-level advisory locks taken in id order, so outcomes are
// exact and batches cannot deadlock.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/storesql"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// migrationLock is the advisory lock key held while migrating.
const migrationLock = 0x73697472657000 // "sitrep"

// Store is a store.Store in a PostgreSQL database.
type Store struct {
	pool *pgxpool.Pool
	// written counts rows written since Open; Close refreshes the planner
	// statistics after a bulk load rather than wait for autovacuum, whose
	// stale estimates pick slow plans (seconds instead of milliseconds
	// for a full-text page).
	written atomic.Int64
}

// analyzeAfter is how many written rows make Close run ANALYZE.
const analyzeAfter = 1000

var (
	_ store.Store      = (*Store)(nil)
	_ store.Batcher    = (*Store)(nil)
	_ store.Resumer    = (*Store)(nil)
	_ store.Versioner  = (*Store)(nil)
	_ store.LinkMarker = (*Store)(nil)

	_ store.BatchResumer = (*Store)(nil)
)

// Open connects to the database named by dsn (a postgres:// URL or a
// key=value string; search_path may be set in it) and brings its schema
// up to date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("store: postgres: parse dsn: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: postgres: connect %s: %w", cfg.ConnConfig.Host, err)
	}
	s := &Store{pool: pool}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the pool, first analyzing the tables after a bulk load.
func (s *Store) Close() error {
	var err error
	if s.written.Load() >= analyzeAfter {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		if _, err = s.pool.Exec(ctx, "ANALYZE articles, events"); err != nil {
			err = fmt.Errorf("store: postgres: analyze: %w", err)
		}
		cancel()
	}
	s.pool.Close()
	return err
}

func (s *Store) migrate(ctx context.Context) error {
	ms, err := storesql.Migrations(migrationFS, "migrations")
	if err != nil {
		return fmt.Errorf("store: postgres: %w", err)
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", migrationLock); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "CREATE TABLE IF NOT EXISTS schema_version (version integer NOT NULL)"); err != nil {
			return err
		}
		var v *int
		if err := tx.QueryRow(ctx, "SELECT max(version) FROM schema_version").Scan(&v); err != nil {
			return err
		}
		for _, m := range ms {
			if v != nil && *v >= m.Version {
				continue
			}
			// Exec without arguments runs the file's statements together.
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return fmt.Errorf("migration %s: %w", m.Name, err)
			}
			if _, err := tx.Exec(ctx, "DELETE FROM schema_version"); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, "INSERT INTO schema_version (version) VALUES ($1)", m.Version); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: postgres: migrate: %w", err)
	}
	return nil
}

// SchemaVersion returns the version of the database schema.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.pool.QueryRow(ctx, "SELECT version FROM schema_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("store: postgres: schema version: %w", err)
	}
	return v, nil
}

// Put stores one result.
func (s *Store) Put(ctx context.Context, res *sitrep.Result) (store.PutOutcome, error) {
	out, err := s.PutBatch(ctx, []*sitrep.Result{res})
	if err != nil {
		return 0, err
	}
	return out[0], nil
}

// noNUL replaces NUL bytes, which PostgreSQL text cannot hold, by spaces,
// keeping byte offsets.
func noNUL(s string) string { return strings.ReplaceAll(s, "\x00", " ") }

// PutBatch stores results in one transaction: all or none.
func (s *Store) PutBatch(ctx context.Context, results []*sitrep.Result) ([]store.PutOutcome, error) {
	type row struct {
		i   int
		a   storesql.Article
		evs []storesql.Event
	}
	rows := make([]row, 0, len(results))
	for i, res := range results {
		a, evs, err := storesql.Rows(res)
		if err != nil {
			return nil, fmt.Errorf("store: postgres: put: %w", err)
		}
		rows = append(rows, row{i, a, evs})
	}
	idSet := make([]string, 0, len(rows))
	for _, r := range rows {
		idSet = append(idSet, r.a.ID)
	}
	slices.Sort(idSet)
	idSet = slices.Compact(idSet)

	out := make([]store.PutOutcome, len(results))
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var b pgx.Batch
		for _, id := range idSet { // in order, so batches cannot deadlock
			b.Queue("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", id)
		}
		if err := tx.SendBatch(ctx, &b).Close(); err != nil {
			return err
		}
		hashes := map[string]string{}
		inputs := map[string]string{}
		hr, err := tx.Query(ctx, "SELECT id, hash, input_hash FROM articles WHERE id = ANY($1)", idSet)
		if err != nil {
			return err
		}
		for hr.Next() {
			var id, h, in string
			if err := hr.Scan(&id, &h, &in); err != nil {
				return err
			}
			hashes[id], inputs[id] = h, in
		}
		if err := hr.Err(); err != nil {
			return err
		}
		var evRows [][]any
		changed := false
		b = pgx.Batch{}
		for _, r := range rows {
			old, ok := hashes[r.a.ID]
			switch {
			case !ok:
				out[r.i] = store.Inserted
			case old == r.a.Hash:
				out[r.i] = store.Unchanged
				if inputs[r.a.ID] != r.a.InputHash { // stored before input hashes were kept
					b.Queue("UPDATE articles SET input_hash = $2 WHERE id = $1", r.a.ID, r.a.InputHash)
					inputs[r.a.ID] = r.a.InputHash
				}
				continue
			default:
				out[r.i] = store.Updated
			}
			changed = true
			hashes[r.a.ID] = r.a.Hash // a later copy in the batch is unchanged
			a := r.a
			inputs[a.ID] = a.InputHash
			b.Queue(`INSERT INTO articles (id, published, title, url, source, origin, text, hash, result, input_hash)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
				ON CONFLICT (id) DO UPDATE SET published = $2, title = $3, url = $4, source = $5, origin = $6,
				text = $7, hash = $8, result = $9, input_hash = $10`,
				a.ID, noNUL(a.Published), noNUL(a.Title), noNUL(a.URL), noNUL(a.Source), noNUL(a.Origin), noNUL(a.Text), a.Hash, string(a.Result), a.InputHash)
			if ok {
				b.Queue("DELETE FROM events WHERE article_id = $1", a.ID)
			}
			for _, e := range r.evs {
				evRows = append(evRows, []any{e.ID, e.ArticleID, e.Index, noNUL(e.Date), e.Day, noNUL(e.CAMEO), noNUL(e.Root), e.QuadClass, e.Goldstein,
					noNUL(e.PLOVER), noNUL(e.Modality), noNUL(e.SourceActor), noNUL(e.TargetActor), noNUL(e.LocName), noNUL(e.LocCountry), e.Lat, e.Lon, e.Confidence, e.Background, string(e.JSON)})
			}
		}
		if b.Len() > 0 {
			if err := tx.SendBatch(ctx, &b).Close(); err != nil {
				return err
			}
		}
		if changed {
			if _, err := tx.Exec(ctx, "UPDATE store_version SET n = n + 1"); err != nil {
				return err
			}
		}
		if len(evRows) > 0 {
			_, err := tx.CopyFrom(ctx, pgx.Identifier{"events"}, []string{"id", "article_id", "idx", "date", "day", "cameo", "root", "quad_class", "goldstein",
				"plover", "modality", "source_actor", "target_actor", "loc_name", "loc_country", "lat", "lon", "confidence", "background", "event"}, pgx.CopyFromRows(evRows))
			if err != nil {
				return fmt.Errorf("copy events: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: postgres: put: %w", err)
	}
	s.written.Add(int64(len(rows)))
	return out, nil
}

// Version returns the version of the data, raised by every put that
// changes something.
func (s *Store) Version(ctx context.Context) (int64, error) {
	var n int64
	if err := s.pool.QueryRow(ctx, "SELECT n FROM store_version").Scan(&n); err != nil {
		return 0, fmt.Errorf("store: postgres: version: %w", err)
	}
	return n, nil
}

// Linked returns the version of the data the stored situations were
// linked from, -1 for none.
func (s *Store) Linked(ctx context.Context) (int64, error) {
	var n int64
	if err := s.pool.QueryRow(ctx, "SELECT linked FROM store_version").Scan(&n); err != nil {
		return 0, fmt.Errorf("store: postgres: linked version: %w", err)
	}
	return n, nil
}

// MarkLinked records that the stored situations were linked from
// version v of the data.
func (s *Store) MarkLinked(ctx context.Context, v int64) error {
	if _, err := s.pool.Exec(ctx, "UPDATE store_version SET linked = $1", v); err != nil {
		return fmt.Errorf("store: postgres: mark linked: %w", err)
	}
	return nil
}

// InputHash returns the store.InputHash stored with an article, "" for
// none.
func (s *Store) InputHash(ctx context.Context, id string) (string, error) {
	var h string
	err := s.pool.QueryRow(ctx, "SELECT input_hash FROM articles WHERE id = $1", id).Scan(&h)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: postgres: article %s: %w", id, err)
	}
	return h, nil
}

// InputHashes returns the store.InputHash of each stored article of ids.
func (s *Store) InputHashes(ctx context.Context, ids []string) (map[string]string, error) {
	rows, err := s.pool.Query(ctx, "SELECT id, input_hash FROM articles WHERE id = ANY($1)", ids)
	if err != nil {
		return nil, fmt.Errorf("store: postgres: input hashes: %w", err)
	}
	defer rows.Close()
	out := make(map[string]string, len(ids))
	for rows.Next() {
		var id, h string
		if err := rows.Scan(&id, &h); err != nil {
			return nil, fmt.Errorf("store: postgres: input hashes: %w", err)
		}
		out[id] = h
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: postgres: input hashes: %w", err)
	}
	return out, nil
}

// Article returns one article with its annotations, events and text.
func (s *Store) Article(ctx context.Context, id string) (*sitrep.Result, error) {
	var res *sitrep.Result
	err := pgx.BeginTxFunc(ctx, s.pool, pgx.TxOptions{AccessMode: pgx.ReadOnly, IsoLevel: pgx.RepeatableRead}, func(tx pgx.Tx) error {
		var ann []byte
		var text string
		if err := tx.QueryRow(ctx, "SELECT result, text FROM articles WHERE id = $1", id).Scan(&ann, &text); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, "SELECT id, article_id, event FROM events WHERE article_id = $1 ORDER BY idx", id)
		if err != nil {
			return err
		}
		recs, err := scanEvents(rows)
		if err != nil {
			return err
		}
		evs := make([]sitrep.Event, len(recs))
		for i := range recs {
			evs[i] = recs[i].Event
		}
		res, err = storesql.Result(ann, text, evs)
		return err
	})
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: postgres: article %s: %w", id, err)
	}
	return res, nil
}

// Event returns one event.
func (s *Store) Event(ctx context.Context, id string) (*store.EventRecord, error) {
	var aid string
	var js []byte
	err := s.pool.QueryRow(ctx, "SELECT article_id, event FROM events WHERE id = $1", id).Scan(&aid, &js)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: postgres: event %s: %w", id, err)
	}
	r, err := storesql.EventRecord(id, aid, js)
	if err != nil {
		return nil, fmt.Errorf("store: postgres: %w", err)
	}
	return &r, nil
}

func scanEvents(rows pgx.Rows) ([]store.EventRecord, error) {
	defer rows.Close()
	recs := []store.EventRecord{}
	for rows.Next() {
		var id, aid string
		var js []byte
		if err := rows.Scan(&id, &aid, &js); err != nil {
			return nil, err
		}
		r, err := storesql.EventRecord(id, aid, js)
		if err != nil {
			return nil, err
		}
		recs = append(recs, r)
	}
	return recs, rows.Err()
}

// dialect is PostgreSQL's side of the shared query builder.
type dialect struct{}

func (dialect) Placeholder(n int) string { return storesql.Dollar(n) }

func (dialect) TextMatch(ph string) string {
	return "e.article_id IN (SELECT a.id FROM articles a WHERE a.tsv @@ websearch_to_tsquery('english', " + ph + "))"
}

// TextQuery passes the query on: websearch_to_tsquery accepts any input
// (words, "phrases", or, -not).
func (dialect) TextQuery(q string) string { return noNUL(q) }

func where(q store.Query, args []any) (store.Query, string, []any, error) {
	q, err := q.Check()
	if err != nil {
		return q, "", nil, err
	}
	if q.Text != "" && strings.IndexFunc(q.Text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
		return q, "", nil, &store.QueryError{Param: "text", Reason: "no words to search for"}
	}
	for _, v := range []string{q.Actor, q.Country, q.CAMEO, q.PLOVER, q.Modality, q.ArticleID} {
		if strings.Contains(v, "\x00") {
			return q, "", nil, &store.QueryError{Param: "text", Reason: "NUL byte in a filter"}
		}
	}
	w, args := storesql.Where(dialect{}, q, args)
	return q, w, args, nil
}

func queryErr(op string, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && strings.HasPrefix(pe.Code, "22") { // data exception
		return &store.QueryError{Param: "text", Reason: pe.Message}
	}
	return fmt.Errorf("store: postgres: %s: %w", op, err)
}

// Events returns one page of matching events in the order of q.Sort.
func (s *Store) Events(ctx context.Context, q store.Query) (store.Page, error) {
	q, w, args, err := where(q, nil)
	if err != nil {
		return store.Page{}, err
	}
	args = append(args, q.Limit+1)
	rows, err := s.pool.Query(ctx, "SELECT e.id, e.article_id, e.event FROM events e WHERE "+w+
		" ORDER BY "+storesql.OrderBy(q, "e")+" LIMIT "+storesql.Dollar(len(args)), args...)
	if err != nil {
		return store.Page{}, queryErr("events", err)
	}
	recs, err := scanEvents(rows)
	if err != nil {
		return store.Page{}, queryErr("events", err)
	}
	return storesql.MakePage(recs, q), nil
}

// Actors counts matching events per actor code.
func (s *Store) Actors(ctx context.Context, q store.Query, limit int) ([]store.ActorCount, error) {
	q.Cursor, q.Limit = "", 0
	_, w, args, err := where(q, nil)
	if err != nil {
		return nil, err
	}
	args = append(args, storesql.ActorLimit(limit))
	rows, err := s.pool.Query(ctx, storesql.ActorsSQL(w, storesql.Dollar(len(args))), args...)
	if err != nil {
		return nil, queryErr("actors", err)
	}
	defer rows.Close()
	out := []store.ActorCount{}
	for rows.Next() {
		var c store.ActorCount
		if err := rows.Scan(&c.Actor, &c.Source, &c.Target); err != nil {
			return nil, queryErr("actors", err)
		}
		c.Total = c.Source + c.Target
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, queryErr("actors", err)
	}
	return out, nil
}

// Timeline counts matching events per day, week or month.
func (s *Store) Timeline(ctx context.Context, q store.Query, interval string) ([]store.Bucket, error) {
	if err := store.CheckInterval(interval); err != nil {
		return nil, err
	}
	q.Cursor, q.Limit = "", 0
	_, w, args, err := where(q, nil)
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, storesql.TimelineSQL+w+storesql.TimelineGroup, args...)
	if err != nil {
		return nil, queryErr("timeline", err)
	}
	defer rows.Close()
	t := storesql.NewTimeline(interval)
	for rows.Next() {
		var day string
		var quad, n int
		if err := rows.Scan(&day, &quad, &n); err != nil {
			return nil, queryErr("timeline", err)
		}
		t.Add(day, quad, n)
	}
	if err := rows.Err(); err != nil {
		return nil, queryErr("timeline", err)
	}
	return t.Buckets(), nil
}

// Stats summarises the matching events.
func (s *Store) Stats(ctx context.Context, q store.Query) (store.Stats, error) {
	q.Cursor, q.Limit = "", 0
	_, w, args, err := where(q, nil)
	if err != nil {
		return store.Stats{}, err
	}
	st := storesql.NewStats()
	rows, err := s.pool.Query(ctx, storesql.StatsSQL+w+storesql.StatsGroup, args...)
	if err != nil {
		return st, queryErr("stats", err)
	}
	defer rows.Close()
	for rows.Next() {
		var root, plover, country, first, last string
		var quad, n int
		if err := rows.Scan(&root, &quad, &plover, &country, &n, &first, &last); err != nil {
			return st, queryErr("stats", err)
		}
		storesql.AddStats(&st, root, quad, plover, country, n, first, last)
	}
	if err := rows.Err(); err != nil {
		return st, queryErr("stats", err)
	}
	if err := s.pool.QueryRow(ctx, storesql.ArticlesSQL+w, args...).Scan(&st.Articles); err != nil {
		return st, queryErr("stats", err)
	}
	return st, nil
}
