package main

import (
	"context"
	"fmt"

	"github.com/sitrep-project/sitrep/internal/cluster"
	"github.com/sitrep-project/sitrep/internal/store"
	"github.com/sitrep-project/sitrep/internal/store/backend"
)

// linkStored feeds the articles stored in the database db to c.
func linkStored(ctx context.Context, c *cluster.Clusterer, db string) error {
	st, err := backend.Open(ctx, db)
	if err != nil {
		return fmt.Errorf("situations: %w", err)
	}
	defer st.Close()
	return linkStore(ctx, c, st)
}

// linkStore feeds every article of st that c does not hold yet to c, by
// publication date.
func linkStore(ctx context.Context, c *cluster.Clusterer, st store.Store) error {
	return st.ArticleIDs(ctx, func(id string) error {
		if c.Result(id) != nil {
			return nil
		}
		res, err := st.Article(ctx, id)
		if err != nil {
			return fmt.Errorf("situations: %w", err)
		}
		c.Add(res)
		return nil
	})
}

// relink links every article of st again and stores the situations.
func relink(ctx context.Context, st store.Store) (situations, events int, err error) {
	return finishLinking(ctx, cluster.New(cluster.DefaultConfig()), st)
}

// finishLinking adds the articles of st that c does not hold and stores
// the situations of them all.
func finishLinking(ctx context.Context, c *cluster.Clusterer, st store.Store) (situations, events int, err error) {
	if err := linkStore(ctx, c, st); err != nil {
		return 0, 0, err
	}
	out := c.Snapshot()
	if err := st.PutSituations(ctx, out); err != nil {
		return 0, 0, fmt.Errorf("situations: %w", err)
	}
	for _, s := range out.Situations {
		events += len(s.Events)
	}
	return len(out.Situations), events, nil
}
