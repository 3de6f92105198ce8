package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/storesql"
)

// leaseClass is the first key of the two-key advisory locks that leases
// take ("sitr"); PostgreSQL keeps two-key locks apart from the one-key
// locks that serialise writers of an article.
const leaseClass = 0x73697472

var _ store.Leaser = (*Store)(nil)

// lease is a session-level advisory lock held on one connection of the
// pool, taken out of the pool until Release.
type lease struct {
	conn *pgxpool.Conn
	name string
}

// TryLease takes the advisory lock of name on a connection of its own,
// or returns nil when another session holds it. Locks are per database:
// the key is the name within the current schema, so that stores in two
// schemas of one database do not share leases.
func (s *Store) TryLease(ctx context.Context, name string) (store.Lease, error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: postgres: lease %s: %w", name, err)
	}
	var ok bool
	if err := conn.QueryRow(ctx, "SELECT pg_try_advisory_lock($1, hashtext(current_schema() || '.' || $2))", leaseClass, name).Scan(&ok); err != nil {
		conn.Release()
		return nil, fmt.Errorf("store: postgres: lease %s: %w", name, err)
	}
	if !ok {
		conn.Release()
		return nil, nil
	}
	return &lease{conn: conn, name: name}, nil
}

// Articles lists the stored articles' ids and input hashes in linking
// order.
func (l *lease) Articles(ctx context.Context, fn func(id, inputHash string) error) error {
	rows, err := l.conn.Query(ctx, "SELECT id, input_hash FROM articles ORDER BY published, id")
	if err != nil {
		return fmt.Errorf("store: postgres: lease %s: articles: %w", l.name, err)
	}
	type row struct{ id, hash string }
	all, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (row, error) {
		var x row
		err := r.Scan(&x.id, &x.hash)
		return x, err
	})
	if err != nil {
		return fmt.Errorf("store: postgres: lease %s: articles: %w", l.name, err)
	}
	for _, r := range all {
		if err := fn(r.id, r.hash); err != nil {
			return err
		}
	}
	return nil
}

// PutSituations writes on the lease's own connection, which holds the
// lock: once that connection is gone, so is the lock, and the write fails.
func (l *lease) PutSituations(ctx context.Context, out *sitrep.Situations) error {
	return putSituations(ctx, l.conn, storesql.Seq(out.Situations), out.Duplicates)
}

// Release unlocks and returns the connection to the pool; when the unlock
// fails, it closes the connection instead, which releases the lock too.
func (l *lease) Release(ctx context.Context) error {
	if _, err := l.conn.Exec(ctx, "SELECT pg_advisory_unlock($1, hashtext(current_schema() || '.' || $2))", leaseClass, l.name); err != nil {
		l.conn.Hijack().Close(context.WithoutCancel(ctx))
		return fmt.Errorf("store: postgres: release lease %s: %w", l.name, err)
	}
	l.conn.Release()
	return nil
}
