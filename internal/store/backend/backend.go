// Package backend opens the store a data source name points to: a
// postgres:// or postgresql:// URL opens PostgreSQL, anything else is the
// path of a SQLite file (optionally written sqlite:PATH).
//
// Input: a data source name. Output: a store.Store with its schema up to
// date. It lives apart from package store so that store does not import
// its backends.
package backend

import (
	"context"
	"strings"

	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/postgres"
	"github.com/sitrep-project/sitrep/internal/store/sqlite"
)

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens the store named by dsn.
func Open(ctx context.Context, dsn string) (store.Store, error) {
	if IsPostgres(dsn) {
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			return nil, err
		}
		return s, nil
	}
	s, err := sqlite.Open(ctx, strings.TrimPrefix(dsn, "sqlite:"))
	if err != nil {
		return nil, err
	}
	return s, nil
}
