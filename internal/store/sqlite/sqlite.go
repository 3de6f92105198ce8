// Package sqlite is the embedded store: a single SQLite file, written
// through one connection and read through a pool, with FTS5 full-text
// search over article titles and texts.
//
// Input: *sitrep.Result values and store.Query values.
// Output: the records and aggregates of store.Store.
//
// It uses modernc.org/sqlite, a pure-Go SQLite, so no C toolchain is
// needed. The database runs in WAL mode: readers never wait for the
// writer, and writes are serialised by the one writer connection, which
// avoids SQLITE_BUSY between the store's own goroutines.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/storesql"
	msqlite "modernc.org/sqlite" // registers the "sqlite" driver
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is a store.Store in one SQLite file.
type Store struct {
	path string
	w    *sql.DB // one connection: every write goes through it
	r    *sql.DB // readers
}

var (
	_ store.Store      = (*Store)(nil)
	_ store.Batcher    = (*Store)(nil)
	_ store.Resumer    = (*Store)(nil)
	_ store.Versioner  = (*Store)(nil)
	_ store.LinkMarker = (*Store)(nil)
)

// Open opens (creating if needed) the database at path and brings its
// schema up to date. The path ":memory:" gives a private in-memory
// database.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, fmt.Errorf("store: sqlite: empty path")
	}
	s := &Store{path: path}
	pragmas := "_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)"
	if path == ":memory:" {
		// Every connection to :memory: is its own database: use one.
		db, err := sql.Open("sqlite", "file::memory:?"+pragmas+"&_txlock=immediate")
		if err != nil {
			return nil, fmt.Errorf("store: sqlite: open %s: %w", path, err)
		}
		db.SetMaxOpenConns(1)
		db.SetMaxIdleConns(1)
		db.SetConnMaxLifetime(0)
		s.w, s.r = db, db
	} else {
		u := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + pragmas + "&_pragma=journal_mode(WAL)"
		w, err := sql.Open("sqlite", u+"&_txlock=immediate")
		if err != nil {
			return nil, fmt.Errorf("store: sqlite: open %s: %w", path, err)
		}
		w.SetMaxOpenConns(1)
		w.SetMaxIdleConns(1)
		w.SetConnMaxLifetime(0)
		s.w = w
		// Migrate before opening readers so they see the schema.
		if err := s.migrate(ctx); err != nil {
			w.Close()
			return nil, err
		}
		r, err := sql.Open("sqlite", u+"&_pragma=query_only(1)&_pragma=mmap_size(1073741824)")
		if err != nil {
			w.Close()
			return nil, fmt.Errorf("store: sqlite: open %s: %w", path, err)
		}
		r.SetMaxOpenConns(8)
		r.SetMaxIdleConns(8)
		s.r = r
		return s, nil
	}
	if err := s.migrate(ctx); err != nil {
		s.w.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the database, first letting SQLite refresh the planner
// statistics that changed much.
func (s *Store) Close() error {
	_, err := s.w.Exec("PRAGMA optimize")
	err = errors.Join(err, s.w.Close())
	if s.r != s.w {
		err = errors.Join(err, s.r.Close())
	}
	return err
}

// migrate applies the embedded migrations newer than the schema version,
// each in its own transaction.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := storesql.Migrations(migrationFS, "migrations")
	if err != nil {
		return fmt.Errorf("store: sqlite: %w", err)
	}
	if _, err := s.w.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"); err != nil {
		return fmt.Errorf("store: sqlite: open %s: %w", s.path, err)
	}
	for _, m := range ms {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			var v sql.NullInt64
			if err := tx.QueryRowContext(ctx, "SELECT max(version) FROM schema_version").Scan(&v); err != nil {
				return err
			}
			if int(v.Int64) >= m.Version {
				return nil
			}
			if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, "DELETE FROM schema_version; INSERT INTO schema_version (version) VALUES (?)", m.Version)
			return err
		})
		if err != nil {
			return fmt.Errorf("store: sqlite: %s: migration %s: %w", s.path, m.Name, err)
		}
	}
	return nil
}

// SchemaVersion returns the version of the database schema.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.r.QueryRowContext(ctx, "SELECT version FROM schema_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("store: sqlite: schema version: %w", err)
	}
	return v, nil
}

func (s *Store) tx(ctx context.Context, f func(*sql.Tx) error) error {
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Put stores one result.
func (s *Store) Put(ctx context.Context, res *sitrep.Result) (store.PutOutcome, error) {
	out, err := s.PutBatch(ctx, []*sitrep.Result{res})
	if err != nil {
		return 0, err
	}
	return out[0], nil
}

// PutBatch stores results in one transaction: all or none.
func (s *Store) PutBatch(ctx context.Context, results []*sitrep.Result) ([]store.PutOutcome, error) {
	out := make([]store.PutOutcome, len(results))
	err := s.tx(ctx, func(tx *sql.Tx) error {
		getHash, err := tx.PrepareContext(ctx, "SELECT seq, hash, input_hash FROM articles WHERE id = ?")
		if err != nil {
			return err
		}
		defer getHash.Close()
		// articles_fts is an external-content index: removing a row
		// needs the indexed values it was built from.
		ftsDel, err := tx.PrepareContext(ctx, `INSERT INTO articles_fts (articles_fts, rowid, title, text)
			SELECT 'delete', seq, title, text FROM articles WHERE seq = ?`)
		if err != nil {
			return err
		}
		defer ftsDel.Close()
		ftsIns, err := tx.PrepareContext(ctx, "INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)")
		if err != nil {
			return err
		}
		defer ftsIns.Close()
		insArt, err := tx.PrepareContext(ctx, `INSERT INTO articles (id, published, title, url, source, origin, text, hash, result, input_hash)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer insArt.Close()
		updArt, err := tx.PrepareContext(ctx, `UPDATE articles SET published = ?2, title = ?3, url = ?4, source = ?5, origin = ?6,
			text = ?7, hash = ?8, result = ?9, input_hash = ?10 WHERE id = ?1`)
		if err != nil {
			return err
		}
		defer updArt.Close()
		delDocs, err := tx.PrepareContext(ctx, "DELETE FROM event_docs WHERE id IN (SELECT id FROM events WHERE article_id = ?)")
		if err != nil {
			return err
		}
		defer delDocs.Close()
		delEv, err := tx.PrepareContext(ctx, "DELETE FROM events WHERE article_id = ?")
		if err != nil {
			return err
		}
		defer delEv.Close()
		insDoc, err := tx.PrepareContext(ctx, "INSERT INTO event_docs (id, event) VALUES (?, ?)")
		if err != nil {
			return err
		}
		defer insDoc.Close()
		insEv, err := tx.PrepareContext(ctx, `INSERT INTO events (id, article_id, idx, date, day, cameo, root, quad_class, goldstein,
			plover, modality, source_actor, target_actor, loc_name, loc_country, lat, lon, confidence, background)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer insEv.Close()

		for i, res := range results {
			a, evs, err := storesql.Rows(res)
			if err != nil {
				return err
			}
			var seq int64
			var old, oldInput string
			switch err := getHash.QueryRowContext(ctx, a.ID).Scan(&seq, &old, &oldInput); {
			case errors.Is(err, sql.ErrNoRows):
				out[i] = store.Inserted
				r, err := insArt.ExecContext(ctx, a.ID, a.Published, a.Title, a.URL, a.Source, a.Origin, a.Text, a.Hash, a.Result, a.InputHash)
				if err != nil {
					return fmt.Errorf("article %s: %w", a.ID, err)
				}
				if seq, err = r.LastInsertId(); err != nil {
					return fmt.Errorf("article %s: %w", a.ID, err)
				}
			case err != nil:
				return fmt.Errorf("article %s: %w", a.ID, err)
			case old == a.Hash:
				out[i] = store.Unchanged
				if oldInput != a.InputHash { // stored before input hashes were kept
					if _, err := tx.ExecContext(ctx, "UPDATE articles SET input_hash = ? WHERE seq = ?", a.InputHash, seq); err != nil {
						return fmt.Errorf("article %s: %w", a.ID, err)
					}
				}
				continue
			default:
				out[i] = store.Updated
				if _, err := ftsDel.ExecContext(ctx, seq); err != nil {
					return fmt.Errorf("article %s: unindex: %w", a.ID, err)
				}
				if _, err := updArt.ExecContext(ctx, a.ID, a.Published, a.Title, a.URL, a.Source, a.Origin, a.Text, a.Hash, a.Result, a.InputHash); err != nil {
					return fmt.Errorf("article %s: %w", a.ID, err)
				}
				if _, err := delDocs.ExecContext(ctx, a.ID); err != nil {
					return fmt.Errorf("article %s: %w", a.ID, err)
				}
				if _, err := delEv.ExecContext(ctx, a.ID); err != nil {
					return fmt.Errorf("article %s: %w", a.ID, err)
				}
			}
			if _, err := ftsIns.ExecContext(ctx, seq, a.Title, a.Text); err != nil {
				return fmt.Errorf("article %s: index: %w", a.ID, err)
			}
			for _, e := range evs {
				_, err := insEv.ExecContext(ctx, e.ID, e.ArticleID, e.Index, e.Date, e.Day, e.CAMEO, e.Root, e.QuadClass, e.Goldstein,
					e.PLOVER, e.Modality, e.SourceActor, e.TargetActor, e.LocName, e.LocCountry, e.Lat, e.Lon, e.Confidence, e.Background)
				if err != nil {
					return fmt.Errorf("event %s: %w", e.ID, err)
				}
				if _, err := insDoc.ExecContext(ctx, e.ID, e.JSON); err != nil {
					return fmt.Errorf("event %s: %w", e.ID, err)
				}
			}
		}
		// The data version goes up with every transaction that changes
		// something.
		if slices.ContainsFunc(out, func(o store.PutOutcome) bool { return o != store.Unchanged }) {
			if _, err := tx.ExecContext(ctx, "UPDATE store_version SET n = n + 1"); err != nil {
				return fmt.Errorf("version: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: put: %w", err)
	}
	return out, nil
}

// Article returns one article with its annotations, events and text.
func (s *Store) Article(ctx context.Context, id string) (*sitrep.Result, error) {
	tx, err := s.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: s.r != s.w})
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: article %s: %w", id, err)
	}
	defer tx.Rollback()
	var ann []byte
	var text string
	err = tx.QueryRowContext(ctx, "SELECT result, text FROM articles WHERE id = ?", id).Scan(&ann, &text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: article %s: %w", id, err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT e.id, e.article_id, d.event FROM events e JOIN event_docs d ON d.id = e.id
		WHERE e.article_id = ? ORDER BY e.idx`, id)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: article %s: %w", id, err)
	}
	recs, err := scanEvents(rows)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: article %s: %w", id, err)
	}
	evs := make([]sitrep.Event, len(recs))
	for i := range recs {
		evs[i] = recs[i].Event
	}
	res, err := storesql.Result(ann, text, evs)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: article %s: %w", id, err)
	}
	return res, nil
}

// Version returns the version of the data, raised by every put that
// changes something.
func (s *Store) Version(ctx context.Context) (int64, error) {
	var n int64
	if err := s.r.QueryRowContext(ctx, "SELECT n FROM store_version").Scan(&n); err != nil {
		return 0, fmt.Errorf("store: sqlite: version: %w", err)
	}
	return n, nil
}

// Linked returns the version of the data the stored situations were
// linked from, -1 for none.
func (s *Store) Linked(ctx context.Context) (int64, error) {
	var n int64
	if err := s.r.QueryRowContext(ctx, "SELECT linked FROM store_version").Scan(&n); err != nil {
		return 0, fmt.Errorf("store: sqlite: linked version: %w", err)
	}
	return n, nil
}

// MarkLinked records that the stored situations were linked from
// version v of the data.
func (s *Store) MarkLinked(ctx context.Context, v int64) error {
	if _, err := s.w.ExecContext(ctx, "UPDATE store_version SET linked = ?", v); err != nil {
		return fmt.Errorf("store: sqlite: mark linked: %w", err)
	}
	return nil
}

// InputHash returns the store.InputHash stored with an article, "" for
// none.
func (s *Store) InputHash(ctx context.Context, id string) (string, error) {
	var h string
	err := s.r.QueryRowContext(ctx, "SELECT input_hash FROM articles WHERE id = ?", id).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: sqlite: article %s: %w", id, err)
	}
	return h, nil
}

// Event returns one event.
func (s *Store) Event(ctx context.Context, id string) (*store.EventRecord, error) {
	var aid string
	var js []byte
	err := s.r.QueryRowContext(ctx, "SELECT e.article_id, d.event FROM events e JOIN event_docs d ON d.id = e.id WHERE e.id = ?", id).Scan(&aid, &js)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: event %s: %w", id, err)
	}
	r, err := storesql.EventRecord(id, aid, js)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: %w", err)
	}
	return &r, nil
}

func scanEvents(rows *sql.Rows) ([]store.EventRecord, error) {
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

// dialect is SQLite's side of the shared query builder. page is set for
// queries that read one page in page order.
type dialect struct{ page bool }

func (dialect) Placeholder(n int) string { return storesql.Numbered(n) }

// TextMatch tests each event's article against the set of matching
// articles. For a page, the unary + keeps SQLite from fetching the events
// of every matching article through events_article and sorting them,
// where the scan in page order stops once the page is full; aggregates
// read every match and are better served by the index.
func (d dialect) TextMatch(ph string) string {
	col := "e.article_id"
	if d.page {
		col = "+" + col
	}
	return col + " IN (SELECT a.id FROM articles_fts f JOIN articles a ON a.seq = f.rowid WHERE articles_fts MATCH " + ph + ")"
}

// TextQuery passes FTS5 syntax through when the query uses it and
// otherwise quotes each word, so that plain words with punctuation
// ("U.S.", "al-Assad") never make a syntax error.
func (dialect) TextQuery(q string) string {
	if strings.ContainsAny(q, `"*()^:`) || hasOperator(q) {
		return q
	}
	words := strings.Fields(q)
	for i, w := range words {
		words[i] = `"` + w + `"`
	}
	return strings.Join(words, " ")
}

func hasOperator(q string) bool {
	for _, w := range strings.Fields(q) {
		switch w {
		case "AND", "OR", "NOT", "NEAR":
			return true
		}
	}
	return false
}

// where checks q and builds its condition, for a page or an aggregate.
func where(q store.Query, args []any, page bool) (store.Query, string, []any, error) {
	q, err := q.Check()
	if err != nil {
		return q, "", nil, err
	}
	if q.Text != "" && !hasWord(q.Text) {
		return q, "", nil, &store.QueryError{Param: "text", Reason: "no words to search for"}
	}
	w, args := storesql.Where(dialect{page: page}, q, args)
	return q, w, args, nil
}

func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// queryErr turns errors in full-text queries into a QueryError on the
// text: the rest of the SQL is the store's own, so a plain SQLITE_ERROR
// in a query with text comes from the MATCH expression ("fts5: syntax
// error near ...", "unterminated string").
func queryErr(op string, q store.Query, err error) error {
	var se *msqlite.Error
	if q.Text != "" && errors.As(err, &se) && se.Code() == sqlite3.SQLITE_ERROR {
		return &store.QueryError{Param: "text", Reason: strings.TrimPrefix(se.Error(), "SQL logic error: ")}
	}
	return fmt.Errorf("store: sqlite: %s: %w", op, err)
}

// Events returns one page of matching events in the order of q.Sort.
func (s *Store) Events(ctx context.Context, q store.Query) (store.Page, error) {
	q, w, args, err := where(q, nil, true)
	if err != nil {
		return store.Page{}, err
	}
	args = append(args, q.Limit+1)
	// The page is chosen on the narrow events rows; only its events are
	// read in full.
	rows, err := s.r.QueryContext(ctx, "SELECT p.id, p.article_id, d.event FROM (SELECT e.id, e.article_id, e.day, e.confidence FROM events e WHERE "+w+
		" ORDER BY "+storesql.OrderBy(q, "e")+" LIMIT "+storesql.Numbered(len(args))+") p JOIN event_docs d ON d.id = p.id ORDER BY "+storesql.OrderBy(q, "p"), args...)
	if err != nil {
		return store.Page{}, queryErr("events", q, err)
	}
	recs, err := scanEvents(rows)
	if err != nil {
		return store.Page{}, queryErr("events", q, err)
	}
	return storesql.MakePage(recs, q), nil
}

// Actors counts matching events per actor code.
func (s *Store) Actors(ctx context.Context, q store.Query, limit int) ([]store.ActorCount, error) {
	q.Cursor, q.Limit = "", 0
	_, w, args, err := where(q, nil, false)
	if err != nil {
		return nil, err
	}
	limit = storesql.ActorLimit(limit)
	args = append(args, limit)
	rows, err := s.r.QueryContext(ctx, storesql.ActorsSQL(w, storesql.Numbered(len(args))), args...)
	if err != nil {
		return nil, queryErr("actors", q, err)
	}
	defer rows.Close()
	out := []store.ActorCount{}
	for rows.Next() {
		var c store.ActorCount
		if err := rows.Scan(&c.Actor, &c.Source, &c.Target); err != nil {
			return nil, queryErr("actors", q, err)
		}
		c.Total = c.Source + c.Target
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, queryErr("actors", q, err)
	}
	return out, nil
}

// Timeline counts matching events per day, week or month.
func (s *Store) Timeline(ctx context.Context, q store.Query, interval string) ([]store.Bucket, error) {
	if err := store.CheckInterval(interval); err != nil {
		return nil, err
	}
	q.Cursor, q.Limit = "", 0
	_, w, args, err := where(q, nil, false)
	if err != nil {
		return nil, err
	}
	rows, err := s.r.QueryContext(ctx, storesql.TimelineSQL+w+storesql.TimelineGroup, args...)
	if err != nil {
		return nil, queryErr("timeline", q, err)
	}
	defer rows.Close()
	t := storesql.NewTimeline(interval)
	for rows.Next() {
		var day string
		var quad, n int
		if err := rows.Scan(&day, &quad, &n); err != nil {
			return nil, queryErr("timeline", q, err)
		}
		t.Add(day, quad, n)
	}
	if err := rows.Err(); err != nil {
		return nil, queryErr("timeline", q, err)
	}
	return t.Buckets(), nil
}

// Stats summarises the matching events.
func (s *Store) Stats(ctx context.Context, q store.Query) (store.Stats, error) {
	q.Cursor, q.Limit = "", 0
	_, w, args, err := where(q, nil, false)
	if err != nil {
		return store.Stats{}, err
	}
	st := storesql.NewStats()
	rows, err := s.r.QueryContext(ctx, storesql.StatsSQL+w+storesql.StatsGroup, args...)
	if err != nil {
		return st, queryErr("stats", q, err)
	}
	defer rows.Close()
	for rows.Next() {
		var root, plover, country, first, last string
		var quad, n int
		if err := rows.Scan(&root, &quad, &plover, &country, &n, &first, &last); err != nil {
			return st, queryErr("stats", q, err)
		}
		storesql.AddStats(&st, root, quad, plover, country, n, first, last)
	}
	if err := rows.Err(); err != nil {
		return st, queryErr("stats", q, err)
	}
	if err := s.r.QueryRowContext(ctx, storesql.ArticlesSQL+w, args...).Scan(&st.Articles); err != nil {
		return st, queryErr("stats", q, err)
	}
	return st, nil
}
