package postgres

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/storesql"
)

// ArticleIDs calls fn with every article id by publication date, then id.
func (s *Store) ArticleIDs(ctx context.Context, fn func(id string) error) error {
	rows, err := s.pool.Query(ctx, "SELECT id FROM articles ORDER BY published, id")
	if err != nil {
		return fmt.Errorf("store: postgres: article ids: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return fmt.Errorf("store: postgres: article ids: %w", err)
	}
	for _, id := range ids {
		if err := fn(id); err != nil {
			return err
		}
	}
	return nil
}

// PutSituations replaces the linking output in one transaction.
func (s *Store) PutSituations(ctx context.Context, out *sitrep.Situations) error {
	return putSituations(ctx, s.pool, storesql.Seq(out.Situations), out.Duplicates)
}

// PutSituationsFrom replaces the linking output in one transaction,
// reading the situations one at a time.
func (s *Store) PutSituationsFrom(ctx context.Context, sits iter.Seq2[*sitrep.Situation, error], dups []sitrep.Duplicate) error {
	return putSituations(ctx, s.pool, sits, dups)
}

// beginner is a pool or one connection.
type beginner interface {
	Begin(ctx context.Context) (pgx.Tx, error)
}

// putBatch is how many situations go in one batch of statements.
const putBatch = 200

func putSituations(ctx context.Context, db beginner, situations iter.Seq2[*sitrep.Situation, error], dups []sitrep.Duplicate) error {
	err := pgx.BeginFunc(ctx, db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "TRUNCATE situations, situation_articles, linked_events, mentions, duplicates"); err != nil {
			return err
		}
		err := storesql.Chunks(situations, putBatch, func(chunk *sitrep.Situations) error {
			sits, members, evs, ms, err := storesql.SituationRows(chunk)
			if err != nil {
				return err
			}
			var b pgx.Batch
			for _, r := range sits {
				b.Queue("INSERT INTO situations VALUES ($1, $2, $3, $4, $5, $6, $7)", r.ID, r.Title, r.First, r.Last, r.Articles, r.Events, string(r.Doc))
			}
			for _, m := range members {
				b.Queue("INSERT INTO situation_articles VALUES ($1, $2) ON CONFLICT DO NOTHING", m[0], m[1])
			}
			for _, e := range evs {
				b.Queue("INSERT INTO linked_events VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
					e.ID, e.Situation, e.Date, e.CAMEO, e.PLOVER, e.Source, e.Target, e.Mentions, e.Sources, e.Articles, e.Confidence)
			}
			for _, m := range ms {
				b.Queue(`INSERT INTO mentions VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO UPDATE SET
				linked_event_id = excluded.linked_event_id, article_id = excluded.article_id, start_offset = excluded.start_offset,
				end_offset = excluded.end_offset, is_copy = excluded.is_copy`, m.EventID, m.LinkedEvent, m.Article, m.Start, m.End, m.Copy)
			}
			return tx.SendBatch(ctx, &b).Close()
		})
		if err != nil {
			return err
		}
		var b pgx.Batch
		for _, d := range dups {
			b.Queue(`INSERT INTO duplicates VALUES ($1, $2, $3, $4) ON CONFLICT (copy_id) DO UPDATE SET
				original_id = excluded.original_id, kind = excluded.kind, similarity = excluded.similarity`, d.Copy, d.Original, d.Kind, d.Similarity)
		}
		return tx.SendBatch(ctx, &b).Close()
	})
	if err != nil {
		return fmt.Errorf("store: postgres: put situations: %w", err)
	}
	return nil
}

// Situations lists the situations, latest first.
func (s *Store) Situations(ctx context.Context) ([]store.SituationSummary, error) {
	rows, err := s.pool.Query(ctx, `SELECT id, title, first_date, last_date, num_articles, num_events
		FROM situations ORDER BY last_date DESC, id`)
	if err != nil {
		return nil, fmt.Errorf("store: postgres: situations: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (store.SituationSummary, error) {
		var r store.SituationSummary
		err := row.Scan(&r.ID, &r.Title, &r.First, &r.Last, &r.Articles, &r.Events)
		return r, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: postgres: situations: %w", err)
	}
	if out == nil {
		out = []store.SituationSummary{}
	}
	return out, nil
}

// SituationsPage lists a page of situations, latest first.
func (s *Store) SituationsPage(ctx context.Context, q store.SituationQuery) (store.SituationPage, error) {
	q, err := q.Check()
	if err != nil {
		return store.SituationPage{}, err
	}
	where, args := []string{"TRUE"}, []any{}
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if q.From != "" {
		where = append(where, "last_date >= "+arg(q.From))
	}
	if q.To != "" {
		where = append(where, "first_date <> '' AND first_date <= "+arg(q.To))
	}
	if q.Cursor != "" {
		last, id, _ := store.DecodeCursor(q.Cursor)
		l := arg(last)
		where = append(where, "(last_date < "+l+" OR (last_date = "+l+" AND id > "+arg(id)+"))")
	}
	rows, err := s.pool.Query(ctx, `SELECT id, title, first_date, last_date, num_articles, num_events
		FROM situations WHERE `+strings.Join(where, " AND ")+` ORDER BY last_date DESC, id LIMIT `+arg(q.Limit+1), args...)
	if err != nil {
		return store.SituationPage{}, fmt.Errorf("store: postgres: situations: %w", err)
	}
	list, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.SituationSummary, error) {
		var x store.SituationSummary
		err := r.Scan(&x.ID, &x.Title, &x.First, &x.Last, &x.Articles, &x.Events)
		return x, err
	})
	if err != nil {
		return store.SituationPage{}, fmt.Errorf("store: postgres: situations: %w", err)
	}
	page := store.SituationPage{Situations: list}
	if page.Situations == nil {
		page.Situations = []store.SituationSummary{}
	}
	if len(page.Situations) > q.Limit {
		page.Situations = page.Situations[:q.Limit]
		page.Next = store.SituationCursor(page.Situations[q.Limit-1])
	}
	return page, nil
}

// Situation returns one situation.
func (s *Store) Situation(ctx context.Context, id string) (*sitrep.Situation, error) {
	var doc string
	err := s.pool.QueryRow(ctx, "SELECT doc FROM situations WHERE id = $1", id).Scan(&doc)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: postgres: situation %s: %w", id, err)
	}
	sit, err := storesql.Situation([]byte(doc))
	if err != nil {
		return nil, fmt.Errorf("store: postgres: situation %s: %w", id, err)
	}
	return sit, nil
}

// Duplicates returns the near-duplicate articles.
func (s *Store) Duplicates(ctx context.Context) ([]sitrep.Duplicate, error) {
	rows, err := s.pool.Query(ctx, "SELECT original_id, copy_id, kind, similarity FROM duplicates ORDER BY copy_id")
	if err != nil {
		return nil, fmt.Errorf("store: postgres: duplicates: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (sitrep.Duplicate, error) {
		var d sitrep.Duplicate
		err := row.Scan(&d.Original, &d.Copy, &d.Kind, &d.Similarity)
		return d, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: postgres: duplicates: %w", err)
	}
	if out == nil {
		out = []sitrep.Duplicate{}
	}
	return out, nil
}

// EventLinks returns the linked events of the given mentions.
func (s *Store) EventLinks(ctx context.Context, ids []string) (map[string]store.EventLink, error) {
	out := map[string]store.EventLink{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, `SELECT m.event_id, l.id, l.situation_id, l.num_mentions, l.num_sources, l.num_articles,
		l.confidence, m.is_copy FROM mentions m JOIN linked_events l ON l.id = m.linked_event_id
		WHERE m.event_id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("store: postgres: event links: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var l store.EventLink
		if err := rows.Scan(&id, &l.LinkedEvent, &l.Situation, &l.NumMentions, &l.NumSources, &l.NumArticles, &l.Corroboration, &l.Copy); err != nil {
			return nil, fmt.Errorf("store: postgres: event links: %w", err)
		}
		out[id] = l
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: postgres: event links: %w", err)
	}
	return out, nil
}
