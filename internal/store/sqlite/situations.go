package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"iter"
	"strings"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/storesql"
)

// ArticleIDs calls fn with every article id by publication date, then id.
func (s *Store) ArticleIDs(ctx context.Context, fn func(id string) error) error {
	rows, err := s.r.QueryContext(ctx, "SELECT id FROM articles ORDER BY published, id")
	if err != nil {
		return fmt.Errorf("store: sqlite: article ids: %w", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return fmt.Errorf("store: sqlite: article ids: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: sqlite: article ids: %w", err)
	}
	for _, id := range ids {
		if err := fn(id); err != nil {
			return err
		}
	}
	return nil
}

// insertBatch is how many rows one INSERT of PutSituations writes.
const insertBatch = 200

// PutSituations replaces the linking output in one transaction.
func (s *Store) PutSituations(ctx context.Context, out *sitrep.Situations) error {
	return s.PutSituationsFrom(ctx, storesql.Seq(out.Situations), out.Duplicates)
}

// PutSituationsFrom replaces the linking output in one transaction,
// reading the situations one at a time.
func (s *Store) PutSituationsFrom(ctx context.Context, sits iter.Seq2[*sitrep.Situation, error], dups []sitrep.Duplicate) error {
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for _, t := range []string{"situations", "situation_articles", "linked_events", "mentions", "duplicates"} {
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+t); err != nil {
				return err
			}
		}
		// Rows go in by insertBatch per statement: one statement per row
		// costs most of the time on large linkings.
		exec := func(insert string, cols, n int, row func(i int) []any) error {
			one := "(?" + strings.Repeat(", ?", cols-1) + ")"
			args := make([]any, 0, insertBatch*cols)
			for from := 0; from < n; from += insertBatch {
				to := min(n, from+insertBatch)
				args = args[:0]
				for i := from; i < to; i++ {
					args = append(args, row(i)...)
				}
				q := insert + " VALUES " + one + strings.Repeat(", "+one, to-from-1)
				if _, err := tx.ExecContext(ctx, q, args...); err != nil {
					return err
				}
			}
			return nil
		}
		err := storesql.Chunks(sits, insertBatch, func(chunk *sitrep.Situations) error {
			sits, members, evs, ms, err := storesql.SituationRows(chunk)
			if err != nil {
				return err
			}
			return errors.Join(
				exec("INSERT INTO situations", 7, len(sits), func(i int) []any {
					r := sits[i]
					return []any{r.ID, r.Title, r.First, r.Last, r.Articles, r.Events, string(r.Doc)}
				}),
				exec("INSERT OR IGNORE INTO situation_articles", 2, len(members), func(i int) []any {
					return []any{members[i][0], members[i][1]}
				}),
				exec("INSERT INTO linked_events", 11, len(evs), func(i int) []any {
					e := evs[i]
					return []any{e.ID, e.Situation, e.Date, e.CAMEO, e.PLOVER, e.Source, e.Target, e.Mentions, e.Sources, e.Articles, e.Confidence}
				}),
				exec("INSERT OR REPLACE INTO mentions", 6, len(ms), func(i int) []any {
					m := ms[i]
					return []any{m.EventID, m.LinkedEvent, m.Article, m.Start, m.End, m.Copy}
				}),
			)
		})
		if err != nil {
			return err
		}
		return exec("INSERT OR REPLACE INTO duplicates", 4, len(dups), func(i int) []any {
			d := dups[i]
			return []any{d.Copy, d.Original, d.Kind, d.Similarity}
		})
	})
	if err != nil {
		return fmt.Errorf("store: sqlite: put situations: %w", err)
	}
	return nil
}

// Situations lists the situations, latest first.
func (s *Store) Situations(ctx context.Context) ([]store.SituationSummary, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, title, first_date, last_date, num_articles, num_events
		FROM situations ORDER BY last_date DESC, id`)
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: situations: %w", err)
	}
	defer rows.Close()
	out := []store.SituationSummary{}
	for rows.Next() {
		var r store.SituationSummary
		if err := rows.Scan(&r.ID, &r.Title, &r.First, &r.Last, &r.Articles, &r.Events); err != nil {
			return nil, fmt.Errorf("store: sqlite: situations: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: sqlite: situations: %w", err)
	}
	return out, nil
}

// SituationsPage lists a page of situations, latest first.
func (s *Store) SituationsPage(ctx context.Context, q store.SituationQuery) (store.SituationPage, error) {
	q, err := q.Check()
	if err != nil {
		return store.SituationPage{}, err
	}
	where, args := []string{"1 = 1"}, []any{}
	if q.From != "" {
		where, args = append(where, "last_date >= ?"), append(args, q.From)
	}
	if q.To != "" {
		where, args = append(where, "first_date <> '' AND first_date <= ?"), append(args, q.To)
	}
	if q.Cursor != "" {
		last, id, _ := store.DecodeCursor(q.Cursor)
		where, args = append(where, "(last_date < ? OR (last_date = ? AND id > ?))"), append(args, last, last, id)
	}
	rows, err := s.r.QueryContext(ctx, `SELECT id, title, first_date, last_date, num_articles, num_events
		FROM situations WHERE `+strings.Join(where, " AND ")+` ORDER BY last_date DESC, id LIMIT ?`, append(args, q.Limit+1)...)
	if err != nil {
		return store.SituationPage{}, fmt.Errorf("store: sqlite: situations: %w", err)
	}
	defer rows.Close()
	page := store.SituationPage{Situations: []store.SituationSummary{}}
	for rows.Next() {
		var r store.SituationSummary
		if err := rows.Scan(&r.ID, &r.Title, &r.First, &r.Last, &r.Articles, &r.Events); err != nil {
			return store.SituationPage{}, fmt.Errorf("store: sqlite: situations: %w", err)
		}
		page.Situations = append(page.Situations, r)
	}
	if err := rows.Err(); err != nil {
		return store.SituationPage{}, fmt.Errorf("store: sqlite: situations: %w", err)
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
	err := s.r.QueryRowContext(ctx, "SELECT doc FROM situations WHERE id = ?", id).Scan(&doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, store.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: situation %s: %w", id, err)
	}
	sit, err := storesql.Situation([]byte(doc))
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: situation %s: %w", id, err)
	}
	return sit, nil
}

// Duplicates returns the near-duplicate articles.
func (s *Store) Duplicates(ctx context.Context) ([]sitrep.Duplicate, error) {
	rows, err := s.r.QueryContext(ctx, "SELECT original_id, copy_id, kind, similarity FROM duplicates ORDER BY copy_id")
	if err != nil {
		return nil, fmt.Errorf("store: sqlite: duplicates: %w", err)
	}
	defer rows.Close()
	out := []sitrep.Duplicate{}
	for rows.Next() {
		var d sitrep.Duplicate
		if err := rows.Scan(&d.Original, &d.Copy, &d.Kind, &d.Similarity); err != nil {
			return nil, fmt.Errorf("store: sqlite: duplicates: %w", err)
		}
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: sqlite: duplicates: %w", err)
	}
	return out, nil
}

// EventLinks returns the linked events of the given mentions.
func (s *Store) EventLinks(ctx context.Context, ids []string) (map[string]store.EventLink, error) {
	out := map[string]store.EventLink{}
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), 500)]
		ids = ids[len(chunk):]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.r.QueryContext(ctx, `SELECT m.event_id, l.id, l.situation_id, l.num_mentions, l.num_sources, l.num_articles,
			l.confidence, m.is_copy FROM mentions m JOIN linked_events l ON l.id = m.linked_event_id
			WHERE m.event_id IN (?`+strings.Repeat(", ?", len(chunk)-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("store: sqlite: event links: %w", err)
		}
		for rows.Next() {
			var id string
			var l store.EventLink
			if err := rows.Scan(&id, &l.LinkedEvent, &l.Situation, &l.NumMentions, &l.NumSources, &l.NumArticles, &l.Corroboration, &l.Copy); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: sqlite: event links: %w", err)
			}
			out[id] = l
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("store: sqlite: event links: %w", err)
		}
	}
	return out, nil
}
