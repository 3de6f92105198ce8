package main

import (
	"context"
	"fmt"

	"github.com/sitrep-project/sitrep/internal/cluster"
)

// linkStored feeds the articles stored in db to c.
func linkStored(ctx context.Context, c *cluster.Clusterer, db string) error {
	return fmt.Errorf("situations: --db %s: not implemented yet", redact(db))
}
