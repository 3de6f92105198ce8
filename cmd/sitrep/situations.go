package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/sitrep-project/sitrep"
	"github.com/sitrep-project/sitrep/internal/cluster"
	"github.com/sitrep-project/sitrep/internal/pipeline"
)

func (m *Main) situations(ctx context.Context, args []string) error {
	fs := newFlagSet(m, "situations", "[PATH...]",
		"Links event mentions into events across sentences and articles, marks near-duplicate\narticles and groups articles and events into situations; prints one JSON object\n{situations, duplicates} (docs/SCHEMA.md). With PATHs it extracts those articles in\nmemory; with --db and no PATH it reads the articles stored there.")
	var in inputFlags
	in.register(fs)
	db := fs.String("db", "", "read the articles of this database (a SQLite `FILE` or a postgres:// URL) instead of PATHs")
	pretty := fs.Bool("pretty", false, "indent the JSON")
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	sits, _, sum, err := m.linkArticles(ctx, &in, *db, fs.Args())
	if err != nil {
		return err
	}
	enc := json.NewEncoder(m.Stdout)
	if *pretty {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(sits); err != nil {
		return fmt.Errorf("situations: %w", err)
	}
	if sum != nil {
		fmt.Fprintln(m.Stderr, "sitrep:", *sum)
		return sum.err()
	}
	return nil
}

// linkArticles runs linking over the articles of PATHs (extracted in
// memory) or, with db set and no PATH, of a database, and returns the
// result with the clusterer (which holds the articles). The summary is
// nil for a database.
func (m *Main) linkArticles(ctx context.Context, in *inputFlags, db string, paths []string) (*sitrep.Situations, *cluster.Clusterer, *summary, error) {
	c := cluster.New(cluster.DefaultConfig())
	switch {
	case db != "" && len(paths) > 0:
		return nil, nil, nil, fmt.Errorf("%w: give --db or PATHs, not both", errUsage)
	case db != "":
		if err := linkStored(ctx, c, db); err != nil {
			return nil, nil, nil, err
		}
		return c.Snapshot(), c, nil, nil
	case len(paths) == 0:
		return nil, nil, nil, fmt.Errorf("%w: give PATHs (or - for stdin) or --db", errUsage)
	}
	opts, err := in.options()
	if err != nil {
		return nil, nil, nil, err
	}
	p, err := pipeline.New(pipeline.Config{DictDirs: in.dicts})
	if err != nil {
		return nil, nil, nil, err
	}
	var sum summary
	rep := m.newReporter(paths, "situations", true)
	defer rep.done()
	err = process(ctx, m, p, in.run(), opts, paths, &sum, rep, nil, func(res *sitrep.Result) error {
		c.Add(res)
		return nil
	})
	if err != nil {
		return nil, nil, nil, err
	}
	return c.Snapshot(), c, &sum, nil
}
